"""`newsgraph export`: the store in the JSONL contract and the formats analysts' tools read."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli._util import DEFAULT_DB, DbOption, app, err_console
from newsgraph.export import iter_records, write_jsonl
from newsgraph.store import Store


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"
    ftm = "ftm"
    plover = "plover"


#: Formats written as one file per table into a directory.
DIRECTORY_FORMATS = {Format.csv, Format.parquet}


def _write(store: Store, fmt: Format, output: Path | None, unnamed: bool = False) -> dict[str, int]:
    records = iter_records(store)
    if fmt in DIRECTORY_FORMATS:
        from newsgraph.export.tabular import write_csv, write_parquet
        assert output is not None
        return (write_csv if fmt is Format.csv else write_parquet)(records, output)
    if fmt is Format.graphml:
        from newsgraph.export.graph import write_graphml
        if output is None:
            return write_graphml(records, sys.stdout.buffer, unnamed)
        return write_graphml(records, output, unnamed)
    if fmt is Format.ftm:
        from newsgraph.export.ftm import write_ftm as write_text
    elif fmt is Format.plover:
        from newsgraph.export.plover import write_plover as write_text
    else:
        write_text = write_jsonl  # type: ignore[assignment]
        records = store  # type: ignore[assignment]  # write_jsonl reads the store itself
    if output is None:
        return write_text(records, sys.stdout)  # type: ignore[arg-type]
    with output.open("w", encoding="utf-8") as fh:
        return write_text(records, fh)  # type: ignore[arg-type]


@app.command()
def export(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    format: Annotated[Format, typer.Option(
        "--format", "-f",
        help="jsonl (the contract), csv or parquet (a directory of tables), graphml (entity/event "
             "network), ftm (FollowTheMoney entities), plover (PLOVER JSON events).")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File (default: stdout); a directory for csv and parquet.")] = None,
    unnamed: Annotated[bool, typer.Option(
        "--unnamed", help="graphml: unnamed referents (\"a woman\" of one article) as nodes too.")] = False,
) -> None:
    """Export documents, entities, events, claims, stories and links."""
    if format in DIRECTORY_FORMATS and output is None:
        err_console.print(f"[red]--format {format.value} writes one file per table: give a "
                          "directory with --output[/red]")
        raise typer.Exit(2)
    if output is not None and format in DIRECTORY_FORMATS and output.exists() and not output.is_dir():
        err_console.print(f"[red]{output}: exists and is not a directory[/red]")
        raise typer.Exit(2)
    with Store(db, readonly=True) as store:
        counts = _write(store, format, output, unnamed)
    err_console.print("exported: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
