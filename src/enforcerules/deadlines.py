"""Deadline phrases as the plans write them, and the dates they mean.

The plans state deadlines in a handful of set phrases. Most are exact; three
are ambiguous and each has a documented default and a switch in
:class:`DeadlinePolicy`:

==========================  ============================  ===========================
phrase                      default                       alternative
==========================  ============================  ===========================
``2023年底前``/``2024年底``   2023-12-31 (inclusive)        —
``到2025年底``               2025-12-31                    —
``2024年6月底前``/``8月底``   2024-06-30 (month end)        —
``2024年6月前``              2024-06-30 (``by_month_end``)  2024-05-31 (``before_month``)
``2024年9月中旬前``          2024-09-20 (``by_end``)        2024-09-10 (``before_start``)
``2024年3月25日前``          2024-03-24 (``exclusive``)     2024-03-25 (``inclusive``)
``长期坚持``/``持续推进``     standing duty, no date         —
``按照/根据上级部署开展``     on instruction, no date        —
``未规定时限`` (marker)       the plan states no date        —
``每年年底前``               31 December of every year      —
``15日内`` (after an event)  see :func:`within_days`        —
==========================  ============================  ===========================

Why these defaults: "6月前" is read as "by June" because the provincial
plans implementing 国办发〔2023〕27号 (Shanxi, Liaoning, Tianjin) restate the
same deadline as "6月底前"; "中旬" is the 11th–20th, and "中旬前" in a
work plan means the work is done within that third of the month. A named
day ("3月25日前") is exclusive because "前" before a day means before it.
A deadline day itself always counts as on time. "底" with or without "前"
(the Datong plan's 完成时限 column writes "2024年底", "2024年8月底") means
the same last day; a leading "到" or "于" as in "到2025年底", "于2024年底前"
changes nothing. Full-width digits are read as ASCII digits.

"15日内" is not a date but a period after an event (Datong 三（二）: "在评估
完成后15日内将总结评估报告报市司法局"); :func:`within_days` reads it, and
:class:`~enforcerules.kinds.RelativeDeadline` counts it per 《民法典》.
See ``docs/deadlines-and-periods.md`` for every reading and how to choose.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from typing import Any

import attrs

from .errors import DeadlinePhraseError

__all__ = [
    "Deadline",
    "DeadlineKind",
    "DeadlinePolicy",
    "MidMonthReading",
    "MonthBeforeReading",
    "NamedDayReading",
    "UNDATED_PHRASE",
    "parse_deadline",
    "within_days",
]


class MonthBeforeReading(enum.Enum):
    """How to read "YYYY年M月前"."""

    BY_MONTH_END = "by_month_end"
    BEFORE_MONTH = "before_month"


class MidMonthReading(enum.Enum):
    """How to read "YYYY年M月中旬前" (中旬 = days 11–20)."""

    BY_END = "by_end"
    BEFORE_START = "before_start"


class NamedDayReading(enum.Enum):
    """How to read "YYYY年M月D日前"."""

    EXCLUSIVE = "exclusive"
    INCLUSIVE = "inclusive"


@attrs.frozen
class DeadlinePolicy:
    """The reading chosen for each ambiguous deadline phrase."""

    month_before: MonthBeforeReading = attrs.field(
        default=MonthBeforeReading.BY_MONTH_END, validator=attrs.validators.instance_of(MonthBeforeReading)
    )
    mid_month: MidMonthReading = attrs.field(
        default=MidMonthReading.BY_END, validator=attrs.validators.instance_of(MidMonthReading)
    )
    named_day: NamedDayReading = attrs.field(
        default=NamedDayReading.EXCLUSIVE, validator=attrs.validators.instance_of(NamedDayReading)
    )

    @classmethod
    def strict(cls) -> DeadlinePolicy:
        """The earliest reading of every ambiguous phrase."""
        return cls(
            MonthBeforeReading.BEFORE_MONTH,
            MidMonthReading.BEFORE_START,
            NamedDayReading.EXCLUSIVE,
        )

    @classmethod
    def lenient(cls) -> DeadlinePolicy:
        """The latest reading of every ambiguous phrase."""
        return cls(
            MonthBeforeReading.BY_MONTH_END,
            MidMonthReading.BY_END,
            NamedDayReading.INCLUSIVE,
        )


class DeadlineKind(enum.Enum):
    FIXED = "fixed"
    STANDING = "standing"
    ON_INSTRUCTION = "on_instruction"
    UNDATED = "undated"  # the plan states no time limit at all
    ANNUAL = "annual"


_STANDING = ("长期坚持", "持续推进")
_ON_INSTRUCTION = ("按照上级部署开展", "根据上级部署开展")
#: Not a plan phrase: the library's marker for a task the plan gives no time limit.
UNDATED_PHRASE = "未规定时限"
_ANNUAL = ("每年年底前", "每年年底")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# "到"/"于" open a dated phrase in running text ("到2025年底", "于2024年底前").
_LEAD = r"^(?:到|于)?"
_YEAR_END = re.compile(_LEAD + r"([0-9]{4})年(?:年)?底前?$")
_MONTH_END = re.compile(_LEAD + r"([0-9]{4})年([0-9]{1,2})月底前?$")
_MONTH_BEFORE = re.compile(_LEAD + r"([0-9]{4})年([0-9]{1,2})月前$")
_MID_MONTH = re.compile(_LEAD + r"([0-9]{4})年([0-9]{1,2})月中旬前$")
_NAMED_DAY = re.compile(_LEAD + r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日前$")
_WITHIN_DAYS = re.compile(r"^([0-9]{1,4})日内$")
_WORKING_DAYS = re.compile(r"^[0-9]{1,4}个?工作日内$")


def _normal(phrase: str) -> str:
    return phrase.strip().translate(_FULL_WIDTH_DIGITS)


def _month_end(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def within_days(phrase: str) -> int:
    """The number of days in a period phrase such as "15日内".

    The plans write periods after an event in calendar days ("日", not
    "工作日"); a working-day phrase raises :class:`DeadlinePhraseError`
    because counting working days is a different rule (《行政许可法》
    第八十二条), not a reading of this one.
    """
    if not isinstance(phrase, str):
        raise DeadlinePhraseError(f"period phrase must be a string (got {phrase!r})")
    p = _normal(phrase)
    if m := _WITHIN_DAYS.match(p):
        return int(m[1])
    if _WORKING_DAYS.match(p):
        raise DeadlinePhraseError(f"period phrase {phrase!r} counts working days, which no plan rule uses")
    raise DeadlinePhraseError(f"period phrase {phrase!r} is not of the form 'N日内' (e.g. '15日内')")


def _phrase(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise DeadlinePhraseError(f"'{attribute.name}' must be a deadline phrase string (got {value!r})")


@attrs.frozen
class Deadline:
    """A deadline phrase exactly as the plan writes it.

    The date is computed on demand under a :class:`DeadlinePolicy`, so one
    rulebook can be evaluated under different readings.
    """

    phrase: str = attrs.field(validator=_phrase)

    def __attrs_post_init__(self) -> None:
        self.kind  # parse eagerly: a bad phrase fails at declaration time

    @property
    def kind(self) -> DeadlineKind:
        p = _normal(self.phrase)
        if p in _STANDING:
            return DeadlineKind.STANDING
        if p == UNDATED_PHRASE:
            return DeadlineKind.UNDATED
        if p in _ON_INSTRUCTION:
            return DeadlineKind.ON_INSTRUCTION
        if p in _ANNUAL:
            return DeadlineKind.ANNUAL
        self._fixed(DeadlinePolicy())
        return DeadlineKind.FIXED

    @property
    def ambiguous(self) -> bool:
        """Whether the date depends on the :class:`DeadlinePolicy`."""
        p = _normal(self.phrase)
        return any(rx.match(p) for rx in (_MONTH_BEFORE, _MID_MONTH, _NAMED_DAY))

    def due(self, policy: DeadlinePolicy | None = None, year: int | None = None) -> _dt.date | None:
        """The last day that counts as on time; ``None`` for undated duties.

        *year* selects the period of an annual deadline.
        """
        policy = policy or DeadlinePolicy()
        kind = self.kind
        if kind is DeadlineKind.ANNUAL:
            if year is None:
                raise DeadlinePhraseError(f"annual deadline {self.phrase!r} needs a year")
            return _dt.date(year, 12, 31)
        if kind is not DeadlineKind.FIXED:
            return None
        return self._fixed(policy)

    def _fixed(self, policy: DeadlinePolicy) -> _dt.date:
        p = _normal(self.phrase)
        try:
            if m := _YEAR_END.match(p):
                return _dt.date(int(m[1]), 12, 31)
            if m := _MONTH_END.match(p):
                return _month_end(int(m[1]), int(m[2]))
            if m := _MONTH_BEFORE.match(p):
                year, month = int(m[1]), int(m[2])
                if policy.month_before is MonthBeforeReading.BY_MONTH_END:
                    return _month_end(year, month)
                _month_end(year, month)  # reject month 13 under either reading
                return _dt.date(year, month, 1) - _dt.timedelta(days=1)
            if m := _MID_MONTH.match(p):
                day = 20 if policy.mid_month is MidMonthReading.BY_END else 10
                return _dt.date(int(m[1]), int(m[2]), day)
            if m := _NAMED_DAY.match(p):
                named = _dt.date(int(m[1]), int(m[2]), int(m[3]))
                if policy.named_day is NamedDayReading.INCLUSIVE:
                    return named
                return named - _dt.timedelta(days=1)
        except (ValueError, OverflowError) as exc:
            raise DeadlinePhraseError(f"deadline phrase {self.phrase!r} names no real day: {exc}") from None
        if _WITHIN_DAYS.match(p):
            raise DeadlinePhraseError(
                f"deadline phrase {self.phrase!r} is a period after an event, not a date: "
                "declare it with kinds.RelativeDeadline"
            )
        raise DeadlinePhraseError(
            f"deadline phrase {self.phrase!r} is not a form the plans use "
            "(e.g. '2023年底前', '2024年6月底前', '2024年6月前', '2024年9月中旬前', '长期坚持')"
        )


def parse_deadline(phrase: str, policy: DeadlinePolicy | None = None) -> _dt.date | None:
    """Shortcut: the due date of *phrase* under *policy* (``None`` if undated)."""
    return Deadline(phrase).due(policy)
