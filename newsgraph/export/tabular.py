"""CSV and Parquet export: one file per table of ``export.tables`` in an output directory.

CSV is written with the standard library (UTF-8 with a BOM so spreadsheet programs
read accents right, every field quoted where needed); Parquet with pyarrow, in row
groups of ``ROW_GROUP`` rows so a large store streams through bounded memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.export.tables import COLUMNS, ColumnType, as_text, table_rows

__all__ = ["write_csv", "write_parquet"]

#: Rows buffered per table before a Parquet row group is written.
ROW_GROUP = 5_000

_ARROW: dict[ColumnType, pa.DataType] = {
    "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
    "list": pa.list_(pa.string()), "json": pa.string(),
}


def write_csv(records: Iterable[dict[str, Any]], directory: Path) -> dict[str, int]:
    """``<table>.csv`` for every table (header only when empty); returns rows per table."""
    directory.mkdir(parents=True, exist_ok=True)
    handles = {t: (directory / f"{t}.csv").open("w", encoding="utf-8-sig", newline="") for t in COLUMNS}
    counts = dict.fromkeys(COLUMNS, 0)
    try:
        writers = {t: csv.writer(fh) for t, fh in handles.items()}
        for table, cols in COLUMNS.items():
            writers[table].writerow(list(cols))
        for table, row in table_rows(records):
            cols = COLUMNS[table]
            writers[table].writerow([as_text(row.get(c), kind) for c, kind in cols.items()])
            counts[table] += 1
    finally:
        for fh in handles.values():
            fh.close()
    return counts


def _cell(value: Any, kind: ColumnType) -> Any:
    if value is None:
        return None
    if kind == "json":
        return as_text(value, kind)
    if kind == "list":
        return [None if v is None else str(v) for v in value]
    return value


def write_parquet(records: Iterable[dict[str, Any]], directory: Path) -> dict[str, int]:
    """``<table>.parquet`` for every table, typed as ``tables.COLUMNS`` says."""
    directory.mkdir(parents=True, exist_ok=True)
    schemas = {t: pa.schema([(c, _ARROW[k]) for c, k in cols.items()]) for t, cols in COLUMNS.items()}
    writers = {t: pq.ParquetWriter(directory / f"{t}.parquet", schemas[t]) for t in COLUMNS}
    buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in COLUMNS}
    counts = dict.fromkeys(COLUMNS, 0)

    def flush(table: str) -> None:
        if buffers[table]:
            writers[table].write_table(pa.Table.from_pylist(buffers[table], schema=schemas[table]))
            buffers[table].clear()

    try:
        for table, row in table_rows(records):
            cols = COLUMNS[table]
            buffers[table].append({c: _cell(row.get(c), k) for c, k in cols.items()})
            counts[table] += 1
            if len(buffers[table]) >= ROW_GROUP:
                flush(table)
        for table in COLUMNS:
            flush(table)
    finally:
        for w in writers.values():
            w.close()
    return counts
