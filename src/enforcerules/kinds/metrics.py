"""Targets on named metrics of a region (e.g. 行政诉讼败诉率 falling)."""

from __future__ import annotations

import attrs

from ..deadlines import Deadline
from ..facts import Level
from ..rules import Subject
from .base import RuleKind

__all__ = ["MetricTarget"]


@attrs.frozen
class MetricTarget(RuleKind):
    """A region's ``metric`` for ``year``: lower than the year before (``must_fall``)
    and/or at most the same metric of its ancestor region at ``at_most_level``
    (e.g. "达到全省平均水平"), by ``deadline``.
    """

    kind_name = "metric_target"
    subject = Subject.REGION

    metric: str
    year: int
    deadline: Deadline = attrs.field(converter=lambda v: Deadline(v) if isinstance(v, str) else v)
    must_fall: bool = True
    at_most_level: Level | None = None
