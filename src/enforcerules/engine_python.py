"""A plain-Python executor of the compiled JSON conditions.

It implements exactly the subset :mod:`enforcerules.conditions` emits, with
the semantics the library relies on (ints compare as ints, strings as
strings, a missing field never matches), and refuses anything else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .compile import CompiledRule
from .errors import EngineError

__all__ = ["PythonExecutor", "holds"]

_CMP = {
    "$lt": lambda a, b: a < b,
    "$lte": lambda a, b: a <= b,
    "$gt": lambda a, b: a > b,
    "$gte": lambda a, b: a >= b,
    "$neq": lambda a, b: a != b,
}


def holds(condition: Mapping[str, Any], fact: Mapping[str, Any]) -> bool:
    """Whether *condition* (durable-rules JSON) holds for *fact*."""
    return all(_term(key, value, fact) for key, value in condition.items())


def _term(key: str, value: Any, fact: Mapping[str, Any]) -> bool:
    if key == "$and":
        return all(holds(c, fact) for c in value)
    if key == "$or":
        return any(holds(c, fact) for c in value)
    if key in _CMP:
        ((field, expected),) = value.items()
        if field not in fact:
            return False
        actual = fact[field]
        if type(actual) is not type(expected):
            return False
        return bool(_CMP[key](actual, expected))
    if key.startswith("$"):
        raise EngineError(f"operator {key!r} is outside the compiled subset")
    return key in fact and type(fact[key]) is type(value) and fact[key] == value


class PythonExecutor:
    name = "python"

    def match(
        self, compiled: CompiledRule, facts: Sequence[Mapping[str, Any]]
    ) -> list[frozenset[int]]:
        conditions = [
            compiled.ruleset[name]["all"][0]["m"] for name in compiled.branch_names
        ]
        return [
            frozenset(i for i, cond in enumerate(conditions) if holds(cond, fact))
            for fact in facts
        ]
