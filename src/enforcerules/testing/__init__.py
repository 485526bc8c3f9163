"""Testing toolkit for enforcerules and its jurisdiction plugins.

- :mod:`enforcerules.testing.strategies` — hypothesis strategies for every
  fact class, boundary dates, training histories around thresholds, art. 33
  cases, whole fact sets shaped to a rulebook and malformed JSON documents
  (registered so ``st.from_type(enforcerules.Officer)`` works once installed);
- :func:`never_weaker` — where a child jurisdiction binds less than its
  parent, declared or not, with a shrunk counterexample;
- :func:`conformance_checks` / :func:`run_conformance` — the plugin
  conformance suite (also ``pytest --enforcerules-conformance=<id>``);
- :class:`ClauseCoverage` — which rules a test run exercised on both sides of
  their boundary (also ``pytest --enforcerules-coverage``);
- :mod:`enforcerules.testing.plugin_kit` — the plugin test kit: the executors
  to run on (:data:`ENGINES`, :func:`parametrize_engine`), one rule at a time
  (:func:`run_rule`, :func:`status_of`, :class:`Bench`), training records,
  what an example shows (:class:`ExampleCoverage`) and the example and
  declaration checks as test classes to subclass (:class:`ExampleChecks`,
  :class:`DeclarationChecks`).

See ``docs/testing-plugins.md``.
"""

from __future__ import annotations

from .conformance import Check, conformance_checks, run_conformance
from .coverage import ClauseCoverage, RuleCoverage, recording
from .comparisons import COMPARISONS, Change, Direction, ParameterVerdict, Verdict, compare_rules
from .dates import key_dates
from .plugin_kit import (
    ENGINES,
    Bench,
    DeclarationChecks,
    ExampleChecks,
    ExampleCoverage,
    assert_inherited,
    parametrize_engine,
    run_rule,
    status_of,
    training_records,
)
from .weaker import (
    Counterexample,
    NeverWeakerReport,
    Weakening,
    WeakeningError,
    assert_never_weaker,
    never_weaker,
    severity,
)

__all__ = [
    "Bench",
    "COMPARISONS",
    "Change",
    "Check",
    "ClauseCoverage",
    "Counterexample",
    "DeclarationChecks",
    "Direction",
    "ENGINES",
    "ExampleChecks",
    "ExampleCoverage",
    "NeverWeakerReport",
    "ParameterVerdict",
    "RuleCoverage",
    "Verdict",
    "Weakening",
    "WeakeningError",
    "assert_inherited",
    "assert_never_weaker",
    "compare_rules",
    "conformance_checks",
    "key_dates",
    "never_weaker",
    "parametrize_engine",
    "recording",
    "run_conformance",
    "run_rule",
    "severity",
    "status_of",
    "training_records",
]
