"""The plugin test kit: the pieces every jurisdiction plugin's tests need.

A plugin's tests evaluate one rule at a time on small facts documents, on
every executor available, and check that the plugin's bundled example
exercises every rule on both sides of its boundary. This module holds that
machinery once:

- :data:`ENGINES` and :func:`parametrize_engine` — the executors to run on,
  and a ``pytest_generate_tests`` helper that parametrizes ``engine``;
- :func:`run_rule`, :func:`status_of`, :class:`Bench` — evaluate one rule of
  a rulebook on a facts document (with the jurisdiction's regions and units
  added) and read the one status of a subject;
- :func:`training_records`, :func:`assert_inherited` and
  :func:`fixture_settings` — small builders and checks;
- :class:`ExampleCoverage` — what an example facts document shows, rule by
  rule and day by day, with assertion helpers;
- :class:`ExampleChecks` and :class:`DeclarationChecks` — test classes to
  subclass in a plugin's tests: the example checks and the declaration
  checks (quotes verbatim, overrides recorded, README complete, never weaker
  than the parent).

Nothing here imports pytest at run time; see ``docs/testing-plugins.md``,
section "The plugin test kit".
"""

from __future__ import annotations

import datetime as _dt
import functools
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

import attrs
from hypothesis import HealthCheck, settings

from ..compile import compile_rule
from ..deadlines import DeadlinePolicy
from ..evaluate import evaluate
from ..facts import Level
from ..factset import Facts
from ..findings import Finding, Status
from ..jurisdiction import Intent, Jurisdiction, Override
from ..kinds import RecurringCount
from ..loading import load_facts
from ..registry import Registry
from ..report import Report
from ..rulebook import ResolvedRule, Rulebook
from ..rules import Subject
from .conformance import durable_available
from .weaker import assert_never_weaker

if TYPE_CHECKING:
    import pytest

    from ..citation import Citation

__all__ = [
    "Bench",
    "DeclarationChecks",
    "ENGINES",
    "ExampleChecks",
    "ExampleCoverage",
    "FactsLike",
    "RuleRunner",
    "assert_inherited",
    "bench_fixtures",
    "bound_only_on_national_bodies",
    "clean_facts",
    "fixture_settings",
    "parametrize_engine",
    "producible",
    "quoted_in_order",
    "run_rule",
    "status_of",
    "training_records",
]

#: Every executor a plugin's tests should run on here: the columnar executor
#: (the default), the Python oracle, and durable-rules where its executor
#: module exists and durable-rules imports (it does not on Python 3.13+).
ENGINES: tuple[str, ...] = (
    ("columnar", "python", "durable") if durable_available() and sys.version_info < (3, 13) else ("columnar", "python")
)

#: A facts document as parsed JSON, or facts already loaded.
FactsLike = Mapping[str, Any] | Facts | str | Path


def parametrize_engine(
    metafunc: pytest.Metafunc, engines: Sequence[str] = ENGINES, *,
    scope: Literal["session", "package", "module", "class", "function"] = "module",
) -> None:
    """Parametrize the argument ``engine`` of every test that takes one.

    Call it from a conftest's ``pytest_generate_tests``. A parameter rather
    than a fixture, so hypothesis tests can take it too; module scope, so a
    module-scoped fixture (an evaluated example) can depend on it.
    """
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", list(engines), scope=scope)


def clean_facts(facts: FactsLike, base: Mapping[str, Any] | None = None) -> Facts:
    """*facts* loaded, with the sections of *base* added where the document has none.

    A test's facts must load whole: a rejected record would silently drop
    out of the evaluation, so any rejection raises ``AssertionError`` naming
    where it is. Facts already loaded are checked the same way (*base* does
    not apply to them).
    """
    if isinstance(facts, (str, Path)):  # a facts file or directory, loaded as the CLI loads it
        loaded = load_facts(Path(facts))
    else:
        loaded = facts if isinstance(facts, Facts) else load_facts({**(base or {}), **facts})
    if loaded.rejections:
        raise AssertionError("facts rejected: " + "; ".join(str(r) for r in loaded.rejections))
    return loaded


def run_rule(
    rulebook: Rulebook,
    rule_id: str,
    facts: FactsLike,
    as_of: _dt.date,
    engine: str = "python",
    policy: DeadlinePolicy | None = None,
) -> list[Finding]:
    """The findings of rule *rule_id* alone, as the rulebook resolves it, on *facts*."""
    one = attrs.evolve(rulebook, rules=(rulebook.get(rule_id),))
    findings = list(evaluate(one, clean_facts(facts), as_of, engine=engine, policy=policy).findings)
    strays = sorted({f.rule_id for f in findings} - {rule_id})
    if strays:
        raise AssertionError(f"evaluating {rule_id} alone gave findings of {strays}")
    return findings


def status_of(findings: Iterable[Finding], subject: str, period: str | None = None, *, rule_id: str | None = None) -> Status:
    """The one status for *subject* (and *period*, and *rule_id*) among *findings*.

    Raises ``AssertionError`` listing what there is when there is not
    exactly one such finding.
    """
    pool = [f for f in findings if rule_id is None or f.rule_id == rule_id]
    hits = [f.status for f in pool if f.subject == subject and (period is None or f.period == period)]
    if len(hits) != 1:
        raise AssertionError((rule_id, subject, period, [(f.subject, f.period, f.status) for f in pool]))
    return hits[0]


class RuleRunner(Protocol):
    """``run(rule_id, doc, as_of, policy=None)`` → that rule's findings (see :meth:`Bench.runner`)."""

    def __call__(self, rule_id: str, doc: FactsLike, as_of: _dt.date, policy: DeadlinePolicy | None = None) -> list[Finding]: ...


@attrs.frozen
class Bench:
    """One rule at a time, on facts documents that share a jurisdiction's regions and units.

    *regions* and *units* are added to every document that has no section of
    its own by that name; *as_of* is the day used where a call names none.
    """

    regions: Sequence[Mapping[str, Any]] = ()
    units: Sequence[Mapping[str, Any]] = ()
    as_of: _dt.date | None = None

    def facts(self, doc: FactsLike) -> Facts:
        """*doc* loaded with this bench's regions and units (see :func:`clean_facts`)."""
        base = {name: list(records) for name, records in (("regions", self.regions), ("units", self.units)) if records}
        return clean_facts(doc, base)

    def run(
        self, rulebook: Rulebook, rule_id: str, doc: FactsLike, as_of: _dt.date | None = None,
        engine: str = "python", policy: DeadlinePolicy | None = None,
    ) -> list[Finding]:
        """:func:`run_rule` on *doc* with this bench's regions and units."""
        day = as_of or self.as_of
        if day is None:
            raise TypeError("no as_of: pass one, or give the Bench a default")
        return run_rule(rulebook, rule_id, self.facts(doc), day, engine=engine, policy=policy)

    def status(
        self, rulebook: Rulebook, rule_id: str, doc: FactsLike, subject: str, period: str | None = None, *,
        as_of: _dt.date | None = None, engine: str = "python", policy: DeadlinePolicy | None = None,
    ) -> Status:
        """The one status of *subject* (and *period*) under rule *rule_id*."""
        return status_of(self.run(rulebook, rule_id, doc, as_of, engine=engine, policy=policy), subject, period)

    def runner(self, rulebook: Rulebook, engine: str = "python") -> RuleRunner:
        """``run(rule_id, doc, as_of, policy=None)`` bound to *rulebook* and *engine*."""

        def run(rule_id: str, doc: FactsLike, as_of: _dt.date, policy: DeadlinePolicy | None = None) -> list[Finding]:
            return self.run(rulebook, rule_id, doc, as_of, engine=engine, policy=policy)

        return run


def bench_fixtures(bench: Bench, *jurisdictions: str) -> dict[str, object]:
    """Session-scoped pytest fixtures for a plugin's conftest, by name:

    ``registry`` (one discovering :class:`~enforcerules.Registry`), one per
    jurisdiction named — its rulebook, under its id — ``run``
    (:meth:`Bench.run`), ``status_of`` (:meth:`Bench.status`) and ``train``
    (:func:`training_records`). Put them into the conftest with
    ``globals().update(bench_fixtures(BENCH, "shanxi", "national"))``.
    """
    import pytest  # only where a conftest asks: the kit itself needs no pytest

    def registry() -> Registry:
        return Registry()

    def rulebook_of(jid: str) -> Callable[[Registry], Rulebook]:
        def rulebook(registry: Registry) -> Rulebook:
            return registry.rulebook(jid)

        return rulebook

    def run() -> Callable[..., list[Finding]]:
        return bench.run

    def status() -> Callable[..., Status]:
        return bench.status

    def train() -> Callable[..., list[dict[str, Any]]]:
        return training_records

    makers: dict[str, Callable[..., object]] = {
        "registry": registry, **{jid: rulebook_of(jid) for jid in jurisdictions},
        "run": run, "status_of": status, "train": train,
    }
    return {name: pytest.fixture(scope="session", name=name)(maker) for name, maker in makers.items()}


def training_records(officer: str, year: int, **hours_by_category: float) -> list[dict[str, Any]]:
    """Training records of *officer* in *year*, one per category: ``public_law=30, business=15``.

    Each is held on 10 May at 09:00 China time, well inside the year.
    """
    return [
        {"id": f"{officer}-{year}-{category}", "officer": officer, "hours": hours,
         "category": category, "held_at": f"{year}-05-10T09:00:00"}
        for category, hours in hours_by_category.items()
    ]


def assert_inherited(rulebook: Rulebook, rule_id: str, parent: str = "national") -> ResolvedRule:
    """The rule *rule_id*, checked to be *parent*'s, not overridden on the way down."""
    resolved = rulebook.get(rule_id)
    if (resolved.declared_by, resolved.overrides) != (parent, ()):
        raise AssertionError((rule_id, resolved.declared_by, resolved.overridden_by))
    return resolved


def fixture_settings(max_examples: int = 30) -> settings:
    """hypothesis settings for a ``@given`` test that also takes function-scoped fixtures.

    Safe when the fixtures only build runners: nothing they hold changes
    between examples.
    """
    return settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=max_examples)


# -- example coverage -----------------------------------------------------------


def producible(resolved: ResolvedRule, policy: DeadlinePolicy | None = None) -> set[Status]:
    """The statuses a rule's branches can give.

    A yearly count (:class:`~enforcerules.kinds.RecurringCount`) gives
    ``not_applicable`` only for officers (out of post); units and regions
    are always in service.
    """
    rule = resolved.rule
    out = set(compile_rule(rule, policy or DeadlinePolicy()).statuses)
    if isinstance(rule.spec, RecurringCount) and rule.scope.subject is not Subject.OFFICER:
        out.discard(Status.NOT_APPLICABLE)
    return out


def bound_only_on_national_bodies(resolved: ResolvedRule) -> bool:
    """The rule binds national bodies only, which a local facts document has none of."""
    return resolved.rule.scope.levels == (Level.NATIONAL,)


#: Statuses evaluation itself gives, whatever a rule's branches say.
_FROM_EVALUATION = frozenset({Status.OUT_OF_PERIOD, Status.INSUFFICIENT_DATA})
_FAILING = frozenset({Status.VIOLATION, Status.LATE, Status.PENDING})


@attrs.frozen
class ExampleCoverage:
    """What an example facts document shows: the report of each as-of day, by rule.

    Build it with :meth:`measure`; read it with :meth:`at`, :meth:`shown`,
    :meth:`subjects` and :meth:`findings`; check it with the ``assert_…``
    methods, each of which lists every offending rule.
    """

    rulebook: Rulebook
    facts: Facts
    reports: Mapping[_dt.date, Report]
    engine: str
    #: Check only the rules whose text is the rulebook's own jurisdiction's.
    own_only: bool = False

    @classmethod
    def measure(
        cls, jurisdiction: str | Rulebook, example: Path | str | Mapping[str, Any] | Facts,
        as_of_days: Sequence[_dt.date], engine: str = "python", *, registry: Registry | None = None,
    ) -> ExampleCoverage:
        """Evaluate the whole rulebook on *example* as of each day; the example must load whole."""
        book = jurisdiction if isinstance(jurisdiction, Rulebook) else (registry or Registry()).rulebook(jurisdiction)
        facts = clean_facts(example if isinstance(example, Mapping | Facts) else load_facts(Path(example)))
        return cls(book, facts, {day: evaluate(book, facts, day, engine=engine) for day in as_of_days}, engine)

    @property
    def days(self) -> tuple[_dt.date, ...]:
        return tuple(self.reports)

    def findings(self, rule_id: str, day: _dt.date) -> list[Finding]:
        """The findings of one rule as of *day*."""
        return [f for f in self.reports[day].findings if f.rule_id == rule_id]

    def at(self, rule_id: str, *days: _dt.date) -> set[Status]:
        """The statuses rule *rule_id* shows as of *days* (every measured day if none)."""
        return {f.status for day in days or self.days for f in self.findings(rule_id, day)}

    def shown(self, *days: _dt.date) -> set[Status]:
        """The statuses any rule shows as of *days* (every measured day if none)."""
        return {f.status for day in days or self.days for f in self.reports[day].findings}

    def subjects(self, rule_id: str) -> set[str]:
        """The subjects rule *rule_id* judged on any measured day.

        The ``*`` of a rule-wide finding (no subjects, not yet in effect) is not a subject.
        """
        return {f.subject for day in self.days for f in self.findings(rule_id, day) if f.subject != "*"}

    def checked(self) -> list[ResolvedRule]:
        """The rules the ``assert_…`` methods hold to the example: all but a parent's rule
        kept for the days before a local override took effect (its own example covers it)."""
        jid = self.rulebook.jurisdiction.id
        return [r for r in self.rulebook if r.superseded_by is None and (not self.own_only or r.jurisdiction == jid)]

    def _fail(self, what: str, offenders: Mapping[str, object]) -> None:
        if offenders:
            lines = "\n".join(f"  {rule_id}: {detail}" for rule_id, detail in offenders.items())
            raise AssertionError(f"{self.rulebook.jurisdiction.id} example ({self.engine}): {what}:\n{lines}")

    def assert_every_rule_seen_on_both_sides(self) -> None:
        """Every rule shows two statuses or more over the measured days.

        A rule bound only on bodies above the jurisdiction shows exactly
        ``not_applicable`` instead (a local document holds none, and it is not
        a local duty); in the national rulebook a rule bound only on national
        bodies shows ``insufficient_data`` when the example holds none.
        """
        offenders: dict[str, object] = {}
        for resolved in self.checked():
            seen = self.at(resolved.id)
            if resolved.above_jurisdiction:
                if seen != {Status.NOT_APPLICABLE}:
                    offenders[resolved.id] = f"bound on bodies above the jurisdiction only, yet shows {_names(seen)}"
            elif bound_only_on_national_bodies(resolved):
                if seen != {Status.INSUFFICIENT_DATA}:
                    offenders[resolved.id] = f"bound on national bodies only, yet shows {_names(seen)}"
            elif len(seen) < 2:
                offenders[resolved.id] = f"shows only {_names(seen)}"
        self._fail("rules not seen on both sides of their boundary", offenders)

    def assert_rules_with_several_subjects_show_every_status(self) -> None:
        """Every rule that judged more than one subject shows every status it can produce."""
        offenders = {
            r.id: f"never shows {_names(missing)}"
            for r in self.checked()
            if len(self.subjects(r.id)) > 1 and (missing := producible(r) - self.at(r.id))
        }
        self._fail("statuses never shown", offenders)

    def assert_pending_where_possible(self, *days: _dt.date) -> None:
        """Every rule that can be pending (and binds local bodies) is pending as of one of *days*."""
        offenders = {
            r.id: f"not pending on {', '.join(map(str, days))}"
            for r in self.checked()
            if Status.PENDING in producible(r) and not bound_only_on_national_bodies(r)
            and Status.PENDING not in self.at(r.id, *days)
        }
        self._fail("pending never shown", offenders)

    def assert_every_status_appears(self, day: _dt.date) -> None:
        """As of *day* the example shows exactly every status the rulebook can give: all eight."""
        possible = set().union(*(producible(r) for r in self.rulebook)) | _FROM_EVALUATION
        shown = self.shown(day)
        if not shown == possible == set(Status):
            raise AssertionError(
                f"as of {day}: shown {_names(shown)}, possible {_names(possible)}, "
                f"missing {_names(set(Status) - shown)}"
            )

    def assert_shows(self, statuses: Iterable[Status], *days: _dt.date) -> None:
        """Each of *statuses* appears among the findings as of *days*."""
        missing = set(statuses) - self.shown(*days)
        if missing:
            raise AssertionError(f"never shown as of {days or self.days}: {_names(missing)}")

    def assert_failing_side_shown(self, day: _dt.date, jurisdiction: str | None = None) -> None:
        """Every rule whose text is *jurisdiction*'s (default: the rulebook's own) shows
        violation, late or pending as of *day*, unless it judged a single subject."""
        jid = jurisdiction or self.rulebook.jurisdiction.id
        offenders = {
            r.id: f"shows {_names(self.at(r.id, day))} on {day}"
            for r in self.rulebook
            if r.jurisdiction == jid and not self.at(r.id, day) & _FAILING and len(self.subjects(r.id)) != 1
        }
        self._fail("no failing side shown", offenders)


def _names(statuses: Iterable[Status]) -> list[str]:
    return sorted(s.value for s in statuses)


@functools.cache
def _measured(jurisdiction: str, example: Path, days: tuple[_dt.date, ...], engine: str, registry: Registry) -> ExampleCoverage:
    return ExampleCoverage.measure(jurisdiction, example, days, engine, registry=registry)


@functools.cache
def _discovering_registry() -> Registry:
    """One discovering registry for the test classes below (rulebooks are cached in it)."""
    return Registry()


class ExampleChecks:
    """The example checks, as a test class to subclass in a plugin's tests::

        class TestExample(ExampleChecks):
            jurisdiction = "shanxi"
            example = Path(__file__).resolve().parents[3] / "examples" / "shanxi.json"

    Each test takes ``engine`` (parametrize it with :func:`parametrize_engine`);
    the example is evaluated once per engine as of :attr:`as_of` and
    :attr:`early`.
    """

    jurisdiction: ClassVar[str]
    example: ClassVar[Path]
    #: When every dated obligation has come due.
    as_of: ClassVar[_dt.date] = _dt.date(2026, 11, 23)
    #: When dated obligations are still open.
    early: ClassVar[_dt.date] = _dt.date(2023, 12, 1)
    #: Further days on which some obligations are open (e.g. a yearly duty
    #: whose first year starts after :attr:`early`); pending may show on any.
    also_early: ClassVar[tuple[_dt.date, ...]] = ()
    #: The registry to load from (default: one discovering installed plugins).
    registry: ClassVar[Registry | None] = None
    #: Hold only the rules whose text is this jurisdiction's to the example (inherited
    #: rules are the parent's example's to show); the default holds every rule.
    own_rules_only: ClassVar[bool] = False

    def coverage(self, engine: str) -> ExampleCoverage:
        """The example measured on *engine* (once per class attributes and engine)."""
        registry = self.registry or _discovering_registry()
        seen = _measured(self.jurisdiction, Path(self.example), (self.as_of, self.early, *self.also_early), engine, registry)
        return attrs.evolve(seen, own_only=True) if self.own_rules_only else seen

    def test_every_rule_is_seen_on_both_sides_of_its_boundary(self, engine: str) -> None:
        self.coverage(engine).assert_every_rule_seen_on_both_sides()

    def test_rules_with_several_subjects_show_every_status_they_can_produce(self, engine: str) -> None:
        self.coverage(engine).assert_rules_with_several_subjects_show_every_status()

    def test_pending_is_shown_as_of_an_earlier_day_wherever_a_rule_can_be_pending(self, engine: str) -> None:
        self.coverage(engine).assert_pending_where_possible(self.early, *self.also_early)

    def test_every_status_the_rulebook_can_produce_appears_as_of_the_late_day(self, engine: str) -> None:
        self.coverage(engine).assert_every_status_appears(self.as_of)

    def test_every_rule_of_this_jurisdiction_shows_a_failing_side_as_of_the_late_day(self, engine: str) -> None:
        self.coverage(engine).assert_failing_side_shown(self.as_of)


# -- the declaration as a whole -------------------------------------------------


def quoted_in_order(quote: str, source: str) -> bool:
    """Every segment of *quote* (elisions written "……") occurs in *source*, in order."""
    at = 0
    for segment in quote.split("……"):
        at = source.find(segment, at)
        if at < 0:
            return False
        at += len(segment)
    return True


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


class DeclarationChecks:
    """The declaration checks, as a test class to subclass in a plugin's tests::

        class TestDeclaration(DeclarationChecks):
            jurisdiction = enforcerules_shanxi.JURISDICTION
            inherited = plan.INHERITED        # rule id -> (clause, why), optional
            source = <the plan's text>
            readme = <the plugin's README.md>

    Checks that the plugin is installed under its entry point, every quote is
    the plan's text (elisions "……" in order), every override is recorded with
    its intent and note, inherited rules are the parent's unchanged (and any
    plan text their reason quotes is verbatim), added rules live under the
    jurisdiction's namespace with a note, declined rows have a clause and a
    reason, the README lists every row, and the plugin is never weaker than
    its parent except where it declared a relaxation.
    """

    jurisdiction: ClassVar[Jurisdiction]
    source: ClassVar[str]
    readme: ClassVar[str]
    inherited: ClassVar[Mapping[str, tuple[str, str]]] = {}
    #: The entry point name (default: the jurisdiction id).
    entry_point: ClassVar[str | None] = None
    #: hypothesis examples per changed rule in the never-weaker search.
    never_weaker_examples: ClassVar[int] = 60
    #: The registry to load from (default: one discovering installed plugins).
    registry: ClassVar[Registry | None] = None
    #: Hold only the rules whose text is this jurisdiction's to the example (inherited
    #: rules are the parent's example's to show); the default holds every rule.
    own_rules_only: ClassVar[bool] = False

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        j = self.jurisdiction
        citations = [*(r.citation for r in j.rules), *(o.citation for o in j.overrides)]
        table: dict[str, tuple[Sequence[object], Callable[[Any], str]]] = {
            "citation": (citations, lambda c: f"{c.clause}:{c.quote[:12]}"),
            "override": (j.overrides, lambda o: str(o.rule_id)),
            "rule_id": (sorted(self.inherited), str),
        }
        for name, (values, ids) in table.items():
            if name in metafunc.fixturenames:
                metafunc.parametrize(name, values, ids=ids)

    def _registry(self) -> Registry:
        return self.registry or _discovering_registry()

    def _books(self) -> tuple[Rulebook, Rulebook]:
        j = self.jurisdiction
        if j.parent is None:
            raise AssertionError(f"{j.id} has no parent to compare with")
        return self._registry().rulebook(j.id), self._registry().rulebook(j.parent)

    def test_the_plugin_is_installed_under_its_entry_point(self) -> None:
        jid = self.jurisdiction.id
        assert self._registry().plugin_of(jid) == (self.entry_point or jid)

    def test_every_quote_is_the_plan_text_verbatim(self, citation: Citation) -> None:
        assert citation.document == self.jurisdiction.documents[0].id
        assert quoted_in_order(citation.quote, self.source), citation.quote

    def test_every_override_is_recorded_with_its_intent(self, override: Override) -> None:
        book, parent = self._books()
        resolved, before = book.get(override.rule_id), parent.get(override.rule_id)
        assert resolved.declared_by == before.declared_by, (resolved.declared_by, before.declared_by)
        assert resolved.overridden_by == (*before.overridden_by, self.jurisdiction.id), resolved.overridden_by
        assert len(resolved.overrides) == len(before.overrides) + 1
        record = resolved.overrides[-1]
        assert record.intent is override.intent and record.citation == override.citation, record
        assert record.previous == before.rule
        assert resolved.rule.note == override.note != "", resolved.rule.note

    def test_inherited_rules_are_the_parent_rules_unchanged(self, rule_id: str) -> None:
        book, parent = self._books()
        resolved, before = book.get(rule_id), parent.get(rule_id)
        assert (resolved.declared_by, resolved.overrides) == (before.declared_by, before.overrides), rule_id
        assert resolved.rule == before.rule, rule_id
        _clause, why = self.inherited[rule_id]
        for quoted in why.split("'")[1::2]:  # any plan text the reason quotes is verbatim
            if "……" in quoted:
                assert quoted_in_order(quoted, self.source), quoted
            elif _has_han(quoted):
                assert quoted in self.source, quoted

    def test_added_rules_are_declared_under_the_jurisdiction_namespace(self) -> None:
        jid = self.jurisdiction.id
        book, _parent = self._books()
        for rule in self.jurisdiction.rules:
            assert rule.id.startswith(f"{jid}.") and book.get(rule.id).declared_by == jid, rule.id
            assert rule.note, rule.id

    def test_every_rule_of_the_rulebook_is_added_overridden_inherited_or_the_parents_untouched(self) -> None:
        j = self.jurisdiction
        book, parent = self._books()
        ours = {r.id for r in j.rules} | {o.rule_id for o in j.overrides} | set(self.inherited)
        # A parent's rule kept for the days before an override took effect (rulebook.resolve).
        ours |= {r.id for r in book if r.superseded_by in {o.rule_id for o in j.overrides}}
        # What the plan neither restates nor changes is the parent's text as is.
        changed = [
            r.id for r in book
            if r.id not in ours
            and (r.id not in parent or (r.declared_by, r.overrides) != (parent.get(r.id).declared_by, parent.get(r.id).overrides))
        ]
        assert changed == [], changed

    def test_declined_rows_have_a_clause_and_a_reason(self) -> None:
        # A plugin may decline nothing; every row it has says where and why.
        for row in self.jurisdiction.declined:
            assert row.clause and row.summary and len(row.reason) > 20

    def test_readme_lists_every_rule_override_inherited_rule_and_declined_row(self) -> None:
        j, readme = self.jurisdiction, self.readme
        for rule in j.rules:
            assert f"`{rule.id}`" in readme, rule.id
        for override in j.overrides:
            assert f"`{override.rule_id}`" in readme and override.intent.name in readme
        for rule_id in self.inherited:
            assert f"`{rule_id}`" in readme, rule_id
        for row in j.declined:
            assert row.summary in readme, row.summary

    def test_never_weaker_than_parent_except_where_declared_relax(self) -> None:
        j = self.jurisdiction
        assert j.parent is not None
        report = assert_never_weaker(j.id, j.parent, self._registry(), max_examples=self.never_weaker_examples)
        relaxed = {o.rule_id for o in j.overrides if o.intent is Intent.RELAX}
        assert {w.rule_id for w in report.weakenings} <= relaxed
        assert all(w.declared for w in report.weakenings)


def _check_exports() -> None:
    """The export list is sorted, names only what is here, and every public
    class and function defined here."""
    defined = {
        name for name, value in globals().items()
        if not name.startswith("_") and getattr(value, "__module__", None) == __name__
    }
    assert __all__ == sorted(__all__), f"__all__ of {__name__} is not sorted"
    assert set(__all__) <= set(globals()), f"__all__ of {__name__} names what is not here: {sorted(set(__all__) - set(globals()))}"
    assert defined <= set(__all__), f"__all__ of {__name__} misses {sorted(defined - set(__all__))}"


_check_exports()
