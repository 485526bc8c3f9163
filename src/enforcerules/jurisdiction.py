"""Jurisdiction declarations: what a plugin says about its plan.

A jurisdiction is data: its names, level, parent, source documents, and its
rules as additions, overrides of a parent's rule (with the intent: tighten,
relax or replace) and repeals. :mod:`enforcerules.rulebook` resolves the
parent chain into one rulebook.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ._fields import tuple_field
from .citation import Citation, Period, SourceDocument
from .facts import Level
from .rules import Rule, Scope

__all__ = ["Bodies", "Declined", "Intent", "Jurisdiction", "NamedBodies", "Override", "Repeal"]

_JID = re.compile(r"^[a-z][a-z0-9_]*$")


def _jid(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _JID.match(value)):
        raise ValueError(f"'{attribute.name}' must be a lower-case identifier like 'shanxi' (got {value!r})")


class Intent(enum.Enum):
    """What an override does to the parent's obligation."""

    TIGHTEN = "tighten"  # stricter: more hours, earlier date, wider scope
    RELAX = "relax"  # weaker, and declared so with its own citation
    REPLACE = "replace"  # different content, neither simply stricter nor weaker


def _params(value: Mapping[str, Any] | tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), v) for k, v in items))


@attrs.frozen
class Override:
    """Change some parameters of an inherited rule, citing the local clause.

    ``params`` name fields of the rule's kind spec (applied with
    :func:`attrs.evolve`); ``None`` fields keep the parent's value.
    """

    rule_id: str
    intent: Intent = attrs.field(validator=attrs.validators.instance_of(Intent))
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    params: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_params)
    title_zh: str | None = None
    title_en: str | None = None
    scope: Scope | None = None
    effective: Period | None = None
    responsible: tuple[str, ...] | None = None
    supporting: tuple[str, ...] | None = None
    note: str = ""

    def apply(self, rule: Rule) -> Rule:
        spec = attrs.evolve(rule.spec, **dict(self.params)) if self.params else rule.spec
        changes: dict[str, Any] = {"spec": spec, "citation": self.citation}
        for name in ("title_zh", "title_en", "scope", "effective", "responsible", "supporting"):
            value = getattr(self, name)
            if value is not None:
                changes[name] = value
        changes["note"] = self.note or rule.note
        return attrs.evolve(rule, **changes)


@attrs.frozen
class Repeal:
    """Remove an inherited rule from this jurisdiction's rulebook, citing why."""

    rule_id: str
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    reason: str = ""


@attrs.frozen
class Declined:
    """An obligation of the plan deliberately not modelled, and why."""

    clause: str
    summary: str
    reason: str


@attrs.frozen
class NamedBodies:
    """A local plan restating a parent's rule for bodies of its own naming.

    Shanxi 5 gives the problem list of each field to "省级行政执法机关"; the
    national rule binds every enforcement unit. A local plan cannot release
    bodies the national plan binds, so by default the parent's breadth stays
    and findings against bodies outside *scope* say they rest on the parent's
    text only; :attr:`Bodies.OWN_PLAN` narrows the rule to *scope* instead.
    """

    rule_id: str
    citation: Citation
    scope: Scope = attrs.field(validator=attrs.validators.instance_of(Scope))
    bodies_zh: str = attrs.field(validator=attrs.validators.min_len(1))


class Bodies(enum.Enum):
    """Whom an inherited rule binds where the local plan names its own bodies (:class:`NamedBodies`)."""

    PARENT_BREADTH = "parent_breadth"  # default: every body the parent's rule binds
    OWN_PLAN = "own_plan"  # only the bodies the local plan names


@attrs.frozen
class Jurisdiction:
    """Everything a plugin declares about one jurisdiction."""

    id: str = attrs.field(validator=_jid)
    name_zh: str = attrs.field(validator=attrs.validators.min_len(1))
    name_en: str = attrs.field(validator=attrs.validators.min_len(1))
    level: Level = attrs.field(validator=attrs.validators.instance_of(Level))
    parent: str | None = attrs.field(default=None, validator=_jid)
    documents: tuple[SourceDocument, ...] = tuple_field(SourceDocument)
    rules: tuple[Rule, ...] = tuple_field(Rule)
    overrides: tuple[Override, ...] = tuple_field(Override)
    repeals: tuple[Repeal, ...] = tuple_field(Repeal)
    declined: tuple[Declined, ...] = tuple_field(Declined)
    note: str = ""
    named_bodies: tuple[NamedBodies, ...] = tuple_field(NamedBodies)
