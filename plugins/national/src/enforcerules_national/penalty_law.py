"""《中华人民共和国行政处罚法》(2021) articles the plans rely on: 32, 33, 42.

The plans require "全面落实行政处罚法" and build on these articles (Liaoning's
首违不罚, the 不予处罚/从轻/减轻 lists). They are statute, not plan: they bind
every penalty case decided while the 2021 text is in force, so their rules
run from 2021-07-15 (第八十六条 "本法自2021年7月15日起施行") with no end
date — :data:`IN_FORCE` ends on 9999-12-31, standing for "until amended" —
and do not expire with the plans on 2025-12-31.
"""

from __future__ import annotations

import datetime as dt

from enforcerules import Period, Rule, Scope, SourceDocument, Subject
from enforcerules.citation import citer
from enforcerules.kinds import CertifiedHandling, MitigationRequired, PenaltyDisposition

__all__ = ["IN_FORCE", "LAW", "RULES"]

LAW = SourceDocument(
    id="xzcff-2021",
    title="中华人民共和国行政处罚法",
    issuer="全国人民代表大会常务委员会",
    number="",
    issued_on=dt.date(2021, 1, 22),
    note="2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订，2021年7月15日起施行",
)
cite = citer(LAW.id)

#: From the day the 2021 revision took effect; open-ended (9999-12-31 = until amended).
IN_FORCE = Period(dt.date(2021, 7, 15), dt.date(9999, 12, 31))

ART32 = Rule(
    id="national.penalty_law.art32",
    title_zh="应当从轻或者减轻行政处罚的情形",
    title_en="Circumstances that require a lighter or mitigated penalty",
    citation=cite(
        "第三十二条",
        "当事人有下列情形之一，应当从轻或者减轻行政处罚：（一）主动消除或者减轻违法行为危害后果的；"
        "（二）受他人胁迫或者诱骗实施违法行为的；（三）主动供述行政机关尚未掌握的违法行为的；"
        "（四）配合行政机关查处违法行为有立功表现的；（五）法律、法规、规章规定其他应当从轻或者减轻行政处罚的。",
    ),
    spec=MitigationRequired(),
    scope=Scope(Subject.CASE),
    effective=IN_FORCE,
    note=(
        "Case.mitigating carries the items as codes: eliminated_harm (一), coerced_or_induced (二), "
        "confessed (三), meritorious_service (四), other_statutory (五). A case with any of them "
        "must end lighter, mitigated or not penalised; an ordinary penalty is a violation."
    ),
)

ART33 = Rule(
    id="national.penalty_law.art33",
    title_zh="不予行政处罚的情形",
    title_en="When a violation is not to be penalised",
    citation=cite(
        "第三十三条",
        "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，"
        "可以不予行政处罚。当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。",
    ),
    spec=PenaltyDisposition(),
    scope=Scope(Subject.CASE),
    effective=IN_FORCE,
    note=(
        "'不予' (shall not) grounds: a penalised case is a violation; '可以不予' (may not): penalising "
        "is within discretion (compliant), not penalising is exempt. Case.harm 'none' with "
        "corrected_promptly meets sentence 1 only if the violation is also 轻微, which the facts "
        "record only through an exemption list: otherwise a penalised such case is insufficient_data. "
        "'法律、行政法规另有规定的，从其规定' is not checked: the facts carry no field for such an "
        "exception. See enforcerules.kinds.cases for how lists combine with this article."
    ),
)

ART42 = Rule(
    id="national.penalty_law.art42",
    title_zh="行政处罚由具有执法资格的执法人员实施，执法人员不得少于两人",
    title_en="Penalties imposed by certified officers, at least two",
    citation=cite("第四十二条", "行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外。"),
    spec=CertifiedHandling(min_certified=2),
    scope=Scope(Subject.CASE),
    effective=IN_FORCE,
    note=(
        "Read as: at least two handling officers hold a valid certificate on the decision day. "
        "'法律另有规定的除外' (e.g. a law allowing one officer to act on the spot) is not checked: the "
        "facts carry no procedure field, so such cases show as violations and need review."
    ),
)

RULES: tuple[Rule, ...] = (ART32, ART33, ART42)
