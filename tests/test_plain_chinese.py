"""Findings speak plain Chinese: no English words or raw keys in the ``zh`` texts
of any bundled example, as of the days its checks use.

A token of ASCII letters is allowed only where it is the id of a fact record
that has no name to show instead (a case, a certificate, a training record, a
task report, an event). Regions, units and officers have names, and findings
name them. One exception is listed, with its reason: officer ids in the
findings of the case and certificate kinds, whose wording
(kinds/cases.py, kinds/certificates.py) is being reworked separately.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import enforcerules as er

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BUNDLED = sorted(p for p in EXAMPLES.glob("*.json") if p.stem in {"national", "shanxi", "liaoning", "tianjin", "datong"})
DAYS = (dt.date(2023, 12, 1), dt.date(2024, 6, 1), dt.date(2026, 11, 23))
#: A run of ASCII letters, digits and id punctuation that holds a letter.
TOKEN = re.compile(r"[A-Za-z0-9_.\-]*[A-Za-z][A-Za-z0-9_.\-]*")
#: Sections whose records have no name, so a finding may cite them by id.
UNNAMED = ("cases", "certificates", "training", "task_reports", "events")
#: Kinds still printing officer ids (rendered by kinds/cases.py and kinds/certificates.py).
OFFICER_IDS_PENDING = {"certified_handling", "case_procedure", "certificate_withdrawal", "certificate_issuance"}


def stray_words(text: str, allowed: set[str]) -> list[str]:
    return [t.strip(".-") for t in TOKEN.findall(text) if t.strip(".-") not in allowed]


def test_the_scan_finds_english_words_and_raw_keys_and_passes_record_ids() -> None:
    assert stray_words("事实中没有本规则约束的unit，无法评判", set()) == ["unit"]
    assert stray_words("evaluation_completed / midterm_evaluation于2024-09-20", set()) == ["evaluation_completed", "midterm_evaluation"]
    assert stray_words("所在省（anhui）", set()) == ["anhui"]
    assert stray_words("证件cert-left-d尚未注销，应于2023-12-20（含当日）前", {"cert-left-d"}) == []
    assert stray_words("2024年参加计入的培训59.996学时，少于60学时；10%", set()) == []


@pytest.mark.parametrize("example", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_examples_chinese_output_has_no_stray_ascii_words(example: Path) -> None:
    facts = er.load_facts(example)
    book = er.load_rulebook(example.stem)
    records = {r.id for section in UNNAMED for r in getattr(facts, section)}
    officers = {o.id for o in facts.officers}
    offenders = []
    for day in DAYS:
        for f in er.evaluate(book, facts, day).findings:
            kind = book.get(f.rule_id).rule.kind
            allowed = records | (officers if kind in OFFICER_IDS_PENDING else set())
            for text in (f.explanation_zh, f.remedy_zh):
                if words := stray_words(text, allowed):
                    offenders.append((day.isoformat(), f.rule_id, f.subject, words, text))
    assert offenders == []
