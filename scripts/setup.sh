#!/usr/bin/env bash
# Create .venv and install enforcerules, every bundled jurisdiction plugin and
# the development tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
args=(-e ".[dev]")
for plugin in plugins/*/; do
  [ -f "$plugin/pyproject.toml" ] && args+=(-e "$plugin")
done
.venv/bin/python -m pip install --quiet "${args[@]}"
# The HTML report is tested in a real headless browser: Debian's chromium,
# with CJK fonts so its screenshots show Chinese (not empty boxes).
if command -v apt-get >/dev/null 2>&1 && { ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; }; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  $sudo apt-get install -y chromium fonts-noto-cjk
fi
