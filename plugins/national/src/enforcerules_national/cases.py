"""Case- and certificate-level rules of 国办发〔2023〕27号 (二（一）3, 二（二）3).

- 二（一）3 "未取得行政执法证件的人员不得独立从事行政执法工作": every penalty
  case has at least one handling officer holding a valid certificate on the
  decision day. "独立" is read as "without a certified officer alongside":
  an uncertified officer may take part in a case handled together with a
  certified one (Tianjin's stricter "不得从事" is an override there).
- 二（二）3 "重大执法决定法制审核制度": every major decision is legally
  reviewed before it is made (the review system as 《行政处罚法》第五十八条
  states it: "未经法制审核或者审核未通过的，不得作出决定").

Not modelled: the exit mechanism of 二（一）3 (see :data:`DECLINED`).
"""

from __future__ import annotations

from enforcerules import Declined, Rule, Scope, Subject
from enforcerules.kinds import CaseProcedure, CertifiedHandling, ProcedureRequirement

from .plan import cite

__all__ = ["DECLINED", "RULES"]

INDEPENDENT_ENFORCEMENT = Rule(
    id="national.certificates.independent_enforcement",
    title_zh="未取得行政执法证件的人员不得独立从事行政执法工作",
    title_en="No independent enforcement without an enforcement certificate",
    citation=cite("二（一）3", "严格落实行政执法人员资格管理和持证上岗制度，未取得行政执法证件的人员不得独立从事行政执法工作"),
    spec=CertifiedHandling(min_certified=1),
    scope=Scope(Subject.CASE),
    note=(
        "Checked per penalty case on its decision day: at least one handling officer holds a valid "
        "certificate (issued, not suspended, not revoked). '独立' (independently) is read as 'with no "
        "certified officer handling the case'; set all_certified=True for the stricter '不得从事' "
        "reading. The two-officer rule of 《行政处罚法》第四十二条 is national.penalty_law.art42."
    ),
)

LEGAL_REVIEW = Rule(
    id="national.cases.legal_review",
    title_zh="重大执法决定法制审核",
    title_en="Legal review before every major enforcement decision",
    citation=cite("二（二）3", "严格行政执法程序，全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度"),
    spec=CaseProcedure(ProcedureRequirement.LEGAL_REVIEW_BEFORE_MAJOR_DECISION),
    scope=Scope(Subject.CASE),
    note=(
        "The third of the three systems (full-process recording is national.cases.full_process_record; "
        "publication is declined in plan.DECLINED). Which cases are major is the facts' `major` flag, as each authority's "
        "法制审核事项清单 decides. The review must be dated on or before the decision day "
        "(《行政处罚法》第五十八条: '在行政机关负责人作出行政处罚的决定之前…进行法制审核；未经法制审核"
        "或者审核未通过的，不得作出决定'); a review after the decision means the decision was made without one: a violation, not late."
    ),
)

FULL_PROCESS_RECORD = Rule(
    id="national.cases.full_process_record",
    title_zh="执法全过程记录",
    title_en="The whole enforcement process of each case is recorded",
    citation=cite("二（二）3", "严格行政执法程序，全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度"),
    spec=CaseProcedure(ProcedureRequirement.FULL_PROCESS_RECORD),
    scope=Scope(Subject.CASE),
    note=(
        "The second of the three systems, case by case: the facts' `fully_recorded` says whether the case "
        "file records the whole process (启动、调查取证、审核、决定、送达、执行; this library's reading of "
        "'全过程记录' for a penalty case). Not recorded either way: insufficient_data."
    ),
)

RULES: tuple[Rule, ...] = (INDEPENDENT_ENFORCEMENT, LEGAL_REVIEW, FULL_PROCESS_RECORD)

#: Case-level rows not modelled (for plan.DECLINED).
DECLINED: tuple[Declined, ...] = (
    Declined(
        "二（一）3",
        "建立健全行政执法人员退出机制，对不符合执法要求的行政执法人员要依法暂扣、收回或者注销其行政执法证件",
        "Whether an officer 'does not meet enforcement requirements' (不符合执法要求) is a judgement the "
        "facts do not record, and the plan names no event (such as leaving the post) or time limit that "
        "triggers suspension, withdrawal or cancellation. Local plans that name one are modelled there "
        "with CertificateWithdrawal (e.g. Shanxi task 4: '离开执法岗位的，要依法及时收回并注销行政执法证件').",
    ),
)
