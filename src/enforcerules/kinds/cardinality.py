"""How many regions below carry a designation (e.g. 1–2 pilot counties per city)."""

from __future__ import annotations

import attrs

from ..facts import Level
from ..rules import Subject
from .base import RuleKind

__all__ = ["DesignationCount"]


@attrs.frozen
class DesignationCount(RuleKind):
    """Each region in scope has between ``min_count`` and ``max_count`` direct
    children at ``child_level`` carrying ``designation``."""

    kind_name = "designation_count"
    subject = Subject.REGION

    designation: str
    child_level: Level
    min_count: int
    max_count: int
