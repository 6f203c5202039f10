"""Pipe tables and callouts from the Markdown, in a real browser: a wide table scrolls inside its own box at
390 px and can be scrolled with the keyboard, callouts are notes with a visible title, axe finds nothing,
and both print in full. Built from a small fixture site with the repository's theme."""

import os
import shutil
import subprocess
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import conftest
import helpers

REPO = Path(__file__).resolve().parents[2]

PAGE = """---
title: Tabellen en kaders
---
Zo ziet een week van een team eruit.

| Dag | Waar werk je? | Wat doe je die dag het liefst? | Wie is er? | Overleg | Opmerking |
| --- | :-----------: | ------------------------------ | ---------- | ------: | --------- |
| Maandag | Thuis | Werk waarvoor je rust nodig hebt, zoals schrijven en plannen | Iedereen thuis | 0 | Zet je status in de chat |
| Dinsdag | Kantoor | Samen werken, overleggen en bijpraten met je team | Het hele team | 2 | Teamdag |
| Woensdag | Thuis | Geconcentreerd werk | Wie wil | 1 | ~~Vrije lunch~~ |

> [!NOTE]
> Spreek met je team af welke dag je samen op kantoor bent.

> [!TIP]
> Zet je werkplek thuis goed neer.

> [!IMPORTANT]
> Laat het weten als je niet kunt komen.

> [!WARNING]
> Werk niet te lang door zonder pauze.

> [!CAUTION]
> Deel geen wachtwoorden in de chat.
"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("tables")
    shutil.copytree(REPO / "Themes", root / "Themes")
    (root / "Content").mkdir()
    (root / "site.yml").write_text("title: Test\nlanguage: nl\nlanguages: [nl, en]\n", encoding="utf-8")
    (root / "Content" / "_index.md").write_text("---\ntitle: Start\n---\n[Tabellen](tabellen.md)\n", encoding="utf-8")
    (root / "Content" / "tabellen.md").write_text(PAGE, encoding="utf-8")
    binary = Path(os.environ.get("MENGVORM_BIN", REPO / ".build" / "debug" / "mengvorm"))
    output = root / "Output"
    result = subprocess.run([str(binary), "build", "--source", str(root), "--output", str(output), "--strict"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"fixture build failed:\n{result.stdout}\n{result.stderr}"
    handler = type("Handler", (conftest._Handler,), {"prefix": "/"})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(output)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/tabellen/index.html"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def phone():
    browser = helpers.start_browser(width=390, height=844)
    yield browser
    browser.quit()


def test_a_wide_table_scrolls_in_its_own_box_and_by_keyboard(phone, fixture_site):
    helpers.open_page(phone, fixture_site)
    box = phone.find_element(By.CSS_SELECTOR, ".table-scroll")
    assert box.get_attribute("role") == "region"
    assert box.get_attribute("aria-label") == "Tabel: Dag, Waar werk je?, Wat doe je die dag het liefst?"
    widths = phone.execute_script(
        "var b = arguments[0]; return [b.scrollWidth, b.clientWidth, document.documentElement.scrollWidth, window.innerWidth];", box)
    assert widths[0] > widths[1], f"the table should be wider than its box at 390 px: {widths}"
    assert widths[2] <= widths[3], f"the page itself must not scroll sideways: {widths}"
    # The box is in the tab order; focused, the arrow keys scroll it.
    assert box.get_attribute("tabindex") == "0"
    phone.execute_script("arguments[0].focus();", box)
    assert phone.switch_to.active_element == box
    box.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    helpers.wait_for(phone, lambda d: d.execute_script("return arguments[0].scrollLeft;", box) > 0,
                     "the arrow keys did not scroll the table")
    headers = [th.get_attribute("scope") for th in phone.find_elements(By.CSS_SELECTOR, ".table-scroll th")]
    assert headers == ["col"] * 6
    centred = phone.find_element(By.CSS_SELECTOR, "td.align-center")
    assert phone.execute_script("return getComputedStyle(arguments[0]).textAlign;", centred) == "center"
    assert phone.find_element(By.CSS_SELECTOR, "td del").text == "Vrije lunch"
    helpers.assert_accessible(phone, "tables and callouts at 390 px")
    helpers.assert_clean(phone)


def test_callouts_are_notes_with_their_dutch_title(phone, fixture_site, strings):
    helpers.open_page(phone, fixture_site)
    callouts = phone.find_elements(By.CSS_SELECTOR, ".callout")
    kinds = ["note", "tip", "important", "warning", "caution"]
    assert [c.get_attribute("class") for c in callouts] == [f"callout callout-{kind}" for kind in kinds]
    assert all(c.get_attribute("role") == "note" for c in callouts)
    titles = [c.find_element(By.CSS_SELECTOR, ".callout-title").text for c in callouts]
    assert titles == [strings[f"callout_{kind}"] for kind in kinds]


def test_tables_and_callouts_print_in_full(phone, fixture_site):
    helpers.open_page(phone, fixture_site)
    helpers.print_media(phone, True)
    try:
        box = phone.find_element(By.CSS_SELECTOR, ".table-scroll")
        assert phone.execute_script("return getComputedStyle(arguments[0]).overflowX;", box) == "visible"
        assert all(c.is_displayed() for c in phone.find_elements(By.CSS_SELECTOR, ".callout-title"))
    finally:
        helpers.print_media(phone, False)
