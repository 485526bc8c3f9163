"""Fuzzed command lines (subcommands, options and junk): never a traceback, only documented exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz.targets import TARGETS, cli_check, cli_setup, run_cli, working_directory

CLI = TARGETS["cli"]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-fuzz")
    cli_setup(path)
    return path


def test_fuzzed_command_lines(sandbox: Path) -> None:
    @settings(max_examples=250, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(CLI.inputs(sandbox))
    def one(argv: list[str]) -> None:
        outcome = cli_check(argv, sandbox)
        assert outcome.clean, f"{argv!r}: {outcome.describe()}"

    with working_directory(sandbox):
        one()


@pytest.mark.parametrize("argv", [
    ["rules", "\udcff"], ["check", "national", "\udcff.json"], ["scaffold", "ok", "--name-zh", "某", "--name-en", "\udcff", "--out", "o1"],
    ["check", "national", "afolder"], ["check", "national", "latin1.json"], ["catalogue", "--out", "afile.txt/below"],
    ["diff", "\x1b[31m", "national"], ["diff", "liaoning", "--", "--"], ["scaffold", "ok", "--name-zh", "某", "--name-en", "X", "--out", "full/keep.txt"],
    ["check", "liaoning", "--out", "\xf4\xca\xfc_", "empty.json"],  # the campaign's: an --out without an extension (exit 2, a message)
])
def test_known_awkward_command_lines(argv: list[str], sandbox: Path) -> None:
    with working_directory(sandbox):
        outcome = cli_check(argv, sandbox)
        code, _, err = run_cli(argv)
    assert outcome.clean, outcome.describe()
    assert code != 0 and err.strip() and "\x1b" not in err


def test_the_check_can_fail() -> None:
    """The oracle is not vacuous: an internal error and a traceback are caught."""
    import enforcerules.cli as cli

    def boom(registry: object, args: object) -> int:
        raise RuntimeError("defect")

    original = cli._COMMANDS["rules"]
    cli._COMMANDS["rules"] = boom
    try:
        outcome = cli_check(["rules", "national"], Path("."))
    finally:
        cli._COMMANDS["rules"] = original
    assert outcome.crash == "exit 7 (internal error)" and outcome.traceback
