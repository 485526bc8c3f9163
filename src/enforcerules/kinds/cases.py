"""Penalty cases: 《行政处罚法》 arts. 32 and 33, exemption lists, procedure.

Field vocabulary used by :attr:`Case.field` and exclusions (plugins use these
strings): ``life_health`` (生命健康), ``public_safety`` (公共安全),
``ecology_environment`` (生态环境), ``food_drugs``, ``public_health``,
``natural_resources``, ``work_safety``, ``labour``, ``urban_management``,
``transport``, ``finance``, ``education_training``, ``market_regulation``.

How 《行政处罚法》第三十三条 is read (:class:`PenaltyDisposition`)
-------------------------------------------------------------------
The article has three grounds for not penalising:

- para. 1 sentence 1, "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚"
  (*shall not*): ``harm`` is ``none``, ``corrected_promptly`` holds, and the
  violation is 轻微. The facts record no separate gravity, so 轻微 is taken
  as established only when the case's violation is on one of the rule's
  lists (whose entries are 轻微违法行为 by their title) or the case carries
  a ``minor`` attribute that is true; otherwise a penalised such case is
  ``insufficient_data`` rather than a violation.
- para. 1 sentence 2, "初次违法且危害后果轻微并及时改正的，可以不予行政处罚"
  (*may not*): ``first_violation``, ``harm`` none or minor, corrected
  promptly; switched off by ``first_violation_leniency=False`` and, per
  field, by ``first_violation_excluded_fields`` (Liaoning task 8).
- para. 2, "当事人有证据足以证明没有主观过错的，不予行政处罚" (*shall not*):
  ``no_fault_proven``.

How exemption lists combine with art. 33
----------------------------------------
A published list (不予处罚清单, 首违不罚清单) cannot lawfully exempt a case
the statute does not: it makes art. 33's "may" concrete. So a case whose
``violation_code`` is an entry of one of the rule's lists, decided while the
list is in force, and meeting the entry's recorded conditions, gains a
list ground only if it also meets the facts of a statutory ground:

- ``no_penalty`` lists: sentence 1 (no harm) or sentence 2 (first violation,
  minor harm), each corrected promptly;
- ``first_minor_exempt`` lists: sentence 2 only.

A list ground anchored only on sentence 2 is unavailable where sentence 2
is switched off for the case. An entry worded "不予行政处罚" (``mandatory``)
commits the issuing authority: *shall not*; one worded "可以不予" stays
*may not*. When an entry has conditions the facts do not record
(``unrecorded_conditions``), its *shall not* is unverified: a penalised case
is ``insufficient_data``, not a violation.

Verdicts: a penalised case with a *shall not* ground → ``violation``; a
case not penalised with any ground → ``exempt``; penalised with only a *may
not* ground → ``compliant`` (the authority used its discretion); no ground
→ ``not_applicable``.

How the kinds observe
---------------------
Every case kind starts from :func:`cases_decided` (the cases table, scope
and as-of day applied with polars) and ends in :func:`case_observations`.
:class:`CaseProcedure` is computed column-wise. The art. 33 grounds and the
art. 32 matches are read case by case (:func:`per_case`) through
:meth:`PenaltyDisposition.grounds` and :meth:`MitigationRequired.matched`,
the methods :func:`~enforcerules.decide_case` asks too, so each reading is
written once.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
import polars as pl

from ..citation import Period
from ..conditions import eq, lte
from ..deadlines import DeadlinePolicy
from ..facts import Case, CaseOutcome, Harm
from ..findings import Status
from ..rules import Rule, Subject
from .base import (
    Branch,
    EvalContext,
    Explanation,
    Observation,
    RuleKind,
    finish_observations,
    iso_day,
    scoped_cases_table,
)

__all__ = [
    "ART32_CIRCUMSTANCES",
    "CaseProcedure",
    "ExemptionEntry",
    "ExemptionList",
    "LenientGround",
    "Leniency",
    "ListKind",
    "MitigationRequired",
    "PenaltyDisposition",
    "ProcedureRequirement",
    "case_observations",
    "cases_decided",
    "penalised_expr",
    "per_case",
]


# -- shared by every case kind -------------------------------------------------


_POSITION = "case_position"


def cases_decided(rule: Rule, ctx: EvalContext) -> pl.DataFrame:
    """The cases table restricted to cases in the rule's scope decided by the as-of day (facts order).

    Column ``case_position`` holds each case's index in ``ctx.facts.cases``.
    """
    return scoped_cases_table(rule.scope, ctx.facts, _POSITION).filter(pl.col("decided_on") <= ctx.as_of)


def case_observations(cases: pl.DataFrame, values: dict[str, pl.Expr], evidence: dict[str, pl.Expr]) -> pl.DataFrame:
    """The observation table of a table of cases: a case is observed on its decision day.

    That day decides the rule's effective period; the label is the day in
    ISO form and there is no due day.
    """
    day = pl.col("decided_on")
    frame = cases.with_columns(
        subject=pl.col("id"), label=iso_day(day), period_start=day, period_end=day, due=pl.lit(None, dtype=pl.Date)
    )
    return finish_observations(frame, values, evidence)


def per_case(
    cases: pl.DataFrame, ctx: EvalContext, columns: dict[str, pl.DataType], read: Callable[[Case], Sequence[Any]]
) -> pl.DataFrame:
    """*cases* (from :func:`cases_decided`) with *columns* added, read off each case by *read* (a tuple per case).

    For kinds whose reading of a case is intricate and is also asked case
    by case (:func:`~enforcerules.decide_case`): the case-level method stays
    the one implementation. It reads the facts' case objects, built once
    per facts set whichever rules ask.
    """
    objects = ctx.facts.cases
    got = [read(objects[i]) for i in cases.get_column(_POSITION).to_list()]
    data = {
        name: _list_series(name, [row[i] for row in got]) if dtype == pl.List(pl.String()) else pl.Series(name, [row[i] for row in got], dtype=dtype)
        for i, (name, dtype) in enumerate(columns.items())
    }
    return cases.with_columns(**data)


def _list_series(name: str, lists: list[list[str]]) -> pl.Series:
    """A ``List(String)`` column of Python lists, built flat (polars converts nested lists one by one, slowly)."""
    n = len(lists)
    lengths = pl.Series("n", [len(x) for x in lists], dtype=pl.UInt32)
    flat = pl.DataFrame({
        "row": pl.select(pl.int_range(n, dtype=pl.UInt32).repeat_by(lengths).explode()).to_series() if n else pl.Series([], dtype=pl.UInt32),
        "item": pl.Series([x for xs in lists for x in xs], dtype=pl.String),
    })
    grouped = flat.group_by("row", maintain_order=True).agg(pl.col("item"))
    rows = pl.DataFrame({"row": pl.Series(range(n), dtype=pl.UInt32)}).join(grouped, on="row", how="left", maintain_order="left")
    return rows.get_column("item").fill_null(pl.lit([], dtype=pl.List(pl.String))).alias(name)


def penalised_expr() -> pl.Expr:
    """Whether a case (column ``outcome``) carries a penalty: any outcome but not penalised."""
    return pl.col("outcome") != CaseOutcome.NOT_PENALISED.value


_HARM_RANK = {Harm.NONE: 0, Harm.MINOR: 1, Harm.SERIOUS: 2}
_OUTCOME_ZH = {
    CaseOutcome.NOT_PENALISED: "不予处罚",
    CaseOutcome.PENALISED: "予以处罚",
    CaseOutcome.LIGHTER: "从轻处罚",
    CaseOutcome.MITIGATED: "减轻处罚",
}
_BOOL = attrs.validators.instance_of(bool)


def _text(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'{attribute.name}' must be a non-empty string (got {value!r})")


def _str_tuple(**kw: Any) -> Any:
    return attrs.field(
        converter=tuple,
        validator=attrs.validators.deep_iterable(_text, attrs.validators.instance_of(tuple)),
        **kw,
    )


# -- exemption lists -------------------------------------------------------------


class ListKind(enum.Enum):
    """The lists the plans name (Liaoning's 四张清单 and Shanxi's three)."""

    NO_PENALTY = "no_penalty"  # 不予处罚清单 / 轻微违法行为依法不予处罚清单
    FIRST_MINOR_EXEMPT = "first_minor_exempt"  # 首次轻微违法免予处罚清单 (首违不罚)
    LIGHTER = "lighter"  # 从轻处罚清单
    MITIGATED = "mitigated"  # 减轻处罚清单
    NO_COERCIVE_MEASURE = "no_coercive_measure"  # 不予实施行政强制措施清单


#: List kinds that say when not to penalise, and those that say when to penalise less.
NOT_PENALISE_LISTS = (ListKind.NO_PENALTY, ListKind.FIRST_MINOR_EXEMPT)
LESSEN_LISTS = (ListKind.LIGHTER, ListKind.MITIGATED)


@attrs.frozen
class ExemptionEntry:
    """One row of a published list: a violation and the conditions for leniency.

    ``violation``, ``conditions`` and ``basis`` are the published text. The
    conditions the facts can check are restated as ``first_violation_required``,
    ``max_harm`` and ``correction_required``; any the facts do not record
    (thresholds, time windows, locations) go in ``unrecorded_conditions``.
    ``mandatory`` is true for "不予行政处罚", false for "可以不予行政处罚".
    A case uses the entry when its ``violation_code`` equals ``code``;
    ``field`` is descriptive and not matched.
    """

    code: str = attrs.field(validator=_text)  # matched against Case.violation_code
    violation: str = attrs.field(validator=_text)  # 违法行为, as published
    field: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    conditions: str = attrs.field(default="", validator=attrs.validators.instance_of(str))  # 适用条件/情节, as published
    basis: str = attrs.field(default="", validator=attrs.validators.instance_of(str))  # 违反条款/法律依据, as published
    first_violation_required: bool = attrs.field(default=False, validator=_BOOL)
    max_harm: Harm = attrs.field(default=Harm.MINOR, validator=attrs.validators.instance_of(Harm))
    correction_required: bool = attrs.field(default=True, validator=_BOOL)
    mandatory: bool = attrs.field(default=True, validator=_BOOL)
    unrecorded_conditions: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def recorded_conditions_met(self, case: Case) -> bool:
        return (
            (case.first_violation or not self.first_violation_required)
            and _HARM_RANK[case.harm] <= _HARM_RANK[self.max_harm]
            and (case.corrected_promptly or not self.correction_required)
        )


def _entry_tuple(value: Iterable[ExemptionEntry]) -> tuple[ExemptionEntry, ...]:
    return tuple(value)


def _unique_codes(inst: ExemptionList, attribute: attrs.Attribute[Any], value: tuple[ExemptionEntry, ...]) -> None:
    seen: set[str] = set()
    for e in value:
        if e.code in seen:
            raise ValueError(f"'{attribute.name}' of list {inst.id!r} has the code {e.code!r} twice")
        seen.add(e.code)


@attrs.frozen
class ExemptionList:
    """A published list, as data (see :mod:`enforcerules.exemption_lists` for the JSON form).

    ``effective``: the days the list is in force (``None``: no limit known);
    cases decided outside it do not use the list.
    """

    id: str = attrs.field(validator=_text)
    kind: ListKind = attrs.field(validator=attrs.validators.instance_of(ListKind))
    title: str = attrs.field(validator=_text)
    issuer: str = attrs.field(validator=_text)
    entries: tuple[ExemptionEntry, ...] = attrs.field(
        default=(),
        converter=_entry_tuple,
        validator=[attrs.validators.deep_iterable(attrs.validators.instance_of(ExemptionEntry)), _unique_codes],
    )
    number: str = attrs.field(default="", validator=attrs.validators.instance_of(str))  # 文号
    effective: Period | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period)))
    source: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    notes: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str)))

    def entry_for(self, case: Case) -> ExemptionEntry | None:
        """The entry naming the case's violation, if the list is in force on the decision day."""
        if case.violation_code is None or (self.effective is not None and case.decided_on not in self.effective):
            return None
        return next((e for e in self.entries if e.code == case.violation_code), None)


def _lists_of(kinds: tuple[ListKind, ...]) -> Any:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: tuple[ExemptionList, ...]) -> None:
        for lst in value:
            if not isinstance(lst, ExemptionList):
                raise TypeError(f"'{attribute.name}' must hold ExemptionList values (got {lst!r})")
            if lst.kind not in kinds:
                allowed = ", ".join(k.value for k in kinds)
                raise ValueError(f"'{attribute.name}' takes lists of kind {allowed} (got {lst.id!r} of kind {lst.kind.value!r})")

    return check


# -- art. 33: grounds for not penalising ---------------------------------------------


class Leniency(enum.Enum):
    """How strongly a ground speaks against penalising."""

    SHALL_NOT = "shall_not"  # 不予行政处罚
    SHALL_NOT_UNVERIFIED = "shall_not_unverified"  # would be shall-not; a condition is not in the facts
    MAY_NOT = "may_not"  # 可以不予行政处罚


_STRENGTH = {Leniency.SHALL_NOT: 3, Leniency.SHALL_NOT_UNVERIFIED: 2, Leniency.MAY_NOT: 1}
_DUTY = {Leniency.SHALL_NOT: "shall", Leniency.SHALL_NOT_UNVERIFIED: "shall_q", Leniency.MAY_NOT: "may"}


@attrs.frozen
class LenientGround:
    """One reason the law or a list gives for not penalising a case."""

    leniency: Leniency
    basis: str  # "art33.1.1", "art33.1.2", "art33.2" or "list:<list id>:<entry code>"
    reason_zh: str
    reason_en: str
    unverified: str = ""  # the condition the facts do not record, for SHALL_NOT_UNVERIFIED


_S1_ZH, _S1_EN = "违法行为轻微并及时改正，没有造成危害后果", "a minor violation, promptly corrected, with no harmful consequence"
_S2_ZH, _S2_EN = "初次违法且危害后果轻微并及时改正", "a first violation with minor harm, promptly corrected"
_S3_ZH, _S3_EN = "当事人有证据足以证明没有主观过错", "the party proved it bore no subjective fault"


def _sentence2_facts(case: Case) -> bool:
    """初次违法且危害后果轻微并及时改正 (no harm at all is within "轻微")."""
    return case.first_violation and case.harm in (Harm.NONE, Harm.MINOR) and case.corrected_promptly


@attrs.frozen
class PenaltyDisposition(RuleKind):
    """Whether a case that was penalised should not have been (art. 33, lists).

    ``first_violation_leniency``: art. 33 para. 1 sentence 2 ("初次违法且危害
    后果轻微并及时改正的，可以不予行政处罚"). ``first_violation_excluded_fields``:
    fields where that leniency is not available (Liaoning task 8).
    ``lists``: published 不予处罚 / 首违不罚 lists the rule applies. The
    module docstring states how all of these combine.
    """

    kind_name = "penalty_disposition"
    subject = Subject.CASE

    first_violation_leniency: bool = attrs.field(default=True, validator=_BOOL)
    first_violation_excluded_fields: tuple[str, ...] = _str_tuple(default=())
    lists: tuple[ExemptionList, ...] = attrs.field(default=(), converter=tuple, validator=_lists_of(NOT_PENALISE_LISTS))

    def sentence2_available(self, case: Case) -> bool:
        return self.first_violation_leniency and case.field not in self.first_violation_excluded_fields

    def grounds(self, case: Case) -> tuple[LenientGround, ...]:
        """Every ground of art. 33 and of the rule's lists that the case meets, strongest first."""
        # Sentence 1 needs 违法行为轻微: recorded as not minor, it cannot apply.
        s1_facts = case.harm is Harm.NONE and case.corrected_promptly and case.minor is not False
        s2 = _sentence2_facts(case) and self.sentence2_available(case)
        out: list[LenientGround] = []
        if case.no_fault_proven:
            out.append(LenientGround(Leniency.SHALL_NOT, "art33.2", _S3_ZH, _S3_EN))
        listed = [] if not (s1_facts or s2) else self._list_grounds(case, s1_facts, s2)
        if s1_facts:
            out.append(self._sentence1(case, listed))
        if s2:
            out.append(LenientGround(Leniency.MAY_NOT, "art33.1.2", _S2_ZH, _S2_EN))
        out.extend(g for g, _ in listed)
        return tuple(sorted(out, key=lambda g: -_STRENGTH[g.leniency]))

    def _list_grounds(self, case: Case, s1_facts: bool, s2: bool) -> list[tuple[LenientGround, bool]]:
        """(ground, verified) for each list entry the case meets within art. 33."""
        out = []
        for lst in self.lists:
            entry = lst.entry_for(case)
            if entry is None or not entry.recorded_conditions_met(case):
                continue
            anchored = s2 if lst.kind is ListKind.FIRST_MINOR_EXEMPT else (s1_facts or s2)
            if not anchored:
                continue
            verified = not entry.unrecorded_conditions
            if not entry.mandatory:
                leniency = Leniency.MAY_NOT
            else:
                leniency = Leniency.SHALL_NOT if verified else Leniency.SHALL_NOT_UNVERIFIED
            zh = f"列入《{lst.title}》第{entry.code}项（{entry.violation}），符合所列情节"
            en = f"listed in {lst.id} as entry {entry.code} ({entry.violation}) and meeting its recorded conditions"
            out.append((LenientGround(leniency, f"list:{lst.id}:{entry.code}", zh, en, entry.unrecorded_conditions), verified))
        return out

    def _sentence1(self, case: Case, listed: list[tuple[LenientGround, bool]]) -> LenientGround:
        minor = case.minor  # 违法行为轻微, when the facts record it
        if minor is True or any(verified for _, verified in listed):
            return LenientGround(Leniency.SHALL_NOT, "art33.1.1", _S1_ZH, _S1_EN)
        pending = next((g.unverified for g, _ in listed), "")
        unverified = f"违法行为轻微（{pending}）" if pending else "违法行为轻微"
        return LenientGround(Leniency.SHALL_NOT_UNVERIFIED, "art33.1.1", _S1_ZH, _S1_EN, unverified)

    def _reading(self, case: Case) -> tuple[Any, ...]:
        grounds = self.grounds(case)
        top = grounds[0] if grounds else None
        return (
            _DUTY[top.leniency] if top else "none",
            [g.basis for g in grounds],
            _sentence2_facts(case) and not self.sentence2_available(case),
            top.reason_zh if top else "",
            top.reason_en if top else "",
            top.unverified if top else "",
        )

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        text = pl.String()
        columns = {"duty": text, "grounds": pl.List(text), "excluded": pl.Boolean(), "reason_zh": text, "reason_en": text, "unverified": text}
        frame = per_case(cases_decided(rule, ctx), ctx, columns, self._reading)
        values = {"pen": penalised_expr().cast(pl.Int64), "duty": pl.col("duty")}
        evidence = {
            "outcome": pl.col("outcome"),
            "grounds": pl.col("grounds"),
            "violation_code": pl.col("violation_code"),
            "first_violation_excluded": pl.col("excluded"),
            "reason_zh": pl.col("reason_zh"),
            "reason_en": pl.col("reason_en"),
            "unverified": pl.col("unverified"),
        }
        return case_observations(frame, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        return [
            Branch(Status.NOT_APPLICABLE, eq("duty", "none")),
            Branch(Status.EXEMPT, eq("pen", 0)),
            Branch(Status.VIOLATION, eq("duty", "shall")),
            Branch(Status.COMPLIANT, eq("duty", "may")),
            Branch(Status.INSUFFICIENT_DATA),
        ]

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        return _explain_disposition(obs, status)


def _explain_disposition(obs: Observation, status: Status) -> Explanation:
    outcome = CaseOutcome(obs.evidence["outcome"])
    did_zh = _OUTCOME_ZH[outcome]
    if status is Status.NOT_APPLICABLE:
        if obs.evidence.get("first_violation_excluded"):
            # The case would be a first minor violation; it is the field that keeps it out.
            return Explanation(
                "案件为初次违法且危害后果轻微并及时改正，但所属执法领域在本规则排除的领域之内，本规则的首违不罚（容错免罚）不适用于该案",
                "a first minor violation, corrected promptly, but in an enforcement field this rule excludes from first-violation leniency",
            )
        return Explanation("案件不具有第三十三条规定的不予处罚情形", "the case meets no ground of art. 33 for not penalising")
    ev = obs.evidence
    why_zh, why_en, unverified = ev["reason_zh"], ev["reason_en"], ev["unverified"]
    if status is Status.EXEMPT:
        return Explanation(f"案件属于“{why_zh}”的情形，依法不予处罚", f"not penalised: {why_en}")
    if status is Status.VIOLATION:
        return Explanation(
            f"案件属于“{why_zh}”的情形，依法应当不予处罚，却{did_zh}",
            f"the case is {why_en}, which the law says shall not be penalised, yet it was {outcome.value.replace('_', ' ')}",
            "依法撤销或者纠正处罚决定，并对当事人进行教育", "revoke or correct the penalty decision and educate the party",
        )
    if status is Status.COMPLIANT:
        return Explanation(
            f"案件属于“{why_zh}”的情形，可以不予处罚；机关依裁量{did_zh}，在法定裁量范围内",
            f"the case is {why_en}, which may go unpenalised; the authority chose to penalise, within its discretion",
        )
    return Explanation(
        f"若“{unverified}”成立，案件属于“{why_zh}”的情形，应当不予处罚；事实未记录该条件，无法判断",
        f"the case would be {why_en}, not to be penalised, if a condition the facts do not record holds: {unverified}",
        "核实并补录该条件", "verify and record the condition",
    )


# -- art. 32: circumstances requiring a lighter or mitigated penalty -----------------

#: 《行政处罚法》第三十二条's items, by the circumstance code :attr:`Case.mitigating` uses.
ART32_CIRCUMSTANCES: dict[str, tuple[str, str]] = {
    "eliminated_harm": ("主动消除或者减轻违法行为危害后果的", "actively eliminated or reduced the harmful consequences"),
    "coerced_or_induced": ("受他人胁迫或者诱骗实施违法行为的", "was coerced or induced by others into the violation"),
    "confessed": ("主动供述行政机关尚未掌握的违法行为的", "voluntarily confessed violations the authority did not yet know of"),
    "meritorious_service": ("配合行政机关查处违法行为有立功表现的", "performed meritorious service helping the authority investigate violations"),
    "other_statutory": ("法律、法规、规章规定其他应当从轻或者减轻行政处罚的", "another circumstance that laws, regulations or rules say requires a lighter or mitigated penalty"),
}


@attrs.frozen
class MitigationRequired(RuleKind):
    """Art. 32: with a listed circumstance, the penalty shall be lighter or mitigated.

    A case whose ``mitigating`` codes include one of ``circumstances`` (or
    whose violation is on one of ``lists`` — 从轻/减轻处罚清单 — with the
    entry's recorded conditions met) must end LIGHTER, MITIGATED or
    NOT_PENALISED; an ordinary PENALISED outcome is a violation.
    """

    kind_name = "mitigation_required"
    subject = Subject.CASE

    circumstances: tuple[str, ...] = _str_tuple(default=tuple(ART32_CIRCUMSTANCES))
    lists: tuple[ExemptionList, ...] = attrs.field(default=(), converter=tuple, validator=_lists_of(LESSEN_LISTS))

    def matched(self, case: Case) -> tuple[str, ...]:
        """The circumstance codes and list entries (``list:<id>:<code>``) the case meets."""
        codes = [c for c in self.circumstances if c in case.mitigating]
        for lst in self.lists:
            entry = lst.entry_for(case)
            if entry is not None and entry.recorded_conditions_met(case):
                codes.append(f"list:{lst.id}:{entry.code}")
        return tuple(codes)

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        frame = per_case(cases_decided(rule, ctx), ctx, {"matched": pl.List(pl.String())}, lambda c: (list(self.matched(c)),))
        values = {"has": pl.col("matched").list.len().cast(pl.Int64), "out": pl.col("outcome")}
        other = pl.col("mitigating").list.eval(pl.element().filter(~pl.element().is_in(list(self.circumstances))))
        evidence = {"outcome": pl.col("outcome"), "circumstances": pl.col("matched"), "other_codes": other}
        return case_observations(frame, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        return [
            Branch(Status.NOT_APPLICABLE, eq("has", 0)),
            Branch(Status.VIOLATION, eq("out", CaseOutcome.PENALISED.value)),
            Branch(Status.COMPLIANT),
        ]

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        if status is Status.NOT_APPLICABLE:
            return Explanation("案件没有应当从轻或者减轻处罚的情形", "the case has no circumstance requiring a lighter or mitigated penalty")
        found = obs.evidence["circumstances"]
        zh = "；".join(circumstance_text(c)[0] for c in found)
        en = "; ".join(circumstance_text(c)[1] for c in found)
        outcome = CaseOutcome(obs.evidence["outcome"])
        if status is Status.COMPLIANT:
            return Explanation(f"案件有应当从轻或者减轻处罚的情形（{zh}），已{_OUTCOME_ZH[outcome]}", f"the case has a circumstance requiring leniency ({en}) and was {outcome.value.replace('_', ' ')}")
        return Explanation(
            f"案件有应当从轻或者减轻处罚的情形（{zh}），却未从轻或者减轻处罚",
            f"the case has a circumstance requiring a lighter or mitigated penalty ({en}), yet was penalised in the ordinary range",
            "依法变更为从轻或者减轻处罚", "change the decision to a lighter or mitigated penalty",
        )


def circumstance_text(code: str) -> tuple[str, str]:
    """Chinese and English wording of a circumstance code or matched list entry."""
    if code.startswith("list:"):
        _, lst, entry = code.split(":", 2)
        return f"列入{lst}第{entry}项", f"entry {entry} of list {lst}"
    return ART32_CIRCUMSTANCES.get(code, (code, code))


# -- procedure -----------------------------------------------------------------------


class ProcedureRequirement(enum.Enum):
    LEGAL_REVIEW_BEFORE_MAJOR_DECISION = "legal_review_before_major_decision"  # 重大执法决定法制审核
    CITES_DISCRETION_BASELINE = "cites_discretion_baseline"  # 文书引用裁量基准并说明理由
    FULL_PROCESS_RECORD = "full_process_record"  # 执法全过程记录


@attrs.frozen
class CaseProcedure(RuleKind):
    """A procedural requirement every (penalised or major) case meets.

    ``LEGAL_REVIEW_BEFORE_MAJOR_DECISION``: a ``major`` case has its legal
    review (``legal_review_on``) on or before the decision day; none, or a
    review only after the decision → ``violation`` (《行政处罚法》第五十八条:
    "未经法制审核或者审核未通过的，不得作出决定" — a decision made before its
    review was made without one, so it is not merely late); other cases
    ``not_applicable``. ``CITES_DISCRETION_BASELINE``: a case with a penalty
    (any outcome but NOT_PENALISED) cites the discretion baseline; cases not
    penalised are ``not_applicable``. ``FULL_PROCESS_RECORD``: every case's
    file records the whole process (``fully_recorded``); not recorded either
    way → ``insufficient_data``.
    """

    kind_name = "case_procedure"
    subject = Subject.CASE

    requirement: ProcedureRequirement = attrs.field(validator=attrs.validators.instance_of(ProcedureRequirement))

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        # A review dated after the as-of day has not happened yet.
        review = pl.when(pl.col("legal_review_on") <= ctx.as_of).then(pl.col("legal_review_on"))
        values = {
            "major": pl.col("major").cast(pl.Int64),
            "rev": review.is_not_null().cast(pl.Int64),
            "lag": (review - pl.col("decided_on")).dt.total_days().fill_null(0).cast(pl.Int64),
            "pen": penalised_expr().cast(pl.Int64),
            "cites": pl.col("cites_discretion_baseline").cast(pl.Int64),
            "rec": pl.col("fully_recorded").cast(pl.Int64).fill_null(-1),
        }
        evidence = {
            "major": pl.col("major"),
            "legal_review_on": review,
            "outcome": pl.col("outcome"),
            "cites_discretion_baseline": pl.col("cites_discretion_baseline"),
            "fully_recorded": pl.col("fully_recorded"),
        }
        return case_observations(cases_decided(rule, ctx), values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        if self.requirement is ProcedureRequirement.LEGAL_REVIEW_BEFORE_MAJOR_DECISION:
            return [
                Branch(Status.NOT_APPLICABLE, eq("major", 0)),
                Branch(Status.VIOLATION, eq("rev", 0)),
                Branch(Status.COMPLIANT, lte("lag", 0)),
                Branch(Status.VIOLATION),
            ]
        if self.requirement is ProcedureRequirement.FULL_PROCESS_RECORD:
            return [
                Branch(Status.INSUFFICIENT_DATA, eq("rec", -1)),
                Branch(Status.COMPLIANT, eq("rec", 1)),
                Branch(Status.VIOLATION),
            ]
        return [
            Branch(Status.NOT_APPLICABLE, eq("pen", 0)),
            Branch(Status.COMPLIANT, eq("cites", 1)),
            Branch(Status.VIOLATION),
        ]

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        day = obs.label
        if self.requirement is ProcedureRequirement.FULL_PROCESS_RECORD:
            if status is Status.INSUFFICIENT_DATA:
                return Explanation(f"案件（{day}作出决定）未记录是否进行了执法全过程记录", "whether the case's whole process was recorded is not in the facts",
                                   "补充该案件执法全过程记录的情况", "record whether the whole process was recorded")
            if status is Status.COMPLIANT:
                return Explanation(f"案件（{day}作出决定）已对执法全过程进行记录", f"the whole process of the case decided on {day} is recorded")
            return Explanation(f"案件（{day}作出决定）未对执法全过程进行完整记录", f"the case decided on {day} lacks a record of its whole process",
                               "补全案卷的执法全过程记录", "complete the record of the whole process in the case file")
        if self.requirement is ProcedureRequirement.CITES_DISCRETION_BASELINE:
            if status is Status.NOT_APPLICABLE:
                return Explanation("案件不予处罚，无需引用裁量基准", "the case was not penalised, so no baseline need be cited")
            if status is Status.COMPLIANT:
                return Explanation("处罚决定引用了行政裁量权基准", "the penalty decision cites the discretion baseline")
            return Explanation("处罚决定未引用行政裁量权基准", "the penalty decision does not cite the discretion baseline", "在文书中引用裁量基准并说明理由", "cite the baseline in the decision and give reasons")
        review = obs.evidence["legal_review_on"]
        if status is Status.NOT_APPLICABLE:
            return Explanation("案件不属于重大执法决定", "the case is not a major enforcement decision")
        if status is Status.COMPLIANT:
            return Explanation(f"重大执法决定于{day}作出，此前已于{review}进行法制审核", f"major decision made on {day} after legal review on {review}")
        art58_zh = "《行政处罚法》第五十八条：未经法制审核或者审核未通过的，不得作出决定"
        art58_en = "行政处罚法 art. 58: no decision may be made without legal review"
        fix = ("对该决定进行法制审核并依法纠正", "have the decision legally reviewed and correct it as needed")
        if review:
            return Explanation(
                f"重大执法决定于{day}作出，法制审核迟至{review}才进行，作出决定时未经法制审核（{art58_zh}）",
                f"major decision made on {day}, legal review only on {review}: the decision was made without review ({art58_en})", *fix)
        return Explanation(f"重大执法决定于{day}作出，未经法制审核（{art58_zh}）", f"major decision made on {day} without legal review ({art58_en})", *fix)
