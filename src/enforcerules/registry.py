"""The registry: one plugin manager, its jurisdictions, and their rulebooks.

There is no global registry. Each :class:`Registry` owns its own
:class:`pluggy.PluginManager`; plugins come from the ``enforcerules``
entry-point group (:meth:`Registry.discover`) or are registered explicitly.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .errors import DeclarationError, UnknownJurisdiction
from .jurisdiction import Jurisdiction
from .rulebook import FirstYear, Rulebook, resolve

if TYPE_CHECKING:
    from .calendar import HolidayCalendar
    from .factset import Facts
    from .report import Report

__all__ = ["ENTRY_POINT_GROUP", "Registry"]

#: Entry-point group under which jurisdiction plugins register.
ENTRY_POINT_GROUP = "enforcerules"


class Registry:
    """Jurisdiction plugins, loaded once, and rulebooks resolved from them."""

    def __init__(self, *, discover: bool = True) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._declared: dict[str, Jurisdiction] | None = None
        self._origin: dict[str, str] = {}
        self._rulebooks: dict[str, Rulebook] = {}
        if discover:
            self.discover()

    def discover(self) -> int:
        """Load plugins from the entry-point group; returns how many were loaded."""
        count = self._pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        self._pm.check_pending()
        self._invalidate()
        return count

    def register(self, plugin: Any, name: str | None = None) -> None:
        """Register a plugin object or module explicitly (tests, embedding)."""
        self._pm.register(plugin, name=name)
        self._pm.check_pending()
        self._invalidate()

    def unregister(self, name: str) -> None:
        self._pm.unregister(name=name)
        self._invalidate()

    def _invalidate(self) -> None:
        self._declared = None
        self._rulebooks.clear()

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        return self._pm

    def _collect(self) -> dict[str, Jurisdiction]:
        if self._declared is not None:
            return self._declared
        declared: dict[str, Jurisdiction] = {}
        origin: dict[str, str] = {}
        hook = self._pm.hook.enforcerules_jurisdictions
        for impl in hook.get_hookimpls():
            plugin_name = impl.plugin_name
            declared_here: list[Any] = list(impl.function() or [])  # type: ignore[call-overload]
            for j in declared_here:
                if not isinstance(j, Jurisdiction):
                    raise DeclarationError(
                        f"plugin {plugin_name!r} returned {j!r} from enforcerules_jurisdictions; expected Jurisdiction"
                    )
                if j.id in declared:
                    raise DeclarationError(
                        f"jurisdiction {j.id!r} is declared by both plugin {origin[j.id]!r} and plugin {plugin_name!r}"
                    )
                declared[j.id] = j
                origin[j.id] = plugin_name
        self._declared, self._origin = declared, origin
        return declared

    def jurisdictions(self) -> list[Jurisdiction]:
        """Every declared jurisdiction, sorted by id."""
        return [self._collect()[k] for k in sorted(self._collect())]

    def jurisdiction(self, jid: str) -> Jurisdiction:
        declared = self._collect()
        if jid not in declared:
            raise UnknownJurisdiction(
                f"no jurisdiction {jid!r} is registered (known: {', '.join(sorted(declared)) or 'none'})"
            )
        return declared[jid]

    def plugin_of(self, jid: str) -> str:
        self._collect()
        return self._origin[jid]

    def rulebook(self, jid: str, *, first_year: FirstYear = FirstYear.FULL_YEARS) -> Rulebook:
        """The resolved rulebook of *jid* (cached per registry); *first_year*: see :class:`FirstYear`."""
        key = jid if first_year is FirstYear.FULL_YEARS else f"{jid}/{FirstYear(first_year).value}"
        if key not in self._rulebooks:
            self._rulebooks[key] = resolve(jid, self._collect(), self._origin, first_year=first_year)
        return self._rulebooks[key]

    def holiday_calendar(self) -> HolidayCalendar | None:
        """The calendar a plugin supplies (first non-None), or None for the built-in one."""
        calendar: HolidayCalendar | None = self._pm.hook.enforcerules_holiday_calendar()
        return calendar

    def evaluate(self, jid: str, facts: Facts, as_of: _dt.date | _dt.datetime, **options: Any) -> Report:
        """:func:`enforcerules.evaluate` on *jid*'s rulebook, with a plugin-supplied
        holiday calendar unless ``calendar=`` is given."""
        from .evaluate import evaluate

        options.setdefault("calendar", self.holiday_calendar())
        return evaluate(self.rulebook(jid), facts, as_of, **options)
