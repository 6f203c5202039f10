#!/usr/bin/env bash
# Installs what Mengvorm needs on a fresh Debian machine, and nothing that is already there.
#   scripts/setup.sh            libcmark-dev, libmimalloc-dev and pkg-config (to build the generator)
#   scripts/setup.sh --browser  also Chromium, chromedriver, Java (for the HTML checker) and the
#                               Python venv .venv-browser with the browser-test tools
set -euo pipefail
cd "$(dirname "$0")/.."

browser=false
[ "${1:-}" = "--browser" ] && browser=true

missing=()
dpkg -s libcmark-dev >/dev/null 2>&1 || missing+=(libcmark-dev)
# mimalloc replaces glibc's malloc in the binary (Package.swift); a fifth of a large build's time.
dpkg -s libmimalloc-dev >/dev/null 2>&1 || missing+=(libmimalloc-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if $browser; then
  for package in chromium chromium-driver fonts-dejavu-core python3-venv nginx; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
fi

if $browser; then
  requirements=Tests/Browser/requirements.txt
  stamp=.venv-browser/.installed
  if [ ! -f "$stamp" ] || ! cmp -s "$requirements" "$stamp"; then
    echo "setup: creating .venv-browser"
    python3 -m venv .venv-browser
    .venv-browser/bin/pip install -q --disable-pip-version-check -r "$requirements"
    # axe-selenium-python declares Python >= 3.12 but runs on 3.11 (shared/testing/browser.md §4).
    .venv-browser/bin/pip install -q --disable-pip-version-check --ignore-requires-python axe-selenium-python==3.0.0
    cp "$requirements" "$stamp"
  fi
fi
