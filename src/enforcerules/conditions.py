"""Builders for conditions in durable-rules' JSON rule language.

Kinds write branch conditions with these so the compiled form stays within
the subset both executors implement: equality, ``$lt $lte $gt $gte $neq``,
and ``$and``/``$or`` over fields of one observation.
"""

from __future__ import annotations

from typing import Any

__all__ = ["all_of", "any_of", "eq", "gt", "gte", "lt", "lte", "neq"]

Condition = dict[str, Any]


def eq(field: str, value: int | str) -> Condition:
    return {field: value}


def _cmp(op: str, field: str, value: int) -> Condition:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"engine comparisons take ints (got {field}={value!r})")
    return {op: {field: value}}


def neq(field: str, value: int | str) -> Condition:
    return {"$neq": {field: value}}


def lt(field: str, value: int) -> Condition:
    return _cmp("$lt", field, value)


def lte(field: str, value: int) -> Condition:
    return _cmp("$lte", field, value)


def gt(field: str, value: int) -> Condition:
    return _cmp("$gt", field, value)


def gte(field: str, value: int) -> Condition:
    return _cmp("$gte", field, value)


def all_of(*conditions: Condition) -> Condition:
    """Conjunction; a single condition is returned as is (no one-element lists)."""
    flat = [c for c in conditions if c]
    if not flat:
        return {}
    return flat[0] if len(flat) == 1 else {"$and": flat}


def any_of(*conditions: Condition) -> Condition:
    """Disjunction of at least two conditions (durable-rules crashes on a one-element ``$or``)."""
    flat = [c for c in conditions if c]
    if len(flat) < 2:
        return all_of(*flat)
    return {"$or": flat}
