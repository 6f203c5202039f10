"""Every page type: accessible (axe-core), no errors, no outside requests, light, and usable on a phone."""

import pytest
from selenium.webdriver.common.by import By

from helpers import assert_accessible, assert_clean, open_page, page_weight, wait_for

COMPONENT_PAGES = {
    "selfcheck": "thuiswerkplek/zelfcheck/index.html",
    "allowance-calculator": "vergoedingen/rekenhulp/index.html",
    "team-agreement": "teamafspraken/afsprakenmaker/index.html",
    "mail-signature": "grenzen/mailhandtekening/index.html",
}
# A typical page, with its HTML, CSS and JS, stays under this many bytes (uncompressed).
WEIGHT_LIMIT = 100_000


def _page_of_kind(site, kind):
    """The first page (by path) made with the section or the page layout."""
    marker = {"section": '<h2 id="in-dit-thema">', "page": '<nav class="prev-next"'}[kind]
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        if relative in COMPONENT_PAGES.values():
            continue
        if marker in path.read_text(encoding="utf-8"):
            return relative
    raise AssertionError(f"no {kind} page in the built site")


# Pages the build makes from the whole site, when the site has them.
GENERATED_PAGES = {"tags": "tags/index.html", "tag": None, "overview": "beheer/index.html"}


@pytest.fixture(scope="module")
def page_types(site):
    tags = sorted(p.parent.relative_to(site).as_posix() for p in (site / "tags").glob("*/index.html")) if (site / "tags").is_dir() else []
    return {
        "home": "index.html",
        "section": _page_of_kind(site, "section"),
        "page": _page_of_kind(site, "page"),
        "404": "404.html",
        **COMPONENT_PAGES,
        "tags": GENERATED_PAGES["tags"],
        "tag": tags[0] + "/index.html" if tags else None,
        "overview": GENERATED_PAGES["overview"],
    }


@pytest.mark.parametrize("kind", ["home", "section", "page", "404", *COMPONENT_PAGES, *GENERATED_PAGES])
def test_page_is_accessible_light_and_self_contained(driver, server, site, page_types, kind):
    if kind in GENERATED_PAGES and not (page_types[kind] and (site / page_types[kind]).is_file()):
        pytest.skip(f"the build wrote no {kind} page")
    open_page(driver, server + page_types[kind])
    assert driver.find_element(By.TAG_NAME, "h1").text
    assert_accessible(driver, kind)
    weight = page_weight(driver)
    assert 0 < weight < WEIGHT_LIMIT, f"{kind} page weighs {weight} bytes"
    if kind in COMPONENT_PAGES:
        # Only the script of the component on the page is loaded.
        scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.src).filter(Boolean)")
        assert [s.rsplit("/", 1)[-1] for s in scripts] == ["site.js", kind + ".js"]
    assert_clean(driver)


def test_skip_link_and_focus_are_visible(driver, server, page_types):
    from selenium.webdriver.common.keys import Keys

    open_page(driver, server + page_types["page"])
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert "skip-link" in active.get_attribute("class")
    assert active.is_displayed()
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    assert outline != "none"
    active.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "inhoud")
    assert_clean(driver)


def test_menu_folds_away_on_a_phone(driver, server, page_types):
    # Headless windows are at least 500 px wide; emulate a phone screen instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
    try:
        open_page(driver, server + page_types["page"])
        assert driver.execute_script("return window.innerWidth") == 360
        toggle = driver.find_element(By.CSS_SELECTOR, ".menu-toggle")
        menu = driver.find_element(By.CSS_SELECTOR, ".main-menu")
        assert toggle.is_displayed() and not menu.is_displayed()
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        wait_for(driver, lambda d: menu.is_displayed())
        assert toggle.get_attribute("aria-expanded") == "true"
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        assert_accessible(driver, "phone with open menu")
        for page in COMPONENT_PAGES.values():
            open_page(driver, server + page)
            assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), page
        assert_clean(driver)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_translated_pages_speak_their_own_language(driver, server, site):
    """Pages in another language (such as English under en/) get that language's UI strings in their scripts too."""
    import re

    from conftest import REPO
    from helpers import load_yaml

    found = []
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        match = re.search(r'<html lang="([a-z-]+)"', html)
        if match and match.group(1) != "nl" and ("data-component=" in html or 'class="checklist"' in html):
            found.append((path.relative_to(site).as_posix(), match.group(1)))
    if not found:
        pytest.skip("no translated page with a component or checklist")
    for page, lang in found[:4]:
        strings = load_yaml(REPO / "Themes" / "default" / "i18n" / f"{lang}.yml")
        open_page(driver, server + page)
        # The page carries the strings its scripts use (not every string of the theme), all in its language.
        carried = driver.execute_script("return JSON.parse(document.getElementById('mv-strings').textContent)")
        assert carried and all(strings[key] == value for key, value in carried.items()), page
        assert driver.execute_script("return window.Mengvorm.t('search_loading')") == strings["search_loading"], page
        for button in driver.find_elements(By.CSS_SELECTOR, ".checklist__bar button"):
            assert button.text == strings["checklist_clear"], page
        assert_accessible(driver, page)
        assert_clean(driver)


def test_search_finds_pages_in_the_browser(driver, server, strings):
    import re

    open_page(driver, server + "index.html")
    loaded = "return Array.from(document.scripts).map(s => s.src.split('/').pop()).filter(Boolean)"
    assert driver.execute_script(loaded) == ["site.js"]
    field = driver.find_element(By.ID, "zoekveld")
    assert driver.find_element(By.CSS_SELECTOR, f"label[for='zoekveld']").text == strings["search_label"]
    field.send_keys("bureaustoel")
    status = driver.find_element(By.CSS_SELECTOR, "#zoekresultaten [role=status]")
    pattern = re.escape(strings["search_count"]).replace(re.escape("{count}"), r"\d+").replace(re.escape("{query}"), "bureaustoel")
    one = strings["search_count_one"].replace("{query}", "bureaustoel")
    wait_for(driver, lambda d: re.fullmatch(pattern, status.text) or status.text == one, "search results should be counted")
    # The search script and its index loaded only now, from the site itself.
    assert driver.execute_script(loaded) == ["site.js", "search.js", "search-engine.js", "stem-nl.js", "search-index.js"]
    assert_accessible(driver, "search results")
    first = driver.find_element(By.CSS_SELECTOR, "#zoekresultaten li a")
    target = first.get_attribute("href")
    assert target.startswith(server) and target.endswith("index.html")
    first.click()
    wait_for(driver, lambda d: d.current_url == target)
    open_page(driver, target)

    field = driver.find_element(By.ID, "zoekveld")
    field.send_keys("qxzqxz")
    status = driver.find_element(By.CSS_SELECTOR, "#zoekresultaten [role=status]")
    wait_for(driver, lambda d: status.text == strings["search_none"].replace("{query}", "qxzqxz"))
    assert_clean(driver)


def test_every_ui_string_exists_in_every_language():
    """Scripts and templates only use UI strings that each i18n file of the theme has."""
    import re

    from conftest import REPO
    from helpers import load_yaml

    theme = REPO / "Themes" / "default"
    languages = {path.stem: set(load_yaml(path)) for path in (theme / "i18n").glob("*.yml")}
    used = set()
    for path in (theme / "assets" / "js").rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\("([a-z0-9_]*[a-z0-9])"', text))
        used |= {"month_" + str(n) for n in range(1, 13)} | {"day_" + str(n) for n in range(1, 8)}
        used |= {"rating_" + r for r in ("good", "attention", "risk", "open")}
        used |= {"sc_overall_" + r for r in ("good", "attention", "risk", "open")}
        used |= {"sc_count_" + r for r in ("good", "attention", "risk")}
    for path in theme.rglob("*.mustache"):
        used |= set(re.findall(r"\{\{\s*t\.([a-z0-9_]+)", path.read_text(encoding="utf-8")))
    for language, keys in languages.items():
        assert used - keys == set(), f"missing in i18n/{language}.yml"
    assert len({frozenset(keys) for keys in languages.values()}) == 1, "the i18n files have different keys"


def test_language_switcher_goes_to_the_translation_or_the_other_home(driver, server):
    """A colleague who does not read Dutch switches to English and lands on the same page in English;
    where there is no translation, the switch goes to the English home page."""
    open_page(driver, server + "start-hier/vijf-stappen/index.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    current = driver.find_element(By.CSS_SELECTOR, ".lang-switch__current")
    assert current.get_attribute("lang") == "nl"
    driver.find_element(By.CSS_SELECTOR, ".lang-switch a[hreflang='en']").click()
    wait_for(driver, lambda d: d.current_url.endswith("/en/start-hier/vijf-stappen/index.html"), "should land on the English page")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    driver.find_element(By.CSS_SELECTOR, ".lang-switch a[hreflang='nl']").click()
    wait_for(driver, lambda d: d.current_url.endswith("/start-hier/vijf-stappen/index.html") and "/en/" not in d.current_url,
             "should come back to the Dutch page")
    # A page with no English version: the switch leads to the English home page.
    open_page(driver, server + "grenzen/werk-en-prive/index.html")
    driver.find_element(By.CSS_SELECTOR, ".lang-switch a[hreflang='en']").click()
    wait_for(driver, lambda d: d.current_url.endswith("/en/index.html"), "should land on the English home page")
    assert_clean(driver)
