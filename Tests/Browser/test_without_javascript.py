"""Progressive enhancement: with JavaScript off every page still reads, and the questions and checklists print."""

import pytest
from selenium.webdriver.common.by import By

from helpers import assert_accessible


@pytest.fixture(scope="module")
def plain(driver):
    """The module's browser, loading pages with their scripts switched off (axe still runs afterwards)."""
    class Plain:
        def get(self, url):
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            driver.get(url)
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

        def __getattr__(self, name):
            return getattr(driver, name)
    return Plain()


def _shown(browser, selector):
    return [e for e in browser.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_selfcheck_questions_and_checklist_without_javascript(plain, server, data):
    plain.get(server + "thuiswerkplek/zelfcheck/index.html")
    assert "js" not in (plain.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
    questions = sum(len(g["questions"]) for g in data["selfcheck"]["groups"])
    assert len(_shown(plain, "fieldset.sc-question")) == questions
    assert len(_shown(plain, ".sc-form input[type=radio]")) == sum(
        len(q["options"]) for g in data["selfcheck"]["groups"] for q in g["questions"])
    assert _shown(plain, ".sc .mv-nojs")
    assert not _shown(plain, ".sc-result")
    assert _shown(plain, ".checklist input[type=checkbox]")
    assert_accessible(plain, "self-check without JavaScript")


def test_tools_explain_themselves_without_javascript(plain, server, data):
    plain.get(server + "vergoedingen/rekenhulp/index.html")
    assert not _shown(plain, ".calc-form")
    assert _shown(plain, ".calc .mv-nojs")
    assert_accessible(plain, "calculator without JavaScript")

    plain.get(server + "teamafspraken/afsprakenmaker/index.html")
    topics = _shown(plain, ".ta-topic")
    assert [t.find_element(By.TAG_NAME, "h3").text for t in topics] == [t["title"] for t in data["team_agreement"]["topics"]]
    first = data["team_agreement"]["topics"][0]
    assert first["options"][0] in topics[0].text
    assert_accessible(plain, "agreement builder without JavaScript")

    plain.get(server + "grenzen/mailhandtekening/index.html")
    assert not _shown(plain, ".sig-form")
    assert _shown(plain, ".sig .mv-nojs")
