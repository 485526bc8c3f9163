#!/usr/bin/env bash
# The core, then each jurisdiction plugin, installs from its folder in a
# checkout with no package index reachable — a plugin beside only the core
# and the national baseline, which pip finds in the folder named in the same
# command (or already installed), never on an index — and is then found
# through its entry point.
# Uses a throw-away venv that inherits nothing from .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
# With an index, once: the core's third-party dependencies and the build
# tools as files in a local folder (what an offline machine carries; the
# README's recipe).
"$py" -m pip download --quiet --dest "$work/wheels" . setuptools wheel
# From here on no index at all: no pip configuration, no index, and only the
# local wheel folder to look in.
offline=(env -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null
         "$py" -m pip install --quiet --no-index --find-links "$work/wheels")
"${offline[@]}" .

listed() {  # the plugin and national, and nothing else, are found through their entry points
  "$py" - "$1" "$("$work/venv/bin/enforcerules" jurisdictions --format json)" <<'PY'
import json, sys
name, rows = sys.argv[1], {r["id"]: r for r in json.loads(sys.argv[2])}
assert set(rows) == {"national", name}, f"expected national and {name}, got {sorted(rows)}"
assert rows[name]["parent"] == "national", rows[name]
PY
  "$work/venv/bin/enforcerules" rules "$1" > /dev/null
}

# The check means something: without the parent's folder, the dependency
# enforcerules-national cannot be found, since no index is reachable.
if "${offline[@]}" ./plugins/shanxi 2> "$work/refused"; then
  echo "a plugin installed offline without its parent: the check below would prove nothing" >&2
  exit 1
fi
grep -q "enforcerules-national" "$work/refused"

for plugin in plugins/*/; do
  name=$(basename "$plugin")
  [ "$name" = national ] && continue
  # The documented command: the parent's folder named beside the plugin's.
  "${offline[@]}" ./plugins/national "./$plugin"
  listed "$name"
  # `pip install plugins/<j>` alone, its parent already installed.
  "$py" -m pip uninstall --quiet --yes "enforcerules-$name"
  "${offline[@]}" "./$plugin"
  listed "$name"
  "$py" -m pip uninstall --quiet --yes "enforcerules-$name" enforcerules-national
  echo "$name: installs with no package index, beside national from its folder; found through its entry point"
done
