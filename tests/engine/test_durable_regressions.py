"""One test per known durable-rules 2.0.28 crash or wrong result
(/work/shared/notes/durable-rules.md, docs/engine.md), each showing the path
the library takes avoids it. Where the raw engine's failure is reproduced to
prove it exists, that happens in a subprocess (a segfault there cannot take
pytest down)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from typing import Any

import pytest

import enforcerules as er
import enforcerules.engine_durable as ed
from enforcerules.compile import OBSERVATION_TAG
from enforcerules.conditions import all_of, any_of, eq, gte, lt, neq
from enforcerules.engine_durable import MAX_ALPHA_NODES, MAX_BATCH, DurableExecutor, fnv1a32
from enforcerules.errors import EngineError
from enforcerules.engine import observation_facts
from enforcerules.evaluate import _check_engine_safe
from enforcerules.kinds.base import observation_table, observations_of
from enforcerules.chinatime import to_ordinal
from enforcerules.citation import Period
from enforcerules.kinds.base import EvalContext, Observation

from durable_support import PYTHON, both, compiled, facts_of, obs, run_raw, segfaulted

Session = tuple[Any, str, list[dict[str, Any]]]


@pytest.fixture
def sessions(monkeypatch: pytest.MonkeyPatch) -> list[Session]:
    """Every session the executor opens: (ruleset, sid, facts as sent)."""
    calls: list[Session] = []
    real = ed._run_session

    def spy(rs: Any, sid: str, batch: list[dict[str, Any]]) -> list[tuple[str, int]]:
        calls.append((rs, sid, [dict(f) for f in batch]))
        return real(rs, sid, batch)

    monkeypatch.setattr(ed, "_run_session", spy)
    return calls


def _registered(executor: DurableExecutor) -> Iterator[dict[str, Any]]:
    """The definitions the executor registered with durable-rules (after "run" was removed)."""
    engine = executor._current()
    for plan in engine.plans.values():
        for rs in plan:
            yield rs.ruleset.get_definition()


def _walk(cond: Any) -> Iterator[tuple[str, Any]]:
    for key, value in cond.items():
        yield key, value
        if key in ("$and", "$or"):
            for c in value:
                yield from _walk(c)


UNITS = [
    {"id": "market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county"},
    {"id": "gov", "name": "某县人民政府", "kind": "government", "level": "county"},
]
AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def national() -> er.Rulebook:
    return er.load_rulebook("national")


# -- crashes -------------------------------------------------------------------


@pytest.mark.parametrize("call", ["host.assert_facts('r', [])", "host.post_batch('r', [])"])
def test_empty_batch_segfaults_the_raw_engine(call: str) -> None:
    proc = run_raw(f"host, rs = ruleset(one_rule({{'t': 'obs'}}))\n{call}\nprint('survived')")
    assert segfaulted(proc), proc


def test_empty_batch_is_never_sent(durable: DurableExecutor, sessions: list[Session], national: er.Rulebook) -> None:
    rule = compiled(eq("x", 1))
    assert durable.match(rule, []) == []
    assert sessions == []
    # no officers: officer rules observe nothing and must not reach the engine at all
    facts = er.load_facts({"units": UNITS})
    report = er.evaluate(national, facts, AS_OF, engine=durable)
    assert sessions and all(batch for _, _, batch in sessions)
    officer_rules = {r.id for r in national.rules if r.rule.scope.subject is er.Subject.OFFICER}
    assert officer_rules
    for f in report.findings:
        if f.rule_id in officer_rules:
            assert f.status is er.Status.INSUFFICIENT_DATA and f.subject == "*"


def test_delete_state_before_any_action_segfaults_the_raw_engine() -> None:
    proc = run_raw("""
        host, rs = ruleset(one_rule({"t": "obs"}))
        rs.assert_facts([{"sid": "1", "t": "obs"}])
        rs.delete_state("1")
        print("survived")
    """)
    assert segfaulted(proc), proc


def test_session_is_deleted_only_after_its_sentinel_fired(monkeypatch: pytest.MonkeyPatch) -> None:
    executor = DurableExecutor()
    rule = compiled(eq("x", 1))
    (rs,) = executor._current().plan(rule)
    deleted: list[str] = []
    monkeypatch.setattr(rs.ruleset, "delete_state", deleted.append)
    real_drain = ed._drain
    monkeypatch.setattr(ed, "_drain", lambda h, limit: ((a, m) for a, m in real_drain(h, limit) if a != "end"))
    with pytest.raises(EngineError, match="sentinel"):
        executor.match(rule, [obs(0, x=1)])
    assert deleted == []  # the session is left alone, never deleted blind
    assert executor._engine is None  # and its host abandoned
    monkeypatch.undo()
    assert executor.match(rule, [obs(0, x=1), obs(1, x=2)]) == [frozenset({0, 1}), frozenset({1})]
    executor.close()


def test_facts_matching_no_branch_still_end_their_session_safely(durable: DurableExecutor, sessions: list[Session]) -> None:
    rule = compiled(eq("x", 1), catch_all=False)
    facts = facts_of([{"x": 2}, {"y": 1}, {}])
    assert durable.match(rule, facts) == [frozenset()] * 3 == PYTHON.match(rule, facts)
    assert len(sessions) == 3


def test_stock_host_out_of_order_delete_segfaults_the_raw_engine() -> None:
    proc = run_raw("""
        from durable.engine import Host
        class StockHost(Host):  # timer threads left running
            def get_action(self, name):
                return lambda c: None
        host, rs = ruleset(one_rule({"t": "obs"}), StockHost)
        rs.assert_facts([{"sid": "A", "t": "obs"}])
        rs.assert_facts([{"sid": "B", "t": "obs"}])
        rs.delete_state("A")
        time.sleep(1.5)
        print("survived")
    """)
    assert segfaulted(proc), proc


def test_no_background_threads_and_one_session_at_a_time(sessions: list[Session]) -> None:
    before = threading.active_count()
    executors = [DurableExecutor() for _ in range(5)]
    rule = compiled(gte("x", 3))
    for ex in executors:
        ex.match(rule, facts_of([{"x": i} for i in range(5)]))
    assert threading.active_count() == before
    assert len(sessions) == 25
    for ex in executors:
        ex.close()


def test_more_than_1024_live_sessions_break_the_raw_engine() -> None:
    proc = run_raw("""
        host, rs = ruleset(one_rule({"t": "obs"}))
        for i in range(1100):
            try:
                rs.assert_facts([{"sid": str(i), "t": "obs"}])
            except MemoryError:
                print("MemoryError at", i, flush=True)
                break
        rs.assert_facts([{"sid": str(i), "t": "obs"}])
        print("survived")
    """)
    assert "MemoryError at 1024" in proc.stdout and segfaulted(proc), proc


def test_2000_subjects_evaluate_one_session_each(durable: DurableExecutor, sessions: list[Session]) -> None:
    rule = compiled(gte("x", 1000), lt("x", 0))
    facts = facts_of([{"x": i - 5} for i in range(2000)])
    got, want = both(durable, rule, facts)
    assert got == want
    assert len(sessions) == 2000 and len({sid for _, sid, _ in sessions}) == 2000


def test_huge_sid_segfaults_the_raw_engine() -> None:
    proc = run_raw("""
        host, rs = ruleset(one_rule({"t": "obs"}))
        rs.assert_facts([{"sid": "x" * 4_000_000, "t": "obs"}])
        print("survived")
    """)
    assert segfaulted(proc), proc


def test_huge_subject_never_reaches_the_engine(durable: DurableExecutor, sessions: list[Session]) -> None:
    big = "主" * 5_000_000
    rule = compiled(eq("x", 1))
    facts = [obs(0, big, x=1), obs(1, big, x=2)]
    assert durable.match(rule, facts) == PYTHON.match(rule, facts) == [frozenset({0, 1}), frozenset({1})]
    ((_, sid, batch),) = sessions
    assert len(sid) < 12
    assert all(len(repr(f)) < 100 for f in batch)


def test_compiled_conditions_have_no_joins_and_no_one_element_or() -> None:
    registry = er.Registry()
    seen = 0
    for jurisdiction in registry.jurisdictions():
        for rule_id, rule in er.compile_rulebook(registry.rulebook(jurisdiction.id)).items():
            for name in rule.branch_names:
                for key, value in _walk(rule.ruleset[name]["all"][0]["m"]):
                    seen += 1
                    if key == "$or":
                        assert len(value) >= 2, (rule_id, name)
                    elif key == "$and":
                        assert value, (rule_id, name)
                    elif key.startswith("$"):
                        ((field, const),) = value.items()  # one field against a constant, never another fact
                        assert isinstance(const, (int, str)), (rule_id, name, value)
                    else:
                        assert isinstance(value, (int, str)), (rule_id, name, key, value)
    assert seen > 100


def test_any_of_never_builds_a_one_element_or() -> None:
    assert any_of(eq("a", 1)) == eq("a", 1)
    assert any_of(eq("a", 1), {}) == eq("a", 1)
    assert any_of() == {}
    assert any_of(eq("a", 1), eq("b", 2)) == {"$or": [eq("a", 1), eq("b", 2)]}


def test_executor_unwraps_a_one_element_or(durable: DurableExecutor) -> None:
    rule = compiled({"$or": [gte("x", 3)]}, {"$and": [{"$or": [eq("y", "是")]}, gte("x", 0)]})
    facts = facts_of([{"x": 3}, {"x": 2, "y": "是"}, {"x": -1, "y": "是"}])
    got, want = both(durable, rule, facts)
    assert got == want == [frozenset({0, 2}), frozenset({1, 2}), frozenset({2})]
    for definition in _registered(durable):
        for body in definition.values():
            for key, value in _walk(body["all"][0]["m"]):
                assert key != "$or" or len(value) >= 2


# -- silently wrong results ----------------------------------------------------


def test_string_four_passes_gte_30_in_the_raw_engine() -> None:
    proc = run_raw("""
        import durable_rules_engine as dre
        host, rs = ruleset(one_rule({"$gte": {"x": 30}}))
        rs.assert_facts([{"sid": "1", "x": "4"}])
        print("fired" if dre.start_action(rs._handle) else "no")
    """)
    assert proc.stdout.strip() == "fired", proc


def test_string_four_does_not_pass_gte_30(durable: DurableExecutor) -> None:
    rule = compiled(gte("x", 30), eq("x", 4), neq("x", "4"))
    facts = facts_of([{"x": "4"}, {"x": 4}, {"x": "40"}, {"x": 40}])
    got, want = both(durable, rule, facts)
    assert got == want
    assert got[0] == frozenset({3}) and got[1] == frozenset({1, 3}) and got[3] == frozenset({0, 3})


@pytest.mark.parametrize("value", [30.0, 1e-05, 1e16, float("nan"), float("inf"), None, True])
def test_non_int_non_string_values_never_reach_the_engine(durable: DurableExecutor, sessions: list[Session], value: Any) -> None:
    # floats (exponent, NaN), None and bools: the raw engine mistypes each; here they match nothing, as in Python
    rule = compiled(gte("x", 0), eq("x", 1), neq("x", 0))
    facts = [obs(0, x=value)]
    assert durable.match(rule, facts) == PYTHON.match(rule, facts) == [frozenset({3})]
    ((_, _, batch),) = sessions
    assert all(isinstance(v, (int, str)) and not isinstance(v, bool) for v in batch[0].values())


def test_exponent_float_mid_batch_silently_drops_the_rest_in_the_raw_engine() -> None:
    proc = run_raw("""
        host, rs = ruleset(one_rule({"$gte": {"x": 0}}))
        rs.assert_facts([{"sid": "1", "n": 0, "x": 1}, {"sid": "1", "n": 1, "x": 1e-05}, {"sid": "1", "n": 2, "x": 3}])
        print(sorted(f["n"] for f in rs.get_facts("1")))
    """)
    assert proc.stdout.strip() == "[0]", proc


def test_nan_becomes_null_and_none_is_present_for_nex_in_the_raw_engine() -> None:
    proc = run_raw("""
        import durable_rules_engine as dre
        host, rs = ruleset(one_rule({"x": None}))
        rs.assert_facts([{"sid": "1", "x": float("nan")}])
        print("nan is null" if dre.start_action(rs._handle) else "no")
        host, rs = ruleset(one_rule({"$nex": {"x": 1}}))
        try:
            rs.assert_facts([{"sid": "1", "x": None}])
        except Exception as e:
            print(type(e).__name__)
    """)
    assert proc.stdout.split() == ["nan", "is", "null", "MessageNotHandledException"], proc


@pytest.mark.parametrize("operator", ["$nex", "$ex", "$mt", "$iany", "$not"])
def test_operators_outside_the_subset_are_refused(durable: DurableExecutor, operator: str) -> None:
    rule = compiled({operator: {"x": 1}})
    with pytest.raises(EngineError, match="outside the compiled subset"):
        durable.match(rule, [obs(0, x=1)])
    with pytest.raises(EngineError, match="outside the compiled subset"):
        PYTHON.match(rule, [obs(0, x=1)])


def test_every_registered_pattern_tests_the_observation_discriminator(durable: DurableExecutor) -> None:
    # no rule rests on a lone $nex or matches a stray fact: each pattern starts with k == "o" (or the sentinel's)
    durable.match(compiled(eq("x", 1), any_of(eq("x", 2), gte("y", 3))), [obs(0, x=1)])
    for definition in _registered(durable):
        for name, body in definition.items():
            pattern = body["all"][0]["m"]
            head = pattern["$and"][0] if "$and" in pattern else pattern
            assert head == {"k": "e" if name == "end" else "o"}, (name, pattern)


def test_runaway_actions_are_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    executor = DurableExecutor()
    rule = compiled(gte("x", 0))
    for rs in executor._current().plan(rule):
        monkeypatch.setattr(rs, "max_fires", 0)
    with pytest.raises(EngineError, match="does not terminate"):
        executor.match(rule, [obs(0, x=1)])


def test_ints_beyond_2_63_saturate_in_the_raw_engine() -> None:
    proc = run_raw("""
        import durable_rules_engine as dre
        host, rs = ruleset(one_rule({"x": 2**63 - 1}))
        rs.assert_facts([{"sid": "1", "x": 2**64}])
        print("fired" if dre.start_action(rs._handle) else "no")
    """)
    assert proc.stdout.strip() == "fired", proc


def test_ints_are_exact_within_2_53_and_refused_beyond(durable: DurableExecutor) -> None:
    top = 2**53 - 1
    rule = compiled(eq("x", top), gte("x", top), lt("x", -top + 1))
    facts = facts_of([{"x": top}, {"x": top - 1}, {"x": -top}])
    got, want = both(durable, rule, facts)
    assert got == want == [frozenset({0, 1, 3}), frozenset({3}), frozenset({2, 3})]
    with pytest.raises(EngineError, match="2\\^53"):
        durable.match(rule, [obs(0, x=2**64)])
    with pytest.raises(EngineError, match="2\\^53"):
        durable.match(compiled(eq("x", 2**63)), [obs(0, x=1)])


def test_strings_over_65535_bytes_compare_wrongly_in_the_raw_engine() -> None:
    proc = run_raw("""
        import durable_rules_engine as dre
        host, rs = ruleset(one_rule({"x": "a" * 65536 + "c"}))
        rs.assert_facts([{"sid": "1", "x": "a" * 65536 + "b"}])
        print("fired" if dre.start_action(rs._handle) else "no")
    """)
    assert proc.stdout.strip() == "fired", proc


def test_strings_are_bounded_and_compare_exactly(durable: DurableExecutor) -> None:
    long_a, long_b = "执" * 999 + "甲", "执" * 999 + "乙"
    rule = compiled(eq("x", long_a), neq("x", long_a))
    facts = facts_of([{"x": long_a}, {"x": long_b}, {"x": "执" * 999}])
    got, want = both(durable, rule, facts)
    assert got == want == [frozenset({0, 2}), frozenset({1, 2}), frozenset({1, 2})]
    with pytest.raises(EngineError, match="1001 characters"):
        durable.match(rule, [obs(0, x="执" * 1001)])
    with pytest.raises(EngineError, match="1001 characters"):
        durable.match(compiled(eq("x", "a" * 1001)), [obs(0, x="a")])


def test_dates_reach_the_engine_as_ordinals_and_strings_are_never_ordered(durable: DurableExecutor, national: er.Rulebook) -> None:
    facts = er.load_facts({"units": UNITS, "task_reports": [{"id": "r1", "task": "problem_list", "unit": "market", "completed_on": "2023-12-31"}]})
    ctx = EvalContext(facts=facts, as_of=AS_OF)
    rule = national.get("national.rectification.problem_list").rule
    (market,) = [o for o in observations_of(rule.spec.observe(rule, ctx)) if o.subject == "market"]
    assert market.values["on"] == to_ordinal(dt.date(2023, 12, 31))
    assert market.values["asof"] == to_ordinal(AS_OF)
    assert all(isinstance(v, int) for v in market.values.values())
    with pytest.raises(EngineError, match="takes an int"):
        durable.match(compiled({"$lt": {"day": "2024-10-01"}}), [obs(0, day="2024-9-1")])


def test_many_facts_of_one_subject_are_all_seen(durable: DurableExecutor, sessions: list[Session]) -> None:
    # 32-bit fact identities: with generated ids "0"…"255" per batch no fact is taken for a duplicate
    assert len({fnv1a32(i) for i in (*ed._IDS, ed._SENTINEL_ID)}) == MAX_BATCH + 1
    rule = compiled(gte("x", 1500), eq("y", "乙"))
    facts = facts_of([{"x": i, "y": "甲乙"[i % 2]} for i in range(3000)], subject="one")
    got, want = both(durable, rule, facts)
    assert got == want
    assert sum(len(batch) for _, _, batch in sessions) == 3000
    assert max(len(batch) for _, _, batch in sessions) == MAX_BATCH


def test_same_id_facts_are_deduplicated_in_the_raw_engine() -> None:
    proc = run_raw("""
        host, rs = ruleset(one_rule({"$gte": {"x": 0}}))
        try:
            rs.assert_facts([{"sid": "1", "id": "7", "x": 1}, {"sid": "1", "id": "7", "x": 2}])
        except Exception as e:
            print(type(e).__name__)
        print(len(rs.get_facts("1")))
    """)
    assert proc.stdout.split() == ["MessageObservedException", "1"], proc


def test_field_name_hash_collision_gives_a_wrong_match_in_the_raw_engine() -> None:
    assert fnv1a32("i_c5h7kt") == fnv1a32("i_njzbl1odim")
    proc = run_raw("""
        import durable_rules_engine as dre
        host, rs = ruleset(one_rule({"i_c5h7kt": 1}))
        rs.assert_facts([{"sid": "1", "i_njzbl1odim": 1}])
        print("fired" if dre.start_action(rs._handle) else "no")
    """)
    assert proc.stdout.strip() == "fired", proc


def test_field_name_hash_collisions_are_refused_or_harmless(durable: DurableExecutor) -> None:
    with pytest.raises(EngineError, match="collide"):
        durable.match(compiled(eq("c5h7kt", 1), eq("njzbl1odim", 1)), [obs(0, c5h7kt=1)])
    # a rule reading one of the two: the other is never sent, so it cannot be confused
    rule = compiled(eq("c5h7kt", 1))
    facts = facts_of([{"njzbl1odim": 1}, {"c5h7kt": 1}])
    assert durable.match(rule, facts) == PYTHON.match(rule, facts) == [frozenset({1}), frozenset({0, 1})]


def test_a_field_named_id_works(durable: DurableExecutor) -> None:
    rule = compiled(eq("id", "甲"), eq("sid", 3))
    facts = facts_of([{"id": "甲", "sid": 3}, {"id": "乙"}, {"id": "甲"}])
    got, want = both(durable, rule, facts)
    assert got == want == [frozenset({0, 1, 2}), frozenset({2}), frozenset({0, 2})]


def test_or_fires_once_per_matching_branch_and_is_deduplicated(durable: DurableExecutor, monkeypatch: pytest.MonkeyPatch) -> None:
    fired: list[tuple[str, int]] = []
    real = ed._run_session

    def recording(rs: Any, sid: str, batch: list[dict[str, Any]]) -> list[tuple[str, int]]:
        out = real(rs, sid, batch)
        fired.extend(out)
        return out

    monkeypatch.setattr(ed, "_run_session", recording)
    rule = compiled(any_of(gte("x", 0), gte("x", 1), eq("y", 1)))
    facts = [obs(0, x=5, y=1)]
    assert durable.match(rule, facts) == PYTHON.match(rule, facts) == [frozenset({0, 1})]
    assert fired.count(("b0", 0)) == 3


def test_more_than_512_rules_on_one_field(durable: DurableExecutor) -> None:
    rule = compiled(*(eq("x", i) for i in range(600)))
    facts = facts_of([{"x": 0}, {"x": 599}, {"x": 600}, {"x": "599"}])
    got, want = both(durable, rule, facts)
    assert got == want == [frozenset({0, 600}), frozenset({599, 600}), frozenset({600}), frozenset({600})]
    plan = durable._current().plan(rule)
    assert len(plan) > 1
    assert all(len(rs.branches) * 3 <= MAX_ALPHA_NODES for rs in plan)


def test_more_than_64_matching_paths_fail_in_the_raw_engine() -> None:
    proc = run_raw("""
        import durable_rules_engine as dre
        host, rs = ruleset(one_rule({"$or": [{"$gte": {"x": i}} for i in range(70)]}))
        try:
            rs.assert_facts([{"sid": "1", "x": 100}])
        except Exception as e:
            print(e)
        print("action" if dre.start_action(rs._handle) else "no action")
    """)
    assert "error code: 303" in proc.stdout and "no action" in proc.stdout, proc


def test_more_than_64_rules_matching_one_fact(durable: DurableExecutor) -> None:
    rule = compiled(*(gte("x", i) for i in range(100)), any_of(*(gte("y", i) for i in range(12))))
    facts = facts_of([{"x": 1000, "y": 50}, {"x": 50}])
    got, want = both(durable, rule, facts)
    assert got == want
    assert got[0] == frozenset(range(102))


def test_too_large_a_single_branch_is_refused_not_crashed(durable: DurableExecutor) -> None:
    rule = compiled(all_of(*(any_of(gte("x", i), gte("y", i)) for i in range(8))))
    with pytest.raises(EngineError, match='engine="python"'):
        durable.match(rule, [obs(0, x=1)])


def test_a_bad_fact_mid_batch_stops_everything_before_the_engine(durable: DurableExecutor, sessions: list[Session]) -> None:
    rule = compiled(gte("x", 0))
    facts = [obs(0, x=1), obs(1, x=2), obs(2, x=2**60), obs(3, x=3)]
    with pytest.raises(EngineError, match="2\\^53"):
        durable.match(rule, facts)
    assert sessions == []
    with pytest.raises(EngineError, match="UTF-8"):
        durable.match(compiled(eq("x", "a")), [obs(0, x="a"), obs(1, x="\ud800")])
    assert sessions == []


# -- evaluate's guard on engine facts ------------------------------------------

_PERIOD = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def _obs_with(**values: Any) -> Observation:
    return Observation("o1", _PERIOD, "2024", values)


@pytest.mark.parametrize(
    "values",
    [{"x": True}, {"x": 1.5}, {"x": float("nan")}, {"x": 2**53}, {"x": -(2**53)}, {"x": 2**64},
     {"x": "字" * 1001}, {"x": [1]}, {"t": "obs"}, {"n": 1}, {"s": "a"}, {"id": "a"}, {"sid": "a"}],
)
def test_engine_fact_guard_rejects(values: dict[str, Any]) -> None:
    with pytest.raises(EngineError, match="not engine-safe|is reserved"):
        _check_engine_safe("r.x", observation_table([_obs_with(**values)]))


def test_engine_fact_guard_accepts_the_boundaries() -> None:
    table = observation_table([_obs_with(a=2**53 - 1, b=-(2**53) + 1, c="字" * 1000, d=0, e="")])
    _check_engine_safe("r.x", table)
    (fact,) = observation_facts(table)
    assert fact == {"t": OBSERVATION_TAG, "n": 0, "s": "o1", "a": 2**53 - 1, "b": -(2**53) + 1, "c": "字" * 1000, "d": 0, "e": ""}


def test_a_missing_value_is_left_out_of_the_engine_fact() -> None:
    table = observation_table([_obs_with(a=1), _obs_with(b="x")])
    assert observation_facts(table) == [
        {"t": OBSERVATION_TAG, "n": 0, "s": "o1", "a": 1},
        {"t": OBSERVATION_TAG, "n": 1, "s": "o1", "b": "x"},
    ]


# -- interpreter and warnings ----------------------------------------------------


def test_engine_unavailable_when_durable_rules_cannot_import() -> None:
    code = textwrap.dedent("""
        import builtins
        real_import = builtins.__import__
        def fake_import(name, *args, **kwargs):
            if name.startswith("durable"):
                raise ImportError("durable_rules_engine.so: undefined symbol: PyEval_CallObject")
            return real_import(name, *args, **kwargs)
        builtins.__import__ = fake_import
        from enforcerules.errors import EngineUnavailable
        from enforcerules.engine import get_executor
        try:
            import enforcerules.engine_durable
        except EngineUnavailable as exc:
            print("unavailable:", exc)
        try:
            get_executor("durable")
        except EngineUnavailable:
            print("durable refused")
        print("auto gives", get_executor("auto").name)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    out = proc.stdout
    assert proc.returncode == 0, proc
    assert "unavailable:" in out and "PyEval_CallObject" in out and 'engine="python"' in out
    assert "durable refused" in out and "auto gives columnar" in out


def test_durable_evaluation_runs_under_warnings_as_errors() -> None:
    code = textwrap.dedent("""
        import datetime as dt
        import enforcerules as er
        facts = er.load_facts({"units": [{"id": "u", "name": "某局", "kind": "enforcement", "level": "county"}],
                               "officers": [{"id": "o", "unit": "u", "hired_on": "2020-01-01"}]})
        rb = er.load_rulebook("national")
        a = er.evaluate(rb, facts, dt.date(2026, 1, 5), engine="durable")
        b = er.evaluate(rb, facts, dt.date(2026, 1, 5), engine="python")
        print(a.findings == b.findings, len(a.findings))
    """)
    proc = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc
    ok, count = proc.stdout.split()
    assert ok == "True" and int(count) > 5


def test_close_frees_rulesets_and_the_executor_stays_usable() -> None:
    executor = DurableExecutor()
    rule = compiled(eq("x", 1))
    assert executor.match(rule, [obs(0, x=1)]) == [frozenset({0, 1})]
    handles = list(executor._current().handles)
    assert handles
    executor.close()
    assert executor._engine is None
    assert executor.match(rule, [obs(0, x=2)]) == [frozenset({1})]
    executor.close()
