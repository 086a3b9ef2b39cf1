"""What every CLI command shares: the Typer app, the console and common options."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

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
