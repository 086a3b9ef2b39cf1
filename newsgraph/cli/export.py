"""`newsgraph export`: the store as JSON Lines (the contract in DESIGN.md)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli._util import DEFAULT_DB, DbOption, app, err_console
from newsgraph.export import write_jsonl
from newsgraph.store import Store


class Format(StrEnum):
    jsonl = "jsonl"


@app.command()
def export(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default: stdout).")] = None,
) -> None:
    """Export documents, entities (and later events, claims, stories, links)."""
    with Store(db, readonly=True) as store:
        if output is None:
            counts = write_jsonl(store, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as fh:
                counts = write_jsonl(store, fh)
    err_console.print("exported " + ", ".join(f"{n} {k}(s)" for k, n in counts.items()))
