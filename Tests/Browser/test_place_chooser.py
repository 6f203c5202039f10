"""The place chooser (the werkplekspel) and the office zones on "Welke plek past bij welk werk?", used as an
employee would: tick activities, read where each fits best and why, pick an office."""

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import load_yaml, assert_accessible, assert_clean, open_page, page_weight, print_media, t, wait_for

PAGE = "plannen/werken-per-activiteit/index.html"
PAGE_EN = "en/plannen/werken-per-activiteit/index.html"
FITS = ["best", "good", "possible"]


def _by(items, key, value):
    return next(item for item in items if item[key] == value)


def _tick(driver, activity_id):
    box = driver.find_element(By.CSS_SELECTOR, f".pc-form input[value='{activity_id}']")
    label = box.find_element(By.XPATH, "..")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()


def _cards(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".pc-results .pc-card")


def _check_card(card, activity, places, strings):
    assert card.find_element(By.TAG_NAME, "h3").text == activity["name"]
    assert card.find_element(By.CSS_SELECTOR, ".pc-description").text == activity["description"]
    expected = sorted(activity["places"], key=lambda p: FITS.index(p["fit"]))
    items = card.find_elements(By.CSS_SELECTOR, ".pc-places li")
    assert [li.get_attribute("data-place") for li in items] == [p["place"] for p in expected]
    for li, entry in zip(items, expected):
        assert li.find_element(By.CSS_SELECTOR, ".pc-fit").text == strings[f"pc_fit_{entry['fit']}"]
        assert li.find_element(By.CSS_SELECTOR, ".pc-place__name").text == _by(places, "id", entry["place"])["name"]
        assert li.find_element(By.CSS_SELECTOR, ".pc-why").text == ": " + entry["why"]
    presence = card.find_element(By.CSS_SELECTOR, ".pc-presence")
    assert presence.text == strings[f"pc_presence_{activity['presence']}"]
    assert bool(card.find_elements(By.CSS_SELECTOR, ".pc-anchor")) == bool(activity.get("anchor_day"))


def test_choose_activities_and_see_where_they_fit(driver, server, data, strings):
    activities = data["activities"]
    open_page(driver, server + PAGE)
    assert not driver.find_element(By.CSS_SELECTOR, ".pc .mv-nojs").is_displayed()
    boxes = driver.find_elements(By.CSS_SELECTOR, ".pc-form input[name=activity]")
    assert [b.get_attribute("value") for b in boxes] == [a["id"] for a in activities["activities"]]
    assert driver.find_element(By.CSS_SELECTOR, ".pc-empty").text == strings["pc_none"]
    assert_accessible(driver, "place chooser on load")

    # A week with focus work, a brainstorm and a one-to-one: the three answers differ.
    picked = ["focus", "brainstorm", "one-to-one"]
    for activity_id in picked:
        _tick(driver, activity_id)
    status = driver.find_element(By.CSS_SELECTOR, ".pc-status")
    wait_for(driver, lambda d: status.text == t(strings, "pc_count", count=3))
    cards = _cards(driver)
    assert [c.get_attribute("data-activity") for c in cards] == picked
    for card, activity_id in zip(cards, picked):
        _check_card(card, _by(activities["activities"], "id", activity_id), activities["places"], strings)
    best = {c.get_attribute("data-activity"): c.find_element(By.CSS_SELECTOR, ".pc-places li").get_attribute("data-place") for c in cards}
    assert best == {"focus": "home", "brainstorm": "project-room", "one-to-one": "outside"}
    assert_accessible(driver, "place chooser with three activities")

    # Unticking one takes its card away; the ticks are remembered in this browser.
    _tick(driver, "brainstorm")
    wait_for(driver, lambda d: status.text == t(strings, "pc_count", count=2))
    driver.refresh()
    open_page(driver, driver.current_url)
    assert [c.get_attribute("data-activity") for c in _cards(driver)] == ["focus", "one-to-one"]

    print_media(driver, True)
    try:
        assert not driver.find_element(By.CSS_SELECTOR, ".pc-form").is_displayed()
        assert all(card.is_displayed() for card in _cards(driver))
    finally:
        print_media(driver, False)

    clear = driver.find_element(By.CSS_SELECTOR, ".pc-output .mv-actions button")
    assert clear.text == strings["pc_clear"]
    clear.click()
    wait_for(driver, lambda d: not _cards(d))
    assert driver.execute_script("return localStorage.length") == 0
    assert_clean(driver)


def test_office_zones_one_office_at_a_time(driver, server, data, strings):
    offices = data["offices"]["offices"]
    open_page(driver, server + PAGE)
    articles = driver.find_elements(By.CSS_SELECTOR, ".oz-office")
    assert [a.get_attribute("data-office") for a in articles] == [o["id"] for o in offices]
    # One office is laid out on the 40/20/20 rule, and its zone shares add up to the whole floor.
    ruled = [o for o in offices if o.get("layout_rule")]
    assert ruled and "40/20/20" in ruled[0]["layout_rule"]
    assert sum(z["share"] for z in ruled[0]["zones"]) == 100
    for office, article in zip(offices, articles):
        rows = article.find_elements(By.CSS_SELECTOR, ".oz-zones tbody tr")
        assert [r.get_attribute("data-zone") for r in rows] == [z["id"] for z in office["zones"]]
        for row, zone in zip(rows, office["zones"]):
            # The purpose is chosen by the stylesheet from the five written out: exactly the right one shows.
            shown = [s.text for s in row.find_elements(By.CSS_SELECTOR, ".mv-pick [data-option]") if s.is_displayed()]
            assert shown == [strings[f"oz_purpose_{zone['purpose']}"]], zone["id"]
        hours = article.find_elements(By.CSS_SELECTOR, ".oz-hours li")
        for item, entry in zip(hours, office["opening_hours"]):
            days = [s.get_attribute("data-day") for s in item.find_elements(By.CSS_SELECTOR, "[data-day]") if s.is_displayed()]
            assert days == entry["days"]
            assert f"{entry['from']}–{entry['until']}" in item.text
        assert strings["oz_half_days"] in article.text
        quiet = [s.get_attribute("data-day") for s in article.find_elements(By.CSS_SELECTOR, "p .mv-days [data-day]") if s.is_displayed()]
        assert quiet == office["bhv"]["quiet_days"]
        assert [li.find_element(By.TAG_NAME, "strong").text for li in article.find_elements(By.CSS_SELECTOR, ".oz-rooms li")] == \
            [room["name"] for room in office["hybrid_rooms"]]

    gent = next(o for o in offices if o["country"] == "BE")
    Select(driver.find_element(By.CSS_SELECTOR, ".oz-form select")).select_by_value(gent["id"])
    status = driver.find_element(By.CSS_SELECTOR, ".oz-status")
    wait_for(driver, lambda d: status.text == t(strings, "oz_shown", office=gent["name"]))
    assert [a.get_attribute("data-office") for a in articles if a.is_displayed()] == [gent["id"]]
    assert_accessible(driver, "office zones, one office")
    Select(driver.find_element(By.CSS_SELECTOR, ".oz-form select")).select_by_value("")
    wait_for(driver, lambda d: status.text == strings["oz_shown_all"])
    assert all(a.is_displayed() for a in articles)
    weight = page_weight(driver)
    print(f"page weight {PAGE}: {weight} bytes")
    assert weight < 100_000
    assert_clean(driver)


def test_english_page_uses_the_english_data(driver, server, data):
    activities = data["activities.en"]
    english = load_yaml(Path(__file__).resolve().parents[2] / "Themes" / "default" / "i18n" / "en.yml")
    open_page(driver, server + PAGE_EN)
    labels = [l.text for l in driver.find_elements(By.CSS_SELECTOR, ".pc-form label")]
    assert labels == [a["name"] for a in activities["activities"]]
    _tick(driver, "onboarding")
    card = wait_for(driver, lambda d: _cards(d))[0]
    _check_card(card, _by(activities["activities"], "id", "onboarding"), activities["places"], english)
    assert [a.find_element(By.TAG_NAME, "h3").text for a in driver.find_elements(By.CSS_SELECTOR, ".oz-office")] == \
        [o["name"] for o in data["offices.en"]["offices"]]
    # The English data keeps the ids, kinds and fits of the Dutch file.
    dutch = data["activities"]
    assert [(a["id"], a.get("anchor_day"), a["presence"], [(p["place"], p["fit"]) for p in a["places"]]) for a in activities["activities"]] == \
        [(a["id"], a.get("anchor_day"), a["presence"], [(p["place"], p["fit"]) for p in a["places"]]) for a in dutch["activities"]]
    assert [(p["id"], p["kind"]) for p in activities["places"]] == [(p["id"], p["kind"]) for p in dutch["places"]]
    weight = page_weight(driver)
    print(f"page weight {PAGE_EN}: {weight} bytes")
    assert weight < 100_000
    _tick(driver, "onboarding")
    assert_accessible(driver, "English place chooser")
    assert_clean(driver)


@pytest.mark.parametrize("name", ["teams", "offices"])
def test_english_data_matches_the_dutch(data, name):
    """The translations may change words, never the ids, days, times or numbers the tools compute with."""
    def skeleton(value):
        if isinstance(value, dict):
            return {k: skeleton(v) for k, v in value.items()
                    if k not in ("name", "title", "summary", "layout_rule", "what", "how", "equipment", "arrangement",
                                 "description", "location_shared", "role", "home_base", "floor", "city")}
        if isinstance(value, list):
            return [skeleton(v) for v in value]
        return value
    assert skeleton(data[name + ".en"]) == skeleton(data[name])


@pytest.mark.parametrize("suffix", ["", ".en"])
def test_every_team_names_a_real_office_and_home_base(data, suffix):
    offices = {o["id"]: o for o in data["offices" + suffix]["offices"]}
    for team in data["teams" + suffix]:
        assert team["office"] in offices, team["slug"]
        assert team["home_base"] in [z["name"] for z in offices[team["office"]]["zones"]], team["slug"]
    assert len(data["teams" + suffix]) >= 5
    assert any(offices[team["office"]]["country"] == "BE" for team in data["teams" + suffix])

