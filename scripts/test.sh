#!/usr/bin/env bash
# Set up (scripts/setup.sh), run the whole test suite (printing clause coverage
# per jurisdiction), mypy --strict on src/, pyflakes (ruff), and check that each jurisdiction
# plugin installs alone beside the core and the national baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m pytest -q --enforcerules-coverage "$@"
.venv/bin/python -m mypy
.venv/bin/ruff check src tests plugins bench
scripts/check-install-alone.sh
