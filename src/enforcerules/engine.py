"""The executor interface, and choosing an executor by name.

An executor takes a :class:`~enforcerules.compile.CompiledRule` and the
observation facts of one rule and says, for each observation, which branches
matched. ``"durable"`` runs durable-rules; ``"python"`` runs the same JSON
conditions in plain Python and is the oracle in differential tests.
``"auto"`` — the default — runs durable-rules wherever it imports and
otherwise the Python executor, with an :class:`EngineFallbackWarning` saying
why (durable-rules 2.0.28 does not import on Python 3.13+). Asking for
``"durable"`` explicitly where it cannot run raises
:class:`~enforcerules.errors.EngineUnavailable`.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from .compile import CompiledRule
from .errors import EngineUnavailable

__all__ = ["ENGINES", "EngineFallbackWarning", "Executor", "get_executor"]


class EngineFallbackWarning(UserWarning):
    """``engine="auto"`` ran the Python executor because durable-rules cannot run here."""

ObservationFact = Mapping[str, Any]


class Executor(Protocol):
    """Runs compiled rules; must not keep state between calls that leaks results."""

    name: str

    def match(
        self, compiled: CompiledRule, facts: Sequence[ObservationFact]
    ) -> list[frozenset[int]]:
        """For each fact, in order, the indices of the branches whose condition holds.

        Every fact carries ``t`` (the observation tag), ``n`` (its index) and
        ``s`` (its subject); the rest are the observation's values.
        """
        ...


ENGINES = ("durable", "python", "auto")


def get_executor(name: str = "auto") -> Executor:
    """The executor called *name*; raises :class:`EngineUnavailable` with the reason."""
    if name == "python":
        from .engine_python import PythonExecutor

        return PythonExecutor()
    if name in ("durable", "auto"):
        try:
            from .engine_durable import DurableExecutor
        except EngineUnavailable as exc:
            if name == "auto":
                from .engine_python import PythonExecutor

                warnings.warn(f"{exc}; evaluating with the Python executor", EngineFallbackWarning, stacklevel=3)
                return PythonExecutor()
            raise
        return DurableExecutor()
    raise EngineUnavailable(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
