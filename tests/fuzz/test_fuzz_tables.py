"""Structured fuzzing of the tabular loaders (CSV, Parquet, xlsx): random cells and
columns never raise anything but FactsError, and every row is loaded or rejected.
The tables and the check are the campaign's (fuzz.targets, target ``tables``)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz.targets import TableSections, table_sections, tables_check
from tabular_forms import FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=table_sections())
def test_random_cells_lose_nothing_and_raise_only_facts_error(fmt: str, tmp_path_factory: pytest.TempPathFactory,
                                                              data: TableSections) -> None:
    outcome = tables_check((fmt, data), tmp_path_factory.mktemp(fmt))
    assert outcome.clean, f"{fmt} {data!r}: {outcome.describe()}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_trailing_empty_row_is_counted_as_its_form_holds_it(fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """CSV and Parquet hold an empty last row (a record of empty cells, rejected); a sheet
    ends at its last filled row: the check counts records as each form holds them."""
    data: TableSections = {"units": (["id", "name"], [["u1", "局"], [None, None]])}
    outcome = tables_check((fmt, data), tmp_path_factory.mktemp(fmt))
    assert outcome.clean, outcome.describe()
