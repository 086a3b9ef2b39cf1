"""`newsgraph search`: full-text search with highlighted snippets."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from newsgraph.cli._util import DEFAULT_DB, DbOption, JsonOption, app, console, print_json
from newsgraph.store import Store


def snippet_text(snippet: str) -> Text:
    """Render the store's \\x02…\\x03 match markers as bold text."""
    out = Text()
    for i, part in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        out.append(part, style="bold yellow" if i % 2 else None)
    return out


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (ANDed), "phrases", prefix*, OR.')],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Hits to show.")] = 20,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """Search titles and clean text of the stored articles."""
    with Store(db, readonly=True) as store:
        total, hits = store.search(query, limit=limit)
    if as_json:
        print_json({"total": total, "query": query, "hits": [
            {**asdict(h), "snippet": h.snippet.replace("\x02", "").replace("\x03", "")} for h in hits]})
        return
    table = Table(title=f"{total} match(es) for {query!r}")
    table.add_column("id", no_wrap=True)
    table.add_column("title / snippet")
    table.add_column("publisher")
    table.add_column("published", no_wrap=True)
    for h in hits:
        cell = Text(h.title or h.path, style="bold")
        cell.append("\n")
        cell.append_text(snippet_text(h.snippet))
        table.add_row(h.id, cell, h.publisher or "", h.published or "")
    console.print(table)
