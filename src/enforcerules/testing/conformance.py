"""The conformance suite every installed jurisdiction should pass.

:func:`conformance_checks` lists the checks for one jurisdiction; each is a
named callable that raises ``AssertionError`` (hypothesis shrinks property
failures to a minimal fact set first). Run them with one command::

    pytest --enforcerules-conformance=<jurisdiction>

(the pytest plugin shipped with enforcerules), or from Python with
:func:`run_conformance`. The checks:

``loads``
    the plugin loads and the jurisdiction's chain resolves without conflicts;
``rule_cited[<rule id>]``
    each rule has a citation of a document the rulebook knows, the quoted
    text, zh/en titles and an effective period;
``deterministic``
    evaluating the same facts twice, or the facts in another order, gives the
    same findings;
``monotone_hours``
    more training hours never turn a compliant finding into a violation,
    late or pending one;
``monotone_completion``
    completing a task earlier (within the same year) never turns a compliant
    finding into a late or violation one;
``monotone_as_of``
    moving the as-of day forward never turns a violation back into
    compliance;
``json_round_trip``
    ``facts_from_json(facts_to_json(facts))`` gives the same facts, rejecting
    nothing;
``columnar_matches_python``
    the columnar executor (the default) gives exactly the Python executor's
    findings table and findings;
``durable_matches_python``
    (only when ``enforcerules.engine_durable`` exists and durable-rules is
    installed) the durable-rules executor gives exactly the Python
    executor's findings; ``EngineUnavailable`` fails the check;
``never_weaker_than_parent``
    (jurisdictions with a parent) no undeclared weakening, see
    :func:`~enforcerules.testing.never_weaker`.

Fact sets come from :func:`~enforcerules.testing.strategies.facts_for`
shaped to the rulebook; example counts are modest so the suite suits CI.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..evaluate import evaluate
from ..factset import Facts
from ..facts import TrainingCategory, TrainingRecord
from ..findings import Finding, Status
from ..loading import facts_from_json, facts_to_json
from ..registry import Registry
from ..rulebook import Rulebook
from .strategies import as_of_dates, cst_midnight_datetimes, facts_for
from .weaker import never_weaker

__all__ = ["Check", "conformance_checks", "durable_available", "run_conformance"]


@attrs.frozen
class Check:
    """One conformance check of one jurisdiction."""

    jurisdiction: str
    name: str
    run: Callable[[], None] = attrs.field(eq=False, repr=False)

    @property
    def id(self) -> str:
        return f"{self.jurisdiction}::{self.name}"


def durable_available() -> bool:
    """Whether the durable-rules executor module exists and durable-rules is installed."""
    return (importlib.util.find_spec("enforcerules.engine_durable") is not None
            and importlib.util.find_spec("durable") is not None)


def _settings(max_examples: int) -> settings:
    return settings(max_examples=max_examples, database=None, deadline=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))


def _key(f: Finding) -> tuple[str, str, str]:
    return (f.rule_id, f.subject, f.period)


def _statuses(rulebook: Rulebook, facts: Facts, as_of: _dt.date, engine: str = "python") -> dict[tuple[str, str, str], Status]:
    return {_key(f): f.status for f in evaluate(rulebook, facts, as_of, engine=engine).findings}


def _worsened(before: dict[tuple[str, str, str], Status], after: dict[tuple[str, str, str], Status],
              was: set[Status], now_bad: set[Status]) -> list[str]:
    return [f"{k[0]} {k[1]} [{k[2]}]: {before[k].value} → {after[k].value}"
            for k in sorted(before) if k in after and before[k] in was and after[k] in now_bad]


# -- the checks -------------------------------------------------------------------


def _loads(registry: Registry, jid: str) -> Callable[[], None]:
    def run() -> None:
        registry.jurisdiction(jid)
        book = registry.rulebook(jid)
        assert book.jurisdiction.id == jid
    return run


def _rule_cited(book: Rulebook, rule_id: str) -> Callable[[], None]:
    def run() -> None:
        rule = book.get(rule_id).rule
        documents = {d.id for d in book.documents}
        problems = []
        if rule.citation.document not in documents:
            problems.append(f"cites document {rule.citation.document!r}, which no jurisdiction in {book.chain} declares")
        for name, value in (("clause", rule.citation.clause), ("quote", rule.citation.quote),
                            ("title_zh", rule.title_zh), ("title_en", rule.title_en)):
            if not value.strip():
                problems.append(f"has an empty {name}")
        if not rule.effective.start <= rule.effective.end:
            problems.append(f"has an empty effective period {rule.effective}")
        assert not problems, f"rule {rule_id!r} " + "; ".join(problems)
    return run


def _deterministic(book: Rulebook, n: int) -> Callable[[], None]:
    @_settings(n)
    @given(facts_for(book), as_of_dates(book), st.randoms(use_true_random=False))
    def run(facts: Facts, as_of: _dt.date, rnd: Any) -> None:
        first = [f.to_json() for f in evaluate(book, facts, as_of, engine="python").findings]
        again = [f.to_json() for f in evaluate(book, facts, as_of, engine="python").findings]
        assert first == again, "evaluating the same facts twice gave different findings"
        shuffled = {name: tuple(rnd.sample(list(records), len(records))) for name, records in facts.records()}
        other = [f.to_json() for f in evaluate(book, Facts(**shuffled), as_of, engine="python").findings]
        assert first == other, "findings depend on the order of the facts"
    return run


def _monotone_hours(book: Rulebook, n: int) -> Callable[[], None]:
    @_settings(n)
    @given(facts_for(book), as_of_dates(book), st.data())
    def run(facts: Facts, as_of: _dt.date, data: st.DataObject) -> None:
        if not facts.officers:
            return
        officer = data.draw(st.sampled_from(facts.officers), label="officer")
        extra = TrainingRecord(
            id="extra-hours", officer=officer.id,
            hours=data.draw(st.sampled_from([0.01, 1.0, 10.0, 60.0]), label="hours"),
            category=data.draw(st.sampled_from(TrainingCategory), label="category"),
            held_at=data.draw(cst_midnight_datetimes(as_of_dates(book)), label="held_at"),
        )
        more = facts.replace(training=(*facts.training, extra))
        bad = _worsened(_statuses(book, facts, as_of), _statuses(book, more, as_of),
                        {Status.COMPLIANT}, {Status.VIOLATION, Status.LATE, Status.PENDING})
        assert not bad, f"adding {extra.hours} hours of {extra.category.value} for {officer.id} made findings worse: " + "; ".join(bad)
    return run


def _monotone_completion(book: Rulebook, n: int) -> Callable[[], None]:
    @_settings(n)
    @given(facts_for(book), as_of_dates(book), st.data())
    def run(facts: Facts, as_of: _dt.date, data: st.DataObject) -> None:
        if not facts.task_reports:
            return
        report = data.draw(st.sampled_from(facts.task_reports), label="report")
        days = data.draw(st.sampled_from([1, 2, 31, 200]), label="days earlier")
        earlier = max(report.completed_on - _dt.timedelta(days=days), _dt.date(report.completed_on.year, 1, 1))
        moved = facts.replace(task_reports=tuple(
            attrs.evolve(r, completed_on=earlier) if r is report else r for r in facts.task_reports))
        bad = _worsened(_statuses(book, facts, as_of), _statuses(book, moved, as_of),
                        {Status.COMPLIANT}, {Status.LATE, Status.VIOLATION})
        assert not bad, f"completing {report.task} for {report.unit} on {earlier} instead of {report.completed_on} made findings worse: " + "; ".join(bad)
    return run


def _monotone_as_of(book: Rulebook, n: int) -> Callable[[], None]:
    @_settings(n)
    @given(facts_for(book), as_of_dates(book), st.sampled_from([1, 30, 200, 400]))
    def run(facts: Facts, as_of: _dt.date, days: int) -> None:
        later = as_of + _dt.timedelta(days=days)
        bad = _worsened(_statuses(book, facts, as_of), _statuses(book, facts, later),
                        {Status.VIOLATION}, {Status.COMPLIANT})
        assert not bad, f"moving as-of from {as_of} to {later} turned violations into compliance: " + "; ".join(bad)
    return run


def _json_round_trip(book: Rulebook, n: int) -> Callable[[], None]:
    @_settings(n)
    @given(facts_for(book))
    def run(facts: Facts) -> None:
        back = facts_from_json(facts_to_json(facts))
        assert not back.rejections, "round trip rejected: " + "; ".join(map(str, back.rejections))
        assert back == facts, "facts_from_json(facts_to_json(facts)) differs from facts"
    return run


def _matches_python(book: Rulebook, n: int, engine: str) -> Callable[[], None]:
    @_settings(n)
    @given(facts_for(book, max_units=2), as_of_dates(book))
    def run(facts: Facts, as_of: _dt.date) -> None:
        python = evaluate(book, facts, as_of, engine="python")
        other = evaluate(book, facts, as_of, engine=engine)
        assert other.table.equals(python.table), f"the {engine} executor's findings table differs from the Python executor's"
        assert [f.to_json() for f in other.findings] == [f.to_json() for f in python.findings], (
            f"the {engine} executor disagrees with the Python executor")
    return run


def _never_weaker(registry: Registry, jid: str, parent: str, n: int) -> Callable[[], None]:
    def run() -> None:
        report = never_weaker(jid, parent, registry, max_examples=n)
        assert report.ok, report.render()
    return run


def conformance_checks(jid: str, registry: Registry | None = None, *, max_examples: int = 20) -> list[Check]:
    """The checks for jurisdiction *jid* (see the module docs).

    If the jurisdiction does not load, only the ``loads`` check is returned
    (and it fails with the reason).
    """
    registry = registry if registry is not None else Registry()
    checks = [Check(jid, "loads", _loads(registry, jid))]
    try:
        book = registry.rulebook(jid)
    except Exception:  # reported by the "loads" check
        return checks
    n = max_examples
    checks += [Check(jid, f"rule_cited[{r.id}]", _rule_cited(book, r.id)) for r in book.rules]
    checks += [
        Check(jid, "deterministic", _deterministic(book, n)),
        Check(jid, "monotone_hours", _monotone_hours(book, n)),
        Check(jid, "monotone_completion", _monotone_completion(book, n)),
        Check(jid, "monotone_as_of", _monotone_as_of(book, n)),
        Check(jid, "json_round_trip", _json_round_trip(book, n)),
    ]
    checks.append(Check(jid, "columnar_matches_python", _matches_python(book, max(5, n // 2), "columnar")))
    if durable_available():
        checks.append(Check(jid, "durable_matches_python", _matches_python(book, max(5, n // 2), "durable")))
    parent = book.jurisdiction.parent
    if parent is not None:
        checks.append(Check(jid, "never_weaker_than_parent", _never_weaker(registry, jid, parent, 3 * n)))
    return checks


def run_conformance(jid: str, *pytest_args: str) -> int:
    """Run the suite for *jid* under pytest; returns pytest's exit code."""
    import os

    import pytest

    from . import conformance_suite

    args = [conformance_suite.__file__, f"--enforcerules-conformance={jid}", "-p", "no:cacheprovider", *pytest_args]
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        args[1:1] = ["-p", "enforcerules.testing.pytest_plugin"]
    return int(pytest.main(args))
