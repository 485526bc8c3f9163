"""A scaffolded plugin resolves on its parent and passes its own generated tests."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import attrs
import pytest

import enforcerules as er
from enforcerules.cli import main
from enforcerules.testing import ENGINES


def _scaffolded(out: Path, jid: str, name_zh: str, monkeypatch: pytest.MonkeyPatch) -> er.Registry:
    """A city plugin scaffolded at *out*, imported and registered by hand."""
    assert main(["scaffold", jid, "--name-zh", name_zh, "--name-en", jid.title(), "--level", "city", "--out", str(out)]) == 0
    monkeypatch.syspath_prepend(str(out / "src"))
    reg = er.Registry()
    reg.register(importlib.import_module(f"enforcerules_{jid}"), name=jid)
    return reg


def test_scaffold_writes_a_plugin_that_resolves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = _scaffolded(tmp_path / "hefei", "hefei", "合肥市", monkeypatch).rulebook("hefei")
    assert book.chain == ("national", "hefei")
    assert "hefei.example.task" in book
    assert book.get("national.training.annual_hours").overridden_by == ("hefei",)


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
        generated.test_example_task_is_due_at_the_end_of_2024(engine)
    # The example rule's test can fail: a deadline moved to 2025 breaks it.
    moved = reg.rulebook("wuhu")
    task = moved.get("wuhu.example.task")
    later = attrs.evolve(task, rule=attrs.evolve(task.rule, spec=attrs.evolve(task.rule.spec, deadline=er.Deadline("2025年底前"))))
    monkeypatch.setattr(er, "load_rulebook", lambda jid: attrs.evolve(moved, rules=(later,)))
    with pytest.raises(AssertionError):
        generated.test_example_task_is_due_at_the_end_of_2024("python")


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
