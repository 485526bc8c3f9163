"""A validated set of facts, with the look-ups rules need."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import Any

import attrs

from ._fields import tuple_field as _tuple
from .facts import (
    Case,
    Certificate,
    Event,
    Metric,
    Officer,
    Region,
    TaskReport,
    TrainingRecord,
    Unit,
)
from .findings import Rejection

__all__ = ["Facts"]


@attrs.frozen(slots=False)
class Facts:
    """Everything evaluation reads, plus the records rejected on the way in.

    Build it with :func:`enforcerules.load_facts` (which checks references
    between records) or directly from fact objects.
    """

    regions: tuple[Region, ...] = _tuple(Region)
    units: tuple[Unit, ...] = _tuple(Unit)
    officers: tuple[Officer, ...] = _tuple(Officer)
    training: tuple[TrainingRecord, ...] = _tuple(TrainingRecord)
    certificates: tuple[Certificate, ...] = _tuple(Certificate)
    task_reports: tuple[TaskReport, ...] = _tuple(TaskReport)
    events: tuple[Event, ...] = _tuple(Event)
    cases: tuple[Case, ...] = _tuple(Case)
    metrics: tuple[Metric, ...] = _tuple(Metric)
    rejections: tuple[Rejection, ...] = _tuple(Rejection)

    def records(self) -> Iterator[tuple[str, tuple[Any, ...]]]:
        for a in attrs.fields(Facts):
            if a.name != "rejections":
                yield a.name, getattr(self, a.name)

    @property
    def size(self) -> int:
        return sum(len(r) for _, r in self.records())

    # -- look-ups, built once per Facts ------------------------------------

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


def _group(records: tuple[Any, ...], key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for r in records:
        out[getattr(r, key)].append(r)
    return dict(out)
