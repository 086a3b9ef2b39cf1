"""What every CLI command shares: the Typer app, the console and common options."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import typer
from rich import box
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into a sourced knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err_console = Console(stderr=True)

DEFAULT_DB = Path("newsgraph.db")
DbOption = typer.Option("--db", help="SQLite database file (created if absent).", envvar="NEWSGRAPH_DB")

LABEL_STYLES = {
    "PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green", "LOC": "green",
    "FAC": "yellow", "NORP": "blue", "EVENT": "red", "PRODUCT": "bright_black",
    "WORK_OF_ART": "bright_black", "LAW": "bright_black", "LANGUAGE": "bright_black",
}


#: ``--json`` on list and show commands: the records as JSON on stdout, nothing else.
JsonOption = typer.Option("--json", help="Print the records as JSON (for jq and scripts).")


def print_json(data: object) -> None:
    """JSON on stdout, unwrapped and uncoloured whatever the terminal (for pipes and jq)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@dataclass(frozen=True, slots=True)
class Column:
    """A list table's column: the narrowest it may be, and which to drop first when the
    terminal is too narrow for all (lower ``keep`` goes first)."""

    name: str
    min_width: int
    keep: int
    justify: str = "left"
    no_wrap: bool = False


#: Width one column costs beyond its text (padding and rule) in ``fitted_table``.
_COLUMN_COST = 2


def fitted_table(title: str, columns: list[Column], width: int | None = None) -> tuple[Table, list[str]]:
    """A table of the columns that fit ``width`` (the console's), dropping the least kept
    first, and the names of the columns kept (rows are given in that order)."""
    width = width or console.width
    kept = list(columns)
    while len(kept) > 1 and sum(c.min_width + _COLUMN_COST for c in kept) > width:
        kept.remove(min(kept, key=lambda c: c.keep))
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for c in kept:
        table.add_column(c.name, justify=c.justify, no_wrap=c.no_wrap, min_width=c.min_width,  # type: ignore[arg-type]
                         overflow="fold")
    return table, [c.name for c in kept]


def add_fitted_row(table: Table, kept: list[str], cells: dict[str, object]) -> None:
    table.add_row(*(cells[name] for name in kept))  # type: ignore[arg-type]
