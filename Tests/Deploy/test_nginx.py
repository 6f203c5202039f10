"""Publishing for real: Debian's nginx serves a fresh build with deploy/nginx.conf on 127.0.0.1."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("MENGVORM_BIN", REPO / ".build/debug/mengvorm"))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: run scripts/setup.sh --browser")
    work = Path(tempfile.mkdtemp(prefix="mengvorm-nginx-"))
    # nginx workers run as an unprivileged user: they must be able to read the site.
    work.chmod(0o755)
    site = work / "site"
    subprocess.run([str(BINARY), "build", "--source", str(REPO), "--output", str(site)], check=True, capture_output=True)
    port = free_port()
    headers = work / "mengvorm-security-headers.conf"
    headers.write_text((REPO / "deploy/mengvorm-security-headers.conf").read_text())
    server_block = (REPO / "deploy/nginx.conf").read_text()
    server_block = server_block.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{port};")
    server_block = server_block.replace("root /srv/mengvorm/Output;", f"root {site};")
    server_block = server_block.replace("/etc/nginx/mengvorm-security-headers.conf", str(headers))
    (work / "nginx.conf").write_text(f"""
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{server_block}
}}
""")
    process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    yield base, site
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


def fetch(url):
    try:
        response = urllib.request.urlopen(url, timeout=5)
        return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_are_served_with_security_headers(server):
    base, _ = server
    for path in ["/", "/start-hier/", "/thuiswerkplek/zelfcheck/", "/en/"]:
        status, headers, body = fetch(base + path)
        assert status == 200, path
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-cache"
        assert b"<h1" in body


def test_assets_have_their_types_and_caching(server):
    base, _ = server
    status, headers, _ = fetch(base + "/assets/css/site.css")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "max-age=86400" in headers["Cache-Control"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    status, headers, _ = fetch(base + "/search-index.js")
    assert status == 200 and "javascript" in headers["Content-Type"]
    status, headers, _ = fetch(base + "/sitemap.xml")
    assert status == 200 and "xml" in headers["Content-Type"]


def test_unknown_pages_get_the_helpful_404(server):
    base, site = server
    status, headers, body = fetch(base + "/bestaat/niet/")
    assert status == 404
    assert body == (site / "404.html").read_bytes()
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    status, _, _ = fetch(base + "/.mengvorm-output")
    assert status == 404
    # The build cache is in the output folder too, and never served.
    assert (site / ".mengvorm-cache").exists()
    status, _, _ = fetch(base + "/.mengvorm-cache")
    assert status == 404
