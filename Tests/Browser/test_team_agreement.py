"""The team agreement builder: choices per topic → a printable agreement, a Markdown copy, the team's teams.yml entry
for HR (checked by building a site with it) and a share link that restores the choices in a fresh browser."""

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import helpers
from conftest import REPO
from helpers import assert_accessible, assert_clean, open_page, print_media, request_count, t, visible_buttons, wait_for

PAGE = "teamafspraken/afsprakenmaker/index.html"
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


@pytest.fixture(scope="module")
def agreement(data):
    return data["team_agreement"]


@pytest.fixture(scope="module")
def offices(data):
    return data["offices"]["offices"]


@pytest.fixture(scope="module")
def mapping():
    """The topic behind each teams.yml field, from the block settings on the page (teams_entry:)."""
    text = (REPO / "Content" / "teamafspraken" / "afsprakenmaker.md").read_text(encoding="utf-8")
    block = re.search(r"```team-agreement\n(.*?)```", text, re.S).group(1)
    return yaml.safe_load(block)["teams_entry"]


def _topic(agreement, kind, allow_other=None):
    return next(topic for topic in agreement["topics"] if topic["type"] == kind
                and (allow_other is None or bool(topic.get("allow_other")) == allow_other))


def _field(driver, topic):
    return driver.find_element(By.CSS_SELECTOR, f".ta-field[data-topic='{topic['id']}']")


def _click_option(driver, topic, text):
    field = _field(driver, topic)
    label = next(label for label in field.find_elements(By.CSS_SELECTOR, "label.mv-check")
                 if label.text.strip() == text)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()


def _markdown(driver):
    return driver.find_element(By.CSS_SELECTOR, ".ta-markdown").get_attribute("value")


def test_builder_makes_markdown_and_a_printable_agreement(driver, server, agreement, strings):
    open_page(driver, server + PAGE)
    assert not driver.find_element(By.CSS_SELECTOR, ".ta-topics").is_displayed()
    fields = driver.find_elements(By.CSS_SELECTOR, ".ta-field[data-topic]")
    assert [f.get_attribute("data-topic") for f in fields] == [topic["id"] for topic in agreement["topics"]]
    assert_accessible(driver, "agreement builder on load")

    multiple = _topic(agreement, "multiple")
    single = _topic(agreement, "single")
    other_single = next(topic for topic in agreement["topics"]
                        if topic["type"] == "single" and topic.get("allow_other") and topic is not single)
    # A few choices, as a team would make them.
    driver.find_element(By.CSS_SELECTOR, ".ta-form input[name='team']").send_keys("Team Salaris")
    picked = [multiple["options"][1], multiple["options"][-1]]
    for option in picked:
        _click_option(driver, multiple, option)
    extra = _field(driver, multiple).find_element(By.CSS_SELECTOR, "[data-role='other']")
    extra.send_keys("Vrijdag om de week")
    _click_option(driver, single, single["options"][0])
    other_text = _field(driver, other_single).find_element(By.CSS_SELECTOR, "[data-role='other']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", other_text)
    other_text.send_keys("Maximaal 45 minuten")

    title = f"{agreement['title']} \u2013 Team Salaris"
    wait_for(driver, lambda d: "Maximaal 45 minuten" in _markdown(d))
    markdown = _markdown(driver)
    assert markdown.startswith(f"# {title}\n")
    assert agreement["intro"] in markdown
    bullets = "\n".join(f"- {option}" for option in picked + ["Vrijdag om de week"])
    assert f"## {multiple['title']}\n\n{bullets}\n" in markdown
    assert f"## {single['title']}\n\n{single['options'][0]}\n" in markdown
    assert f"## {other_single['title']}\n\nMaximaal 45 minuten\n" in markdown
    untouched = next(topic for topic in agreement["topics"] if topic not in (multiple, single, other_single))
    assert f"## {untouched['title']}\n\n_{strings['ta_open']}_\n" in markdown
    # Typing the other answer chose the "other" radio button.
    assert _field(driver, other_single).find_element(By.CSS_SELECTOR, "input[type=radio]:checked").get_attribute("value") not in other_single["options"]

    preview = driver.find_element(By.CSS_SELECTOR, ".ta-preview").text
    assert title in preview and picked[0] in preview and "Maximaal 45 minuten" in preview

    driver.find_element(By.CSS_SELECTOR, ".ta-copy").click()
    status = driver.find_element(By.CSS_SELECTOR, ".ta-result .mv-status")
    wait_for(driver, lambda d: status.text in (strings["copied"], strings["copy_failed"]))
    assert_accessible(driver, "agreement builder after choosing")

    print_media(driver, True)
    try:
        assert visible_buttons(driver) == []
        assert not driver.find_element(By.CSS_SELECTOR, ".ta-form").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".ta-markdown").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".ta-preview").is_displayed()
    finally:
        print_media(driver, False)

    clear = next(b for b in driver.find_elements(By.CSS_SELECTOR, ".ta-result .mv-actions button")
                 if b.text == strings["ta_clear"])
    clear.click()
    wait_for(driver, lambda d: "Maximaal 45 minuten" not in _markdown(d))
    assert picked[0] not in _markdown(driver)
    assert driver.execute_script("return localStorage.length") == 0
    assert_clean(driver)


def test_topic_links_and_help_are_shown(driver, server, agreement, site):
    open_page(driver, server + PAGE)
    for topic in agreement["topics"]:
        field = _field(driver, topic)
        assert topic["question"] in field.find_element(By.TAG_NAME, "legend").text
        if topic.get("help"):
            assert topic["help"] in field.text
        if topic.get("link"):
            href = field.find_element(By.CSS_SELECTOR, ".ta-topic__link a").get_attribute("href")
            path = href.split("#")[0][len(server):]
            assert (site / path).is_file(), href
    assert_clean(driver)


def _topic_by_id(agreement, topic_id):
    return next(topic for topic in agreement["topics"] if topic["id"] == topic_id)


def _fill_team(driver, agreement, mapping, office, zone):
    """A team fills in what its team page needs, as a person would: typing, choosing, clicking."""
    form = driver.find_element(By.CSS_SELECTOR, ".ta-form")
    form.find_element(By.CSS_SELECTOR, "input[name='team']").send_keys("Team Inkoop Gent")
    form.find_element(By.CSS_SELECTOR, "input[name='description']").send_keys("Koopt in voor de projecten in België: \"snel\" en eerlijk.")
    Select(form.find_element(By.CSS_SELECTOR, "select[name='office']")).select_by_value(office["id"])
    Select(form.find_element(By.CSS_SELECTOR, "select[name='home_base']")).select_by_value(zone["id"])
    days = _topic_by_id(agreement, mapping["anchor_days"])
    picked_days = [days["options"][1], days["options"][3]]
    for option in picked_days:
        _click_option(driver, days, option)
    hours = _topic_by_id(agreement, mapping["core_hours"])
    _click_option(driver, hours, hours["options"][0])
    lengths = _topic_by_id(agreement, mapping["meeting_lengths"])
    _click_option(driver, lengths, lengths["options"][0])
    shared = _topic_by_id(agreement, mapping["location_shared"])
    _click_option(driver, shared, shared["options"][0])
    _click_option(driver, shared, shared["options"][1])
    form.find_element(By.CSS_SELECTOR, "input[name='contact_name']").send_keys("Lotte Claes")
    form.find_element(By.CSS_SELECTOR, "input[name='contact_role']").send_keys("teamverantwoordelijke")
    form.find_element(By.CSS_SELECTOR, "input[name='contact_email']").send_keys("inkoop.gent@lindehof.example")
    return picked_days, hours["options"][0], lengths["options"][0], shared["options"][:2]


def _entry(driver):
    return driver.find_element(By.CSS_SELECTOR, ".ta-yaml").get_attribute("value")


def test_the_builder_produces_a_teams_entry_that_builds(driver, server, agreement, mapping, offices, strings, tmp_path):
    open_page(driver, server + PAGE)
    office = next(o for o in offices if o["id"] == "gent")
    zone = office["zones"][0]
    days, hours, lengths, shared = _fill_team(driver, agreement, mapping, office, zone)
    wait_for(driver, lambda d: "inkoop.gent@lindehof.example" in _entry(d))
    assert driver.find_element(By.CSS_SELECTOR, ".ta-yaml-missing").text == strings["ta_yaml_complete"]
    text = _entry(driver)
    entries = yaml.safe_load(text)
    assert isinstance(entries, list) and len(entries) == 1
    entry = entries[0]
    day_names = [strings[f"day_{i}"] for i in range(1, 6)]
    times = re.findall(r"\d{1,2}:\d{2}", hours)
    assert entry == {
        "slug": "inkoop-gent",
        "name": "Team Inkoop Gent",
        "office": "gent",
        "anchor_days": [DAYS[day_names.index(day.lower())] for day in days],
        "home_base": zone["id"],
        "core_hours": {"from": times[0].zfill(5), "until": times[-1].zfill(5)},
        "meeting_lengths": [int(n) for n in re.findall(r"\d+", lengths)],
        "location_shared": ". ".join(option.rstrip(".") for option in shared) + ".",
        "contact": {"name": "Lotte Claes", "role": "teamverantwoordelijke", "email": "inkoop.gent@lindehof.example"},
        "description": "Koopt in voor de projecten in België: \"snel\" en eerlijk.",
    }
    assert_accessible(driver, "agreement builder with a teams.yml entry")
    assert_clean(driver)

    # HR pastes the entry under the existing teams and builds the site: the generator must accept it.
    site = tmp_path / "site"
    (site / "Content" / "_data").mkdir(parents=True)
    shutil.copytree(REPO / "Themes", site / "Themes")
    shutil.copy(REPO / "site.yml", site / "site.yml")
    (site / "Content" / "_index.md").write_text("---\ntitle: Start\nowner: HR\nreview_by: 2099-01-01\n---\n\nStart.\n", encoding="utf-8")
    shutil.copy(REPO / "Content" / "_data" / "offices.yml", site / "Content" / "_data" / "offices.yml")
    existing = REPO / "Content" / "_data" / "teams.yml"
    teams = (existing.read_text(encoding="utf-8").rstrip("\n") + "\n\n") if existing.exists() else ""
    (site / "Content" / "_data" / "teams.yml").write_text(teams + text, encoding="utf-8")
    binary = Path(os.environ.get("MENGVORM_BIN", REPO / ".build" / "debug" / "mengvorm"))
    binary = binary if binary.is_absolute() else REPO / binary
    output = tmp_path / "out"
    result = subprocess.run([str(binary), "build", "--source", str(site), "--output", str(output)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # As HR does before publishing: not a single warning (schema checks of teams.yml included, where they exist).
    strict = subprocess.run([str(binary), "check", "--strict", "--source", str(site)], capture_output=True, text=True, timeout=120)
    assert strict.returncode == 0, strict.stdout + strict.stderr
    written = yaml.safe_load((site / "Content" / "_data" / "teams.yml").read_text(encoding="utf-8"))
    assert written[-1] == entry and len({team["slug"] for team in written}) == len(written)
    # Where the generator makes team pages from teams.yml, the new team has its page.
    if (output / "teams").is_dir():
        page = output / "teams" / entry["slug"] / "index.html"
        assert page.is_file(), sorted(p.name for p in (output / "teams").iterdir())
        assert "Team Inkoop Gent" in page.read_text(encoding="utf-8")


def test_what_is_missing_for_hr_is_named(driver, server, strings):
    open_page(driver, server + PAGE)
    missing = driver.find_element(By.CSS_SELECTOR, ".ta-yaml-missing").text
    assert missing.startswith(strings["ta_yaml_missing"].split("{fields}")[0])
    for key in ("ta_team_name_short", "ta_office", "ta_home_base", "ta_field_contact"):
        assert strings[key].lower() in missing
    # Without a team name there is no entry yet, only comments: still valid YAML, and nothing HR could publish.
    assert yaml.safe_load(_entry(driver)) is None
    assert_clean(driver)


def test_share_link_opens_the_same_choices_in_a_fresh_browser(driver, server, agreement, mapping, offices, strings):
    open_page(driver, server + PAGE)
    office = next(o for o in offices if o["id"] == "gent")
    _fill_team(driver, agreement, mapping, office, office["zones"][0])
    multiple = next(topic for topic in agreement["topics"] if topic["type"] == "multiple" and topic.get("allow_other")
                    and topic["id"] not in mapping.values())
    other = _field(driver, multiple).find_element(By.CSS_SELECTOR, "[data-role='other']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", other)
    other.send_keys("Zondag nooit & 100% \"offline\"")
    before = request_count(driver)
    wait_for(driver, lambda d: "offline" in unquote(d.find_element(By.CSS_SELECTOR, ".ta-share").get_attribute("value")))
    link = driver.find_element(By.CSS_SELECTOR, ".ta-share").get_attribute("value")
    markdown, entry = _markdown(driver), _entry(driver)
    # The choices travel in the fragment only, which a browser never sends; making the link requested nothing.
    parts = urlsplit(link)
    assert parts.query == "" and parts.fragment.startswith("ta=")
    assert link.split("#")[0] == driver.current_url.split("#")[0]
    assert request_count(driver) == before
    assert_clean(driver)

    fresh = helpers.start_browser()
    try:
        open_page(fresh, link)
        assert fresh.execute_script("return localStorage.length") == 0
        wait_for(fresh, lambda d: _markdown(d) == markdown)
        assert fresh.find_element(By.CSS_SELECTOR, ".ta-result .mv-status").text == strings["ta_restored"]
        # The date in the entry's first comment line may differ; everything else is the same.
        assert _entry(fresh).split("\n")[1:] == entry.split("\n")[1:]
        assert Select(fresh.find_element(By.CSS_SELECTOR, "select[name='home_base']")).first_selected_option.get_attribute("value") == office["zones"][0]["id"]
        assert_accessible(fresh, "agreement builder opened from a share link")
        assert_clean(fresh)
    finally:
        fresh.quit()


def test_fits_a_phone_screen(server):
    phone = helpers.start_browser(width=390, height=844)
    # Headless Chromium keeps windows at least 500 px wide; the page itself is given a 390 px viewport.
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": False})
    try:
        open_page(phone, server + PAGE)
        phone.find_element(By.CSS_SELECTOR, ".ta-form input[name='team']").send_keys("Team Inkoop")
        wait_for(phone, lambda d: "Team Inkoop" in d.find_element(By.CSS_SELECTOR, ".ta-yaml").get_attribute("value"))
        assert phone.execute_script("return window.innerWidth") == 390
        assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        assert_clean(phone)
    finally:
        phone.quit()
