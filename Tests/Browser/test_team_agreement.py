"""The team agreement builder: choices per topic → a printable agreement and a Markdown copy."""

import pytest
from selenium.webdriver.common.by import By

from helpers import assert_accessible, assert_clean, open_page, print_media, t, visible_buttons, wait_for

PAGE = "teamafspraken/afsprakenmaker/index.html"


@pytest.fixture(scope="module")
def agreement(data):
    return data["team_agreement"]


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
    fields = driver.find_elements(By.CSS_SELECTOR, ".ta-field")
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
