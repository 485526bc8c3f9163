"""Exceptions raised by enforcerules.

    EnforcerulesError
     ├── DeclarationError        a rule or jurisdiction declaration is malformed
     │    └── PluginError        a plugin failed to load, or a hook failed or returned the wrong thing
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
    "PluginError",
    "ResolutionError",
    "UnknownJurisdiction",
    "UnknownRuleReference",
]


class EnforcerulesError(Exception):
    """Base class of every error this library raises on purpose."""


class DeclarationError(EnforcerulesError):
    """A rule, override or jurisdiction declaration is malformed."""


class PluginError(DeclarationError):
    """A plugin could not be used: its entry point failed on import, or a hook
    raised or returned something other than what its specification says.

    ``plugin`` is the plugin's name (its entry-point name), ``hook`` the hook
    (or ``"import"``, ``"register"``) and ``problem`` what was wrong. A
    :class:`~enforcerules.Registry` records the error and keeps the other
    plugins working; it is raised when a jurisdiction of the broken plugin is
    asked for.
    """

    def __init__(self, plugin: str, hook: str, problem: str) -> None:
        super().__init__(plugin, hook, problem)
        self.plugin = plugin
        self.hook = hook
        self.problem = problem

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} is broken ({self.hook}): {self.problem}"


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
