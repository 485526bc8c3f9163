#!/usr/bin/env bash
# Set up (scripts/setup.sh) and check the bundled national example facts as of
# 2025-12-01, late in the plans' period, so every status shows at once.
# Extra arguments go to `enforcerules check` (e.g. --format json, --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
status=0
.venv/bin/enforcerules check national examples/national.json --as-of 2025-12-01 "$@" || status=$?
# Exit 1 only means the example contains violations, which it is meant to.
[ "$status" -le 1 ] || exit "$status"
