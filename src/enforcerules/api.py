"""The few calls most users need."""

from __future__ import annotations

from .jurisdiction import Bodies
from .registry import Registry
from .rulebook import FirstYear, Rulebook

__all__ = ["load_rulebook"]


def load_rulebook(
    jurisdiction: str, *, registry: Registry | None = None, first_year: FirstYear = FirstYear.FULL_YEARS,
    bodies: Bodies = Bodies.PARENT_BREADTH,
) -> Rulebook:
    """The resolved rulebook of an installed jurisdiction (``"national"``, ``"shanxi"``…).

    Without *registry*, a fresh one discovers plugins through entry points.
    *first_year* decides the first year yearly duties are judged for
    (:class:`~enforcerules.FirstYear`); *bodies* whether an inherited rule a
    local plan restates for bodies of its own naming keeps the parent's
    breadth (the default) or binds only those bodies (:class:`~enforcerules.Bodies`).
    """
    return (registry or Registry()).rulebook(jurisdiction, first_year=first_year, bodies=bodies)
