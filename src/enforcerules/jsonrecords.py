"""Record-at-a-time JSON field parsing for small documents (the exemption lists).

Facts go through the column-wise :mod:`enforcerules.validation`; the small
declaration documents parse a record at a time with these helpers, reporting
each bad field as a :class:`~enforcerules.Rejection` at its JSON location.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from .findings import Rejection

__all__ = ["Bad", "Parsers", "enum_parser", "exact", "parse_fields", "read_json", "str_list"]


class Bad(Exception):
    def __init__(self, reason: str, value: Any, expected: str) -> None:
        super().__init__(reason)
        self.reason, self.value, self.expected = reason, value, expected


def exact(kind: type, expected: str) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if type(value) is not kind:
            raise Bad("wrong type", value, expected)
        return value

    return parse


def enum_parser(kind: type[enum.Enum]) -> Callable[[Any], Any]:
    choices = ", ".join(repr(m.value) for m in kind)

    def parse(value: Any) -> Any:
        try:
            return kind(value)
        except (ValueError, TypeError):
            raise Bad("not an allowed value", value, f"one of {choices}") from None

    return parse


def str_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Bad("wrong type", value, "a list of strings")
    return tuple(value)


#: field -> (parser, nullable, required)
Parsers = Mapping[str, tuple[Callable[[Any], Any], bool, bool]]


def parse_fields(where: str, raw: Mapping[str, Any], parsers: Parsers, ignore: tuple[str, ...] = ()) -> tuple[dict[str, Any], list[Rejection]]:
    """The parsed fields of the JSON object *raw* at *where*, and a rejection
    for each unknown, missing or bad field (fields in *ignore* are left to the caller)."""
    errors = [
        Rejection(f"{where}.{k}", "unknown field", raw[k], f"one of {', '.join(parsers)}")
        for k in raw
        if k not in parsers and k not in ignore
    ]
    errors += [
        Rejection(f"{where}.{k}", "duplicate key", raw[k], "each field once")
        for k in dict.fromkeys(getattr(raw, "duplicate_keys", ()))
    ]
    kwargs: dict[str, Any] = {}
    for name, (parse, nullable, required) in parsers.items():
        if name not in raw:
            if required:
                errors.append(Rejection(f"{where}.{name}", "missing field", None, "a value"))
            continue
        value = raw[name]
        if value is None and nullable:
            kwargs[name] = None
            continue
        try:
            kwargs[name] = parse(value)
        except Bad as bad:
            errors.append(Rejection(f"{where}.{name}", bad.reason, bad.value, bad.expected))
    return kwargs, errors


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers keys it held more than once (the last value wins)."""

    duplicate_keys: tuple[str, ...] = ()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _JsonObject:
        obj = cls(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            obj.duplicate_keys = tuple(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return obj


def read_json(source: str | bytes | Path | IO[str] | Mapping[str, Any], error: type[Exception], unreadable: str, invalid: str) -> Any:
    """The parsed JSON of a path, an open file or JSON text (a mapping as it is);
    *error* with the message *unreadable* or *invalid* and the cause if it cannot be had."""
    if isinstance(source, Mapping):
        return source
    try:
        if isinstance(source, bytes):
            text = source.decode("utf-8-sig")
        elif isinstance(source, Path) or (isinstance(source, str) and not source.lstrip().startswith(("{", "["))):
            text = Path(source).read_text(encoding="utf-8-sig")
        elif isinstance(source, str):
            text = source
        else:
            text = source.read()
            text = text.decode("utf-8-sig") if isinstance(text, bytes) else text
        return json.loads(text.lstrip("\ufeff"), object_pairs_hook=_JsonObject.of)
    except OSError as exc:
        raise error(f"{unreadable}: {exc}") from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, over-long integers, deep nesting
        raise error(f"{invalid}: {exc}") from None
