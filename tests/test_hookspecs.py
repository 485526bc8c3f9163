"""Every hook is documented: when it is called, what it returns, how results combine."""

from __future__ import annotations

import inspect

import pytest

from enforcerules import hookspecs

HOOKS = [f for name, f in vars(hookspecs).items() if name.startswith("enforcerules_") and callable(f)]


def test_there_are_hooks() -> None:
    assert {f.__name__ for f in HOOKS} == {"enforcerules_jurisdictions", "enforcerules_holiday_calendar"}


@pytest.mark.parametrize("hook", HOOKS, ids=lambda f: f.__name__)
def test_hook_docstring_says_when_what_and_how_results_combine(hook: object) -> None:
    doc = inspect.getdoc(hook) or ""
    assert "Called" in doc, "when it is called"
    assert ":return:" in doc, "what it returns"
    assert any(w in doc for w in ("concatenated", "first non-")), "how results combine"


def test_every_hook_is_in_the_plugin_guide() -> None:
    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "writing-a-plugin.md").read_text(encoding="utf-8")
    missing = [f.__name__ for f in HOOKS if f.__name__ not in guide]
    assert not missing, f"hooks not described in docs/writing-a-plugin.md: {missing}"
