"""A scaffolded plugin resolves on its parent and passes its own generated tests."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import sys
from pathlib import Path

import attrs
import pytest

import enforcerules as er
from enforcerules.cli import main
from enforcerules.testing import ENGINES


def _scaffolded(out: Path, jid: str, name_zh: str, monkeypatch: pytest.MonkeyPatch, *issued_on: str) -> er.Registry:
    """A city plugin scaffolded at *out* (with ``--issued-on`` if given), imported and registered by hand."""
    dated = ["--issued-on", *issued_on] if issued_on else []
    args = ["scaffold", jid, "--name-zh", name_zh, "--name-en", jid.title(), "--level", "city", *dated, "--out", str(out)]
    assert main(args) == 0
    monkeypatch.syspath_prepend(str(out / "src"))
    for name in [m for m in sys.modules if m.startswith(f"enforcerules_{jid}")]:  # an earlier scaffold of the same id
        monkeypatch.delitem(sys.modules, name)
    reg = er.Registry()
    reg.register(importlib.import_module(f"enforcerules_{jid}"), name=jid)
    return reg


def test_scaffold_writes_a_plugin_that_resolves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = _scaffolded(tmp_path / "hefei", "hefei", "合肥市", monkeypatch).rulebook("hefei")
    assert book.chain == ("national", "hefei")
    assert "hefei.example.task" in book
    assert book.get("national.training.annual_hours").overridden_by == ("hefei",)


def test_scaffold_ships_the_plan_text_and_says_how_to_install_beside_the_parent(tmp_path: Path) -> None:
    import tomllib

    out = tmp_path / "chuzhou"
    assert main(["scaffold", "chuzhou", "--name-zh", "滁州市", "--name-en", "Chuzhou", "--out", str(out)]) == 0
    source = out / "src" / "enforcerules_chuzhou" / "source.txt"
    assert "方案全文" in source.read_text(encoding="utf-8")  # a placeholder to paste the plan over
    pyproject = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["package-data"] == {"enforcerules_chuzhou": ["source.txt"]}
    # The parent by its published name (no file: reference), found beside the plugin at install time.
    assert pyproject["project"]["dependencies"] == ["enforcerules>=0.1", "enforcerules-national>=0.1"]
    assert "pip install <enforcerules checkout>/plugins/national -e ." in (out / "README.md").read_text(encoding="utf-8")


def test_scaffold_tests_pass_on_the_scaffolded_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "wuhu"
    reg = _scaffolded(out, "wuhu", "芜湖市", monkeypatch)
    # The generated tests load the installed plugin; here it is registered by hand.
    monkeypatch.setattr(er, "load_rulebook", lambda jid: reg.rulebook(jid))
    spec = importlib.util.spec_from_file_location("test_wuhu_plan", out / "tests" / "test_wuhu_plan.py")
    assert spec is not None and spec.loader is not None
    generated = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generated)
    generated.test_rulebook_resolves_on_its_parent()
    generated.test_every_rule_is_cited_and_quoted()
    for engine in ENGINES:
        generated.test_example_task_binds_from_the_plan_issue_day(engine)
        generated.test_example_task_is_due_at_the_end_of_2024(engine)
    # The example rule's test can fail: a deadline moved to 2025 breaks it.
    moved = reg.rulebook("wuhu")
    task = moved.get("wuhu.example.task")
    later = attrs.evolve(task, rule=attrs.evolve(task.rule, spec=attrs.evolve(task.rule.spec, deadline=er.Deadline("2025年底前"))))
    monkeypatch.setattr(er, "load_rulebook", lambda jid: attrs.evolve(moved, rules=(later,)))
    with pytest.raises(AssertionError):
        generated.test_example_task_is_due_at_the_end_of_2024("python")


def _generated_tests(out: Path, jid: str) -> object:
    spec = importlib.util.spec_from_file_location(f"test_{jid}_plan", out / "tests" / f"test_{jid}_plan.py")
    assert spec is not None and spec.loader is not None
    generated = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generated)
    return generated


@pytest.mark.parametrize(
    ("issued_on", "yearly_from"),
    [("2024-03-25", dt.date(2025, 1, 1)), ("2024-12-31", dt.date(2025, 1, 1)), ("2025-01-01", dt.date(2025, 1, 1))],
)
def test_scaffold_derives_effective_periods_from_the_plan_issue_day(
    issued_on: str, yearly_from: dt.date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = dt.date.fromisoformat(issued_on)
    reg = _scaffolded(tmp_path / "bengbu", "bengbu", "蚌埠市", monkeypatch, issued_on)
    plan = sys.modules["enforcerules_bengbu.plan"]
    assert plan.PLAN.issued_on == day
    assert plan.PERIOD == er.Period(day, er.PLAN_PERIOD.end) == plan.EXAMPLE_TASK.effective
    assert plan.EXAMPLE_TASK.spec.deadline == er.Deadline(f"{day.year}年底前")  # due at the end of the issue year
    book = reg.rulebook("bengbu")
    assert book.get("bengbu.example.task").rule.effective == er.Period(day, er.PLAN_PERIOD.end)
    # The overridden yearly duty: the local number from the first full year, the parent's before it.
    assert book.get("national.training.annual_hours").rule.effective == er.Period(yearly_from, er.PLAN_PERIOD.end)
    before = book.get("national.training.annual_hours.before_bengbu")
    national_from = er.load_rulebook("national").get("national.training.annual_hours").rule.effective.start
    assert before.rule.effective == er.Period(national_from, yearly_from - dt.timedelta(days=1))
    assert before.superseded_by == "national.training.annual_hours"
    # The generated tests hold on this plugin, and name the issue year.
    monkeypatch.setattr(er, "load_rulebook", lambda jid: reg.rulebook(jid))
    generated = _generated_tests(tmp_path / "bengbu", "bengbu")
    for engine in ENGINES:
        generated.test_example_task_binds_from_the_plan_issue_day(engine)  # type: ignore[attr-defined]
        getattr(generated, f"test_example_task_is_due_at_the_end_of_{day.year}")(engine)


def test_the_generated_issue_day_test_fails_on_a_hand_written_period(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _scaffolded(tmp_path / "huaibei", "huaibei", "淮北市", monkeypatch, "2024-06-01")
    book = reg.rulebook("huaibei")
    task = book.get("huaibei.example.task")
    fixed = attrs.evolve(task, rule=attrs.evolve(task.rule, effective=er.PLAN_PERIOD))  # not the plan's day
    monkeypatch.setattr(er, "load_rulebook", lambda jid: attrs.evolve(book, rules=(fixed,)))
    generated = _generated_tests(tmp_path / "huaibei", "huaibei")
    with pytest.raises(AssertionError):
        generated.test_example_task_binds_from_the_plan_issue_day("python")  # type: ignore[attr-defined]


def test_without_an_issue_day_the_plan_is_left_undated_and_nothing_moves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _scaffolded(tmp_path / "anqing", "anqing", "安庆市", monkeypatch)
    plan = sys.modules["enforcerules_anqing.plan"]
    assert plan.PLAN.issued_on is None and "issued_on" in plan.PLAN.note
    book = reg.rulebook("anqing")
    assert book.get("anqing.example.task").rule.effective == er.PLAN_PERIOD
    assert book.get("national.training.annual_hours").rule.effective == er.load_rulebook("national").get(
        "national.training.annual_hours").rule.effective
    assert "national.training.annual_hours.before_anqing" not in book


@pytest.mark.parametrize("bad", ["2026-01-01", "2024-02-30", "2024/03/25"])
def test_an_issue_day_after_the_plan_period_or_not_a_date_is_a_usage_error(
    bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "late"
    try:
        code = main(["scaffold", "late", "--name-zh", "某", "--name-en", "X", "--issued-on", bad, "--out", str(out)])
    except SystemExit as exc:  # argparse's own usage error: exit 2 from the console script
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert "--issued-on" in err and ("on or before 2025-12-31" in err or f"not a date YYYY-MM-DD: {bad!r}" in err)
    assert "Traceback" not in err and not out.exists()


def test_scaffold_refuses_a_non_empty_folder_and_a_bad_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    assert main(["scaffold", "x", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "x")]) == 8  # output
    assert f"cannot write {tmp_path / 'x'}: exists and is not an empty folder" in capsys.readouterr().err
    assert main(["scaffold", "Bad-Id", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "y")]) == 2  # usage
    assert main(["scaffold", "x", "--parent", "Na-tional", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "y")]) == 5  # unknown parent
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine" and not (tmp_path / "y").exists()


#: Names that would run code, break out of a string, a docstring or TOML if pasted into the generated files.
CRAFTED = [
    # Pasted into `name_en="{name_en}",` this is a valid expression that creates PWNED on import.
    'X" + __import__("pathlib").Path("PWNED").touch().__class__.__name__ + "',
    'X", level=Level.CITY); import pathlib; pathlib.Path("PWNED").touch(); x = ("',
    "X'; import os; os.system('touch PWNED') #",
    '"""; import pathlib; pathlib.Path("PWNED").touch(); """',
    "\\\"\\n{{id}} {name_zh} %s ${HOME} `rm -rf` <script>alert(1)</script> *bold* [x](y) | a |",
    'X"\ndescription = "evil"\n[project.entry-points.enforcerules]\nevil = "os"',
]


@pytest.mark.parametrize("crafted", CRAFTED[:5])
def test_crafted_names_are_written_as_data(crafted: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "evil"
    assert main(["scaffold", "evil", "--name-zh", crafted + "市", "--name-en", crafted, "--out", str(out)]) == 0
    monkeypatch.syspath_prepend(str(out / "src"))
    for name in [m for m in sys.modules if m.startswith("enforcerules_evil")]:
        monkeypatch.delitem(sys.modules, name)
    module = importlib.import_module("enforcerules_evil")
    assert module.JURISDICTION.name_en == crafted and module.JURISDICTION.name_zh == crafted + "市"
    assert crafted in (module.__doc__ or "")
    plan = sys.modules["enforcerules_evil.plan"]
    assert plan.PLAN.title == crafted + "市提升行政执法质量三年行动实施方案"
    pyproject = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["description"] == f"enforcerules jurisdiction: {crafted}"
    assert pyproject["project"]["entry-points"]["enforcerules"] == {"evil": "enforcerules_evil"}
    compile((out / "tests" / "test_evil_plan.py").read_text(encoding="utf-8"), "test_evil_plan.py", "exec")
    assert not list(tmp_path.rglob("PWNED")), "a name ran as code"
    reg = er.Registry()
    reg.register(module, name="evil")
    assert reg.rulebook("evil").jurisdiction.name_en == crafted


def test_a_crafted_name_cannot_add_toml_keys(tmp_path: Path) -> None:
    import tomllib

    code = main(["scaffold", "evil", "--name-zh", "某", "--name-en", CRAFTED[5], "--out", str(tmp_path / "evil")])
    assert code == 2  # a name with a line break is refused: names are one printable line
    assert not (tmp_path / "evil").exists()
    one_line = CRAFTED[5].replace("\n", " ")
    assert main(["scaffold", "evil", "--name-zh", "某", "--name-en", one_line, "--out", str(tmp_path / "evil")]) == 0
    pyproject = tomllib.loads((tmp_path / "evil" / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["description"] == f"enforcerules jurisdiction: {one_line}"
    assert pyproject["project"]["entry-points"]["enforcerules"] == {"evil": "enforcerules_evil"}


@pytest.mark.parametrize("bad", ["", "   ", "a\nb", "a\x1b[31mb", "a\u2028b", "a\ud800b", "x" * 201])
def test_unprintable_or_empty_names_are_usage_errors(bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", "y", "--name-zh", "某", "--name-en", bad, "--out", str(tmp_path / "y")]) == 2
    err = capsys.readouterr().err
    assert "--name-en must be a non-empty printable one-line name" in err and "Traceback" not in err
    assert not (tmp_path / "y").exists()


def test_scaffold_needs_an_existing_parent(tmp_path: Path) -> None:
    assert main(["scaffold", "x", "--parent", "atlantis", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "x")]) == 5
