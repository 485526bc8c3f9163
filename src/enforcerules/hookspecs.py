"""Hook specifications: the whole contract between the core and plugins.

A jurisdiction plugin is a module (or object) implementing some of these
hooks with :data:`hookimpl`, registered through the ``enforcerules``
entry-point group or with :meth:`enforcerules.Registry.register`.

Each hook of a plugin is called once, when the plugin is registered, and its
result is checked then. A plugin whose entry point fails on import, or whose
hook raises, returns the wrong type or fails half-way, is set aside whole
with a :class:`~enforcerules.PluginError` naming the plugin, the hook and
what was wrong (:attr:`enforcerules.Registry.problems`); the other plugins
keep working.
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

    Called once, when a :class:`~enforcerules.Registry` registers the
    plugin, before any rulebook is resolved.

    :return: a list of :class:`~enforcerules.Jurisdiction` declarations
        (usually one). Anything else (``None``, a number, a string, a list
        holding something that is not a ``Jurisdiction``, an id twice) sets
        the plugin aside with a :class:`~enforcerules.PluginError`.

    Results of all plugins are concatenated. Declaring the same jurisdiction
    id in two plugins sets that id aside (neither declaration is used) with
    an error that names both plugins; their other jurisdictions keep working.
    """


@hookspec(firstresult=True)
def enforcerules_holiday_calendar() -> HolidayCalendar | None:
    """Supply the statutory-holiday calendar used to count "N日内" periods.

    Called once, when a :class:`~enforcerules.Registry` registers the
    plugin; the calendar is then used whenever the registry evaluates facts
    without an explicit calendar.

    :return: a :class:`~enforcerules.HolidayCalendar`, or ``None`` to leave
        the choice to other plugins. Anything else is refused at registration
        with a :class:`~enforcerules.PluginError` naming the plugin, and the
        plugin is set aside.

    Stops at the first non-``None`` result; with none, the built-in calendar
    (the State Council's published holiday arrangements) is used.
    """
