"""The site opened from disk (file://): links work, components run, checklist ticks and answers persist."""

from selenium.webdriver.common.by import By

from helpers import assert_clean, file_url, open_page, t, wait_for

CHECKLIST_PAGE = "grenzen/mailhandtekening/index.html"  # a component page that also has a checklist
SELFCHECK_PAGE = "thuiswerkplek/zelfcheck/index.html"


def test_checklist_ticks_persist_from_file(driver, site, strings):
    url = file_url(site / CHECKLIST_PAGE)
    open_page(driver, url)
    checklist = driver.find_element(By.CSS_SELECTOR, ".checklist")
    boxes = checklist.find_elements(By.CSS_SELECTOR, "input[data-task]")
    driver.find_element(By.CSS_SELECTOR, f"label[for='{boxes[1].get_attribute('id')}']").click()
    progress = checklist.find_element(By.CSS_SELECTOR, ".checklist__progress")
    wait_for(driver, lambda d: progress.text == t(strings, "checklist_progress", done=1, total=len(boxes)))
    driver.refresh()
    open_page(driver, url)
    checklist = driver.find_element(By.CSS_SELECTOR, ".checklist")
    boxes = checklist.find_elements(By.CSS_SELECTOR, "input[data-task]")
    assert [box.is_selected() for box in boxes] == [i == 1 for i in range(len(boxes))]
    assert checklist.find_element(By.CSS_SELECTOR, ".checklist__progress").text == \
        t(strings, "checklist_progress", done=1, total=len(boxes))
    # Its component loaded from disk too.
    assert driver.find_element(By.CSS_SELECTOR, ".sig-preview").text
    assert_clean(driver)


def test_links_and_selfcheck_work_from_file(driver, site):
    open_page(driver, file_url(site / "index.html"))
    first_theme = driver.find_element(By.CSS_SELECTOR, ".main-menu a")
    href = first_theme.get_attribute("href")
    assert href.startswith("file://") and href.endswith("/index.html")
    first_theme.click()
    wait_for(driver, lambda d: d.current_url == href)
    open_page(driver, driver.current_url)

    url = file_url(site / SELFCHECK_PAGE)
    open_page(driver, url)
    radio = driver.find_element(By.CSS_SELECTOR, ".sc-form input[type=radio]")
    radio.find_element(By.XPATH, "./ancestor::label").click()
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".sc-feedback").is_displayed())
    driver.refresh()
    open_page(driver, url)
    assert driver.find_element(By.CSS_SELECTOR, ".sc-form input[type=radio]").is_selected()
    driver.find_element(By.CSS_SELECTOR, ".sc-clear").click()
    assert_clean(driver)
