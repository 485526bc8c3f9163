"""The ``enforcerules`` command.

Exit codes (every subcommand; ``check`` uses 1 and 3):

====  =====================================================================
0     done; for ``check``: evaluated, no violation, no late completion, no
      rejected record
1     evaluated; at least one finding is ``violation`` or ``late``
2     usage error (bad or missing arguments, bad --as-of date, a bad id)
3     evaluated; some input records were rejected (they are listed)
4     the facts file could not be read at all (not JSON, not an object)
5     the jurisdiction is unknown, its plugin (or a plugin its parent chain
      needs) is broken, or its rulebook cannot be resolved
6     the requested engine is unavailable in this interpreter
7     internal error (a defect of enforcerules: please report it with the input)
8     the output cannot be written (an --out path that is a file, a folder
      that is not empty, a folder without write permission)
9     evaluated; nothing could be judged: every finding is ``insufficient_data``
      or ``out_of_period`` (e.g. empty facts, or an as-of day before the plans)
====  =====================================================================

Rejections take precedence over violations (3 over 1), because a report on
partial input should not pass for a complete one; violations over "nothing
judged" (1 over 9). ``--status``, ``--unit`` and ``--rule`` narrow what is
printed or written and the findings exit 1 looks at; exit 9 looks at the
whole evaluation, so a filter that shows nothing does not pass for "nothing
could be judged". A broken plugin does not stop the others:
``jurisdictions`` lists it with its reason and exits 0, the other commands
warn about it on stderr and exit 5 only when asked for one of its
jurisdictions.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .catalogue import render_catalogue, write_catalogues
from .deadlines import DeadlinePolicy
from .diff import diff_rulebooks
from .engine import ENGINES
from .errors import DeclarationError, EngineUnavailable, FactsError, PluginError, ResolutionError
from .evaluate import compile_rulebook
from .facts import Level
from .findings import Status
from .loading import load_facts
from .jurisdiction import Bodies
from .registry import Registry
from .rulebook import FirstYear, Rulebook
from .scaffold import scaffold_plugin

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_REJECTED, EXIT_UNREADABLE, EXIT_RESOLUTION, EXIT_ENGINE, EXIT_INTERNAL, EXIT_OUTPUT = range(9)
EXIT_NOTHING_JUDGED = 9


class UsageError(Exception):
    """Arguments argparse accepts but the command cannot use together (exit 2)."""


class OutputError(Exception):
    """An --out destination that cannot be written (exit 8)."""


@contextmanager
def writing_to(out: Path) -> Iterator[None]:
    """Turn an OS error while writing at *out* into an :class:`OutputError` naming the file."""
    try:
        yield
    except OSError as exc:
        where = exc.filename if exc.filename is not None else out
        raise OutputError(f"cannot write {_printable(str(where))}: {exc.strerror or exc}") from exc


def _printable(text: str) -> str:
    """Text echoed from arguments or paths, control characters and undecodable bytes escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="enforcerules", description="Cited compliance rules for China's law-enforcement quality plans.",
                                epilog="Exit codes: 0 done/clean, 1 violations or late items, 2 usage error, 3 records rejected, "
                                       "4 facts unreadable, 5 unknown jurisdiction or broken plugin, 6 engine unavailable, "
                                       "7 internal error, 8 output cannot be written.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    jid = "jurisdiction id, e.g. national, shanxi, liaoning, tianjin, datong (see `enforcerules jurisdictions`)"
    sub.add_parser("jurisdictions", help="list installed jurisdictions (and broken plugins, with why)",
                   description="List installed jurisdictions and any plugin that failed to load, with the reason."
                   ).add_argument("--format", choices=("text", "json"), default="text")
    r = sub.add_parser("rules", help="list a jurisdiction's resolved rules with their clauses")
    r.add_argument("jurisdiction", help=jid)
    r.add_argument("--format", choices=("text", "json"), default="text")
    c = sub.add_parser("check", help="evaluate a facts file")
    _evaluation_args(c)
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--out", type=Path, help="write the findings to this file; format by extension: "
                   ".json (the report), .jsonl (a finding a line), .parquet or .csv (the findings table, with .rules and "
                   ".rejections siblings), .html (a report with charts, offline), .xlsx (an Excel workbook)")
    c.add_argument("--partition-by", choices=("unit", "region"), help="with --out .json/.jsonl/.parquet/.csv: evaluate partition by "
                   "partition (units, or the units of a region, hashed into --partitions buckets); the same findings")
    c.add_argument("--partitions", type=int, default=8, help="how many partitions (default 8); memory follows a partition's size: about one for each 5,000-10,000 officers")
    c.add_argument("--spark", metavar="MASTER", help="with --out .json/.jsonl/.parquet/.csv: evaluate on Apache Spark (e.g. local[2]); "
                   "FACTS is a folder of <section>.parquet tables; needs the 'spark' extra")
    c.add_argument("--status", action="append", default=[], choices=[s.value for s in Status], metavar="STATUS",
                   help="show only findings with this status (repeatable): " + ", ".join(s.value for s in Status))
    c.add_argument("--unit", action="append", default=[], metavar="UNIT", help="show only findings about this unit id (repeatable)")
    c.add_argument("--rule", action="append", default=[], metavar="RULE",
                   help="show only this rule, or the rules under an id prefix such as national.training (repeatable)")
    c.add_argument("--verbose", action="store_true", help="every finding with its rule's quote (default: the quote once per rule)")
    c.add_argument("--summary", action="store_true", help="print counts by rule, unit and region instead of the findings")
    sm = sub.add_parser("summary", help="counts by status and rule, unit and region; compliance rates")
    _evaluation_args(sm)
    sm.add_argument("--format", choices=("text", "json"), default="text")
    sc_ = sub.add_parser("scorecard", help="the plan's final-evaluation scorecard, clause by clause and unit by unit")
    _evaluation_args(sc_)
    sc_.add_argument("--out", type=Path, required=True, help="the scorecard file: .html or .xlsx")
    d = sub.add_parser("diff", help="compare two jurisdictions' rulebooks")
    d.add_argument("parent", help="the jurisdiction id compared from, usually an ancestor (e.g. national)")
    d.add_argument("child", help="the jurisdiction id compared with it, usually a descendant (e.g. datong)")
    d.add_argument("--format", choices=("text", "json"), default="text")
    d.add_argument("--all", action="store_true", help="include inherited rules")
    cat = sub.add_parser("catalogue", help="print or write the Markdown rule catalogue",
                         description="Print one jurisdiction's catalogue, or write catalogue pages into a folder (give at least one).")
    cat.add_argument("jurisdiction", nargs="?", help="print (or with --out, write) only this jurisdiction's page")
    cat.add_argument("--out", type=Path, help="write one page per jurisdiction into this folder (created if missing)")
    comp = sub.add_parser("compile", help="print a rulebook in durable-rules' JSON rule language")
    comp.add_argument("jurisdiction", help=jid)
    comp.add_argument("--strict-deadlines", action="store_true")
    sc = sub.add_parser("scaffold", help="write a new jurisdiction plugin folder to start from")
    sc.add_argument("jurisdiction", help="the new jurisdiction's id: lower-case letters, digits and _, starting with a letter (e.g. hefei)")
    sc.add_argument("--parent", default="national", help="an installed jurisdiction the new one refines (default: national)")
    sc.add_argument("--name-zh", required=True, help="Chinese name, e.g. 合肥市")
    sc.add_argument("--name-en", required=True, help="English name, e.g. Hefei")
    sc.add_argument("--level", choices=[lv.value for lv in Level], default="city")
    sc.add_argument("--issued-on", type=_date, default=None,
                    help="the plan's issue day, YYYY-MM-DD: its rules bind from that day (default: left for you to fill in)")
    sc.add_argument("--out", type=Path, required=True, help="a folder to create (or an empty one)")
    sv = sub.add_parser("serve", help="serve the HTTP decision service (needs enforcerules[service]; docs/service.md)")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; put a reverse proxy in front)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    sv.add_argument("--engine", choices=ENGINES, default="auto")
    sv.add_argument("--max-body-bytes", type=int, default=4 * 1024 * 1024, help="larger request bodies get 413 (default 4 MiB)")
    sv.add_argument("--log-level", choices=("critical", "error", "warning", "info", "debug"), default="info")
    sv.add_argument("--no-access-log", action="store_true")
    return p


def _evaluation_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("jurisdiction", help="an installed jurisdiction id (see `enforcerules jurisdictions`)")
    p.add_argument("facts", type=Path, help="the facts: a JSON file, a folder of per-section CSV/Parquet tables, or an .xlsx workbook")
    p.add_argument("--as-of", type=_date, default=None, help="evaluation day, YYYY-MM-DD (default: today in China Standard Time)")
    p.add_argument("--engine", choices=ENGINES, default="auto", help="auto (default) and columnar: polars; durable: durable-rules; "
                   "python: the plain-Python oracle (all give the same findings)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--strict-deadlines", action="store_true",
                   help="read ambiguous deadline phrases at their earliest (e.g. '2024年6月前' = 2024-05-31)")
    p.add_argument("--first-year", choices=[f.value for f in FirstYear], default=FirstYear.FULL_YEARS.value,
                   help="first year a yearly duty is judged for: full_years (default: the first full calendar year "
                   "after the plan's issue day) or issue_year")
    p.add_argument("--own-bodies", action="store_true",
                   help="inherited rules a local plan restates for bodies it names bind only those bodies "
                   "(default: the parent plan's breadth, findings outside them saying so)")


def _book(registry: Registry, args: argparse.Namespace) -> Rulebook:
    """The rulebook an evaluation command asked for, with its switches."""
    bodies = Bodies.OWN_PLAN if getattr(args, "own_bodies", False) else Bodies.PARENT_BREADTH
    return registry.rulebook(args.jurisdiction, first_year=FirstYear(getattr(args, "first_year", FirstYear.FULL_YEARS.value)), bodies=bodies)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _jurisdictions(registry: Registry, args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = [
        {"id": j.id, "name_zh": j.name_zh, "name_en": j.name_en, "level": j.level.value,
         "parent": j.parent, "plugin": registry.plugin_of(j.id),
         "documents": [d.number or d.title for d in j.documents], "broken": None}
        for j in registry.jurisdictions()
    ]
    broken: list[dict[str, Any]] = [
        {"id": jid, "name_zh": None, "name_en": None, "level": None, "parent": None, "plugin": error.plugin,
         "documents": [], "broken": {"hook": error.hook, "problem": error.problem}}
        for jid, error in registry.unavailable().items()
    ]
    if args.format == "json":
        _print_json(rows + broken)
    else:
        for row in rows:
            print(f"{row['id']:<10} {row['name_zh']} ({row['name_en']})  level={row['level']}  parent={row['parent'] or '-'}  "
                  f"{'; '.join(row['documents'])}")
        for row in broken:
            print(f"{row['id']:<10} BROKEN plugin {row['plugin']!r} ({row['broken']['hook']}): {row['broken']['problem']}")
    return EXIT_OK


def _rules(registry: Registry, args: argparse.Namespace) -> int:
    book = registry.rulebook(args.jurisdiction)
    rows: list[dict[str, Any]] = [
        {"id": r.id, "kind": r.rule.kind, "document": r.rule.citation.document, "clause": r.rule.citation.clause,
         "title_zh": r.rule.title_zh, "title_en": r.rule.title_en, "declared_by": r.declared_by,
         "overridden_by": list(r.overridden_by), "quote": r.rule.citation.quote}
        for r in book.rules
    ]
    if args.format == "json":
        _print_json(rows)
    else:
        for row in rows:
            via = f" (overridden by {', '.join(row['overridden_by'])})" if row["overridden_by"] else ""
            print(f"{row['id']:<52} {row['document']} {row['clause']:<10} {row['title_zh']}{via}")
    return EXIT_OK


def _policy(args: argparse.Namespace) -> DeadlinePolicy:
    return DeadlinePolicy.strict() if args.strict_deadlines else DeadlinePolicy()


class _Progress:
    """A one-line progress counter on stderr, only when stderr is a terminal (never in pipes or logs)."""

    def __init__(self) -> None:
        self.on = sys.stderr.isatty()

    def say(self, text: str) -> None:
        if self.on:
            sys.stderr.write("\r\x1b[K" + text)
            sys.stderr.flush()

    def done(self) -> None:
        if self.on:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _load(registry: Registry, args: argparse.Namespace, progress: _Progress) -> tuple[Any, Any, _dt.date]:
    from .chinatime import CST

    book = _book(registry, args)  # an unknown jurisdiction fails before the facts are read
    progress.say(f"reading {args.facts} …")
    facts = load_facts(args.facts)
    return book, facts, args.as_of or _dt.datetime.now(CST).date()


def _evaluated(registry: Registry, args: argparse.Namespace, progress: _Progress) -> tuple[Any, Any]:
    """The report of the whole evaluation (rule by rule, with progress), and the facts."""
    import polars as pl

    from .engine import get_executor
    from .evaluate import evaluate_rules
    from .findings_table import empty_findings
    from .report import Report

    book, facts, as_of = _load(registry, args, progress)
    executor, policy = get_executor(args.engine), _policy(args)
    parts = []
    for i, part in enumerate(evaluate_rules(book, facts, as_of, executor=executor, policy=policy, calendar=registry.holiday_calendar())):
        progress.say(f"rule {i + 1}/{len(book.rules)} {book.rules[i].id}")
        parts.append(part)
    progress.done()
    table = pl.concat(parts, how="vertical") if parts else empty_findings()
    report = Report(jurisdiction=book.jurisdiction.id, rulebook_digest=book.digest, as_of=as_of, engine=executor.name,
                    policy=policy, table=table.sort(["rule_id", "subject", "period"], maintain_order=True),
                    rules={r.id: r for r in book.rules}, rejections=facts.rejections)
    return report, facts


def _filtered(report: Any, facts: Any, args: argparse.Namespace) -> Any:
    import attrs

    from .reading import filter_findings
    from .summary import attribute

    if not (args.status or args.unit or args.rule):
        return report
    attributed = attribute(report.table, report.rules, facts) if args.unit else None
    return attrs.evolve(report, table=filter_findings(report.table, attributed, statuses=args.status, units=args.unit, rules=args.rule))


def _verdict(whole: Any, shown: Any, rejections: Sequence[Any]) -> int:
    from .reading import nothing_judged

    if rejections:
        return EXIT_REJECTED
    if not shown.ok:
        return EXIT_FINDINGS
    return EXIT_NOTHING_JUDGED if nothing_judged(whole.table) else EXIT_OK


def _check(registry: Registry, args: argparse.Namespace) -> int:
    from .reading import plan_end_notice, render_compact
    from .summary import attribute, summarize

    progress = _Progress()
    streamed = args.out is not None and args.out.suffix.lower() in (".json", ".jsonl", ".parquet", ".csv")
    if (args.partition_by or args.spark) and not streamed:
        print("enforcerules: --partition-by and --spark write findings with --out FILE (.json, .jsonl, .parquet or .csv)", file=sys.stderr)
        return EXIT_USAGE
    if args.partitions < 1:
        print(f"enforcerules: --partitions must be at least 1 (got {args.partitions})", file=sys.stderr)
        return EXIT_USAGE
    if streamed:
        return _check_to_file(registry, args, progress)
    whole, facts = _evaluated(registry, args, progress)
    report = _filtered(whole, facts, args)
    notice = plan_end_notice(report.rules, report.as_of, args.lang)
    if args.out is not None:
        from .output import write_report

        try:
            write_report(report, args.out, facts=facts, lang=args.lang)
        except (ValueError, OSError) as exc:
            print(f"enforcerules: {exc}", file=sys.stderr)
            return EXIT_USAGE if isinstance(exc, ValueError) else EXIT_OUTPUT
        counts = ", ".join(f"{s.value} {n}" for s, n in report.counts().items() if n)
        print(f"{args.out}: {report.table.height} findings ({counts}); {len(report.rejections)} rejected records")
        if notice:
            print(notice, file=sys.stderr)
    elif args.summary:
        if notice:
            print(notice)
        print(summarize(report, facts).render_text(args.lang))
    elif args.format == "json":
        if notice:
            print(notice, file=sys.stderr)
        print(report.dumps())
    elif args.verbose:
        if notice:
            print(notice)
        print(report.render_text(args.lang))
    else:
        attributed = attribute(report.table, report.rules, facts)
        named = attributed.drop_nulls("subject_name").select("subject", "subject_name").unique()
        names = dict(named.iter_rows())
        print(render_compact(report, report.table, names, args.lang))
    return _verdict(whole, report, report.rejections)


def _summary(registry: Registry, args: argparse.Namespace) -> int:
    from .reading import plan_end_notice
    from .summary import summarize

    whole, facts = _evaluated(registry, args, _Progress())
    summary = summarize(whole, facts)
    if args.format == "json":
        tables = {name: json.loads(getattr(summary, name).write_json()) for name in ("by_rule", "by_unit", "by_region", "training")}
        _print_json(tables | {"jurisdiction": summary.jurisdiction, "as_of": summary.as_of, "counts": summary.counts()})
    else:
        notice = plan_end_notice(whole.rules, whole.as_of, args.lang)
        if notice:
            print(notice)
        print(summary.render_text(args.lang))
    return _verdict(whole, whole, whole.rejections)


def _scorecard(registry: Registry, args: argparse.Namespace) -> int:
    from .scorecard import scorecard, write_scorecard

    if args.out.suffix.lower() not in (".html", ".xlsx"):
        print(f"enforcerules scorecard: --out {str(args.out)!r}: write .html or .xlsx", file=sys.stderr)
        return EXIT_USAGE
    whole, facts = _evaluated(registry, args, _Progress())
    card = scorecard(whole, facts)
    try:
        write_scorecard(card, args.out)
    except OSError as exc:
        print(f"enforcerules: cannot write {args.out}: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    print(f"{args.out}: {card.clauses.height} rules, {card.tasks.height} dated tasks, {card.units.height - 1} units")
    notice = card.notice_zh if args.lang == "zh" else card.notice_en
    if notice:
        print(notice, file=sys.stderr)
    return _verdict(whole, whole, whole.rejections)


def _check_to_file(registry: Registry, args: argparse.Namespace, progress: _Progress) -> int:
    """``check --out`` in a streamed format: findings written rule by rule; a one-line summary on stdout."""
    import contextlib

    with contextlib.ExitStack() as stack:  # spill files of a partitioned reading go when it closes
        return _stream_check(registry, args, progress, stack)


def _read_by_partition(book: Any, args: argparse.Namespace, progress: _Progress) -> Any:
    """Training split by partition on disk, when the facts are a directory of tables and no rule reads the whole facts."""
    from .partition import whole_rules
    from .partition_reading import read_by_partition

    if not Path(args.facts).is_dir() or whole_rules(book):
        return None
    progress.say(f"reading {args.facts} by partition …")
    return read_by_partition(Path(args.facts), by=args.partition_by, partitions=args.partitions)


def _stream_check(registry: Registry, args: argparse.Namespace, progress: _Progress, stack: Any) -> int:
    from collections import Counter

    from .chinatime import CST
    from .engine import get_executor
    from .evaluate import evaluate_rules
    from .factset import Facts
    from .output import open_writer
    from .reading import UNJUDGED, filter_findings, plan_end_notice
    from .report import report_header
    from .summary import attribute

    spilled = None
    if args.spark:  # evaluated (and the tables checked) before the output file is opened
        book, facts, as_of = _book(registry, args), Facts(), args.as_of or _dt.datetime.now(CST).date()
        try:
            spark_found = _spark_findings(args, book, as_of, _policy(args), registry.holiday_calendar())
        except (ValueError, ImportError) as exc:
            print(f"enforcerules: {exc}", file=sys.stderr)
            return EXIT_USAGE
    elif args.partition_by:
        book, as_of = _book(registry, args), args.as_of or _dt.datetime.now(CST).date()
        spilled = _read_by_partition(book, args, progress)
        if spilled is None:
            book, facts, as_of = _load(registry, args, progress)
        else:
            stack.enter_context(spilled)
            facts = spilled.facts
    else:
        book, facts, as_of = _load(registry, args, progress)
    policy = _policy(args)
    executor = get_executor(args.engine)
    rules = {r.id: r for r in book.rules}
    try:
        writer = open_writer(args.out, report_header(book.jurisdiction.id, book.digest, as_of, executor.name, policy), rules, as_of)
    except ValueError as exc:
        print(f"enforcerules: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"enforcerules: cannot write {args.out}: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    whole: Counter[str] = Counter()
    calendar = registry.holiday_calendar()
    if args.spark:
        parts: Iterable[Any] = [spark_found]
    elif args.partition_by:
        from .partition import partitioned_findings

        parts = partitioned_findings(book, facts, as_of, by=args.partition_by, partitions=args.partitions,
                                     executor=executor, policy=policy, calendar=calendar, training=spilled)
    else:
        parts = evaluate_rules(book, facts, as_of, executor=executor, policy=policy, calendar=calendar)
    for i, part in enumerate(parts):
        progress.say(f"rule {i + 1}/{len(book.rules)} {book.rules[i].id}" if not (args.spark or args.partition_by) else f"part {i + 1}")
        whole.update(dict(part.group_by("status").len().iter_rows()))
        if args.status or args.unit or args.rule:
            attributed = attribute(part, rules, facts) if args.unit else None
            part = filter_findings(part, attributed, statuses=args.status, units=args.unit, rules=args.rule)
        writer.write(part)
    progress.done()
    rejections = spilled.rejections if spilled is not None else facts.rejections
    writer.close(rejections)
    counts = ", ".join(f"{s} {n}" for s, n in sorted(writer.counts.items()))
    print(f"{args.out}: {sum(writer.counts.values())} findings ({counts}); {len(rejections)} rejected records")
    notice = plan_end_notice(rules, as_of, args.lang)
    if notice:
        print(notice, file=sys.stderr)
    if rejections:
        return EXIT_REJECTED
    if writer.counts.get("violation") or writer.counts.get("late"):
        return EXIT_FINDINGS
    return EXIT_NOTHING_JUDGED if not any(n for s, n in whole.items() if s not in UNJUDGED) else EXIT_OK


def _spark_findings(args: argparse.Namespace, book: Any, as_of: _dt.date, policy: DeadlinePolicy, calendar: Any) -> Any:
    from .spark import collect_findings, evaluate_spark, spark_session

    spark = spark_session(args.spark)
    found = evaluate_spark(spark, book, args.facts, as_of, by=args.partition_by or "unit", partitions=args.partitions,
                           engine=args.engine, policy=policy, calendar=calendar)
    return collect_findings(found)


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _diff(registry: Registry, args: argparse.Namespace) -> int:
    diffs = diff_rulebooks(registry.rulebook(args.parent), registry.rulebook(args.child))
    shown = [d for d in diffs if args.all or d.relation.value != "inherited"]
    if args.format == "json":
        _print_json([d.to_json() for d in shown])
        return EXIT_OK
    if all(d.relation.value == "inherited" for d in diffs):
        print(f"no differences: {args.child} has the same rules as {args.parent}")
    for d in shown:
        print(f"{d.relation.value:<10} {d.rule_id}" + (f"  (by {', '.join(d.by)})" if d.by else ""))
        if d.parent_citation:
            print(f"    {args.parent}: {d.parent_citation.document} {d.parent_citation.clause} 「{d.parent_citation.quote}」")
        if d.child_citation and d.child_citation != d.parent_citation:
            print(f"    {args.child}: {d.child_citation.document} {d.child_citation.clause} 「{d.child_citation.quote}」")
        for key, before, after in d.changed:
            print(f"    {key}: {_show(before)} → {_show(after)}")
        if d.reading:
            print(f"    reading: {d.reading}")
    return EXIT_OK


def _catalogue(registry: Registry, args: argparse.Namespace) -> int:
    if args.out:
        only = [args.jurisdiction] if args.jurisdiction else None
        with writing_to(args.out):
            written = write_catalogues(registry, args.out, only)
        for path in written:
            print(_printable(str(path)))
        return EXIT_OK
    if not args.jurisdiction:
        raise UsageError("give a JURISDICTION, or --out FOLDER (or both)")
    print(render_catalogue(registry, args.jurisdiction))
    return EXIT_OK


def _compile(registry: Registry, args: argparse.Namespace) -> int:
    compiled = compile_rulebook(registry.rulebook(args.jurisdiction), _policy(args))
    _print_json({rid: {"digest": c.digest, "statuses": [s.value for s in c.statuses], "ruleset": c.ruleset} for rid, c in compiled.items()})
    return EXIT_OK


def _scaffold(registry: Registry, args: argparse.Namespace) -> int:
    registry.jurisdiction(args.parent)  # the parent must exist: fail early with exit 5
    with writing_to(args.out):
        written = scaffold_plugin(args.out, args.jurisdiction, parent=args.parent, name_zh=args.name_zh,
                                  name_en=args.name_en, level=Level(args.level), issued_on=args.issued_on)
    for path in written:
        print(_printable(str(path)))
    return EXIT_OK


def _serve(registry: Registry, args: argparse.Namespace) -> int:
    try:
        from .service import ServeOptions, serve
    except ImportError as exc:
        print(f"enforcerules serve needs the service extra: pip install 'enforcerules[service]' ({exc})", file=sys.stderr)
        return EXIT_USAGE
    try:
        options = ServeOptions(host=args.host, port=args.port, workers=args.workers, engine=args.engine, max_body_bytes=args.max_body_bytes,
                               log_level=args.log_level, access_log=not args.no_access_log)
    except ValueError as exc:
        print(f"enforcerules serve: {exc}", file=sys.stderr)
        return EXIT_USAGE
    serve(options, registry)
    return EXIT_OK


_COMMANDS = {
    "jurisdictions": _jurisdictions, "rules": _rules, "check": _check, "summary": _summary, "scorecard": _scorecard,
    "diff": _diff, "catalogue": _catalogue, "compile": _compile, "scaffold": _scaffold, "serve": _serve,
}


#: Errors that end a command with a message and their documented exit code (first match wins).
_EXIT_CODES: tuple[tuple[type[Exception], int], ...] = (
    (UsageError, EXIT_USAGE),
    (OutputError, EXIT_OUTPUT),
    (FactsError, EXIT_UNREADABLE),
    (PluginError, EXIT_RESOLUTION),
    (ResolutionError, EXIT_RESOLUTION),
    (DeclarationError, EXIT_USAGE),
    (EngineUnavailable, EXIT_ENGINE),
)


def _warn_broken(registry: Registry) -> None:
    for error in registry.problems:
        print(f"enforcerules: warning: {_printable(str(error))}; its jurisdictions are unavailable", file=sys.stderr)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if extra:  # reported by the subcommand, with its usage line, rather than by the top-level parser
        subparsers.choices[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    # Every argument but the repeatable filters takes one value; argparse (3.11)
    # may leave a list for a repeated "--".
    sub = subparsers.choices[args.command]
    repeatable = {a.dest for a in sub._actions if isinstance(a, argparse._AppendAction)}
    for name, value in vars(args).items():
        if isinstance(value, list) and name not in repeatable:
            subparsers.choices[args.command].error(f"argument {name}: expected one value")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    try:
        registry = Registry()
        if args.command != "jurisdictions":  # which lists them itself
            _warn_broken(registry)
        return _COMMANDS[args.command](registry, args)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
    except tuple(kind for kind, _ in _EXIT_CODES) as exc:
        code = next(code for kind, code in _EXIT_CODES if isinstance(exc, kind))
        if code == EXIT_USAGE:  # worded like argparse's own usage errors
            print(f"enforcerules {args.command}: error: {_printable(str(exc))} (see enforcerules {args.command} --help)", file=sys.stderr)
        else:
            print(f"enforcerules: {_printable(str(exc))}", file=sys.stderr)
        return code
    except Exception:  # never let a defect pass for "violations found" (exit 1)
        traceback.print_exc()
        print("enforcerules: internal error; please report it with the input that caused it", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
