#!/usr/bin/env bash
# Runs each fuzz target under libFuzzer with AddressSanitizer for a bounded time (default 30 s each).
#   scripts/fuzz.sh [SECONDS] [TARGET ...]      targets: frontmatter markdown template
# A crash is saved in Fuzz/crashes/TARGET/ and the script fails; commit that file: the
# FuzzRegressionTests replay it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
targets=("${@:-frontmatter markdown template}")
[ ${#targets[@]} -eq 1 ] && read -r -a targets <<< "${targets[0]}"

scripts/setup.sh
# gold warns once per ASan helper symbol; the warnings say nothing about the build.
swift build --scratch-path .build-fuzz --product mengvorm-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc FUZZING 2>&1 | grep -v "Cannot export local symbol"
test "${PIPESTATUS[0]}" -eq 0
binary=.build-fuzz/debug/mengvorm-fuzz

failed=0
passed=0
for target in "${targets[@]}"; do
  work=$(mktemp -d)
  cp Fuzz/corpus/"$target"/* "$work"/
  mkdir -p Fuzz/crashes/"$target"
  echo "== fuzzing $target for ${seconds}s"
  if MENGVORM_FUZZ_TARGET="$target" ASAN_OPTIONS=detect_leaks=0 "$binary" "$work" \
      -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix=Fuzz/crashes/"$target"/ -print_final_stats=1 2> "$work/log"; then
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$work/log" | sed "s/^/  $target: /"
    passed=$((passed + 1))
  else
    tail -40 "$work/log"
    echo "  $target: crash saved in Fuzz/crashes/$target/"
    failed=$((failed + 1))
  fi
  rm -rf "$work"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
