"""Exceptions raised by enforcerules.

    EnforcerulesError
     ├── DeclarationError        a rule or jurisdiction declaration is malformed
     ├── ResolutionError         a jurisdiction chain cannot be resolved
     │    ├── UnknownJurisdiction
     │    ├── DuplicateRule
     │    ├── UnknownRuleReference
     │    └── CyclicJurisdiction
     ├── DeadlinePhraseError     a deadline phrase cannot be parsed
     ├── CalendarError           no holiday data for a day that needs it
     ├── FactsError              an input document cannot be read at all
     └── EngineError             an executor failed or is unavailable
          └── EngineUnavailable

Bad *records* are not exceptions: they are reported as
:class:`enforcerules.Rejection` values beside the records that loaded.
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "CyclicJurisdiction",
    "DeadlinePhraseError",
    "DeclarationError",
    "DuplicateRule",
    "EngineError",
    "EngineUnavailable",
    "EnforcerulesError",
    "FactsError",
    "ResolutionError",
    "UnknownJurisdiction",
    "UnknownRuleReference",
]


class EnforcerulesError(Exception):
    """Base class of every error this library raises on purpose."""


class DeclarationError(EnforcerulesError):
    """A rule, override or jurisdiction declaration is malformed."""


class ResolutionError(EnforcerulesError):
    """A jurisdiction's parent chain cannot be turned into a rulebook."""


class UnknownJurisdiction(ResolutionError):
    """A jurisdiction id (or a declared parent) is not registered."""


class DuplicateRule(ResolutionError):
    """Two declarations add the same rule id."""


class UnknownRuleReference(ResolutionError):
    """An override or repeal names a rule id no ancestor declared."""


class CyclicJurisdiction(ResolutionError):
    """A jurisdiction is its own ancestor."""


class DeadlinePhraseError(EnforcerulesError):
    """A deadline phrase is not one of the forms the plans use."""


class CalendarError(EnforcerulesError):
    """The holiday calendar has no data for a day a deadline depends on."""


class FactsError(EnforcerulesError):
    """An input document is not readable as a facts document at all."""


class EngineError(EnforcerulesError):
    """An executor failed while evaluating compiled rules."""


class EngineUnavailable(EngineError):
    """The requested executor cannot run in this interpreter."""
