"""A scope is data read two ways: row predicates for the online path and
polars expressions for evaluation. They must agree on every unit and case."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.kinds.base import _unit_matches, case_in_scope, case_scope_expr, unit_scope_expr

FIELDS = ["market", "ecology", "transport", ""]
scopes = st.builds(
    er.Scope,
    subject=st.just(er.Subject.CASE),
    unit_kinds=st.lists(st.sampled_from(list(er.UnitKind)), max_size=2, unique=True).map(tuple),
    levels=st.lists(st.sampled_from(list(er.Level)), max_size=2, unique=True).map(tuple),
    fields=st.lists(st.sampled_from(FIELDS), max_size=2, unique=True).map(tuple),
)
units = st.one_of(st.none(), st.builds(
    er.Unit, id=st.just("u"), name=st.just("某局"), kind=st.sampled_from(list(er.UnitKind)),
    level=st.sampled_from(list(er.Level)), field=st.one_of(st.none(), st.sampled_from(FIELDS)),
))


def _row(unit: er.Unit | None, **extra: object) -> pl.DataFrame:
    return pl.DataFrame(
        {"unit_kind": [unit.kind.value if unit else None], "unit_level": [unit.level.value if unit else None],
         "unit_field": [unit.field if unit else None], **{k: [v] for k, v in extra.items()}},
        schema_overrides={"unit_kind": pl.String, "unit_level": pl.String, "unit_field": pl.String},
    )


@settings(max_examples=300, deadline=None)
@given(scope=scopes, unit=units, field=st.sampled_from(FIELDS))
def test_case_scope_predicate_equals_its_expression(scope: er.Scope, unit: er.Unit | None, field: str) -> None:
    case = er.Case(id="c", unit="u", decided_on=dt.date(2024, 5, 1), field=field)
    expr = _row(unit, field=field).select(case_scope_expr(scope)).item()
    assert case_in_scope(scope, case, unit) is expr


@settings(max_examples=300, deadline=None)
@given(scope=scopes, unit=units)
def test_unit_scope_predicate_equals_its_expression(scope: er.Scope, unit: er.Unit | None) -> None:
    frame = _row(unit)
    expr = frame.with_columns(ok=unit_scope_expr(scope)).get_column("ok").item()
    assert _unit_matches(scope, unit) is expr
