"""The few calls most users need."""

from __future__ import annotations

from .registry import Registry
from .rulebook import Rulebook

__all__ = ["load_rulebook"]


def load_rulebook(jurisdiction: str, *, registry: Registry | None = None) -> Rulebook:
    """The resolved rulebook of an installed jurisdiction (``"national"``, ``"shanxi"``…).

    Without *registry*, a fresh one discovers plugins through entry points.
    """
    return (registry or Registry()).rulebook(jurisdiction)
