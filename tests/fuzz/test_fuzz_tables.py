"""Structured fuzzing of the tabular loaders (CSV, Parquet, xlsx): random cells and
columns never raise anything but FactsError, and every row is loaded or rejected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import enforcerules as er
from enforcerules.limits import Limits
from enforcerules.loading import _validated
from enforcerules.tables import SCHEMAS
from tabular_forms import FORMATS, write_rows

cells = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=10),
    st.sampled_from(["u1", "o1", "o2", "2020-01-01", "2024-02-30", "2024-03-01 09:00:00", "true", "FALSE", "1", "2.5", "-1",
                     "1e400", "nan", "business", "county", "enforcement", '["o1"]', '["o1", 2]', "[", "2024", "2024.0"]),
)


@st.composite
def tables(draw: st.DrawFn) -> dict[str, tuple[list[str], list[list[object]]]]:
    out = {}
    for section in draw(st.lists(st.sampled_from(["units", "officers", "training", "cases", "metrics"]), unique=True, min_size=1)):
        fields = [c.name for c in SCHEMAS[section]]
        header = draw(st.lists(st.sampled_from(fields + ["remarks"]), unique=True, min_size=1))
        rows = draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header)), max_size=6))
        out[section] = (header, rows)
    return out


def _records(fmt: str, width: int, rows: list[list[object]]) -> int:
    """Rows that hold a record: rows past a sheet's last filled row are not in the
    sheet at all (an empty row amid others is a record of empty cells)."""
    filled = [any(c is not None and c != "" for c in row) for row in rows]  # xlsxwriter writes "" as a blank cell
    if fmt == "xlsx":
        return max((i + 1 for i, f in enumerate(filled) if f), default=0)
    return len(rows)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=tables())
def test_random_cells_lose_nothing_and_raise_only_facts_error(fmt: str, tmp_path_factory: pytest.TempPathFactory,
                                                              data: dict[str, tuple[list[str], list[list[object]]]]) -> None:
    path: Path = write_rows(tmp_path_factory.mktemp(fmt) / fmt, fmt, data)
    try:
        validated = _validated(path, Limits())
    except er.FactsError:
        return
    facts = er.Facts.from_tables(validated.tables, validated.rejections)
    for section, (_, rows) in data.items():
        tally = validated.tallies[section]
        rejected = {r.row for r in facts.rejections if r.section == section and r.row is not None}
        assert tally.read == _records(fmt, len(data[section][0]), rows)
        assert (tally.loaded, tally.rejected) == (facts.count(section), len(rejected))
        assert tally.read == tally.loaded + tally.rejected
    for r in facts.rejections:
        json.dumps(r.to_json(), allow_nan=False, ensure_ascii=False).encode("utf-8")
