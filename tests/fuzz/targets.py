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
import functools
import io
import json
import os
import traceback
import unicodedata
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
    internal error (exit 7); ``traceback``: a traceback was printed (an escaped exception counts
    too: a user would have seen one); ``lost``: records went in that were neither loaded nor
    rejected (a silent loss); ``disagreement``: an executor answered differently from the Python
    oracle; ``wrong``: any other property failed."""

    crash: str = ""
    traceback: bool = False
    lost: str = ""
    disagreement: str = ""
    wrong: str = ""

    @property
    def clean(self) -> bool:
        return not (self.crash or self.traceback or self.lost or self.disagreement or self.wrong)

    def describe(self) -> str:
        parts = (self.crash, "traceback printed" if self.traceback else "", self.lost, self.disagreement, self.wrong)
        return "; ".join(p for p in parts if p)


def escaped(exc: BaseException) -> Outcome:
    """The outcome of an exception that escaped the code under test."""
    return Outcome(crash=f"escaped {type(exc).__name__}: {exc}", traceback=True)


def guarded(check: Callable[[Any, Path], Outcome]) -> Callable[[Any, Path], Outcome]:
    """*check*, returning an outcome instead of raising (a check never raises)."""
    def run(value: Any, sandbox: Path) -> Outcome:
        try:
            return check(value, sandbox)
        except KeyboardInterrupt:  # Ctrl-C ends a campaign with its figures
            raise
        except BaseException as exc:  # that is what a fuzz campaign looks for
            return escaped(exc)
    run.__name__ = check.__name__
    return run


@attrs.frozen
class Target:
    name: str
    inputs: Callable[[Path], st.SearchStrategy[Any]]
    check: Callable[[Any, Path], Outcome]
    setup: Callable[[Path], None] = lambda sandbox: None


TRACEBACK = "Traceback (most recent call last)"

# -- the command line ----------------------------------------------------------------------------

#: The exit codes the CLI documents (enforcerules.cli); 7 is an internal error, a defect.
DOCUMENTED_EXIT_CODES = frozenset({0, 1, 2, 3, 4, 5, 6, 8, 9})  # 7 is an internal error: a defect
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
        except KeyboardInterrupt:
            raise
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
    if code == 2 and not err.strip():  # argparse writes "error:"; the commands' own checks "enforcerules: …"
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
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        return escaped(exc)


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

# -- the JSON loader -------------------------------------------------------------------------------

#: A valid document touching every section; mutations start from it.
JSON_BASE: list[tuple[str, Any]] = [
    ("format", 1),
    ("regions", [{"id": "r1", "name": "县", "level": "county", "designations": ["pilot"]}]),
    ("units", [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county", "region": "r1"}]),
    ("officers", [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}, {"id": "o2", "unit": "u1", "hired_on": "2021-03-04", "left_on": "2024-01-01"}]),
    ("training", [{"id": "t1", "officer": "o1", "hours": 8, "category": "business", "held_at": "2024-03-01T09:00:00+08:00"},
                  {"id": "t2", "officer": "o2", "hours": 2.5, "category": "public_law", "held_at": "2024-03-01"}]),
    ("certificates", [{"id": "c1", "officer": "o1", "issued_on": "2020-02-01", "suspended_on": "2021-01-01", "suspension_ended_on": "2021-02-01"}]),
    ("cases", [{"id": "k1", "unit": "u1", "decided_on": "2024-05-06", "handling_officers": ["o1", "o2"], "minor": True, "harm": "none"}]),
    ("metrics", [{"id": "m1", "name": "rate", "region": "r1", "year": 2024, "value": 0.1}]),
    ("events", [{"id": "e1", "kind": "annual_assessment", "subject": "o1", "on": "2024-12-15"}]),
    ("task_reports", [{"id": "p1", "task": "problem_list", "unit": "u1", "completed_on": "2023-12-20"}]),
]

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.just(10**400), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["2024-02-30", "2024-01-01T25:00", "o1", "u1", "r1", "", "\ud800", "x" * 201,
                                            "9999-12-31T23:00:00Z", "business", "county", "true"]),
)
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)


@st.composite
def json_documents(draw: st.DrawFn) -> tuple[str, dict[str, int]]:
    """A mutated facts document as JSON text (sections set twice, duplicate keys, junk records
    and fields…) and, counted apart from the loader, how many records each section holds."""
    from enforcerules.tables import SECTIONS

    # A load costs about the same per section present whatever its size: most documents hold
    # one to three sections of the base (dangling references included), one in eight all of them.
    base = JSON_BASE
    if draw(st.integers(0, 7)):
        kept = draw(st.lists(st.integers(1, len(JSON_BASE) - 1), min_size=1, max_size=3, unique=True))
        base = [JSON_BASE[0], *(JSON_BASE[i] for i in sorted(kept))]
    pairs = [(k, [dict(r) for r in v] if isinstance(v, list) else v) for k, v in base]
    dup_keys: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(1, len(pairs) - 1))
        key, records = pairs[i]
        action = draw(st.sampled_from(["set", "drop", "add", "record", "copy", "dupkey", "section", "twice", "unknown", "format"]))
        if action == "format":
            pairs[0] = ("format", draw(st.sampled_from([1, 2, "1", None])))
        elif action == "unknown":
            pairs.append((draw(st.text(max_size=6)), draw(JSON_VALUES)))
        elif action == "twice":
            pairs.append((key, [dict(r) if isinstance(r, dict) else r for r in records] if isinstance(records, list) else records))
        elif action == "section":
            pairs[i] = (key, draw(JSON_VALUES))
        elif isinstance(records, list) and records:
            j = draw(st.integers(0, len(records) - 1))
            record = records[j]
            if action == "record":
                records[j] = draw(JSON_VALUES)
            elif action == "copy":
                records.append(dict(record) if isinstance(record, dict) else record)
            elif action == "dupkey" and isinstance(record, dict) and record:
                dup_keys.add((i, j))
            elif isinstance(record, dict) and record:
                field = draw(st.sampled_from(sorted(record)))
                if action == "set":
                    record[field] = draw(JSON_VALUES)
                elif action == "drop":
                    del record[field]
                else:
                    record[draw(st.text(max_size=6))] = draw(JSON_VALUES)
    texts = []
    for i, (key, value) in enumerate(pairs):
        if isinstance(value, list):
            items = []
            for j, item in enumerate(value):
                text = json.dumps(item)
                if (i, j) in dup_keys and text.startswith("{") and text != "{}":
                    text = '{"id": "again", ' + text[1:]
                items.append(text)
            body = "[" + ", ".join(items) + "]"
        else:
            body = json.dumps(value)
        texts.append(json.dumps(key) + ": " + body)
    read: dict[str, int] = {}
    for key, value in pairs:
        if key in SECTIONS and isinstance(value, list):
            read[key] = read.get(key, 0) + len(value)
    return "{" + ", ".join(texts) + "}", read


def json_inputs(sandbox: Path) -> st.SearchStrategy[tuple[str, dict[str, int]]]:
    return json_documents()


def _strict_json(data: Any) -> str:
    """Why *data* is not strict JSON in UTF-8, or ""."""
    try:
        json.dumps(data, allow_nan=False, ensure_ascii=False).encode("utf-8")
    except (ValueError, TypeError, RecursionError) as exc:  # UnicodeEncodeError is a ValueError
        return f"{type(exc).__name__}: {exc}"
    return ""


def _tallied(validated: Any, expected: dict[str, int]) -> Outcome:
    """Every record is loaded or rejected, and the tallies say so: *expected* holds the records
    each section was given, counted apart from the loader."""
    facts = er.Facts.from_tables(validated.tables, validated.rejections)
    for section, tally in validated.tallies.items():
        given = expected.get(section, 0)
        rows = {r.row for r in facts.rejections if r.section == section and r.row is not None}
        if given != facts.count(section) + len(rows):
            return Outcome(lost=f"{section}: {given} records in, {facts.count(section)} loaded + {len(rows)} rejected")
        if (tally.read, tally.loaded, tally.rejected) != (given, facts.count(section), len(rows)):
            return Outcome(wrong=f"{section}: tally {tally} but {given} in, {facts.count(section)} loaded, {len(rows)} rejected rows")
    for r in facts.rejections:
        if problem := _strict_json(r.to_json()):
            return Outcome(wrong=f"rejection {r.location} is not strict UTF-8 JSON: {problem}")
    return Outcome()


def json_check(case: tuple[str, dict[str, int]], sandbox: Path) -> Outcome:
    """The document loads or raises FactsError (nothing else) and loses no record."""
    from enforcerules.limits import Limits
    from enforcerules.loading import _validated

    text, expected = case
    try:
        validated = _validated(io.BytesIO(text.encode("utf-8", "surrogatepass")), Limits())
    except er.FactsError:
        return Outcome()
    return _tallied(validated, expected)


# -- the table loaders (CSV, Parquet, xlsx) --------------------------------------------------------

TABLE_CELLS = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=10),
    st.sampled_from(["u1", "o1", "o2", "2020-01-01", "2024-02-30", "2024-03-01 09:00:00", "true", "FALSE", "1", "2.5", "-1",
                     "1e400", "nan", "business", "county", "enforcement", '["o1"]', '["o1", 2]', "[", "2024", "2024.0"]),
)

TableSections = dict[str, tuple[list[str], list[list[object]]]]


@st.composite
def table_sections(draw: st.DrawFn) -> TableSections:
    """Some sections, each a header (fields, maybe an unknown column) and rows of random cells."""
    from enforcerules.tables import SCHEMAS

    out = {}
    # A load costs about the same per section present whatever its size: one or two sections a table set.
    for section in draw(st.lists(st.sampled_from(["units", "officers", "training", "cases", "metrics"]), unique=True, min_size=1, max_size=2)):
        fields = [c.name for c in SCHEMAS[section]]
        header = draw(st.lists(st.sampled_from(fields + ["remarks"]), unique=True, min_size=1))
        rows = draw(st.lists(st.lists(TABLE_CELLS, min_size=len(header), max_size=len(header)), max_size=6))
        out[section] = (header, rows)
    return out


def table_records(fmt: str, rows: list[list[object]]) -> int:
    """Rows that hold a record: rows past a sheet's last filled row are not in the
    sheet at all (an empty row amid others is a record of empty cells)."""
    if fmt == "xlsx":
        filled = [any(c is not None and c != "" for c in row) for row in rows]  # xlsxwriter writes "" as a blank cell
        return max((i + 1 for i, f in enumerate(filled) if f), default=0)
    return len(rows)


def tables_inputs(sandbox: Path) -> st.SearchStrategy[tuple[str, TableSections]]:
    from tabular_forms import FORMATS

    return st.tuples(st.sampled_from(FORMATS), table_sections())


def tables_check(case: tuple[str, TableSections], sandbox: Path) -> Outcome:
    """The sections written as *fmt* load or raise FactsError (nothing else) and lose no row."""
    import shutil

    from enforcerules.limits import Limits
    from enforcerules.loading import _validated
    from tabular_forms import write_rows

    fmt, data = case
    folder = sandbox / "tables-input"
    shutil.rmtree(folder, ignore_errors=True)
    path = write_rows(folder / fmt, fmt, data)
    try:
        validated = _validated(path, Limits())
    except er.FactsError:
        return Outcome()
    return _tallied(validated, {section: table_records(fmt, rows) for section, (_, rows) in data.items()})


# -- the report writers ----------------------------------------------------------------------------

#: Strings facts may carry that a writer must keep valid: controls, ANSI escapes, forged lines,
#: bidi overrides and separators, markup, quotes, CSV formulas, a BOM, a lone surrogate (the
#: loader escapes it), long text.
ODD_STRINGS = ["\x00", "\x1b[31m红\x1b[0m", "a\nb", "x\r", "\n[compliant] national.training.annual_hours  o1  2024", "\u202e反转\u202c",
               "\u2066x\u2069", "\u200f", "a\u2028b\u2029", "\x85", "\x7f", "</script><script>fz()</script>", "<b>fz</b>", '"', "\\",
               "=1+1", "@SUM(A1)", "\ufeff", "\ud800", "🙂", "ａ", "", " ", "null", "NaN", "长" * 2000]
ODD_TEXT = st.one_of(st.sampled_from(ODD_STRINGS), st.text(max_size=12),
                     st.lists(st.sampled_from(ODD_STRINGS), min_size=2, max_size=3).map("".join))
ODD_VALUES = st.recursive(
    st.one_of(ODD_TEXT, st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([float("nan"), float("inf"), -float("inf"), 10**400,
                                                                                         -(2**63), 2**64, True, None])),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD_TEXT, inner, max_size=2),
    max_leaves=6,
)
DEEP_VALUES = st.integers(1, 300).map(lambda depth: functools.reduce(lambda v, _: [v], range(depth), "deep"))
SECTION_FIELDS = [("training", "hours"), ("training", "category"), ("officers", "hired_on"), ("units", "name"), ("cases", "handling_officers"),
                  ("metrics", "value")]


@attrs.frozen
class WritersCase:
    """Findings rows of a real evaluation with fuzzed subjects, and fuzzed rejections."""

    rows: tuple[int, ...]  # indices into the template report's rows
    subjects: tuple[str, ...]  # the subjects they are given (cycled)
    names: tuple[str, ...]  # a name for each subject (the units' and officers' names)
    rejected: tuple[tuple[int, str, Any], ...]  # (section-field index, field, value) for each rejection


_WRITERS: dict[str, Any] = {}
#: html and xlsx reports, and the whole path through the command line, are written for one
#: input in this many (they take 30–300 ms each); the streamed forms take turns otherwise.
WHOLE_EVERY = 100
STREAMED_FORMS = (".json", ".jsonl", ".csv", ".parquet")


def writers_setup(sandbox: Path) -> None:
    """The template: national's report on the bundled example, one row per rule and subject."""
    if "report" not in _WRITERS:
        root = Path(__file__).resolve().parents[2]
        facts = er.load_facts(root / "examples" / "national.json")
        _WRITERS["report"] = er.evaluate(er.load_rulebook("national"), facts, dt.date(2025, 12, 1))
        _WRITERS["seen"] = 0


def writers_inputs(sandbox: Path) -> st.SearchStrategy[WritersCase]:
    writers_setup(sandbox)
    height = _WRITERS["report"].table.height
    strings = ODD_TEXT.filter(lambda s: "\ud800" not in s)  # a table holds UTF-8 only: the loader rejects lone surrogates
    return st.builds(
        WritersCase,
        st.lists(st.integers(0, height - 1), max_size=8).map(tuple),
        st.lists(strings, min_size=1, max_size=4).map(tuple),
        st.lists(strings, min_size=1, max_size=4).map(tuple),
        st.lists(st.tuples(st.integers(0, len(SECTION_FIELDS) - 1), ODD_TEXT | st.just(""), ODD_VALUES | DEEP_VALUES), max_size=4).map(tuple),
    )


def _writers_report(case: WritersCase) -> tuple[Any, er.Facts]:
    """The report of *case* and facts naming its subjects (units and officers with the fuzzed names)."""
    import polars as pl

    from enforcerules.validation import echo

    template = _WRITERS["report"]
    table = template.table[list(case.rows)] if case.rows else template.table.clear()
    subjects = [case.subjects[i % len(case.subjects)] for i in range(table.height)]
    table = table.with_columns(pl.Series("subject", subjects, dtype=pl.String))
    rejections = []
    for n, (i, field, value) in enumerate(case.rejected):
        section, column = SECTION_FIELDS[i]
        key = echo(field, 1) or column  # an unknown field's name, escaped as the loader escapes it
        rejections.append(er.Rejection(location=f"$.{section}[{n}].{key}", reason=f"invalid record: {key!r} is not valid",
                                       value=echo(value), expected="a valid value", section=section, row=n, column=key))
    report = attrs.evolve(template, table=table, rejections=tuple(rejections))
    return report, er.Facts()


def _text_problem(text: str, findings: int | None) -> str:
    """Why terminal text is unsafe: a control character, or more finding lines than findings."""
    if problem := _utf8_problem(text):
        return problem
    for line in text.split("\n"):
        if not line.isprintable() and any(not ch.isprintable() and ch != "\u3000" and unicodedata.category(ch) not in ("Zs", "Cf", "Co", "Cn")
                                            or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" for ch in line):
            return f"text line with a control character: {line[:200]!r}"
    if findings is not None:
        lines = sum(1 for line in text.split("\n") if line.startswith("[") and line.split("]", 1)[0][1:] in _STATUSES)
        if lines != findings:
            return f"text shows {lines} finding lines for {findings} findings"
    return ""


_STATUSES = frozenset(s.value for s in er.Status)


def _utf8_problem(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"not UTF-8: {exc}"
    return ""


def _strict_loads(data: bytes, what: str) -> tuple[Any, str]:
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_refuse), ""
    except (ValueError, RecursionError) as exc:
        return None, f"{what}: not strict UTF-8 JSON: {type(exc).__name__}: {exc}"


def _read_back(path: Path, findings: int, rejections: int) -> str:
    """Why the file written at *path* is invalid or miscounted, or ""."""
    import polars as pl

    suffix = path.suffix
    sibling = path.with_name(f"{path.stem}.rejections{suffix}")
    if suffix == ".json":
        data, problem = _strict_loads(path.read_bytes(), str(path.name))
        if problem:
            return problem
        got = (len(data["findings"]), len(data["rejections"]), sum(data["summary"].values()))
        return "" if got == (findings, rejections, findings) else f"{path.name}: findings, rejections, summary {got}, expected {findings}, {rejections}"
    if suffix == ".jsonl":
        for file, expected in ((path, findings), (sibling, rejections)):
            lines = file.read_bytes().split(b"\n")
            if lines[-1] != b"" or len(lines) - 1 != expected:
                return f"{file.name}: {len(lines) - 1} lines, expected {expected}"
            for line in lines[:-1]:
                if problem := _strict_loads(line, file.name)[1]:
                    return problem
        return ""
    read = (lambda p: pl.read_parquet(p)) if suffix == ".parquet" else (lambda p: pl.read_csv(p, infer_schema=False))
    for file, expected in ((path, findings), (sibling, rejections), (path.with_name(f"{path.stem}.rules{suffix}"), None)):
        table = read(file)
        if expected is not None and table.height != expected:
            return f"{file.name}: {table.height} rows, expected {expected}"
    if suffix == ".csv":
        path.read_bytes().decode("utf-8")
    return ""


def writers_check(case: WritersCase, sandbox: Path, whole: bool | None = None) -> Outcome:
    """Every output form of the case's report is valid and holds every finding and rejection;
    *whole* (default: one input in WHOLE_EVERY) adds html, xlsx and the command line."""
    try:
        return _writers_check(case, sandbox, whole)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        return escaped(exc)


def _writers_check(case: WritersCase, sandbox: Path, whole: bool | None) -> Outcome:
    from enforcerules.output import write_report
    from enforcerules.reading import render_compact

    writers_setup(sandbox)
    seen = _WRITERS["seen"]
    _WRITERS["seen"] = seen + 1
    whole = seen % WHOLE_EVERY == 0 if whole is None else whole
    report, facts = _writers_report(case)
    findings, rejections = report.table.height, len(report.rejections)
    text = report.dumps()  # json.dumps(Report.to_json()): what check --format json prints
    if problem := _utf8_problem(text):
        return Outcome(wrong=f"Report.dumps(): {problem}")
    document, problem = _strict_loads(text.encode("utf-8"), "Report.dumps()")
    if problem:
        return Outcome(wrong=problem)
    if (len(document["findings"]), len(document["rejections"])) != (findings, rejections):
        return Outcome(wrong="Report.to_json() lost findings or rejections")
    lang = ("zh", "en")[seen // 2 % 2]
    if seen % 2 == 0 or whole:  # the verbose text and the compact text take turns
        if problem := _text_problem(report.render_text(lang), findings):
            return Outcome(wrong=f"render_text({lang}): {problem}")
    if seen % 2 == 1 or whole:
        names = dict(zip(case.subjects, case.names))
        if problem := _text_problem(render_compact(report, report.table, names, lang), None):
            return Outcome(wrong=f"render_compact({lang}): {problem}")
    out = sandbox / "writers"
    out.mkdir(exist_ok=True)
    # One streamed form an input, in turn (each a quarter of the inputs); every form for a whole one.
    forms = list(STREAMED_FORMS) if whole else [STREAMED_FORMS[seen % len(STREAMED_FORMS)]]
    for suffix in forms:
        path = out / f"report{suffix}"
        write_report(report, path)
        if problem := _read_back(path, findings, rejections):
            return Outcome(wrong=f"write_report {suffix}: {problem}")
    if whole:
        return _whole(case, report, sandbox / "writers")
    return Outcome()


def _whole(case: WritersCase, report: Any, out: Path) -> Outcome:
    """html and xlsx with facts naming the subjects, then the whole path: a facts document of the
    fuzzed strings and values through ``check`` (text, --format json and one --out form)."""
    import openpyxl

    from enforcerules.excel import KIND_LABELS
    from enforcerules.output import write_report

    units = [{"id": s, "name": n, "kind": "enforcement", "level": "county"} for s, n in zip(case.subjects, case.names)]
    officers = [{"id": f"{s}·o", "name": n, "unit": s, "hired_on": "2020-01-01"} for s, n in zip(case.subjects, case.names)]
    facts = er.facts_from_json({"units": units, "officers": officers})
    findings = report.table.height
    write_report(report, out / "report.html", facts=facts)
    html = (out / "report.html").read_bytes()
    if problem := _utf8_bytes_problem(html):
        return Outcome(wrong=f"report.html: {problem}")
    if b"<script>fz()" in html or b"<b>fz</b>" in html:
        return Outcome(wrong="report.html: facts text written as markup")
    write_report(report, out / "report.xlsx", facts=facts)
    book = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    rows = sum(book[label].max_row - 1 for label in KIND_LABELS.values() if label in book.sheetnames)
    book.close()
    if rows != findings:
        return Outcome(wrong=f"report.xlsx: {rows} finding rows, expected {findings}")
    return _through_the_command_line(case, out)


def _utf8_bytes_problem(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8: {exc}"
    return ""


_OUT_FORMS = (".json", ".jsonl", ".parquet", ".csv", ".html", ".xlsx")


def _through_the_command_line(case: WritersCase, out: Path) -> Outcome:
    """The fuzzed strings as ids and names and the fuzzed values as training hours, in a facts file
    read by ``check``: no traceback, documented exit codes, and every output form agreeing."""
    units = [{"id": s, "name": n, "kind": "enforcement", "level": "county"} for s, n in zip(case.subjects, case.names)]
    officers = [{"id": f"o{i}{s}", "name": n, "unit": s, "hired_on": "2020-01-01"} for i, (s, n) in enumerate(zip(case.subjects, case.names))]
    training = [{"id": f"t{i}", "officer": officers[i % len(officers)]["id"], "hours": value, "category": "business",
                 "held_at": "2025-03-01", **({field: value} if field else {})} for i, (_, field, value) in enumerate(case.rejected)]
    path = out / "facts.json"
    try:
        text = json.dumps({"units": units, "officers": officers, "training": training})  # NaN and Infinity as the tokens the loader reads
    except RecursionError:
        return Outcome()  # a value too deep for json.dumps cannot be written as a facts file
    path.write_text(text, encoding="utf-8")
    common = ["check", "national", str(path), "--as-of", "2025-12-01"]
    code, stdout, stderr = run_cli([*common, "--format", "json"])
    if outcome := _cli_problem(code, stdout, stderr):
        return outcome
    if code not in (0, 1, 3, 9):  # the facts refused whole (exit 4, a located error): nothing was evaluated
        return Outcome(wrong="" if stderr.strip() else f"check exit {code} without a message")
    data, problem = _strict_loads(stdout.encode("utf-8"), "check --format json")
    if problem:
        return Outcome(wrong=problem)
    findings, rejections = len(data["findings"]), len(data["rejections"])
    for argv in ([*common], [*common, "--verbose"]):
        code, stdout, stderr = run_cli(argv)
        if outcome := _cli_problem(code, stdout, stderr):
            return outcome
        if problem := _text_problem(stdout, findings if "--verbose" in argv else None):
            return Outcome(wrong=f"{' '.join(argv[:1] + argv[4:])}: {problem}")
    suffix = _OUT_FORMS[_WRITERS["seen"] // WHOLE_EVERY % len(_OUT_FORMS)]
    target = out / f"cli{suffix}"
    code, stdout, stderr = run_cli([*common, "--out", str(target)])
    if outcome := _cli_problem(code, stdout, stderr):
        return outcome
    if suffix in (".html", ".xlsx"):
        return Outcome(wrong=f"check --out {suffix}: not UTF-8") if suffix == ".html" and _utf8_bytes_problem(target.read_bytes()) else Outcome()
    if problem := _read_back(target, findings, rejections):
        return Outcome(wrong=f"check --out {suffix}: {problem}")
    return Outcome()


def _cli_problem(code: int | str, stdout: str, stderr: str) -> Outcome | None:
    if isinstance(code, str) or code == 7 or code not in DOCUMENTED_EXIT_CODES:
        return Outcome(crash=f"check: exit {code}", traceback=TRACEBACK in stdout + stderr)
    if TRACEBACK in stdout + stderr:
        return Outcome(traceback=True)
    return None


# -- the executors ---------------------------------------------------------------------------------

#: Observation rows per input at most: one compiled rule judged over a batch of rows (generating
#: a row costs more than matching it, so batches stay as small as the differential tests').
ENGINE_ROWS = 12
_EXECUTORS: dict[str, Any] = {}


def _durable_support() -> Any:
    """tests/engine/durable_support.py, the differential tests' generators (imported as they import it)."""
    import sys

    folder = str(Path(__file__).resolve().parents[1] / "engine")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import durable_support

    return durable_support


def engines_inputs(sandbox: Path) -> st.SearchStrategy[tuple[Any, list[dict[str, Any]]]]:
    """A compiled rule (generated conditions within the compiled subset, or a real kind's) and a batch
    of observation rows near, on and far from its constants."""
    from enforcerules.compile import compile_rule

    ds = _durable_support()
    generated = st.tuples(st.lists(ds.CONDITIONS, min_size=1, max_size=4), st.booleans()).map(lambda cc: ds.compiled(*cc[0], catch_all=cc[1]))
    real = st.tuples(ds.SPECS, ds.POLICIES).map(lambda sp: compile_rule(*sp))
    rules = st.one_of(generated, generated, real)
    return rules.flatmap(lambda rule: ds.observations(ds.fields_of(rule), max_rows=ENGINE_ROWS).map(lambda facts: (rule, facts)))


def engines_check(case: tuple[Any, list[dict[str, Any]]], sandbox: Path) -> Outcome:
    """The durable-rules and columnar executors match the rows as the Python executor (the oracle) does."""
    ds = _durable_support()
    if not _EXECUTORS:
        from enforcerules.engine_columnar import ColumnarExecutor
        from enforcerules.engine_durable import DurableExecutor

        _EXECUTORS.update(durable=DurableExecutor(), columnar=ColumnarExecutor())
    rule, facts = case
    problem = ds.disagreement(rule, facts, _EXECUTORS["durable"], _EXECUTORS["columnar"])
    return Outcome(disagreement=problem)


TARGETS: dict[str, Target] = {
    "cli": Target("cli", cli_inputs, cli_check, cli_setup),
    "registry": Target("registry", registry_inputs, registry_check),
    "json": Target("json", json_inputs, guarded(json_check)),
    "tables": Target("tables", tables_inputs, guarded(tables_check)),
    "writers": Target("writers", writers_inputs, writers_check, writers_setup),
    "engines": Target("engines", engines_inputs, guarded(engines_check)),
}


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)
