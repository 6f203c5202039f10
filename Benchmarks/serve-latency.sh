#!/usr/bin/env bash
# One page edited while the preview server runs: `mengvorm serve` next to `hugo server`, on private
# copies of the same generated corpus (see BENCHMARKS.md, "Preview server").
#
#   Benchmarks/serve-latency.sh [--size 10000] [--edits 10] [--tools mengvorm,hugo]
#
# Prints a Markdown table (told: the open tab learns of the new version; served: the edited page is
# served with the change), milliseconds from the save, median with minimum and maximum; writes
# work/serve-latency-N.json with every edit and what each server logged.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_python
ensure_hugo
ensure_mengvorm
"$VENV_DIR/bin/python" -c "import websocket" >/dev/null 2>&1 \
  || "$VENV_DIR/bin/pip" install -q --disable-pip-version-check "websocket-client==1.8.0" >&2
# The corpus and the two sites are made by bench.py (cached in work/).
size=10000
for ((i = 1; i <= $#; i++)); do [ "${!i}" = "--size" ] && { j=$((i + 1)); size=${!j}; }; done
python3 - "$size" <<PY
import sys
sys.path.insert(0, "$BENCH_DIR")
import bench
bench.ensure_sites(int(sys.argv[1]))
PY
exec "$VENV_DIR/bin/python" "$BENCH_DIR/serve_latency.py" "$@"
