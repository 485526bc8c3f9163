"""A validated set of facts: one table per section, plus what was rejected.

Evaluation reads the tables (:meth:`Facts.table`); the fact objects
(``facts.officers``…) are there for building facts by hand, for inspection,
and for the low-volume kinds, and are made from the tables only when asked.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any

import polars as pl

from .facts import (
    FACT_KINDS,
    Case,
    Certificate,
    EnforcementItem,
    Event,
    Metric,
    Officer,
    Region,
    TaskReport,
    TrainingRecord,
    Unit,
)
from .findings import Rejection
from .tables import SECTIONS, conform, records_from_table, table_from_records

__all__ = ["Facts"]


class Facts:
    """Everything evaluation reads, plus the records rejected on the way in.

    Build it with a loader (:func:`enforcerules.load_facts`,
    :func:`enforcerules.load_tables`), which checks references between
    records, from fact objects (``Facts(officers=[...], training=[...])``),
    or from tables (:meth:`from_tables`).
    """


    def __init__(
        self,
        regions: Iterable[Region] = (),
        units: Iterable[Unit] = (),
        officers: Iterable[Officer] = (),
        training: Iterable[TrainingRecord] = (),
        certificates: Iterable[Certificate] = (),
        task_reports: Iterable[TaskReport] = (),
        events: Iterable[Event] = (),
        cases: Iterable[Case] = (),
        items: Iterable[EnforcementItem] = (),
        metrics: Iterable[Metric] = (),
        rejections: Iterable[Rejection] = (),
    ) -> None:
        given = dict(
            regions=regions, units=units, officers=officers, training=training, certificates=certificates,
            task_reports=task_reports, events=events, cases=cases, items=items, metrics=metrics,
        )
        objects: dict[str, tuple[Any, ...]] = {}
        for section, records in given.items():
            records = tuple(records)
            kind = FACT_KINDS[section]
            for i, r in enumerate(records):
                if not isinstance(r, kind):
                    raise TypeError(f"'{section}'[{i}] must be a {kind.__name__} (got {r!r})")
            objects[section] = records
        self._objects = objects
        self._tables: dict[str, pl.DataFrame] = {}
        self.rejections = _rejections(rejections)

    @classmethod
    def from_tables(cls, tables: Mapping[str, pl.DataFrame], rejections: Iterable[Rejection] = ()) -> Facts:
        """Facts of already valid tables (missing sections are empty)."""
        unknown = set(tables) - set(SECTIONS)
        if unknown:
            raise ValueError(f"unknown sections {sorted(unknown)}; expected some of {', '.join(SECTIONS)}")
        self = cls.__new__(cls)
        self._objects = {}
        self._tables = {s: conform(s, tables[s]) for s in tables}
        self.rejections = _rejections(rejections)
        return self

    # -- the two forms ----------------------------------------------------------

    def table(self, section: str) -> pl.DataFrame:
        """The section's records as a table with the columns of :data:`~enforcerules.tables.SCHEMAS`."""
        if section not in self._tables:
            if section not in FACT_KINDS:
                raise KeyError(f"unknown section {section!r}; expected one of {', '.join(SECTIONS)}")
            self._tables[section] = table_from_records(section, self._objects.get(section, ()))
        return self._tables[section]

    def _records(self, section: str) -> tuple[Any, ...]:
        if section not in self._objects:
            self._objects[section] = records_from_table(section, self._tables[section]) if section in self._tables else ()
        return self._objects[section]

    def count(self, section: str) -> int:
        """How many records a section holds (without building objects)."""
        if section in self._objects:
            return len(self._objects[section])
        return self._tables[section].height if section in self._tables else 0

    regions = property(lambda self: self._records("regions"))
    units = property(lambda self: self._records("units"))
    officers = property(lambda self: self._records("officers"))
    training = property(lambda self: self._records("training"))
    certificates = property(lambda self: self._records("certificates"))
    task_reports = property(lambda self: self._records("task_reports"))
    events = property(lambda self: self._records("events"))
    cases = property(lambda self: self._records("cases"))
    items = property(lambda self: self._records("items"))
    metrics = property(lambda self: self._records("metrics"))

    def records(self) -> Iterator[tuple[str, tuple[Any, ...]]]:
        for section in SECTIONS:
            yield section, self._records(section)

    def replace(self, **sections: Iterable[Any]) -> Facts:
        """A copy with some sections (fact objects) or the rejections replaced."""
        kwargs: dict[str, Any] = {s: self._records(s) for s in SECTIONS}
        kwargs["rejections"] = self.rejections
        kwargs.update(sections)
        return Facts(**kwargs)

    @property
    def size(self) -> int:
        return sum(self.count(s) for s in SECTIONS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Facts):
            return NotImplemented
        return self.rejections == other.rejections and all(
            self.table(s).equals(other.table(s)) for s in SECTIONS
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(f"{s}={self.count(s)}" for s in SECTIONS if self.count(s))
        return f"Facts({counts}{', ' if counts else ''}rejections={len(self.rejections)})"

    # -- look-ups for the low-volume kinds, built once per Facts ---------------

    @cached_property
    def region_by_id(self) -> dict[str, Region]:
        return {r.id: r for r in self.regions}

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def officer_by_id(self) -> dict[str, Officer]:
        return {o.id: o for o in self.officers}

    @cached_property
    def training_by_officer(self) -> dict[str, list[TrainingRecord]]:
        return _group(self.training, "officer")

    @cached_property
    def certificates_by_officer(self) -> dict[str, list[Certificate]]:
        return _group(self.certificates, "officer")

    @cached_property
    def reports_by_task_unit(self) -> dict[tuple[str, str], list[TaskReport]]:
        out: dict[tuple[str, str], list[TaskReport]] = defaultdict(list)
        for r in self.task_reports:
            out[(r.task, r.unit)].append(r)
        return dict(out)

    @cached_property
    def events_by_kind_subject(self) -> dict[tuple[str, str], list[Event]]:
        out: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for e in self.events:
            out[(e.kind, e.subject)].append(e)
        return dict(out)

    @cached_property
    def metric_by_key(self) -> dict[tuple[str, str, int], Metric]:
        return {(m.name, m.region, m.year): m for m in self.metrics}

    @cached_property
    def children_of_region(self) -> dict[str, list[Region]]:
        return _group(self.regions, "parent")

    def certificate_valid_on(self, officer: str, day: _dt.date) -> bool:
        return any(c.valid_on(day) for c in self.certificates_by_officer.get(officer, ()))

    def region_ancestor(self, region: str, level: Any) -> Region | None:
        """The nearest region above *region* (or itself) at *level*."""
        seen: set[str] = set()
        current = self.region_by_id.get(region)
        while current is not None and current.id not in seen:
            if current.level == level:
                return current
            seen.add(current.id)
            current = self.region_by_id.get(current.parent) if current.parent else None
        return None


def _rejections(rejections: Iterable[Rejection]) -> tuple[Rejection, ...]:
    out = tuple(rejections)
    for i, r in enumerate(out):
        if not isinstance(r, Rejection):
            raise TypeError(f"'rejections'[{i}] must be a Rejection (got {r!r})")
    return out


def _group(records: tuple[Any, ...], key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for r in records:
        out[getattr(r, key)].append(r)
    return dict(out)
