"""docs/writing-a-plugin.md holds: its worked example runs end to end with no
manual step, and every command, option and name it shows exists.

The worked example (section 6) runs block by block in an empty folder laid
out like a checkout: the scaffold, the files the guide shows in full (a
block titled with a path), the plugin installed into a folder put on
``PYTHONPATH`` (``pip install --no-deps --target``: found through its entry
point like any installed plugin, without touching this environment), then
``enforcerules rules``/``diff``/``check``, the plugin's own tests (the kit's
``DeclarationChecks`` and ``ExampleChecks`` and a test per clause), the
conformance suite and the catalogue. Each ``text`` block after a command
must appear in its output.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import enforcerules
import enforcerules.kinds
from enforcerules.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "writing-a-plugin.md"
FENCE = re.compile(r"^```([a-z]*)[ ]?([^\n`]*)\n(.*?)^```$", re.M | re.S)
TEXT = GUIDE.read_text(encoding="utf-8")
WORKED = TEXT[TEXT.index("## 6. A worked example") : TEXT.index("## 7. Bundling checklist")]


def _run(command: list[str], cwd: Path, env: dict[str, str], what: str) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{what} failed ({done.returncode}):\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done.stdout


def test_the_worked_example_runs_end_to_end(tmp_path: Path) -> None:
    checkout, site = tmp_path / "checkout", tmp_path / "site"
    checkout.mkdir()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(site),
        "PYTHONIOENCODING": "utf-8",
    }
    blocks = [(m[1], m[2].strip(), m[3]) for m in FENCE.finditer(WORKED)]
    assert [lang for lang, _, _ in blocks].count("bash") >= 4
    written: list[str] = []
    runs: list[tuple[str, str]] = []  # pytest's "N passed[, M skipped…]" lines
    output: str | None = None
    for lang, info, code in blocks:
        if info:  # a file shown in full
            target = checkout / info
            assert target.resolve().is_relative_to(checkout), info
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
            written.append(info)
        elif lang == "console":  # the install: into a folder on the path, not this environment
            assert "pip install ./plugins/national ./plugins/examplecity" in code
            _run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                  str(checkout / "plugins" / "examplecity")], checkout, env, "installing the plugin")
        elif lang == "bash":
            output = _run(["bash", "-euo", "pipefail", "-c", code], checkout, env, code)
            runs.extend(re.findall(r"^(\d+) passed(.*) in ", output, re.M))
        elif lang == "text":
            assert output is not None, f"an expected output with no command before it:\n{code}"
            for line in code.splitlines():
                assert not line.strip() or line.rstrip() in output, f"missing from output: {line!r}\n--- output ---\n{output}"
        else:
            raise AssertionError(f"a {lang!r} block with no path in the worked example: the test cannot run it")
    # The plugin's own tests and the conformance suite ran whole: nothing skipped, nothing left out.
    assert len(runs) == 2 and all(int(n) >= 20 and not rest for n, rest in runs), runs
    # The guide's files replaced the scaffold's: the example task is gone, the three rows are declared.
    assert "plugins/examplecity/src/enforcerules_examplecity/plan.py" in written
    plan = (site / "enforcerules_examplecity" / "plan.py").read_text(encoding="utf-8")
    assert "EXAMPLE_TASK" not in plan and "issued_on=dt.date(2024, 3, 1)" in plan
    assert (site / "enforcerules_examplecity" / "source.txt").read_text(encoding="utf-8").startswith("示例市")
    page = (checkout / "docs" / "catalogue" / "examplecity.md").read_text(encoding="utf-8")
    assert "examplecity.items.item_list" in page and "全市行政执法人员每人每年参加培训不少于70学时" in page
    _bundling_quote_steps_hold(checkout, env)


def _bundling_quote_steps_hold(checkout: Path, env: dict[str, str]) -> None:
    """Checklist steps 1 and 2, done as written: the repository's quote test, given the plan's
    text under docs/sources and its line in FILES, finds every quote of the new plugin — and
    fails on it without that line."""
    checklist = TEXT[TEXT.index("## 7. Bundling checklist"):]
    source_at = re.search(r"same text in\s+`(docs/sources/<id>-plan\.txt)`", checklist)
    line = re.search(r'`(\"<id>-plan\": \"<id>-plan\.txt\",)`', checklist)
    assert source_at and line, "the checklist no longer says where the text goes and which line FILES gets"
    sources = checkout / "docs" / "sources"
    sources.mkdir(parents=True)
    for known in (ROOT / "docs" / "sources").iterdir():
        (sources / known.name).symlink_to(known)
    plan_text = checkout / "plugins" / "examplecity" / "src" / "enforcerules_examplecity" / "source.txt"
    (checkout / source_at[1].replace("<id>", "examplecity")).write_text(plan_text.read_text(encoding="utf-8"), encoding="utf-8")
    test_quotes = (ROOT / "tests" / "test_quotes.py").read_text(encoding="utf-8")
    (checkout / "tests").mkdir()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_quotes.py"]
    (checkout / "tests" / "test_quotes.py").write_text(test_quotes, encoding="utf-8")
    unmapped = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, timeout=600)
    assert unmapped.returncode == 1 and "no source text for document 'examplecity-plan'" in unmapped.stdout, unmapped.stdout[-3000:]
    mapped = test_quotes.replace("FILES = {\n", "FILES = {\n    " + line[1].replace("<id>", "examplecity") + "\n", 1)
    assert mapped != test_quotes
    (checkout / "tests" / "test_quotes.py").write_text(mapped, encoding="utf-8")
    output = _run(command, checkout, env, "the quote test with the new plan mapped")
    assert "examplecity" in _run([*command, "--collect-only"], checkout, env, "collecting the quote test")
    assert re.search(r"^\d+ passed in ", output, re.M), output[-2000:]


# -- every command, option and name the guide shows exists ----------------------


def _command_lines() -> list[str]:
    """Every `enforcerules …` command line of the guide: in code blocks, indented blocks and inline code."""
    lines = []
    for raw in re.findall(r"^(?: {4}|\$ )?(enforcerules [^\n`]*)$", TEXT, re.M) + re.findall(r"`(enforcerules [^`]*)`", TEXT):
        line = raw.split("  #")[0].split(" || ")[0].strip()
        if line.endswith("\\"):  # continued on the next line
            continued = TEXT[TEXT.index(raw) + len(raw):].split("\n", 2)[1]
            line = line[:-1] + " " + continued.strip()
        lines.append(line)
    return sorted(set(lines))


COMMANDS = _command_lines()


def test_the_guide_shows_commands() -> None:
    shown = {line.split()[1] for line in COMMANDS}
    assert {"scaffold", "rules", "check", "diff", "catalogue", "jurisdictions"} <= shown, shown


@pytest.mark.parametrize("line", COMMANDS)
def test_every_command_line_the_guide_shows_parses(line: str) -> None:
    words = [("x" if w == "…" else w) for w in shlex.split(line)[1:]]  # "…": an argument left out
    parser = _parser()
    parser.exit_on_error = False
    for action in parser._subparsers._group_actions if parser._subparsers else ():  # noqa: SLF001
        for sub in getattr(action, "choices", {}).values():
            sub.exit_on_error = False
    try:
        parser.parse_args(words)
    except (argparse.ArgumentError, SystemExit) as exc:
        raise AssertionError(f"the guide shows {line!r}, which enforcerules does not accept: {exc}") from None


def _fields(cls: type) -> set[str]:
    """What a class is built from: its attrs fields, or its constructor's parameters."""
    return {f.name for f in attrs.fields(cls)} if attrs.has(cls) else set(inspect.signature(cls).parameters)


def _top_level_arguments(args: str) -> list[str]:
    """The arguments of a call, a nested call's own arguments left out (``cite(a, b)`` → ``cite<>``)."""
    while re.search(r"\([^()]*\)", args):
        args = re.sub(r"\([^()]*\)", "<>", args)
    return [a.strip() for a in args.split(",")]


CALLS = sorted(set(re.findall(r"`([A-Z][A-Za-z]+)\(([^`]*)\)`", TEXT)))


def test_the_guide_shows_calls() -> None:
    assert {"AnnualTrainingHours", "TaskDeadline", "Override", "Scope"} <= {name for name, _ in CALLS}


@pytest.mark.parametrize(("name", "args"), CALLS, ids=[c[0] for c in CALLS])
def test_every_class_the_guide_calls_exists_with_the_arguments_it_shows(name: str, args: str) -> None:
    cls = getattr(enforcerules.kinds, name, None) or getattr(enforcerules, name, None)
    assert isinstance(cls, type), f"the guide calls {name}(…), which is neither in enforcerules nor enforcerules.kinds"
    fields = _fields(cls)
    named = [m[1] for a in _top_level_arguments(args) if (m := re.fullmatch(r"([a-z_]+)(?:=.*)?", a))]
    assert set(named) <= fields, f"{name} has no {sorted(set(named) - fields)} (its fields: {sorted(fields)})"


DOTTED = sorted(set(re.findall(r"`((?:enforcerules\.)?[A-Za-z_]+(?:\.[A-Za-z_]+)+)(?:\(\))?`", TEXT)))


@pytest.mark.parametrize("dotted", [d for d in DOTTED if d[0].isupper() or d.startswith("enforcerules.")])
def test_every_dotted_name_the_guide_shows_exists(dotted: str) -> None:
    parts = dotted.split(".")
    if parts[0] == "enforcerules":
        obj: object = enforcerules
        for i, part in enumerate(parts[1:], start=1):
            if not hasattr(obj, part):
                obj = importlib.import_module(".".join(parts[: i + 1]))
            else:
                obj = getattr(obj, part)
        return
    cls = getattr(enforcerules, parts[0], None)
    if cls is None:  # a constant of a plan module the guide shows (PLAN.issued_on), not the library's
        assert parts[0].isupper(), f"the guide names {dotted}, but enforcerules has no {parts[0]}"
        return
    attr = parts[1]
    assert hasattr(cls, attr) or attr in _fields(cls), f"the guide names {dotted}, which does not exist"
