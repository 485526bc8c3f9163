"""Fuzzed findings and rejections (control characters, bidi overrides, forged lines, markup,
lone surrogates, non-finite numbers, deep and huge values) through every report form, read
back: strict UTF-8 JSON, readable Parquet and CSV, every finding and rejection kept, escaped
text. The cases and the check are the campaign's (fuzz.targets, target ``writers``)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz.targets import TARGETS, WritersCase, run_cli, working_directory, writers_check, writers_setup

WRITERS = TARGETS["writers"]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("writers-fuzz")
    writers_setup(path)
    return path


def test_fuzzed_findings_through_the_streamed_forms_and_text(sandbox: Path) -> None:
    @settings(max_examples=120, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(WRITERS.inputs(sandbox))
    def one(case: WritersCase) -> None:
        outcome = writers_check(case, sandbox, whole=False)
        assert outcome.clean, f"{case!r}: {outcome.describe()}"

    with working_directory(sandbox):
        one()


def test_fuzzed_findings_through_every_form_and_the_command_line(sandbox: Path) -> None:
    @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(WRITERS.inputs(sandbox))
    def one(case: WritersCase) -> None:
        outcome = writers_check(case, sandbox, whole=True)
        assert outcome.clean, f"{case!r}: {outcome.describe()}"

    with working_directory(sandbox):
        one()


ODD = WritersCase(
    rows=(0, 1, 2),
    subjects=("o1\n[compliant] forged", "\x1b[31m红\u202e", "</script><script>fz()</script>"),
    names=("<b>fz</b>", "=1+1", "\ufeff"),
    rejected=((0, "", math.nan), (0, "hours\x00", math.inf), (5, "\ud800", [[[["deep"]]]]), (1, "", 10**400)),
)


def test_a_known_odd_case_through_every_form(sandbox: Path) -> None:
    with working_directory(sandbox):
        outcome = writers_check(ODD, sandbox, whole=True)
    assert outcome.clean, outcome.describe()


def test_the_check_can_fail(sandbox: Path) -> None:
    """The check is not vacuous: a writer that prints a bare NaN, or text that forges a line, is caught."""
    import enforcerules.report as report

    original = report.Report.dumps
    report.Report.dumps = lambda self: '{"findings": [], "rejections": [NaN]}'  # type: ignore[method-assign]
    try:
        outcome = writers_check(ODD, sandbox, whole=False)
    finally:
        report.Report.dumps = original  # type: ignore[method-assign]
    assert "not strict UTF-8 JSON" in outcome.wrong
    code, out, _ = run_cli(["jurisdictions"])
    assert code == 0 and out
