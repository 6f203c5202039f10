"""The allowance calculator: NL and BE amounts checked against sums made here from Content/_data/allowances.yml."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import assert_accessible, assert_clean, money, open_page, print_media, t, visible_buttons, wait_for

PAGE = "vergoedingen/rekenhulp/index.html"
CENT = Decimal("0.01")
# The documented assumption (214-day rule for fixed allowances): 214 working days a year for a 5-day week.
DAYS_PER_YEAR = Decimal(214)
FULL_WEEK = Decimal(5)


def _cents(amount):
    return int((amount.quantize(CENT, rounding=ROUND_HALF_UP) * 100))


def _country(allowances, code):
    return next(c for c in allowances["countries"] if c["code"] == code)


def _rate_in_force(country, day):
    candidates = [r for r in country["rates"] if str(r["valid_from"]) <= day]
    return max(candidates, key=lambda r: str(r["valid_from"])) if candidates else None


def _set(driver, name, value):
    field = driver.find_element(By.CSS_SELECTOR, f".calc-form [name='{name}']")
    field.clear()
    if value != "":
        field.send_keys(value)


def _choose(driver, country, year):
    Select(driver.find_element(By.CSS_SELECTOR, ".calc-form [name='country']")).select_by_value(country)
    Select(driver.find_element(By.CSS_SELECTOR, ".calc-form [name='year']")).select_by_value(str(year))


def _cell(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f".calc-results [data-cell='{name}']").text


@pytest.fixture(scope="module")
def allowances(data):
    return data["allowances"]


def test_years_follow_the_data(driver, server, allowances):
    open_page(driver, server + PAGE)
    assert driver.find_element(By.CSS_SELECTOR, ".calc-form").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, ".calc .mv-nojs").is_displayed()
    for country in allowances["countries"]:
        Select(driver.find_element(By.CSS_SELECTOR, ".calc-form [name='country']")).select_by_value(country["code"])
        options = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, ".calc-form [name='year'] option")]
        assert options == [str(y) for y in sorted({r["year"] for r in country["rates"]})]
    assert_accessible(driver, "calculator on load")
    assert_clean(driver)


@pytest.mark.parametrize("home, office, distance", [("3", "2", "18"), ("2,5", "2", "18,5"), ("0", "5", "0")])
def test_netherlands(driver, server, allowances, strings, home, office, distance):
    open_page(driver, server + PAGE)
    nl = _country(allowances, "NL")
    year = max(r["year"] for r in nl["rates"])
    _choose(driver, "NL", year)
    _set(driver, "home", home.replace(",", "."))
    _set(driver, "office", office)
    _set(driver, "distance", distance)

    rates = [r for r in nl["rates"] if r["year"] == year]
    assert len(rates) == 1 and str(rates[0]["valid_from"]) == f"{year}-01-01", "NL rates are expected per calendar year"
    rate = rates[0]
    home_days = Decimal(home.replace(",", ".")) * DAYS_PER_YEAR / FULL_WEEK
    office_days = Decimal(office) * DAYS_PER_YEAR / FULL_WEEK
    home_day = Decimal(str(rate["home_day"]))
    travel_day = (2 * Decimal(distance.replace(",", ".")) * Decimal(str(rate["travel_km"]))).quantize(CENT, rounding=ROUND_HALF_UP)
    expected = {
        "home-day": _cents(home_day),
        "home-month": _cents(home_days * home_day / 12),
        "home-year": _cents(home_days * home_day),
        "travel-day": _cents(travel_day),
        "travel-month": _cents(office_days * travel_day / 12),
        "travel-year": _cents(office_days * travel_day),
    }
    expected["total-month"] = expected["home-month"] + expected["travel-month"]
    expected["total-year"] = expected["home-year"] + expected["travel-year"]

    wait_for(driver, lambda d: _cell(d, "total-year") == money(strings, expected["total-year"]),
             f"total per year should be {money(strings, expected['total-year'])}")
    for name, cents in expected.items():
        assert _cell(driver, name) == money(strings, cents), name
    summary = driver.find_element(By.CSS_SELECTOR, ".calc-summary")
    assert summary.get_attribute("role") == "status"
    assert summary.text.startswith(t(strings, "calc_summary", month=money(strings, expected["total-month"]),
                                     year=money(strings, expected["total-year"])))

    # The assumption, the date and the sources of the figures used are on the page.
    output = driver.find_element(By.CSS_SELECTOR, ".calc-output").text
    assert "214" in output
    assert t(strings, "calc_valid_from", date=f"1 {strings['month_1']} {year}") in output
    day, month, checked_year = (int(p) for p in reversed(str(allowances["checked"]).split("-")))
    assert t(strings, "calc_checked", date=f"{day} {strings['month_' + str(month)]} {checked_year}") in output
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".calc-source-list a")]
    assert hrefs == [s["url"] for s in rate["sources"]]
    assert driver.find_elements(By.CSS_SELECTOR, ".calc-output .mv-warning") == [] or rate["verified"] is False
    assert_clean(driver)


def test_belgium_months_of_a_year_with_an_indexation(driver, server, allowances, strings):
    open_page(driver, server + PAGE)
    be = _country(allowances, "BE")
    # The year in which most different rates are in force, so the month-by-month sum matters.
    def in_force(year):
        return [_rate_in_force(be, f"{year}-{m:02d}-01") for m in range(1, 13)]
    year = max(sorted({r["year"] for r in be["rates"]}), key=lambda y: len({id(r) for r in in_force(y) if r}))
    _choose(driver, "BE", year)
    _set(driver, "home", "2")
    assert not driver.find_element(By.CSS_SELECTOR, ".calc-form [name='office']").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, ".calc-form [name='distance']").is_displayed()
    pc = driver.find_element(By.CSS_SELECTOR, ".calc-form [name='pc']")
    if pc.is_selected():
        pc.find_element(By.XPATH, "./ancestor::label").click()
    internet = driver.find_element(By.CSS_SELECTOR, ".calc-form [name='internet']")
    if not internet.is_selected():
        internet.find_element(By.XPATH, "./ancestor::label").click()

    months = [r for r in in_force(year) if r]
    december = months[-1]
    expected = {
        "office-month": _cents(Decimal(str(december["office_month"]))),
        "office-year": sum(_cents(Decimal(str(r["office_month"]))) for r in months),
        "internet-month": _cents(Decimal(str(december["internet_month"]))),
        "internet-year": sum(_cents(Decimal(str(r["internet_month"]))) for r in months),
        "pc-month": 0,
        "pc-year": 0,
    }
    expected["total-month"] = expected["office-month"] + expected["internet-month"]
    expected["total-year"] = expected["office-year"] + expected["internet-year"]
    wait_for(driver, lambda d: _cell(d, "total-year") == money(strings, expected["total-year"]),
             f"total per year should be {money(strings, expected['total-year'])}")
    for name, cents in expected.items():
        assert _cell(driver, name) == money(strings, cents), name

    # Every rate used is shown with the date it is valid from.
    shown = [p.get_attribute("data-valid-from") for p in driver.find_elements(By.CSS_SELECTOR, ".calc-period")]
    used = []
    for rate in months:
        if str(rate["valid_from"]) not in used:
            used.append(str(rate["valid_from"]))
    assert shown == used
    assert_accessible(driver, "calculator with Belgian result")

    # Less than one day a week at home is not structural telework: no office allowance.
    _set(driver, "home", "0.5")
    wait_for(driver, lambda d: _cell(d, "office-year") == money(strings, 0))
    assert strings["calc_assumption_be_not_structural"] in driver.find_element(By.CSS_SELECTOR, ".calc-assumptions").text
    assert_clean(driver)


def test_unverified_rates_are_flagged(driver, server, allowances, strings):
    unverified = [(c["code"], r) for c in allowances["countries"] for r in c["rates"] if r.get("verified") is False]
    if not unverified:
        pytest.skip("every rate in the data is verified")
    code, rate = unverified[0]
    open_page(driver, server + PAGE)
    _choose(driver, code, rate["year"])
    warning = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".calc-period--unverified .mv-warning"))
    assert strings["calc_unverified_title"] in warning.text
    assert strings["calc_unverified_title"] in driver.find_element(By.CSS_SELECTOR, ".calc-summary").text
    # A year whose figures are all verified has no warning.
    country = _country(allowances, code)
    years = sorted({r["year"] for r in country["rates"]})
    verified_year = next(y for y in years if all(
        (_rate_in_force(country, f"{y}-{m:02d}-01") or {}).get("verified", True) for m in range(1, 13)))
    _choose(driver, code, verified_year)
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".calc-output .mv-warning"))
    assert_clean(driver)


def test_wrong_input_is_explained_and_print_shows_only_the_result(driver, server, strings):
    open_page(driver, server + PAGE)
    _choose(driver, "NL", driver.find_elements(By.CSS_SELECTOR, ".calc-form [name='year'] option")[-1].get_attribute("value"))
    _set(driver, "distance", "tien")
    alert = driver.find_element(By.CSS_SELECTOR, ".calc-error")
    wait_for(driver, lambda d: alert.text == strings["calc_error_distance"])
    assert alert.get_attribute("role") == "alert"
    assert not driver.find_element(By.CSS_SELECTOR, ".calc-output").is_displayed()
    _set(driver, "distance", "12")
    _set(driver, "home", "4")
    _set(driver, "office", "4")
    wait_for(driver, lambda d: alert.text == strings["calc_error_week"])
    _set(driver, "office", "1")
    wait_for(driver, lambda d: alert.text == "" and d.find_element(By.CSS_SELECTOR, ".calc-output").is_displayed())
    assert_accessible(driver, "calculator after input")

    print_media(driver, True)
    try:
        assert visible_buttons(driver) == []
        assert not driver.find_element(By.CSS_SELECTOR, ".calc-form").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".calc-results").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".calc-for").is_displayed()
    finally:
        print_media(driver, False)
    # Nothing of what was entered is stored.
    assert driver.execute_script("return localStorage.length") == 0
    assert_clean(driver)
