"""A broken plugin is named and set aside; every other jurisdiction keeps working."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import enforcerules as er
from _support import small_facts
from enforcerules.cli import main
from plugin_fixtures import (
    BROKEN_ENTRY_POINTS,
    BROKEN_MODULES,
    BadRepr,
    Calendar,
    HalfWay,
    Raises,
    Returns,
    UnknownHook,
    WrongSignature,
    good,
    make_distribution,
)

AS_OF = dt.date(2026, 11, 23)
FACTS_DOC = {
    "units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}],
    "officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}],
}

# (plugin, the hook named, words of the problem)
BROKEN: dict[str, tuple[Any, str, str]] = {
    "raises": (Raises(RuntimeError("plan file missing")), "enforcerules_jurisdictions", "raised RuntimeError: plan file missing"),
    "returns_int": (Returns(42), "enforcerules_jurisdictions", "returned 42; expected a list of Jurisdiction"),
    "returns_none": (Returns(None), "enforcerules_jurisdictions", "returned None"),
    "returns_str": (Returns("national"), "enforcerules_jurisdictions", "returned 'national'"),
    "returns_dict": (Returns({"id": "x"}), "enforcerules_jurisdictions", "expected a list of Jurisdiction"),
    "wrong_item": (Returns([good("first_ok"), 7]), "enforcerules_jurisdictions", "returned 7 at position 1"),
    "half_way": (HalfWay(), "enforcerules_jurisdictions", "failed half-way, after 1 item(s): raised KeyError"),
    "twice": (Returns([good("twice"), good("twice")]), "enforcerules_jurisdictions", "declares jurisdiction 'twice' more than once"),
    "bad_repr": (Returns(BadRepr()), "enforcerules_jurisdictions", "BadRepr object with a failing repr"),
    "system_exit": (Raises(SystemExit(3)), "enforcerules_jurisdictions", "raised SystemExit"),
    "calendar_int": (Calendar(5, "calint"), "enforcerules_holiday_calendar", "returned 5; expected a HolidayCalendar or None"),
    "calendar_raises": (Calendar(ValueError("no data"), "calraise"), "enforcerules_holiday_calendar", "raised ValueError: no data"),
    "unknown_hook": (UnknownHook(), "enforcerules_jurisdiction", "a hook that enforcerules does not define"),
    "wrong_signature": (WrongSignature(), "register", "registry"),
}


def registry_beside(plugin: Any, name: str) -> er.Registry:
    reg = er.Registry()  # the bundled plugins, through their entry points
    reg.register(plugin, name=name)
    return reg


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_plugin_is_named_and_the_others_keep_working(case: str) -> None:
    plugin, hook, problem = BROKEN[case]
    reg = registry_beside(plugin, case)
    (error,) = reg.problems
    assert (error.plugin, error.hook) == (case, hook)
    assert problem in error.problem and case in str(error)
    assert {"national", "shanxi", "liaoning", "tianjin", "datong"} <= {j.id for j in reg.jurisdictions()}
    clean = er.Registry()
    report = reg.evaluate("national", small_facts(), AS_OF, engine="python")
    assert report.to_json() == clean.evaluate("national", small_facts(), AS_OF, engine="python").to_json()
    assert report.findings and report.rulebook_digest == clean.rulebook("national").digest
    assert reg.rulebook("datong").digest == clean.rulebook("datong").digest
    # Asked for by its name, the broken plugin's error is raised.
    with pytest.raises(er.PluginError) as raised:
        reg.rulebook(case)
    assert raised.value is error or raised.value.plugin == case


def test_nothing_of_a_plugin_that_fails_half_way_is_used() -> None:
    reg = registry_beside(Returns([good("first_ok"), 7]), "p")
    assert "first_ok" not in {j.id for j in reg.jurisdictions()}
    with pytest.raises(er.PluginError, match="'p'.*position 1"):
        reg.jurisdiction("first_ok")  # its declarations are known, so asking for them names the plugin


def test_a_non_calendar_is_refused_when_registered_and_never_used() -> None:
    reg = er.Registry(discover=False)
    reg.register(Calendar("2024-10-01"), name="cal")
    (error,) = reg.problems
    assert (error.plugin, error.hook) == ("cal", "enforcerules_holiday_calendar")
    assert "returned '2024-10-01'; expected a HolidayCalendar" in error.problem
    assert reg.holiday_calendar() is None  # the built-in calendar is used, not the string
    with pytest.raises(er.PluginError, match="'cal'"):
        reg.rulebook("withcal")  # the plugin's jurisdiction is set aside with it


def test_a_valid_calendar_is_kept_and_the_hook_is_called_once() -> None:
    official = er.HolidayCalendar.official()
    plugin = Calendar(official)
    reg = er.Registry(discover=False)
    reg.register(plugin, name="cal")
    assert reg.problems == () and reg.holiday_calendar() is official


def test_hooks_are_called_once_per_registration() -> None:
    plugin = Returns([good()])
    reg = er.Registry(discover=False)
    reg.register(plugin, name="p")
    for _ in range(3):
        reg.jurisdictions(), reg.rulebook("good")
    assert plugin.calls == 1


def test_a_child_of_a_broken_plugin_names_the_broken_parent() -> None:
    reg = er.Registry(discover=False)
    reg.register(Raises(RuntimeError("x")), name="province")
    reg.register(Returns([good("city", parent="province")]), name="city")
    with pytest.raises(er.PluginError, match=r"'province'.*'city' cannot be resolved: its parent chain needs 'province'"):
        reg.rulebook("city")


def test_two_plugins_declaring_one_id_set_aside_that_id_only() -> None:
    reg = er.Registry()
    reg.register(Returns([good("national")]), name="impostor")
    assert "national" not in {j.id for j in reg.jurisdictions()} and "shanxi" in {j.id for j in reg.jurisdictions()}
    with pytest.raises(er.PluginError, match="'national' is declared by both plugin 'national' and plugin 'impostor'"):
        reg.rulebook("national")


def test_control_characters_in_a_plugins_message_are_escaped() -> None:
    reg = registry_beside(Raises(RuntimeError("line1\n[compliant] forged\x1b[31m")), "p")
    (error,) = reg.problems
    assert "\n" not in str(error) and "\x1b" not in str(error) and "\\n[compliant] forged\\x1b" in str(error)


def test_plugin_error_pickles_and_names_plugin_hook_problem() -> None:
    error = er.PluginError("p", "enforcerules_jurisdictions", "returned 42")
    again = pickle.loads(pickle.dumps(error))
    assert (again.plugin, again.hook, again.problem, str(again)) == ("p", "enforcerules_jurisdictions", "returned 42", str(error))
    assert isinstance(error, er.DeclarationError) and isinstance(error, er.EnforcerulesError)


def test_a_name_already_in_use_is_refused() -> None:
    reg = er.Registry(discover=False)
    reg.register(Raises(RuntimeError("x")), name="p")
    with pytest.raises(ValueError, match="'p' is already registered"):
        reg.register(Returns([good()]), name="p")
    reg.unregister("p")
    reg.register(Returns([good()]), name="p")
    assert reg.problems == () and [j.id for j in reg.jurisdictions()] == ["good"]


# -- real entry points -------------------------------------------------------------------------


@pytest.fixture
def broken_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution with two entry points: one fails on import, one's hook raises."""
    root = make_distribution(tmp_path / "site", "enforcerules-fixture-broken", BROKEN_ENTRY_POINTS, BROKEN_MODULES)
    monkeypatch.syspath_prepend(str(root))
    return root


def test_discovery_sets_aside_entry_points_that_fail(broken_dist: Path) -> None:
    reg = er.Registry()
    problems = {e.plugin: e for e in reg.problems}
    assert problems["importfails"].hook == "import"
    assert "entry point 'importfails = enforcerules_fixture_importfails' failed on import: ImportError" in problems["importfails"].problem
    assert problems["hookraises"].hook == "enforcerules_jurisdictions"
    assert "RuntimeError: the plan file is missing" in problems["hookraises"].problem
    assert reg.rulebook("national").chain == ("national",)


def test_cli_jurisdictions_lists_the_broken_ones_and_exits_0(broken_dist: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jurisdictions"]) == 0
    out = capsys.readouterr().out
    assert "national" in out and "datong" in out
    assert "importfails BROKEN plugin 'importfails' (import)" in out
    assert "hookraises BROKEN plugin 'hookraises' (enforcerules_jurisdictions): raised RuntimeError" in out
    assert main(["jurisdictions", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["national"]["broken"] is None
    assert rows["importfails"]["broken"]["hook"] == "import" and rows["importfails"]["plugin"] == "importfails"


@pytest.mark.parametrize("argv", [["rules", "hookraises"], ["check", "importfails", "facts.json"], ["compile", "hookraises"],
                                  ["diff", "national", "importfails"], ["catalogue", "hookraises"]])
def test_cli_exits_5_only_when_asked_for_a_broken_plugin(broken_dist: Path, tmp_path: Path, argv: list[str],
                                                         capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts.json").write_text(json.dumps(FACTS_DOC), encoding="utf-8")
    assert main(argv) == 5
    err = capsys.readouterr().err
    assert f"plugin {argv[-1] if argv[0] != 'check' else argv[1]!r} is broken" in err and "Traceback" not in err


def _cli(args: list[str], pythonpath: Path | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath) if pythonpath else ""}
    exe = Path(sys.executable).with_name("enforcerules")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=300)


def test_check_national_works_beside_a_plugin_that_raises(broken_dist: Path, tmp_path: Path) -> None:
    """The must-show: an installed plugin whose hook raises (and one that fails on import) do not stop `check national`."""
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(FACTS_DOC), encoding="utf-8")
    args = ["check", "national", str(facts), "--as-of", "2026-11-23", "--format", "json", "--engine", "python"]
    clean = _cli(args, None)
    beside = _cli(args, broken_dist)
    assert clean.returncode == beside.returncode == 1  # evaluated; violations found
    assert json.loads(beside.stdout) == json.loads(clean.stdout)  # the same report, to the byte of every finding
    assert "plugin 'hookraises' is broken (enforcerules_jurisdictions): raised RuntimeError: the plan file is missing" in beside.stderr
    assert "plugin 'importfails' is broken (import)" in beside.stderr and "Traceback" not in beside.stderr
    listed = _cli(["jurisdictions"], broken_dist)
    assert listed.returncode == 0 and "hookraises BROKEN" in listed.stdout and "Traceback" not in listed.stderr
    asked = _cli(["rules", "hookraises"], broken_dist)
    assert asked.returncode == 5 and "plugin 'hookraises' is broken" in asked.stderr and "Traceback" not in asked.stderr
