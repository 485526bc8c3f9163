"""Writing findings to files, chosen by extension, as they are produced.

=============  ================================================================
``.json``      the documented report (``docs/report-format.md``), words rendered
``.jsonl``     one rendered finding (the report's finding object) per line
``.parquet``   the findings table (no text), header in the file's metadata
``.csv``       the findings table (no text)
``.html``      a report to open in a browser: charts, tables, offline (:mod:`enforcerules.html_report`)
``.xlsx``      an Excel workbook: summary sheet, a sheet per rule family (:mod:`enforcerules.excel`)
=============  ================================================================

The last two need the whole report and the facts (for names, units and
regions): :func:`write_report` writes them; :class:`FindingsWriter` streams
the others.

The tabular forms keep each rule's citation and quote once, in a sibling
``<name>.rules.<ext>``, and the rejected input records in
``<name>.rejections.<ext>`` (always written, empty when nothing was
rejected, so a reader can tell "none" from "missing"). Every writer takes
findings tables one part at a time (:meth:`FindingsWriter.write`), so a
caller evaluating rule by rule or partition by partition never holds the
rendered text of more than one part. Streamed forms (``.jsonl``, ``.csv``,
``.parquet``) follow the order the parts arrive in (``check --out``: the
rulebook's rule order, each rule's findings by subject and period); the
``.json`` report is sorted by rule, subject and period like
:meth:`Report.to_json`.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import polars as pl

from .factset import Facts
from .findings import Rejection, Status
from .findings_table import FINDINGS_SCHEMA, render_rows, rules_table
from .report import Report, report_header
from .rulebook import ResolvedRule

__all__ = ["FORMATS", "STREAMED", "FindingsWriter", "open_writer", "write_report"]

FORMATS = (".json", ".jsonl", ".parquet", ".csv", ".html", ".xlsx")
STREAMED = (".json", ".jsonl", ".parquet", ".csv")
#: Findings a Parquet row group holds (parts are gathered up to it).
ROW_GROUP_ROWS = 65_536


class FindingsWriter:
    """Writes findings tables to *path* in the format its extension names."""

    def __init__(self, path: Path, *, header: Mapping[str, Any], rules: Mapping[str, ResolvedRule], as_of: _dt.date) -> None:
        self.path = Path(path)
        self.suffix = self.path.suffix.lower()
        if self.suffix not in FORMATS:
            raise ValueError(f"--out {str(path)!r}: unknown format {self.suffix or '(no extension)'!r}; use one of {', '.join(FORMATS)}")
        if self.suffix not in STREAMED:
            raise ValueError(f"--out {str(path)!r}: a {self.suffix} report is written whole, with the facts: use write_report")
        self.header = dict(header)
        self.rules = rules
        self.as_of = as_of
        self.counts: Counter[str] = Counter()
        self._parquet: Any = None
        self._text: IO[str] | None = None
        self._first = True
        self._parts: list[pl.DataFrame] = []
        if self.suffix == ".jsonl":
            self._text = self.path.open("w", encoding="utf-8", newline="\n")
        elif self.suffix == ".csv":
            self._text = self.path.open("w", encoding="utf-8", newline="")

    def write(self, table: pl.DataFrame) -> None:
        """Append one part of the findings table."""
        if table.height == 0:
            return
        table = table.select(list(FINDINGS_SCHEMA)).cast(FINDINGS_SCHEMA)  # type: ignore[arg-type]
        self.counts.update(dict(table.group_by("status").len().iter_rows()))
        if self.suffix == ".json":
            self._parts.append(table)  # words are rendered at close, in report order
        elif self.suffix == ".jsonl":
            assert self._text is not None
            for finding in render_rows(table, self.rules, self.as_of):
                self._text.write(_dumps(finding.to_json()) + "\n")
        elif self.suffix == ".csv":
            assert self._text is not None
            table.write_csv(self._text, include_header=self._first)
        elif table.height >= ROW_GROUP_ROWS:  # a large part is a row group of its own (after the held ones: order kept)
            self._flush_parquet()
            self._write_parquet(table)
        else:
            self._parts.append(table)
            if sum(t.height for t in self._parts) >= ROW_GROUP_ROWS:
                self._flush_parquet()
        self._first = False

    def _flush_parquet(self) -> None:
        """Write the held small parts as one row group (a part a row group would give thousands of tiny
        ones in a partitioned check, and the file's metadata, held until close, would grow with each)."""
        if self._parts:
            held = pl.concat(self._parts, how="vertical")
            self._parts.clear()
            self._write_parquet(held)

    def _write_parquet(self, table: pl.DataFrame) -> None:
        import pyarrow.parquet as pq

        arrow = table.to_arrow()
        if self._parquet is None:
            meta = {b"enforcerules": json.dumps(self.header, ensure_ascii=False).encode()}
            self._parquet = pq.ParquetWriter(str(self.path), arrow.schema.with_metadata(meta))
        self._parquet.write_table(arrow.cast(self._parquet.schema))

    def close(self, rejections: Sequence[Rejection] = ()) -> None:
        """Finish the file (and the rules and rejections siblings of the tabular forms)."""
        if self.suffix == ".json":
            self._close_json(rejections)
            return
        if self.suffix == ".jsonl":
            assert self._text is not None
            self._text.close()
        elif self.suffix == ".csv":
            assert self._text is not None
            if self._first:
                pl.DataFrame(schema=FINDINGS_SCHEMA).write_csv(self._text)
            self._text.close()
        else:
            self._flush_parquet()
            if self._parquet is None:
                self.write_empty_parquet()
            else:
                self._parquet.close()
        if self.suffix in (".parquet", ".csv"):
            self._sibling("rules", rules_table(self.rules.values()))
        self._sibling("rejections", _rejections_table(rejections))

    def write_empty_parquet(self) -> None:
        pl.DataFrame(schema=FINDINGS_SCHEMA).write_parquet(self.path)

    def _sibling(self, what: str, table: pl.DataFrame) -> None:
        ext = ".jsonl" if self.suffix == ".jsonl" else self.suffix
        path = self.path.with_name(f"{self.path.stem}.{what}{ext}")
        if ext == ".parquet":
            table.write_parquet(path)
        elif ext == ".csv":
            flat = table.with_columns(pl.col(c).list.join(";") for c, t in table.schema.items() if isinstance(t, pl.List))
            flat.write_csv(path)
        else:
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                for row in table.iter_rows(named=True):
                    fh.write(_dumps(row) + "\n")

    def _close_json(self, rejections: Sequence[Rejection]) -> None:
        table = pl.concat(self._parts) if self._parts else pl.DataFrame(schema=FINDINGS_SCHEMA)
        table = table.sort(["rule_id", "subject", "period"], maintain_order=True)
        summary = {s.value: int(self.counts.get(s.value, 0)) for s in Status}
        head = {**self.header, "summary": summary}
        with self.path.open("w", encoding="utf-8", newline="\n") as fh:
            text = json.dumps(head, ensure_ascii=False, indent=2)
            fh.write(text[:-2] + ',\n  "findings": [')
            for i, finding in enumerate(render_rows(table, self.rules, self.as_of)):
                fh.write(("\n    " if i == 0 else ",\n    ") + _dumps(finding.to_json()))
            fh.write("\n  ],\n  \"rejections\": [")
            for i, r in enumerate(rejections):
                fh.write(("\n    " if i == 0 else ",\n    ") + _dumps(r.to_json()))
            fh.write("\n  ]\n}\n")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, default=str)


def _rejections_table(rejections: Sequence[Rejection]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "location": [r.location for r in rejections],
            "reason": [r.reason for r in rejections],
            "value": [_dumps(r.to_json()["value"]) for r in rejections],
            "expected": [r.expected for r in rejections],
        },
        schema={"location": pl.String, "reason": pl.String, "value": pl.String, "expected": pl.String},
    )


def open_writer(path: Path, report_header: Mapping[str, Any], rules: Mapping[str, ResolvedRule], as_of: _dt.date) -> FindingsWriter:
    return FindingsWriter(path, header=report_header, rules=rules, as_of=as_of)


def write_report(report: Report, path: Path | str, *, facts: Facts | None = None, lang: str = "zh") -> None:
    """Write a finished report to *path* (format by extension).

    ``.html`` and ``.xlsx`` take the *facts* too, to name subjects and place
    them in units and regions; without them the facts are taken as empty.
    An ``.html`` report opens in *lang* (``zh`` or ``en``).
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".xlsx"):
        facts = facts if facts is not None else Facts()
        if suffix == ".html":
            from .html_report import write_html

            write_html(report, facts, Path(path), lang=lang)
        else:
            from .excel import write_xlsx

            write_xlsx(report, facts, Path(path))
        return
    header = report_header(report.jurisdiction, report.rulebook_digest, report.as_of, report.engine, report.policy)
    writer = open_writer(Path(path), header, report.rules, report.as_of)
    writer.write(report.table)
    writer.close(report.rejections)
