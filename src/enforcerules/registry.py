"""The registry: one plugin manager, its jurisdictions, and their rulebooks.

There is no global registry. Each :class:`Registry` owns its own
:class:`pluggy.PluginManager`; plugins come from the ``enforcerules``
entry-point group (:meth:`Registry.discover`) or are registered explicitly.

Plugins are isolated from each other: each plugin's hooks are called once,
when it is registered, and their results are checked then. A plugin whose
entry point fails on import, whose hook raises, returns the wrong type or
fails half-way is set aside whole with a :class:`~enforcerules.PluginError`
naming it, the hook and what was wrong (:attr:`Registry.problems`); every
other jurisdiction keeps working, and the error is raised only when a
jurisdiction of the broken plugin (or one whose parent chain needs it) is
asked for.
"""

from __future__ import annotations

import datetime as _dt
import importlib.metadata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from . import hookspecs
from .calendar import HolidayCalendar
from .errors import PluginError, UnknownJurisdiction
from .jurisdiction import Bodies, Jurisdiction
from .rulebook import FirstYear, Rulebook, resolve

if TYPE_CHECKING:
    from .factset import Facts
    from .report import Report

__all__ = ["ENTRY_POINT_GROUP", "Registry"]

#: Entry-point group under which jurisdiction plugins register.
ENTRY_POINT_GROUP = "enforcerules"

_JURISDICTIONS = "enforcerules_jurisdictions"
_CALENDAR = "enforcerules_holiday_calendar"
_MAX_SHOWN = 300  # characters of a plugin's own text quoted in a problem
#: What a plugin may raise and be set aside for (KeyboardInterrupt still stops the program).
_FAILURES = (Exception, SystemExit)


def _printable(text: str) -> str:
    """One line, control characters (and lone surrogates) escaped, at most _MAX_SHOWN characters."""
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN] + "…"


def _shown(value: object) -> str:
    """A short repr of something a plugin produced (whose repr may itself fail)."""
    try:
        text = repr(value)
    except Exception:  # a plugin's object may break anything
        text = f"<{type(value).__name__} object with a failing repr>"
    return _printable(text)


def _raised(exc: BaseException) -> str:
    try:
        message = str(exc)
    except Exception:
        message = "<message unreadable>"
    return _printable(f"{type(exc).__name__}: {message}" if message else type(exc).__name__)


@attrs.frozen
class _Loaded:
    """What one working plugin declared, called and checked once."""

    jurisdictions: tuple[Jurisdiction, ...]
    calendar: HolidayCalendar | None


@attrs.frozen
class _Broken:
    error: PluginError
    ids: tuple[str, ...]  # jurisdiction ids it declared (when known) and its own name


def _declared(name: str, impl: pluggy.HookImpl, items: list[Any]) -> tuple[Jurisdiction, ...]:
    """Call a jurisdictions hook and check its result; *items* receives what it yielded, even when it then fails."""
    try:
        result = impl.function()
    except _FAILURES as exc:  # any failure of a plugin is its own
        raise PluginError(name, _JURISDICTIONS, f"raised {_raised(exc)}") from exc
    if isinstance(result, (str, bytes, Mapping)) or not isinstance(result, Iterable):
        raise PluginError(name, _JURISDICTIONS, f"returned {_shown(result)}; expected a list of Jurisdiction")
    try:
        for item in result:
            items.append(item)
    except _FAILURES as exc:
        raise PluginError(
            name, _JURISDICTIONS, f"failed half-way, after {len(items)} item(s): raised {_raised(exc)}"
        ) from exc
    for position, item in enumerate(items):
        if not isinstance(item, Jurisdiction):
            raise PluginError(
                name, _JURISDICTIONS, f"returned {_shown(item)} at position {position}; expected a Jurisdiction"
            )
    ids = [j.id for j in items]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise PluginError(name, _JURISDICTIONS, f"declares jurisdiction {repeated[0]!r} more than once")
    return tuple(items)


def _calendar(name: str, impl: pluggy.HookImpl) -> HolidayCalendar | None:
    try:
        result = impl.function()
    except _FAILURES as exc:
        raise PluginError(name, _CALENDAR, f"raised {_raised(exc)}") from exc
    if result is not None and not isinstance(result, HolidayCalendar):
        raise PluginError(name, _CALENDAR, f"returned {_shown(result)}; expected a HolidayCalendar or None")
    return result


class Registry:
    """Jurisdiction plugins, loaded once, and rulebooks resolved from them."""

    def __init__(self, *, discover: bool = True) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._loaded: dict[str, _Loaded] = {}
        self._broken: dict[str, _Broken] = {}
        self._merged: tuple[dict[str, Jurisdiction], dict[str, str], dict[str, PluginError]] | None = None
        self._rulebooks: dict[str, Rulebook] = {}
        if discover:
            self.discover()

    def discover(self) -> int:
        """Load plugins from the entry-point group; returns how many now work.

        An entry point that fails on import, or a plugin whose hooks fail,
        is recorded in :attr:`problems` instead.
        """
        count = 0
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self._pm.has_plugin(ep.name) or ep.name in self._broken or self._pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
            except _FAILURES as exc:  # a plugin's import may fail any way
                problem = f"entry point '{ep.name} = {ep.value}' failed on import: {_raised(exc)}"
                self._set_aside(PluginError(ep.name, "import", problem))
                continue
            try:
                name = self._free_name(plugin, ep.name)
            except ValueError as exc:  # the same module under two entry-point names
                self._set_aside(PluginError(ep.name, "register", str(exc)))
                continue
            count += self._add(plugin, name)
        return count

    def register(self, plugin: Any, name: str | None = None) -> None:
        """Register a plugin object or module explicitly (tests, embedding).

        A plugin whose hooks fail is recorded in :attr:`problems`, not raised;
        a name or plugin object already registered raises :class:`ValueError`.
        """
        self._add(plugin, self._free_name(plugin, name))

    def _free_name(self, plugin: Any, name: str | None) -> str:
        name = name or self._pm.get_canonical_name(plugin)
        if self._pm.has_plugin(name) or name in self._broken:
            raise ValueError(f"a plugin named {name!r} is already registered")
        if self._pm.is_registered(plugin):
            raise ValueError(f"plugin {name!r} is already registered as {self._pm.get_name(plugin)!r}")
        return name

    def _add(self, plugin: Any, name: str) -> int:
        if self._pm.is_blocked(name):
            return 0
        try:
            self._pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            self._set_aside(PluginError(name, "register", _raised(exc)))
            return 0
        declared: tuple[Jurisdiction, ...] = ()
        produced: list[Any] = []
        try:
            self._check_pending(name)
            for impl in self._impls(_JURISDICTIONS, name):
                declared += _declared(name, impl, produced)
            calendars = [_calendar(name, impl) for impl in self._impls(_CALENDAR, name)]
        except PluginError as exc:
            self._pm.unregister(name=name)
            # What it did declare is known: asking for those ids names this plugin rather than "unknown".
            self._set_aside(exc, (j.id for j in produced if isinstance(j, Jurisdiction)))
            return 0
        self._loaded[name] = _Loaded(declared, next((c for c in calendars if c is not None), None))
        self._invalidate()
        return 1

    def _check_pending(self, plugin_name: str) -> None:
        """Like :meth:`pluggy.PluginManager.check_pending`, for one plugin: a hook with no specification."""
        for hook_name in dir(self._pm.hook):
            caller = getattr(self._pm.hook, hook_name)
            if hook_name.startswith("_") or not isinstance(caller, pluggy.HookCaller) or caller.has_spec():
                continue
            if any(impl.plugin_name == plugin_name and not impl.optionalhook for impl in caller.get_hookimpls()):
                raise PluginError(plugin_name, hook_name, "implements a hook that enforcerules does not define")

    def _impls(self, hook: str, plugin_name: str) -> list[pluggy.HookImpl]:
        caller: pluggy.HookCaller = getattr(self._pm.hook, hook)
        return [impl for impl in caller.get_hookimpls() if impl.plugin_name == plugin_name]

    def _set_aside(self, error: PluginError, ids: Iterable[str] = ()) -> None:
        self._broken[error.plugin] = _Broken(error, tuple(dict.fromkeys((*ids, error.plugin))))
        self._invalidate()

    def unregister(self, name: str) -> None:
        if name in self._broken:
            del self._broken[name]
        else:
            self._pm.unregister(name=name)
            self._loaded.pop(name, None)
        self._invalidate()

    def _invalidate(self) -> None:
        self._merged = None
        self._rulebooks.clear()

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        """The working plugins (broken ones are not registered in it)."""
        return self._pm

    def _collect(self) -> tuple[dict[str, Jurisdiction], dict[str, str], dict[str, PluginError]]:
        """Declared jurisdictions, the plugin of each, and the unavailable ids with their errors."""
        if self._merged is not None:
            return self._merged
        claims: dict[str, list[tuple[str, Jurisdiction]]] = {}
        for plugin_name, loaded in self._loaded.items():
            for j in loaded.jurisdictions:
                claims.setdefault(j.id, []).append((plugin_name, j))
        declared = {jid: found[0][1] for jid, found in claims.items() if len(found) == 1}
        origin = {jid: found[0][0] for jid, found in claims.items() if len(found) == 1}
        unavailable: dict[str, PluginError] = {}
        for jid, found in claims.items():
            if len(found) > 1:  # which one is meant would depend on installation order
                (first, _), (second, _) = found[:2]
                unavailable[jid] = PluginError(
                    second, _JURISDICTIONS,
                    f"jurisdiction {jid!r} is declared by both plugin {first!r} and plugin {second!r}; "
                    "neither declaration is used",
                )
        for broken in self._broken.values():
            for jid in broken.ids:
                if jid not in declared:  # a broken plugin named like a working jurisdiction does not hide it
                    unavailable.setdefault(jid, broken.error)
        self._merged = declared, origin, unavailable
        return self._merged

    @property
    def problems(self) -> tuple[PluginError, ...]:
        """Every broken plugin and conflicting declaration, sorted by plugin name."""
        errors = {id(e): e for e in (*(b.error for b in self._broken.values()), *self._collect()[2].values())}
        return tuple(sorted(errors.values(), key=lambda e: (e.plugin, e.hook, e.problem)))

    def unavailable(self) -> dict[str, PluginError]:
        """Jurisdiction ids that cannot be used, each with the error that explains why."""
        return dict(sorted(self._collect()[2].items()))

    def jurisdictions(self) -> list[Jurisdiction]:
        """Every declared jurisdiction of the working plugins, sorted by id."""
        declared = self._collect()[0]
        return [declared[k] for k in sorted(declared)]

    def jurisdiction(self, jid: str) -> Jurisdiction:
        declared, _, unavailable = self._collect()
        if jid in unavailable:
            raise unavailable[jid]
        if jid not in declared:
            raise UnknownJurisdiction(
                f"no jurisdiction {jid!r} is registered (known: {', '.join(sorted(declared)) or 'none'})"
            )
        return declared[jid]

    def plugin_of(self, jid: str) -> str:
        return self._collect()[1][jid]

    def rulebook(self, jid: str, *, first_year: FirstYear = FirstYear.FULL_YEARS, bodies: Bodies = Bodies.PARENT_BREADTH) -> Rulebook:
        """The resolved rulebook of *jid* (cached per registry); *first_year*: see :class:`FirstYear`;
        *bodies*: see :class:`Bodies`."""
        key = f"{jid}/{FirstYear(first_year).value}/{Bodies(bodies).value}"
        if key not in self._rulebooks:
            declared, origin, unavailable = self._collect()
            self.jurisdiction(jid)
            try:
                self._rulebooks[key] = resolve(jid, declared, origin, first_year=first_year, bodies=bodies)
            except UnknownJurisdiction:
                self._raise_for_broken_ancestor(jid, declared, unavailable)
                raise
        return self._rulebooks[key]

    @staticmethod
    def _raise_for_broken_ancestor(jid: str, declared: Mapping[str, Jurisdiction], unavailable: Mapping[str, PluginError]) -> None:
        seen: set[str] = set()
        current: str | None = jid
        while current is not None and current in declared and current not in seen:
            seen.add(current)
            current = declared[current].parent
        if current is not None and current in unavailable:
            cause = unavailable[current]
            raise PluginError(
                cause.plugin, cause.hook,
                f"{cause.problem} (jurisdiction {jid!r} cannot be resolved: its parent chain needs {current!r})",
            ) from cause

    def holiday_calendar(self) -> HolidayCalendar | None:
        """The calendar a plugin supplies (first non-None, in pluggy's call order), or None for the built-in one."""
        caller: pluggy.HookCaller = getattr(self._pm.hook, _CALENDAR)
        for impl in reversed(caller.get_hookimpls()):  # pluggy calls the last registered first
            calendar = self._loaded[impl.plugin_name].calendar if impl.plugin_name in self._loaded else None
            if calendar is not None:
                return calendar
        return None

    def evaluate(self, jid: str, facts: Facts, as_of: _dt.date | _dt.datetime, **options: Any) -> Report:
        """:func:`enforcerules.evaluate` on *jid*'s rulebook, with a plugin-supplied
        holiday calendar unless ``calendar=`` is given."""
        from .evaluate import evaluate

        options.setdefault("calendar", self.holiday_calendar())
        return evaluate(self.rulebook(jid), facts, as_of, **options)
