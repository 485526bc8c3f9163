"""The executor interface, and choosing an executor by name.

An executor takes a :class:`~enforcerules.compile.CompiledRule` and the
observation facts of one rule and says, for each observation, which branches
matched. ``"durable"`` (the default) runs durable-rules; ``"python"`` runs
the same JSON conditions in plain Python and is the oracle in differential
tests. ``"auto"`` picks durable-rules when it imports, else Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from .compile import CompiledRule
from .errors import EngineUnavailable

__all__ = ["ENGINES", "Executor", "get_executor"]

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


def get_executor(name: str = "durable") -> Executor:
    """The executor called *name*; raises :class:`EngineUnavailable` with the reason."""
    if name == "python":
        from .engine_python import PythonExecutor

        return PythonExecutor()
    if name in ("durable", "auto"):
        try:
            from .engine_durable import DurableExecutor
        except EngineUnavailable:
            if name == "auto":
                from .engine_python import PythonExecutor

                return PythonExecutor()
            raise
        return DurableExecutor()
    raise EngineUnavailable(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
