"""Rule kinds: the obligation families the plans contain.

Each kind is a frozen attrs class of parameters plus the three steps of
:class:`~enforcerules.kinds.base.RuleKind` (observe, branches, explain).
"""

from .base import Branch, EvalContext, Explanation, Observation, RuleKind
from .recurring import RecurringCount
from .tasks import TaskDeadline
from .training import AnnualTrainingHours, CategoryMinimum

__all__ = [
    "AnnualTrainingHours",
    "Branch",
    "CategoryMinimum",
    "EvalContext",
    "Explanation",
    "Observation",
    "RecurringCount",
    "RuleKind",
    "TaskDeadline",
]
