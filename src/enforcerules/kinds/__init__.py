"""Rule kinds: the obligation families the plans contain.

Each kind is a frozen attrs class of parameters plus the three steps of
:class:`~enforcerules.kinds.base.RuleKind` (observe, branches, explain).
"""

from .base import Branch, EvalContext, Explanation, Observation, RuleKind
from .cardinality import DesignationCount
from .cases import (
    ART32_CIRCUMSTANCES,
    Leniency,
    LenientGround,
    CaseProcedure,
    ExemptionEntry,
    ExemptionList,
    ListKind,
    MitigationRequired,
    PenaltyDisposition,
    ProcedureRequirement,
)
from .certificates import CertificateIssuance, CertificateWithdrawal, CertifiedHandling
from .items import ItemCatalogue, ItemCleanup, ItemCriterion
from .metrics import MetricTarget
from .recurring import RecurringCount
from .relative import Counting, RelativeDeadline
from .tasks import TaskDeadline
from .training import AnnualTrainingHours, CategoryMinimum
from .unit_training import UnitTrainingHours

__all__ = [
    "ART32_CIRCUMSTANCES",
    "AnnualTrainingHours",
    "Branch",
    "CaseProcedure",
    "CategoryMinimum",
    "CertificateIssuance",
    "CertificateWithdrawal",
    "CertifiedHandling",
    "Counting",
    "DesignationCount",
    "EvalContext",
    "ExemptionEntry",
    "ExemptionList",
    "Explanation",
    "ItemCatalogue",
    "ItemCleanup",
    "ItemCriterion",
    "Leniency",
    "LenientGround",
    "ListKind",
    "MetricTarget",
    "MitigationRequired",
    "Observation",
    "PenaltyDisposition",
    "ProcedureRequirement",
    "RecurringCount",
    "RelativeDeadline",
    "RuleKind",
    "TaskDeadline",
    "UnitTrainingHours",
]
