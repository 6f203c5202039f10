#!/usr/bin/env python3
"""The query set of the site search (Tests/Browser/search_queries.yml) answered by Pagefind, in Chromium.

  PAGEFIND="python -m pagefind" python Benchmarks/search_compare_pagefind.py OUTPUT

Needs `pip install "pagefind[bin]==1.5.2"` and the browser-test venv (selenium). Copies the built site
OUTPUT without its listing pages, indexes it with Pagefind (its defaults: the whole <body> but <nav> and <footer>, its Dutch and
English stemmers by each page's lang), serves the copy on 127.0.0.1 **without** the site's
Content-Security-Policy (Pagefind compiles WebAssembly, which `script-src 'self'` forbids) and over http
(Pagefind fetches its index, which file:// does not allow), runs every query through Pagefind's JavaScript
API on the home page of the query's language, and prints the share with a wanted page in the top three.
"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Browser"))
QUERIES = yaml.safe_load((REPO / "Tests" / "Browser" / "search_queries.yml").read_text(encoding="utf-8"))["queries"]

RUN = """
var queries = arguments[0], done = arguments[arguments.length - 1];
import(arguments[1]).then(async function (pagefind) {
  var answers = [];
  for (var i = 0; i < queries.length; i++) {
    var found = await pagefind.search(queries[i]);
    var top = await Promise.all(found.results.slice(0, 3).map(function (r) { return r.data(); }));
    answers.push(top.map(function (d) { return d.url; }));
  }
  done(answers);
}, function (error) { done({error: String(error)}); });
"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    from helpers import start_browser

    output = Path(sys.argv[1])
    work = Path(tempfile.mkdtemp(prefix="mengvorm-pagefind-"))
    site = work / "site"
    shutil.copytree(output, site)
    # Pages that only list other pages (the results page's list for readers without JavaScript, the tag
    # pages) would be found for every title; Pagefind is meant for the content pages.
    for folder in ("zoeken", "en/search", "tags", "beheer"):
        shutil.rmtree(site / folder, ignore_errors=True)
    command = shlex.split(os.environ.get("PAGEFIND", "python -m pagefind")) + ["--site", str(site)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    browser = start_browser()
    try:
        good, misses = 0, []
        for lang, home in (("nl", "index.html"), ("en", "en/index.html")):
            chosen = [q for q in QUERIES if q.get("lang", "nl") == lang]
            browser.get(base + home)
            answers = browser.execute_async_script(RUN, [q["query"] for q in chosen], base + "pagefind/pagefind.js")
            if isinstance(answers, dict):
                sys.exit(answers["error"])
            for entry, urls in zip(chosen, answers):
                top = [url.lstrip("/").removesuffix("index.html") for url in urls]
                if set(top) & set(entry["pages"]):
                    good += 1
                else:
                    misses.append(entry["query"])
        print(f"Pagefind: {good} of {len(QUERIES)} ({good / len(QUERIES):.0%}) in the top three")
        print("  missed: " + ", ".join(misses))
    finally:
        browser.quit()
        httpd.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
