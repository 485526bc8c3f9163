"""Differential tests: the durable-rules and columnar executors must agree
with the Python executor (the oracle) on every observation, for compiled
rules of the real kinds, for generated conditions within the subset
conditions.py emits, and for whole reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import polars as pl

import enforcerules as er
from enforcerules.citation import Citation
from enforcerules.compile import CompiledRule, compile_rule
from enforcerules.conditions import all_of, any_of, eq, gt, gte, lt, lte, neq
from enforcerules.citation import Period
from enforcerules.engine_columnar import ColumnarExecutor
from enforcerules.engine_durable import DurableExecutor
from enforcerules.kinds.base import Observation, observation_table
from enforcerules.kinds import AnnualTrainingHours, RecurringCount, TaskDeadline
from enforcerules.kinds.training import CategoryMinimum

from durable_support import PYTHON, compiled, obs

DIFF = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REPORTS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: One executor each for the module: differential runs also check they carry nothing between calls.
DURABLE = DurableExecutor()
COLUMNAR = ColumnarExecutor()

MISSING = object()
EDGE_INTS = [0, 1, -1, 2**31, -(2**31), 2**32, 2**53 - 1, -(2**53 - 1)]
ODD_STRINGS = ["", "4", "30", "0", "中文", "执法人员", 'a"b', "x\\y", "\x00", "1e5", "null", "true", "🙂", "ａ"]
STRINGS = st.one_of(st.sampled_from(ODD_STRINGS), st.text(st.characters(exclude_categories=("Cs",)), max_size=8))
SUBJECTS = st.sampled_from(["u1", "u2", "单位三", "o" * 300])


def _constants(cond: Any) -> Iterator[tuple[str, int | str]]:
    for key, value in cond.items():
        if key in ("$and", "$or"):
            for c in value:
                yield from _constants(c)
        elif key.startswith("$"):
            yield from value.items()
        else:
            yield key, value


def _fields(rule: CompiledRule) -> dict[str, list[int | str]]:
    out: dict[str, list[int | str]] = {}
    for name in rule.branch_names:
        for field, const in _constants(rule.ruleset[name]["all"][0]["m"]):
            if field != "t":
                out.setdefault(field, []).append(const)
    return out


def _value(consts: list[int | str]) -> st.SearchStrategy[Any]:
    ints = [c for c in consts if isinstance(c, int)]
    near = st.builds(lambda c, d: max(-(2**53 - 1), min(2**53 - 1, c + d)), st.sampled_from(ints), st.integers(-2, 2)) if ints else st.nothing()
    return st.one_of(
        st.just(MISSING),
        near,
        st.sampled_from(EDGE_INTS),
        st.integers(-(10**6), 10**6),
        st.sampled_from(consts).map(str),  # "30" against 30
        st.sampled_from([c for c in consts if isinstance(c, str)] or [""]),
        STRINGS,
        st.sampled_from([None, 1.5, True, float("nan")]),  # never matches, in either executor
    )


def _facts(fields: Mapping[str, list[int | str]]) -> st.SearchStrategy[list[dict[str, Any]]]:
    extra = {"zz": [0, "z"], "字段": ["值", 7]}
    row = st.fixed_dictionaries({f: _value(c) for f, c in {**fields, **extra}.items()})
    rows = st.lists(st.tuples(SUBJECTS, row), max_size=12)
    return rows.map(lambda rs: [obs(i, s, **{k: v for k, v in r.items() if v is not MISSING}) for i, (s, r) in enumerate(rs)])


def _typed(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """*facts* as an observation table can hold them: per field only ints or
    only strings (the field's first type), other values left out."""
    kinds: dict[str, type] = {}
    for fact in facts:
        for k, v in fact.items():
            if type(v) in (int, str):
                kinds.setdefault(k, type(v))
    return [{k: v for k, v in f.items() if k in ("t", "n", "s") or type(v) is kinds.get(k)} for f in facts]


def _table(facts: list[dict[str, Any]]) -> pl.DataFrame:
    period = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    return observation_table(
        Observation(f["s"], period, "2024", {k: v for k, v in f.items() if k not in ("t", "n", "s")}) for f in facts
    )


def _agree(rule: CompiledRule, facts: list[dict[str, Any]]) -> None:
    assert DURABLE.match(rule, facts) == PYTHON.match(rule, facts)
    # The columnar executor sees typed tables: compare all three on what a table can hold.
    typed = _typed(facts)
    oracle = PYTHON.match(rule, typed)
    assert DURABLE.match(rule, typed) == oracle
    first = COLUMNAR.first_branch(rule, _table(typed)).to_list() if typed else []
    assert first == [min(m) if m else None for m in oracle]


# -- compiled rules of the real kinds --------------------------------------------

CITE = Citation("测试文件", "一", "测试条款")
PHRASES = ["2023年底前", "2024年6月前", "2024年6月底前", "2024年9月中旬前", "2024年3月25日前", "每年年底前", "持续推进", "按照上级部署开展", "到2025年底"]
POLICIES = st.sampled_from([er.DeadlinePolicy(), er.DeadlinePolicy.strict()])
COUNTED = st.lists(st.sampled_from(list(er.TrainingCategory)), min_size=1, max_size=3, unique=True)
HOURS = st.one_of(st.integers(0, 200), st.sampled_from([59.99, 60.005, 0.01]))


def _rule(spec: Any, subject: er.Subject) -> er.Rule:
    return er.Rule(id="test.kind.rule", title_zh="测试", title_en="test", citation=CITE, spec=spec, scope=er.Scope(subject))


SPECS = st.one_of(
    st.builds(
        lambda h, c, splits: _rule(AnnualTrainingHours(min_hours=h, counted=c, splits=splits), er.Subject.OFFICER),
        HOURS,
        COUNTED,
        st.lists(st.builds(CategoryMinimum, categories=COUNTED, min_hours=HOURS), max_size=2),
    ),
    st.builds(lambda p: _rule(TaskDeadline(task="problem_list", deadline=p), er.Subject.UNIT), st.sampled_from(PHRASES)),
    st.builds(lambda n: _rule(RecurringCount(event="annual_assessment", min_count=n), er.Subject.OFFICER), st.integers(1, 12)),
)


@DIFF
@given(data=st.data(), rule=SPECS, policy=POLICIES)
def test_real_kinds_agree_with_python(data: st.DataObject, rule: er.Rule, policy: er.DeadlinePolicy) -> None:
    comp = compile_rule(rule, policy)
    _agree(comp, data.draw(_facts(_fields(comp))))


# -- generated conditions within the compiled subset -------------------------------

FIELDS = st.sampled_from(["a", "b", "字段", "id", "with space"])
INT_CONSTS = st.one_of(st.sampled_from(EDGE_INTS + [30, 60, 6000]), st.integers(-50, 50))
SCALARS = st.one_of(INT_CONSTS, STRINGS)
ORDERINGS: list[Callable[[str, int], dict[str, Any]]] = [lt, lte, gt, gte]
LEAVES = st.one_of(
    st.builds(eq, FIELDS, SCALARS),
    st.builds(neq, FIELDS, SCALARS),
    st.builds(lambda op, f, c: op(f, c), st.sampled_from(ORDERINGS), FIELDS, INT_CONSTS),
)
CONDITIONS = st.recursive(
    LEAVES,
    lambda kids: st.one_of(
        st.lists(kids, min_size=2, max_size=3).map(lambda cs: all_of(*cs)),
        st.lists(kids, min_size=2, max_size=3).map(lambda cs: any_of(*cs)),
    ),
    max_leaves=6,
)


@DIFF
@given(data=st.data(), conditions=st.lists(CONDITIONS, min_size=1, max_size=4), catch_all=st.booleans())
def test_generated_conditions_agree_with_python(data: st.DataObject, conditions: list[dict[str, Any]], catch_all: bool) -> None:
    rule = compiled(*conditions, catch_all=catch_all)
    _agree(rule, data.draw(_facts(_fields(rule))))


# -- whole reports ---------------------------------------------------------------

AS_OF = st.sampled_from([dt.date(2023, 12, 31), dt.date(2024, 1, 1), dt.date(2024, 6, 30), dt.date(2024, 7, 1), dt.date(2025, 12, 31), dt.date(2026, 11, 23)])
DAYS = st.sampled_from(["2023-01-01", "2023-12-31", "2024-01-01", "2024-05-31", "2024-06-30", "2024-07-01", "2024-12-31", "2025-06-15", "2025-12-31", "2026-01-01"])
TASKS = ["problem_list", "special_supervision", "discretion_baselines", "item_catalogue", "full_staff_rotation", "supervision_system", "delegation_evaluation", "national_database"]
EVENTS = ["annual_assessment", "higher_level_training", "supervision_work_plan"]
UNIT_IDS = ["market", "town", "gov"]


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    units = [
        {"id": "market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county"},
        {"id": "town", "name": "某镇综合行政执法队", "kind": "enforcement", "level": "township"},
        {"id": "gov", "name": "某县人民政府", "kind": "government", "level": "county"},
    ]
    n_officers = draw(st.integers(0, 5))
    officers = []
    for i in range(n_officers):
        officer = {"id": f"o{i}", "unit": draw(st.sampled_from(UNIT_IDS[:2])), "hired_on": draw(DAYS), "township": draw(st.booleans())}
        if draw(st.booleans()):
            officer["left_on"] = draw(DAYS)
            if officer["left_on"] < officer["hired_on"]:
                officer["hired_on"], officer["left_on"] = officer["left_on"], officer["hired_on"]
        officers.append(officer)
    ids = [o["id"] for o in officers] or ["o0"]
    training = [
        {
            "id": f"t{i}",
            "officer": draw(st.sampled_from(ids)),
            "hours": draw(st.one_of(st.integers(0, 70), st.sampled_from([59.99, 0.5, 30.25]))),
            "category": draw(st.sampled_from([c.value for c in er.TrainingCategory])),
            "held_at": draw(DAYS) + draw(st.sampled_from(["T00:00:00+08:00", "T23:59:59+08:00", "T16:30:00Z"])),
        }
        for i in range(draw(st.integers(0, 12)))
    ]
    reports = [
        {"id": f"r{i}", "task": draw(st.sampled_from(TASKS)), "unit": draw(st.sampled_from(UNIT_IDS)), "completed_on": draw(DAYS)}
        for i in range(draw(st.integers(0, 6)))
    ]
    events = [
        {"id": f"e{i}", "kind": draw(st.sampled_from(EVENTS)), "subject": draw(st.sampled_from(ids + UNIT_IDS)), "on": draw(DAYS)}
        for i in range(draw(st.integers(0, 8)))
    ]
    return {"units": units, "officers": officers, "training": training, "task_reports": reports, "events": events}


NATIONAL = er.load_rulebook("national")


@REPORTS
@given(doc=documents(), as_of=AS_OF, policy=POLICIES)
def test_whole_reports_agree_with_python(doc: dict[str, Any], as_of: dt.date, policy: er.DeadlinePolicy) -> None:
    facts = er.load_facts(doc)
    durable = er.evaluate(NATIONAL, facts, as_of, engine=DURABLE, policy=policy)
    python = er.evaluate(NATIONAL, facts, as_of, engine="python", policy=policy)
    columnar = er.evaluate(NATIONAL, facts, as_of, engine=COLUMNAR, policy=policy)
    assert durable.engine == "durable" and python.engine == "python" and columnar.engine == "columnar"
    assert durable.findings == python.findings == columnar.findings
    assert durable.table.equals(python.table) and columnar.table.equals(python.table)
    assert durable.findings  # every rule yields at least its insufficient-data finding
