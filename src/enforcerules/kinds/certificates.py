"""Certificates: who may enforce, when a certificate may be issued, when it must go.

- :class:`CertifiedHandling` — per case: 国办发〔2023〕27号 二（一）3 "未取得行政
  执法证件的人员不得独立从事行政执法工作"; 《行政处罚法》第四十二条 "执法人员不得
  少于两人"; Tianjin's "未取得…不得从事" (every handling officer certified).
- :class:`CertificateIssuance` — per certificate: issued only after a passed
  qualification exam (and, where a plan says so, training).
- :class:`CertificateWithdrawal` — per officer who left the post: the
  certificate is withdrawn/cancelled.
"""

from __future__ import annotations

import attrs

from ..rules import Subject
from .base import RuleKind

__all__ = ["CertificateIssuance", "CertificateWithdrawal", "CertifiedHandling"]


def _non_negative(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"'{attribute.name}' must be a non-negative int (got {value!r})")


@attrs.frozen
class CertifiedHandling(RuleKind):
    """A case's handling officers hold valid certificates on the decision day.

    ``min_certified``: at least this many handling officers certified (1 for
    "不得独立从事", 2 for 行政处罚法 art. 42). ``all_certified``: every
    handling officer certified (Tianjin's "不得从事").
    """

    kind_name = "certified_handling"
    subject = Subject.CASE

    min_certified: int = attrs.field(default=1, validator=_non_negative)
    all_certified: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))


@attrs.frozen
class CertificateIssuance(RuleKind):
    """A certificate is issued only after a passed exam (and training, if required)."""

    kind_name = "certificate_issuance"
    subject = Subject.CERTIFICATE

    require_exam: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    require_training: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))


@attrs.frozen
class CertificateWithdrawal(RuleKind):
    """An officer who left the post has no certificate still valid ``grace_days`` after leaving.

    The plans say "及时" (promptly) without a number: the default grace is a
    documented choice of this library, settable per rule.
    """

    kind_name = "certificate_withdrawal"
    subject = Subject.OFFICER

    grace_days: int = attrs.field(default=30, validator=_non_negative)
