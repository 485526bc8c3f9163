"""The enforcerules command: subcommands and documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from enforcerules.cli import main

FACTS = {
    "units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}],
    "officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}],
}


def write(tmp_path: Path, data: object, name: str = "facts.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_jurisdictions_lists_national_from_its_entry_point(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jurisdictions", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["national"]["plugin"] == "national" and rows["national"]["parent"] is None


def test_rules_lists_each_rule_with_its_clause(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "national", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    training = next(r for r in rows if r["id"] == "national.training.annual_hours")
    assert training["clause"] == "二（一）2" and "60学时" in training["quote"]


def test_check_with_violations_exits_1_and_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "national", str(write(tmp_path, FACTS)), "--as-of", "2026-11-23", "--format", "json", "--engine", "python"])
    assert code == 1
    report = json.loads(capsys.readouterr().out)
    assert report["as_of"] == "2026-11-23" and report["summary"]["violation"] > 0


def test_check_with_rejected_records_exits_3_and_lists_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = {**FACTS, "officers": [*FACTS["officers"], {"id": "o2", "unit": "u1", "hired_on": "2024-02-30"}]}
    code = main(["check", "national", str(write(tmp_path, bad)), "--as-of", "2026-11-23", "--engine", "python"])
    out = capsys.readouterr().out
    assert code == 3 and "$.officers[1].hired_on" in out and "national.training.annual_hours" in out


def test_check_of_unreadable_facts_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "national", str(write(tmp_path, "{oops")), "--as-of", "2026-11-23"]) == 4
    assert "not valid JSON" in capsys.readouterr().err


def test_unknown_jurisdiction_exits_5(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "atlantis"]) == 5
    assert "atlantis" in capsys.readouterr().err


def test_bad_as_of_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "national", str(write(tmp_path, FACTS)), "--as-of", "2024-13-01"])
    assert exc.value.code == 2


def test_strict_deadlines_change_the_compiled_due_date(capsys: pytest.CaptureFixture[str]) -> None:
    main(["compile", "national"])
    default = capsys.readouterr().out
    main(["compile", "national", "--strict-deadlines"])
    strict = capsys.readouterr().out
    default_rules, strict_rules = json.loads(default), json.loads(strict)
    assert default_rules.keys() == strict_rules.keys()
    rotation = "national.training.full_staff_rotation"  # "2024年6月前": 06-30 by default, 05-31 strictly
    assert default_rules[rotation]["ruleset"] != strict_rules[rotation]["ruleset"]
    unambiguous = "national.rectification.problem_list"  # "2023年底前" reads one way only
    assert default_rules[unambiguous] == strict_rules[unambiguous]


def test_console_script_is_installed() -> None:
    out = subprocess.run([str(Path(sys.executable).with_name("enforcerules")), "jurisdictions"], capture_output=True, text=True, check=True)
    assert "national" in out.stdout


def test_diff_says_when_a_relaxation_shows_only_under_the_strict_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "national", "shanxi", "--format", "json"]) == 0
    rows = {r["rule_id"]: r for r in json.loads(capsys.readouterr().out)}
    rotation = rows["national.training.full_staff_rotation"]
    assert rotation["relation"] == "relaxed"
    assert "2024-06-30" in rotation["reading"] and "2024-05-31 → 2024-06-30" in rotation["reading"]
    assert rows["national.training.annual_hours"]["reading"] == ""
