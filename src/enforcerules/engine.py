"""The executor interface, and choosing an executor by name.

An executor takes a :class:`~enforcerules.compile.CompiledRule` and one
rule's observation table and says, for each row, which branch decides it
(the first that holds). Three run the same compiled form:

- ``"columnar"`` turns the conditions into polars expressions over the whole
  table (:mod:`enforcerules.engine_columnar`); ``"auto"``, the default, is
  this one;
- ``"durable"`` runs durable-rules, one observation fact at a time, inside
  its safe envelope (``docs/engine.md``);
- ``"python"`` runs the JSON conditions in plain Python and is the oracle
  in differential tests.

The row executors implement :meth:`RowExecutor.match` (which branches hold
for each observation fact); :func:`first_branch_by_rows` adapts them to a
table. Asking for ``"durable"`` where it cannot run (durable-rules 2.0.28
does not import on Python 3.13+) raises
:class:`~enforcerules.errors.EngineUnavailable`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import polars as pl

from .compile import OBSERVATION_TAG, CompiledRule
from .errors import EngineUnavailable

__all__ = ["ENGINES", "Executor", "RowExecutor", "first_branch_by_rows", "get_executor"]


ObservationFact = Mapping[str, Any]


class Executor(Protocol):
    """Runs compiled rules; must not keep state between calls that leaks results."""

    name: str

    def first_branch(self, compiled: CompiledRule, table: pl.DataFrame) -> pl.Series:
        """For each row of an observation table, the index of the first branch that holds."""
        ...


class RowExecutor(Protocol):
    """An executor of one observation fact at a time (durable-rules, the Python oracle)."""

    name: str

    def match(
        self, compiled: CompiledRule, facts: Sequence[ObservationFact]
    ) -> list[frozenset[int]]:
        """For each fact, in order, the indices of the branches whose condition holds.

        Every fact carries ``t`` (the observation tag), ``n`` (its index) and
        ``s`` (its subject); the rest are the observation's values.
        """
        ...


ENGINES = ("columnar", "durable", "python", "auto")


def observation_facts(table: pl.DataFrame) -> list[dict[str, Any]]:
    """The rows of an observation table as engine facts: ``t``, ``n`` (row), ``s`` (subject) and the values.

    A null value is left out: to every executor a missing value never matches.
    """
    subjects = table.get_column("subject").to_list()
    out = []
    for n, (subject, values) in enumerate(zip(subjects, table.get_column("values").to_list(), strict=True)):
        fact: dict[str, Any] = {"t": OBSERVATION_TAG, "n": n, "s": subject}
        fact.update((k, v) for k, v in values.items() if v is not None and k != "_")
        out.append(fact)
    return out


def first_branch_by_rows(executor: RowExecutor, compiled: CompiledRule, table: pl.DataFrame) -> pl.Series:
    """A row executor's first matching branch per row (null where none matched)."""
    facts = observation_facts(table)
    matches = executor.match(compiled, facts) if facts else []
    return pl.Series("branch", [min(m) if m else None for m in matches], dtype=pl.UInt16)


def get_executor(name: str = "auto") -> Executor:
    """The executor called *name*; raises :class:`EngineUnavailable` with the reason."""
    if name in ("columnar", "auto"):
        from .engine_columnar import ColumnarExecutor

        return ColumnarExecutor()
    if name == "python":
        from .engine_python import PythonExecutor

        return PythonExecutor()
    if name == "durable":
        from .engine_durable import DurableExecutor

        return DurableExecutor()
    raise EngineUnavailable(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
