#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole test suite, then mypy --strict on src/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m pytest -q "$@"
.venv/bin/python -m mypy
