"""Clause coverage: which rules a test run exercised on both sides of their boundary."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import enforcerules as er
from enforcerules.testing import recording
from enforcerules.testing.coverage import _other_side

EXAMPLE_TESTS = Path(__file__).resolve().parents[1] / "fixtures" / "example_plugin_tests.py"
HOURS = "national.training.annual_hours"


def _facts(hours: float) -> er.Facts:
    record = er.TrainingRecord("t", "o", hours, er.TrainingCategory.PUBLIC_LAW, dt.datetime(2024, 3, 1, 9))
    return er.Facts(units=(er.Unit("u", "u", er.UnitKind.ENFORCEMENT, er.Level.COUNTY),),
                    officers=(er.Officer("o", "u", dt.date(2020, 1, 1)),), training=(record,))


def test_recording_tallies_statuses_per_rule_and_restores_evaluate() -> None:
    original = er.evaluate
    book = er.load_rulebook("national")
    with recording() as coverage:
        assert er.evaluate is not original
        er.evaluate(book, _facts(60), dt.date(2025, 1, 5), engine="python")
        er.evaluate(book, _facts(10), dt.date(2025, 1, 5), engine="python")
    assert er.evaluate is original
    er.evaluate(book, _facts(70), dt.date(2025, 1, 5), engine="python")  # not recorded any more
    rows = {r.rule_id: r for r in coverage.rules("national")}
    assert rows[HOURS].both_sides and rows[HOURS].clause == "二（一）2"
    assert {er.Status.COMPLIANT, er.Status.VIOLATION} <= rows[HOURS].seen
    listed = rows["national.rectification.problem_list"]
    assert not listed.both_sides and listed.seen == {er.Status.VIOLATION}
    assert set(rows) == {r.id for r in book.rules}
    assert "national.training.annual_hours" in coverage.render() and coverage.render().count(" yes ") == 1


def test_standing_duties_count_pending_as_the_other_side() -> None:
    book = er.load_rulebook("national")
    standing = [r.id for r in book.rules if r.rule.kind == "task_deadline"
                and r.rule.spec.deadline.kind.value in ("standing", "on_instruction")]
    assert all(_other_side(book, rid) == (er.Status.PENDING,) for rid in standing)
    assert set(_other_side(book, "national.rectification.problem_list")) == {er.Status.LATE, er.Status.VIOLATION}


def test_pytest_option_prints_the_table_and_writes_json(tmp_path: Path) -> None:
    out_json = tmp_path / "coverage.json"
    out = subprocess.run(
        [sys.executable, "-m", "pytest", str(EXAMPLE_TESTS), "-q", "-p", "no:cacheprovider",
         "--enforcerules-coverage", f"--enforcerules-coverage-json={out_json}"],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "enforcerules clause coverage" in out.stdout
    line = next(l for l in out.stdout.splitlines() if l.strip().startswith(HOURS))
    assert "二（一）2" in line and " yes " in line and "compliant" in line and "violation" in line
    data = json.loads(out_json.read_text(encoding="utf-8"))
    row = next(r for r in data["national"] if r["rule_id"] == HOURS)
    assert row["both_sides"] is True
    assert next(r for r in data["national"] if r["rule_id"] == "national.rectification.problem_list")["both_sides"] is False


def test_coverage_module_runs_given_test_paths() -> None:
    out = subprocess.run([sys.executable, "-m", "enforcerules.testing.coverage", str(EXAMPLE_TESTS)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "clause coverage: national:" in out.stdout and "rules exercised on both sides" in out.stdout
