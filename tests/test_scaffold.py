"""A scaffolded plugin resolves on its parent and passes its own generated tests."""

from __future__ import annotations

import importlib
import importlib.util
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


def test_scaffold_refuses_a_non_empty_folder_and_a_bad_id(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    assert main(["scaffold", "x", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "x")]) == 2
    assert main(["scaffold", "Bad-Id", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "y")]) == 2
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_scaffold_needs_an_existing_parent(tmp_path: Path) -> None:
    assert main(["scaffold", "x", "--parent", "atlantis", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "x")]) == 5
