"""Fixtures for the national plugin's tests: the rulebook, the executors, and
``run``, which evaluates one rule of the national rulebook on a facts document
(see the plugin test kit, :mod:`enforcerules.testing.plugin_kit`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import enforcerules as er
from enforcerules.testing.plugin_kit import Bench, RuleRunner, parametrize_engine, status_of

Run = RuleRunner


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_engine(metafunc)


@pytest.fixture(scope="session")
def national() -> er.Rulebook:
    return er.load_rulebook("national")


@pytest.fixture
def run(national: er.Rulebook, engine: str) -> Run:
    """``run(rule_id, doc, as_of, policy=None)`` → that rule's findings, on the current engine."""
    return Bench().runner(national, engine)


@pytest.fixture(scope="session")
def status() -> Callable[..., er.Status]:
    """``status(findings, subject, period=None)`` → the one status for *subject* (and *period*)."""
    return status_of
