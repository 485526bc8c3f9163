#!/usr/bin/env bash
# Each jurisdiction plugin installs alone — beside only the core and the
# national baseline — from its own folder, and is then found through its
# entry point. Uses a throw-away venv that inherits nothing from .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
pip=("$work/venv/bin/python" -m pip install --quiet)
"${pip[@]}" . ./plugins/national
for plugin in plugins/*/; do
  name=$(basename "$plugin")
  [ "$name" = national ] && continue
  "${pip[@]}" --no-deps "./$plugin"
  listed=$("$work/venv/bin/enforcerules" jurisdictions --format json)
  "$work/venv/bin/python" - "$name" "$listed" <<'PY'
import json, sys
name, rows = sys.argv[1], {r["id"]: r for r in json.loads(sys.argv[2])}
assert set(rows) == {"national", name}, f"expected national and {name}, got {sorted(rows)}"
assert rows[name]["parent"] == "national", rows[name]
print(f"{name}: installs alone beside national; found through its entry point")
PY
  "$work/venv/bin/enforcerules" rules "$name" > /dev/null
  "$work/venv/bin/python" -m pip uninstall --quiet --yes "enforcerules-$name"
done
