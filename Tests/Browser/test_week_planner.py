"""The week planner, used as an employee would: choose a team, plan a week, read the warnings and what the
week means for the allowances, reload, copy, erase, export an .ics file (parsed with a real iCalendar
parser), and open a share link in a fresh browser profile."""

import datetime
import time
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
from zoneinfo import ZoneInfo
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import helpers
from helpers import assert_accessible, assert_clean, file_url, money, open_page, page_weight, print_media, t, wait_for

REPO = Path(__file__).resolve().parents[2]
PAGE = "plannen/je-week-plannen/index.html"
PAGE_EN = "en/plannen/je-week-plannen/index.html"
STORE_KEY = "mengvorm:week-planner"
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
TIMES = {"am": ("0900", "1230"), "pm": ("1300", "1700")}  # the block's morning and afternoon settings


def _by(items, key, value):
    return next(item for item in items if item[key] == value)


@pytest.fixture(scope="module")
def planner_data(data):
    return {"teams": data["teams"], "offices": data["offices"]["offices"], "activities": data["activities"],
            "allowances": data["allowances"], "policy": data["policy"]}


@pytest.fixture(scope="module")
def hr(planner_data):
    team = _by(planner_data["teams"], "slug", "hr-beleid")
    assert team["anchor_days"] == ["tuesday", "thursday"], "the test plan below assumes these office days"
    return team


def _day(strings, day):
    return strings[f"day_{DAYS.index(day) + 1}"]


def _slot(strings, day, half):
    return t(strings, "wp_slot_name", day=_day(strings, day), half=strings["wp_morning" if half == "am" else "wp_afternoon"])


def _sentence(text):
    return text[0].upper() + text[1:]


def _join(strings, items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {strings['wp_and']} " + items[-1]


def _plan(driver, slot, where, what=""):
    where_field = driver.find_element(By.NAME, f"where-{slot}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", where_field)
    Select(where_field).select_by_value(where)
    if what:
        Select(driver.find_element(By.NAME, f"what-{slot}")).select_by_value(what)


def _grid(driver):
    return {slot: (driver.find_element(By.NAME, f"where-{slot}").get_attribute("value"),
                   driver.find_element(By.NAME, f"what-{slot}").get_attribute("value"))
            for slot in [f"{d}{h}" for d in range(1, 6) for h in ("am", "pm")]}


def _home_day_rate(allowances, day):
    """The NL row in force on `day` that has a home-working amount, and whether it is that year's own row."""
    rates = sorted(_by(allowances["countries"], "code", "NL")["rates"], key=lambda r: str(r["valid_from"]))
    in_force = [r for r in rates if str(r["valid_from"]) <= day]
    with_amount = [r for r in in_force if r.get("home_day") not in (None, "")]
    return with_amount[-1] if with_amount else None


def _cents(value):
    return int(round(float(value) * 100))


def _days(strings, value):
    """'1 dag', '1,5 dagen', as the planner writes a number of days."""
    number = f"{value:g}".replace(".", strings["number_decimal"])
    return t(strings, "wp_day_one" if value == 1 else "wp_day_many", count=number)


# The plan an HR colleague makes for a week: (slot, where, what).
PLAN = [
    ("1am", "home", "focus"), ("1pm", "home", "admin"),
    ("2am", "home", "brainstorm"), ("2pm", "home", ""),                       # office day at home, with a brainstorm
    ("3am", "home", "learning"), ("3pm", "office:utrecht", "one-to-one"),     # a mixed day
    ("4am", "office:utrecht", "team-meeting"), ("4pm", "office:utrecht", "collaboration"),
    ("5am", "off", ""), ("5pm", "off", ""),
]


def _expected_warnings(strings, data, team):
    activities = data["activities"]
    brainstorm = _by(activities["activities"], "id", "brainstorm")
    places = [(_by(activities["places"], "id", p["place"])) for p in brainstorm["places"] if p["fit"] in ("best", "good")]
    assert all(place["kind"] == "office" for place in places)
    return [
        _sentence(t(strings, "wp_warn_activity_home", activity=brainstorm["name"], when=_slot(strings, "tuesday", "am"),
                    places=_join(strings, [p["name"] for p in places]))),
        _sentence(t(strings, "wp_warn_anchor_home", day=_day(strings, "tuesday"))),
    ]


def test_plan_a_week_with_a_team(driver, server, strings, planner_data, hr):
    open_page(driver, server + PAGE)
    assert driver.execute_script(f"return localStorage.getItem('{STORE_KEY}')") is None
    assert not driver.find_element(By.CSS_SELECTOR, ".wp .mv-nojs").is_displayed()
    assert_accessible(driver, "week planner on load")

    Select(driver.find_element(By.NAME, "team")).select_by_value(hr["slug"])
    info = driver.find_element(By.CSS_SELECTOR, ".wp-team-info")
    wait_for(driver, lambda d: info.is_displayed())
    office = _by(planner_data["offices"], "id", hr["office"])
    facts = dict(zip([e.text for e in info.find_elements(By.TAG_NAME, "dt")], [e.text for e in info.find_elements(By.TAG_NAME, "dd")]))
    assert facts[strings["wp_team_office"]] == office["name"]
    assert facts[strings["wp_anchor_days"]] == _join(strings, [_day(strings, d) for d in hr["anchor_days"]])
    assert facts[strings["wp_core_hours"]] == t(strings, "wp_time_range", **{"from": hr["core_hours"]["from"], "until": hr["core_hours"]["until"]})
    assert facts[strings["wp_meeting_lengths"]] == t(strings, "wp_minutes", list=_join(strings, [str(m) for m in hr["meeting_lengths"]]))
    assert facts[strings["wp_home_base"]].startswith(hr["home_base"])
    status = driver.find_element(By.CSS_SELECTOR, ".wp-status")
    assert status.text == t(strings, "wp_team_chosen", team=hr["name"])
    # The team page is linked relative to the site root.
    link = info.find_element(By.CSS_SELECTOR, "a.wp-team-link")
    assert link.text == t(strings, "wp_team_page", team=hr["name"])
    assert link.get_attribute("href") == server + f"teams/{hr['slug']}/index.html"

    for slot, where, what in PLAN:
        _plan(driver, slot, where, what)
    expected = _expected_warnings(strings, planner_data, hr)
    warnings = lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, ".wp-warning-list li")]
    wait_for(driver, lambda d: warnings(d) == expected, f"warnings {warnings(driver)} != {expected}")
    assert status.text == strings["wp_saved"] + " " + t(strings, "wp_warnings_count", count=2)
    assert status.get_attribute("role") == "status"
    # Rows with a warning are marked: Tuesday morning (the brainstorm) and both halves of Tuesday (the office day).
    marked = [row.get_attribute("data-slot") for row in driver.find_elements(By.CSS_SELECTOR, "tr.wp-row--warn")]
    assert marked == ["2am", "2pm"]

    # Home days Monday and Tuesday; Wednesday is mixed (counts as an office day); Thursday office; Friday off.
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".wp-counts li[data-count='off']"))
    counts = {e.get_attribute("data-count"): e.text for e in driver.find_elements(By.CSS_SELECTOR, ".wp-counts li")}
    assert counts["home"] == t(strings, "wp_count_home", count=2)
    assert counts["office"] == t(strings, "wp_count_office", count=2, days=_days(strings, 1.5))
    assert counts["mixed"] == t(strings, "wp_count_mixed", count=1)
    assert counts["off"] == t(strings, "wp_count_off", count=1)
    policy = planner_data["policy"]["countries"]["NL"]
    expected_days = float(policy["expected_office_days"])
    key = "wp_expected_met" if 1.5 >= expected_days else "wp_expected_below"
    assert driver.find_element(By.CSS_SELECTOR, ".wp-expected").text == \
        t(strings, key, expected=_days(strings, expected_days), days=_days(strings, 1.5))

    allowance = driver.find_element(By.CSS_SELECTOR, ".wp-allowance")
    assert allowance.get_attribute("data-country") == "NL"
    paid = _cents(policy["home_day"])
    assert allowance.find_element(By.CSS_SELECTOR, "[data-line='home-total']").text == \
        t(strings, "wp_nl_home_total", count=2, amount=money(strings, paid), total=money(strings, 2 * paid))
    assert allowance.find_element(By.CSS_SELECTOR, "[data-line='mixed']").text == strings["wp_nl_mixed"]
    friday = (datetime.date.fromisoformat(_monday_iso(driver)) + datetime.timedelta(days=4)).isoformat()
    rate = _home_day_rate(planner_data["allowances"], friday)
    assert allowance.find_element(By.CSS_SELECTOR, "[data-line='max']").text == \
        t(strings, "wp_nl_max", amount=money(strings, _cents(rate["home_day"])), year=rate["year"])
    above = allowance.find_elements(By.CSS_SELECTOR, "[data-line='above']")
    if paid > _cents(rate["home_day"]):
        key = "wp_nl_above_max_free" if policy.get("above_maximum") == "free_space" else "wp_nl_above_max"
        assert [e.text for e in above] == [t(strings, key, amount=money(strings, paid - _cents(rate["home_day"])))]
    else:
        assert above == []
    unconfirmed = allowance.find_elements(By.CSS_SELECTOR, "[data-line='unconfirmed']")
    assert bool(unconfirmed) == (str(rate["year"]) != friday[:4])
    assert_accessible(driver, "week planner after planning")

    # Reload: the plan and the team are still there, and so are the warnings.
    driver.refresh()
    open_page(driver, driver.current_url)
    grid = _grid(driver)
    for slot, where, what in PLAN:
        assert grid[slot] == (where, what), slot
    assert Select(driver.find_element(By.NAME, "team")).first_selected_option.get_attribute("value") == hr["slug"]
    assert [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".wp-warning-list li")] == expected

    # Solving the warnings: the brainstorm moves to the office on Tuesday.
    _plan(driver, "2am", "office:utrecht")
    _plan(driver, "2pm", "office:utrecht")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".wp-ok"))
    assert driver.find_element(By.CSS_SELECTOR, ".wp-ok").text == strings["wp_no_warnings"]

    # Erase everything: nothing is left in this browser.
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-all").click()
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".wp-status").text == strings["wp_all_cleared"])
    assert driver.execute_script(f"return localStorage.getItem('{STORE_KEY}')") is None
    assert set(_grid(driver).values()) == {("", "")}
    assert not driver.find_element(By.CSS_SELECTOR, ".wp-team-info").is_displayed()
    assert_clean(driver)


def _monday_iso(driver):
    """The Monday of the week on screen, as 2026-11-30."""
    return driver.find_element(By.CSS_SELECTOR, ".wp").get_attribute("data-week")


def _monday_from_link(driver):
    driver.find_element(By.CSS_SELECTOR, ".wp-share-button").click()
    link = driver.find_element(By.CSS_SELECTOR, ".wp-share__link").get_attribute("value")
    return link.split("#wp-week=")[1].split("&")[0]


def test_more_warnings_and_belgian_rules(driver, server, strings, planner_data):
    open_page(driver, server + PAGE)
    team = _by(planner_data["teams"], "slug", "projecten-gent")
    gent = _by(planner_data["offices"], "id", team["office"])
    eindhoven = _by(planner_data["offices"], "id", "eindhoven")
    Select(driver.find_element(By.NAME, "team")).select_by_value(team["slug"])
    non_anchor = next(d for d in DAYS if d not in team["anchor_days"])
    slot = f"{DAYS.index(non_anchor) + 1}am"
    anchor = team["anchor_days"][0]
    _plan(driver, slot, "office:gent", "team-meeting")                               # a team meeting on a non-office day
    _plan(driver, f"{DAYS.index(anchor) + 1}am", "office:eindhoven")                # office day in the wrong office
    _plan(driver, "5pm", "office:eindhoven")                                          # Eindhoven is closed on Friday afternoon
    _plan(driver, "1pm", "home")                                                      # one half day at home
    meeting = _by(planner_data["activities"]["activities"], "id", "team-meeting")
    expected = {
        _sentence(t(strings, "wp_warn_activity_not_anchor", activity=meeting["name"], day=_day(strings, non_anchor),
                    days=_join(strings, [_day(strings, d) for d in team["anchor_days"]]))),
        _sentence(t(strings, "wp_warn_other_office", day=_day(strings, anchor), office=eindhoven["name"], team_office=gent["name"])),
        _sentence(t(strings, "wp_warn_closed", office=eindhoven["name"], when=_slot(strings, "friday", "pm"))),
    }
    got = lambda d: {e.text for e in d.find_elements(By.CSS_SELECTOR, ".wp-warning-list li")}
    wait_for(driver, lambda d: expected <= got(d), f"{expected} not in {got(driver)}")
    # The Gent team's second office day has no office half yet: that is a warning too (planned nowhere is no warning).
    # Quiet days: a note with the office's BHV arrangement.
    notes = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".wp-notes li")]
    quiet = eindhoven["bhv"]["quiet_days"]
    assert "friday" in quiet
    assert _sentence(t(strings, "wp_note_quiet_day", office=eindhoven["name"], day=_day(strings, "friday"))) + " " + \
        " ".join(eindhoven["bhv"]["arrangement"].split()) in [" ".join(n.split()) for n in notes]

    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".wp-allowance[data-country='BE']"))
    allowance = driver.find_element(By.CSS_SELECTOR, ".wp-allowance")
    structural = allowance.find_element(By.CSS_SELECTOR, "[data-line='structural']")
    assert structural.get_attribute("data-structural") == "no"
    assert structural.text == t(strings, "wp_be_not_structural", halves=1, days=_days(strings, 0.5))
    _plan(driver, "1am", "home")
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-line='structural']").get_attribute("data-structural") == "yes")
    assert driver.find_element(By.CSS_SELECTOR, "[data-line='structural']").text == \
        t(strings, "wp_be_structural", halves=2, days=_days(strings, 1))
    assert driver.find_elements(By.CSS_SELECTOR, ".wp-allowance [data-line='max']")
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-all").click()
    assert driver.execute_script(f"return localStorage.getItem('{STORE_KEY}')") is None
    assert_clean(driver)


def test_copy_a_week_to_the_next(driver, server, strings):
    open_page(driver, server + PAGE)
    _plan(driver, "1am", "home", "focus")
    _plan(driver, "4pm", "office:utrecht", "collaboration")
    label = driver.find_element(By.CSS_SELECTOR, ".wp-week-label")
    first = label.text
    driver.find_element(By.CSS_SELECTOR, ".wp-copy-next").click()
    wait_for(driver, lambda d: label.text != first)
    number = int(label.text.split(":")[0].split()[-1])
    assert driver.find_element(By.CSS_SELECTOR, ".wp-status").text.startswith(t(strings, "wp_copied", number=number).split(".")[0])
    grid = _grid(driver)
    assert grid["1am"] == ("home", "focus") and grid["4pm"] == ("office:utrecht", "collaboration")
    # Both weeks are saved; the previous week is unchanged.
    saved = driver.execute_script(f"return JSON.parse(localStorage.getItem('{STORE_KEY}'))")
    assert len(saved["weeks"]) == 2
    prev = next(b for b in driver.find_elements(By.CSS_SELECTOR, ".wp-week-buttons button") if b.text == strings["wp_prev_week"])
    prev.click()
    wait_for(driver, lambda d: label.text == first)
    assert _grid(driver)["1am"] == ("home", "focus")
    # Erase only this week: the copy stays.
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-week").click()
    saved = driver.execute_script(f"return JSON.parse(localStorage.getItem('{STORE_KEY}'))")
    assert len(saved["weeks"]) == 1
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-all").click()
    assert_clean(driver)


def _download(driver, folder, click):
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    click()
    deadline = time.time() + 10
    while time.time() < deadline:
        files = [p for p in folder.iterdir() if p.suffix == ".ics"]
        if files and not any(p.suffix == ".crdownload" for p in folder.iterdir()):
            return files[0]
        time.sleep(0.1)
    raise AssertionError("no .ics file was downloaded")


def test_ics_export_from_file(driver, site, tmp_path, strings, planner_data, hr):
    """Opened from disk, as from a file share: the .ics is made in the browser and downloaded."""
    open_page(driver, file_url(site / PAGE))
    Select(driver.find_element(By.NAME, "team")).select_by_value(hr["slug"])
    # The HR plan, with Friday morning at the Gent office (another time zone name, same clock).
    plan = [p for p in PLAN if p[0] != "5am"] + [("5am", "office:gent", "online-meeting")]
    for slot, where, what in plan:
        _plan(driver, slot, where, what)
    monday = datetime.date.fromisoformat(_monday_iso(driver))
    path = _download(driver, tmp_path, lambda: driver.find_element(By.CSS_SELECTOR, ".wp-export").click())
    week = monday.isocalendar()
    assert path.name == t(strings, "wp_ics_filename", year=week[0], number=f"{week[1]:02d}") + ".ics"
    raw = path.read_bytes()

    # RFC 5545 form: CRLF line ends only, no line longer than 75 octets, folded lines start with a space.
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "the long DESCRIPTION lines should be folded"
    raw.decode("utf-8")

    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"Europe/Amsterdam", "Europe/Brussels"}
    events = calendar.walk("VEVENT")
    planned = [(slot, where, what) for slot, where, what in plan if where not in ("", "off")]
    assert len(events) == len(planned)
    activities = planner_data["activities"]["activities"]
    uids = set()
    for event, (slot, where, what) in zip(events, planned):
        day = monday + datetime.timedelta(days=int(slot[0]) - 1)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        office = _by(planner_data["offices"], "id", where[7:]) if where.startswith("office:") else None
        zone = "Europe/Brussels" if office and office["country"] == "BE" else "Europe/Amsterdam"
        assert start.date() == day and end.date() == day
        assert (start.strftime("%H%M"), end.strftime("%H%M")) == TIMES[slot[1:]]
        local = datetime.datetime.combine(day, datetime.time(int(TIMES[slot[1:]][0][:2]), int(TIMES[slot[1:]][0][2:])), ZoneInfo(zone))
        assert start.utcoffset() == local.utcoffset(), (slot, start)
        assert event["DTSTART"].params["TZID"] == zone
        place = office["name"] + ", " + office["city"] if office else strings["wp_where_home"]
        assert str(event["LOCATION"]) == place
        where_name = office["name"] if office else strings["wp_where_home"]
        summary = t(strings, "wp_ics_summary", where=where_name, what=_by(activities, "id", what)["name"]) if what else where_name
        assert str(event["SUMMARY"]) == summary
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert hr["name"] in str(event["DESCRIPTION"])
        assert isinstance(event.decoded("DTSTAMP"), datetime.datetime) and event.decoded("DTSTAMP").tzinfo is not None
        uids.add(str(event["UID"]))
    assert len(uids) == len(events)
    status = driver.find_element(By.CSS_SELECTOR, ".wp-status").text
    assert status == t(strings, "wp_exported", count=len(events), file=path.name)
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-all").click()
    assert_clean(driver)


def test_share_link_opens_the_same_week_in_a_fresh_profile(driver, server, strings, hr):
    open_page(driver, server + PAGE)
    driver.find_element(By.CSS_SELECTOR, ".wp-copy-next").click()  # an empty week: nothing to copy
    assert driver.find_element(By.CSS_SELECTOR, ".wp-status").text == strings["wp_nothing_to_copy"]
    # Plan next week, not this one, so the link must carry the week.
    next_week = next(b for b in driver.find_elements(By.CSS_SELECTOR, ".wp-week-buttons button") if b.text == strings["wp_next_week"])
    next_week.click()
    Select(driver.find_element(By.NAME, "team")).select_by_value(hr["slug"])
    for slot, where, what in PLAN:
        _plan(driver, slot, where, what)
    driver.find_element(By.CSS_SELECTOR, ".wp-share-button").click()
    field = driver.find_element(By.CSS_SELECTOR, ".wp-share__link")
    wait_for(driver, lambda d: field.is_displayed())
    link = field.get_attribute("value")
    assert urlsplit(link).fragment.startswith("wp-week=") and link.startswith(server + PAGE + "#")
    label = driver.find_element(By.CSS_SELECTOR, ".wp-week-label").text
    expected_grid = _grid(driver)
    assert_accessible(driver, "week planner with the share link")

    fresh = helpers.start_browser()
    try:
        open_page(fresh, link)
        assert fresh.find_element(By.CSS_SELECTOR, ".wp-week-label").text == label
        assert _grid(fresh) == expected_grid
        assert Select(fresh.find_element(By.NAME, "team")).first_selected_option.get_attribute("value") == hr["slug"]
        note = fresh.find_element(By.CSS_SELECTOR, ".wp-shared")
        assert note.is_displayed() and note.text.startswith(t(strings, "wp_shared_view", number=label.split(":")[0].split()[-1]))
        assert len(fresh.find_elements(By.CSS_SELECTOR, ".wp-warning-list li")) == 2
        # Looking saves nothing; the first change makes it this browser's own plan and drops the fragment.
        assert fresh.execute_script(f"return localStorage.getItem('{STORE_KEY}')") is None
        _plan(fresh, "5am", "home", "admin")
        wait_for(fresh, lambda d: d.execute_script(f"return localStorage.getItem('{STORE_KEY}')") is not None)
        assert "#" not in fresh.current_url and not note.is_displayed()
        assert_accessible(fresh, "shared week in a fresh profile")
        assert_clean(fresh)
    finally:
        fresh.quit()
    # A broken link is ignored safely.
    open_page(driver, server + PAGE + "#wp-week=2026-13-40&wp-plan=x.y")
    assert not driver.find_element(By.CSS_SELECTOR, ".wp-shared").is_displayed()
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-all").click()
    assert_clean(driver)


def test_a_2027_week_says_the_amount_is_not_confirmed(driver, server, strings, planner_data):
    """A week in a year whose home-working amount is not known shows the latest known one, with its year."""
    driver.get("about:blank")
    open_page(driver, server + PAGE + "#wp-week=2027-01-04&wp-team=&wp-plan=home.focus,home.")
    rate = _home_day_rate(planner_data["allowances"], "2027-01-08")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".wp-allowance [data-line='max']"))
    allowance = driver.find_element(By.CSS_SELECTOR, ".wp-allowance")
    assert allowance.find_element(By.CSS_SELECTOR, "[data-line='max']").text == \
        t(strings, "wp_nl_max", amount=money(strings, _cents(rate["home_day"])), year=rate["year"])
    if str(rate["year"]) != "2027":
        note = allowance.find_element(By.CSS_SELECTOR, "[data-line='unconfirmed']").text
        assert note == strings["wp_nl_unconfirmed_title"] + " " + t(strings, "wp_nl_unconfirmed", year=2027, known=rate["year"])
    assert_clean(driver)


def test_without_javascript_the_grid_is_a_printable_form(driver, server, strings, planner_data):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(server + PAGE)
        rows = driver.find_elements(By.CSS_SELECTOR, ".wp-grid tbody tr")
        assert len(rows) == 10
        assert rows[0].find_element(By.TAG_NAME, "th").text.lower() == f"{strings['day_1']} {strings['wp_morning']}".lower()
        for row in rows:
            for select in row.find_elements(By.TAG_NAME, "select"):
                label = driver.find_element(By.CSS_SELECTOR, f"label[for='{select.get_attribute('id')}']")
                assert label.get_attribute("textContent").strip()
        # The team list shows each team's office days by name (chosen by the stylesheet, not by a script).
        items = driver.find_elements(By.CSS_SELECTOR, ".wp-team-list li")
        assert len(items) == len(planner_data["teams"])
        for item, team in zip(items, planner_data["teams"]):
            days = [e.text for e in item.find_elements(By.CSS_SELECTOR, ".mv-days [data-day]") if e.is_displayed()]
            assert days == [_day(strings, d) for d in team["anchor_days"]], team["slug"]
        assert not driver.find_element(By.CSS_SELECTOR, ".wp-controls").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_print_small_screen_weight_and_english(driver, server, strings, hr):
    open_page(driver, server + PAGE)
    _plan(driver, "1am", "home", "focus")
    print_media(driver, True)
    try:
        assert not driver.find_element(By.CSS_SELECTOR, ".wp-actions").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".wp-week-buttons").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".wp-grid").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".wp-week-label").is_displayed()
    finally:
        print_media(driver, False)
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-all").click()

    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        open_page(driver, server + PAGE)
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
        assert_accessible(driver, "week planner at 390 px")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    for page in (PAGE, PAGE_EN):
        open_page(driver, server + page)
        weight = page_weight(driver)
        print(f"page weight {page}: {weight} bytes")
        assert weight < 100_000, f"{page} weighs {weight} bytes"

    open_page(driver, server + PAGE_EN)
    english = helpers.load_yaml(REPO / "Themes" / "default" / "i18n" / "en.yml")
    assert driver.find_element(By.CSS_SELECTOR, ".wp h2").text == english["wp_title"]
    Select(driver.find_element(By.NAME, "team")).select_by_value(hr["slug"])
    # English readers go to the English team page.
    assert driver.find_element(By.CSS_SELECTOR, ".wp-team-link").get_attribute("href") == server + f"en/teams/{hr['slug']}/index.html"
    _plan(driver, "2am", "home", "brainstorm")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".wp-warning-list li"))
    texts = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".wp-warning-list li")]
    assert _sentence(t(english, "wp_warn_anchor_home", day=english["day_2"])) in texts
    assert_accessible(driver, "English week planner")
    driver.find_element(By.CSS_SELECTOR, ".wp-clear-all").click()
    assert_clean(driver)


def test_team_page_from_the_planner(driver, server, site, strings, hr):
    """The planner links each team's page; once the pages-from-data generator makes them, the page opens."""
    open_page(driver, server + PAGE)
    Select(driver.find_element(By.NAME, "team")).select_by_value(hr["slug"])
    link = driver.find_element(By.CSS_SELECTOR, ".wp-team-link")
    assert link.get_attribute("href") == server + f"teams/{hr['slug']}/index.html"
    nojs_links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".wp-team-list a")]
    assert server + f"teams/{hr['slug']}/index.html" in nojs_links
    if (site / "teams" / hr["slug"] / "index.html").is_file():
        link.click()
        open_page(driver, driver.current_url)
        assert driver.find_element(By.TAG_NAME, "h1").text == hr["name"]
        marked = [li.get_attribute("data-day") for li in driver.find_elements(By.CSS_SELECTOR, ".team-week li")
                  if li.find_element(By.CSS_SELECTOR, ".team-week__on").is_displayed()]
        assert marked == hr["anchor_days"]
        assert_accessible(driver, "team page")
    driver.get(server + PAGE)
    driver.execute_script("localStorage.clear()")
    assert_clean(driver)
