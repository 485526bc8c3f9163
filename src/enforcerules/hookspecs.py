"""Hook specifications: the whole contract between the core and plugins.

A jurisdiction plugin is a module (or object) implementing some of these
hooks with :data:`hookimpl`, registered through the ``enforcerules``
entry-point group or with :meth:`enforcerules.Registry.register`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .calendar import HolidayCalendar
    from .jurisdiction import Jurisdiction

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "enforcerules"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    """Declare the jurisdictions this plugin provides.

    Called once when a :class:`~enforcerules.Registry` loads its plugins,
    before any rulebook is resolved.

    :return: a list of :class:`~enforcerules.Jurisdiction` declarations
        (usually one).

    Results of all plugins are concatenated. Declaring the same jurisdiction
    id in two plugins is an error that names both plugins.
    """


@hookspec(firstresult=True)
def enforcerules_holiday_calendar() -> HolidayCalendar | None:
    """Supply the statutory-holiday calendar used to count "N日内" periods.

    Called when a registry evaluates facts without an explicit calendar.

    :return: a :class:`~enforcerules.HolidayCalendar`, or ``None`` to leave
        the choice to other plugins.

    Stops at the first non-``None`` result; with none, the built-in calendar
    (the State Council's published holiday arrangements) is used.
    """
