"""Certificates: who may enforce, when a certificate may be issued, when it must go.

- :class:`CertifiedHandling` — per case: 国办发〔2023〕27号 二（一）3 "未取得行政
  执法证件的人员不得独立从事行政执法工作"; 《行政处罚法》第四十二条 "执法人员不得
  少于两人"; Tianjin's "未取得…不得从事" (every handling officer certified).
- :class:`CertificateIssuance` — per certificate: issued only after a passed
  qualification exam (and, where a plan says so, training).
- :class:`CertificateWithdrawal` — per officer who left the post: the
  certificate is withdrawn/cancelled.

Readings this module takes (each settable where the plans leave a choice):

- The facts' certificates are the certificate register of the officers they
  name: an officer in the facts with no valid certificate on a day was not
  certified that day. A handling officer is *unknown* only when the officer
  is not among the facts' officers or the facts hold no certificate at all.
- "Before" issuance means on or before the issue day, for the exam and for
  training alike.
- A certificate is withdrawn when it is revoked/cancelled (``revoked_on``);
  a suspension (暂扣) is not a withdrawal.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import polars as pl

from ..conditions import all_of, any_of, eq, gt, gte, lte
from ..datetext import cst_day_expr
from ..deadlines import DeadlinePolicy
from ..findings import Status
from ..rules import Rule, Subject
from .base import Branch, EvalContext, Explanation, Observation, RuleKind, finish_observations, iso_day, scoped_officers_table
from .cases import case_observations, cases_decided

__all__ = ["CertificateIssuance", "CertificateWithdrawal", "CertifiedHandling", "certificate_valid_expr"]


def _non_negative(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"'{attribute.name}' must be a non-negative int (got {value!r})")


_BOOL = attrs.validators.instance_of(bool)


@attrs.frozen
class CertifiedHandling(RuleKind):
    """A case's handling officers hold valid certificates on the decision day.

    ``min_certified``: at least this many handling officers certified (1 for
    "不得独立从事", 2 for 行政处罚法 art. 42). ``all_certified``: every
    handling officer certified (Tianjin's "不得从事").

    A case with no handling officers recorded is ``insufficient_data``; so is
    one that falls short only because some officers' certificates are
    unknown and would suffice if those officers were certified.
    """

    kind_name = "certified_handling"
    subject = Subject.CASE

    min_certified: int = attrs.field(default=1, validator=_non_negative)
    all_certified: bool = attrs.field(default=False, validator=_BOOL)

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        facts = ctx.facts
        cases = cases_decided(rule, ctx).with_row_index("case_row")
        pairs = (
            cases.select("case_row", "decided_on", officer=pl.col("handling_officers").list.unique().list.sort())
            .explode("officer")
            .drop_nulls("officer")
        )
        # Known: the facts name the officer and hold a certificate register at all.
        register = facts.table("certificates").height > 0
        known = pl.col("officer").is_in(facts.table("officers").get_column("id").implode()) & pl.lit(register)
        valid = (
            pairs.join(facts.table("certificates").rename({"officer": "officer_id"}), left_on="officer", right_on="officer_id")
            .filter(certificate_valid_expr(pl.col("decided_on")))
            .select("case_row", "officer")
            .unique()
        )
        flags = pairs.join(valid.with_columns(certified=pl.lit(True)), on=["case_row", "officer"], how="left").with_columns(
            known=known, certified=pl.col("certified").fill_null(False) & known
        )
        lists = flags.group_by("case_row", maintain_order=True).agg(
            handling=pl.col("officer"),
            certified=pl.col("officer").filter(pl.col("certified")),
            uncertified=pl.col("officer").filter(pl.col("known") & ~pl.col("certified")),
            unknown=pl.col("officer").filter(~pl.col("known")),
        )
        empty = pl.lit([], dtype=pl.List(pl.String))
        names = ["handling", "certified", "uncertified", "unknown"]
        frame = cases.join(lists, on="case_row", how="left", maintain_order="left").with_columns(
            *(pl.col(n).fill_null(empty) for n in names)
        )
        size = {n: pl.col(n).list.len().cast(pl.Int64) for n in names}
        values = {
            "officers": size["handling"],
            "cert": size["certified"],
            "bad": size["uncertified"],
            "unk": size["unknown"],
            "possible": size["certified"] + size["unknown"],
        }
        evidence = {
            "handling_officers": pl.col("handling"),
            "certified": pl.col("certified"),
            "uncertified": pl.col("uncertified"),
            "unknown": pl.col("unknown"),
        }
        return case_observations(frame, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        enough = gte("cert", self.min_certified)
        none_bad = eq("bad", 0) if self.all_certified else {}
        return [
            Branch(Status.INSUFFICIENT_DATA, eq("officers", 0)),
            Branch(Status.COMPLIANT, all_of(enough, none_bad, eq("unk", 0) if self.all_certified else {})),
            Branch(Status.INSUFFICIENT_DATA, all_of(gt("unk", 0), gte("possible", self.min_certified), none_bad)),
            Branch(Status.VIOLATION),
        ]

    def _requirement(self) -> tuple[str, str]:
        if self.all_certified:
            return "全部承办人员均应持有效行政执法证件", "every handling officer must hold a valid certificate"
        return (
            f"至少{self.min_certified}名承办人员应持有效行政执法证件",
            f"at least {self.min_certified} handling officer(s) must hold a valid certificate",
        )

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        need_zh, need_en = self._requirement()
        ev = obs.evidence
        day, cert, n = obs.label, int(obs.values["cert"]), int(obs.values["officers"])
        if status is Status.INSUFFICIENT_DATA and n == 0:
            return Explanation("案件未记录承办执法人员，无法判断是否持证", "the case records no handling officers, so certification cannot be judged", "补录案件承办人员", "record the case's handling officers")
        if status is Status.INSUFFICIENT_DATA:
            unk = "、".join(ev["unknown"])
            return Explanation(
                f"{day}作出决定时{need_zh}；已知持证{cert}人，{unk}的证件情况未知",
                f"on {day} {need_en}; {cert} known certified, certificates of {', '.join(ev['unknown'])} unknown",
                "补充承办人员的执法证件信息", "supply the handling officers' certificate records",
            )
        if status is Status.COMPLIANT:
            return Explanation(f"{day}作出决定时{n}名承办人员中{cert}人持有效证件，符合要求（{need_zh}）", f"on {day}, {cert} of {n} handling officers held a valid certificate, as required ({need_en})")
        if n < self.min_certified:  # too few officers at all, whatever their certificates (e.g. 行政处罚法 art. 42)
            return Explanation(
                f"{day}作出决定的案件仅有{n}名承办执法人员，少于{self.min_certified}人（{need_zh}）",
                f"the case decided on {day} was handled by only {n} officer(s), fewer than {self.min_certified} ({need_en})",
                f"由不少于{self.min_certified}名持有效行政执法证件的人员承办，并核查该案决定的合法性",
                f"assign at least {self.min_certified} certified officers and review the lawfulness of the decision",
            )
        bad = "、".join(ev["uncertified"]) or "无"
        return Explanation(
            f"{day}作出决定时{n}名承办人员中仅{cert}人持有效证件（未持证：{bad}），不符合“{need_zh}”",
            f"on {day} only {cert} of {n} handling officers held a valid certificate (uncertified: {', '.join(ev['uncertified']) or 'none'}); {need_en}",
            "由持有效行政执法证件的人员承办，并核查该案决定的合法性", "assign certified officers and review the lawfulness of the decision",
        )


@attrs.frozen
class CertificateIssuance(RuleKind):
    """A certificate is issued only after a passed exam (and training, if required).

    ``require_exam``: the qualification exam was passed on or before the
    issue day (a certificate with no exam date recorded does not meet it).
    ``require_training``: the officer has some training record on or before
    the issue day (Shanxi task 4: "应当参加执法培训且通过行政执法资格考试").
    """

    kind_name = "certificate_issuance"
    subject = Subject.CERTIFICATE

    require_exam: bool = attrs.field(default=True, validator=_BOOL)
    require_training: bool = attrs.field(default=False, validator=_BOOL)

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        facts = ctx.facts
        officers = scoped_officers_table(rule.scope, facts).select(officer=pl.col("id"))
        certs = (
            facts.table("certificates")
            .join(officers, on="officer", how="semi")
            .filter(pl.col("issued_on") <= ctx.as_of)
            .with_row_index("cert_row")
        )
        trained = facts.table("training").select("officer", day=cst_day_expr(pl.col("held_at")))
        before = (
            certs.select("cert_row", "officer", "issued_on")
            .join(trained, on="officer")
            .filter(pl.col("day") <= pl.col("issued_on"))
            .group_by("cert_row")
            .agg(before=pl.len().cast(pl.Int64))
        )
        day = pl.col("issued_on")
        exam = pl.col("exam_passed_on")
        frame = certs.join(before, on="cert_row", how="left", maintain_order="left").with_columns(
            pl.col("before").fill_null(0),
            subject=pl.col("id"), label=iso_day(day), period_start=day, period_end=day, due=pl.lit(None, dtype=pl.Date),
        )
        values = {
            "exam": exam.is_not_null().cast(pl.Int64),
            "exam_ok": (exam.is_not_null() & (exam <= day)).fill_null(False).cast(pl.Int64),
            "trained": (pl.col("before") > 0).cast(pl.Int64),
        }
        evidence = {"officer": pl.col("officer"), "issued_on": day, "exam_passed_on": exam, "training_before_issue": pl.col("before")}
        return finish_observations(frame, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        failures = []
        if self.require_exam:
            failures.append(eq("exam_ok", 0))
        if self.require_training:
            failures.append(eq("trained", 0))
        out = [Branch(Status.VIOLATION, any_of(*failures))] if failures else []
        return [*out, Branch(Status.COMPLIANT)]

    def _gaps(self, obs: Observation) -> list[tuple[str, str]]:
        v, ev, out = obs.values, obs.evidence, []
        if self.require_exam and v["exam"] == 0:
            out.append(("未记录通过资格考试的日期", "no passed qualification exam is recorded"))
        elif self.require_exam and v["exam_ok"] == 0:
            out.append((f"资格考试于{ev['exam_passed_on']}通过，晚于发证日", f"the exam was passed on {ev['exam_passed_on']}, after issue"))
        if self.require_training and v["trained"] == 0:
            out.append(("发证前无培训记录", "no training is recorded before issue"))
        return out

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        day = obs.label
        if status is Status.COMPLIANT:
            met = [("考试合格", "exam passed")] * self.require_exam + [("参加培训", "training attended")] * self.require_training
            zh = "、".join(z for z, _ in met) or "无发证前置条件"
            en = " and ".join(e for _, e in met) or "no preconditions set"
            return Explanation(f"证件于{day}发放，发证前已{zh}", f"certificate issued on {day}; before issue: {en}")
        gaps = self._gaps(obs)
        return Explanation(
            f"证件于{day}发放，但" + "；".join(z for z, _ in gaps),
            f"certificate issued on {day}, but " + "; ".join(e for _, e in gaps),
            "核查发证依据，不符合条件的依法收回证件", "review the grounds of issue and withdraw the certificate if they are not met",
        )


def outstanding_expr(revoked_on: pl.Expr, left: pl.Expr) -> pl.Expr:
    """A certificate still held when the officer left (a revocation on the leaving day counts as withdrawal)."""
    return revoked_on.is_null() | (revoked_on >= left)


def certificate_valid_expr(day: pl.Expr) -> pl.Expr:
    """:meth:`Certificate.valid_on` over a certificates table's columns: issued, not revoked, not suspended on *day*."""
    issued = day >= pl.col("issued_on")
    not_revoked = pl.col("revoked_on").is_null() | (day < pl.col("revoked_on"))
    suspended = pl.col("suspended_on").is_not_null() & (day >= pl.col("suspended_on"))
    resumed = pl.col("suspension_ended_on").is_not_null() & (day >= pl.col("suspension_ended_on"))
    return (issued & not_revoked & (~suspended | resumed)).fill_null(False)


@attrs.frozen
class CertificateWithdrawal(RuleKind):
    """An officer who left the post has no certificate still valid ``grace_days`` after leaving.

    The plans say "及时" (promptly) without a number: the default of 30
    calendar days after the leaving day is this library's reading, settable
    per rule. Every certificate not revoked by the leaving day must be
    revoked (收回并注销) by then: ``compliant`` if all were, ``late`` if the
    last came after the grace, ``pending`` while the grace runs, and
    ``violation`` once it has run out with a certificate still unrevoked.
    Officers still in post, or who held no unrevoked certificate when they
    left, are ``not_applicable``. The observation's period is the leaving day.
    """

    kind_name = "certificate_withdrawal"
    subject = Subject.OFFICER

    grace_days: int = attrs.field(default=30, validator=_non_negative)
    #: Whether the plan itself states the number of days; if not, the findings say it is the library's reading.
    grace_stated: bool = attrs.field(default=False, validator=_BOOL)

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        as_of = pl.lit(ctx.as_of)
        officers = (
            scoped_officers_table(rule.scope, ctx.facts)
            .filter(pl.col("hired_on") <= ctx.as_of)
            .with_row_index("officer_row")
            .with_columns(left=pl.when(pl.col("left_on") <= as_of).then(pl.col("left_on")))
        )
        certs = (
            officers.filter(pl.col("left").is_not_null())
            .select("officer_row", "left", officer=pl.col("id"))
            .join(ctx.facts.table("certificates").select("officer", cert=pl.col("id"), revoked=pl.col("revoked_on")), on="officer", maintain_order="right")
            .filter(outstanding_expr(pl.col("revoked"), pl.col("left")))
        )
        still_open = pl.col("revoked").is_null() | (pl.col("revoked") > as_of)
        held = certs.group_by("officer_row", maintain_order=True).agg(
            certificates=pl.col("cert"),
            unrevoked=pl.col("cert").filter(still_open),
            last=pl.col("revoked").filter(~still_open).max(),
        )
        empty = pl.lit([], dtype=pl.List(pl.String))
        left = pl.col("left")
        frame = (
            officers.join(held, on="officer_row", how="left", maintain_order="left")
            .with_columns(pl.col("certificates", "unrevoked").fill_null(empty))
            .with_columns(last=pl.when(pl.col("unrevoked").list.len() == 0).then(pl.col("last")))
            .with_columns(
                subject=pl.col("id"),
                label=pl.when(left.is_null()).then(pl.lit("in post")).otherwise(iso_day(left)),
                period_start=pl.coalesce(left, pl.col("hired_on")),
                period_end=pl.coalesce(left, as_of),
                due=left + pl.duration(days=self.grace_days),
            )
        )
        gone = left.is_not_null()
        zero = pl.lit(0, dtype=pl.Int64)
        values = {
            "left": gone.cast(pl.Int64),
            "held": (pl.col("certificates").list.len() > 0).cast(pl.Int64),
            "open": pl.col("unrevoked").list.len().cast(pl.Int64),
            "lag": (pl.col("last") - left).dt.total_days().fill_null(zero).cast(pl.Int64),
            "elapsed": (as_of - left).dt.total_days().fill_null(zero).cast(pl.Int64),
        }
        evidence = {
            "left_on": left,
            "leave_reason": pl.col("leave_reason"),
            "certificates": pl.col("certificates"),
            "unrevoked": pl.col("unrevoked"),
            "last_revoked_on": pl.col("last"),
        }
        table = finish_observations(frame, values, evidence)
        # An officer still in post is observed with no evidence at all.
        in_post = pl.col("values").struct.field("left") == 0
        return table.with_columns(evidence=pl.when(in_post).then(pl.lit("{}")).otherwise(pl.col("evidence")))

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        return [
            Branch(Status.NOT_APPLICABLE, any_of(eq("left", 0), eq("held", 0))),
            Branch(Status.COMPLIANT, all_of(eq("open", 0), lte("lag", self.grace_days))),
            Branch(Status.LATE, eq("open", 0)),
            Branch(Status.PENDING, lte("elapsed", self.grace_days)),
            Branch(Status.VIOLATION),
        ]

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        ev, g = obs.evidence, self.grace_days
        if status is Status.NOT_APPLICABLE and obs.values["left"] == 0:
            return Explanation("该人员仍在执法岗位", "the officer is still in post")
        left = ev["left_on"]
        if status is Status.NOT_APPLICABLE:
            return Explanation(f"该人员于{left}离岗，离岗时未持有未注销的执法证件", f"the officer left on {left} holding no unrevoked certificate")
        reading = "" if self.grace_stated else f"（计划只说“及时”，{g}日为本库的解读）"
        window_zh, window_en = f"离岗（{left}）后{g}日内{reading}", f"within {g} days of leaving ({left})"
        if status is Status.COMPLIANT:
            return Explanation(f"证件已于{ev['last_revoked_on']}收回注销，在{window_zh}", f"certificates revoked on {ev['last_revoked_on']}, {window_en}")
        if status is Status.LATE:
            return Explanation(f"证件于{ev['last_revoked_on']}才收回注销，超过{window_zh}的期限", f"certificates revoked only on {ev['last_revoked_on']}, not {window_en}")
        ids = "、".join(ev["unrevoked"])
        if status is Status.PENDING:
            return Explanation(f"证件{ids}尚未注销，应于{obs.due}前（{window_zh}）收回注销", f"certificates {', '.join(ev['unrevoked'])} not yet revoked; due by {obs.due} ({window_en})", f"于{obs.due}前收回并注销证件", f"revoke the certificates by {obs.due}")
        return Explanation(
            f"该人员于{left}离岗，证件{ids}至今未收回注销，已超过{window_zh}的期限（{obs.due}）",
            f"the officer left on {left}; certificates {', '.join(ev['unrevoked'])} are still unrevoked after the {g}-day grace ({obs.due})",
            "立即收回并注销证件", "revoke and cancel the certificates now",
        )
