"""Every quoted citation of every bundled jurisdiction appears in its source text.

Quotes may elide with "……"; each elided piece must appear, in order.
Whitespace is ignored (the published texts wrap lines arbitrarily).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import enforcerules as er

SOURCES = Path(__file__).resolve().parent.parent / "docs" / "sources"
FILES = {
    "gbf-2023-27": "national-gbf-2023-27.txt",
    "shanxi-2023-plan": "shanxi-plan.txt",
    "lzbf-2023-18": "liaoning-lzbf-2023-18.txt",
    "datong-2024-plan": "datong-plan.txt",
    "tianjin-2023-plan": "tianjin-plan.txt",
    "xzcff-2021": "xingzheng-chufa-fa-2021.md",
}
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


def _text(document: str) -> str:
    return _norm((SOURCES / FILES[document]).read_text(encoding="utf-8"))


def _citations() -> list[tuple[str, er.Citation]]:
    reg = er.Registry()
    seen: list[tuple[str, er.Citation]] = []
    for j in reg.jurisdictions():
        book = reg.rulebook(j.id)
        for rule in book:
            seen.append((rule.id, rule.rule.citation))
            seen.extend((rule.id, o.citation) for o in rule.overrides)
        seen.extend((r.rule_id, r.citation) for r in book.repealed)
    return sorted(set(seen), key=lambda p: (p[0], p[1].document, p[1].clause, p[1].quote))


def _appears_in_order(pieces: list[str], text: str) -> bool:
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


@pytest.mark.parametrize(("rule_id", "citation"), _citations(), ids=lambda v: v if isinstance(v, str) else v.clause)
def test_quote_is_in_the_cited_document(rule_id: str, citation: er.Citation) -> None:
    assert citation.document in FILES, f"{rule_id}: no source text for document {citation.document!r}"
    pieces = [_norm(p) for p in re.split(r"……|…", citation.quote) if _norm(p)]
    assert pieces and _appears_in_order(pieces, _text(citation.document)), (
        f"{rule_id}: quote not found in {citation.document}: {citation.quote!r}"
    )


def test_a_misquote_is_caught() -> None:
    text = _text("gbf-2023-27")
    assert _appears_in_order([_norm("不少于60学时")], text)
    assert not _appears_in_order([_norm("不少于50学时")], text)
    assert not _appears_in_order(["全员轮训", "不少于60学时"], text)  # right words, wrong order
