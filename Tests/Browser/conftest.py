"""Fixtures for the real-browser tests: a freshly built site, a loopback web server and one Chromium per module.

The site is built by the generator itself into a temporary folder (MENGVORM_BIN names the binary; by default
`.build/debug/mengvorm` in the repository). The server sends a strict Content-Security-Policy, so any inline
script or style, and any request to another host, shows up as a console error that the tests fail on.
"""

import os
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import helpers

REPO = Path(__file__).resolve().parents[2]

# The policy the site must work under: only its own scripts and styles, no connections at all.
CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'none'",
    "font-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
])


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Builds the site once per test run and returns the output folder."""
    binary = Path(os.environ.get("MENGVORM_BIN", REPO / ".build" / "debug" / "mengvorm"))
    if not binary.is_absolute():
        binary = REPO / binary
    if not binary.exists():
        pytest.fail(f"no mengvorm binary at {binary}: run `swift build` first or set MENGVORM_BIN")
    output = tmp_path_factory.mktemp("build") / "site"
    result = subprocess.run([str(binary), "build", "--source", str(REPO), "--output", str(output)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
    return output


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        # The site is served under the path of its base_url, as on the intranet (the 404 page links from there).
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "\0not-here")
        return super().translate_path("/" + path[len(self.prefix):])

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):  # keep the test output clean
        pass


def _base_path():
    """The path part of `base_url` in site.yml ('/mengvorm/'), or '/' when there is none."""
    config = helpers.load_yaml(REPO / "site.yml") or {}
    path = urlsplit(str(config.get("base_url") or "/")).path or "/"
    return path if path.endswith("/") else path + "/"


@pytest.fixture(scope="session")
def server(site):
    """Serves the built site on 127.0.0.1 (a free port) under the base path; yields the site's URL ending in '/'."""
    prefix = _base_path()
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def driver():
    """One headless Chromium per test module, with a fresh profile (empty localStorage)."""
    browser = helpers.start_browser()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def strings():
    """The theme's Dutch UI strings, so expected texts follow the i18n file."""
    return helpers.load_yaml(REPO / "Themes" / "default" / "i18n" / "nl.yml")


@pytest.fixture(scope="session")
def data():
    """The data files the components are built from (Content/_data/*.yml)."""
    folder = REPO / "Content" / "_data"
    return {path.stem: helpers.load_yaml(path) for path in folder.glob("*.yml")}
