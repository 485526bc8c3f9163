"""Penalty cases: 《行政处罚法》 arts. 32 and 33, exemption lists, procedure.

Field vocabulary used by :attr:`Case.field` and exclusions (plugins use these
strings): ``life_health`` (生命健康), ``public_safety`` (公共安全),
``ecology_environment`` (生态环境), ``food_drugs``, ``public_health``,
``natural_resources``, ``work_safety``, ``labour``, ``urban_management``,
``transport``, ``finance``, ``education_training``, ``market_regulation``.
"""

from __future__ import annotations

import enum

import attrs

from ..rules import Subject
from .base import RuleKind

__all__ = [
    "CaseProcedure",
    "ExemptionEntry",
    "ExemptionList",
    "ListKind",
    "MitigationRequired",
    "PenaltyDisposition",
    "ProcedureRequirement",
]


class ListKind(enum.Enum):
    """The lists the plans name (Liaoning's 四张清单 and Shanxi's three)."""

    NO_PENALTY = "no_penalty"  # 不予处罚清单 / 轻微违法行为依法不予处罚清单
    FIRST_MINOR_EXEMPT = "first_minor_exempt"  # 首次轻微违法免予处罚清单 (首违不罚)
    LIGHTER = "lighter"  # 从轻处罚清单
    MITIGATED = "mitigated"  # 减轻处罚清单
    NO_COERCIVE_MEASURE = "no_coercive_measure"  # 不予实施行政强制措施清单


@attrs.frozen
class ExemptionEntry:
    """One row of a published list: a violation and the conditions for leniency."""

    code: str  # matched against Case.violation_code
    field: str
    violation: str  # 违法行为, as published
    conditions: str = ""  # 适用条件, as published
    basis: str = ""  # 法律依据, as published


@attrs.frozen
class ExemptionList:
    """A published list, as data."""

    id: str
    kind: ListKind
    title: str
    issuer: str
    entries: tuple[ExemptionEntry, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class PenaltyDisposition(RuleKind):
    """Whether a case that was penalised should not have been (art. 33, lists).

    ``first_violation_leniency``: art. 33 para. 1 sentence 2 ("初次违法且危害
    后果轻微并及时改正的，可以不予行政处罚"). ``first_violation_excluded_fields``:
    fields where that leniency is not available (Liaoning task 8).
    """

    kind_name = "penalty_disposition"
    subject = Subject.CASE

    first_violation_leniency: bool = True
    first_violation_excluded_fields: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    lists: tuple[ExemptionList, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class MitigationRequired(RuleKind):
    """Art. 32: with a listed circumstance, the penalty shall be lighter or mitigated."""

    kind_name = "mitigation_required"
    subject = Subject.CASE

    circumstances: tuple[str, ...] = attrs.field(default=(), converter=tuple)


class ProcedureRequirement(enum.Enum):
    LEGAL_REVIEW_BEFORE_MAJOR_DECISION = "legal_review_before_major_decision"  # 重大执法决定法制审核
    CITES_DISCRETION_BASELINE = "cites_discretion_baseline"  # 文书引用裁量基准并说明理由


@attrs.frozen
class CaseProcedure(RuleKind):
    """A procedural requirement every (penalised or major) case meets."""

    kind_name = "case_procedure"
    subject = Subject.CASE

    requirement: ProcedureRequirement = attrs.field(validator=attrs.validators.instance_of(ProcedureRequirement))
