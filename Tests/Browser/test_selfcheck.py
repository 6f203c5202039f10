"""The arbo self-check as an employee uses it: answer, read the results and advice, reload, erase; send a summary to
a manager or HR by their own click (a mailto: link) and print a dated statement."""

import re
from pathlib import PurePosixPath
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO
from helpers import (assert_accessible, assert_clean, load_yaml, open_page, print_media, request_count, reset_today,
                     set_today, t, visible_buttons, wait_for)

PAGE = "thuiswerkplek/zelfcheck/index.html"
ORDER = {"good": 0, "attention": 1, "risk": 2}


@pytest.fixture(scope="module")
def selfcheck(data):
    return data["selfcheck"]


def _pick(question, rating):
    return next((option for option in question["options"] if option["rating"] == rating), None)


def _plan(selfcheck):
    """Answers for the first two groups: in group 1 one risk, one attention, the rest good; group 2 all good."""
    first, second = selfcheck["groups"][0], selfcheck["groups"][1]
    answers = {}
    risk_question = next(q for q in first["questions"] if _pick(q, "risk"))
    attention_question = next(q for q in first["questions"] if q is not risk_question and _pick(q, "attention"))
    for question in first["questions"]:
        rating = "risk" if question is risk_question else "attention" if question is attention_question else "good"
        answers[question["id"]] = _pick(question, rating) or _pick(question, "good")
    for question in second["questions"]:
        answers[question["id"]] = _pick(question, "good")
    return answers, risk_question, attention_question


# The radio button of an answer, found by its label text (the answers have no value attribute).
FIND_RADIO = ("var r = Array.from(document.getElementsByName('sc-' + arguments[0]))"
              ".find(r => r.closest('label').textContent.trim() === arguments[1]);")


def _answer(driver, question_id, option):
    """Clicks the answer's label, as a person would."""
    label = driver.execute_script(FIND_RADIO + "var l = r.closest('label'); l.scrollIntoView({block: 'center'}); return l;",
                                  question_id, option["label"])
    label.click()


def _group_rating(driver, group_id):
    item = driver.find_element(By.CSS_SELECTOR, f".sc-groups__item[data-group='sc-{group_id}']")
    return item.get_attribute("data-rating"), item.text


def test_questions_are_fieldsets_with_labelled_radios(driver, server, selfcheck):
    open_page(driver, server + PAGE)
    # Nothing answered, nothing to send: the summary part is not loaded yet.
    assert driver.find_elements(By.CSS_SELECTOR, ".sc-mail") == []
    groups = driver.find_elements(By.CSS_SELECTOR, ".sc-group")
    assert [g.find_element(By.TAG_NAME, "legend").text for g in groups] == [g["title"] for g in selfcheck["groups"]]
    total_questions = sum(len(g["questions"]) for g in selfcheck["groups"])
    assert len(driver.find_elements(By.CSS_SELECTOR, "fieldset.sc-question > legend")) == total_questions
    labels = driver.execute_script(
        "return Array.from(document.querySelectorAll('.sc-form input[type=radio]'))"
        ".map(r => [r.name, r.closest('label') ? r.closest('label').textContent.trim() : null])")
    assert labels == [["sc-" + q["id"], o["label"]] for g in selfcheck["groups"] for q in g["questions"] for o in q["options"]]
    assert_accessible(driver, "self-check before answering")
    assert_clean(driver)


def test_results_advice_reload_and_erase(driver, server, selfcheck, strings):
    open_page(driver, server + PAGE)
    answers, risk_question, attention_question = _plan(selfcheck)
    for question_id, option in answers.items():
        _answer(driver, question_id, option)

    total = sum(len(g["questions"]) for g in selfcheck["groups"])
    first, second, third = (g["id"] for g in selfcheck["groups"][:3])
    status = driver.find_element(By.CSS_SELECTOR, ".sc-status")
    assert status.get_attribute("role") == "status"
    wait_for(driver, lambda d: status.text == t(strings, "sc_status", answered=len(answers), total=total,
                                                 result=strings["sc_overall_risk"]))

    # Per group and overall, in colour and in words.
    rating, text = _group_rating(driver, first)
    assert rating == "risk" and strings["rating_risk"] in text
    assert t(strings, "sc_count_risk", count=1) in text and t(strings, "sc_count_attention", count=1) in text
    rating, text = _group_rating(driver, second)
    assert rating == "good" and strings["rating_good"] in text
    rating, text = _group_rating(driver, third)
    assert rating == "open" and strings["rating_open"] in text
    overall = driver.find_element(By.CSS_SELECTOR, ".sc-overall")
    assert "sc-overall--risk" in overall.get_attribute("class")
    assert strings["sc_overall_risk"] in overall.text
    assert t(strings, "sc_answered", answered=len(answers), total=total) in overall.text

    # The advice for each answer that needs action, with its link from the data.
    items = driver.find_elements(By.CSS_SELECTOR, ".sc-advice__item")
    assert len(items) == 2
    assert items[0].get_attribute("data-rating") == "risk"
    for item, question in zip(items, (risk_question, attention_question)):
        option = answers[question["id"]]
        assert option["advice"] in item.text
        assert question["text"] in item.text
        if option.get("link"):
            href = item.find_element(By.CSS_SELECTOR, "a").get_attribute("href")
            target, _, fragment = option["link"].partition("#")
            expected = PurePosixPath(target).with_suffix("").as_posix()
            expected = expected[: -len("/_index")] if expected.endswith("/_index") else expected
            assert urlsplit(href).path.endswith("/" + expected + "/index.html"), href
            assert urlsplit(href).fragment == fragment

    # Feedback under the question itself.
    feedback = driver.find_element(By.CSS_SELECTOR, f".sc-question[data-question='{risk_question['id']}'] .sc-feedback")
    assert feedback.is_displayed() and strings["rating_risk"] in feedback.text
    assert answers[risk_question["id"]]["advice"] in feedback.text
    assert_accessible(driver, "self-check after answering")

    # Answers stay in this browser only, and survive a reload.
    driver.refresh()
    open_page(driver, server + PAGE)
    checked = driver.execute_script(
        "return Array.from(document.querySelectorAll('.sc-form input[type=radio]:checked'))"
        ".map(r => [r.name, r.closest('label').textContent.trim()])")
    assert sorted(checked) == sorted(["sc-" + qid, option["label"]] for qid, option in answers.items())
    assert _group_rating(driver, first)[0] == "risk"
    assert len(driver.find_elements(By.CSS_SELECTOR, ".sc-advice__item")) == 2

    # Print (and save as PDF): the result and advice, no buttons.
    print_media(driver, True)
    try:
        assert visible_buttons(driver) == []
        assert driver.find_element(By.CSS_SELECTOR, ".sc-overall").is_displayed()
        assert driver.find_elements(By.CSS_SELECTOR, ".sc-advice__item")[0].is_displayed()
        chosen = driver.find_element(By.CSS_SELECTOR, f".sc-question[data-question='{risk_question['id']}'] .sc-options > label.is-chosen")
        assert chosen.is_displayed()
    finally:
        print_media(driver, False)

    # Erase: everything gone, here and in storage.
    driver.find_element(By.CSS_SELECTOR, ".sc-clear").click()
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".sc-form input[type=radio]:checked"))
    assert driver.find_elements(By.CSS_SELECTOR, ".sc-advice__item") == []
    assert "sc-overall--open" in driver.find_element(By.CSS_SELECTOR, ".sc-overall").get_attribute("class")
    keys = driver.execute_script("return Object.keys(localStorage).filter(k => k.indexOf('selfcheck') >= 0)")
    assert keys == []
    driver.refresh()
    open_page(driver, server + PAGE)
    assert not driver.find_elements(By.CSS_SELECTOR, ".sc-form input[type=radio]:checked")
    assert_clean(driver)


def test_all_good_gives_good_and_no_advice(driver, server, selfcheck, strings):
    open_page(driver, server + PAGE)
    best = [(q["id"], _pick(q, "good") or min(q["options"], key=lambda o: ORDER[o["rating"]]))
            for g in selfcheck["groups"] for q in g["questions"]]
    # All but the last by script (this test is about the rule, not the clicking), the last by a click.
    driver.execute_script(
        "arguments[0].forEach(function (a) {"
        "  var r = Array.from(document.getElementsByName('sc-' + a[0])).find(r => r.closest('label').textContent.trim() === a[1]);"
        "  r.checked = true; r.dispatchEvent(new Event('change', {bubbles: true})); });",
        [[qid, option["label"]] for qid, option in best[:-1]])
    _answer(driver, best[-1][0], best[-1][1])
    expected = "good" if all(_pick(q, "good") for g in selfcheck["groups"] for q in g["questions"]) else None
    overall = driver.find_element(By.CSS_SELECTOR, ".sc-overall")
    if expected:
        wait_for(driver, lambda d: "sc-overall--good" in overall.get_attribute("class"))
        assert strings["sc_no_advice"] in driver.find_element(By.CSS_SELECTOR, ".sc-advice").text
    driver.find_element(By.CSS_SELECTOR, ".sc-clear").click()
    assert_clean(driver)


def test_advice_links_point_to_pages_of_the_site(driver, server, site):
    open_page(driver, server + PAGE)
    for link in {r.get_attribute("data-link") for r in driver.find_elements(By.CSS_SELECTOR, "input[data-link]")}:
        absolute = urljoin(server + PAGE, link).split("#")[0]
        assert absolute.startswith(server), link
        assert (site / absolute[len(server):]).is_file(), link


def _mail(driver):
    """The summary link's parts: (recipient, subject, body), decoded as a mail program does (RFC 6068)."""
    href = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".sc-mail")).get_attribute("href")
    assert href.startswith("mailto:"), href
    address, _, query = href[len("mailto:"):].partition("?")
    fields = parse_qs(query, keep_blank_values=True, strict_parsing=True)
    assert sorted(fields) == ["body", "subject"]
    assert "+" not in query, "spaces must be %20 in a mailto: link, not +"
    return unquote(address), fields["subject"][0], fields["body"][0]


def _hr_email():
    text = (REPO / "Content" / "thuiswerkplek" / "zelfcheck.md").read_text(encoding="utf-8")
    return re.search(r"```selfcheck\n(?:.*\n)*?hr_email: (\S+)", text).group(1)


def test_summary_mail_and_dated_statement(driver, server, selfcheck, strings):
    token = set_today(driver, "2027-01-04")
    try:
        open_page(driver, server + PAGE)
    finally:
        reset_today(driver, token)
    answers, risk_question, attention_question = _plan(selfcheck)
    for question_id, option in answers.items():
        _answer(driver, question_id, option)
    # The summary part loads with the first answer (one script from the site itself), then nothing more.
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".sc-mail"))
    assert_accessible(driver, "self-check with the summary part")
    before = request_count(driver)
    total = sum(len(g["questions"]) for g in selfcheck["groups"])
    first, second = selfcheck["groups"][0], selfcheck["groups"][1]

    # The HR address is offered, not filled in: the employee chooses who gets the mail.
    hint = driver.find_element(By.CSS_SELECTOR, "#selfcheck-mail-to-hint").text
    assert hint == t(strings, "sc_mail_to_hint_hr", email=_hr_email())
    to, subject, body = _mail(driver)
    assert to == ""
    date = f"4 {strings['month_1']} 2027"
    assert subject == t(strings, "sc_mail_subject", title=selfcheck["title"], result=strings["sc_overall_risk"], date=date)
    lines = body.split("\r\n")
    assert lines[0] == t(strings, "sc_mail_opening", title=selfcheck["title"], date=date, version=selfcheck["version"])
    assert t(strings, "sc_mail_overall", result=strings["sc_overall_risk"], answered=len(answers), total=total) in lines
    group_lines = [line for line in lines if line.startswith("- ")]
    assert [line[2:].split(":")[0] for line in group_lines] == [g["title"] for g in selfcheck["groups"]]
    assert group_lines[0].startswith(f"- {first['title']}: {strings['rating_risk']} (")
    assert t(strings, "sc_count_risk", count=1) in group_lines[0]
    assert group_lines[1].startswith(f"- {second['title']}: {strings['rating_good']}")
    assert group_lines[2].startswith(f"- {selfcheck['groups'][2]['title']}: {strings['rating_open']}")
    # Without the tick, no answer is in the mail.
    assert strings["sc_mail_answers_title"] not in body
    for question_id, option in answers.items():
        assert t(strings, "sc_your_answer", answer=option["label"]) not in body
    assert risk_question["text"] not in body
    assert not driver.find_element(By.CSS_SELECTOR, ".sc-mail-long").is_displayed()

    # The employee types an address and ticks the box: now every answer is there, with its rating.
    driver.find_element(By.CSS_SELECTOR, "#selfcheck-mail-to").send_keys("leidinggevende@lindehof.example")
    box = driver.find_element(By.CSS_SELECTOR, "#selfcheck-mail-answers")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    wait_for(driver, lambda d: strings["sc_mail_answers_title"] in _mail(d)[2])
    to, subject, body = _mail(driver)
    assert to == "leidinggevende@lindehof.example"
    question_texts = {q["id"]: q["text"] for g in selfcheck["groups"] for q in g["questions"]}
    for question_id, option in answers.items():
        rating = strings["rating_" + option["rating"]]
        assert f"- {question_texts[question_id]} {t(strings, 'sc_your_answer', answer=option['label'])} ({rating})" in body.split("\r\n")
    href = driver.find_element(By.CSS_SELECTOR, ".sc-mail").get_attribute("href")
    assert driver.find_element(By.CSS_SELECTOR, ".sc-mail-long").is_displayed() == (len(href) > 2000)
    assert_accessible(driver, "self-check with the answers ticked")

    # The dated statement: filled in at the click, printed on its own.
    driver.find_element(By.CSS_SELECTOR, "#selfcheck-statement-name").send_keys("Samira Bakker")
    driver.execute_script("window.__printed = []; window.print = function () {"
                          " var s = document.querySelector('.sc-statement');"
                          " window.__printed.push({cls: document.documentElement.className, text: s.textContent, parent: s.parentNode.tagName}); };")
    button = driver.find_element(By.CSS_SELECTOR, ".sc-statement-print")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    printed = driver.execute_script("return window.__printed")
    assert len(printed) == 1 and "sc-print-statement" in printed[0]["cls"] and printed[0]["parent"] == "BODY"
    text = printed[0]["text"]
    assert t(strings, "sc_statement_title", title=selfcheck["title"]) in text
    assert t(strings, "sc_statement_name_line", name="Samira Bakker") in text
    assert t(strings, "sc_statement_date_line", date=date) in text
    assert t(strings, "sc_mail_overall", result=strings["sc_overall_risk"], answered=len(answers), total=total) in text
    assert t(strings, "sc_your_answer", answer=answers[risk_question["id"]]["label"]) in text
    assert not driver.find_element(By.CSS_SELECTOR, ".sc-statement").is_displayed()
    print_media(driver, True)
    try:
        assert driver.find_element(By.CSS_SELECTOR, ".sc-statement").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".sc-form").is_displayed()
        assert visible_buttons(driver) == []
        driver.execute_script("document.documentElement.classList.remove('sc-print-statement')")
        # The ordinary print shows the self-check and the result, not the statement.
        assert not driver.find_element(By.CSS_SELECTOR, ".sc-statement").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".sc-overall").is_displayed()
    finally:
        print_media(driver, False)

    # Nothing was sent: no request since the page loaded, and the answers are only in this browser.
    assert request_count(driver) == before
    driver.find_element(By.CSS_SELECTOR, ".sc-clear").click()
    assert_clean(driver)


def test_english_self_check_summary(driver, server, data):
    english = load_yaml(REPO / "Themes" / "default" / "i18n" / "en.yml")
    selfcheck_en = data["selfcheck.en"]
    open_page(driver, server + "en/thuiswerkplek/zelfcheck/index.html")
    assert_accessible(driver, "English self-check before answering")
    group = selfcheck_en["groups"][0]
    for question in group["questions"]:
        _answer(driver, question["id"], _pick(question, "good") or question["options"][0])
    _, subject, body = _mail(driver)
    assert subject.startswith(selfcheck_en["title"] + ": ")
    opening = english["sc_mail_opening"].replace("{title}", selfcheck_en["title"]).replace("{version}", selfcheck_en["version"])
    assert re.fullmatch(re.escape(opening).replace(re.escape("{date}"), r"\d{1,2} [A-Z][a-z]+ \d{4}"), body.split("\r\n")[0])
    assert f"- {group['title']}: " in body
    assert driver.find_element(By.CSS_SELECTOR, ".sc-share h3").text == english["sc_share_title"]
    assert_accessible(driver, "English self-check after answering")
    driver.find_element(By.CSS_SELECTOR, ".sc-clear").click()
    assert_clean(driver)



def test_fits_a_phone_screen(server, selfcheck):
    import helpers
    phone = helpers.start_browser(width=390, height=844)
    # Headless Chromium keeps windows at least 500 px wide; the page itself is given a 390 px viewport.
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": False})
    try:
        open_page(phone, server + PAGE)
        question = selfcheck["groups"][0]["questions"][0]
        _answer(phone, question["id"], question["options"][-1])
        wait_for(phone, lambda d: d.find_elements(By.CSS_SELECTOR, ".sc-mail"))
        assert phone.execute_script("return window.innerWidth") == 390
        assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        phone.find_element(By.CSS_SELECTOR, ".sc-clear").click()
        assert_clean(phone)
    finally:
        phone.quit()
