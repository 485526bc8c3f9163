from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# the test modules here import their helpers from durable_support.py (import mode is importlib)
sys.path.insert(0, str(Path(__file__).parent))

from enforcerules.engine_durable import DurableExecutor  # noqa: E402  (fails loudly without durable-rules)


@pytest.fixture(scope="module")
def durable() -> Iterator[DurableExecutor]:
    """One executor per test module; its rulesets are freed at the end."""
    executor = DurableExecutor()
    yield executor
    executor.close()
