"""The media component: a local film with captions, controls and a transcript, that loads nothing before play.

The shipped site has no film yet, so this module builds a small site of its own with the default theme and
serves it under the theme's own policy plus `media-src 'self'` (as deploy/mengvorm-security-headers.conf does).
"""

import os
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from helpers import assert_accessible, assert_clean, open_page, request_count, start_browser

REPO = Path(__file__).resolve().parents[2]
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "connect-src 'none'; font-src 'none'; form-action 'none'; base-uri 'none'")
# A 1x1 PNG for the poster.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4f60000000049454e44ae426082")
PAGE = """---
title: Ervaringen
description: Drie collega's over hun thuiswerkdag.
---
Bekijk de film.

```media
src: ervaringen.mp4
captions: ervaringen.vtt
poster: ervaringen.png
title: Drie collega's over hun thuiswerkdag
transcript: "Anouk: ik plan mijn focuswerk thuis.\\nJoris: op kantoor zie ik mijn team."
```
"""


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def media_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("media")
    shutil.copytree(REPO / "Themes", root / "Themes")
    (root / "site.yml").write_text("title: Test\n")
    content = root / "Content" / "verhalen"
    content.mkdir(parents=True)
    (root / "Content" / "_index.md").write_text("---\ntitle: Home\ndescription: Start\n---\n[Verhalen](verhalen/_index.md)\n")
    (content / "_index.md").write_text("---\ntitle: Verhalen\ndescription: Films\n---\n")
    (content / "ervaringen.md").write_text(PAGE)
    (content / "ervaringen.mp4").write_bytes(b"\0" * 4096)
    (content / "ervaringen.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nAnouk: ik plan mijn focuswerk thuis.\n")
    (content / "ervaringen.png").write_bytes(PNG)
    binary = Path(os.environ.get("MENGVORM_BIN", REPO / ".build" / "debug" / "mengvorm"))
    output = root / "Output"
    result = subprocess.run([str(binary), "build", "--source", str(root), "--output", str(output)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def narrow():
    browser = start_browser(width=390, height=844)
    # Headless Chromium keeps windows at least 500 px wide; the page itself is given a 390 px viewport.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": False})
    yield browser
    browser.quit()


def test_film_has_controls_captions_and_transcript_and_loads_nothing_before_play(narrow, media_site):
    open_page(narrow, media_site + "verhalen/ervaringen/index.html")
    assert narrow.execute_script("return window.innerWidth") == 390
    video = narrow.find_element(By.CSS_SELECTOR, ".media video")
    assert video.get_attribute("controls") is not None
    assert video.get_attribute("autoplay") is None
    assert video.get_attribute("preload") == "none"
    assert narrow.execute_script("return arguments[0].paused && arguments[0].readyState === 0", video)
    track = narrow.find_element(By.CSS_SELECTOR, ".media track")
    assert track.get_attribute("kind") == "captions" and track.get_attribute("srclang") == "nl"
    # Nothing of the film is fetched before play (the poster is).
    names = narrow.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert not [name for name in names if name.endswith(".mp4") or name.endswith(".vtt")], names
    # It fits a phone screen.
    width = narrow.execute_script("return arguments[0].getBoundingClientRect().width", video)
    assert 0 < width <= 390
    assert narrow.execute_script("return document.documentElement.scrollWidth") <= 390
    # The transcript opens below the film.
    before = request_count(narrow)
    narrow.find_element(By.CSS_SELECTOR, ".media-transcript summary").click()
    assert "Joris: op kantoor zie ik mijn team." in narrow.find_element(By.CSS_SELECTOR, ".media-transcript-text").text
    assert request_count(narrow) == before
    assert_accessible(narrow, "media component")
    assert_clean(narrow)
