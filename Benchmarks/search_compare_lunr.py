#!/usr/bin/env python3
"""The query set of the site search (Tests/Browser/search_queries.yml) answered by lunr with its Dutch and
English stemmers, on the same pages and fields as the theme's own search, for comparison.

  python Benchmarks/search_compare_lunr.py OUTPUT/search-index.js

Needs `pip install "lunr[languages]==0.8.0" pyyaml` (lunr.py, the Python port of lunr.js with the same
index and query model; its languages use NLTK's Snowball stemmers). Builds one lunr index per language
from the pages in search-index.js with the theme's field weights (title 10, headings 5, tags and keywords
6, description 3, text 1) and prints the share of queries with a wanted page in the top three, twice:
lunr as it comes (`index.search`), and lunr helped the way the theme's search works (a stop-word-free
query of optional terms, one edit allowed from five letters and two from eight, the last word also as a
prefix). lunr has no synonyms and no compound matching; compare with the theme's search without
Content/_data/search.yml. Stop words: the theme's (NLTK's list would be downloaded; nothing is).
"""

import json
import re
import sys
from pathlib import Path

import yaml
import lunr.languages as lunr_languages
from lunr import lunr
from lunr.query import Query

REPO = Path(__file__).resolve().parents[1]
QUERIES = yaml.safe_load((REPO / "Tests" / "Browser" / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
WEIGHTS = {"title": 10, "headings": 5, "tags": 6, "description": 3, "body": 1}


def theme_stop_words():
    """The stop words of the theme's search-engine.js, per NLTK language name."""
    text = (REPO / "Themes" / "default" / "assets" / "js" / "search-engine.js").read_text(encoding="utf-8")
    block = text[text.index("var STOP_WORDS"):text.index("};", text.index("var STOP_WORDS"))]
    nl, en = block.split("\n    en:")
    return {"dutch": " ".join(re.findall(r'"([^"]*)"', nl)).split(), "english": " ".join(re.findall(r'"([^"]*)"', en)).split()}


# lunr.py reads stop words from NLTK's corpus, which it downloads from the internet on every index; use the
# theme's own stop words instead (the same for both engines, and no request leaves the machine).
STOP = theme_stop_words()
LANGUAGE_NAMES = {"nl": "dutch", "en": "english"}
lunr_languages.nltk.download = lambda *args, **kwargs: True
lunr_languages._get_stopwords_and_word_characters = lambda language: (STOP[LANGUAGE_NAMES.get(language, language)],
                                                                 {c for w in STOP[LANGUAGE_NAMES.get(language, language)] for c in w})


def load_pages(path):
    text = Path(path).read_text(encoding="utf-8")
    data = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
    return data["pages"]


def documents(pages, lang):
    chosen = [p for p in pages if p.get("l", "nl") == lang]
    return [{"id": re.sub(r"index\.html$", "", p["u"]), "title": p["t"], "headings": " ".join(p.get("h", [])),
             "tags": " ".join(p.get("g", []) + p.get("k", [])), "description": p.get("d", ""), "body": p.get("x", "")}
            for p in chosen]


def helped(index, query):
    words = [w for w in re.split(r"[^\w]+", query.lower()) if len(w) > 1]

    def build(q):
        for position, word in enumerate(words):
            edits = 2 if len(word) >= 8 else 1 if len(word) >= 5 else 0
            q.term(word, edit_distance=edits)
            if position == len(words) - 1:
                q.term(word, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False, boost=0.8)
    return index.query(callback=build)


def main():
    pages = load_pages(sys.argv[1])
    indexes = {}
    for lang in ("nl", "en"):
        docs = documents(pages, lang)
        fields = [{"field_name": name, "boost": boost} for name, boost in WEIGHTS.items()]
        indexes[lang] = lunr(ref="id", fields=fields, documents=docs, languages=lang)
    for label, run in (("lunr as it comes", lambda index, q: index.search(re.sub(r"[-+~^:*]", " ", q))),
                       ("lunr with typos and prefix", helped)):
        good, misses = 0, []
        for entry in QUERIES:
            index = indexes[entry.get("lang", "nl")]
            try:
                top = [hit["ref"] for hit in run(index, entry["query"])[:3]]
            except Exception as error:  # a query lunr cannot parse counts as not answered
                top = [f"error: {error}"]
            if set(top) & set(entry["pages"]):
                good += 1
            else:
                misses.append(entry["query"])
        print(f"{label}: {good} of {len(QUERIES)} ({good / len(QUERIES):.0%}) in the top three")
        print("  missed: " + ", ".join(misses))


if __name__ == "__main__":
    main()
