"""Deadlines relative to an event: "完成后15日内报送".

Counted per 《民法典》 arts. 200–204 by default (start day not counted; a
last day on a rest day moves to the next working day), see
:mod:`enforcerules.calendar`.
"""

from __future__ import annotations

import enum

import attrs

from ..rules import Subject
from .base import RuleKind

__all__ = ["Counting", "RelativeDeadline"]


class Counting(enum.Enum):
    CIVIL_CODE = "civil_code"  # 《民法典》 arts. 201, 203
    CALENDAR_DAYS = "calendar_days"  # plain days, no holiday extension


@attrs.frozen
class RelativeDeadline(RuleKind):
    """After each ``trigger`` event of a subject, a ``response`` event within ``days`` days."""

    kind_name = "relative_deadline"
    subject = Subject.UNIT

    trigger: str
    response: str
    days: int
    counting: Counting = Counting.CIVIL_CODE
