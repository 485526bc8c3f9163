"""What the rulebook says about disposing of one penalty case.

:func:`decide_case` answers, before or after a decision is made, which
dispositions a rulebook's case rules require or allow for a case: *shall not
penalise* and *may not penalise* (《行政处罚法》第三十三条 and published
exemption lists, through :class:`~enforcerules.kinds.PenaltyDisposition`
rules) and *shall lighten or mitigate* (第三十二条, through
:class:`~enforcerules.kinds.MitigationRequired` rules). Each disposition names
the rule, its citation and the reason. It is a pure function of the
rulebook and the case; it applies the same grounds as evaluation does.
"""

from __future__ import annotations

import enum

import attrs

from .citation import Citation
from .facts import Case, CaseOutcome, Unit
from .factset import Facts
from .kinds.base import case_in_scope
from .kinds.cases import Leniency, MitigationRequired, PenaltyDisposition, circumstance_text
from .rulebook import Rulebook
from .rules import Rule

__all__ = ["CaseDecision", "Disposition", "DispositionKind", "decide_case"]


class DispositionKind(enum.Enum):
    """What a rule says about penalising a case, most constraining first."""

    SHALL_NOT_PENALISE = "shall_not_penalise"  # 不予行政处罚
    SHALL_LIGHTEN_OR_MITIGATE = "shall_lighten_or_mitigate"  # 应当从轻或者减轻
    MAY_NOT_PENALISE = "may_not_penalise"  # 可以不予行政处罚
    NONE = "none"


_ORDER = list(DispositionKind)


@attrs.frozen
class Disposition:
    """One rule's say on one case, and why.

    ``unverified`` is non-empty when the disposition holds only if a condition
    the facts do not record holds (e.g. that the violation was 轻微); such a
    disposition is reported but does not constrain :meth:`CaseDecision.permits`.
    """

    kind: DispositionKind
    rule_id: str
    citation: Citation
    basis: str
    reason_zh: str
    reason_en: str
    unverified: str = ""

    @property
    def verified(self) -> bool:
        return not self.unverified


@attrs.frozen
class CaseDecision:
    """Every disposition the rulebook's case rules give one case."""

    case_id: str
    dispositions: tuple[Disposition, ...] = ()

    @property
    def strongest(self) -> DispositionKind:
        """The most constraining verified disposition (``NONE`` if there is none)."""
        kinds = {d.kind for d in self.dispositions if d.verified}
        return next((k for k in _ORDER if k in kinds), DispositionKind.NONE)

    def of_kind(self, kind: DispositionKind) -> tuple[Disposition, ...]:
        return tuple(d for d in self.dispositions if d.kind is kind)

    def permits(self, outcome: CaseOutcome) -> bool:
        """Whether *outcome* is consistent with every verified disposition."""
        kinds = {d.kind for d in self.dispositions if d.verified}
        if DispositionKind.SHALL_NOT_PENALISE in kinds:
            return outcome is CaseOutcome.NOT_PENALISED
        if DispositionKind.SHALL_LIGHTEN_OR_MITIGATE in kinds:
            return outcome is not CaseOutcome.PENALISED
        return True


def _applies(rule: Rule, case: Case, unit: Unit | None) -> bool:
    """The rule's effective period and scope cover the case (unit filters need the case's unit)."""
    return case.decided_on in rule.effective and case_in_scope(rule.scope, case, unit)


_FROM_LENIENCY = {
    Leniency.SHALL_NOT: DispositionKind.SHALL_NOT_PENALISE,
    Leniency.SHALL_NOT_UNVERIFIED: DispositionKind.SHALL_NOT_PENALISE,
    Leniency.MAY_NOT: DispositionKind.MAY_NOT_PENALISE,
}


def _dispositions(rule: Rule, case: Case) -> list[Disposition]:
    spec = rule.spec
    if isinstance(spec, PenaltyDisposition):
        return [
            Disposition(_FROM_LENIENCY[g.leniency], rule.id, rule.citation, g.basis, g.reason_zh, g.reason_en, g.unverified)
            for g in spec.grounds(case)
        ]
    if isinstance(spec, MitigationRequired):
        return [
            Disposition(DispositionKind.SHALL_LIGHTEN_OR_MITIGATE, rule.id, rule.citation, code, *circumstance_text(code))
            for code in spec.matched(case)
        ]
    return []


def _case_rules(rulebook: Rulebook) -> tuple[Rule, ...]:
    """The rulebook's rules that can say anything about one case (kept on the rulebook's cache)."""
    return rulebook.rules_of_kind((PenaltyDisposition, MitigationRequired))


def decide_case(rulebook: Rulebook, case: Case, *, facts: Facts | None = None) -> CaseDecision:
    """Which dispositions *rulebook*'s case rules require or allow for *case*.

    A rule counts when the case's decision day lies in its effective period
    and the case is in its scope. Rules whose scope filters by unit kind or
    level count only when *facts* holds the case's unit.
    """
    unit = facts.unit_by_id.get(case.unit) if facts is not None else None
    found = [d for r in _case_rules(rulebook) if _applies(r, case, unit) for d in _dispositions(r, case)]
    found.sort(key=lambda d: (_ORDER.index(d.kind), not d.verified, d.rule_id, d.basis))
    return CaseDecision(case.id, tuple(found))
