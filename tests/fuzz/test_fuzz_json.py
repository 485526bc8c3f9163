"""Structured fuzzing of the JSON loader: mutated documents never raise anything
but FactsError, every record is loaded or rejected, every rejection is strict JSON.
The documents and the check are the campaign's (fuzz.targets, target ``json``)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings

import enforcerules as er
from enforcerules.limits import Limits
from enforcerules.loading import _validated
from fuzz.targets import TARGETS, json_check

JSON = TARGETS["json"]


@settings(max_examples=100, deadline=None)
@given(JSON.inputs(Path(".")))
def test_mutated_documents_lose_nothing_and_raise_only_facts_error(case: tuple[str, dict[str, int]]) -> None:
    outcome = json_check(case, Path("."))
    assert outcome.clean, f"{case!r}: {outcome.describe()}"
    text, _ = case
    try:
        validated = _validated(io.BytesIO(text.encode("utf-8", "surrogatepass")), Limits())
    except er.FactsError:
        return
    assert er.loads_facts(text) == er.Facts.from_tables(validated.tables, validated.rejections)  # the public entry point agrees


def test_the_check_can_fail() -> None:
    """The check is not vacuous: a record counted in but not loaded is a silent loss."""
    text = ('{"units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}], '
            '"officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}]}')
    assert json_check((text, {"units": 1, "officers": 1}), Path(".")).clean
    outcome = json_check((text, {"units": 1, "officers": 2}), Path("."))
    assert outcome.lost == "officers: 2 records in, 1 loaded + 0 rejected" and not outcome.wrong
