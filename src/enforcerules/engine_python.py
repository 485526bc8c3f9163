"""A plain-Python executor of the compiled JSON conditions.

It implements exactly the subset :mod:`enforcerules.conditions` emits, with
the semantics the library relies on (ints compare as ints, strings as
strings, a value of another type or a missing field never matches), and
refuses anything else. Each condition is turned into a closure once per
compiled rule, so evaluating a fact does not re-read the JSON.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

from .compile import CompiledRule
from .errors import EngineError

__all__ = ["PythonExecutor", "holds"]

Fact = Mapping[str, Any]
Predicate = Callable[[Fact], bool]

_CMP: dict[str, Callable[[Any, Any], bool]] = {
    "$lt": operator.lt,
    "$lte": operator.le,
    "$gt": operator.gt,
    "$gte": operator.ge,
    "$neq": operator.ne,
}
_MISSING = object()


def _compare(field: str, expected: Any, op: Callable[[Any, Any], bool]) -> Predicate:
    kind = type(expected)

    def check(fact: Fact) -> bool:
        actual = fact.get(field, _MISSING)
        return type(actual) is kind and op(actual, expected)

    return check


def _term(key: str, value: Any) -> Predicate:
    if key == "$and":
        parts = [compile_condition(c) for c in value]
        return lambda fact: all(p(fact) for p in parts)
    if key == "$or":
        parts = [compile_condition(c) for c in value]
        return lambda fact: any(p(fact) for p in parts)
    if key in _CMP:
        ((field, expected),) = value.items()
        return _compare(field, expected, _CMP[key])
    if key.startswith("$"):
        raise EngineError(f"operator {key!r} is outside the compiled subset")
    return _compare(key, value, operator.eq)


def compile_condition(condition: Mapping[str, Any]) -> Predicate:
    """A predicate equivalent to *condition* (durable-rules JSON)."""
    terms = [_term(k, v) for k, v in condition.items()]
    if len(terms) == 1:
        return terms[0]
    return lambda fact: all(t(fact) for t in terms)


def holds(condition: Mapping[str, Any], fact: Fact) -> bool:
    """Whether *condition* holds for *fact*."""
    return compile_condition(condition)(fact)


class PythonExecutor:
    name = "python"

    def __init__(self) -> None:
        self._compiled: dict[str, list[Predicate]] = {}

    def _predicates(self, compiled: CompiledRule) -> list[Predicate]:
        key = f"{compiled.rule_id}:{compiled.digest}"
        if key not in self._compiled:
            self._compiled[key] = [
                compile_condition(compiled.ruleset[name]["all"][0]["m"]) for name in compiled.branch_names
            ]
        return self._compiled[key]

    def first_branch(self, compiled: CompiledRule, table: "pl.DataFrame") -> "pl.Series":
        from .engine import first_branch_by_rows

        return first_branch_by_rows(self, compiled, table)

    def match(self, compiled: CompiledRule, facts: Sequence[Fact]) -> list[frozenset[int]]:
        predicates = list(enumerate(self._predicates(compiled)))
        return [frozenset(i for i, p in predicates if p(fact)) for fact in facts]
