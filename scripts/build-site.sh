#!/usr/bin/env bash
# Builds the shipped site from Content/ into Output/, installing what it needs first.
# Extra arguments go to `mengvorm build` (for example --strict or --output DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product mengvorm
exec .build/release/mengvorm build "$@"
