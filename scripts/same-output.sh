#!/usr/bin/env bash
# Proves that a change to the generator leaves what it writes byte for byte the same: builds the
# shipped site and the 1,000-page benchmark corpus (with the bench theme and with the default theme)
# with a baseline binary and with a new one, and compares the two outputs file by file.
#
#   scripts/same-output.sh BASELINE_BIN [NEW_BIN]
#
# BASELINE_BIN is a mengvorm built from the commit to compare with (for example with
# `git worktree add /tmp/base COMMIT && swift build -c release --package-path /tmp/base`);
# NEW_BIN defaults to the working tree's release build. Exit 0 when every output is identical.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/same-output.sh BASELINE_BIN [NEW_BIN]}
new=${2:-.build/release/mengvorm}
[ -x "$base" ] && [ -x "$new" ] || { echo "same-output: both binaries must exist ($base, $new)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 Benchmarks/gen_corpus.py "$work/corpus" 1000 >/dev/null
for theme in bench default; do
  site="$work/corpus-$theme"
  mkdir -p "$site/Themes"
  ln -s "$work/corpus/content" "$site/Content"
  cp Benchmarks/mengvorm-site/site.yml "$site/site.yml"
  if [ "$theme" = bench ]; then cp -r Benchmarks/mengvorm-theme "$site/Themes/bench"
  else cp -r Themes/default "$site/Themes/default"; sed -i 's/^theme:.*/theme: default/' "$site/site.yml"; fi
done

status=0
for site in "$PWD" "$work/corpus-bench" "$work/corpus-default"; do
  name=$(basename "$site")
  for which in base new; do
    bin=$base; [ "$which" = new ] && bin=$new
    "$bin" build --source "$site" --output "$work/out-$name-$which" >/dev/null 2>"$work/log-$name-$which" || true
  done
  if ! cmp -s "$work/log-$name-base" "$work/log-$name-new"; then
    echo "DIFFERENT messages for $name:"; diff "$work/log-$name-base" "$work/log-$name-new" | head -20; status=1
  fi
  if diff -r -x .mengvorm-cache "$work/out-$name-base" "$work/out-$name-new" >"$work/diff-$name"; then
    echo "same: $name ($(find "$work/out-$name-new" -type f | wc -l) files)"
  else
    echo "DIFFERENT: $name"; head -40 "$work/diff-$name"; status=1
  fi
done
exit $status
