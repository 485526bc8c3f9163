"""The conformance suite, run for every installed jurisdiction, and the pytest option end to end."""

from __future__ import annotations

import subprocess
import sys

import pytest

import enforcerules as er
from enforcerules.testing import Check, conformance_checks, run_conformance
from enforcerules.testing.conformance import durable_available

INSTALLED = [j.id for j in er.Registry().jurisdictions()]
CHECKS = [c for jid in INSTALLED for c in conformance_checks(jid, max_examples=5)]


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_installed_jurisdiction_conforms(check: Check) -> None:
    check.run()


def test_every_installed_jurisdiction_gets_the_whole_suite() -> None:
    assert "national" in INSTALLED
    for jid in INSTALLED:
        names = {c.name for c in CHECKS if c.jurisdiction == jid}
        book = er.load_rulebook(jid)
        expected = {"loads", "deterministic", "monotone_hours", "monotone_completion", "monotone_as_of", "json_round_trip"}
        expected |= {f"rule_cited[{r.id}]" for r in book.rules}
        expected |= {"columnar_matches_python"} | ({"durable_matches_python"} if durable_available() else set())
        expected |= {"never_weaker_than_parent"} if book.jurisdiction.parent else set()
        assert names == expected


def test_the_suite_fails_a_silently_weaker_child(fixture_registry: er.Registry) -> None:
    check = next(c for c in conformance_checks("fixture_silent", fixture_registry, max_examples=20)
                 if c.name == "never_weaker_than_parent")
    with pytest.raises(AssertionError, match="national.training.annual_hours"):
        check.run()


def test_an_unknown_jurisdiction_fails_its_loads_check() -> None:
    (only,) = conformance_checks("atlantis")
    with pytest.raises(er.ResolutionError, match="atlantis"):
        only.run()


def test_run_conformance_reports_failure_as_an_exit_code() -> None:
    code = "import sys; from enforcerules.testing import run_conformance; sys.exit(run_conformance('atlantis', '-q'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "atlantis::loads" in out.stdout
    assert run_conformance.__doc__
