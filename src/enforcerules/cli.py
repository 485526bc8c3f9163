"""The ``enforcerules`` command.

Exit codes (``enforcerules check``):

====  =====================================================================
0     evaluated; no violation, no late completion, no rejected record
1     evaluated; at least one finding is ``violation`` or ``late``
2     usage error (bad arguments, bad --as-of date)
3     evaluated; some input records were rejected (they are listed)
4     the facts file could not be read at all (not JSON, not an object)
5     the jurisdiction is unknown or its rulebook cannot be resolved
6     the requested engine is unavailable in this interpreter
7     internal error (a defect of enforcerules: please report it with the input)
====  =====================================================================

Rejections take precedence over violations (3 over 1), because a report on
partial input should not pass for a complete one.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .catalogue import render_catalogue, write_catalogues
from .deadlines import DeadlinePolicy
from .diff import diff_rulebooks
from .engine import ENGINES
from .errors import DeclarationError, EngineUnavailable, FactsError, ResolutionError
from .evaluate import compile_rulebook
from .facts import Level
from .factset import Facts
from .loading import load_facts
from .registry import Registry
from .scaffold import scaffold_plugin

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_REJECTED, EXIT_UNREADABLE, EXIT_RESOLUTION, EXIT_ENGINE, EXIT_INTERNAL = range(8)


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="enforcerules", description="Cited compliance rules for China's law-enforcement quality plans.")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("jurisdictions", help="list installed jurisdictions").add_argument("--format", choices=("text", "json"), default="text")
    r = sub.add_parser("rules", help="list a jurisdiction's resolved rules with their clauses")
    r.add_argument("jurisdiction")
    r.add_argument("--format", choices=("text", "json"), default="text")
    c = sub.add_parser("check", help="evaluate a facts file")
    c.add_argument("jurisdiction")
    c.add_argument("facts", type=Path)
    c.add_argument("--as-of", type=_date, default=None, help="evaluation day, YYYY-MM-DD (default: today in China Standard Time)")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--engine", choices=ENGINES, default="auto", help="auto (default) and columnar: polars; durable: durable-rules; python: the plain-Python oracle (all give the same findings)")
    c.add_argument("--lang", choices=("zh", "en"), default="zh")
    c.add_argument("--strict-deadlines", action="store_true", help="read ambiguous deadline phrases at their earliest (e.g. '2024年6月前' = 2024-05-31)")
    c.add_argument("--out", type=Path, help="write the findings to this file as they are produced; format by extension: "
                   ".json (the report), .jsonl (a finding a line), .parquet or .csv (the findings table, with .rules and "
                   ".rejections siblings)")
    c.add_argument("--partition-by", choices=("unit", "region"), help="with --out: evaluate partition by partition (units, or the units "
                   "of a region, hashed into --partitions buckets); same findings, memory of the largest partition")
    c.add_argument("--partitions", type=int, default=8, help="how many partitions (default 8)")
    c.add_argument("--spark", metavar="MASTER", help="with --out: evaluate on Apache Spark (e.g. local[2]); FACTS is a folder of "
                   "<section>.parquet tables; needs the 'spark' extra")
    d = sub.add_parser("diff", help="compare two jurisdictions' rulebooks")
    d.add_argument("parent")
    d.add_argument("child")
    d.add_argument("--format", choices=("text", "json"), default="text")
    d.add_argument("--all", action="store_true", help="include inherited rules")
    cat = sub.add_parser("catalogue", help="print or write the Markdown rule catalogue")
    cat.add_argument("jurisdiction", nargs="?")
    cat.add_argument("--out", type=Path, help="write one page per jurisdiction into this folder")
    comp = sub.add_parser("compile", help="print a rulebook in durable-rules' JSON rule language")
    comp.add_argument("jurisdiction")
    comp.add_argument("--strict-deadlines", action="store_true")
    sc = sub.add_parser("scaffold", help="write a new jurisdiction plugin folder to start from")
    sc.add_argument("jurisdiction")
    sc.add_argument("--parent", default="national")
    sc.add_argument("--name-zh", required=True)
    sc.add_argument("--name-en", required=True)
    sc.add_argument("--level", choices=[lv.value for lv in Level], default="city")
    sc.add_argument("--out", type=Path, required=True)
    return p


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _jurisdictions(registry: Registry, args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = [
        {"id": j.id, "name_zh": j.name_zh, "name_en": j.name_en, "level": j.level.value,
         "parent": j.parent, "plugin": registry.plugin_of(j.id),
         "documents": [d.number or d.title for d in j.documents]}
        for j in registry.jurisdictions()
    ]
    if args.format == "json":
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:<10} {row['name_zh']} ({row['name_en']})  level={row['level']}  parent={row['parent'] or '-'}  "
                  f"{'; '.join(row['documents'])}")
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


def _check(registry: Registry, args: argparse.Namespace) -> int:
    from .chinatime import CST

    registry.rulebook(args.jurisdiction)  # an unknown jurisdiction fails before the facts are read
    if (args.partition_by or args.spark) and args.out is None:
        print("enforcerules: --partition-by and --spark write findings with --out FILE", file=sys.stderr)
        return EXIT_USAGE
    if args.partitions < 1:
        print(f"enforcerules: --partitions must be at least 1 (got {args.partitions})", file=sys.stderr)
        return EXIT_USAGE
    facts = Facts() if args.spark else load_facts(args.facts)
    as_of = args.as_of or _dt.datetime.now(CST).date()
    if args.out is not None:
        return _check_to_file(registry, args, facts, as_of)
    report = registry.evaluate(args.jurisdiction, facts, as_of, engine=args.engine, policy=_policy(args))
    print(report.dumps() if args.format == "json" else report.render_text(args.lang))
    if report.rejections:
        return EXIT_REJECTED
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _check_to_file(registry: Registry, args: argparse.Namespace, facts: Any, as_of: _dt.date) -> int:
    """``check --out``: findings written rule by rule; a one-line summary on stdout."""
    from .engine import get_executor
    from .evaluate import evaluate_rules
    from .output import open_writer
    from .report import report_header

    book, policy = registry.rulebook(args.jurisdiction), _policy(args)
    executor = get_executor(args.engine)
    calendar = registry.holiday_calendar()
    if args.spark:  # evaluated (and the input checked) before the output file is opened
        try:
            spark_found = _spark_findings(args, book, as_of, policy, calendar)
        except (ValueError, ImportError) as exc:
            print(f"enforcerules: {exc}", file=sys.stderr)
            return EXIT_USAGE
    try:
        writer = open_writer(args.out, report_header(book.jurisdiction.id, book.digest, as_of, executor.name, policy),
                             {r.id: r for r in book.rules}, as_of)
    except ValueError as exc:
        print(f"enforcerules: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.spark:
        parts: Iterable[Any] = [spark_found]
    elif args.partition_by:
        from .partition import partitioned_findings

        parts = partitioned_findings(book, facts, as_of, by=args.partition_by, partitions=args.partitions,
                                     executor=executor, policy=policy, calendar=calendar)
    else:
        parts = evaluate_rules(book, facts, as_of, executor=executor, policy=policy, calendar=calendar)
    for part in parts:
        writer.write(part)
    writer.close(facts.rejections)
    counts = ", ".join(f"{s} {n}" for s, n in sorted(writer.counts.items()))
    print(f"{args.out}: {sum(writer.counts.values())} findings ({counts}); {len(facts.rejections)} rejected records")
    if facts.rejections:
        return EXIT_REJECTED
    return EXIT_FINDINGS if writer.counts.get("violation") or writer.counts.get("late") else EXIT_OK


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
        for path in write_catalogues(registry, args.out):
            print(path)
        return EXIT_OK
    if not args.jurisdiction:
        raise SystemExit("enforcerules catalogue: give a JURISDICTION or --out FOLDER")
    print(render_catalogue(registry, args.jurisdiction))
    return EXIT_OK


def _compile(registry: Registry, args: argparse.Namespace) -> int:
    compiled = compile_rulebook(registry.rulebook(args.jurisdiction), _policy(args))
    _print_json({rid: {"digest": c.digest, "statuses": [s.value for s in c.statuses], "ruleset": c.ruleset} for rid, c in compiled.items()})
    return EXIT_OK


def _scaffold(registry: Registry, args: argparse.Namespace) -> int:
    registry.jurisdiction(args.parent)  # the parent must exist: fail early with exit 5
    for path in scaffold_plugin(args.out, args.jurisdiction, parent=args.parent, name_zh=args.name_zh,
                                name_en=args.name_en, level=Level(args.level)):
        print(path)
    return EXIT_OK


_COMMANDS = {
    "jurisdictions": _jurisdictions, "rules": _rules, "check": _check,
    "diff": _diff, "catalogue": _catalogue, "compile": _compile, "scaffold": _scaffold,
}


#: Errors that end a command with a message and their documented exit code.
_EXIT_CODES: tuple[tuple[type[Exception], int], ...] = (
    (FactsError, EXIT_UNREADABLE),
    (ResolutionError, EXIT_RESOLUTION),
    (DeclarationError, EXIT_USAGE),
    (EngineUnavailable, EXIT_ENGINE),
)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](Registry(), args)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
    except tuple(kind for kind, _ in _EXIT_CODES) as exc:
        print(f"enforcerules: {exc}", file=sys.stderr)
        return next(code for kind, code in _EXIT_CODES if isinstance(exc, kind))
    except Exception:  # never let a defect pass for "violations found" (exit 1)
        traceback.print_exc()
        print("enforcerules: internal error; please report it with the input that caused it", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
