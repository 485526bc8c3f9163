"""Helpers shared by the durable-rules executor tests: hand-made compiled
rules, observation facts, both executors side by side, a subprocess
runner for reproducing raw durable-rules crashes without risking pytest,
and the generators of the differential tests (compiled rules of the real
kinds, generated conditions, observation rows) with their three-executor
comparison, which the fuzz campaign's ``engines`` target shares."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import polars as pl
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.citation import Citation, Period
from enforcerules.compile import OBSERVATION_TAG, CompiledRule
from enforcerules.conditions import all_of, any_of, eq, gt, gte, lt, lte, neq
from enforcerules.engine_columnar import ColumnarExecutor
from enforcerules.engine_durable import DurableExecutor
from enforcerules.engine_python import PythonExecutor
from enforcerules.findings import Status
from enforcerules.kinds import AnnualTrainingHours, RecurringCount, TaskDeadline
from enforcerules.kinds.base import Observation, observation_table
from enforcerules.kinds.training import CategoryMinimum

PYTHON = PythonExecutor()


def compiled(*conditions: Mapping[str, Any], catch_all: bool = True, rule_id: str = "test.rule") -> CompiledRule:
    """A compiled rule of the shape compile.compile_rule emits, one branch per condition."""
    conds = [dict(c) for c in conditions] + ([{}] if catch_all else [])
    tag = {"t": OBSERVATION_TAG}
    ruleset = {
        f"b{i}": {"all": [{"m": {"$and": [tag, c]} if c else dict(tag)}], "run": f"b{i}"}
        for i, c in enumerate(conds)
    }
    text = json.dumps(ruleset, sort_keys=True, ensure_ascii=False)
    return CompiledRule(
        rule_id=rule_id,
        ruleset=ruleset,
        statuses=tuple(Status.COMPLIANT for _ in conds),
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
    )


def obs(n: int, subject: str = "u1", **values: Any) -> dict[str, Any]:
    """An observation fact as evaluate() hands executors: t, n, s and the values."""
    return {"t": OBSERVATION_TAG, "n": n, "s": subject, **values}


def facts_of(rows: Sequence[Mapping[str, Any]], subject: str | None = None) -> list[dict[str, Any]]:
    return [obs(i, subject if subject is not None else f"u{i}", **row) for i, row in enumerate(rows)]


def both(durable: DurableExecutor, rule: CompiledRule, facts: Sequence[Mapping[str, Any]]) -> tuple[list[frozenset[int]], list[frozenset[int]]]:
    return durable.match(rule, facts), PYTHON.match(rule, facts)


RAW_PRELUDE = """
import json, sys, time
from durable.engine import Host

class QuietHost(Host):
    # no timer threads, no-op actions: the smallest host that still registers rulesets
    def get_action(self, name):
        return lambda c: None
    def _run(self):
        pass

def ruleset(definition, host_class=QuietHost):
    host = host_class()
    host.register_rulesets({"r": definition})
    return host, host.get_ruleset("r")

def one_rule(pattern):
    return {"a": {"all": [{"m": pattern}], "run": "a"}}
"""


def run_raw(body: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """Run *body* (after RAW_PRELUDE) in a fresh interpreter; a segfault shows as returncode -11."""
    code = RAW_PRELUDE + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)


def segfaulted(proc: subprocess.CompletedProcess[str]) -> bool:
    return proc.returncode == -11


# -- generators of the differential tests ---------------------------------------------

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


def fields_of(rule: CompiledRule) -> dict[str, list[int | str]]:
    """The fields *rule*'s conditions test, each with the constants it is compared to."""
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


def observations(fields: Mapping[str, list[int | str]], max_rows: int = 12) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Observation facts whose values sit near, on and far from the constants of *fields*."""
    extra = {"zz": [0, "z"], "字段": ["值", 7]}
    row = st.fixed_dictionaries({f: _value(c) for f, c in {**fields, **extra}.items()})
    rows = st.lists(st.tuples(SUBJECTS, row), max_size=max_rows)
    return rows.map(lambda rs: [obs(i, s, **{k: v for k, v in r.items() if v is not MISSING}) for i, (s, r) in enumerate(rs)])


def typed(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """*facts* as an observation table can hold them: per field only ints or
    only strings (the field's first type), other values left out."""
    kinds: dict[str, type] = {}
    for fact in facts:
        for k, v in fact.items():
            if type(v) in (int, str):
                kinds.setdefault(k, type(v))
    return [{k: v for k, v in f.items() if k in ("t", "n", "s") or type(v) is kinds.get(k)} for f in facts]


def observation_frame(facts: list[dict[str, Any]]) -> pl.DataFrame:
    period = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    return observation_table(
        Observation(f["s"], period, "2024", {k: v for k, v in f.items() if k not in ("t", "n", "s")}) for f in facts
    )


def disagreement(rule: CompiledRule, facts: list[dict[str, Any]], durable: DurableExecutor, columnar: ColumnarExecutor) -> str:
    """How the durable-rules or columnar executor differs from the Python oracle on *facts*, or ""."""
    oracle = PYTHON.match(rule, facts)
    got = durable.match(rule, facts)
    if got != oracle:
        return f"durable {got} != python {oracle}"
    # The columnar executor sees typed tables: compare all three on what a table can hold.
    kept = typed(facts)
    oracle = PYTHON.match(rule, kept)
    got = durable.match(rule, kept)
    if got != oracle:
        return f"durable {got} != python {oracle} (typed rows)"
    first = columnar.first_branch(rule, observation_frame(kept)).to_list() if kept else []
    expected = [min(m) if m else None for m in oracle]
    if first != expected:
        return f"columnar first branches {first} != python {expected}"
    return ""


# compiled rules of the real kinds

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

# generated conditions within the compiled subset

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
