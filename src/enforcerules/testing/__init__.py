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
  their boundary (also ``pytest --enforcerules-coverage``).

See ``docs/testing-plugins.md``.
"""

from __future__ import annotations

from .conformance import Check, conformance_checks, run_conformance
from .coverage import ClauseCoverage, RuleCoverage, recording
from .comparisons import COMPARISONS, Change, Direction, ParameterVerdict, Verdict, compare_rules
from .dates import key_dates
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
    "COMPARISONS",
    "Change",
    "Check",
    "ClauseCoverage",
    "Counterexample",
    "Direction",
    "NeverWeakerReport",
    "ParameterVerdict",
    "RuleCoverage",
    "Verdict",
    "Weakening",
    "WeakeningError",
    "assert_never_weaker",
    "compare_rules",
    "conformance_checks",
    "key_dates",
    "never_weaker",
    "recording",
    "run_conformance",
    "severity",
]
