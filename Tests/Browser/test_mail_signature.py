"""The mail signature helper: fill in name, days and hours, see the preview, copy it."""

from selenium.webdriver.common.by import By

from helpers import assert_accessible, assert_clean, open_page, print_media, t, visible_buttons, wait_for

PAGE = "grenzen/mailhandtekening/index.html"


def _set(driver, name, value):
    field = driver.find_element(By.CSS_SELECTOR, f".sig-form [name='{name}']")
    field.clear()
    field.send_keys(value)


def _day(driver, number):
    return driver.find_element(By.CSS_SELECTOR, f".sig-form input[name='day'][value='{number}']")


def _preview(driver):
    return driver.find_element(By.CSS_SELECTOR, ".sig-preview").text


def test_preview_shows_days_and_hours(driver, server, strings):
    open_page(driver, server + PAGE)
    assert_accessible(driver, "signature helper on load")
    _set(driver, "name", "Anouk de Vries")
    _set(driver, "role", "Adviseur HR")
    _set(driver, "org", "Lindehof")
    for number in (3, 5):  # not on Wednesday and Friday
        box = _day(driver, number)
        if box.is_selected():
            box.find_element(By.XPATH, "./ancestor::label").click()
    _set(driver, "start", "8.30")
    _set(driver, "end", "17:00")

    days = t(strings, "sig_days_list", list=f"{strings['day_1']}, {strings['day_2']} {strings['list_and']} {strings['day_4']}")
    sentence = t(strings, "sig_sentence_days_hours", days=days, hours=t(strings, "sig_hours", start="8:30", end="17:00"))
    wait_for(driver, lambda d: sentence in _preview(d), f"preview should say: {sentence}")
    lines = _preview(driver).split("\n")
    assert lines[0] == "Anouk de Vries | Adviseur HR | Lindehof"
    assert lines[1] == sentence
    assert lines[-1] == strings["sig_noreply"]

    # A run of days reads as a range.
    for number in (3, 5):
        _day(driver, number).find_element(By.XPATH, "./ancestor::label").click()
    ranged = t(strings, "sig_days_range", first=strings["day_1"], last=strings["day_5"])
    wait_for(driver, lambda d: ranged in _preview(d))

    _set(driver, "note", "Op woensdag werk ik thuis.")
    wait_for(driver, lambda d: "Op woensdag werk ik thuis." in _preview(d))

    driver.find_element(By.CSS_SELECTOR, ".sig-copy").click()
    status = driver.find_element(By.CSS_SELECTOR, ".sig-output .mv-status")
    wait_for(driver, lambda d: status.text in (strings["copied"], strings["copy_failed"]))
    assert_accessible(driver, "signature helper after input")
    assert driver.execute_script("return localStorage.length") == 0
    assert_clean(driver)


def test_wrong_time_is_explained(driver, server, strings):
    open_page(driver, server + PAGE)
    _set(driver, "start", "25:00")
    alert = driver.find_element(By.CSS_SELECTOR, ".sig-error")
    wait_for(driver, lambda d: alert.text == strings["sig_error_time"])
    assert driver.find_element(By.CSS_SELECTOR, ".sig-form [name='start']").get_attribute("aria-invalid") == "true"
    _set(driver, "start", "9:00")
    wait_for(driver, lambda d: alert.text == "")
    print_media(driver, True)
    try:
        assert visible_buttons(driver) == []
        assert not driver.find_element(By.CSS_SELECTOR, ".sig-form").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".sig-preview").is_displayed()
    finally:
        print_media(driver, False)
    assert_clean(driver)
