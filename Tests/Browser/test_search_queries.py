"""The query set (search_queries.yml) typed into the header search of the built site: the share of queries
whose wanted page is among the first three results must be at least 90 %.

Each query goes through the real field (value set, an `input` event, as a keystroke sends), and the test
waits until the results list says it answers that query, then reads the first three links. Only "in the
top three" counts, never an exact rank, so pages added by others do not break it.
"""

import json
from pathlib import Path

from helpers import assert_clean, load_yaml, open_page

QUERIES = load_yaml(Path(__file__).with_name("search_queries.yml"))["queries"]
REQUIRED_SHARE = 0.90
HOMES = {"nl": "index.html", "en": "en/index.html"}

# Types every query in turn and returns, per query, the first three result links (relative to the site root).
RUN_QUERIES = """
var queries = arguments[0], root = arguments[1], done = arguments[arguments.length - 1];
var input = document.getElementById('zoekveld');
var status = document.querySelector('#zoekresultaten [role=status]');
var answers = [], i = 0, started = 0;
function next() {
  if (i >= queries.length) { done(answers); return; }
  input.value = queries[i];
  input.dispatchEvent(new Event('input', {bubbles: true}));
  started = Date.now();
  wait();
}
function wait() {
  var query = queries[i].trim();
  if (status.textContent.indexOf('\\u201c' + query + '\\u201d') < 0) {
    if (Date.now() - started > 8000) { answers.push({error: 'no answer: ' + status.textContent}); i++; next(); return; }
    setTimeout(wait, 5);
    return;
  }
  var links = Array.prototype.slice.call(document.querySelectorAll('#zoekresultaten li a'), 0, 3);
  answers.push({top: links.map(function (a) { return a.href.slice(root.length).replace(/index\\.html$/, ''); }),
                status: status.textContent});
  i++;
  next();
}
next();
"""


def run_query_set(driver, server):
    """Runs every query on the home page of its language; returns [(entry, top three, status)]."""
    outcome = []
    for lang, home in HOMES.items():
        chosen = [entry for entry in QUERIES if entry.get("lang", "nl") == lang]
        if not chosen:
            continue
        open_page(driver, server + home)
        answers = driver.execute_async_script(RUN_QUERIES, [entry["query"] for entry in chosen], server)
        for entry, answer in zip(chosen, answers):
            assert "error" not in answer, f"{entry['query']}: {answer['error']}"
            outcome.append((entry, answer["top"], answer["status"]))
        assert_clean(driver)
    return outcome


def test_query_set_is_honest_and_large_enough():
    assert len(QUERIES) >= 40
    assert len({entry["query"] for entry in QUERIES}) == len(QUERIES), "a query appears twice"
    from conftest import REPO

    content = REPO / "Content"
    for entry in QUERIES:
        assert entry["pages"], entry
        for page in entry["pages"]:
            # Every wanted page is a page of the site (folder/_index.md or folder.md, translations as .en.md).
            parts = page.rstrip("/").split("/")
            lang = ""
            if parts and parts[0] == "en":
                parts, lang = parts[1:], ".en"
            folder = content.joinpath(*parts) if parts else content
            candidates = [folder / f"_index{lang}.md", folder.parent / f"{folder.name}{lang}.md"]
            assert any(path.exists() for path in candidates), f"{entry['query']}: no page for {page}"


def test_share_of_queries_answered_in_the_top_three(driver, server):
    outcome = run_query_set(driver, server)
    answered = [entry for entry, top, _ in outcome if set(top) & set(entry["pages"])]
    share = len(answered) / len(outcome)
    by_kind = {}
    for entry, top, _ in outcome:
        kind = entry.get("kind", "other")
        hit = bool(set(top) & set(entry["pages"]))
        total, good = by_kind.get(kind, (0, 0))
        by_kind[kind] = (total + 1, good + hit)
    print(f"\nsearch: {len(answered)} of {len(outcome)} queries ({share:.0%}) have a wanted page in the top three")
    print("  by kind: " + ", ".join(f"{kind} {good}/{total}" for kind, (total, good) in sorted(by_kind.items())))
    for entry, top, status in outcome:
        if not set(top) & set(entry["pages"]):
            print(f"  missed: {entry['query']!r} wants {entry['pages']}, got {top} ({status})")
    report = Path(__file__).resolve().parents[2] / ".build" / "search-queries.json"
    if report.parent.exists():
        report.write_text(json.dumps([{"query": e["query"], "top": top, "hit": bool(set(top) & set(e["pages"]))}
                                      for e, top, _ in outcome], indent=1, ensure_ascii=False))
    assert share >= REQUIRED_SHARE, f"only {share:.0%} of the queries find a wanted page in the top three"
