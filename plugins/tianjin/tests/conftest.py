"""Fixtures for the Tianjin plugin's tests: the rulebooks, the executors, a small
Tianjin of regions and units, and ``run``, which evaluates one rule (see the plugin
test kit, :mod:`enforcerules.testing.plugin_kit`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from enforcerules.testing.plugin_kit import Bench, bench_fixtures, parametrize_engine

AS_OF = dt.date(2026, 11, 23)

#: The municipality (province level), one district (county level) and one street (township level).
REGIONS: list[dict[str, Any]] = [
    {"id": "tj", "name": "天津市", "level": "province"},
    {"id": "heping", "name": "和平区", "level": "county", "parent": "tj"},
    {"id": "quanyechang", "name": "劝业场街道", "level": "township", "parent": "heping"},
]

#: One unit of each kind at the municipal and the district level.
UNITS: list[dict[str, Any]] = [
    {"id": "tj_justice", "name": "天津市司法局", "kind": "justice", "level": "province", "region": "tj"},
    {"id": "tj_gov", "name": "天津市人民政府", "kind": "government", "level": "province", "region": "tj"},
    {"id": "tj_market", "name": "天津市市场监督管理委员会", "kind": "enforcement", "level": "province", "region": "tj", "field": "market_regulation"},
    {"id": "hp_gov", "name": "和平区人民政府", "kind": "government", "level": "county", "region": "heping"},
    {"id": "hp_justice", "name": "和平区司法局", "kind": "justice", "level": "county", "region": "heping"},
    {"id": "hp_market", "name": "和平区市场监督管理局", "kind": "enforcement", "level": "county", "region": "heping", "field": "market_regulation"},
]

#: ``run(rulebook, rule_id, doc, as_of=AS_OF, engine=…, policy=None)`` and
#: ``status(rulebook, rule_id, doc, subject, period=None, …)`` on these regions and units.
BENCH = Bench(REGIONS, UNITS, as_of=AS_OF)

# Fixtures: registry, tianjin, national, run (BENCH.run), status_of (BENCH.status), train.
globals().update(bench_fixtures(BENCH, "tianjin", "national"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_engine(metafunc)
