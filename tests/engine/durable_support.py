"""Helpers shared by the durable-rules executor tests: hand-made compiled
rules, observation facts, both executors side by side, and a subprocess
runner for reproducing raw durable-rules crashes without risking pytest."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from enforcerules.compile import OBSERVATION_TAG, CompiledRule
from enforcerules.engine_durable import DurableExecutor
from enforcerules.engine_python import PythonExecutor
from enforcerules.findings import Status

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
