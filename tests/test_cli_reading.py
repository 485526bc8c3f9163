"""The check command as a reader meets it: compact text, filters, the plan-end notice, progress, exit 9."""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.cli import EXIT_NOTHING_JUDGED, main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NATIONAL = str(EXAMPLES / "national.json")
QUOTE = "重大执法决定法制审核制度"  # the quote of national.cases.legal_review and national.cases.full_process_record


def _empty(tmp_path: Path) -> str:
    path = tmp_path / "empty.json"
    path.write_text("{}", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_empty_facts_exit_9_nothing_could_be_judged(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "national", _empty(tmp_path), "--as-of", "2025-06-30", "--format", fmt]) == EXIT_NOTHING_JUDGED == 9
    out = capsys.readouterr().out
    if fmt == "json":
        summary = json.loads(out)["summary"]
        assert summary["insufficient_data"] > 0 and summary["violation"] == summary["compliant"] == 0


def test_as_of_before_the_plans_exits_9(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "national", NATIONAL, "--as-of", "2020-01-01"]) == 9
    out = capsys.readouterr().out
    assert "不在有效期" in out and "最终结论" not in out


def test_as_of_after_the_plans_says_the_findings_are_final(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "national", NATIONAL, "--as-of", "2026-11-29"]) == 1
    assert "规划已于2025-12-31结束" in capsys.readouterr().out
    assert main(["check", "national", NATIONAL, "--as-of", "9999-12-31", "--lang", "en"]) == 1
    assert "the plan ended 2025-12-31" in capsys.readouterr().out
    assert main(["check", "national", NATIONAL, "--as-of", "2025-06-30"]) == 1
    assert "2025-12-31" not in capsys.readouterr().out.split("\n\n")[0]


def test_nothing_judged_on_file_outputs_too(tmp_path: Path) -> None:
    for ext in ("jsonl", "csv", "xlsx", "html"):
        assert main(["check", "national", _empty(tmp_path), "--as-of", "2025-06-30", "--out", str(tmp_path / f"r.{ext}")]) == 9


def test_a_filter_that_shows_nothing_is_not_nothing_judged(capsys: pytest.CaptureFixture[str]) -> None:
    # the example has violations; asked only for exempt findings it shows those, exits 0 (none of them is a violation)
    assert main(["check", "national", NATIONAL, "--as-of", "2026-01-31", "--status", "exempt"]) == 0
    out = capsys.readouterr().out
    assert "[依法免除]" in out and "[违规]" not in out


def test_compact_text_quotes_each_rule_once_and_verbose_every_finding(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "national", NATIONAL, "--as-of", "2026-01-31"])
    compact = capsys.readouterr().out
    main(["check", "national", NATIONAL, "--as-of", "2026-01-31", "--verbose"])
    verbose = capsys.readouterr().out
    book = er.load_rulebook("national")
    quoting = [r.id for r in book.rules if QUOTE in r.rule.citation.quote]  # legal review and full-process record
    report = er.evaluate(book, er.load_facts(NATIONAL), dt.date(2026, 1, 31))
    assert compact.count(QUOTE) == len(quoting) == 2
    assert verbose.count(QUOTE) == sum(f.rule_id in quoting for f in report.findings) > len(quoting)
    assert len(compact.splitlines()) < len(verbose.splitlines())
    assert "张伟（o_zhangwei）" in compact  # officers by name, the id beside


def test_status_unit_and_rule_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "shanxi", str(EXAMPLES / "shanxi.json"), "--as-of", "2026-01-31", "--format", "json",
                 "--status", "violation", "--status", "late", "--rule", "national.training", "--unit", "ls_market"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1 and findings
    assert {f["status"] for f in findings} <= {"violation", "late"}
    assert all(f["rule_id"].startswith("national.training.") for f in findings)
    subjects = {f["subject"] for f in findings}
    facts = json.loads((EXAMPLES / "shanxi.json").read_text(encoding="utf-8"))
    ls_officers = {o["id"] for o in facts["officers"] if o["unit"] == "ls_market"}
    assert subjects <= ls_officers | {"ls_market"}
    # an exact rule id matches itself, not a longer id sharing its start
    main(["check", "national", NATIONAL, "--as-of", "2026-01-31", "--format", "json", "--rule", "national.penalty_law.art3"])
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_summary_flag_and_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "shanxi", str(EXAMPLES / "shanxi.json"), "--as-of", "2026-01-31", "--summary"]) == 1
    text = capsys.readouterr().out
    assert "按单位" in text and "灵石县市场监督管理局" in text
    assert main(["summary", "shanxi", str(EXAMPLES / "shanxi.json"), "--as-of", "2026-01-31", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert sum(r["total"] for r in data["by_rule"]) == sum(data["counts"].values())
    assert data["by_unit"][0]["violation"] + data["by_unit"][0]["late"] >= data["by_unit"][-1]["violation"] + data["by_unit"][-1]["late"]


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    exe = str(Path(sys.executable).with_name("enforcerules"))
    args = [exe, "check", "national", NATIONAL, "--as-of", "2026-01-31", "--format", "json"]
    piped = subprocess.run(args, capture_output=True, text=True)
    assert piped.returncode == 1 and "rule 1/" not in piped.stderr
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=secondary, timeout=120)
        os.close(secondary)
        seen = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(primary)
    assert proc.returncode == 1
    n = len(er.load_rulebook("national").rules)
    assert f"rule 1/{n}".encode() in seen and f"rule {n}/{n}".encode() in seen
