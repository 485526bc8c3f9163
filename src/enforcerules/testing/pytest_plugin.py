"""pytest plugin (entry point ``enforcerules`` in the ``pytest11`` group).

Options:

``--enforcerules-conformance=JID[,JID…]``
    run the conformance suite (:mod:`enforcerules.testing.conformance`) for
    the installed jurisdictions named; with no test paths on the command line
    only the suite runs. ``--enforcerules-conformance-examples=N`` sets the
    hypothesis examples per property (default 20).
``--enforcerules-coverage``
    tally every :func:`enforcerules.evaluate` call of the run and print the
    clause coverage table per jurisdiction at the end
    (:mod:`enforcerules.testing.coverage`); ``--enforcerules-coverage-json=PATH``
    also writes it as JSON.

Without these options the plugin does nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

__all__ = [
    "pytest_addoption",
    "pytest_configure",
    "pytest_generate_tests",
    "pytest_terminal_summary",
    "pytest_unconfigure",
]

_COVERAGE = pytest.StashKey[Any]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("enforcerules", "enforcerules jurisdiction plugins")
    group.addoption("--enforcerules-conformance", metavar="JID[,JID]", default=None,
                    help="run the enforcerules conformance suite for these installed jurisdictions")
    group.addoption("--enforcerules-conformance-examples", metavar="N", type=int, default=20,
                    help="hypothesis examples per conformance property (default 20)")
    group.addoption("--enforcerules-coverage", action="store_true", default=False,
                    help="print which rules the run exercised on both sides of their boundary")
    group.addoption("--enforcerules-coverage-json", metavar="PATH", default=None,
                    help="also write the clause coverage as JSON")


def _jurisdictions(config: pytest.Config) -> list[str]:
    value = config.getoption("enforcerules_conformance")
    return [j.strip() for j in value.split(",") if j.strip()] if value else []


def pytest_configure(config: pytest.Config) -> None:
    if _jurisdictions(config):
        from . import conformance_suite

        explicit = list(config.args) if config.args_source is pytest.Config.ArgsSource.ARGS else []
        config.args = [conformance_suite.__file__, *explicit]
    if config.getoption("enforcerules_coverage") or config.getoption("enforcerules_coverage_json"):
        from .coverage import recording

        context = recording()
        config.stash[_COVERAGE] = (context, context.__enter__())


def pytest_unconfigure(config: pytest.Config) -> None:
    entry = config.stash.get(_COVERAGE, None)
    if entry is not None:
        entry[0].__exit__(None, None, None)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "enforcerules_check" not in metafunc.fixturenames:
        return
    from .conformance import conformance_checks

    n = metafunc.config.getoption("enforcerules_conformance_examples")
    checks = [c for jid in _jurisdictions(metafunc.config) for c in conformance_checks(jid, max_examples=n)]
    metafunc.parametrize("enforcerules_check", checks, ids=[c.id for c in checks])


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    entry = config.stash.get(_COVERAGE, None)
    if entry is None:
        return
    coverage = entry[1]
    terminalreporter.section("enforcerules clause coverage")
    terminalreporter.write_line(coverage.render() or "no enforcerules.evaluate call ran")
    path = config.getoption("enforcerules_coverage_json")
    if path:
        from .coverage import _write_json

        _write_json(coverage, path)
        terminalreporter.write_line(f"clause coverage written to {path}")
