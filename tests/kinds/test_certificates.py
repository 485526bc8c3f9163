"""Certificate kinds: certified handling (二（一）3, 行政处罚法 art. 42), issuance, withdrawal."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.kinds import CertificateIssuance, CertificateWithdrawal, CertifiedHandling

from _support import registry_with

S = er.Status
ENGINES = ["python"] + (
    ["durable"] if sys.version_info < (3, 13) and importlib.util.find_spec("enforcerules.engine_durable") else []
)
AS_OF = dt.date(2025, 6, 30)
DECIDED = "2024-05-10"
cite = citer("test-doc")


def rulebook(spec: Any, effective: er.Period = er.PLAN_PERIOD) -> er.Rulebook:
    rule = er.Rule(id="root.cert.rule", title_zh="证件", title_en="Certificates", citation=cite("1", "持证"),
                   spec=spec, scope=er.Scope(spec.subject), effective=effective)
    return registry_with(er.Jurisdiction(id="root", name_zh="根", name_en="Root", level=er.Level.NATIONAL, rules=(rule,))).rulebook("root")


def officers(*ids: str, **extra: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"id": i, "unit": "u1", "hired_on": "2020-01-01", **extra.get(i, {})} for i in ids]


def cert(officer: str, issued: str = "2021-01-01", **kw: Any) -> dict[str, Any]:
    return {"id": f"c-{officer}-{issued}", "officer": officer, "issued_on": issued, "exam_passed_on": kw.pop("exam", "2020-12-01"), **kw}


def facts(**sections: Any) -> er.Facts:
    doc = {"units": [{"id": "u1", "name": "县生态环境局", "kind": "enforcement", "level": "county"}], **sections}
    loaded = er.load_facts(doc)
    assert loaded.rejections == ()
    return loaded


def case(handlers: list[str], decided: str = DECIDED, cid: str = "k1") -> dict[str, Any]:
    return {"id": cid, "unit": "u1", "decided_on": decided, "handling_officers": handlers}


def findings(spec: Any, f: er.Facts, engine: str = "python", as_of: dt.date = AS_OF, **kw: Any) -> dict[str, er.Finding]:
    report = er.evaluate(rulebook(spec, **kw), f, as_of, engine=engine)
    return {x.subject: x for x in report.findings}


# -- CertifiedHandling -------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_2_1_3_one_certified_officer_means_the_case_was_not_handled_independently_without_a_certificate(engine: str) -> None:
    f = facts(officers=officers("o1", "o2"), certificates=[cert("o1")], cases=[case(["o1", "o2"])])
    got = findings(CertifiedHandling(min_certified=1), f, engine)["k1"]
    assert got.status is S.COMPLIANT and got.period == DECIDED


@pytest.mark.parametrize("engine", ENGINES)
def test_2_1_3_no_certified_handling_officer_is_a_violation_naming_the_officers(engine: str) -> None:
    f = facts(officers=officers("o1", "o2"), certificates=[cert("o1", revoked_on="2024-01-01")], cases=[case(["o1", "o2"])])
    got = findings(CertifiedHandling(min_certified=1), f, engine)["k1"]
    assert got.status is S.VIOLATION and "o1" in got.explanation_zh and "o2" in got.explanation_zh


@pytest.mark.parametrize("engine", ENGINES)
def test_art42_two_officers_with_one_certified_is_a_violation_and_two_certified_comply(engine: str) -> None:
    base = dict(officers=officers("o1", "o2"), cases=[case(["o1", "o2"])])
    one = findings(CertifiedHandling(min_certified=2), facts(certificates=[cert("o1")], **base), engine)["k1"]
    two = findings(CertifiedHandling(min_certified=2), facts(certificates=[cert("o1"), cert("o2")], **base), engine)["k1"]
    assert (one.status, two.status) == (S.VIOLATION, S.COMPLIANT)


@pytest.mark.parametrize("engine", ENGINES)
def test_art42_a_single_certified_officer_is_fewer_than_two(engine: str) -> None:
    f = facts(officers=officers("o1"), certificates=[cert("o1")], cases=[case(["o1"])])
    assert findings(CertifiedHandling(min_certified=2), f, engine)["k1"].status is S.VIOLATION


@pytest.mark.parametrize("engine", ENGINES)
def test_tianjin_all_certified_fails_with_one_uncertified_officer_among_certified_ones(engine: str) -> None:
    f = facts(officers=officers("o1", "o2", "o3"), certificates=[cert("o1"), cert("o2")], cases=[case(["o1", "o2", "o3"])])
    assert findings(CertifiedHandling(min_certified=1), f, engine)["k1"].status is S.COMPLIANT
    got = findings(CertifiedHandling(min_certified=1, all_certified=True), f, engine)["k1"]
    assert got.status is S.VIOLATION and "o3" in got.explanation_zh


@pytest.mark.parametrize(
    ("certificate", "status"),
    [
        (cert("o1", issued=DECIDED), S.COMPLIANT),  # valid from its issue day
        (cert("o1", issued="2024-05-11"), S.VIOLATION),  # issued the day after the decision
        (cert("o1", revoked_on=DECIDED), S.VIOLATION),  # revoked on the decision day
        (cert("o1", revoked_on="2024-05-11"), S.COMPLIANT),
        (cert("o1", suspended_on="2024-05-01"), S.VIOLATION),  # suspended (暂扣)
        (cert("o1", suspended_on="2024-05-01", suspension_ended_on=DECIDED), S.COMPLIANT),
    ],
)
def test_2_1_3_certificate_validity_is_judged_on_the_decision_day(certificate: dict[str, Any], status: er.Status) -> None:
    f = facts(officers=officers("o1"), certificates=[certificate], cases=[case(["o1"])])
    assert findings(CertifiedHandling(), f)["k1"].status is status


def test_unknown_certificates_are_insufficient_data_unless_known_ones_suffice() -> None:
    no_register = facts(officers=officers("o1", "o2"), cases=[case(["o1", "o2"])])
    assert findings(CertifiedHandling(min_certified=2), no_register)["k1"].status is S.INSUFFICIENT_DATA
    # o9 is not among the officers (facts built directly, bypassing reference checks)
    base = facts(officers=officers("o1"), certificates=[cert("o1")])
    direct = er.Facts(units=base.units, officers=base.officers, certificates=base.certificates,
                      cases=(er.Case(id="k1", unit="u1", decided_on=dt.date(2024, 5, 10), handling_officers=("o1", "o9")),))
    assert findings(CertifiedHandling(min_certified=2), direct)["k1"].status is S.INSUFFICIENT_DATA
    assert findings(CertifiedHandling(min_certified=1), direct)["k1"].status is S.COMPLIANT
    assert findings(CertifiedHandling(min_certified=1, all_certified=True), direct)["k1"].status is S.INSUFFICIENT_DATA
    # even if o9 were certified, one case officer short of three is certain
    assert findings(CertifiedHandling(min_certified=3), direct)["k1"].status is S.VIOLATION


def test_a_case_with_no_handling_officers_recorded_is_insufficient_data() -> None:
    f = facts(officers=officers("o1"), certificates=[cert("o1")], cases=[case([])])
    got = findings(CertifiedHandling(), f)["k1"]
    assert got.status is S.INSUFFICIENT_DATA and got.remedy_zh


def test_cases_decided_outside_the_effective_period_are_out_of_period_and_future_ones_unseen() -> None:
    f = facts(officers=officers("o1"), certificates=[cert("o1")],
              cases=[case(["o1"], "2023-08-08", "early"), case(["o1"], "2023-08-09", "first_day"), case(["o1"], "2025-07-01", "future")])
    got = findings(CertifiedHandling(), f)
    assert got["early"].status is S.OUT_OF_PERIOD and got["first_day"].status is S.COMPLIANT
    assert "future" not in got


@st.composite
def handling(draw: st.DrawFn) -> tuple[list[bool], int, bool]:
    certified = draw(st.lists(st.booleans(), min_size=1, max_size=5))
    return certified, draw(st.integers(0, 4)), draw(st.booleans())


def _status_for(certified: list[bool], spec: CertifiedHandling) -> er.Status:
    ids = [f"o{i}" for i in range(len(certified))]
    f = facts(officers=officers(*ids), certificates=[cert(o) for o, c in zip(ids, certified) if c] or [cert(ids[0], issued="2025-01-01")],
              cases=[case(ids)])
    return findings(spec, f)["k1"].status


@settings(max_examples=40, deadline=None)
@given(handling())
def test_2_1_3_adding_a_certified_officer_never_turns_compliance_into_violation(drawn: tuple[list[bool], int, bool]) -> None:
    certified, minimum, all_certified = drawn
    spec = CertifiedHandling(min_certified=minimum, all_certified=all_certified)
    before, after = _status_for(certified, spec), _status_for([*certified, True], spec)
    expected = S.COMPLIANT if sum(certified) >= minimum and (all(certified) or not all_certified) else S.VIOLATION
    assert before is expected
    assert not (before is S.COMPLIANT and after is S.VIOLATION)


# -- CertificateIssuance -------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("exam", "status"),
    [("2024-02-29", S.COMPLIANT), ("2024-03-01", S.COMPLIANT), ("2024-03-02", S.VIOLATION), (None, S.VIOLATION)],
)
def test_shanxi_4_certificate_only_after_passing_the_exam(engine: str, exam: str | None, status: er.Status) -> None:
    f = facts(officers=officers("o1"), certificates=[cert("o1", issued="2024-03-01", exam=exam)])
    got = findings(CertificateIssuance(), f, engine)["c-o1-2024-03-01"]
    assert got.status is status
    if exam is None:
        assert "未记录" in got.explanation_zh and "no passed qualification exam" in got.explanation_en


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("held_at", "status"), [("2024-03-01T09:00:00", S.COMPLIANT), ("2024-03-02T09:00:00", S.VIOLATION)])
def test_shanxi_4_certificate_only_after_training_when_required(engine: str, held_at: str, status: er.Status) -> None:
    training = [{"id": "t1", "officer": "o1", "hours": 8, "category": "public_law", "held_at": held_at}]
    f = facts(officers=officers("o1"), training=training, certificates=[cert("o1", issued="2024-03-01")])
    assert findings(CertificateIssuance(require_training=True), f, engine)["c-o1-2024-03-01"].status is status
    assert findings(CertificateIssuance(), f, engine)["c-o1-2024-03-01"].status is S.COMPLIANT


def test_issuance_without_exam_requirement_ignores_the_exam_and_old_certificates_are_out_of_period() -> None:
    f = facts(officers=officers("o1"), certificates=[cert("o1", issued="2024-03-01", exam=None), cert("o1", issued="2022-01-01", exam=None)])
    got = findings(CertificateIssuance(require_exam=False), f)
    assert got["c-o1-2024-03-01"].status is S.COMPLIANT
    assert got["c-o1-2022-01-01"].status is S.OUT_OF_PERIOD


# -- CertificateWithdrawal -------------------------------------------------------------

LEFT = dt.date(2024, 3, 1)


def _withdrawal(revoked: dt.date | None, as_of: dt.date, grace: int = 30, engine: str = "python") -> er.Finding:
    extra = {"revoked_on": revoked.isoformat()} if revoked else {}
    f = facts(officers=officers("o1", o1={"left_on": LEFT.isoformat(), "leave_reason": "retirement"}), certificates=[cert("o1", **extra)])
    return findings(CertificateWithdrawal(grace_days=grace), f, engine, as_of=as_of)["o1"]


@pytest.mark.parametrize("engine", ENGINES)
def test_shanxi_4_certificate_revoked_on_the_last_grace_day_is_timely_and_the_day_after_late(engine: str) -> None:
    assert _withdrawal(LEFT + dt.timedelta(days=30), AS_OF, engine=engine).status is S.COMPLIANT
    assert _withdrawal(LEFT + dt.timedelta(days=31), AS_OF, engine=engine).status is S.LATE


@pytest.mark.parametrize("engine", ENGINES)
def test_shanxi_4_unrevoked_certificate_is_pending_within_grace_and_a_violation_after(engine: str) -> None:
    pending = _withdrawal(None, LEFT + dt.timedelta(days=30), engine=engine)
    assert pending.status is S.PENDING and pending.due == LEFT + dt.timedelta(days=30)
    late = _withdrawal(None, LEFT + dt.timedelta(days=31), engine=engine)
    assert late.status is S.VIOLATION and "c-o1-2021-01-01" in late.explanation_zh


def test_withdrawal_not_applicable_in_post_or_with_no_certificate_left_and_grace_is_a_parameter() -> None:
    f = facts(officers=officers("o1", "o2", o2={"left_on": "2024-03-01"}), certificates=[cert("o1"), cert("o2", revoked_on="2024-02-01")])
    got = findings(CertificateWithdrawal(), f)
    assert got["o1"].status is S.NOT_APPLICABLE and got["o2"].status is S.NOT_APPLICABLE
    assert _withdrawal(LEFT, AS_OF, grace=0).status is S.COMPLIANT
    assert _withdrawal(LEFT + dt.timedelta(days=1), AS_OF, grace=0).status is S.LATE


def test_withdrawal_period_is_the_leaving_day() -> None:
    f = facts(officers=officers("o1", o1={"left_on": "2023-08-08"}), certificates=[cert("o1")])
    assert findings(CertificateWithdrawal(), f)["o1"].status is S.OUT_OF_PERIOD
    with pytest.raises(ValueError, match="grace_days"):
        CertificateWithdrawal(grace_days=-1)


@settings(max_examples=60, deadline=None)
@given(lag=st.one_of(st.none(), st.integers(0, 90)), elapsed=st.integers(0, 90), grace=st.integers(0, 60))
def test_withdrawal_status_follows_grace_arithmetic(lag: int | None, elapsed: int, grace: int) -> None:
    as_of = LEFT + dt.timedelta(days=elapsed)
    revoked = LEFT + dt.timedelta(days=lag) if lag is not None else None
    got = _withdrawal(revoked, as_of, grace).status
    seen = revoked is not None and revoked <= as_of
    expected = (
        (S.COMPLIANT if lag is not None and lag <= grace else S.LATE) if seen
        else (S.PENDING if elapsed <= grace else S.VIOLATION)
    )
    assert got is expected
