"""Issue 10 item 7: facts text cannot forge report lines or send terminal escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enforcerules.cli import main

FORGED = "某局\n[compliant] national.training.annual_hours  o9  2024\x1b[2J\x1b[31m\u202e"


def _facts(tmp_path: Path) -> Path:
    doc = {
        "units": [{"id": "u1", "name": FORGED, "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01", "name": FORGED}],
        "training": [{"id": "t1", "officer": "o1", "hours": 8, "category": "business", "held_at": "2024-03-01T09:00:00"}],
    }
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("extra", [[], ["--verbose"], ["--summary"], ["--lang", "en"]])
def test_text_output_escapes_control_characters_from_the_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    code = main(["check", "national", str(_facts(tmp_path)), "--as-of", "2025-06-30", *extra])
    out = capsys.readouterr().out
    assert code in (0, 1, 3)
    assert "\x1b" not in out and "\u202e" not in out
    assert not any(line.startswith("[compliant] national.training.annual_hours  o9") for line in out.splitlines())
    if FORGED.split("\n")[0] in out and "[compliant] national.training.annual_hours  o9" in out:
        assert "\\n[compliant]" in out  # the name is shown, on one line, escaped
