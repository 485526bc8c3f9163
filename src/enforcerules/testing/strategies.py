"""Hypothesis strategies for enforcerules facts, shaped to a rulebook's boundaries.

Once ``enforcerules`` is installed, ``st.from_type(enforcerules.Officer)``
(and every other fact class, and :class:`~enforcerules.Facts`) works in any
interpreter: the ``hypothesis`` entry point calls
:func:`_hypothesis_setup_hook`, which registers the strategies below.

Strategies take an optional *source* — a :class:`~enforcerules.Rulebook`,
rules, or ``None`` — and cluster what they draw around its boundaries:

- :func:`boundary_dates` / :func:`cst_midnight_datetimes`: deadlines under
  every reading, month/year ends, 中旬 days 10/11/20/21, statutory holidays,
  and aware datetimes in other zones a few minutes either side of China-time
  midnight;
- :func:`training_histories`: an officer's records for a year summing to
  exactly a threshold of the rulebook's ``AnnualTrainingHours`` rules, one
  millionth of an hour (the comparison's resolution) or 0.004 h (under the
  old hundredths rounding) below or above it, or far off, across categories;
- :func:`art33_cases`: penalty cases at and next to the 《行政处罚法》 art. 33
  conditions (first violation, harm none/minor, prompt correction, no fault);
- :func:`facts_for`: whole, referentially valid fact sets (officers belong to
  units, training to officers…) with task reports, events and metrics for the
  rulebook's own task keys, event kinds and metric names;
- :func:`malformed_documents`: JSON facts documents with one deliberate fault,
  each paired with the location and reason the loader must report.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, ClassVar

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from ..chinatime import CST
from ..factset import Facts
from ..facts import (
    FACT_KINDS,
    Case,
    CaseOutcome,
    Certificate,
    EnforcementItem,
    Event,
    Harm,
    ItemBasis,
    ItemOpinion,
    Level,
    Metric,
    Officer,
    Region,
    TaskReport,
    TrainingCategory,
    TrainingRecord,
    Unit,
    UnitKind,
)
from ..findings import Rejection
from ..kinds.training import MICRO
from ..rules import Subject
from .dates import DAY_MAX, DAY_MIN, ZONES
from .hints import FIELDS, Hints, at_or_below, hints_for

__all__ = [
    "MalformedDocument",
    "art33_cases",
    "as_of_dates",
    "boundary_dates",
    "case_records",
    "certificate_records",
    "cst_midnight_datetimes",
    "event_records",
    "facts_for",
    "item_records",
    "malformed_documents",
    "metric_records",
    "officer_records",
    "region_records",
    "task_report_records",
    "training_histories",
    "training_records",
    "unit_records",
]

_IDS = st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True)
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
_PLAN_YEARS = (2023, 2024, 2025, 2026)


# -- days and instants ---------------------------------------------------------


def boundary_dates(
    source: Any = None, *, min_value: _dt.date = DAY_MIN, max_value: _dt.date = DAY_MAX
) -> st.SearchStrategy[_dt.date]:
    """Days, mostly boundary days of *source* (see :mod:`enforcerules.testing.dates`)."""
    return _boundary_dates(hints_for(source), min_value, max_value)


def _boundary_dates(h: Hints, lo: _dt.date = DAY_MIN, hi: _dt.date = DAY_MAX) -> st.SearchStrategy[_dt.date]:
    return _dates_between(h.days, lo, hi)


@lru_cache(maxsize=512)
def _dates_between(days: tuple[_dt.date, ...], lo: _dt.date, hi: _dt.date) -> st.SearchStrategy[_dt.date]:
    """Built once per range: constructing strategies inside draws is the slow part."""
    keys = [d for d in days if lo <= d <= hi]
    anywhere = st.dates(min_value=lo, max_value=hi)
    return st.one_of(st.sampled_from(keys), anywhere) if keys else anywhere


def as_of_dates(source: Any = None) -> st.SearchStrategy[_dt.date]:
    """Evaluation days from the plan's issue to the end of the data range, at boundaries."""
    return boundary_dates(source, min_value=_dt.date(2023, 8, 9))


def cst_midnight_datetimes(
    days: st.SearchStrategy[_dt.date] | None = None, *, minutes: int = 90
) -> st.SearchStrategy[_dt.datetime]:
    """Instants within *minutes* of China-time midnight, in assorted zones.

    An instant 30 minutes before midnight in Beijing is 15:30 UTC of the same
    day; 30 minutes after it is still the previous day in UTC. Datetimes are
    expressed in UTC, America/New_York-like −5, +9, +5:30, −10 and CST itself,
    so code that takes ``.date()`` before converting to CST gets caught.
    """
    return st.builds(
        _near_midnight,
        days if days is not None else boundary_dates(),
        st.integers(-minutes, minutes),
        st.sampled_from(ZONES),
    )


def _near_midnight(day: _dt.date, offset_minutes: int, zone: _dt.tzinfo) -> _dt.datetime:
    midnight = _dt.datetime.combine(day, _dt.time(), CST)
    return (midnight + _dt.timedelta(minutes=offset_minutes)).astimezone(zone)


# -- single records (valid on their own; references are free strings) ----------


def _tuple(ids: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if ids is None else tuple(ids)


def _ref(ids: Sequence[str] | None) -> st.SearchStrategy[str]:
    return st.sampled_from(list(ids)) if ids else _IDS


def region_records(parent_ids: Sequence[str] | None = None) -> st.SearchStrategy[Region]:
    parent = st.none() | _ref(parent_ids) if parent_ids is None or parent_ids else st.none()
    return st.builds(
        Region, id=_IDS, name=_TEXT, level=st.sampled_from(Level), parent=parent,
        designations=st.lists(_IDS, max_size=2).map(tuple),
    )


def unit_records(region_ids: Sequence[str] | None = None) -> st.SearchStrategy[Unit]:
    region = st.none() | _ref(region_ids) if region_ids is None or region_ids else st.none()
    return st.builds(
        Unit, id=_IDS, name=_TEXT, kind=st.sampled_from(UnitKind), level=st.sampled_from(Level),
        region=region, field=st.none() | st.sampled_from(FIELDS),
    )


_OFFSETS = st.one_of(st.sampled_from([0, 1, 30, 365]), st.integers(0, 3000))


def _after(draw: st.DrawFn, day: _dt.date) -> _dt.date:
    """A day on or after *day* (not past the data range), without building strategies per draw."""
    return min(day + _dt.timedelta(days=draw(_OFFSETS)), max(day, DAY_MAX))


@lru_cache(maxsize=256)
@st.composite
def _officer(draw: st.DrawFn, unit_ids: tuple[str, ...] | None, h: Hints) -> Officer:
    hired = draw(_boundary_dates(h, _dt.date(2015, 1, 1), DAY_MAX))
    left = _after(draw, hired) if draw(st.booleans()) else None
    return Officer(
        id=draw(_IDS), unit=draw(_ref(unit_ids)), hired_on=hired, name=draw(_TEXT),
        township=draw(st.booleans()), left_on=left,
        leave_reason=draw(st.sampled_from(["transfer", "retirement", "dismissal"])) if left else None,
    )


def officer_records(unit_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[Officer]:
    return _officer(_tuple(unit_ids), hints_for(source))


def training_records(officer_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[TrainingRecord]:
    h = hints_for(source)
    hours = st.one_of(
        st.sampled_from(sorted({t / MICRO for t in h.hour_thresholds} | {0.0, 0.000001, 0.01, 8.0})),
        st.integers(0, 100_000).map(lambda c: c / 100),
        st.integers(0, 10**9).map(lambda m: m / MICRO),
    )
    held = st.one_of(cst_midnight_datetimes(_boundary_dates(h)), st.datetimes(
        min_value=_dt.datetime(2022, 1, 1), max_value=_dt.datetime(2026, 11, 30),
        timezones=st.none() | st.sampled_from(ZONES),
    ))
    return st.builds(
        TrainingRecord, id=_IDS, officer=_ref(officer_ids), hours=hours,
        category=st.sampled_from(TrainingCategory), held_at=held, organiser=_TEXT,
    )


@lru_cache(maxsize=256)
@st.composite
def _certificate(draw: st.DrawFn, officer_ids: tuple[str, ...] | None, h: Hints) -> Certificate:
    issued = draw(_boundary_dates(h, _dt.date(2015, 1, 1)))
    exam = issued - _dt.timedelta(days=draw(st.integers(-30, 400))) if draw(st.booleans()) else None
    suspended = _after(draw, issued) if draw(st.booleans()) else None
    ended = _after(draw, suspended) if suspended is not None and draw(st.booleans()) else None
    revoked = _after(draw, issued) if draw(st.booleans()) else None
    return Certificate(
        id=draw(_IDS), officer=draw(_ref(officer_ids)), issued_on=issued, exam_passed_on=exam,
        suspended_on=suspended, suspension_ended_on=ended, revoked_on=revoked,
    )


def certificate_records(officer_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[Certificate]:
    return _certificate(_tuple(officer_ids), hints_for(source))


def task_report_records(unit_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[TaskReport]:
    h = hints_for(source)
    task = st.sampled_from(sorted(h.tasks)) if h.tasks else _IDS
    return st.builds(TaskReport, id=_IDS, task=task, unit=_ref(unit_ids), completed_on=_boundary_dates(h))


def event_records(subject_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[Event]:
    h = hints_for(source)
    kind = st.sampled_from(sorted(h.events)) if h.events else _IDS
    return st.builds(Event, id=_IDS, kind=kind, subject=_ref(subject_ids), on=_boundary_dates(h))


@lru_cache(maxsize=256)
@st.composite
def _case(draw: st.DrawFn, unit_ids: Sequence[str] | None, officer_ids: Sequence[str] | None, h: Hints) -> Case:
    decided = draw(_boundary_dates(h))
    handlers: Any = draw(st.lists(_ref(officer_ids), max_size=3, unique=True)) if officer_ids is None or officer_ids else []
    art33 = draw(_art33_flags())
    major = draw(st.booleans())
    review = draw(st.none() | st.integers(-3, 3).map(lambda k: decided + _dt.timedelta(days=k)))
    return Case(
        id=draw(_IDS), unit=draw(_ref(unit_ids)), decided_on=decided,
        field=draw(st.sampled_from(sorted(h.fields | {""}))),
        handling_officers=handlers,
        violation_code=draw(st.none() | st.sampled_from(sorted(h.violation_codes or {"v1"}))),
        mitigating=draw(_mitigating(tuple(sorted(h.circumstances or {"eliminated_harm"})))),
        major=major, legal_review_on=review, cites_discretion_baseline=draw(st.booleans()),
        **art33,
    )


@lru_cache(maxsize=16)
def _mitigating(codes: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.lists(st.sampled_from(codes), max_size=1).map(tuple)


def _art33_flags() -> st.SearchStrategy[dict[str, Any]]:
    """Art. 33 conditions: all met, or exactly one flipped, or anything."""
    exempt = {"first_violation": True, "harm": Harm.MINOR, "corrected_promptly": True,
              "outcome": CaseOutcome.NOT_PENALISED, "no_fault_proven": False}
    flips: list[dict[str, Any]] = [
        {"first_violation": False}, {"harm": Harm.SERIOUS}, {"harm": Harm.NONE},
        {"corrected_promptly": False}, {"outcome": CaseOutcome.PENALISED},
        {"no_fault_proven": True}, {"outcome": CaseOutcome.LIGHTER},
    ]
    anything = st.fixed_dictionaries({
        "first_violation": st.booleans(), "harm": st.sampled_from(Harm),
        "corrected_promptly": st.booleans(), "outcome": st.sampled_from(CaseOutcome),
        "no_fault_proven": st.booleans(),
    })
    return st.one_of(st.sampled_from([exempt, *({**exempt, **f} for f in flips)]), anything)


def case_records(unit_ids: Sequence[str] | None = None, officer_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[Case]:
    return _case(_tuple(unit_ids), _tuple(officer_ids), hints_for(source))


def art33_cases(unit_id: str, officer_ids: Sequence[str] = (), source: Any = None) -> st.SearchStrategy[Case]:
    """Cases of *unit_id* at and next to the art. 33 exemption conditions."""
    return _case((unit_id,), tuple(officer_ids), hints_for(source))


def metric_records(region_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[Metric]:
    h = hints_for(source)
    name = st.sampled_from(sorted(h.metrics)) if h.metrics else _IDS
    years = sorted({y for ys in h.metrics.values() for y in ys} | set(_PLAN_YEARS))
    value = st.one_of(st.sampled_from([0.0, 0.5, 1.0, 5.0]), st.floats(0, 100, allow_nan=False))
    return st.builds(Metric, id=_IDS, name=name, region=_ref(region_ids), year=st.sampled_from(years), value=value)


# -- training histories around thresholds -------------------------------------


@lru_cache(maxsize=256)
@st.composite
def _history(draw: st.DrawFn, officer_id: str, year: int | None, h: Hints, prefix: str) -> list[TrainingRecord]:
    # Years the training rules judge (a local rule may start a year after its parent's).
    year = year if year is not None else draw(st.sampled_from(sorted(h.training_years) or _PLAN_YEARS))
    counted = sorted(h.categories, key=lambda c: c.value)
    others = [c for c in TrainingCategory if c not in h.categories] or list(TrainingCategory)
    threshold = draw(st.sampled_from(sorted(h.hour_thresholds)))
    target = draw(st.sampled_from([
        threshold, threshold - 1, threshold + 1, threshold - 4000, threshold + 4000, 0, threshold // 2, threshold * 2,
    ]))
    pieces = _split(max(target, 0), draw(st.integers(1, 3)), draw(st.integers(0, 10**6)))
    days = _boundary_dates(h, _dt.date(year, 1, 1), _dt.date(year, 12, 31))
    records = []
    for k, micro in enumerate(pieces):
        day = draw(days)
        at = _dt.datetime.combine(day, _dt.time(10), CST) if not draw(st.booleans()) else _inside_day(day, draw(st.sampled_from(ZONES)))
        records.append(TrainingRecord(f"{prefix}{k}", officer_id, micro / MICRO, draw(st.sampled_from(counted)), at))
    for k in range(draw(st.integers(0, 1))):  # hours that must not count
        at = draw(_year_edges(year))
        records.append(TrainingRecord(f"{prefix}x{k}", officer_id, threshold / MICRO, draw(st.sampled_from(others)), at))
    return records


@lru_cache(maxsize=16)
def _year_edges(year: int) -> st.SearchStrategy[_dt.datetime]:
    return cst_midnight_datetimes(st.sampled_from([_dt.date(year, 1, 1), _dt.date(year + 1, 1, 1)]))


def _inside_day(day: _dt.date, zone: _dt.tzinfo) -> _dt.datetime:
    """One minute after China-time midnight of *day*, expressed in *zone* (often the previous calendar day there)."""
    return (_dt.datetime.combine(day, _dt.time(), CST) + _dt.timedelta(minutes=1)).astimezone(zone)


def _split(total: int, parts: int, seed: int) -> list[int]:
    """*total* millionths of an hour in *parts* integer pieces (exact: no float sums)."""
    if parts == 1 or total < parts:
        return [total]
    cuts = sorted({(seed * (i + 7919)) % total for i in range(1, parts)} - {0})
    bounds = [0, *cuts, total]
    return [b - a for a, b in zip(bounds, bounds[1:], strict=False)]


def _sessions(draw: st.DrawFn, h: Hints, units: Sequence[Unit], officers: Sequence[Officer]) -> list[TrainingRecord]:
    """Training sessions units organise: around the rulebook's session counts, each
    attended by one to three officers (one session, one count, however many attend)."""
    year = draw(st.sampled_from(_PLAN_YEARS))
    counted = sorted(h.categories, key=lambda c: c.value) or list(TrainingCategory)
    hours = sorted({t / MICRO for t in h.hour_thresholds} | {1.0, 4.0})
    out: list[TrainingRecord] = []
    for u in units:
        target = draw(st.sampled_from(sorted({0, *h.counts, *(c - 1 for c in h.counts if c > 0), *(c + 1 for c in h.counts)})))
        for k in range(target):
            day = draw(_boundary_dates(h, _dt.date(year, 1, 1), _dt.date(year, 12, 31)))
            at = _dt.datetime.combine(day, _dt.time(10), CST)
            length, category = draw(st.sampled_from(hours)), draw(st.sampled_from(counted))
            for j, o in enumerate(draw(st.lists(st.sampled_from(officers), min_size=1, max_size=3, unique_by=lambda o: o.id))):
                out.append(TrainingRecord(f"{u.id}s{k}a{j}", o.id, length, category, at, organising_unit=u.id, session=f"{u.id}s{k}"))
    return out


def training_histories(
    officer_id: str, source: Any = None, *, year: int | None = None, id_prefix: str = "t"
) -> st.SearchStrategy[list[TrainingRecord]]:
    """An officer's training records for one year, totalling exactly a threshold of
    *source*'s ``AnnualTrainingHours`` rules (or their splits), 0.000001 h or
    0.004 h either side of it, nothing, half or double; plus records in a category that does not count,
    dated within minutes of a year boundary in China time."""
    return _history(officer_id, year, hints_for(source), id_prefix)


# -- whole fact sets ------------------------------------------------------------


@st.composite
def _facts(draw: st.DrawFn, h: Hints, max_units: int, max_officers: int) -> Facts:
    regions = _draw_regions(draw, h) if "regions" in h.needs else []
    region_ids = [r.id for r in regions]
    maybe_region = st.none() | st.sampled_from(region_ids) if region_ids else st.none()
    units = []
    # Other departments (财政局…) matter only to scopes naming them: drawn only then.
    others = [k for k in UnitKind if k not in h.unit_kinds and (k is not UnitKind.DEPARTMENT or h.unit_names)]
    kinds = sorted(h.unit_kinds, key=lambda k: k.value) + others
    levels = h.unit_levels()
    for i in range(draw(st.integers(1, max_units))):
        units.append(Unit(
            id=f"u{i}", name=draw(st.sampled_from([f"单位{i}", *(f"某区{n}" for n in sorted(h.unit_names))])) if h.unit_names else f"单位{i}",
            kind=draw(st.sampled_from(kinds)), level=draw(st.sampled_from(levels)),
            region=draw(maybe_region), field=draw(st.none() | st.sampled_from(sorted(h.fields))),
        ))
    officers = []
    for u in units if "officers" in h.needs else ():
        for k in range(draw(st.integers(0, max_officers))):
            officers.append(attrs.evolve(draw(_officer((u.id,), h)), id=f"{u.id}o{k}"))
    training: list[TrainingRecord] = []
    certificates: list[Certificate] = []
    for o in officers:
        if "training" in h.needs and draw(st.booleans()):
            training.extend(draw(_history(o.id, None, h, f"{o.id}t")))
        for k in range(draw(st.integers(0, 1)) if "certificates" in h.needs else 0):
            certificates.append(attrs.evolve(draw(_certificate((o.id,), h)), id=f"{o.id}c{k}"))
    if "unit_sessions" in h.needs and officers:
        training.extend(_sessions(draw, h, units, officers))
    reports = [
        TaskReport(f"r{i}", task, unit, draw(_boundary_dates(h)))
        for i, (task, unit) in enumerate(draw(st.lists(
            st.tuples(st.sampled_from(sorted(h.tasks)), st.sampled_from([u.id for u in units])), max_size=4, unique=True,
        )) if h.tasks else [])
    ]
    events = _draw_events(draw, h, units, officers, regions)
    officer_ids = [o.id for o in officers]
    cases = [
        attrs.evolve(draw(_case(tuple(u.id for u in units), tuple(officer_ids), h)), id=f"c{i}")
        for i in range(draw(st.integers(0, 2)) if "cases" in h.needs else 0)
    ]
    items = [attrs.evolve(draw(_item(tuple(u.id for u in units), h)), id=f"i{i}")
             for i in range(draw(st.integers(0, 3)) if "items" in h.needs else 0)]
    metrics = [
        Metric(f"m{i}", name, region, year, draw(st.sampled_from([0.0, 1.0, 2.5, 5.0])))
        for i, (name, region, year) in enumerate(draw(st.lists(st.tuples(
            st.sampled_from(sorted(h.metrics)), st.sampled_from(region_ids),
            st.sampled_from(sorted({y for ys in h.metrics.values() for y in ys})),
        ), max_size=4, unique=True)) if h.metrics and region_ids else [])
    ]
    sections: dict[str, Any] = {
        "regions": regions, "units": units, "officers": officers, "training": training, "certificates": certificates,
        "task_reports": reports, "events": events, "cases": cases, "items": items, "metrics": metrics,
    }
    return Facts(**{name: tuple(records) for name, records in sections.items()})


def item_records(unit_ids: Sequence[str] | None = None, source: Any = None) -> st.SearchStrategy[EnforcementItem]:
    """Enforcement items of *unit_ids* (any ids if ``None``) on the clean-up boundaries of *source*'s rules."""
    return _item(_tuple(unit_ids), hints_for(source))


@st.composite
def _item(draw: st.DrawFn, units: tuple[str, ...] | None, h: Hints) -> EnforcementItem:
    """An enforcement item whose history sits on a clean-up boundary: last
    exercised exactly *years* before a key day, a day either side, or never
    (with its basis in force from around then); catalogued and given an
    opinion around the key days, or not at all."""
    day = draw(st.sampled_from(h.days)) if h.days else draw(st.dates(DAY_MIN, DAY_MAX))
    years = draw(st.sampled_from(sorted(h.item_years or {5})))
    edge = day - relativedelta(years=years) + _dt.timedelta(days=draw(st.sampled_from([-1, 0, 1])))
    never = draw(st.booleans())
    opinion = draw(st.none() | st.sampled_from(list(ItemOpinion)))
    return EnforcementItem(
        id="i" if units is not None else draw(_IDS), unit=draw(_ref(units)), name=draw(st.sampled_from(["对甲的处罚", "对乙的检查", "对丙的许可"])),
        basis=draw(st.none() | st.sampled_from(list(ItemBasis))),
        in_force_since=draw(st.none() | st.just(edge)) if never else draw(st.none() | st.just(edge - _dt.timedelta(days=3650))),
        catalogued_on=draw(st.none() | _boundary_dates(h)),
        last_occurred_on=None if never else draw(st.none() | st.just(edge)),
        never_occurred=never,
        opinion=opinion,
        opinion_on=None if opinion is None else draw(_boundary_dates(h)),
    )


def _draw_regions(draw: st.DrawFn, h: Hints) -> list[Region]:
    designated = sorted(h.designations)

    def marks() -> Any:
        return draw(st.lists(st.sampled_from(designated), max_size=1)) if designated else []

    tree = [Region("p0", "省", Level.PROVINCE), Region("p0c0", "市", Level.CITY, "p0")]
    for i in range(draw(st.integers(0, 3))):
        tree.append(Region(f"p0c0k{i}", f"县{i}", Level.COUNTY, "p0c0", marks()))
    for i in range(draw(st.integers(0, 2))):
        tree.append(Region(f"p0c0t{i}", f"乡镇{i}", Level.TOWNSHIP, tree[-1].id, marks()))
    kept = [r for r in tree if at_or_below(r.level, h.within)]
    ids = {r.id for r in kept}
    return [r if r.parent is None or r.parent in ids else attrs.evolve(r, parent=None) for r in kept]


def _draw_events(draw: st.DrawFn, h: Hints, units: list[Unit], officers: list[Officer], regions: list[Region]) -> list[Event]:
    ids = {Subject.UNIT: [u.id for u in units], Subject.OFFICER: [o.id for o in officers],
           Subject.REGION: [r.id for r in regions]}
    pairs = [(kind, sid) for kind, subjects in sorted(h.events.items()) for s in sorted(subjects, key=lambda s: s.value)
             for sid in ids.get(s, ids[Subject.UNIT])]
    if not pairs:
        return []
    chosen = draw(st.lists(st.sampled_from(pairs), max_size=4, unique=True))
    most = max(h.counts) + 1
    events: list[Event] = []
    for kind, sid in chosen:
        year = draw(st.sampled_from(_PLAN_YEARS))
        for k in range(draw(st.integers(0, most))):
            day = draw(_boundary_dates(h, _dt.date(year, 1, 1), min(_dt.date(year, 12, 31), DAY_MAX)))
            events.append(Event(f"e{len(events)}", kind, sid, day))
    return events


def facts_for(
    source: Any = None, *, max_units: int = 3, max_officers: int = 2, within: Level | None = None
) -> st.SearchStrategy[Facts]:
    """Consistent fact sets shaped to *source* (a rulebook, rules, or ``None``).

    Every reference resolves (officers name drawn units, training names drawn
    officers, cases name drawn units and officers, events name subjects of the
    kind their rule binds). Ids are positional (``u0``, ``u0o1``, ``u0o1t0``)
    so shrunk examples read easily. *within* keeps units and regions at or
    below a level (a county plan binds no provincial department).
    """
    return _facts(hints_for(source, within), max_units, max_officers)


# -- malformed JSON documents ----------------------------------------------------


@attrs.frozen
class MalformedDocument:
    """A facts document with one fault and the rejection the loader must report.

    ``reason`` is a prefix of the loader's reason (messages may add detail).
    """

    document: dict[str, Any]
    location: str
    reason: str
    fault: str

    #: The faults :func:`malformed_documents` plants.
    FAULTS: ClassVar[tuple[str, ...]] = (
        "wrong_type", "impossible_date", "unknown_field", "missing_field", "duplicate_id",
        "missing_reference", "not_an_object", "invalid_record", "unknown_section", "section_not_a_list",
    )

    def reported_by(self, rejections: Iterable[Rejection]) -> bool:
        return any(r.location == self.location and r.reason.startswith(self.reason) for r in rejections)


_REFERENCE_FIELDS = {
    ("regions", "parent"), ("units", "region"), ("officers", "unit"), ("training", "officer"),
    ("certificates", "officer"), ("task_reports", "unit"), ("events", "subject"), ("cases", "unit"),
    ("cases", "handling_officers"), ("metrics", "region"), ("items", "unit"),
}


def _json_kind(cls: type, name: str) -> str:
    import typing

    tp = typing.get_type_hints(cls)[name]
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    tp = args[0] if typing.get_origin(tp) is not tuple and args else tp
    if isinstance(tp, type) and issubclass(tp, __import__("enum").Enum):
        return "enum"
    return {str: "str", bool: "bool", int: "int", float: "float", _dt.datetime: "datetime", _dt.date: "date"}.get(tp, "list")


_WRONG = {"str": 123, "bool": "yes", "int": 2024.0, "float": True, "datetime": 20240101, "date": 20240101, "list": "x", "enum": "no_such_value"}
_IMPOSSIBLE = {"date": ("2023-02-30", "not a real date"), "datetime": ("2023-02-30T10:00:00", "not a real date-time")}


@st.composite
def _malformed(draw: st.DrawFn, h: Hints, faults: tuple[str, ...]) -> MalformedDocument:
    from ..loading import facts_to_json

    doc = facts_to_json(draw(_facts(h, 2, 1)))
    sections = [s for s in FACT_KINDS if doc.get(s)]
    fault = draw(st.sampled_from(faults))
    if fault == "unknown_section":
        doc["widgets"] = []
        return MalformedDocument(doc, "$.widgets", "unknown section", fault)
    section = draw(st.sampled_from(sections))
    records = doc[section]
    if fault == "section_not_a_list":
        doc[section] = {"0": records[0]}
        return MalformedDocument(doc, f"$.{section}", "section is not a list", fault)
    i = draw(st.integers(0, len(records) - 1))
    cls, where = FACT_KINDS[section], f"$.{section}[{i}]"
    record = records[i]
    names = [a.name for a in attrs.fields(cls)]
    if fault == "not_an_object":
        records[i] = draw(st.sampled_from([42, "record", None, []]))
        return MalformedDocument(doc, where, "record is not an object", fault)
    if fault == "unknown_field":
        record["colour"] = "red"
        return MalformedDocument(doc, f"{where}.colour", "unknown field", fault)
    if fault == "missing_field":
        name = draw(st.sampled_from([a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING]))
        del record[name]
        return MalformedDocument(doc, f"{where}.{name}", "missing field", fault)
    if fault == "duplicate_id":
        records.append(copy.deepcopy(record))
        return MalformedDocument(doc, f"$.{section}[{len(records) - 1}].id", "duplicate id", fault)
    if fault == "impossible_date":
        dated = [n for n in names if _json_kind(cls, n) in _IMPOSSIBLE]
        if dated:
            name = draw(st.sampled_from(dated))
            record[name], reason = _IMPOSSIBLE[_json_kind(cls, name)]
            return MalformedDocument(doc, f"{where}.{name}", reason, fault)
        fault = "wrong_type"
    if fault == "missing_reference":
        refs = [f for s, f in sorted(_REFERENCE_FIELDS) if s == section]
        if refs:
            name = draw(st.sampled_from(refs))
            record[name] = ["no-such-record"] if _json_kind(cls, name) == "list" else "no-such-record"
            return MalformedDocument(doc, f"{where}.{name}", "missing reference", fault)
        fault = "wrong_type"
    if fault == "invalid_record":
        record["id"] = ""  # parses as a string, fails the identifier validator
        return MalformedDocument(doc, where, "invalid record", fault)
    name = draw(st.sampled_from(names))
    kind = _json_kind(cls, name)
    record[name] = _WRONG[kind]
    return MalformedDocument(doc, f"{where}.{name}", "not an allowed value" if kind == "enum" else "wrong type", "wrong_type")


def malformed_documents(source: Any = None, faults: Sequence[str] | None = None) -> st.SearchStrategy[MalformedDocument]:
    """Facts documents with exactly one planted fault (wrong type, impossible date,
    unknown or missing field, duplicate id, dangling reference, non-object record,
    invalid record, unknown section, non-list section), each paired with the
    rejection location and reason :func:`enforcerules.load_facts` must report.
    *faults* limits the kinds planted (see :attr:`MalformedDocument.FAULTS`);
    a fault a record cannot carry (an impossible date where it has no date
    field) falls back to a wrong type."""
    unknown = set(faults or ()) - set(MalformedDocument.FAULTS)
    if unknown:
        raise ValueError(f"'faults' must be among {MalformedDocument.FAULTS} (got {sorted(unknown)!r})")
    return _malformed(hints_for(source), tuple(faults or MalformedDocument.FAULTS))


# -- registration ---------------------------------------------------------------


def _hypothesis_setup_hook() -> None:
    """Entry point of the ``hypothesis`` group: register strategies for fact types."""
    for cls, strategy in _registered().items():
        st.register_type_strategy(cls, strategy)


def _registered() -> dict[type, st.SearchStrategy[Any]]:
    return {
        Region: region_records(),
        Unit: unit_records(),
        Officer: officer_records(),
        TrainingRecord: training_records(),
        Certificate: certificate_records(),
        TaskReport: task_report_records(),
        Event: event_records(),
        Case: case_records(),
        EnforcementItem: item_records(),
        Metric: metric_records(),
        Facts: facts_for(),
    }


def _check_exports() -> None:
    """Like hypothesis.strategies: the export list is exactly the public names defined here."""
    public = {
        name for name, value in globals().items()
        if not name.startswith("_") and getattr(value, "__module__", None) == __name__
    }
    assert __all__ == sorted(__all__), f"__all__ of {__name__} is not sorted"
    assert set(__all__) == public, f"__all__ of {__name__} differs from its public names: {sorted(set(__all__) ^ public)}"


_check_exports()
