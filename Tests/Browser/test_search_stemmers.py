"""The stemmers of the site search (stem-nl.js, stem-en.js) in the browser, against words from the examples
of the Snowball algorithms' descriptions (snowballstem.org) and words of the toolkit."""

from selenium.webdriver.common.by import By

from helpers import assert_clean, open_page, wait_for

DUTCH = {
    "lichaamsziek": "lichaamsziek", "lichamelijk": "licham", "lichamelijke": "licham", "lichamelijkheden": "licham",
    "lichamen": "licham", "lichere": "licher", "licht": "licht", "lichtbeelden": "lichtbeeld", "lichtbruin": "lichtbruin",
    "lichtdoorlatende": "lichtdoorlat", "lichte": "licht", "lichten": "licht", "lichtende": "lichtend", "lichtere": "lichter",
    "lichtgevend": "lichtgev", "lichtjes": "lichtjes", "lichtkogels": "lichtkogel",
    # The toolkit's words: plural and singular meet, compounds keep their parts.
    "bureaustoelen": "bureaustoel", "bureaustoel": "bureaustoel", "beeldschermen": "beeldscherm", "kantoordagen": "kantoordag",
    "vergoedingen": "vergoed", "vergoeding": "vergoed", "thuiswerken": "thuiswerk", "reiskosten": "reiskost",
}
ENGLISH = {
    "consign": "consign", "consigned": "consign", "consigning": "consign", "consignment": "consign",
    "consistency": "consist", "consistent": "consist", "knack": "knack", "knackeries": "knackeri", "knaves": "knave",
    "caresses": "caress", "ponies": "poni", "relational": "relat", "hopping": "hop", "hoped": "hope", "agreed": "agre",
    "generously": "generous", "skies": "sky", "cries": "cri", "ties": "tie", "gaps": "gap", "kiwis": "kiwi", "gas": "gas",
    "working": "work", "allowances": "allow", "chairs": "chair",
}


def stems(driver, lang, words):
    return driver.execute_script("var stem = window.MengvormStem[arguments[0]]; return arguments[1].map(w => stem(w));", lang, words)


def test_dutch_and_english_stems(driver, server):
    for lang, home, expected in (("nl", "index.html", DUTCH), ("en", "en/index.html", ENGLISH)):
        open_page(driver, server + home)
        # The stemmer loads with the search, when someone types.
        driver.find_element(By.ID, "zoekveld").send_keys("xx")
        wait_for(driver, lambda d: d.execute_script("return !!(window.MengvormStem && window.MengvormStem[arguments[0]])", lang))
        words = list(expected)
        got = dict(zip(words, stems(driver, lang, words)))
        assert got == expected
        assert_clean(driver)
