#!/usr/bin/env bash
# Instructions of one cold build (`build --no-cache`), counted by valgrind's callgrind: the same to about
# 0.1 % from run to run, where wall times on a shared machine differ by 5-15 %. For changes smaller than
# that noise; the speed targets themselves are measured in wall time by run.sh.
#
#   Benchmarks/instructions.sh [SITE...]      (default: work/mengvorm-default-1000 and work/mengvorm-1000)
#
# Prints, per site, the instructions in millions. MENGVORM_BIN (default .build/release/mengvorm) is
# copied without its debug information (valgrind cannot read Swift's), keeping the symbols, so that
# CALLGRIND_OUT=FOLDER also leaves a profile per site for `callgrind_annotate`. Needs valgrind
# (Debian: apt-get install valgrind) and takes about 17 s per 1,000 pages.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${MENGVORM_BIN:-$here/../.build/release/mengvorm}
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[ -x "$bin" ] || { echo "instructions.sh: no binary at $bin (swift build -c release --product mengvorm)" >&2; exit 2; }
[ $# -gt 0 ] || set -- "$here/work/mengvorm-default-1000" "$here/work/mengvorm-1000"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip --strip-debug -o "$work/mengvorm" "$bin"
for site in "$@"; do
  [ -f "$site/site.yml" ] || { echo "instructions.sh: $site has no site.yml (Benchmarks/run.sh makes the corpora)" >&2; exit 2; }
  out=/dev/null
  [ -n "${CALLGRIND_OUT:-}" ] && { mkdir -p "$CALLGRIND_OUT"; out="$CALLGRIND_OUT/$(basename "$site").callgrind"; }
  count=$(valgrind --tool=callgrind --callgrind-out-file="$out" "$work/mengvorm" build --source "$site" \
    --output "$work/out" --no-cache 2>&1 | awk '/Collected/ { print $4 }')
  rm -rf "$work/out"
  awk -v name="$(basename "$site")" -v count="$count" 'BEGIN { printf "%-40s %10.1f M instructions\n", name, count / 1e6 }'
done
