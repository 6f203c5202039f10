"""Shared helpers for the browser tests: browser start, page loading, checks for errors, requests and axe."""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

# Selenium Manager must not try to reach the internet.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
WAIT = 10
AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})


def start_browser(width=1280, height=900):
    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                     "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    browser.set_script_timeout(15)
    browser.set_page_load_timeout(30)
    return browser


class _KeepDates(yaml.SafeLoader):
    """Reads YAML like the generator does: 2025-03-01 stays text."""


_KeepDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_KeepDates)


def t(strings, key, **values):
    """A UI string with `{name}` placeholders filled in, as the theme's scripts do."""
    text = str(strings[key])
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def money(strings, cents):
    """€ 1.234,56 from cents, formatted with the theme's separators."""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", strings["number_group"])
    # The page keeps "€" and the number together with a no-break space; WebDriver reads it as a space.
    return ("-" if cents < 0 else "") + strings["currency_prefix"] + grouped + strings["number_decimal"] + f"{rest:02d}"


def open_page(driver, url):
    """Loads a page and waits until its scripts have run and every component is set up."""
    driver.get(url)
    wait_ready(driver)


def wait_ready(driver):
    try:
        WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(
            "return document.readyState === 'complete' && document.documentElement.classList.contains('js') &&"
            " Array.from(document.querySelectorAll('[data-component]')).every(e => e.getAttribute('data-ready') === 'true')"))
    except TimeoutException:
        states = driver.execute_script(
            "return Array.from(document.querySelectorAll('[data-component]'))"
            ".map(e => e.getAttribute('data-component') + ': ' + e.getAttribute('data-ready'))")
        errors = [entry["message"] for entry in driver.get_log("browser")]
        raise AssertionError(f"{driver.current_url} did not get ready; components {states}; console {errors}") from None


def wait_for(driver, condition, message=""):
    # A page that reloads while the condition reads it (live reload) makes its element stale: look again.
    return WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)


def console_errors(driver):
    """SEVERE console entries since the last call (uncaught errors, CSP violations, failed loads)."""
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def foreign_requests(driver, allowed_origin):
    """URLs of every request the page made that did not go to `allowed_origin` ('file://' for local files)."""
    urls = driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".map(e => e.name)")
    foreign = []
    for url in urls:
        parts = urlsplit(url)
        origin = "file://" if parts.scheme == "file" else f"{parts.scheme}://{parts.netloc}"
        if origin.rstrip("/") != allowed_origin.rstrip("/"):
            foreign.append(url)
    return foreign


def origin_of(url):
    parts = urlsplit(url)
    return "file://" if parts.scheme == "file" else f"{parts.scheme}://{parts.netloc}"


def assert_clean(driver):
    """No console errors and no request to anything but the page's own origin."""
    errors = console_errors(driver)
    assert errors == [], "console errors:\n" + "\n".join(entry["message"] for entry in errors)
    foreign = foreign_requests(driver, origin_of(driver.current_url))
    assert foreign == [], f"requests to other origins: {foreign}"


def assert_accessible(driver, label=""):
    """axe-core (WCAG 2.0/2.1 A and AA rules) finds no violations on the current page state."""
    axe = Axe(driver)
    axe.inject()
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, " + AXE_OPTIONS + ")"
        ".then(r => done({violations: r.violations}), e => done({error: String(e)}));")
    assert "error" not in result, f"axe failed: {result.get('error')}"
    violations = result["violations"]
    assert violations == [], f"{label} {driver.current_url}\n" + axe.report(violations)


def page_weight(driver):
    """Bytes of the page and everything it loaded (HTML, CSS, JS), uncompressed."""
    return driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".reduce((sum, e) => sum + (e.decodedBodySize || 0), 0)")


def print_media(driver, on=True):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print" if on else ""})


def visible_buttons(driver):
    return [b.text or b.get_attribute("outerHTML")[:80]
            for b in driver.find_elements("css selector", "button, .mv-actions, .checklist__bar progress")
            if b.is_displayed()]


def file_url(path):
    return Path(path).resolve().as_uri()


# --- tools ---
# The browser's clock set to a fixed day, for pages that follow today's date (the allowance calculator's year,
# the date on the self-check statement). The page's own scripts are unchanged: Chromium runs this before them
# on every new document (DevTools scripts are not subject to the page's Content-Security-Policy).
_FIXED_CLOCK = """(function () {
  var fixed = new Date("%sT09:00:00").getTime(), Real = Date;
  function FixedDate() {
    if (!(this instanceof FixedDate)) return new Real(fixed).toString();
    if (arguments.length === 0) return new Real(fixed);
    return new (Function.prototype.bind.apply(Real, [null].concat(Array.prototype.slice.call(arguments))))();
  }
  FixedDate.prototype = Real.prototype;
  FixedDate.now = function () { return fixed; };
  FixedDate.UTC = Real.UTC;
  FixedDate.parse = Real.parse;
  window.Date = FixedDate;
})();"""


def set_today(driver, iso_day):
    """From the next page load on, `new Date()` in the page is `iso_day` 09:00 local time; returns a token for `reset_today`."""
    return driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _FIXED_CLOCK % iso_day})["identifier"]


def reset_today(driver, token):
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": token})


def request_count(driver):
    """How many requests the page has made so far (navigation and resources), to show an action made none."""
    return driver.execute_script(
        "return performance.getEntriesByType('navigation').length + performance.getEntriesByType('resource').length")
