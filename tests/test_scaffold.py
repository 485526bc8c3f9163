"""A scaffolded plugin resolves on its parent and passes its own generated tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.cli import main


def test_scaffold_writes_a_plugin_that_resolves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "hefei"
    assert main(["scaffold", "hefei", "--name-zh", "合肥市", "--name-en", "Hefei", "--level", "city", "--out", str(out)]) == 0
    monkeypatch.syspath_prepend(str(out / "src"))
    import enforcerules_hefei  # type: ignore[import-not-found]

    reg = er.Registry()
    reg.register(enforcerules_hefei, name="hefei")
    book = reg.rulebook("hefei")
    assert book.chain == ("national", "hefei")
    assert "hefei.example.task" in book
    assert book.get("national.training.annual_hours").overridden_by == ("hefei",)


def test_scaffold_refuses_a_non_empty_folder_and_a_bad_id(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    assert main(["scaffold", "x", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "x")]) == 2
    assert main(["scaffold", "Bad-Id", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "y")]) == 2
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_scaffold_needs_an_existing_parent(tmp_path: Path) -> None:
    assert main(["scaffold", "x", "--parent", "atlantis", "--name-zh", "某", "--name-en", "X", "--out", str(tmp_path / "x")]) == 5
