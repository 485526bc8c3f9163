#!/usr/bin/env bash
# Set up (scripts/setup.sh), run the whole test suite, mypy --strict on src/,
# pyflakes (ruff), print clause coverage of each bundled plugin's own tests,
# and check that each plugin installs alone beside the core and national.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m pytest -q "$@"
.venv/bin/python -m mypy
.venv/bin/ruff check src tests plugins bench
# Clause coverage: each bundled plugin's own tests, rule by rule.
.venv/bin/python -W ignore::RuntimeWarning -m enforcerules.testing.coverage -- -W ignore::pytest.PytestAssertRewriteWarning
scripts/check-install-alone.sh
