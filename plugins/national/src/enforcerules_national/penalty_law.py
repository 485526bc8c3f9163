"""《中华人民共和国行政处罚法》(2021) articles the plans rely on: 32, 33, 42."""

from __future__ import annotations

import datetime as dt

from enforcerules import Rule, SourceDocument

LAW = SourceDocument(
    id="xzcff-2021",
    title="中华人民共和国行政处罚法",
    issuer="全国人民代表大会常务委员会",
    number="",
    issued_on=dt.date(2021, 1, 22),
    note="2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订，2021年7月15日起施行",
)

RULES: tuple[Rule, ...] = ()
