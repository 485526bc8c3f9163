"""Where a rule comes from: source documents, clauses, quoted text, periods."""

from __future__ import annotations

import datetime as _dt
import functools

import attrs

__all__ = ["Citation", "Period", "SourceDocument", "citer"]

_str = attrs.validators.instance_of(str)


def _non_empty(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValueError(f"'{attribute.name}' must not be empty (got {value!r})")


@attrs.frozen
class SourceDocument:
    """A plan or law that rules cite.

    ``id`` is the short key citations use (``"gbf-2023-27"``); ``number`` the
    document number as printed (``"国办发〔2023〕27号"``), empty when the
    document has none.
    """

    id: str = attrs.field(validator=[_str, _non_empty])
    title: str = attrs.field(validator=[_str, _non_empty])
    issuer: str = attrs.field(validator=[_str, _non_empty])
    number: str = attrs.field(default="", validator=_str)
    issued_on: _dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(_dt.date))
    )
    note: str = attrs.field(default="", validator=_str)


@attrs.frozen
class Citation:
    """A clause of a source document and the text of it a rule encodes."""

    document: str = attrs.field(validator=[_str, _non_empty])
    clause: str = attrs.field(validator=[_str, _non_empty])
    quote: str = attrs.field(validator=[_str, _non_empty])

    def __str__(self) -> str:
        return f"{self.document} {self.clause}"


@attrs.frozen
class Period:
    """A closed range of days, both ends included (China Standard Time)."""

    start: _dt.date = attrs.field(validator=attrs.validators.instance_of(_dt.date))
    end: _dt.date = attrs.field(validator=attrs.validators.instance_of(_dt.date))

    @end.validator
    def _end_after_start(self, attribute: attrs.Attribute[_dt.date], value: _dt.date) -> None:
        if value < self.start:
            raise ValueError(f"'end' must not precede 'start' (got start={self.start}, end={value})")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, _dt.date) and self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(_dt.date(year, 1, 1), _dt.date(year, 12, 31))

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def citer(document: str) -> "functools.partial[Citation]":
    """A shorthand for citations of one document: ``cite = citer("gbf"); cite("二（一）2", "…")``."""
    return functools.partial(Citation, document)
