"""examples/tianjin.json exercises every rule of the Tianjin rulebook on both sides of its
boundary, and produces every status the rulebook's rules can produce (the checks of
:class:`enforcerules.testing.ExampleChecks`, on every executor)."""

from __future__ import annotations

from pathlib import Path

from enforcerules.testing import ExampleChecks


class TestExample(ExampleChecks):
    jurisdiction = "tianjin"
    example = Path(__file__).resolve().parents[3] / "examples" / "tianjin.json"
