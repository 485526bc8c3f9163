"""Structured fuzz targets: a hypothesis strategy and a check for each.

Each target is a :class:`Target`: ``inputs(sandbox)`` is a hypothesis
strategy and ``check(value, sandbox)`` runs one input and returns an
:class:`Outcome` (it never raises). The fuzz tests in this folder run each
target for a bounded number of examples and assert every outcome is clean;
``tests/fuzz/campaign.py`` (``scripts/fuzz.sh``) runs many more and prints
the figures. A new target is one more entry in :data:`TARGETS`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
from hypothesis import strategies as st

import enforcerules as er
import enforcerules_national
from enforcerules.cli import main
from enforcerules.citation import citer
from enforcerules.kinds import TaskDeadline

# -- outcomes ------------------------------------------------------------------------------------


@attrs.frozen
class Outcome:
    """What one input did. ``crash``: an exception escaped, an undocumented exit code or an
    internal error (exit 7); ``traceback``: a traceback was printed; ``wrong``: a property failed."""

    crash: str = ""
    traceback: bool = False
    wrong: str = ""

    @property
    def clean(self) -> bool:
        return not (self.crash or self.traceback or self.wrong)

    def describe(self) -> str:
        return "; ".join(p for p in (self.crash, "traceback printed" if self.traceback else "", self.wrong) if p)


@attrs.frozen
class Target:
    name: str
    inputs: Callable[[Path], st.SearchStrategy[Any]]
    check: Callable[[Any, Path], Outcome]
    setup: Callable[[Path], None] = lambda sandbox: None


TRACEBACK = "Traceback (most recent call last)"

# -- the command line ----------------------------------------------------------------------------

#: The exit codes the CLI documents (enforcerules.cli); 7 is an internal error, a defect.
DOCUMENTED_EXIT_CODES = frozenset({0, 1, 2, 3, 4, 5, 6, 8})
COMMANDS = ("jurisdictions", "rules", "check", "diff", "catalogue", "compile", "scaffold")
JURISDICTIONS = ("national", "shanxi", "liaoning", "tianjin", "datong")

FACTS_FILES: dict[str, bytes] = {
    "facts.json": json.dumps({
        "units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}],
    }, ensure_ascii=False).encode(),
    "rejected.json": json.dumps({
        "units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "u1", "hired_on": "2024-02-30"}],
    }).encode(),
    "empty.json": b"{}",
    "array.json": b"[]",
    "broken.json": b'{"units": [',
    "empty.txt": b"",
    "latin1.json": '{"units": []}\xe9'.encode("latin-1"),
}


def cli_setup(sandbox: Path) -> None:
    """The files and folders CLI inputs name (all inside *sandbox*, the working directory)."""
    for name, text in FACTS_FILES.items():
        (sandbox / name).write_bytes(text)
    (sandbox / "afolder").mkdir(exist_ok=True)
    (sandbox / "full").mkdir(exist_ok=True)
    (sandbox / "full" / "keep.txt").write_text("keep", encoding="utf-8")
    (sandbox / "afile.txt").write_text("keep", encoding="utf-8")


def _path_values() -> st.SearchStrategy[str]:
    """Only paths inside the sandbox (relative to it): fuzzed --out values never write elsewhere."""
    existing = st.sampled_from([*FACTS_FILES, "afolder", "full", "afile.txt", "afile.txt/below", "missing.json", ".", "full/keep.txt"])
    fresh = st.integers(0, 10**6).map(lambda n: f"out{n}")
    return st.one_of(existing, fresh)


def _junk() -> st.SearchStrategy[str]:
    # argv never holds NUL; undecodable bytes arrive as lone surrogates (surrogateescape).
    text = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)) | st.sampled_from("\udc80\udcff\u2028\x1b\n"),
                   max_size=30)
    # Anything that looks like an option comes from the option pool only (no abbreviation of --out to elsewhere).
    return text.map(lambda t: "x" + t if t.startswith("-") else t)


def _dates() -> st.SearchStrategy[str]:
    return st.one_of(st.dates().map(dt.date.isoformat), st.sampled_from(["2024-13-01", "2024-02-30", "9999-12-31", "0001-01-01",
                                                                         "today", "", "2024-1-1", "20240101"]))


def _options() -> st.SearchStrategy[list[str]]:
    valued = {
        "--format": st.sampled_from(["text", "json", "xml", ""]),
        "--as-of": _dates(),
        "--engine": st.sampled_from(["auto", "python", "durable", "warp"]),
        "--lang": st.sampled_from(["zh", "en", "fr"]),
        "--out": _path_values(),
        "--name-zh": st.one_of(st.sampled_from(["合肥市", 'X" + __import__("os").getcwd() + "', "'''\"\"\""]), _junk()),
        "--name-en": st.one_of(st.sampled_from(["Hefei", "a\nb", "{id}", "\\"]), _junk()),
        "--level": st.sampled_from(["city", "county", "province", "national", "planet"]),
        "--parent": st.one_of(st.sampled_from(JURISDICTIONS), _junk()),
    }
    flags = st.sampled_from(["--strict-deadlines", "--all", "--help", "--bogus", "-x", "--"])
    pair = st.sampled_from(sorted(valued)).flatmap(lambda k: valued[k].map(lambda v: [k, v]))
    alone = st.sampled_from(sorted(valued)).map(lambda k: [k])  # an option missing its value
    return st.one_of(pair, pair, pair, flags.map(lambda f: [f]), alone)


def cli_inputs(sandbox: Path) -> st.SearchStrategy[list[str]]:
    command = st.one_of(st.sampled_from(COMMANDS), st.sampled_from(COMMANDS), _junk())
    positional = st.one_of(st.sampled_from(JURISDICTIONS), st.sampled_from(JURISDICTIONS), _path_values(), _junk(),
                           st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True))
    words = st.lists(st.one_of(positional.map(lambda p: [p]), _options()), max_size=6).map(lambda parts: [w for p in parts for w in p])
    return st.tuples(command, words).map(lambda cw: [cw[0], *cw[1]]) | st.lists(st.one_of(positional, _junk()), max_size=3)


def run_cli(argv: list[str]) -> tuple[int | str, str, str]:
    """main(argv) with stdout and stderr as a terminal would have them (UTF-8; strict, backslashreplace)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    code: int | str
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: usage errors and --help
            code = exc.code if isinstance(exc.code, int) else f"SystemExit({exc.code!r})"
        except BaseException as exc:  # that is what a fuzz test looks for
            code = f"escaped {type(exc).__name__}: {exc}"
            print(traceback.format_exc(), file=err)
    texts = []
    for stream in (out, err):
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8", "replace"))  # type: ignore[attr-defined]
    return code, texts[0], texts[1]


def _refuse(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def cli_check(argv: list[str], sandbox: Path) -> Outcome:
    code, out, err = run_cli(argv)
    crash = ""
    if isinstance(code, str):
        crash = code
    elif code == 7:
        crash = "exit 7 (internal error)"
    elif code not in DOCUMENTED_EXIT_CODES:
        crash = f"undocumented exit code {code}"
    wrong = ""
    formats = [argv[i + 1] for i, word in enumerate(argv[:-1]) if word == "--format"]
    if code in (0, 1, 3) and formats and formats[-1] == "json" and out.startswith(("{", "[")):
        try:
            json.loads(out, parse_constant=_refuse)  # strict JSON: no NaN or Infinity
        except ValueError as exc:
            wrong = f"--format json printed invalid JSON: {exc}"
    if code == 2 and "error" not in err:
        wrong = "usage error without a message on stderr"
    return Outcome(crash=crash, traceback=TRACEBACK in out or TRACEBACK in err, wrong=wrong)


# -- the plugin registry ---------------------------------------------------------------------------

_cite = citer("fuzz-doc")


def _jurisdiction(jid: str, parent: str | None) -> er.Jurisdiction:
    rule = er.Rule(id=f"{jid}.task.one", title_zh="任务", title_en="Task", citation=_cite("1", "2024年底前完成"),
                   spec=TaskDeadline(task=f"{jid}_task", deadline="2024年底前"), scope=er.Scope(er.Subject.UNIT))
    return er.Jurisdiction(id=jid, name_zh="测", name_en="Fuzz", level=er.Level.CITY, parent=parent, rules=(rule,))


VALID_JURISDICTIONS = [_jurisdiction("fz_a", None), _jurisdiction("fz_b", "national"), _jurisdiction("fz_c", "fz_a"),
                       _jurisdiction("fz_orphan", "ghost"), _jurisdiction("national", None)]


class _BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr fails")


class _BadStr(Exception):
    def __str__(self) -> str:
        raise RuntimeError("str fails")


_EXCEPTIONS = st.one_of(
    st.builds(RuntimeError, _junk()), st.builds(KeyError, _junk()), st.builds(ValueError, st.just("line\n[compliant] forged\x1b[0m")),
    st.builds(SystemExit, st.integers(0, 9)), st.builds(_BadStr), st.builds(RecursionError, st.just("deep")),
    st.builds(ImportError, st.just("gone")),
)
_ITEMS = st.one_of(st.sampled_from(VALID_JURISDICTIONS), st.sampled_from(VALID_JURISDICTIONS),
                   st.none(), st.integers(), _junk(), st.just(_BadRepr()), st.dictionaries(_junk(), st.integers(), max_size=2))


@attrs.frozen
class HookPlan:
    """What one fuzzed hook does: return *value*, or yield *value*'s items and then raise, or raise."""

    how: str  # "return" | "raise" | "yield-then-raise"
    value: Any = None
    exc: BaseException | None = None

    def __call__(self) -> Any:
        if self.how == "raise":
            assert self.exc is not None
            raise self.exc
        if self.how == "yield-then-raise":
            return self._generator()
        return self.value

    def _generator(self) -> Iterator[Any]:
        yield from self.value
        assert self.exc is not None
        raise self.exc


def _hook_plans(values: st.SearchStrategy[Any]) -> st.SearchStrategy[HookPlan]:
    return st.one_of(
        st.builds(HookPlan, st.just("return"), values),
        st.builds(HookPlan, st.just("raise"), st.none(), _EXCEPTIONS),
        st.builds(HookPlan, st.just("yield-then-raise"), st.lists(_ITEMS, max_size=3), _EXCEPTIONS),
    )


_OFFICIAL = er.HolidayCalendar.official()
JURISDICTION_RESULTS = st.one_of(st.lists(_ITEMS, max_size=4), st.lists(st.sampled_from(VALID_JURISDICTIONS), max_size=3),
                                 st.lists(_ITEMS, max_size=3).map(tuple), _ITEMS)
CALENDAR_RESULTS = st.one_of(st.none(), st.just(_OFFICIAL), _ITEMS, st.just(er.HolidayCalendar))


@attrs.frozen
class PluginPlan:
    name: str
    jurisdictions: HookPlan | None
    calendar: HookPlan | None

    def plugin(self) -> object:
        """A plugin object implementing exactly the planned hooks."""
        namespace: dict[str, Any] = {}
        if self.jurisdictions is not None:
            plan = self.jurisdictions
            namespace["enforcerules_jurisdictions"] = er.hookimpl(lambda self: plan())
        if self.calendar is not None:
            cal = self.calendar
            namespace["enforcerules_holiday_calendar"] = er.hookimpl(lambda self: cal())
        return type(f"Fuzz_{self.name}", (), namespace)()


def registry_inputs(sandbox: Path) -> st.SearchStrategy[list[PluginPlan]]:
    plan = st.builds(PluginPlan, st.just(""), st.none() | _hook_plans(JURISDICTION_RESULTS), st.none() | _hook_plans(CALENDAR_RESULTS))
    return st.lists(plan, min_size=1, max_size=3).map(lambda ps: [attrs.evolve(p, name=f"fuzz{i}") for i, p in enumerate(ps)])


def _expected_problem(plan: PluginPlan) -> str | None:
    """The hook that should fail for *plan*, or None when the plugin should work (an oracle written apart from the registry)."""
    j = plan.jurisdictions
    if j is not None:
        if j.how != "return":
            return "enforcerules_jurisdictions"
        v = j.value
        if not isinstance(v, (list, tuple)) or not all(isinstance(x, er.Jurisdiction) for x in v):
            return "enforcerules_jurisdictions"
        if len({x.id for x in v}) != len(v):
            return "enforcerules_jurisdictions"
    c = plan.calendar
    if c is not None and (c.how != "return" or not (c.value is None or isinstance(c.value, er.HolidayCalendar))):
        return "enforcerules_holiday_calendar"
    return None


_BASELINE: dict[str, str] = {}


def registry_check(plans: list[PluginPlan], sandbox: Path) -> Outcome:
    try:
        return _registry_check(plans)
    except BaseException as exc:
        return Outcome(crash=f"escaped {type(exc).__name__}: {exc}", traceback=True)


def _registry_check(plans: list[PluginPlan]) -> Outcome:
    if not _BASELINE:
        clean = er.Registry(discover=False)
        clean.register(enforcerules_national, name="national")
        _BASELINE["national"] = clean.rulebook("national").digest
    reg = er.Registry(discover=False)
    reg.register(enforcerules_national, name="national")
    for plan in plans:
        reg.register(plan.plugin(), name=plan.name)
    problems = {e.plugin: e for e in reg.problems}
    for error in problems.values():
        if not str(error).isprintable() or not error.problem:
            return Outcome(wrong=f"problem not one printable line: {str(error)!r}")
    working = {p.name for p in plans if _expected_problem(p) is None}
    for plan in plans:
        expected = _expected_problem(plan)
        got = problems.get(plan.name)
        if expected is not None and (got is None or got.hook != expected):
            return Outcome(wrong=f"{plan.name}: expected a problem in {expected}, got {got}")
        if expected is None and got is not None and "is declared by both" not in got.problem:
            return Outcome(wrong=f"{plan.name}: working plugin reported broken: {got}")
    claims: dict[str, list[str]] = {"national": ["national"]}
    for plan in plans:
        if plan.name in working and plan.jurisdictions is not None:
            for j in plan.jurisdictions.value:
                claims.setdefault(j.id, []).append(plan.name)
    listed = {j.id for j in reg.jurisdictions()}
    for jid, owners in claims.items():
        if (len(owners) == 1) != (jid in listed):
            return Outcome(wrong=f"jurisdiction {jid!r} claimed by {owners} but listed={jid in listed}")
        if len(owners) > 1:
            try:
                reg.rulebook(jid)
            except er.PluginError as exc:
                if not all(repr(o) in str(exc) for o in owners[:2]):
                    return Outcome(wrong=f"conflict over {jid!r} does not name both plugins: {exc}")
            else:
                return Outcome(wrong=f"conflict over {jid!r} not reported")
    if len(claims["national"]) == 1 and reg.rulebook("national").digest != _BASELINE["national"]:
        return Outcome(wrong="national's rulebook changed beside broken plugins")
    for jid in sorted(listed):
        try:
            reg.rulebook(jid)
        except er.EnforcerulesError:
            pass  # a located error (an orphan, a broken parent) is the expected answer
    for plan in plans:
        if plan.name not in working:
            try:
                reg.rulebook(plan.name)
            except er.PluginError as exc:
                if exc.plugin != plan.name:
                    return Outcome(wrong=f"asking for {plan.name!r} raised an error naming {exc.plugin!r}")
            else:
                return Outcome(wrong=f"asking for broken {plan.name!r} did not raise")
    calendar = reg.holiday_calendar()
    if calendar is not None and not isinstance(calendar, er.HolidayCalendar):
        return Outcome(wrong=f"holiday_calendar() returned {calendar!r}")
    return Outcome()


TARGETS: dict[str, Target] = {
    "cli": Target("cli", cli_inputs, cli_check, cli_setup),
    "registry": Target("registry", registry_inputs, registry_check),
}


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)
