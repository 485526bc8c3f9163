"""Make the fixture plugins in tests/fixtures importable as ``fixtures``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import enforcerules as er

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def fixture_registry() -> er.Registry:
    """Installed plugins plus the fixture children of national."""
    from fixtures import relaxed_child, silent_child

    registry = er.Registry()
    registry.register(relaxed_child, name="fixture_relaxed")
    registry.register(silent_child, name="fixture_silent")
    return registry
