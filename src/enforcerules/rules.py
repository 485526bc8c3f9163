"""Rule declarations: the cited, data-only form every obligation takes.

A :class:`Rule` pairs what the plan says (id, titles, citation, effective
period, who it binds) with a *kind spec* from :mod:`enforcerules.kinds`
holding the numbers and dates (60 hours, "2023年底前", 15 days). No Python
callables appear in a declaration; behaviour lives in the kind.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from typing import Any

import attrs

from ._fields import tuple_field
from .citation import Citation, Period
from .facts import Level, UnitKind

__all__ = ["PLAN_PERIOD", "Rule", "Scope", "Subject"]

#: The span of every 2023—2025 plan: from the national plan's issue date to
#: the end of 2025 ("到2025年底").
PLAN_PERIOD = Period(_dt.date(2023, 8, 9), _dt.date(2025, 12, 31))

_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


class Subject(enum.Enum):
    """Whom a rule binds; each finding is about one such subject."""

    OFFICER = "officer"
    UNIT = "unit"
    REGION = "region"
    CASE = "case"
    CERTIFICATE = "certificate"
    ITEM = "item"  # an enforcement item (行政执法事项) of a unit


@attrs.frozen
class Scope:
    """Which subjects of a kind a rule applies to; empty filters match all.

    ``unit_kinds`` and ``levels`` filter units (and, for officers and cases,
    the unit they belong to); ``levels`` filters regions for region rules;
    ``township`` restricts officer rules to township/street officers;
    ``fields`` restricts unit and case rules to enforcement fields.
    ``named`` (unit rules only) binds as well, at the scope's ``levels``, the
    units whose name contains one of these texts whatever their kind or field:
    the bodies a plan names that are neither enforcement nor justice units
    (Datong （35） "区数据资源局", （42） "区财政局").
    """

    subject: Subject = attrs.field(validator=attrs.validators.instance_of(Subject))
    unit_kinds: tuple[UnitKind, ...] = tuple_field(UnitKind)
    levels: tuple[Level, ...] = tuple_field(Level)
    township: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )
    fields: tuple[str, ...] = tuple_field(str)
    named: tuple[str, ...] = tuple_field(str)

    def __attrs_post_init__(self) -> None:
        if self.named and self.subject is not Subject.UNIT:
            raise ValueError(f"'named' binds units by name, so it needs subject UNIT (got {self.subject.value!r} with named={self.named!r})")
        if any(not n for n in self.named):
            raise ValueError(f"'named' must hold non-empty names (got {self.named!r})")


def _rule_id(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _RULE_ID.match(value):
        raise ValueError(
            f"'{attribute.name}' must be a dotted lower-case id like 'national.training.annual_hours' (got {value!r})"
        )


def _kind_spec(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    from .kinds.base import RuleKind

    if not isinstance(value, RuleKind):
        raise TypeError(
            f"'{attribute.name}' must be a rule kind spec from enforcerules.kinds (got {value!r} that is a {type(value)!r})"
        )


@attrs.frozen
class Rule:
    """One checkable obligation, cited and quoted.

    ``responsible`` and ``supporting`` carry the plan's 责任单位/牵头单位 and
    配合单位 as written; ``note`` records how an ambiguity was resolved.
    """

    id: str = attrs.field(validator=_rule_id)
    title_zh: str = attrs.field(validator=attrs.validators.min_len(1))
    title_en: str = attrs.field(validator=attrs.validators.min_len(1))
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    spec: Any = attrs.field(validator=_kind_spec)
    scope: Scope = attrs.field(validator=attrs.validators.instance_of(Scope))
    effective: Period = attrs.field(default=PLAN_PERIOD, validator=attrs.validators.instance_of(Period))
    responsible: tuple[str, ...] = tuple_field(str)
    supporting: tuple[str, ...] = tuple_field(str)
    note: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    @property
    def kind(self) -> str:
        return str(self.spec.kind_name)
