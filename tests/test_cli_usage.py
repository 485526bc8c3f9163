"""The command respects its reader: usage errors exit 2 everywhere, positional
arguments are described, diffs say what they mean, output errors are located."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.cli import _parser, main
from enforcerules.diff import Relation, diff_rulebooks

SUBCOMMANDS = sorted(next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)).choices)

#: For each subcommand, argument lists that are usage errors.
USAGE_ERRORS: dict[str, list[list[str]]] = {
    "jurisdictions": [["--format", "xml"], ["extra"], ["--bogus"]],
    "rules": [[], ["national", "--format", "yaml"], ["national", "extra"]],
    "check": [[], ["national"], ["national", "f.json", "--as-of", "2024-13-01"], ["national", "f.json", "--engine", "warp"],
              ["national", "f.json", "--lang", "fr"]],
    "diff": [[], ["national"], ["national", "shanxi", "--format", "csv"]],
    "catalogue": [[], ["--out"], ["national", "extra"]],
    "compile": [[], ["national", "--bogus"]],
    "summary": [[], ["national"], ["national", "f.json", "--as-of", "2024-02-30"], ["national", "f.json", "--format", "xml"]],
    "scorecard": [[], ["national", "f.json"], ["national", "f.json", "--out", "x.html", "--engine", "warp"]],
    "serve": [["extra"], ["--port", "many"], ["--workers", "two"], ["--log-level", "loud"]],
    "scaffold": [[], ["hefei"], ["hefei", "--name-zh", "合肥市", "--name-en", "Hefei"],
                 ["hefei", "--name-zh", "合肥市", "--name-en", "Hefei", "--out", "x", "--level", "planet"]],
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors and --help
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_every_subcommand_has_usage_error_cases() -> None:
    assert sorted(USAGE_ERRORS) == SUBCOMMANDS


@pytest.mark.parametrize(("command", "args"), [(c, a) for c, cases in USAGE_ERRORS.items() for a in cases],
                         ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_usage_errors_exit_2_with_a_message_and_no_traceback(command: str, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([command, *args], capsys)
    assert code == 2
    assert "error:" in err and command in err and "Traceback" not in err and out == ""


def test_catalogue_without_arguments_says_what_to_give(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["catalogue"], capsys)
    assert code == 2 and "enforcerules catalogue: error: give a JURISDICTION, or --out FOLDER" in err


def test_usage_error_exits_2_from_the_installed_command() -> None:
    exe = Path(sys.executable).with_name("enforcerules")
    for argv in (["catalogue"], ["rules"], ["bogus"], []):
        done = subprocess.run([str(exe), *argv], capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and "error" in done.stderr and "Traceback" not in done.stderr, argv


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help_describes_every_positional_argument(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    positionals = [a for a in sub._actions if not a.option_strings]
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    for action in positionals:
        assert action.help, f"{command} {action.dest} has no help"
        assert re.sub(r"\s+", " ", action.help.split("(")[0].strip()) in re.sub(r"\s+", " ", out)


def test_top_level_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and "8 output cannot be written" in re.sub(r"\s+", " ", out)


def test_diff_of_a_jurisdiction_with_itself_says_no_differences(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", "shanxi", "shanxi"], capsys)
    assert code == 0 and out.strip() == "no differences: shanxi has the same rules as shanxi"
    code, out, _ = run(["diff", "shanxi", "shanxi", "--format", "json"], capsys)
    assert code == 0 and json.loads(out) == []


def test_diff_that_differs_does_not_say_no_differences(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", "national", "shanxi"], capsys)
    assert code == 0 and "no differences" not in out and "relaxed" in out


def test_reversed_diff_does_not_call_the_childs_own_rules_repealed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", "datong", "national", "--format", "json"], capsys)
    rows = json.loads(out)
    assert code == 0 and rows
    assert not [r for r in rows if r["relation"] == "repealed"]
    datong_own = [r for r in rows if r["rule_id"].startswith("datong.")]
    assert datong_own and {r["relation"] for r in datong_own} == {"absent"}
    assert all(r["by"] == ["datong"] and r["parent_citation"] and r["child_citation"] is None for r in datong_own)


def test_repealed_and_unrepealed_read_in_both_directions() -> None:
    from _support import registry_with
    from test_rulebook import LEAF, MID, ROOT

    reg = registry_with(ROOT, MID, LEAF)
    forward = {d.rule_id: d for d in diff_rulebooks(reg.rulebook("root"), reg.rulebook("leaf"))}
    assert forward["root.review.yearly"].relation is Relation.REPEALED and forward["root.review.yearly"].by == ("leaf",)
    assert forward["mid.training.extra"].relation is Relation.ADDED
    backward = {d.rule_id: d for d in diff_rulebooks(reg.rulebook("leaf"), reg.rulebook("root"))}
    assert backward["root.review.yearly"].relation is Relation.UNREPEALED and backward["root.review.yearly"].by == ("leaf",)
    assert backward["mid.training.extra"].relation is Relation.ABSENT and backward["mid.training.extra"].by == ("mid",)
    assert Relation.REPEALED not in {d.relation for d in backward.values()}


def test_rulebook_repr_is_one_short_line() -> None:
    book = er.load_rulebook("shanxi")
    text = repr(book)
    assert re.fullmatch(r"<Rulebook national→shanxi: \d+ rules, digest [0-9a-f]{8}>", text), text
    assert f": {len(book)} rules" in text and book.digest.startswith(text[-9:-1])


# -- output that cannot be written: located, exit 8, nothing clobbered ---------------------------


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (root ignores modes, so then /sys)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    probe = folder / "probe"
    try:
        probe.touch()
    except OSError:
        return folder
    probe.unlink()
    return Path("/sys")  # sysfs: not even root may create files there


SCAFFOLD = ["scaffold", "hefei", "--name-zh", "合肥市", "--name-en", "Hefei", "--out"]


@pytest.mark.parametrize("command", ["scaffold", "catalogue"])
def test_out_is_an_existing_file(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine.txt"
    target.write_text("keep me", encoding="utf-8")
    argv = [*SCAFFOLD, str(target)] if command == "scaffold" else ["catalogue", "--out", str(target)]
    code, _, err = run(argv, capsys)
    assert code == 8 and f"cannot write {target}" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("command", ["scaffold", "catalogue"])
def test_out_below_a_file(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    target = tmp_path / "mine.txt" / "sub"
    argv = [*SCAFFOLD, str(target)] if command == "scaffold" else ["catalogue", "--out", str(target)]
    code, _, err = run(argv, capsys)
    assert code == 8 and "cannot write" in err and str(tmp_path / "mine.txt") in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["scaffold", "catalogue"])
def test_out_in_an_unwritable_folder(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = unwritable_folder(tmp_path) / "enforcerules-out"
    argv = [*SCAFFOLD, str(target)] if command == "scaffold" else ["catalogue", "--out", str(target)]
    code, _, err = run(argv, capsys)
    assert code == 8 and f"cannot write {target}" in err and "Traceback" not in err
    assert not target.exists()


def test_catalogue_of_one_jurisdiction_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["catalogue", "tianjin", "--out", str(tmp_path / "cat")], capsys)
    assert code == 0 and out.split() == [str(tmp_path / "cat" / "tianjin.md")]
    assert [p.name for p in (tmp_path / "cat").iterdir()] == ["tianjin.md"]


def test_catalogue_of_an_unknown_jurisdiction_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["catalogue", "atlantis", "--out", str(tmp_path / "cat")], capsys)
    assert code == 5 and "atlantis" in err and not (tmp_path / "cat").exists()


def test_output_errors_exit_8_from_the_installed_command(tmp_path: Path) -> None:
    target = tmp_path / "mine.txt"
    target.write_text("keep me", encoding="utf-8")
    exe = Path(sys.executable).with_name("enforcerules")
    done = subprocess.run([str(exe), "catalogue", "--out", str(target)], capture_output=True, text=True, timeout=120,
                          env={**os.environ})
    assert done.returncode == 8 and f"enforcerules: cannot write {target}: exists and is not a folder" in done.stderr
    assert "Traceback" not in done.stderr
