#!/usr/bin/env bash
# Runs every test: the Swift unit and integration tests, then the browser tests in Chromium.
# Installs what it needs on a fresh machine (libcmark-dev, Chromium, a Python venv).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser

echo "== swift test"
swift build --build-tests
# Swift Testing announces every test before it runs; keep only results.
swift test 2>&1 | grep -vE 'Test .* started\.$'

echo "== fuzzing (libFuzzer + AddressSanitizer, 20 s a target)"
scripts/fuzz.sh 20

echo "== browser and publishing tests (Chromium, nginx)"
export SE_OFFLINE=true SE_AVOID_STATS=true
export MENGVORM_BIN="$PWD/.build/debug/mengvorm"
.venv-browser/bin/python -m pytest Tests/Browser Tests/Deploy -q -p no:cacheprovider

echo "== performance regression check (1,000 pages: Mengvorm/Hugo, default/bench theme, cache; ratios against Benchmarks/baseline.json)"
Benchmarks/regression-check.sh
