"""`newsgraph claims`: the attributed claims in the store, as a table (speaker, cue, certainty,
content, and the events the content reports: type, trigger, event id)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from newsgraph.cli._util import DEFAULT_DB, DbOption, JsonOption, app, console, err_console, print_json
from newsgraph.model import CERTAINTIES
from newsgraph.store import Store
from newsgraph.store.claim_event_queries import events_of_mentions
from newsgraph.store.facts_queries import ClaimFilter
from newsgraph.store.facts_queries import claims as query_claims

#: Colour of each certainty in the table.
CERTAINTY_STYLES = {"asserted": "green", "hedged": "yellow", "denied": "red"}


def _events_cell(claim: dict[str, Any], reported: dict[str, dict[str, Any]]) -> Text:
    cell = Text()
    for m in claim.get("events") or []:
        ev = reported.get(m)
        if ev is None:
            continue
        if cell:
            cell.append("\n")
        cell.append(ev["type"], style="magenta")
        cell.append(f" “{ev['trigger']}”")
        if ev["event"]:
            cell.append(f" {ev['event']}", style="dim")
    return cell or Text("—")


@app.command()
def claims(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document (its id).")] = None,
    certainty: Annotated[str | None, typer.Option(
        help=f"Only claims of this certainty: {', '.join(CERTAINTIES)}.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only speakers whose text contains this.")] = None,
    limit: Annotated[int, typer.Option(help="Claims to show.")] = 100,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """List attributed claims: who said what, through which cue, how sure."""
    if certainty and certainty not in CERTAINTIES:
        err_console.print(f"[red]--certainty must be one of[/red] {', '.join(CERTAINTIES)}")
        raise typer.Exit(2)
    with Store(db, readonly=True) as store:
        total, rows = query_claims(store, ClaimFilter(doc=doc, certainty=certainty, speaker=speaker),
                                   limit=limit)
        reported = events_of_mentions(store, [m for c in rows for m in c.get("events") or []])
    if as_json:
        print_json({"total": total, "claims": rows})
        return
    table = Table(title=f"{total} claim(s)" + (f", first {len(rows)}" if len(rows) < total else ""))
    table.add_column("speaker")
    table.add_column("cue")
    table.add_column("certainty", no_wrap=True)
    table.add_column("content")
    table.add_column("events")
    table.add_column("doc", no_wrap=True)
    for c in rows:
        ref = c.get("speaker_ref")
        name = ref["text"] if ref else (c["speaker"]["text"] if c.get("speaker") else "—")
        speaker_cell = Text(name, style="bold cyan")
        if c.get("speaker_kind"):
            speaker_cell.append(f" ({c['speaker_kind']})", style="dim")
        table.add_row(speaker_cell, c["cue"]["text"] if c.get("cue") else "—",
                      Text(c["certainty"], style=CERTAINTY_STYLES.get(c["certainty"], "")),
                      c["content"]["text"].strip(), _events_cell(c, reported), c["doc"][:8])
    console.print(table)
