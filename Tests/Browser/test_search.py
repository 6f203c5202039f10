"""Site search as an employee uses it: results with title, section and a marked snippet, the count read out,
the keyboard, "bedoelde je …?", the full results page (also from file://) and a phone-sized screen."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import assert_accessible, assert_clean, file_url, open_page, t, wait_for

LOADED = "return Array.from(document.scripts).map(s => s.src.split('/').pop()).filter(Boolean)"


def count_pattern(strings, query):
    """The status line for some results of `query`, as a regular expression."""
    many = re.escape(strings["search_count"]).replace(re.escape("{count}"), r"(\d+)").replace(re.escape("{query}"), re.escape(query))
    one = re.escape(strings["search_count_one"].replace("{query}", query))
    return re.compile(f"(?:{many}|{one})(?: .*)?")


def search(driver, strings, query):
    """Types `query` in the header field; returns the status element once it counts the results."""
    field = driver.find_element(By.ID, "zoekveld")
    field.clear()
    field.send_keys(query)
    status = driver.find_element(By.CSS_SELECTOR, "#zoekresultaten [role=status]")
    pattern = count_pattern(strings, query)
    wait_for(driver, lambda d: pattern.fullmatch(status.text), f"results for {query!r} should be counted")
    return status


def results(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#zoekresultaten li")


def test_results_show_title_section_and_marked_snippet(driver, server, strings):
    open_page(driver, server + "index.html")
    assert driver.execute_script(LOADED) == ["site.js"]
    status = search(driver, strings, "bureaustoelen")
    # The index, its stemmer and the script load only once someone types, all from the site itself.
    assert driver.execute_script(LOADED) == ["site.js", "search.js", "search-engine.js", "stem-nl.js", "search-index.js"]
    # The count is announced: the status line is a live region.
    assert status.get_attribute("role") == "status"
    items = results(driver)
    assert 1 <= len(items) <= 8
    titles = [item.find_element(By.CSS_SELECTOR, "a").text for item in items]
    assert "Stoel en bureau instellen" in titles[:3]
    first = items[titles.index("Stoel en bureau instellen")]
    assert first.find_element(By.CSS_SELECTOR, ".site-search__section").text == "Je thuiswerkplek en de arbo-zelfcheck"
    marks = [mark.text.lower() for mark in first.find_elements(By.CSS_SELECTOR, ".search-hit__snippet mark")]
    assert marks and all(mark.startswith("bureaustoel") for mark in marks), marks
    assert_accessible(driver, "search results")
    assert_clean(driver)


def test_keyboard_arrows_escape_and_enter(driver, server, strings):
    open_page(driver, server + "index.html")
    search(driver, strings, "vergoeding")
    field = driver.find_element(By.ID, "zoekveld")
    links = driver.find_elements(By.CSS_SELECTOR, "#zoekresultaten a")
    assert len(results(driver)) == 8
    # More than eight: the list ends with a link to all results.
    everything = driver.find_element(By.CSS_SELECTOR, ".site-search__all a")
    total = int(re.search(r"\d+", everything.text).group())
    assert total > 8 and everything.text == t(strings, "search_all", count=total)
    field.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element == links[0]
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element == links[1]
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert driver.switch_to.active_element == field
    field.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert driver.switch_to.active_element == field
    assert not driver.find_element(By.ID, "zoekresultaten").is_displayed()
    # Enter opens the full results page with the query in its address, and every result on it.
    field.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: "/zoeken/index.html?q=vergoeding" in d.current_url)
    open_page(driver, driver.current_url)
    page_status = driver.find_element(By.CSS_SELECTOR, ".search-page__status")
    wait_for(driver, lambda d: page_status.text.startswith(t(strings, "search_count", count=total, query="vergoeding")))
    assert driver.find_element(By.ID, "zoekpagina-veld").get_attribute("value") == "vergoeding"
    shown = driver.find_elements(By.CSS_SELECTOR, ".search-page__results li")
    assert len(shown) == min(total, 20)
    assert not driver.find_element(By.CSS_SELECTOR, ".search-page__all").is_displayed()
    if total > 20:
        driver.find_element(By.CSS_SELECTOR, ".search-page__extra button").click()
        wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".search-page__results li")) == min(total, 40))
    assert_accessible(driver, "results page")
    assert_clean(driver)


def test_no_results_offer_the_nearest_word(driver, server, strings):
    open_page(driver, server + "index.html")
    field = driver.find_element(By.ID, "zoekveld")
    field.send_keys("meil")
    status = driver.find_element(By.CSS_SELECTOR, "#zoekresultaten [role=status]")
    none = t(strings, "search_none", query="meil")
    wait_for(driver, lambda d: status.text.startswith(none))
    # The suggestion is read out with the count, and is a button that searches for it.
    assert status.text == none + " " + t(strings, "search_did_you_mean", query="mail")
    button = driver.find_element(By.CSS_SELECTOR, "#zoekresultaten .search-suggest__button")
    assert button.text == "mail"
    assert_accessible(driver, "no results")
    button.click()
    pattern = count_pattern(strings, "mail")
    wait_for(driver, lambda d: pattern.fullmatch(status.text))
    assert field.get_attribute("value") == "mail"
    assert "De mailhandtekening" in [item.find_element(By.CSS_SELECTOR, "a").text for item in results(driver)[:3]]
    # Nothing near at all: no suggestion.
    field.clear()
    field.send_keys("qxzqxz")
    wait_for(driver, lambda d: status.text == t(strings, "search_none", query="qxzqxz"))
    assert_clean(driver)


def test_results_page_works_from_disk(driver, site, strings):
    url = file_url(site / "zoeken" / "index.html") + "?q=telewerk"
    open_page(driver, url)
    status = driver.find_element(By.CSS_SELECTOR, ".search-page__status")
    wait_for(driver, lambda d: count_pattern(strings, "telewerk").fullmatch(status.text))
    first = driver.find_elements(By.CSS_SELECTOR, ".search-page__results li")[0]
    link = first.find_element(By.CSS_SELECTOR, "a")
    assert link.text == "Telewerkvergoeding in België"
    assert link.get_attribute("href").startswith("file://")
    assert first.find_elements(By.CSS_SELECTOR, "mark")
    # Typing on the page searches again.
    field = driver.find_element(By.ID, "zoekpagina-veld")
    field.clear()
    field.send_keys("recht op deconnectie", Keys.ENTER)
    wait_for(driver, lambda d: count_pattern(strings, "recht op deconnectie").fullmatch(status.text))
    assert driver.find_elements(By.CSS_SELECTOR, ".search-page__results li a")[0].text == "Het recht om offline te zijn"
    link = driver.find_elements(By.CSS_SELECTOR, ".search-page__results li a")[0]
    href = link.get_attribute("href")
    link.click()
    wait_for(driver, lambda d: d.current_url == href)
    assert_clean(driver)


def test_results_page_without_a_query_lists_every_page(driver, server, strings):
    open_page(driver, server + "zoeken/index.html")
    everything = driver.find_element(By.CSS_SELECTOR, ".search-page__all")
    assert everything.is_displayed()
    assert len(everything.find_elements(By.CSS_SELECTOR, "li a")) > 40
    assert not driver.find_element(By.CSS_SELECTOR, ".search-page__nojs").is_displayed()
    open_page(driver, server + "en/search/index.html?q=self-check")
    status = driver.find_element(By.CSS_SELECTOR, ".search-page__status")
    en = {"search_count": "{count} results for “{query}”.", "search_count_one": "1 result for “{query}”."}
    wait_for(driver, lambda d: count_pattern(en, "self-check").fullmatch(status.text))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    first = driver.find_elements(By.CSS_SELECTOR, ".search-page__results li a")[0]
    assert first.get_attribute("href").endswith("/en/thuiswerkplek/zelfcheck/index.html")
    assert_accessible(driver, "English results page")
    assert_clean(driver)


def test_search_on_a_phone(driver, server, strings):
    # Headless windows are at least 500 px wide; emulate a phone screen instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        open_page(driver, server + "plannen/index.html")
        assert driver.execute_script("return window.innerWidth") == 390
        search(driver, strings, "thuiswerkplek")
        box = driver.find_element(By.ID, "zoekresultaten").rect
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        assert_accessible(driver, "search on a phone")
        open_page(driver, server + "zoeken/index.html?q=thuiswerkplek")
        status = driver.find_element(By.CSS_SELECTOR, ".search-page__status")
        wait_for(driver, lambda d: count_pattern(strings, "thuiswerkplek").fullmatch(status.text))
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        assert_clean(driver)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_results_page_without_javascript(driver, server, strings):
    # Scripts off for this load only: the page says search needs JavaScript and lists every page instead.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(server + "zoeken/index.html?q=telewerk")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert driver.find_element(By.CSS_SELECTOR, ".search-page__nojs").text == strings["search_nojs"]
    assert not driver.find_element(By.CSS_SELECTOR, ".search-page__form").is_displayed()
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".search-page__all li a")]
    assert "Telewerkvergoeding in België" in titles and "Stoel en bureau instellen" in titles
    assert_accessible(driver, "results page without JavaScript")
