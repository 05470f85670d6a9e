#!/usr/bin/env bash
# Set up Narrative Compare on a fresh Debian/Ubuntu machine and run it or its tests.
#   bash scripts/setup.sh app     install, then open the app on the bundled sample
#   bash scripts/setup.sh test    install, then run the linters and the test suite
# Needs root (or sudo) only for the apt step; re-running is cheap (the venv is kept in .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"

# Qt's runtime libraries (the minimal set measured in a clean Debian 12) and a font; xcb for a real display.
APT_PACKAGES="python3 python3-venv python3-pip libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core sqlite3 binutils"
APT_DISPLAY="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
missing=""
for p in $APT_PACKAGES $APT_DISPLAY; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
case "$mode" in
  app)
    .venv/bin/python -m pip install -q -e .
    exec .venv/bin/narrative-compare
    ;;
  test)
    .venv/bin/python -m pip install -q -e ".[dev,build,semantic,archive]"
    .venv/bin/ruff check .
    .venv/bin/lint-imports
    status=0
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -rs || status=$?
    # pytest's 5 means "no tests collected": not a failure of the project.
    [ "$status" -eq 5 ] && status=0
    exit "$status"
    ;;
  *)
    echo "usage: bash scripts/setup.sh app|test" >&2
    exit 2
    ;;
esac
