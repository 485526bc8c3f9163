"""The facts a supervising department holds, as frozen value classes.

Each class is one kind of input record. Identifiers are the caller's own
strings; references between records (an officer's unit, a training record's
officer) are checked when a :class:`Facts` set is built by
:func:`enforcerules.load_facts`. Dates are calendar days in China Standard
Time; datetimes are converted to CST (naive ones are taken as CST).
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
from typing import Any

import attrs

from ._fields import tuple_field
from .chinatime import cst_datetime

__all__ = [
    "Case",
    "CaseOutcome",
    "Certificate",
    "EnforcementItem",
    "Event",
    "FACT_KINDS",
    "Harm",
    "ItemBasis",
    "ItemOpinion",
    "LEVEL_ORDER",
    "Level",
    "Metric",
    "Officer",
    "Region",
    "TaskReport",
    "TrainingCategory",
    "TrainingRecord",
    "Unit",
    "UnitKind",
]


class Level(enum.Enum):
    """Administrative level of a region or unit."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


#: Administrative levels from the top down.
LEVEL_ORDER: tuple[Level, ...] = (Level.NATIONAL, Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP)


class UnitKind(enum.Enum):
    """What a unit is, as the plans distinguish them."""

    ENFORCEMENT = "enforcement"  # 行政执法部门/机关
    JUSTICE = "justice"  # 司法行政部门
    GOVERNMENT = "government"  # 人民政府
    DEPARTMENT = "department"  # another government department a plan names (财政局、发改委、数据资源局…)


class TrainingCategory(enum.Enum):
    """Training content as 国办发〔2023〕27号 二（一）2 names it."""

    PUBLIC_LAW = "public_law"  # 公共法律知识
    BUSINESS = "business"  # 业务知识
    ENFORCEMENT_SKILLS = "enforcement_skills"  # 行政执法技能
    POLITICAL_THEORY = "political_theory"  # 政治理论教育和党性教育


class Harm(enum.Enum):
    """Harmful consequence of a violation (行政处罚法 art. 33)."""

    NONE = "none"  # 没有造成危害后果
    MINOR = "minor"  # 危害后果轻微
    SERIOUS = "serious"


class CaseOutcome(enum.Enum):
    """How a penalty case was disposed of."""

    NOT_PENALISED = "not_penalised"  # 不予处罚
    PENALISED = "penalised"  # ordinary penalty
    LIGHTER = "lighter"  # 从轻
    MITIGATED = "mitigated"  # 减轻


class ItemBasis(enum.Enum):
    """The kind of legal basis an enforcement item rests on (设定依据), the highest it has."""

    LAW = "law"  # 法律
    ADMINISTRATIVE_REGULATION = "administrative_regulation"  # 行政法规
    DEPARTMENT_RULE = "department_rule"  # 部门规章
    LOCAL_REGULATION = "local_regulation"  # 地方性法规
    LOCAL_GOVERNMENT_RULE = "local_government_rule"  # 地方政府规章
    NONE = "none"  # 没有法律、法规、规章依据


class ItemOpinion(enum.Enum):
    """The opinion a clean-up (清理) gave on an enforcement item."""

    CANCEL = "cancel"  # 拟取消
    ADJUST = "adjust"  # 拟调整
    SUSPEND = "suspend"  # 拟暂停实施
    RETAIN = "retain"  # 经清理保留 (reviewed and kept)


_str = attrs.validators.instance_of(str)
_bool = attrs.validators.instance_of(bool)
_date = attrs.validators.instance_of(_dt.date)
_opt_date = attrs.validators.optional(_date)
_opt_str = attrs.validators.optional(_str)


def _ident(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError(
            f"'{attribute.name}' must be a non-empty string of at most 200 characters (got {value!r})"
        )


def _not_before(other: str) -> Any:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        start = getattr(inst, other)
        if value is not None and start is not None and value < start:
            raise ValueError(f"'{attribute.name}' must not precede '{other}' (got {value} < {start})")

    return check


def _finite_range(low: float, high: float) -> Any:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"'{attribute.name}' must be a number (got {value!r} that is a {type(value)!r})")
        if not math.isfinite(value) or not low <= value <= high:
            raise ValueError(f"'{attribute.name}' must be a finite number in [{low}, {high}] (got {value!r})")

    return check


def _to_cst(value: Any) -> Any:
    return cst_datetime(value) if isinstance(value, _dt.datetime) else value


def _as_date(value: Any) -> Any:
    """A datetime given where a day is expected becomes its CST day."""
    return cst_datetime(value).date() if isinstance(value, _dt.datetime) else value


def _date_field(**kw: Any) -> Any:
    return attrs.field(converter=_as_date, validator=_date, **kw)


def _opt_date_field(**kw: Any) -> Any:
    return attrs.field(default=None, converter=_as_date, validator=_opt_date, **kw)


@attrs.frozen
class Region:
    """A government's territory at one level; ``designations`` mark pilots etc."""

    id: str = attrs.field(validator=_ident)
    name: str = attrs.field(validator=_str)
    level: Level = attrs.field(validator=attrs.validators.instance_of(Level))
    parent: str | None = attrs.field(default=None, validator=_opt_str)
    designations: tuple[str, ...] = tuple_field(str)


@attrs.frozen
class Unit:
    """An enforcement department, justice department or government."""

    id: str = attrs.field(validator=_ident)
    name: str = attrs.field(validator=_str)
    kind: UnitKind = attrs.field(validator=attrs.validators.instance_of(UnitKind))
    level: Level = attrs.field(validator=attrs.validators.instance_of(Level))
    region: str | None = attrs.field(default=None, validator=_opt_str)
    field: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class Officer:
    """An enforcement officer (执法人员) of a unit."""

    id: str = attrs.field(validator=_ident)
    unit: str = attrs.field(validator=_ident)
    hired_on: _dt.date = _date_field()
    name: str = attrs.field(default="", validator=_str)
    post: str = attrs.field(default="", validator=_str)
    township: bool = attrs.field(default=False, validator=_bool)
    left_on: _dt.date | None = _opt_date_field()
    leave_reason: str | None = attrs.field(default=None, validator=_opt_str)

    def __attrs_post_init__(self) -> None:
        _not_before("hired_on")(self, attrs.fields(Officer).left_on, self.left_on)

    def in_service(self, start: _dt.date, end: _dt.date) -> bool:
        """Whether the officer held the post on any day of [start, end]."""
        return self.hired_on <= end and (self.left_on is None or self.left_on >= start)


@attrs.frozen
class TrainingRecord:
    """Hours of one training an officer attended."""

    id: str = attrs.field(validator=_ident)
    officer: str = attrs.field(validator=_ident)
    hours: float = attrs.field(validator=_finite_range(0, 1000))
    category: TrainingCategory = attrs.field(validator=attrs.validators.instance_of(TrainingCategory))
    held_at: _dt.datetime = attrs.field(
        converter=_to_cst, validator=attrs.validators.instance_of(_dt.datetime)
    )
    organiser: str = attrs.field(default="", validator=_str)
    #: The unit that organised the training (a unit id), when it is one of the facts' units.
    organising_unit: str | None = attrs.field(default=None, validator=_opt_str)
    #: The training session the record is attendance at: every officer's record of one
    #: session shares it, so a session attended by 40 officers counts once for its organiser.
    session: str | None = attrs.field(default=None, validator=_opt_str)

    @property
    def day(self) -> _dt.date:
        return self.held_at.date()


@attrs.frozen
class Certificate:
    """An enforcement certificate (行政执法证件) and what happened to it."""

    id: str = attrs.field(validator=_ident)
    officer: str = attrs.field(validator=_ident)
    issued_on: _dt.date = _date_field()
    exam_passed_on: _dt.date | None = _opt_date_field()
    suspended_on: _dt.date | None = _opt_date_field()
    suspension_ended_on: _dt.date | None = _opt_date_field()
    revoked_on: _dt.date | None = _opt_date_field()

    def __attrs_post_init__(self) -> None:
        fields = attrs.fields(Certificate)
        for name in ("suspended_on", "revoked_on"):
            _not_before("issued_on")(self, getattr(fields, name), getattr(self, name))
        _not_before("suspended_on")(self, fields.suspension_ended_on, self.suspension_ended_on)

    def valid_on(self, day: _dt.date) -> bool:
        """Issued, not revoked/cancelled, and not suspended on *day*."""
        if day < self.issued_on or (self.revoked_on is not None and day >= self.revoked_on):
            return False
        if self.suspended_on is not None and day >= self.suspended_on:
            return self.suspension_ended_on is not None and day >= self.suspension_ended_on
        return True


@attrs.frozen
class TaskReport:
    """A unit's report that it completed a plan task (``task`` is the rule's task key).

    ``covers``: ids of the other units and regions the reporting unit did the
    task for — the body a plan makes responsible (牵头单位/责任单位) reporting it
    done for them (区司法局 for 大通区; 省司法厅 for the province's counties). A
    unit is covered when its own id, or the id of its region, is listed.
    """

    id: str = attrs.field(validator=_ident)
    task: str = attrs.field(validator=_ident)
    unit: str = attrs.field(validator=_ident)
    completed_on: _dt.date = _date_field()
    covers: tuple[str, ...] = tuple_field(str)


@attrs.frozen
class Event:
    """Something that happened once: a case-file review, a training held, an assessment.

    ``subject`` is the unit, officer or region the event belongs to.
    """

    id: str = attrs.field(validator=_ident)
    kind: str = attrs.field(validator=_ident)
    subject: str = attrs.field(validator=_ident)
    on: _dt.date = _date_field()


@attrs.frozen
class Case:
    """An administrative penalty case (行政处罚案件)."""

    id: str = attrs.field(validator=_ident)
    unit: str = attrs.field(validator=_ident)
    decided_on: _dt.date = _date_field()
    field: str = attrs.field(default="", validator=_str)
    handling_officers: tuple[str, ...] = tuple_field(str)
    outcome: CaseOutcome = attrs.field(
        default=CaseOutcome.PENALISED, validator=attrs.validators.instance_of(CaseOutcome)
    )
    violation_code: str | None = attrs.field(default=None, validator=_opt_str)
    minor: bool | None = attrs.field(default=None, validator=attrs.validators.optional(_bool))  # 违法行为轻微; None: not recorded
    first_violation: bool = attrs.field(default=False, validator=_bool)
    harm: Harm = attrs.field(default=Harm.SERIOUS, validator=attrs.validators.instance_of(Harm))
    corrected_promptly: bool = attrs.field(default=False, validator=_bool)
    no_fault_proven: bool = attrs.field(default=False, validator=_bool)
    mitigating: tuple[str, ...] = tuple_field(str)
    major: bool = attrs.field(default=False, validator=_bool)
    legal_review_on: _dt.date | None = _opt_date_field()
    cites_discretion_baseline: bool = attrs.field(default=False, validator=_bool)
    #: 执法全过程记录: the case file records the whole process (启动、调查取证、审核、决定、送达、执行); None: not recorded.
    fully_recorded: bool | None = attrs.field(default=None, validator=attrs.validators.optional(_bool))


def _both_or_neither(other: str) -> Any:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (value is None) != (getattr(inst, other) is None):
            raise ValueError(f"'{attribute.name}' and '{other}' must be given together (got {attribute.name}={value!r})")

    return check


@attrs.frozen
class EnforcementItem:
    """An enforcement item (行政执法事项) a unit carries out, as its catalogue lists it.

    ``last_occurred_on``: the last day the item was exercised (a case, an
    inspection…); ``never_occurred`` says it has never been, where no day is
    recorded. With neither, whether it lay dormant is not known.
    ``in_force_since``: the day its legal basis took effect (an item younger
    than five years cannot have "近五年未发生"). ``catalogued_on``: the day it
    entered the unit's published 行政执法事项目录. ``opinion`` and
    ``opinion_on``: the clean-up's opinion on it and its day, given together.
    """

    id: str = attrs.field(validator=_ident)
    unit: str = attrs.field(validator=_ident)
    name: str = attrs.field(validator=_str)
    category: str = attrs.field(default="", validator=_str)  # 行政处罚、行政许可、行政检查……
    basis: ItemBasis | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(ItemBasis)))
    legal_basis: str = attrs.field(default="", validator=_str)  # the provisions, as text
    in_force_since: _dt.date | None = _opt_date_field()
    catalogued_on: _dt.date | None = _opt_date_field()
    last_occurred_on: _dt.date | None = _opt_date_field()
    never_occurred: bool = attrs.field(default=False, validator=_bool)
    opinion: ItemOpinion | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(ItemOpinion)))
    opinion_on: _dt.date | None = _opt_date_field()

    def __attrs_post_init__(self) -> None:
        fields = attrs.fields(EnforcementItem)
        _both_or_neither("opinion_on")(self, fields.opinion, self.opinion)
        if self.never_occurred and self.last_occurred_on is not None:
            raise ValueError(f"'never_occurred' must be false when 'last_occurred_on' is given (got {self.last_occurred_on})")


@attrs.frozen
class Metric:
    """A named rate or count for a region in a year (e.g. 行政诉讼败诉率)."""

    id: str = attrs.field(validator=_ident)
    name: str = attrs.field(validator=_ident)
    region: str = attrs.field(validator=_ident)
    year: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.in_(range(1900, 2201))])
    value: float = attrs.field(validator=_finite_range(-1e12, 1e12))


#: JSON section name -> fact class, in load order (referenced kinds first).
FACT_KINDS: dict[str, type[Any]] = {
    "regions": Region,
    "units": Unit,
    "officers": Officer,
    "training": TrainingRecord,
    "certificates": Certificate,
    "task_reports": TaskReport,
    "events": Event,
    "cases": Case,
    "items": EnforcementItem,
    "metrics": Metric,
}
