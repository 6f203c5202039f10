"""The allowance calculator: NL and BE amounts checked against sums made here from Content/_data/allowances.yml and
Content/_data/policy.yml; the year follows the browser's clock, and a year without a confirmed amount says so."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import (assert_accessible, assert_clean, money, open_page, print_media, reset_today, set_today, t,
                     visible_buttons, wait_for)

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


@pytest.fixture(scope="module")
def policy(data):
    return data["policy"]


@pytest.fixture
def today(driver):
    """Sets the browser's clock for the next page loads: `today("2027-01-01")`."""
    tokens = []

    def set_day(iso_day):
        tokens.append(set_today(driver, iso_day))
    yield set_day
    for token in tokens:
        reset_today(driver, token)


def _years(country, this_year):
    years = {r["year"] for r in country["rates"]} | {p["year"] for p in country.get("pending", [])}
    return sorted(years | set(range(min(years), this_year + 1)))


def _latest_verified(country, field, day):
    rates = [r for r in country["rates"] if str(r["valid_from"]) <= day and r.get(field) is not None and r.get("verified", True)]
    return max(rates, key=lambda r: str(r["valid_from"]))


def _confirmed_year(country, field):
    """The latest year with a verified amount of its own for `field` (the calculator's normal case)."""
    return max(r["year"] for r in country["rates"] if r.get(field) is not None and r.get("verified", True))


def test_the_year_follows_today_and_can_be_chosen(driver, server, allowances, today):
    today("2026-06-15")
    open_page(driver, server + PAGE)
    assert driver.find_element(By.CSS_SELECTOR, ".calc-form").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, ".calc .mv-nojs").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".calc").get_attribute("data-today") == "2026-06-15"
    for country in allowances["countries"]:
        Select(driver.find_element(By.CSS_SELECTOR, ".calc-form [name='country']")).select_by_value(country["code"])
        year = Select(driver.find_element(By.CSS_SELECTOR, ".calc-form [name='year']"))
        assert [o.get_attribute("value") for o in year.options] == [str(y) for y in _years(country, 2026)]
        assert year.first_selected_option.get_attribute("value") == "2026"
    assert_accessible(driver, "calculator on load")
    assert_clean(driver)


def test_on_new_years_day_2027_the_amount_is_not_yet_confirmed(driver, server, allowances, strings, today):
    nl = _country(allowances, "NL")
    assert not any(r["year"] == 2027 and r.get("home_day") is not None and r.get("verified", True) for r in nl["rates"]), \
        "this test is about a year without a confirmed amount; update it when the 2027 amount is in the data"
    today("2027-01-01")
    open_page(driver, server + PAGE)
    assert Select(driver.find_element(By.CSS_SELECTOR, ".calc-form [name='year']")).first_selected_option.text == "2027"
    _choose(driver, "NL", 2027)
    _set(driver, "home", "3")
    _set(driver, "office", "2")
    _set(driver, "distance", "18")
    notice = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".calc-pending"))
    used = _latest_verified(nl, "home_day", "2027-01-01")
    assert t(strings, "calc_pending_title", year=2027) in notice.text
    assert t(strings, "calc_pending_using", year=used["year"], date=f"1 {strings['month_1']} {used['year']}", amounts="") in notice.text
    assert t(strings, "calc_rate_home_day", amount=money(strings, _cents(Decimal(str(used["home_day"]))))) in notice.text
    assert notice.get_attribute("role") == "note"
    # The amounts used are those of the latest known year, and the summary says they are not confirmed.
    home_days = Decimal(3) * DAYS_PER_YEAR / FULL_WEEK
    assert _cell(driver, "home-day") == money(strings, _cents(Decimal(str(used["home_day"]))))
    assert _cell(driver, "home-year") == money(strings, _cents(home_days * Decimal(str(used["home_day"]))))
    assert t(strings, "calc_pending_title", year=2027) in driver.find_element(By.CSS_SELECTOR, ".calc-summary").text
    assert [p.get_attribute("data-valid-from") for p in driver.find_elements(By.CSS_SELECTOR, ".calc-period")] == [str(used["valid_from"])]
    assert_accessible(driver, "calculator with a year not yet confirmed")

    # Belgium: 2026 is listed as pending, and 2027 has no amount either; both use the last verified amount.
    be = _country(allowances, "BE")
    last = _latest_verified(be, "office_month", "2027-01-01")
    for year in (2026, 2027):
        _choose(driver, "BE", year)
        _set(driver, "home", "2")
        wait_for(driver, lambda d: t(strings, "calc_pending_title", year=year) in d.find_element(By.CSS_SELECTOR, ".calc-pending").text)
        notice = driver.find_element(By.CSS_SELECTOR, ".calc-pending").text
        assert t(strings, "calc_rate_office_month", amount=money(strings, _cents(Decimal(str(last["office_month"]))))) in notice
        assert MONTHS_LONG(strings, str(last["valid_from"])) in notice
        pending = next((p for p in be.get("pending", []) if p["year"] == year), None)
        if pending:
            assert pending["note"] in notice
        assert _cell(driver, "office-month") == money(strings, _cents(Decimal(str(last["office_month"]))))
    # A confirmed year has no notice.
    _choose(driver, "NL", _confirmed_year(nl, "home_day"))
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".calc-pending"))
    assert_clean(driver)


def MONTHS_LONG(strings, iso):
    year, month, day = (int(p) for p in iso.split("-"))
    return f"{day} {strings['month_' + str(month)]} {year}"


def test_what_lindehof_pays_beside_the_maximum(driver, server, allowances, policy, strings):
    open_page(driver, server + PAGE)
    nl = _country(allowances, "NL")
    pays = policy["countries"]["NL"]
    year = _confirmed_year(nl, "home_day")
    rate = _latest_verified(nl, "home_day", f"{year}-12-01")
    _choose(driver, "NL", year)
    _set(driver, "home", "3")
    _set(driver, "office", "2")
    _set(driver, "distance", "18")
    home_days = Decimal(3) * DAYS_PER_YEAR / FULL_WEEK
    office_days = Decimal(2) * DAYS_PER_YEAR / FULL_WEEK
    paid_home = _cents(home_days * Decimal(str(pays["home_day"])))
    max_home = _cents(home_days * Decimal(str(rate["home_day"])))
    taxed_home = _cents(home_days * max(Decimal(0), Decimal(str(pays["home_day"])) - Decimal(str(rate["home_day"]))))
    travel_day = (36 * Decimal(str(pays["travel_km"]))).quantize(CENT, rounding=ROUND_HALF_UP)
    max_travel_day = (36 * Decimal(str(rate["travel_km"]))).quantize(CENT, rounding=ROUND_HALF_UP)
    paid_travel = _cents(office_days * travel_day)
    taxed_travel = _cents(office_days * max(Decimal(0), travel_day - max_travel_day))
    wait_for(driver, lambda d: _cell(d, "paid-home") == money(strings, paid_home))
    assert _cell(driver, "max-home") == money(strings, max_home)
    assert _cell(driver, "taxed-home") == money(strings, taxed_home)
    assert _cell(driver, "paid-travel") == money(strings, paid_travel)
    assert _cell(driver, "taxed-travel") == money(strings, taxed_travel)
    assert _cell(driver, "paid-total") == money(strings, paid_home + paid_travel)
    assert _cell(driver, "taxed-total") == money(strings, taxed_home + taxed_travel)
    box = driver.find_element(By.CSS_SELECTOR, ".calc-policy").text
    org = policy["organisation"]
    assert t(strings, "calc_policy_title", organisation=org) in box
    assert t(strings, "calc_policy_result", paid=money(strings, paid_home + paid_travel),
             free=money(strings, paid_home + paid_travel - taxed_home - taxed_travel), taxed=money(strings, taxed_home + taxed_travel)) in box
    if taxed_home + taxed_travel:
        key = "calc_policy_above_free_space" if pays.get("above_maximum") == "free_space" else "calc_policy_above_wage"
        assert t(strings, key, organisation=org) in box
    assert t(strings, "calc_policy_office_days", organisation=org, days=str(pays["expected_office_days"])) in box
    assert t(strings, "calc_summary_paid", organisation=org, paid=money(strings, paid_home + paid_travel)) in \
        driver.find_element(By.CSS_SELECTOR, ".calc-summary").text
    assert_accessible(driver, "calculator with what Lindehof pays")
    assert_clean(driver)


def test_belgian_private_devices(driver, server, allowances, policy, strings, today):
    # A year in which Lindehof's arrangement (policy.yml) is in force, so both tables show the devices.
    year = int(str(policy["countries"]["BE"]["valid_from"])[:4])
    today(f"{year}-06-15")
    open_page(driver, server + PAGE)
    be = _country(allowances, "BE")
    _choose(driver, "BE", year)
    _set(driver, "home", "2")
    rate = _latest_verified(be, "device_month", f"{year}-12-01")
    pays = policy["countries"]["BE"]

    def tick(name, on=True):
        box = driver.find_element(By.CSS_SELECTOR, f".calc-form [name='{name}']")
        if box.is_selected() != on:
            box.find_element(By.XPATH, "./ancestor::label").click()

    tick("pc", False)
    tick("screen")
    one = _cents(Decimal(str(rate["device_month"])))
    wait_for(driver, lambda d: _cell(d, "devices-month") == money(strings, one))
    tick("printer")
    both = min(2 * one, _cents(Decimal(str(rate["device_max_month"]))))
    wait_for(driver, lambda d: _cell(d, "devices-month") == money(strings, both))
    paid = min(2 * _cents(Decimal(str(pays["device_month"]))), _cents(Decimal(str(pays["device_max_month"]))))
    assert _cell(driver, "paid-devices") == money(strings, 12 * paid)
    assert _cell(driver, "taxed-devices") == money(strings, 12 * max(0, paid - both))
    explained = driver.find_element(By.CSS_SELECTOR, ".calc-devices").text
    assert explained == t(strings, "calc_assumption_be_devices", amount=money(strings, one),
                          max=money(strings, _cents(Decimal(str(rate["device_max_month"])))), years=rate["device_max_years"])
    assert_accessible(driver, "calculator with Belgian devices")
    # The per-device amount replaces the computer allowance: both together is explained, not summed.
    tick("pc")
    alert = driver.find_element(By.CSS_SELECTOR, ".calc-error")
    wait_for(driver, lambda d: alert.text == strings["calc_error_pc_devices"])
    assert not driver.find_element(By.CSS_SELECTOR, ".calc-output").is_displayed()
    tick("pc", False)
    wait_for(driver, lambda d: alert.text == "")
    assert_clean(driver)


@pytest.mark.parametrize("home, office, distance", [("3", "2", "18"), ("2,5", "2", "18,5"), ("0", "5", "0")])
def test_netherlands(driver, server, allowances, strings, home, office, distance):
    open_page(driver, server + PAGE)
    nl = _country(allowances, "NL")
    year = _confirmed_year(nl, "home_day")
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


def test_fits_a_phone_screen(server):
    import helpers
    phone = helpers.start_browser(width=390, height=844)
    # Headless Chromium keeps windows at least 500 px wide; the page itself is given a 390 px viewport.
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": False})
    try:
        open_page(phone, server + PAGE)
        for code in ("NL", "BE"):
            Select(phone.find_element(By.CSS_SELECTOR, ".calc-form [name='country']")).select_by_value(code)
            wait_for(phone, lambda d: d.find_element(By.CSS_SELECTOR, ".calc-output").is_displayed())
            assert phone.execute_script("return window.innerWidth") == 390
        assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), code
        assert_clean(phone)
    finally:
        phone.quit()
