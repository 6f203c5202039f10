#!/usr/bin/env python3
"""Site search on a large site: index size per page, index load time and keystroke latency in Chromium.

  Benchmarks/search_latency.py [--pages 1000] [--runs 3] [--vocabulary generated|wide] [--keep DIR]

Generates the benchmark corpus (gen_corpus.py, deterministic) with --pages pages, builds it with the
repository's default theme and search index (MENGVORM_BIN, default .build/release/mengvorm or
.build/debug/mengvorm), opens the built site from disk (file://) in headless Chromium and types queries
into the header search one key at a time, as a person does. For every keystroke it reads how long the
theme's search.js took to answer it (search plus drawing the results: `Mengvorm.search.lastMs`,
measured in the page with performance.now(); the 60 ms pause search.js waits for the next key is not
included) and prints the median, 95th percentile and maximum over all keystrokes of all runs.

--vocabulary wide adds to every page a paragraph of made-up compounds unique to that page (about 40
per page), so the index has tens of thousands of distinct words like a real intranet, not the few
hundred of the generated prose: typo and compound matching scan the vocabulary, so this is the hard case.

Needs the browser-test venv (selenium): run it with /work/main/.venv-browser/bin/python or the
.venv-browser of scripts/setup.sh --browser.
"""

import argparse
import gzip
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "Tests" / "Browser"))

# Typed as a person would, a key at a time: words of the generated prose, inflections, typos, compounds.
QUERIES = ["configuratie", "wachtrijen", "afhankelijkheid", "sjabloon bijwerken", "boerderijen", "netwerk gegevens",
           "konfiguratie", "afhankelijkhied", "molen kelder", "zoekopdracht", "dienstregelingen", "publiceren fout"]

PARTS = ["werk", "plek", "thuis", "kantoor", "stoel", "bureau", "reis", "kosten", "vergoeding", "team", "afspraak", "dag",
         "week", "scherm", "licht", "lamp", "pauze", "grens", "mail", "agenda", "status", "rooster", "gesprek", "overleg",
         "plan", "regel", "ruimte", "budget", "fiets", "trein", "auto", "lease", "kilometer", "laptop", "muis", "headset"]


def mengvorm_binary():
    given = os.environ.get("MENGVORM_BIN")
    if given:
        return Path(given)
    for kind in ("release", "debug"):
        path = REPO / ".build" / kind / "mengvorm"
        if path.exists():
            return path
    sys.exit("no mengvorm binary: run `swift build -c release` or set MENGVORM_BIN")


def make_site(folder, pages, vocabulary):
    subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(folder / "gen"), str(pages)], check=True,
                   stdout=subprocess.DEVNULL)
    (folder / "gen" / "content").rename(folder / "Content")
    shutil.copytree(REPO / "Themes", folder / "Themes")
    (folder / "site.yml").write_text("title: Testsite\norganisation: Bench\nlanguage: nl\n", encoding="utf-8")
    if vocabulary == "wide":
        rng = random.Random(7)
        for path in sorted((folder / "Content").rglob("*.md")):
            words = []
            for _ in range(40):
                word = "".join(rng.choice(PARTS) for _ in range(rng.randint(2, 3)))
                words.append(word + rng.choice(["", "en", "s", "je", "jes", "ing"]) + str(rng.randint(0, 9)) * rng.randint(0, 1))
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("\n\n" + " ".join(words).capitalize() + ".\n")


TYPE_QUERY = """
var query = arguments[0], done = arguments[arguments.length - 1];
var input = document.getElementById('zoekveld');
var status = document.querySelector('#zoekresultaten [role=status]');
var times = [], i = 0;
function key() {
  if (i >= query.length) { done(times); return; }
  i++;
  var typed = query.slice(0, i);
  input.value = typed;
  var before = status.textContent;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  if (typed.trim().length < 2) { setTimeout(key, 0); return; }
  var started = Date.now();
  (function wait() {
    if (status.textContent.indexOf('\\u201c' + typed.trim() + '\\u201d') >= 0 && window.Mengvorm.search) {
      times.push([typed, window.Mengvorm.search.lastMs]);
      setTimeout(key, 0);
    } else if (Date.now() - started > 30000) {
      done({error: 'no answer for ' + typed + ': ' + status.textContent});
    } else {
      setTimeout(wait, 2);
    }
  })();
}
key();
"""

LOAD = """
var done = arguments[arguments.length - 1], started = performance.now();
var input = document.getElementById('zoekveld');
input.value = 'xq';
input.dispatchEvent(new Event('input', {bubbles: true}));
(function wait() {
  var search = window.Mengvorm.search;
  if (search && search.engineReady && search.engineReady()) { done({ms: performance.now() - started, build: search.engineReady().buildMs,
                                             pages: search.engineReady().count, words: search.engineReady().vocabulary.length,
                                             stems: search.engineReady().stemList.length}); return; }
  setTimeout(wait, 2);
})();
"""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--vocabulary", choices=["generated", "wide"], default="generated")
    parser.add_argument("--keep", help="build the site in this folder and keep it")
    options = parser.parse_args()

    from helpers import start_browser, file_url  # the browser tests' set-up: offline, headless, no sandbox

    folder = Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="mengvorm-search-bench-"))
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    try:
        make_site(folder, options.pages, options.vocabulary)
        output = folder / "Output"
        result = subprocess.run([str(mengvorm_binary()), "build", "--source", str(folder), "--output", str(output)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(result.stdout + result.stderr)
        index = (output / "search-index.js").read_bytes()
        pages = index.count(b'"u":"')
        print(f"pages in the index: {pages}")
        print(f"search-index.js: {len(index) / 1e6:.2f} MB, {len(index) / pages / 1000:.1f} KB a page; "
              f"gzip {len(gzip.compress(index, 6)) / 1e6:.2f} MB ({len(gzip.compress(index, 6)) / pages / 1000:.1f} KB a page)")

        loads, builds, keystrokes, slowest = [], [], [], []
        for run in range(options.runs):
            browser = start_browser()
            try:
                browser.set_script_timeout(120)
                browser.get(file_url(output / "index.html"))
                time.sleep(0.3)
                loaded = browser.execute_async_script(LOAD)
                loads.append(loaded["ms"])
                builds.append(loaded["build"])
                if run == 0:
                    print(f"engine: {loaded['pages']} pages, {loaded['words']} distinct words, {loaded['stems']} stems")
                for query in QUERIES:
                    times = browser.execute_async_script(TYPE_QUERY, query)
                    if isinstance(times, dict):
                        sys.exit(times["error"])
                    keystrokes.extend(ms for _, ms in times)
                    slowest.extend(times)
                errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
                if errors:
                    sys.exit(f"console errors: {errors}")
            finally:
                browser.quit()
        print(f"first keystroke to a ready index (load the scripts, parse, stem and index every page): "
              f"median {statistics.median(loads):.0f} ms, of which building the index {statistics.median(builds):.0f} ms")
        print(f"keystrokes: {len(keystrokes)}; answered in median {statistics.median(keystrokes):.1f} ms, "
              f"p95 {percentile(keystrokes, 0.95):.1f} ms, max {max(keystrokes):.1f} ms")
        slowest.sort(key=lambda pair: -pair[1])
        print("slowest: " + ", ".join(f"{typed!r} {ms:.0f} ms" for typed, ms in slowest[:5]))
        print(f"machine load while measuring (1-minute average): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        return 0 if percentile(keystrokes, 0.95) < 50 else 1
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
