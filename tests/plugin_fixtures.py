"""Broken plugins, each failing one way, and a real entry point made on disk.

Used by the plugin-isolation tests and the registry fuzz tests.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import enforcerules as er
from _support import training_rule


def good(jid: str = "good", parent: str | None = None) -> er.Jurisdiction:
    rule = training_rule(f"{jid}.training.hours")
    return er.Jurisdiction(id=jid, name_zh="好", name_en="Good", level=er.Level.CITY, parent=parent, rules=(rule,))


class Returns:
    """A plugin whose jurisdictions hook returns *value* (called once per registration: counted)."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self.calls = 0

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> Any:
        self.calls += 1
        return self.value


class Raises:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> Any:
        raise self.exc


class HalfWay:
    """Yields one good declaration, then fails."""

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> Iterator[er.Jurisdiction]:
        yield good("halfway")
        raise KeyError("second declaration")


class Calendar:
    """Declares a jurisdiction and returns *value* as its holiday calendar."""

    def __init__(self, value: Any, jid: str = "withcal") -> None:
        self.value, self.jid = value, jid

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
        return [good(self.jid)]

    @er.hookimpl
    def enforcerules_holiday_calendar(self) -> Any:
        if isinstance(self.value, BaseException):
            raise self.value
        return self.value


class UnknownHook:
    @er.hookimpl
    def enforcerules_jurisdiction(self) -> list[er.Jurisdiction]:  # a typo of the hook's name
        return [good("typo")]


class WrongSignature:
    @er.hookimpl
    def enforcerules_jurisdictions(self, registry: object) -> list[er.Jurisdiction]:
        return [good("wrongsig")]


class BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr fails too")


def make_distribution(root: Path, dist: str, entry_points: dict[str, str], modules: dict[str, str]) -> Path:
    """A minimal installed distribution under *root*: a dist-info with entry points and its modules.

    Put *root* on sys.path (or PYTHONPATH) and importlib.metadata finds the
    entry points exactly as for a pip-installed plugin.
    """
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    lines = ["[enforcerules]", *(f"{name} = {target}" for name, target in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return root


#: A plugin module that fails on import, and one whose hook raises (each under its own entry point).
BROKEN_MODULES = {
    "enforcerules_fixture_importfails": """
        raise ImportError("enforcerules_fixture_importfails needs a module that is not installed")
    """,
    "enforcerules_fixture_hookraises": """
        import enforcerules as er

        @er.hookimpl
        def enforcerules_jurisdictions():
            raise RuntimeError("the plan file is missing")
    """,
}
BROKEN_ENTRY_POINTS = {"importfails": "enforcerules_fixture_importfails", "hookraises": "enforcerules_fixture_hookraises"}
