"""Clause coverage: which rules a test run exercised on both sides of their boundary.

While :func:`recording` is active, every call of :func:`enforcerules.evaluate`
(made through the ``enforcerules`` package, its ``evaluate`` module, or a
module that imported the function from them) is passed through and its
findings are tallied as (jurisdiction, rule id, status). The table then
shows, per jurisdiction and rule, the clause, the statuses seen, and whether
the rule was seen on both sides: compliant and a non-compliant status.

The non-compliant side of a rule is ``violation`` or ``late`` when its
compiled branches can produce them, and ``pending`` for duties that can
only be compliant or pending (standing tasks with no date).

Run it with ``pytest --enforcerules-coverage`` (the table is printed at the
end of the run; ``--enforcerules-coverage-json=PATH`` also writes it), or
``python -m enforcerules.testing.coverage [PATH…]``, which runs the tests
of every installed jurisdiction plugin (or the given paths) under it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from ..compile import compile_rule
from ..deadlines import DeadlinePolicy
from ..findings import Status
from ..report import Report
from ..rulebook import Rulebook

__all__ = ["ClauseCoverage", "RuleCoverage", "main", "recording"]

_evaluate_module = sys.modules["enforcerules.evaluate"]

_NON_COMPLIANT = (Status.VIOLATION, Status.LATE)


@attrs.frozen
class RuleCoverage:
    rule_id: str
    clause: str
    document: str
    seen: frozenset[Status]
    other_side: tuple[Status, ...]  # the statuses that count as the non-compliant side

    @property
    def both_sides(self) -> bool:
        return Status.COMPLIANT in self.seen and any(s in self.seen for s in self.other_side)

    def to_json(self) -> dict[str, Any]:
        return {"rule_id": self.rule_id, "document": self.document, "clause": self.clause,
                "seen": sorted(s.value for s in self.seen), "both_sides": self.both_sides}


def _other_side(rulebook: Rulebook, rule_id: str) -> tuple[Status, ...]:
    try:
        statuses = set(compile_rule(rulebook.get(rule_id).rule, DeadlinePolicy()).statuses)
    except Exception:  # a rule that does not compile is reported as never covered
        return _NON_COMPLIANT
    hard = tuple(s for s in _NON_COMPLIANT if s in statuses)
    return hard or ((Status.PENDING,) if Status.PENDING in statuses else _NON_COMPLIANT)


class ClauseCoverage:
    """Statuses seen per jurisdiction and rule, and the rulebooks they came from."""

    def __init__(self) -> None:
        self._seen: dict[str, dict[str, set[Status]]] = {}
        self._books: dict[str, Rulebook] = {}

    def record(self, rulebook: Rulebook, report: Report) -> None:
        jid = rulebook.jurisdiction.id
        if len(rulebook.rules) >= len(self._books.get(jid, rulebook).rules):
            self._books[jid] = rulebook  # keep the fullest rulebook seen (tests may evaluate one rule)
        seen = self._seen.setdefault(jid, {})
        for f in report.findings:
            seen.setdefault(f.rule_id, set()).add(f.status)

    @property
    def jurisdictions(self) -> list[str]:
        return sorted(self._books)

    def _full(self, jid: str) -> Rulebook:
        """The installed jurisdiction's whole rulebook when it resolves (tests often
        evaluate one rule at a time), else the fullest rulebook seen."""
        seen = self._books[jid]
        try:
            from ..registry import Registry

            full = Registry().rulebook(jid)
        except Exception:
            return seen
        return full if {r.id for r in seen.rules} <= {r.id for r in full.rules} else seen

    def rules(self, jid: str) -> list[RuleCoverage]:
        book, seen = self._full(jid), self._seen.get(jid, {})
        return [
            RuleCoverage(r.id, r.rule.citation.clause, r.rule.citation.document,
                         frozenset(seen.get(r.id, ())), _other_side(book, r.id))
            for r in book.rules
        ]

    def to_json(self) -> dict[str, Any]:
        return {jid: [r.to_json() for r in self.rules(jid)] for jid in self.jurisdictions}

    def render(self, jurisdictions: list[str] | None = None) -> str:
        lines: list[str] = []
        for jid in jurisdictions or self.jurisdictions:
            if jid not in self._books:
                lines.append(f"clause coverage: {jid}: no evaluation of this jurisdiction ran")
                continue
            rows = self.rules(jid)
            both = sum(r.both_sides for r in rows)
            lines.append(f"clause coverage: {jid}: {both}/{len(rows)} rules exercised on both sides")
            width = max(len(r.rule_id) for r in rows) if rows else 10
            lines.append(f"  {'rule'.ljust(width)}  {'clause':<12} {'both sides':<10} statuses seen")
            for r in rows:
                seen = ", ".join(sorted(s.value for s in r.seen)) or "—"
                lines.append(f"  {r.rule_id.ljust(width)}  {r.clause:<12} {'yes' if r.both_sides else 'no':<10} {seen}")
        return "\n".join(lines)


def _targets() -> Iterator[tuple[Any, str]]:
    """(module, attribute) pairs holding the evaluate function: the package, its
    modules, plugins and the plugin test kit — every enforcerules module but this one."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("enforcerules") or name == __name__:
            continue
        if callable(getattr(module, "evaluate", None)):
            yield module, "evaluate"


@contextlib.contextmanager
def recording(coverage: ClauseCoverage | None = None) -> Iterator[ClauseCoverage]:
    """Tally the findings of every :func:`enforcerules.evaluate` call made meanwhile.

    Modules imported while recording that do ``from enforcerules import
    evaluate`` get the tallying function; the original is restored after.
    """
    coverage = coverage if coverage is not None else ClauseCoverage()
    original: Callable[..., Report] = _evaluate_module.evaluate

    @functools.wraps(original)
    def tallying(rulebook: Rulebook, *args: Any, **kwargs: Any) -> Report:
        report = original(rulebook, *args, **kwargs)
        coverage.record(rulebook, report)
        return report

    patched = [(m, a) for m, a in _targets() if getattr(m, a) is original]
    for module, attr in patched:
        setattr(module, attr, tallying)
    try:
        yield coverage
    finally:
        for module, attr in patched:
            if getattr(module, attr) is tallying:
                setattr(module, attr, original)


def _plugin_test_dirs() -> list[str]:
    """The ``tests`` folders of installed jurisdiction plugins (source checkouts)."""
    from ..registry import Registry

    registry = Registry()
    out: list[str] = []
    for j in registry.jurisdictions():
        module = sys.modules.get(registry.plugin_of(j.id)) or sys.modules.get(f"enforcerules_{j.id}")
        path = Path(getattr(module, "__file__", "") or "")
        for parent in path.parents[:4]:
            if (parent / "tests").is_dir() and (parent / "pyproject.toml").is_file():
                if str(parent / "tests") not in out:
                    out.append(str(parent / "tests"))
                break
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m enforcerules.testing.coverage [PATH…] [-- PYTEST-ARGS]``."""
    import pytest

    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    paths = argv[: argv.index("--")] if "--" in argv else argv
    paths = paths or _plugin_test_dirs()
    if not paths:
        print("clause coverage: no installed jurisdiction plugin has a tests folder")
        return 0
    return int(pytest.main([*paths, "-q", "-p", "no:cacheprovider", "--enforcerules-coverage", *extra]))


def _write_json(coverage: ClauseCoverage, path: str) -> None:
    Path(path).write_text(json.dumps(coverage.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
