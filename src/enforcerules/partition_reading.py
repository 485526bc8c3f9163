"""Reading a directory of tables for a partitioned check: training stays on disk until its partition runs.

:func:`~enforcerules.partition.partitioned_findings` bounds what the
evaluation holds; this bounds what the reading holds. Every section but
training is read and validated whole, as :func:`~enforcerules.load_tables`
does (an officer or fewer per record). Training, ten or more records an
officer, is read once in batches and split into one spill file per
partition: a record goes to its officer's partition, or to
:data:`~enforcerules.partition.ORPHANS` when it names no loaded officer.
Each partition's file is validated when the partition is evaluated.

Why the tables and rejections are :func:`~enforcerules.load_tables`'s:

- nothing references a training record, so reading training later changes
  no other section;
- a training record's own checks read only the record (they are cell- and
  record-wise);
- its references: a record in partition *p* names an officer loaded in *p*
  (it was routed there by that officer) and a unit loaded anywhere (the
  units are read whole); a record in the orphans' partition names no loaded
  officer, and is rejected for it as the whole load rejects it. References
  are resolved round by round as in one validation: an officer or unit
  dropped for a missing reference of its own still resolves in the rounds
  before its drop (:func:`~enforcerules.validation.known_ids`), so a record
  naming it and a missing unit is rejected for the same field;
- duplicate ids: records sharing an id are compared with each other. They
  share a partition unless their officers lie in different ones; every id
  is hashed while the records are split, and if one appears in two
  partitions :func:`read_by_partition` gives ``None`` and the caller reads
  the facts whole (a duplicate id across units is rare; correctness is not
  traded for memory).

The rejections of training come after those of the other sections, in the
order of the rows of the training table.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs
import numpy as np
import polars as pl

from .errors import FactsError
from .factset import Facts
from .findings import Rejection
from .limits import Limits
from .tables import polars_schema
from .tabular import raw_of_table, read_table, scan_table, table_files
from .validation import ROW, known_ids, validate
from .validation import _repeated as repeated

__all__ = ["SpilledTraining", "read_by_partition"]

#: Training records a batch of the splitting pass holds.
BATCH_ROWS = 100_000
#: The spill file: every partition's training records, as record batches.
SPILL_FILE = "training.arrow"
_BUCKET_BITS = 6
_BUCKETS = 1 << _BUCKET_BITS
_PART = "__part"
_HASH = "__id_hash"


@attrs.define
class SpilledTraining:
    """The facts of a directory of tables with training split by partition on disk.

    ``facts`` holds every section but training (whose table is empty) and
    their rejections; ``keys`` the partition of every unit. :meth:`training`
    reads, validates and returns one partition's training table, adding its
    rejections to :attr:`rejections`. A context manager: leaving it removes
    the spill file.
    """

    facts: Facts
    keys: pl.DataFrame
    source: Path
    spill: Path
    batches: dict[int, list[int]]  # partition -> its record batches in the spill file
    owners: _Owners  # loaded officers and their partitions
    units: pl.DataFrame  # unit ids as validate's known takes them
    withdrawn_officers: pl.DataFrame  # officers dropped for a missing reference, and in which round
    read: int = 0
    loaded: int = 0
    _training_rejections: list[Rejection] = attrs.Factory(list)

    def parts(self) -> list[int]:
        """The partitions holding training records, in order."""
        return sorted(self.batches)

    def training(self, part: int) -> pl.DataFrame:
        """The validated training table of *part* (empty if it holds none)."""
        import pyarrow as pa
        import pyarrow.ipc

        wanted = self.batches.pop(part, None)
        if wanted is None:
            return pl.DataFrame(schema=polars_schema("training"))
        with pa.OSFile(str(self.spill / SPILL_FILE), "rb") as file:  # read, not mapped: only this partition's pages
            reader = pa.ipc.open_file(file)
            frame = pl.from_arrow(pa.Table.from_batches([reader.get_batch(i) for i in wanted], schema=reader.schema))
        assert isinstance(frame, pl.DataFrame)
        rows = frame.get_column(ROW)
        raw = attrs.evolve(raw_of_table("training", frame.drop(ROW), str(self.source), self.source.name), rows=rows)
        officers = known_ids(self.owners.officers_of(part), self.withdrawn_officers)
        checked = validate([raw], known={"officers": officers, "units": self.units})
        self._training_rejections.extend(checked.rejections)
        tally = checked.tallies["training"]
        self.read += tally.read
        self.loaded += tally.loaded
        return checked.tables["training"]

    @property
    def rejections(self) -> tuple[Rejection, ...]:
        """Every rejection so far: the other sections', then training's in row order."""
        training = sorted(self._training_rejections, key=lambda r: -1 if r.row is None else r.row)
        return self.facts.rejections + tuple(training)

    def close(self) -> None:
        shutil.rmtree(self.spill, ignore_errors=True)

    def __enter__(self) -> SpilledTraining:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def read_by_partition(directory: Path, *, by: str = "unit", partitions: int = 8, limits: Limits = Limits(),
                      spill_dir: Path | None = None) -> SpilledTraining | None:
    """The facts of *directory* with training split by partition, or ``None`` when they must be read whole.

    ``None``: the directory has no training table; this polars cannot
    stream a table in batches; the training table has a column named like
    the splitting pass's own (``__row``, ``__part``, ``__id_hash``; the
    whole load rejects its cells as unknown); two loaded officers' ids hash
    alike; or a training id appears in two partitions (see the module's
    notes). Unreadable tables and exceeded limits raise
    :class:`~enforcerules.FactsError` as :func:`~enforcerules.load_tables` does.
    *spill_dir*: where the spill file goes (default: the temporary folder).
    """
    from .partition import ORPHANS, partition_keys

    if not hasattr(pl.LazyFrame, "collect_batches"):  # CSV is streamed with it
        return None
    files, rejections = table_files(directory, limits)
    path = files.pop("training", None)
    if path is None:
        return None
    table = scan_table(path)
    try:
        columns = table.collect_schema().names()
        total = table.select(pl.len()).collect().item()
    except (OSError, pl.exceptions.PolarsError, ValueError) as exc:
        raise FactsError(f"{path}: cannot read the table: {exc}") from None
    if {ROW, _PART, _HASH} & set(columns):  # a column named like ours: read whole (it is rejected as unknown)
        return None
    facts, withdrawn = _others(directory, files, rejections, total, limits)
    keys = partition_keys(facts.table("units"), by, partitions)
    officers = facts.table("officers")
    part = officers.get_column("unit").replace_strict(keys.get_column("unit"), keys.get_column("part"), default=ORPHANS,
                                                      return_dtype=pl.Int32)
    owners = _Owners(officers, part, ORPHANS)
    if not owners.distinct:  # two officers' ids hash alike: read whole
        return None
    spill = Path(tempfile.mkdtemp(prefix="enforcerules-training-", dir=spill_dir))
    try:
        batches = _split(path, table, owners, total, spill)
    except BaseException:
        shutil.rmtree(spill, ignore_errors=True)
        raise
    if batches is None:
        shutil.rmtree(spill, ignore_errors=True)
        return None
    units = known_ids(facts.table("units").get_column("id"), withdrawn["units"])
    return SpilledTraining(facts, keys, path, spill, batches, owners, units, withdrawn["officers"])


def _others(directory: Path, files: dict[str, Path], rejections: list[Rejection], training: int,
            limits: Limits) -> tuple[Facts, dict[str, pl.DataFrame]]:
    """Every section but training, read and validated whole (the raw columns go when this returns), and the ids
    their references withdrew."""
    raws = [raw_of_table(section, read_table(p), str(p), p.name) for section, p in files.items()]
    records = sum(r.height for r in raws) + training
    if records > limits.max_records:
        raise FactsError(f"{directory}: {records} records, over the limit of {limits.max_records} (Limits.max_records)")
    checked = validate(raws, rejections)
    return Facts.from_tables(checked.tables, checked.rejections), checked.withdrawn


class _Owners:
    """Which partition a training record goes to: its officer's, looked up by the officer's 64-bit hash.

    The loaded officers' hashes are sorted once and searched in place (a
    join would build a table of every officer for each batch; sorted ids
    would hold every id twice). A record whose officer is not loaded but
    hashes like a loaded one goes to that officer's partition, where it is
    rejected as in the orphans' partition (its reference resolves against
    the same officers: loaded ones and those withdrawn everywhere). Two
    loaded officers hashing alike are not told apart: :attr:`distinct` is
    then false and the facts are read whole.
    """

    def __init__(self, officers: pl.DataFrame, part: pl.Series, orphans: int) -> None:
        self.officers = officers.get_column("id")
        self.part = part  # aligned with the officers table
        hashes = self.officers.hash(seed=0).to_numpy()
        order = np.argsort(hashes)
        self.hashes = hashes[order]
        self.parts = part.to_numpy()[order]
        self.orphans = orphans
        self.distinct = not bool((self.hashes[1:] == self.hashes[:-1]).any())

    def officers_of(self, part: int) -> pl.Series:
        return self.officers.filter(self.part == part)

    def of(self, officer: pl.Series) -> pl.Series:
        if officer.dtype != pl.String or not self.hashes.size:
            # an officer cell that is no string names no loaded officer: rejected in the orphans' partition
            return repeated(_PART, self.orphans, officer.len(), pl.Int32)
        wanted = officer.hash(seed=0).to_numpy()
        at = np.minimum(np.searchsorted(self.hashes, wanted), self.hashes.size - 1)
        known = (self.hashes[at] == wanted) & officer.is_not_null().to_numpy()
        return pl.Series(_PART, np.where(known, self.parts[at], self.orphans), dtype=pl.Int32)


def _batches(path: Path, table: pl.LazyFrame, total: int) -> Iterator[pl.DataFrame]:
    """The table in batches of BATCH_ROWS rows, each with its file rows (ROW).

    Parquet is read a slice at a time (row groups outside it are skipped);
    CSV, whose rows have no index, streamed once.
    """
    try:
        if path.suffix.lower() == ".csv":
            yield from table.with_row_index(ROW).collect_batches(chunk_size=BATCH_ROWS)
        else:
            for offset in range(0, total, BATCH_ROWS):
                yield table.slice(offset, BATCH_ROWS).with_row_index(ROW, offset=offset).collect()
    except (OSError, pl.exceptions.PolarsError, ValueError) as exc:
        raise FactsError(f"{path}: cannot read the table: {exc}") from None


def _routed(batch: pl.DataFrame, owners: _Owners) -> pl.DataFrame:
    """*batch* with its partition and the hash of its id (null for no id)."""
    officer = batch.get_column("officer") if "officer" in batch.columns else pl.Series("officer", [None] * batch.height, dtype=pl.Null)
    id_hash = (pl.when(pl.col("id").is_not_null()).then(pl.col("id").hash(seed=0)) if "id" in batch.columns
               else pl.lit(None, dtype=pl.UInt64))
    return batch.with_columns(owners.of(officer).alias(_PART), id_hash.alias(_HASH), pl.col(ROW).cast(pl.Int64))


def _split(path: Path, table: pl.LazyFrame, owners: _Owners, total: int, spill: Path) -> dict[int, list[int]] | None:
    """Write the training records to one spill file, each partition's as its own record batches.

    Gives the record batches of each partition, or ``None`` if an id lies in
    two partitions. The ids' hashes go to bucket files by their top bits, so
    finding a repeated id holds one bucket at a time.
    """
    import contextlib

    import pyarrow as pa
    import pyarrow.ipc

    index: dict[int, list[int]] = {}
    written = 0
    # uncompressed: a partition's slice of a batch is a record batch of its own, and lz4 per slice costs 4× the writing
    options = pa.ipc.IpcWriteOptions(compression=None)
    with contextlib.ExitStack() as files:
        buckets = [files.enter_context(open(spill / f"ids-{b}.u64", "wb")) for b in range(_BUCKETS)]
        writer: pa.ipc.RecordBatchFileWriter | None = None
        schema: pa.Schema | None = None
        for batch in _batches(path, table, total):
            batch = _routed(batch, owners).sort(_PART, maintain_order=True)  # (a partition's rows stay in file order)
            _bucket(batch.get_column(_HASH).drop_nulls().to_numpy(), buckets)
            arrow = batch.drop(_HASH, _PART).to_arrow()
            if writer is None:
                schema = arrow.schema
                writer = files.enter_context(pa.ipc.new_file(spill / SPILL_FILE, schema, options=options))
            elif arrow.schema != schema:
                arrow = arrow.cast(schema)
            offset = 0
            for length, part in batch.get_column(_PART).rle().struct.unnest().iter_rows():
                for record_batch in arrow.slice(offset, length).to_batches():
                    writer.write_batch(record_batch)
                    index.setdefault(part, []).append(written)
                    written += 1
                offset += length
    if _repeats_across_partitions(path, table, owners, total, spill):
        return None
    return index


def _bucket(hashes: np.ndarray, buckets: list[Any]) -> None:
    """Append *hashes* to the bucket files chosen by their top bits."""
    hashes = np.sort(hashes)
    bounds = np.searchsorted(hashes, np.arange(1, _BUCKETS, dtype=np.uint64) << np.uint64(64 - _BUCKET_BITS))
    for out, piece in zip(buckets, np.split(hashes, bounds)):
        piece.tofile(out)


def _repeats_across_partitions(path: Path, table: pl.LazyFrame, owners: _Owners, total: int, spill: Path) -> bool:
    repeated = []
    for b in range(_BUCKETS):
        bucket = spill / f"ids-{b}.u64"
        hashes = np.fromfile(bucket, dtype=np.uint64)
        bucket.unlink()
        hashes.sort()
        repeated.append(np.unique(hashes[1:][hashes[1:] == hashes[:-1]]))
    found = np.concatenate(repeated)
    return bool(found.size) and _spans_partitions(path, table, owners, total, found)


def _spans_partitions(path: Path, table: pl.LazyFrame, owners: _Owners, total: int, repeated: np.ndarray) -> bool:
    """Whether an id whose hash repeats lies in more than one partition."""
    wanted = pl.Series(repeated, dtype=pl.UInt64)
    found = pl.concat([
        batch.filter(pl.col(_HASH).is_in(wanted.implode())).select(_HASH, _PART)
        for batch in (_routed(b, owners) for b in _batches(path, table, total))
    ])
    parts = found.group_by(_HASH).agg(pl.col(_PART).n_unique().alias("parts")).get_column("parts")
    return bool(parts.len() and parts.max() > 1)  # type: ignore[operator]
