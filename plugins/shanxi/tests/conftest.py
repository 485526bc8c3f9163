"""Fixtures for the Shanxi plugin's tests: the rulebooks, the executors, a small
Shanxi of regions and units, and ``run``, which evaluates one rule (see the plugin
test kit, :mod:`enforcerules.testing.plugin_kit`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from enforcerules.testing.plugin_kit import Bench, bench_fixtures, parametrize_engine

AS_OF = dt.date(2026, 11, 23)

#: A province, one city, two counties (one a provincial pilot), and townships.
REGIONS: list[dict[str, Any]] = [
    {"id": "sx", "name": "山西省", "level": "province"},
    {"id": "jinzhong", "name": "晋中市", "level": "city", "parent": "sx"},
    {"id": "lingshi", "name": "灵石县", "level": "county", "parent": "jinzhong"},
    {"id": "zuoquan", "name": "左权县", "level": "county", "parent": "jinzhong"},
]

#: One unit of each kind and level the plan names.
UNITS: list[dict[str, Any]] = [
    {"id": "sx_justice", "name": "山西省司法厅", "kind": "justice", "level": "province", "region": "sx"},
    {"id": "sx_gov", "name": "山西省人民政府", "kind": "government", "level": "province", "region": "sx"},
    {"id": "sx_market", "name": "山西省市场监督管理局", "kind": "enforcement", "level": "province", "region": "sx", "field": "market_regulation"},
    {"id": "jz_eco", "name": "晋中市生态环境局", "kind": "enforcement", "level": "city", "region": "jinzhong", "field": "ecology_environment"},
    {"id": "jz_gov", "name": "晋中市人民政府", "kind": "government", "level": "city", "region": "jinzhong"},
    {"id": "ls_market", "name": "灵石县市场监督管理局", "kind": "enforcement", "level": "county", "region": "lingshi", "field": "market_regulation"},
]

#: ``run(rulebook, rule_id, doc, as_of=AS_OF, engine=…, policy=None)`` and
#: ``status(rulebook, rule_id, doc, subject, period=None, …)`` on these regions and units.
BENCH = Bench(REGIONS, UNITS, as_of=AS_OF)

# Fixtures: registry, shanxi, national, run (BENCH.run), status_of (BENCH.status), train.
globals().update(bench_fixtures(BENCH, "shanxi", "national"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_engine(metafunc)
