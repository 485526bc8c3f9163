"""The library's marker for tasks a plan gives no date."""

from __future__ import annotations

from enforcerules.deadlines import UNDATED_PHRASE, Deadline, DeadlineKind


def test_undated_marker_has_no_due_date_and_is_not_a_plan_phrase() -> None:
    d = Deadline(UNDATED_PHRASE)
    assert d.kind is DeadlineKind.UNDATED and d.due() is None and not d.ambiguous
