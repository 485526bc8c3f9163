"""Fuzzed plugins (random hook results, exceptions, half-way failures): each broken one is named,
the others and national keep working, and the registry's verdict matches an independent oracle."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzz.targets import TARGETS, HookPlan, PluginPlan, registry_check

REGISTRY = TARGETS["registry"]


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(REGISTRY.inputs(Path(".")))
def test_fuzzed_plugins(plans: list[PluginPlan]) -> None:
    outcome = registry_check(plans, Path("."))
    assert outcome.clean, f"{plans!r}: {outcome.describe()}"


def test_the_oracle_can_fail() -> None:
    """A plugin the oracle expects to work but the registry refuses is reported."""
    import enforcerules.registry as registry

    plan = PluginPlan("fuzz0", HookPlan("return", []), None)
    original = registry._calendar
    registry._calendar = lambda name, impl: (_ for _ in ()).throw(registry.PluginError(name, "x", "y"))  # type: ignore[assignment]
    try:
        plan_with_calendar = PluginPlan("fuzz0", HookPlan("return", []), HookPlan("return", None))
        assert not registry_check([plan_with_calendar], Path(".")).clean
    finally:
        registry._calendar = original
    assert registry_check([plan], Path(".")).clean
