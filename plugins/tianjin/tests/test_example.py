"""examples/tianjin.json exercises every rule of the Tianjin rulebook on both sides of its
boundary, and produces every status the rulebook's rules can produce (the checks of
:class:`enforcerules.testing.ExampleChecks`, on every executor).

One difference from the kit's defaults: the yearly duty Tianjin introduces starts with
2024 (the plan came on 2023-11-04), so its first open year is seen as of a second early
day in 2024 (``also_early``), while the tasks due at the end of 2023 are open only as of
the kit's early day. Pending is checked over both days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from enforcerules import Status
from enforcerules.testing.plugin_kit import ExampleChecks


class TestExample(ExampleChecks):
    jurisdiction = "tianjin"
    example = Path(__file__).resolve().parents[3] / "examples" / "tianjin.json"
    #: When the first year of tianjin.training.township_business_training (2024) is still open.
    also_early: ClassVar[tuple[dt.date, ...]] = (dt.date(2024, 6, 1),)

    def test_the_yearly_township_training_is_pending_in_its_first_year_and_not_assessed_for_2023(self, engine: str) -> None:
        coverage = self.coverage(engine)
        rule = "tianjin.training.township_business_training"
        assert Status.PENDING not in coverage.at(rule, self.early)
        assert Status.PENDING in coverage.at(rule, *self.also_early)
        assert {f.status for f in coverage.findings(rule, self.as_of) if f.period == "2023"} == {Status.OUT_OF_PERIOD}
