"""Checklists as an employee uses them: tick, reload, see the ticks kept and the progress right, clear them."""

import json
import re

import pytest
from selenium.webdriver.common.by import By

from helpers import assert_accessible, assert_clean, open_page, print_media, t, visible_buttons, wait_for


def _checklist_pages(site):
    """Pages with a checklist, those with more than one first, component pages left out."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if 'class="checklist"' in html and "data-component=" not in html:
            pages.append((-html.count('class="checklist"'), path.relative_to(site).as_posix()))
    return [page for _, page in sorted(pages)]


@pytest.fixture(scope="module")
def pages(site):
    found = _checklist_pages(site)
    assert found, "no page with a checklist in the built site"
    return found


def _progress(list_element):
    return list_element.find_element(By.CSS_SELECTOR, ".checklist__progress").text


def _boxes(list_element):
    return list_element.find_elements(By.CSS_SELECTOR, "input[type=checkbox][data-task]")


def _tick(driver, box):
    """Clicks the item's label, as a person would."""
    label = driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")
    label.click()


def test_ticks_survive_a_reload_and_clear_empties_them(driver, server, pages, strings):
    url = server + pages[0]
    open_page(driver, url)
    lists = driver.find_elements(By.CSS_SELECTOR, ".checklist")
    first = lists[0]
    boxes = _boxes(first)
    total = len(boxes)
    assert total >= 2
    assert _progress(first) == t(strings, "checklist_progress", done=0, total=total)
    live = first.find_element(By.CSS_SELECTOR, ".checklist__progress")
    assert live.get_attribute("aria-live") == "polite"
    assert_accessible(driver, "checklist before ticking")

    _tick(driver, boxes[0])
    _tick(driver, boxes[-1])
    wait_for(driver, lambda d: _progress(first) == t(strings, "checklist_progress", done=2, total=total))

    page_path = driver.execute_script("return document.body.dataset.page")
    stored = json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", "mengvorm:checklist:" + page_path))
    assert stored[boxes[0].get_attribute("data-task")] is True
    assert stored[boxes[-1].get_attribute("data-task")] is True

    driver.refresh()
    open_page(driver, url)
    first = driver.find_elements(By.CSS_SELECTOR, ".checklist")[0]
    boxes = _boxes(first)
    assert [box.is_selected() for box in boxes] == [True] + [False] * (total - 2) + [True]
    assert _progress(first) == t(strings, "checklist_progress", done=2, total=total)
    if len(lists) > 1:
        # Another checklist on the same page keeps its own count.
        other = driver.find_elements(By.CSS_SELECTOR, ".checklist")[1]
        assert _progress(other) == t(strings, "checklist_progress", done=0, total=len(_boxes(other)))
    assert_accessible(driver, "checklist after ticking")

    first.find_element(By.CSS_SELECTOR, ".checklist__bar button").click()
    wait_for(driver, lambda d: not any(box.is_selected() for box in _boxes(first)))
    assert t(strings, "checklist_progress", done=0, total=total) in _progress(first)
    assert driver.execute_script("return localStorage.getItem(arguments[0])", "mengvorm:checklist:" + page_path) is None

    driver.refresh()
    open_page(driver, url)
    first = driver.find_elements(By.CSS_SELECTOR, ".checklist")[0]
    assert not any(box.is_selected() for box in _boxes(first))
    assert _progress(first) == t(strings, "checklist_progress", done=0, total=total)
    assert_clean(driver)


def test_keyboard_ticks_an_item(driver, server, pages, strings):
    from selenium.webdriver.common.keys import Keys

    open_page(driver, server + pages[-1])
    first = driver.find_element(By.CSS_SELECTOR, ".checklist")
    box = _boxes(first)[0]
    driver.execute_script("arguments[0].focus()", box)
    box.send_keys(Keys.SPACE)
    total = len(_boxes(first))
    wait_for(driver, lambda d: _progress(first) == t(strings, "checklist_progress", done=1, total=total))
    # Checklists of different pages are stored apart.
    open_page(driver, server + pages[0])
    first = driver.find_element(By.CSS_SELECTOR, ".checklist")
    assert _progress(first) == t(strings, "checklist_progress", done=0, total=len(_boxes(first)))
    assert_clean(driver)


def test_printed_checklist_shows_boxes_and_no_controls(driver, server, pages):
    open_page(driver, server + pages[0])
    first = driver.find_element(By.CSS_SELECTOR, ".checklist")
    _tick(driver, _boxes(first)[0])
    print_media(driver, True)
    try:
        assert visible_buttons(driver) == []
        assert all(box.is_displayed() for box in _boxes(first))
        assert _boxes(first)[0].is_selected()
        for selector in (".site-header", ".section-nav", ".site-footer"):
            for element in driver.find_elements(By.CSS_SELECTOR, selector):
                assert not element.is_displayed(), selector
    finally:
        print_media(driver, False)
    assert re.search(r"\d", _progress(first))
    assert_clean(driver)
