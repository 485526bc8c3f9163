"""辽政办发〔2023〕18号 二（一） tasks 1–4: political capability, training,
post drills, qualification management."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings
from enforcerules_liaoning import TASKS, plan

S = er.Status
AS_OF = dt.date(2026, 11, 23)
ROTATION = "national.training.full_staff_rotation"
HOURS = "national.training.annual_hours"


def officer_doc(hours: float) -> dict:
    return {
        "officers": [{"id": "o1", "unit": "prov_market", "hired_on": "2020-01-01"}],
        "training": [{"id": "t1", "officer": "o1", "hours": hours, "category": "business", "held_at": "2024-05-10T09:00:00+08:00"}],
    }


# -- 1. 加强政治能力建设 ----------------------------------------------------------


def test_task01_political_capability_is_a_standing_duty(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task01.political_capability").rule
    assert rule.responsible == ("省直各行政执法部门", "各市政府", "省沈抚示范区管委会")
    # "各级行政执法部门": enforcement units at every level, the county's included.
    assert kit.in_scope(rule) == ["prov_market", "shenyang_eco", "county_market"]
    assert rule.scope.levels == () and "各级行政执法部门" in rule.note
    kit.standing(rule, "prov_market")
    kit.standing(rule, "county_market")


# -- 2. 着力抓好业务培训 ----------------------------------------------------------


def test_task02_sixty_hours_a_year_inherited_from_the_national_plan(run, status, liaoning) -> None:
    hours = liaoning.get(HOURS)
    assert (hours.declared_by, hours.overrides, hours.rule.spec.min_hours) == ("national", (), 60)
    assert status(run(HOURS, officer_doc(59.99), AS_OF), "o1", "2024") is S.VIOLATION
    assert status(run(HOURS, officer_doc(60), AS_OF), "o1", "2024") is S.COMPLIANT


@fixture_settings()
@given(offset=st.integers(min_value=-45, max_value=45), strict=st.booleans())
def test_task02_full_staff_rotation_by_end_of_june_2024(run, status, kit, offset, strict) -> None:
    """"2024年6月底前": 30 June 2024 under either reading of the national "6月前"."""
    done = dt.date(2024, 6, 30) + dt.timedelta(days=offset)
    policy = er.DeadlinePolicy.strict() if strict else er.DeadlinePolicy()
    findings = run(ROTATION, {"task_reports": [kit.report("full_staff_rotation", "prov_market", done)]}, AS_OF, policy)
    assert status(findings, "prov_market") is (S.COMPLIANT if offset <= 0 else S.LATE)


def test_task02_full_staff_rotation_pending_until_the_end_of_june(run, status) -> None:
    assert status(run(ROTATION, {}, dt.date(2024, 6, 30)), "shenyang_gov") is S.PENDING
    assert status(run(ROTATION, {}, dt.date(2024, 7, 1)), "shenyang_gov") is S.VIOLATION


def test_task02_rotation_override_provenance(liaoning) -> None:
    resolved = liaoning.get(ROTATION)
    (record,) = resolved.overrides
    assert resolved.declared_by == "national" and resolved.jurisdiction == "liaoning"
    assert (record.jurisdiction, record.intent) == ("liaoning", er.Intent.RELAX)
    assert (record.citation.document, record.citation.clause) == ("lzbf-2023-18", "2")
    assert "2024年6月底前" in record.citation.quote and resolved.rule.citation == record.citation
    assert resolved.rule.responsible == TASKS[2].responsible
    # Identical under the default reading of the national phrase, a month later under the strict one.
    previous, ours = record.previous.spec.deadline, resolved.rule.spec.deadline
    assert previous.phrase == "2024年6月前" and ours.phrase == "2024年6月底前"
    assert previous.due(er.DeadlinePolicy()) == ours.due(er.DeadlinePolicy()) == dt.date(2024, 6, 30)
    assert previous.due(er.DeadlinePolicy.strict()) == dt.date(2024, 5, 31) < ours.due(er.DeadlinePolicy.strict())
    assert "RELAX" in record.note


def test_task02_township_officers_higher_level_training_inherited(liaoning) -> None:
    township = liaoning.get("national.training.township_higher_level")
    assert (township.declared_by, township.overrides) == ("national", ())


def test_task02_yearly_training_plan_of_every_enforcement_department(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task02.annual_training_plan").rule
    assert kit.in_scope(rule) == ["prov_market", "shenyang_eco", "county_market"]
    kit.yearly(rule, "county_market")


# -- 3. 开展行政执法岗位练兵 ------------------------------------------------------


def test_task03_post_drills_is_a_standing_duty(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task03.post_drills").rule
    assert kit.in_scope(rule) == ["prov_market", "shenyang_eco"]
    kit.standing(rule, "shenyang_eco")


# -- 4. 强化行政执法人员资格管理 --------------------------------------------------


def test_task04_no_independent_enforcement_without_certificate_inherited(liaoning) -> None:
    certified = liaoning.get("national.certificates.independent_enforcement")
    assert (certified.declared_by, certified.overrides) == ("national", ())
    assert "未取得行政执法证件的人员不得独立从事行政执法工作" in certified.rule.citation.quote


def test_task04_certificate_management_is_a_standing_duty(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task04.certificate_management").rule
    kit.standing(rule, "prov_justice")


def test_task04_certificate_suspension_for_failing_duties_is_declined_with_reason() -> None:
    rows = [d for d in plan.DECLINED if d.clause == "4" and "暂扣" in d.summary]
    assert len(rows) == 1 and "CertificateWithdrawal" in rows[0].reason and "根据情况" in rows[0].reason
