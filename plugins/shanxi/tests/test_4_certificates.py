"""Task 4: certificate only after training and a passed exam; withdrawn when an officer leaves."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from enforcerules import Status
from enforcerules.testing import assert_inherited

ISSUANCE = "shanxi.certificates.issuance"
WITHDRAWAL = "shanxi.certificates.withdrawal_on_leaving"


def _issued(exam: str | None, trained_on: str | None, issued: str = "2024-03-01") -> dict:
    doc: dict = {
        "officers": [{"id": "o1", "unit": "ls_market", "hired_on": "2024-01-02"}],
        "certificates": [{"id": "c1", "officer": "o1", "issued_on": issued, "exam_passed_on": exam}],
    }
    if trained_on:
        doc["training"] = [{"id": "t1", "officer": "o1", "hours": 8, "category": "public_law", "held_at": f"{trained_on}T09:00:00"}]
    return doc


def test_4_certificate_after_training_and_a_passed_exam_is_compliant(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, ISSUANCE, _issued("2024-02-20", "2024-01-15"), "c1", engine=engine) is Status.COMPLIANT


def test_4_certificate_without_a_passed_exam_is_a_violation(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, ISSUANCE, _issued(None, "2024-01-15"), "c1", engine=engine) is Status.VIOLATION


def test_4_certificate_with_exam_but_no_training_is_a_violation(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, ISSUANCE, _issued("2024-02-20", None), "c1", engine=engine) is Status.VIOLATION


def test_4_training_after_issue_does_not_count(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, ISSUANCE, _issued("2024-02-20", "2024-03-02"), "c1", engine=engine) is Status.VIOLATION
    assert status_of(shanxi, ISSUANCE, _issued("2024-02-20", "2024-03-01"), "c1", engine=engine) is Status.COMPLIANT


@settings(max_examples=40, deadline=None)
@given(exam_lag=st.integers(-30, 30), training_lag=st.integers(-30, 30))
def test_4_both_conditions_must_hold_on_or_before_the_issue_day(shanxi, status_of, engine, exam_lag, training_lag) -> None:
    issued = dt.date(2024, 3, 1)
    exam, trained = issued + dt.timedelta(days=exam_lag), issued + dt.timedelta(days=training_lag)
    doc = _issued(exam.isoformat(), trained.isoformat(), issued.isoformat())
    expected = Status.COMPLIANT if exam_lag <= 0 and training_lag <= 0 else Status.VIOLATION
    assert status_of(shanxi, ISSUANCE, doc, "c1", engine=engine) is expected


def _left(revoked: str | None, left: str = "2025-03-31") -> dict:
    return {
        "officers": [{"id": "o1", "unit": "ls_market", "hired_on": "2020-01-01", "left_on": left, "leave_reason": "退休"}],
        "certificates": [{"id": "c1", "officer": "o1", "issued_on": "2020-02-01", "exam_passed_on": "2020-01-20", "revoked_on": revoked}],
    }


def test_4_certificate_revoked_within_the_grace_after_leaving_is_compliant(shanxi, status_of, engine) -> None:
    # 及时: 30 days by default; 2025-03-31 + 30 days = 2025-04-30.
    assert status_of(shanxi, WITHDRAWAL, _left("2025-04-30"), "o1", engine=engine) is Status.COMPLIANT


def test_4_certificate_revoked_after_the_grace_is_late(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, WITHDRAWAL, _left("2025-05-01"), "o1", engine=engine) is Status.LATE


def test_4_certificate_never_revoked_is_pending_in_the_grace_then_a_violation(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, WITHDRAWAL, _left(None), "o1", as_of=dt.date(2025, 4, 30), engine=engine) is Status.PENDING
    assert status_of(shanxi, WITHDRAWAL, _left(None), "o1", as_of=dt.date(2025, 5, 1), engine=engine) is Status.VIOLATION


def test_4_officer_still_in_post_is_not_applicable(shanxi, status_of, engine) -> None:
    doc = _left(None)
    doc["officers"][0].update(left_on=None, leave_reason=None)
    assert status_of(shanxi, WITHDRAWAL, doc, "o1", engine=engine) is Status.NOT_APPLICABLE


def test_4_the_grace_for_及时_is_documented_and_settable(shanxi) -> None:
    rule = shanxi.get(WITHDRAWAL).rule
    assert rule.spec.grace_days == 30 and "grace_days" in rule.note and "及时" in rule.note


def test_4_new_certificate_rules_are_declared_by_shanxi(shanxi) -> None:
    for rule_id in (ISSUANCE, WITHDRAWAL):
        rule = shanxi.get(rule_id)
        assert rule.declared_by == "shanxi" and rule.overrides == ()
        assert rule.rule.citation.clause == "4"
    spec = shanxi.get(ISSUANCE).rule.spec
    assert spec.require_exam is True and spec.require_training is True


def test_4_independent_enforcement_is_the_inherited_national_rule(shanxi, national) -> None:
    rule = assert_inherited(shanxi, "national.certificates.independent_enforcement")
    assert rule.rule == national.get("national.certificates.independent_enforcement").rule
    assert rule.rule.spec.all_certified is False and rule.rule.spec.min_certified == 1
