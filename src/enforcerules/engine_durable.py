"""The durable-rules executor, driven only inside a safe envelope.

This is the only module that imports durable-rules. It is written against
durable-rules **2.0.28** (the last release, 2020-06-07) and uses parts of it
that are not public API: ``durable.engine.Host``/``Ruleset`` internals
(``Ruleset._handle``, ``Ruleset.assert_facts``, ``Ruleset.delete_state``) and
the C extension's ``start_action``, ``complete_and_start_action``,
``abandon_action`` and ``delete_ruleset``. Re-check docs/engine.md before
moving to any other version.

The envelope (each point answers a known crash or wrong result; see
docs/engine.md and tests/engine/test_regressions.py):

* one private :class:`~durable.engine.Host` per executor, its timer threads
  never started; actions are dispatched here, synchronously, so nothing runs
  in the background and no action exception is swallowed;
* every compiled rule becomes one or more generated rulesets, registered
  once per host and freed with the executor; a ruleset stays small (its
  alpha network has at most :data:`MAX_ALPHA_NODES` nodes) so no fact can
  match more nodes than the engine's 64-entry stack;
* field names carry the value's type (``i_`` ints, ``s_`` strings), so a
  string never meets a number (durable-rules would let ``"4"`` pass
  ``>= 30`` and ``4`` equal ``"4"``); only fields the conditions read are
  sent, with ints within ±2^53 and strings of at most 1000 characters;
* one subject's facts per session, in one batch of at most
  :data:`MAX_BATCH` facts with ids whose 32-bit hashes are distinct, plus a
  sentinel fact last whose rule fires in every session, so ``delete_state``
  is always safe; one live session at a time, deleted in ``finally``;
* every fact must be seen by a catch-all rule and the sentinel must fire,
  otherwise the executor raises :class:`EngineError` and abandons the host
  (it is never touched again) instead of deleting a session in an unknown
  state.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import threading
import weakref
from collections.abc import Callable, Generator, Hashable, Iterator, Mapping, Sequence
from typing import Any

import attrs

import polars as pl

from .compile import CompiledRule
from .errors import EngineError, EngineUnavailable

try:
    import durable_rules_engine as _dre
    from durable.engine import Host as _Host
    from durable.engine import MessageNotHandledException, MessageObservedException
except Exception as exc:  # ImportError, or a C symbol missing on load
    raise EngineUnavailable(
        f"durable-rules cannot be imported on Python {sys.version_info.major}.{sys.version_info.minor} "
        f"({type(exc).__name__}: {exc}); its last release (2.0.28) does not load on Python 3.13+. "
        'Use engine="columnar" (the default) or engine="python": same findings.'
    ) from exc

_NEEDED = ("assert_facts", "start_action", "complete_and_start_action", "abandon_action", "delete_state", "delete_ruleset")
_missing = [name for name in _NEEDED if not hasattr(_dre, name)]
if _missing:
    raise EngineUnavailable(
        f"durable-rules lacks {', '.join(_missing)} (written for 2.0.28); use engine=\"python\""
    )

__all__ = ["DURABLE_RULES_VERSION", "DurableExecutor", "MAX_ALPHA_NODES", "MAX_BATCH", "fnv1a32"]

#: The durable-rules release this module was written and tested against.
DURABLE_RULES_VERSION = "2.0.28"

#: Facts per session. Ids ``"0"``…``"255"`` and the sentinel's have distinct
#: 32-bit hashes, so no fact is ever taken for a duplicate of another.
MAX_BATCH = 256

#: Alpha nodes per generated ruleset. The engine walks matching nodes with a
#: 64-entry stack (error 303 beyond it, after which no action runs) and more
#: than 512 children of one node hang ruleset creation.
MAX_ALPHA_NODES = 48

_MAX_INT = 2**53
_MAX_STR = 1000
_SENTINEL_ID = "e"
_KIND = "k"  # discriminator added by this module: "o" observation, "e" sentinel
_SAFE_NAME = re.compile(r"[A-Za-z0-9_]{1,64}")
_CMP_OPS = frozenset({"$lt", "$lte", "$gt", "$gte", "$neq"})
_ORDERING = frozenset({"$lt", "$lte", "$gt", "$gte"})

Condition = dict[str, Any]


def fnv1a32(text: str) -> int:
    """The 32-bit hash durable-rules gives names, ids and sids (``char`` is signed)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value ^= byte if byte < 0x80 else (byte - 0x100) & 0xFFFFFFFF
        value = (value * 16777619) & 0xFFFFFFFF
    return value


_IDS = tuple(str(i) for i in range(MAX_BATCH))
assert len({fnv1a32(i) for i in (*_IDS, _SENTINEL_ID)}) == MAX_BATCH + 1


# -- values and names -------------------------------------------------------


def _check_value(value: Any, what: Callable[[], str]) -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise EngineError(f"{what()}: {value!r} is not an int or a string")
    if isinstance(value, int) and not -_MAX_INT < value < _MAX_INT:
        raise EngineError(f"{what()}: {value!r} is outside ±2^53")
    if isinstance(value, str):
        if len(value) > _MAX_STR:
            raise EngineError(f"{what()}: string of {len(value)} characters (at most {_MAX_STR})")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise EngineError(f"{what()}: {value!r} is not encodable as UTF-8") from exc
    return value


def _engine_name(field: str, value: int | str) -> str:
    """The engine's name for *field* holding a value of *value*'s type."""
    tag = "i" if isinstance(value, int) else "s"
    if _SAFE_NAME.fullmatch(field):
        return f"{tag}_{field}"
    try:
        return f"{tag}x{field.encode('utf-8').hex()}"
    except UnicodeEncodeError as exc:
        raise EngineError(f"field name {field!r} is not encodable as UTF-8") from exc


# -- conditions -------------------------------------------------------------


@attrs.frozen
class _Branch:
    """One branch condition in engine form, with its size in the alpha network."""

    index: int
    pattern: Condition
    fields: frozenset[str]
    terms: int  # disjuncts after expansion: the most times it can fire per fact
    nodes: int  # alpha nodes it may add (sum of the disjuncts' lengths)


@attrs.frozen
class _Encoded:
    cond: Condition | bool  # True: always holds; False: never
    fields: frozenset[str]
    terms: int
    nodes: int


_TRUE = _Encoded(True, frozenset(), 1, 0)
_FALSE = _Encoded(False, frozenset(), 0, 0)


def _leaf(op: str | None, field: str, const: Any, rule_id: str) -> _Encoded:
    value = _check_value(const, lambda: f"rule {rule_id!r}: constant for {field!r}")
    if op in _ORDERING and not isinstance(value, int):
        raise EngineError(f"rule {rule_id!r}: {op} on {field!r} takes an int (got {value!r})")
    name = _engine_name(field, value)
    cond = {name: value} if op is None else {op: {name: value}}
    return _Encoded(cond, frozenset({field}), 1, 1)


def _conj(parts: Sequence[_Encoded]) -> _Encoded:
    if any(p.cond is False for p in parts):
        return _FALSE
    kept = [p for p in parts if p.cond is not True]
    if not kept:
        return _TRUE
    if len(kept) == 1:
        return kept[0]
    terms, nodes = 1, 0
    for p in kept:  # (a1|a2) & (b1|b2) expands to every pairing
        nodes = nodes * p.terms + p.nodes * terms
        terms *= p.terms
    fields = frozenset().union(*(p.fields for p in kept))
    return _Encoded({"$and": [p.cond for p in kept]}, fields, terms, nodes)


def _disj(parts: Sequence[_Encoded]) -> _Encoded:
    if any(p.cond is True for p in parts):
        return _TRUE
    kept = [p for p in parts if p.cond is not False]
    if not kept:
        return _FALSE
    if len(kept) == 1:  # never hand the engine a one-element $or
        return kept[0]
    fields = frozenset().union(*(p.fields for p in kept))
    return _Encoded(
        {"$or": [p.cond for p in kept]}, fields, sum(p.terms for p in kept), sum(p.nodes for p in kept)
    )


def _encode(cond: Any, rule_id: str) -> _Encoded:
    """*cond* (the subset :mod:`enforcerules.conditions` emits) in type-separated engine form."""
    if not isinstance(cond, Mapping):
        raise EngineError(f"rule {rule_id!r}: condition {cond!r} is not an object")
    return _conj([_encode_term(key, value, rule_id) for key, value in cond.items()])


def _encode_term(key: str, value: Any, rule_id: str) -> _Encoded:
    if key in ("$and", "$or"):
        if not isinstance(value, list):
            raise EngineError(f"rule {rule_id!r}: {key} takes a list (got {value!r})")
        parts = [_encode(c, rule_id) for c in value]
        return _conj(parts) if key == "$and" else _disj(parts)
    if key in _CMP_OPS:
        if not isinstance(value, Mapping) or len(value) != 1:
            raise EngineError(f"rule {rule_id!r}: {key} takes one field (got {value!r})")
        ((field, const),) = value.items()
        return _leaf(key, field, const, rule_id)
    if key.startswith("$"):
        raise EngineError(f"rule {rule_id!r}: operator {key!r} is outside the compiled subset")
    return _leaf(None, key, value, rule_id)


def _branches(compiled: CompiledRule) -> list[_Branch]:
    out = []
    for i, name in enumerate(compiled.branch_names):
        rule = compiled.ruleset.get(name)
        shape_ok = (
            isinstance(rule, Mapping)
            and set(rule) <= {"all", "run"}
            and isinstance(rule.get("all"), list)
            and len(rule["all"]) == 1
            and isinstance(rule["all"][0], Mapping)
            and set(rule["all"][0]) == {"m"}
        )
        if not shape_ok or rule is None:
            raise EngineError(f"rule {compiled.rule_id!r}: branch {name!r} is not a one-pattern rule: {rule!r}")
        enc = _encode(rule["all"][0]["m"], compiled.rule_id)
        if enc.cond is False:
            continue  # can never match: nothing to register
        base = {_KIND: "o"}
        pattern = base if enc.cond is True else {"$and": [base, enc.cond]}
        branch = _Branch(i, pattern, enc.fields, enc.terms, enc.nodes + enc.terms)
        if branch.nodes > MAX_ALPHA_NODES - 3:
            raise EngineError(
                f"rule {compiled.rule_id!r}: branch {name!r} expands to {branch.nodes} engine nodes, more than "
                f"durable-rules handles safely ({MAX_ALPHA_NODES - 3}); use engine=\"python\""
            )
        out.append(branch)
    return out


def _chunks(branches: Sequence[_Branch]) -> Iterator[list[_Branch]]:
    """Consecutive groups small enough for one ruleset (3 nodes kept for root, seen, sentinel)."""
    group: list[_Branch] = []
    size = 0
    for b in branches:
        if group and size + b.nodes > MAX_ALPHA_NODES - 3:
            yield group
            group, size = [], 0
        group.append(b)
        size += b.nodes
    if group:
        yield group


# -- the host and its rulesets ----------------------------------------------


def _not_dispatched(c: Any) -> None:
    raise EngineError("durable-rules dispatched an action itself; this executor dispatches its own")


class _PrivateHost(_Host):  # type: ignore[misc]
    """A host without timer threads whose actions come from this module's table."""

    _ACTIONS = {"seen": _not_dispatched, "end": _not_dispatched}

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        if action_name in self._ACTIONS or re.fullmatch(r"b\d+", action_name):
            return _not_dispatched
        raise EngineError(f"unknown action {action_name!r}")

    def _run(self) -> None:
        """The stock host starts two timer threads that re-arm forever; none here."""


@attrs.define
class _Ruleset:
    """One registered ruleset: the branches it holds and the fields it reads."""

    name: str
    ruleset: Any  # durable.engine.Ruleset
    branches: tuple[int, ...]
    fields: frozenset[str]
    max_fires: int  # actions one observation can fire (seen + every disjunct)


@attrs.define
class _Engine:
    """A private host, its rulesets by compiled form, and its session counter."""

    serial: int
    host: _PrivateHost = attrs.field(factory=_PrivateHost)
    plans: dict[tuple[str, str], list[_Ruleset]] = attrs.field(factory=dict)
    handles: list[int] = attrs.field(factory=list)
    sids: Iterator[int] = attrs.field(factory=lambda: itertools.count(1))

    def plan(self, compiled: CompiledRule) -> list[_Ruleset]:
        key = (compiled.digest, compiled.to_json())
        if key not in self.plans:
            self.plans[key] = [self._register(compiled, k, group) for k, group in enumerate(_chunks(_branches(compiled)))]
        return self.plans[key]

    def _register(self, compiled: CompiledRule, k: int, group: list[_Branch]) -> _Ruleset:
        name = f"er{self.serial}_{len(self.plans)}_{compiled.digest}_{k}"
        definition: dict[str, Any] = {f"b{b.index}": {"all": [{"m": b.pattern}], "run": f"b{b.index}"} for b in group}
        definition["seen"] = {"all": [{"m": {_KIND: "o"}}], "run": "seen"}
        definition["end"] = {"all": [{"m": {_KIND: _SENTINEL_ID}}], "run": "end"}
        fields = frozenset().union(*(b.fields for b in group))
        _check_hashes(compiled.rule_id, [*definition, "m", _KIND, "sid", "id"], fields)
        try:
            self.host.register_rulesets({name: definition})  # it deletes "run": the dict is ours
        except Exception as exc:
            raise EngineError(f"rule {compiled.rule_id!r}: durable-rules rejected the ruleset: {exc}") from exc
        ruleset = self.host.get_ruleset(name)
        self.handles.append(ruleset._handle)
        return _Ruleset(name, ruleset, tuple(b.index for b in group), fields, 1 + sum(b.terms for b in group))

    def free(self) -> None:
        """Free the rulesets (every session is deleted by then)."""
        handles, self.handles = self.handles, []
        for handle in handles:
            _dre.delete_ruleset(handle)


def _check_hashes(rule_id: str, names: list[str], fields: frozenset[str]) -> None:
    """Durable-rules tells names apart by 32-bit hash only; refuse a ruleset where two collide."""
    every = set(names) | {_engine_name(f, t) for f in fields for t in (0, "")}
    seen: dict[int, str] = {}
    for name in sorted(every):
        other = seen.setdefault(fnv1a32(name), name)
        if other != name:
            raise EngineError(f"rule {rule_id!r}: names {other!r} and {name!r} collide in durable-rules' 32-bit hash")


# -- sessions ---------------------------------------------------------------


def _project(fact: Mapping[str, Any], fields: frozenset[str]) -> dict[str, Any]:
    """The fields a ruleset reads, type-separated; other types cannot match, as in Python."""
    out: dict[str, Any] = {_KIND: "o"}
    for field in fields:
        value = fact.get(field)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            continue
        out[_engine_name(field, value)] = _check_value(value, lambda: f"observation value {field!r}")
    return out


class _Poisoned(EngineError):
    """The session could not be ended safely; its host must not be touched again."""


def _run_session(rs: _Ruleset, sid: str, batch: Sequence[dict[str, Any]]) -> list[tuple[str, int]]:
    """Assert *batch* into a fresh session, run its actions, end it; (action, position) pairs."""
    facts = [{**fact, "sid": sid, "id": _IDS[j]} for j, fact in enumerate(batch)]
    facts.append({_KIND: _SENTINEL_ID, "sid": sid, "id": _SENTINEL_ID})
    fired: list[tuple[str, int]] = []
    sentinel = False
    drain = _drain(rs.ruleset._handle, len(batch) * rs.max_fires + 1)
    try:
        try:
            rs.ruleset.assert_facts(facts)
        except (MessageNotHandledException, MessageObservedException) as exc:
            raise EngineError(f"durable-rules dropped a fact: {exc.message}") from exc
        for action, fact in drain:
            if action == "end":
                sentinel = True
            elif fact.get(_KIND) == "o":
                fired.append((action, int(fact["id"])))
            else:
                raise EngineError(f"action {action!r} fired on {fact!r}")
    except Exception as exc:
        if not sentinel:
            raise _Poisoned(f"durable-rules session failed before its sentinel fired: {exc}") from exc
        raise
    finally:
        drain.close()  # abandons an action left in flight while its session still exists
        if sentinel:
            rs.ruleset.delete_state(sid)
    if not sentinel:
        raise _Poisoned("the sentinel fact's rule did not fire; the session is left alone")
    return fired


def _drain(handle: int, limit: int) -> Generator[tuple[str, dict[str, Any]], None, None]:
    """Every pending action of the ruleset, run here (what ``Ruleset._flush_actions`` would do)."""
    count = 0
    while (started := _dre.start_action(handle)) is not None:
        _state, messages, offset = started
        try:
            while messages is not None:
                count += 1
                if count > limit:
                    raise EngineError(f"more than {limit} actions fired; the ruleset does not terminate")
                ((action, message),) = json.loads(messages).items()
                if not isinstance(message, dict) or not isinstance(message.get("m"), dict):
                    raise EngineError(f"unexpected action message {messages!r}")
                yield action, message["m"]
                messages = _dre.complete_and_start_action(handle, offset)
        except BaseException:
            _dre.abandon_action(handle, offset)
            raise


# -- the executor -----------------------------------------------------------

_serials = itertools.count(1)


def _group_by_subject(facts: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    groups: dict[Hashable, list[int]] = {}
    for pos, fact in enumerate(facts):
        subject = fact.get("s")
        if not isinstance(subject, Hashable):
            raise EngineError(f"fact {pos}: subject {subject!r} is not hashable")
        groups.setdefault(subject, []).append(pos)
    return [g[i : i + MAX_BATCH] for g in groups.values() for i in range(0, len(g), MAX_BATCH)]


class DurableExecutor:
    """Runs compiled rules on durable-rules; same results as the Python executor.

    Each executor owns one host. Rulesets are registered on first use of a
    compiled rule and kept (about 100 KB each) until :meth:`close` or until
    the executor is garbage-collected. Calls are serialised by a lock:
    durable-rules never releases the GIL, so threads would not run in
    parallel anyway (use processes).
    """

    name = "durable"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._engine: _Engine | None = None
        self._finalizer: weakref.finalize[[], DurableExecutor] | None = None

    def _current(self) -> _Engine:
        if self._engine is None:
            self._engine = _Engine(next(_serials))
            self._finalizer = weakref.finalize(self, self._engine.free)
        return self._engine

    def _abandon(self) -> None:
        """Forget the host without freeing anything: a session of it is in an unknown state."""
        if self._finalizer is not None:
            self._finalizer.detach()
        self._engine, self._finalizer = None, None

    def close(self) -> None:
        """Free every ruleset this executor registered; it may be used again afterwards."""
        with self._lock:
            if self._finalizer is not None:
                self._finalizer()
            self._engine, self._finalizer = None, None

    def first_branch(self, compiled: CompiledRule, table: "pl.DataFrame") -> "pl.Series":
        from .engine import first_branch_by_rows

        return first_branch_by_rows(self, compiled, table)

    def match(self, compiled: CompiledRule, facts: Sequence[Mapping[str, Any]]) -> list[frozenset[int]]:
        with self._lock:
            engine = self._current()
            try:
                return self._match(engine, compiled, facts)
            except _Poisoned:
                self._abandon()
                raise

    def _match(self, engine: _Engine, compiled: CompiledRule, facts: Sequence[Mapping[str, Any]]) -> list[frozenset[int]]:
        hits: list[set[int]] = [set() for _ in facts]
        if not facts:
            return []
        groups = _group_by_subject(facts)
        plan = engine.plan(compiled)
        # every value is checked before the first session opens
        projections = [[_project(f, rs.fields) for f in facts] for rs in plan]
        for rs, projected in zip(plan, projections):
            for positions in groups:
                sid = str(next(engine.sids))
                seen: set[int] = set()
                for action, j in _run_session(rs, sid, [projected[p] for p in positions]):
                    if action == "seen":
                        seen.add(j)
                    else:
                        hits[positions[j]].add(int(action[1:]))  # "b<i>"; $or may fire twice
                if len(seen) != len(positions):
                    raise EngineError(f"rule {compiled.rule_id!r}: durable-rules did not see every observation")
        return [frozenset(h) for h in hits]
