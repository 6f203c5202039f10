#!/usr/bin/env python3
"""One page edited while the preview server runs: Mengvorm's `serve` next to `hugo server`.

Called by serve-latency.sh (which installs Hugo, websocket-client and the Mengvorm binary first
and passes them in HUGO_BIN / MENGVORM_BIN); see BENCHMARKS.md.

  serve_latency.py [--size 10000] [--edits 10]

Both servers run on a private copy of the same corpus, side by side. Edits alternate between
them (Mengvorm, Hugo, Mengvorm ...); each appends a sentence to the text of a different page.
Per edit, timed from the moment the file is closed:
  told    the open browser tab learns that a new version is ready: Mengvorm answers its
          long-poll request (/__mengvorm/status?after=N), Hugo sends `reload` on its
          livereload websocket, as the browser's script would receive them;
  served  a request for the edited page returns the new sentence (asked right after `told`,
          then every 5 ms).
Reports the median, minimum and maximum in milliseconds, and what each server logged.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

import websocket  # websocket-client, for Hugo's livereload

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("BENCH_WORK", os.path.join(HERE, "work"))


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode("utf-8", "replace")


def copy_site(n, tool):
    """A private copy (not hard links): the edits must not reach the shared corpus."""
    source = os.path.join(WORK, f"{tool}-{n}")
    target = os.path.join(WORK, f"serve-{tool}-{n}")
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-r", source, target], check=True)
    for stale in ("public", "resources", ".hugo_build.lock"):
        path = os.path.join(target, stale)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)
    return target


def pick_pages(content, count):
    """`count` pages spread over the sections (not section index files), as (path, URL path)."""
    pages = []
    for folder, _, files in sorted(os.walk(content)):
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("_"):
                pages.append(os.path.join(folder, name))
    step = max(1, len(pages) // count)
    chosen = pages[::step][:count]
    return [(p, "/" + os.path.relpath(p, content)[:-3] + "/") for p in chosen]


class Output:
    """Collects a server's output lines in a thread."""

    def __init__(self, stream):
        self.lines = []
        self.thread = threading.Thread(target=self.read, args=(stream,), daemon=True)
        self.thread.start()

    def read(self, stream):
        for raw in stream:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def wait_for(self, text, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if any(text in line for line in self.lines):
                return True
            time.sleep(0.05)
        return False


class MengvormServer:
    name = "mengvorm"

    def __init__(self, site):
        self.port = free_port()
        self.process = subprocess.Popen([os.environ["MENGVORM_BIN"], "serve", "--port", str(self.port), "--source", site],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.output = Output(self.process.stdout)
        if not self.output.wait_for("Serving ", 600):
            raise SystemExit("bench: mengvorm serve did not start:\n" + "\n".join(self.output.lines))
        self.builds = json.loads(get(self.url("/__mengvorm/status"))[1])["builds"]

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def arm(self):
        """Starts the request an open tab keeps waiting; returns a function that waits for its answer."""
        answer = {}

        def wait():
            answer["status"] = json.loads(get(self.url(f"/__mengvorm/status?after={self.builds}"), timeout=60)[1])
            answer["at"] = time.perf_counter()

        thread = threading.Thread(target=wait, daemon=True)
        thread.start()

        def told():
            thread.join(60)
            self.builds = answer["status"]["builds"]
            return answer["at"]
        return told

    def last_log(self):
        built = [line for line in self.output.lines if line.startswith("Built ")]
        return built[-1] if built else ""

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


class HugoServer:
    name = "hugo"

    def __init__(self, site):
        self.port = free_port()
        cache = os.path.join(WORK, "hugo-cache-serve")
        self.process = subprocess.Popen(
            [os.environ["HUGO_BIN"], "server", "--source", site, "--bind", "127.0.0.1", "--port", str(self.port),
             "--baseURL", f"http://127.0.0.1:{self.port}/", "--appendPort=false"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=dict(os.environ, HUGO_CACHEDIR=cache))
        self.output = Output(self.process.stdout)
        if not self.output.wait_for("Web Server is available", 600):
            raise SystemExit("bench: hugo server did not start:\n" + "\n".join(self.output.lines))
        self.socket = websocket.create_connection(f"ws://127.0.0.1:{self.port}/livereload", timeout=60,
                                                  origin=f"http://127.0.0.1:{self.port}")
        # As livereload.js does; Hugo sends no hello back, only `reload` after each rebuild.
        self.socket.send(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def arm(self):
        def told():
            while True:
                message = json.loads(self.socket.recv())
                if message.get("command") == "reload":
                    return time.perf_counter()
        return told

    def last_log(self):
        totals = [line.strip() for line in self.output.lines if line.strip().startswith("Total in")]
        return totals[-1] if totals else ""

    def stop(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait(10)


def edit_once(server, path, url, marker):
    status, body = get(server.url(url))
    if status != 200:
        raise SystemExit(f"bench: {server.name} does not serve {url}")
    told = server.arm()
    time.sleep(0.3)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n{marker}\n")
    saved = time.perf_counter()
    told_at = told()
    while marker not in get(server.url(url))[1]:
        if time.perf_counter() - saved > 30:
            raise SystemExit(f"bench: {server.name} never served the edit of {url}")
        time.sleep(0.005)
    served_at = time.perf_counter()
    return {"told_ms": round(1000 * (told_at - saved), 1), "served_ms": round(1000 * (served_at - saved), 1),
            "log": server.last_log()}


def summary(values):
    return {"median": round(statistics.median(values), 1), "min": min(values), "max": max(values)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--tools", default="mengvorm,hugo")
    parser.add_argument("--json", help="default: work/serve-latency-N.json")
    args = parser.parse_args()
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    servers = []
    try:
        for tool in tools:
            site = copy_site(args.size, tool)
            log(f"== starting {tool}'s server on {args.size} pages")
            started = time.perf_counter()
            server = MengvormServer(site) if tool == "mengvorm" else HugoServer(site)
            log(f"   ready after {time.perf_counter() - started:.1f} s")
            content = os.path.join(site, "Content" if tool == "mengvorm" else "content")
            servers.append((server, pick_pages(content, args.edits)))
        results = {server.name: [] for server, _ in servers}
        for k in range(args.edits):
            for server, pages in servers:
                path, url = pages[k]
                result = edit_once(server, path, url, f"Bewerkt voor meting {k + 1} ({server.name}).")
                results[server.name].append(result)
                log(f"   {server.name} edit {k + 1}: told {result['told_ms']} ms, served {result['served_ms']} ms  [{result['log']}]")
    finally:
        for server, _ in servers:
            server.stop()
        for tool in tools:
            shutil.rmtree(os.path.join(WORK, f"serve-{tool}-{args.size}"), ignore_errors=True)
    report = {"size": args.size, "edits": args.edits,
              "tools": {name: {"told_ms": summary([r["told_ms"] for r in runs]),
                               "served_ms": summary([r["served_ms"] for r in runs]), "runs": runs}
                        for name, runs in results.items()}}
    path = args.json or os.path.join(WORK, f"serve-latency-{args.size}.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    print(f"| one page edited, {args.size} pages | told (median, min–max) | served (median, min–max) |")
    print("|---|---|---|")
    for name, figures in report["tools"].items():
        t, s = figures["told_ms"], figures["served_ms"]
        print(f"| {name} | {t['median']} ms ({t['min']}–{t['max']}) | {s['median']} ms ({s['min']}–{s['max']}) |")
    log(f"results: {os.path.relpath(path)}")


if __name__ == "__main__":
    sys.exit(main())
