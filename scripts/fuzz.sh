#!/usr/bin/env bash
# A longer fuzz campaign than the test suite's (tests/fuzz), with figures per target:
# inputs tried, crashes, tracebacks, silent losses (records neither loaded nor rejected),
# engine disagreements (an executor differing from the Python oracle), wrong results.
# Targets: cli registry json tables writers engines (docs/reliability.md has the figures).
#
#   scripts/fuzz.sh                    # every target, FUZZ_EXAMPLES inputs each (default 20000)
#   FUZZ_EXAMPLES=100000 scripts/fuzz.sh cli registry
#   FUZZ_SEED=1 scripts/fuzz.sh cli    # repeatable
#   FUZZ_SECONDS=600 scripts/fuzz.sh   # at most 10 minutes per target (figures so far)
#   FUZZ_PROGRESS=5000 scripts/fuzz.sh # a progress line on stderr every 5000 inputs
#
# Exits 1 when any target had a failing input (the first few are printed).
# A new target: a fuzz_<name> function below, its name in TARGETS, and the
# target itself in tests/fuzz/targets.py (a strategy and a check).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || scripts/setup.sh
EXAMPLES=${FUZZ_EXAMPLES:-20000}
# Each input is small: polars' thread pool costs more than it gains, and a campaign shares the machine.
export POLARS_MAX_THREADS=${POLARS_MAX_THREADS:-1}
OPTIONS=(--examples "$EXAMPLES" --progress "${FUZZ_PROGRESS:-0}")
[ -n "${FUZZ_SEED:-}" ] && OPTIONS+=(--seed "$FUZZ_SEED")
[ -n "${FUZZ_SECONDS:-}" ] && OPTIONS+=(--max-seconds "$FUZZ_SECONDS")

hypothesis_target() {  # a target of tests/fuzz/targets.py
  .venv/bin/python tests/fuzz/campaign.py "$1" "${OPTIONS[@]}"
}

fuzz_cli() {       # random argv: subcommands, options, paths and junk, through enforcerules.cli.main
  hypothesis_target cli
}

fuzz_registry() {  # random plugins: hook results of every type, exceptions, half-way failures
  hypothesis_target registry
}

fuzz_json() {      # mutated facts documents (sections twice, duplicate keys, junk records and fields) through the JSON loader
  hypothesis_target json
}

fuzz_tables() {    # random headers and cells as CSV, Parquet and xlsx through the table loaders
  hypothesis_target tables
}

fuzz_writers() {   # findings and rejections carrying odd strings and values through every report form, read back
  hypothesis_target writers
}

fuzz_engines() {   # generated compiled conditions and observation rows: durable-rules and columnar against the Python oracle
  hypothesis_target engines
}

TARGETS=(cli registry json tables writers engines)
selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=("${TARGETS[@]}")

echo "enforcerules fuzz campaign: ${EXAMPLES} inputs per target; $(date -u +%Y-%m-%dT%H:%MZ); $(.venv/bin/python --version)"
failed=0
for target in "${selected[@]}"; do
  if ! declare -F "fuzz_${target}" >/dev/null; then
    echo "unknown target ${target} (known: ${TARGETS[*]})" >&2
    exit 2
  fi
  "fuzz_${target}" || failed=1
done
exit "$failed"
