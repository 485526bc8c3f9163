"""examples/shanxi.json exercises every rule of the Shanxi rulebook on both sides of its
boundary, and produces every status the rulebook's rules can produce (the checks of
:class:`enforcerules.testing.ExampleChecks`, on every executor)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from enforcerules.testing import ExampleChecks


class TestExample(ExampleChecks):
    jurisdiction = "shanxi"
    example = Path(__file__).resolve().parents[3] / "examples" / "shanxi.json"
    #: Yearly duties are first judged for 2024 (enforcerules.FirstYear): open on 1 June 2024.
    also_early = (dt.date(2024, 6, 1),)
