"""辽政办发〔2023〕18号 tasks 10–21 (work system, supervision, information
technology, safeguards) and the closing section 三 (yearly report, mid-term and
final evaluation)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import assert_inherited as inherited, fixture_settings
from enforcerules_liaoning import TASKS

S = er.Status
AS_OF = dt.date(2026, 11, 23)


# -- 10. 协调推进行政执法体制改革 -------------------------------------------------


def test_task10_system_reform_is_standing_and_the_item_catalogue_stays_national(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task10.system_reform").rule
    # "各级司法行政部门…督促指导各级行政执法部门": justice and enforcement units at every level.
    assert kit.in_scope(rule) == ["prov_market", "prov_justice", "shenyang_justice", "shenyang_eco", "county_market"]
    kit.standing(rule, "prov_justice")
    kit.standing(rule, "county_market")
    assert inherited(liaoning, "national.catalogue.item_catalogue").rule.spec.deadline.phrase == "2024年底前"


# -- 11. 依法推进乡镇、街道行政执法体制改革 -----------------------------------------


def test_task11_delegated_items_evaluated_by_end_of_2024_inherited(kit, liaoning) -> None:
    rule = inherited(liaoning, "national.delegation.evaluation").rule
    kit.stage_deadline(rule, "shenyang_gov", dt.date(2024, 12, 31))


def test_task11_written_evaluation_report_by_end_of_2024(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task11.evaluation_report").rule
    assert rule.responsible == ("省营商局（省大数据局）", "省司法厅", "省直有关行政执法部门")
    assert kit.in_scope(rule) == ["prov_market"]
    kit.stage_deadline(rule, "prov_market", dt.date(2024, 12, 31))


# -- 12.–13. -------------------------------------------------------------------


def test_task12_joint_enforcement_staged_results_by_end_of_2024(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task12.staged_results").rule
    assert kit.in_scope(rule) == ["prov_market", "shenyang_eco"]
    kit.stage_deadline(rule, "prov_market", dt.date(2024, 12, 31))


def test_task13_supervision_rules_staged_results_by_end_of_2025(kit, liaoning) -> None:
    kit.stage_deadline(liaoning.get("liaoning.task13.staged_results").rule, "prov_justice", dt.date(2025, 12, 31))


# -- 14. 建立健全行政执法协调监督体系 -----------------------------------------------


def test_task14_coordination_and_supervision_system_by_end_of_2024_inherited(kit, liaoning) -> None:
    rule = inherited(liaoning, "national.supervision.four_level_system").rule
    assert rule.spec.deadline.phrase == "2024年底前" and TASKS[14].deadline == "2024年底前完成"
    kit.stage_deadline(rule, "shenyang_gov", dt.date(2024, 12, 31))


def test_task14_responsible_units_build_the_system_by_end_of_2024(run, status, kit, liaoning) -> None:
    """责任单位 省司法厅、省直各行政执法部门 (and the cities' units) are bound, with the national task key."""
    rule = liaoning.get("liaoning.task14.supervision_system").rule
    national = liaoning.get("national.supervision.four_level_system").rule
    assert rule.responsible == TASKS[14].responsible == ("省司法厅", "省直各行政执法部门")
    assert rule.spec.task == national.spec.task == "supervision_system"
    assert rule.spec.deadline.due() == national.spec.deadline.due() == dt.date(2024, 12, 31)
    assert kit.in_scope(rule) == ["prov_market", "prov_justice", "shenyang_justice", "shenyang_eco"]
    kit.stage_deadline(rule, "prov_justice", dt.date(2024, 12, 31))
    kit.stage_deadline(rule, "shenyang_eco", dt.date(2024, 12, 31))
    # A government's report is its own: it does not discharge the justice department's duty.
    findings = run(rule.id, {"task_reports": [kit.report("supervision_system", "prov_gov", "2024-06-01")]}, AS_OF)
    assert status(findings, "prov_justice") is S.VIOLATION


# -- 15. 创新行政执法监督方式 -----------------------------------------------------


def test_task15_supervision_methods_by_end_of_2025(kit, liaoning) -> None:
    kit.stage_deadline(liaoning.get("liaoning.task15.completed").rule, "prov_justice", dt.date(2025, 12, 31))


def test_task15_yearly_supervision_work_plan_inherited(run, status, kit, liaoning) -> None:
    rule = inherited(liaoning, "national.supervision.annual_plan").rule
    findings = run(rule.id, {"events": [kit.event(rule.spec.event, "shenyang_justice", "2024-12-31")]}, AS_OF)
    assert (status(findings, "shenyang_justice", "2024"), status(findings, "shenyang_justice", "2025")) == (S.COMPLIANT, S.VIOLATION)


# -- 16. 强化行政执法监督结果运用 -------------------------------------------------


def test_task16_case_file_review_once_a_year(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task16.case_file_review").rule
    assert (rule.spec.event, rule.spec.min_count) == ("case_file_review", 1)
    assert kit.in_scope(rule) == ["prov_market", "prov_justice", "shenyang_justice", "shenyang_eco", "county_market"]
    kit.yearly(rule, "county_market")


@fixture_settings()
@given(hour=st.integers(min_value=0, max_value=23), minute=st.sampled_from([0, 30, 59]))
def test_task16_case_file_review_year_is_the_china_time_year(run, status, kit, hour, minute) -> None:
    """A review held on 31 December 2024 in China counts for 2024, whatever zone the time is given in."""
    at = dt.datetime(2024, 12, 31, hour, minute, tzinfo=er.CST)
    utc = at.astimezone(dt.timezone.utc).isoformat()
    findings = run("liaoning.task16.case_file_review", {"events": [kit.event("case_file_review", "prov_justice", utc)]}, AS_OF)
    assert (status(findings, "prov_justice", "2024"), status(findings, "prov_justice", "2025")) == (S.COMPLIANT, S.VIOLATION)


def test_task16_use_of_supervision_results_is_standing(kit, liaoning) -> None:
    kit.standing(liaoning.get("liaoning.task16.use_of_results").rule, "shenyang_justice")


# -- 17. 推进行政执法信息化建设 ---------------------------------------------------


def test_task17_data_aggregated_on_the_provincial_platform_by_end_of_2024(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task17.data_aggregation").rule
    assert rule.responsible == ("省司法厅", "省市场监管局", "省营商局（省大数据局）", "省直各行政执法部门")
    kit.stage_deadline(rule, "prov_gov", dt.date(2024, 12, 31))


# -- 18.–21. 持续推进 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "unit"),
    [
        ("liaoning.task18.off_site_supervision", "prov_market"),
        ("liaoning.task19.team_building", "shenyang_justice"),
        ("liaoning.task20.rights_protection", "prov_gov"),
        ("liaoning.task21.funding", "shenyang_gov"),
    ],
)
def test_task18_to_21_standing_duties(kit, liaoning, rule_id, unit) -> None:
    kit.standing(liaoning.get(rule_id).rule, unit)


def test_task21_funding_binds_the_finance_side_only(kit, liaoning) -> None:
    assert kit.in_scope(liaoning.get("liaoning.task21.funding").rule) == ["prov_gov", "shenyang_gov"]


# -- 三（二） 每年年底前向省政府报告任务完成情况 -----------------------------------


def test_3_2_yearly_completion_report_before_each_year_end(run, status, kit, liaoning) -> None:
    rule = liaoning.get("liaoning.closing.annual_report").rule
    assert kit.in_scope(rule) == ["prov_justice"] and rule.spec.deadline.phrase == "每年年底前"
    task = rule.spec.task
    on_time = run(rule.id, {"task_reports": [kit.report(task, "prov_justice", "2024-12-31")]}, AS_OF)
    assert (status(on_time, "prov_justice", "2024"), status(on_time, "prov_justice", "2025")) == (S.COMPLIANT, S.VIOLATION)
    next_day = run(rule.id, {"task_reports": [kit.report(task, "prov_justice", "2025-01-01")]}, AS_OF)
    assert (status(next_day, "prov_justice", "2024"), status(next_day, "prov_justice", "2025")) == (S.VIOLATION, S.COMPLIANT)
    assert status(run(rule.id, {}, dt.date(2025, 12, 31)), "prov_justice", "2025") is S.PENDING
    # After the plan: a year with no report is not judged at all; a report made in it is out of period.
    assert {f.period for f in run(rule.id, {}, AS_OF)} == {"2024", "2025"}
    late_report = run(rule.id, {"task_reports": [kit.report(task, "prov_justice", "2026-03-01")]}, AS_OF)
    assert status(late_report, "prov_justice", "2026") is S.OUT_OF_PERIOD


# -- 三 末段 中期评估、终期评估 ---------------------------------------------------


def test_3_midterm_evaluation_by_end_of_october_2024(kit, liaoning) -> None:
    kit.stage_deadline(liaoning.get("liaoning.closing.midterm_evaluation").rule, "prov_justice", dt.date(2024, 10, 31))


def test_3_final_evaluation_by_end_of_october_2025(kit, liaoning) -> None:
    kit.stage_deadline(liaoning.get("liaoning.closing.final_evaluation").rule, "prov_justice", dt.date(2025, 10, 31))
