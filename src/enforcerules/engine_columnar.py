"""The columnar executor: compiled JSON conditions as polars expressions.

The conditions are exactly those :mod:`enforcerules.compile` hands
durable-rules. Each is parsed once into a polars expression over the
observation table's ``values`` struct, checked against its fields when the
plan is built:

- a leaf ``field op literal`` is ``(field op literal).fill_null(False)``, so
  the logic is two-valued like the Python oracle: a missing value never
  matches;
- a field the table lacks, or a literal of another type than the column
  (an int against text), is constant false — the oracle's "a value of
  another type never matches";
- ``$and``/``$or`` are ``&``/``|``; the observation tag ``t`` is implied by
  the table;
- a rule is ``when(b0).then(0).when(b1).then(1)…``: the first branch that
  holds wins; the catch-all every compiled rule ends with makes it never null.

Plans are cached per compiled rule digest and value schema on the executor
(no global state).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

from .compile import OBSERVATION_TAG, CompiledRule
from .errors import EngineError

__all__ = ["ColumnarExecutor", "condition_expression"]

_CMP: dict[str, Callable[[Any, Any], Any]] = {
    "$lt": operator.lt,
    "$lte": operator.le,
    "$gt": operator.gt,
    "$gte": operator.ge,
    "$neq": operator.ne,
}
_INTS = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64)


def _same_type(dtype: pl.DataType, literal: Any) -> bool:
    if isinstance(literal, bool):
        return False
    if isinstance(literal, int):
        return isinstance(dtype, _INTS)
    if isinstance(literal, str):
        return isinstance(dtype, pl.String)
    return False


def _leaf(field: str, literal: Any, op: Callable[[Any, Any], Any], schema: Mapping[str, pl.DataType]) -> pl.Expr:
    if field == "t":
        # The tag every observation carries: the table holds only observations.
        return pl.lit(literal == OBSERVATION_TAG and op is operator.eq)
    dtype = schema.get(field)
    if dtype is None or not _same_type(dtype, literal):
        return pl.lit(False)
    column = pl.col("values").struct.field(field)
    expr: pl.Expr = op(column, pl.lit(literal, dtype=dtype))
    return expr.fill_null(False)


def _term(key: str, value: Any, schema: Mapping[str, pl.DataType]) -> pl.Expr:
    if key in ("$and", "$or"):
        if not isinstance(value, list) or not value:
            raise EngineError(f"{key} needs a non-empty list of conditions (got {value!r})")
        parts = [condition_expression(c, schema) for c in value]
        combined = parts[0]
        for p in parts[1:]:
            combined = combined & p if key == "$and" else combined | p
        return combined
    if key in _CMP:
        if not isinstance(value, Mapping) or len(value) != 1:
            raise EngineError(f"{key} needs one field and value (got {value!r})")
        ((field, literal),) = value.items()
        return _leaf(field, literal, _CMP[key], schema)
    if key.startswith("$"):
        raise EngineError(f"operator {key!r} is outside the compiled subset")
    return _leaf(key, value, operator.eq, schema)


def condition_expression(condition: Mapping[str, Any], schema: Mapping[str, pl.DataType]) -> pl.Expr:
    """A boolean polars expression equivalent to *condition* (durable-rules JSON).

    *schema* maps the observation value fields to their polars types.
    """
    if not isinstance(condition, Mapping) or not condition:
        raise EngineError(f"a condition is a non-empty JSON object (got {condition!r})")
    terms = [_term(k, v, schema) for k, v in condition.items()]
    combined = terms[0]
    for t in terms[1:]:
        combined = combined & t
    return combined


def branch_expression(compiled: CompiledRule, schema: Mapping[str, pl.DataType]) -> pl.Expr:
    """The index of the first branch whose condition holds, as a ``UInt16`` expression."""
    conditions = [condition_expression(compiled.ruleset[name]["all"][0]["m"], schema) for name in compiled.branch_names]
    # No otherwise: a row no branch matches stays null, and evaluate refuses it
    # (compile_rule ends every rule with a catch-all, so real rules never do).
    chain: Any = pl.when(conditions[0]).then(pl.lit(0, dtype=pl.UInt16))
    for i, cond in enumerate(conditions[1:], start=1):
        chain = chain.when(cond).then(pl.lit(i, dtype=pl.UInt16))
    expr: pl.Expr = chain
    return expr


def _schema_of(values: pl.DataFrame | pl.Series) -> dict[str, pl.DataType]:
    dtype = values.dtype if isinstance(values, pl.Series) else values.schema["values"]
    assert isinstance(dtype, pl.Struct)
    return {f.name: f.dtype() if isinstance(f.dtype, type) else f.dtype for f in dtype.fields}


class ColumnarExecutor:
    """Runs compiled rules over whole observation tables with polars."""

    name = "columnar"

    def __init__(self) -> None:
        self._plans: dict[tuple[str, str, tuple[tuple[str, str], ...]], pl.Expr] = {}

    def _plan(self, compiled: CompiledRule, schema: Mapping[str, pl.DataType]) -> pl.Expr:
        key = (compiled.rule_id, compiled.digest, tuple((k, str(v)) for k, v in schema.items()))
        if key not in self._plans:
            self._plans[key] = branch_expression(compiled, schema)
        return self._plans[key]

    def first_branch(self, compiled: CompiledRule, table: pl.DataFrame) -> pl.Series:
        """For each row of *table* (an observation table), the first matching branch (null: none)."""
        expr = self._plan(compiled, _schema_of(table))
        # with_columns, not select: a rule whose conditions fold to constants
        # must still give one branch per row.
        return table.with_columns(expr.alias("__branch")).get_column("__branch").alias("branch")
