"""`newsgraph show`: one document — metadata, clean text with mentions marked, removed blocks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.cli._util import DEFAULT_DB, LABEL_STYLES, DbOption, app, console, err_console
from newsgraph.store import Store
from newsgraph.store.entity_queries import MentionLookup
from newsgraph.store.id_prefix import resolve_prefix


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON record.")] = False,
) -> None:
    """Show a stored document."""
    with Store(db, readonly=True) as store:
        doc_id = _unique_id(store, doc_id)
        doc = store.document(doc_id)
        facts = store.facts(doc_id)
        lookup = MentionLookup(store)
        speakers = {c["id"]: lookup.confirmed_ref(c) for c in facts["claims"]}
    if doc is None:
        raise typer.Exit(1)
    if as_json:
        console.print_json(json.dumps({**doc, "facts": facts}, ensure_ascii=False))
        return
    meta = Table(show_header=False, box=None)
    for key in ("id", "path", "title", "publisher", "published", "attributed_to", "authors", "url",
                "language", "language_score", "format", "encoding", "annotated", "annotate_reason"):
        value = doc.get(key)
        if value is None or value == []:
            value = "—"  # unknown, said as such (never "None")
        # Text, not markup: a title like "[bold]" must print as it is.
        meta.add_row(key, Text(", ".join(value) if isinstance(value, list) else str(value)))
    console.print(Panel(meta, title="document"))
    text = Text(doc["text"])
    for m in doc["mentions"]:
        text.stylize(LABEL_STYLES.get(m["label"], "bold"), m["start"], m["end"])
    console.print(Panel(text, title="clean text (mentions marked)"))
    if doc["mentions"]:
        legend = Text("  ".join(f"{k}" for k in sorted({m['label'] for m in doc['mentions']})))
        for label in {m["label"] for m in doc["mentions"]}:
            i = legend.plain.find(label)
            legend.stylize(LABEL_STYLES.get(label, "bold"), i, i + len(label))
        console.print(legend)
    _print_facts(facts, speakers)
    if doc["removed"]:
        removed = Table(title="removed boilerplate", show_lines=False)
        removed.add_column("line", justify="right")
        removed.add_column("kind")
        removed.add_column("text")
        for b in doc["removed"]:
            removed.add_row(str(b["line"]), b["kind"], b["text"][:200])
        console.print(removed)


def _unique_id(store: Store, prefix: str) -> str:
    rows = resolve_prefix(store, "documents", prefix)
    if len(rows) == 1:
        return rows[0]
    err_console.print(f"[red]no document[/red] with id {prefix!r}" if not rows
                      else f"[red]ambiguous id prefix[/red] {prefix!r}")
    raise typer.Exit(1)


def _print_facts(facts: dict, speakers: dict[str, dict | None]) -> None:
    """Claims, events, dates and places found in the document, one compact table each; a
    claim's speaker as resolution confirms it (``speakers``: claim id → its name's span)."""
    if facts["claims"]:
        t = Table(title="claims")
        for col in ("speaker", "cue", "certainty", "content"):
            t.add_column(col)
        for c in facts["claims"]:
            speaker = (speakers.get(c["id"]) or c.get("speaker") or {}).get("text", "")
            cue = (c.get("cue") or {}).get("text", "")
            t.add_row(speaker, cue, c["certainty"], c["content"]["text"][:160])
        console.print(t)
    if facts["event_mentions"]:
        t = Table(title="event mentions")
        for col in ("type", "trigger", "actors", "targets", "place", "date", "flags"):
            t.add_column(col)
        for e in facts["event_mentions"]:
            flags = [k for k in ("negated", "hypothetical", "attempted", "historical") if e["flags"][k]]
            t.add_row(e["type"] + (f"/{e['mode']}" if e["mode"] else ""), e["trigger"]["text"],
                      "; ".join(a["text"] for a in e["actors"]), "; ".join(a["text"] for a in e["targets"]),
                      (e["place"] or {}).get("name", ""), (e["date"] or {}).get("start", ""),
                      ", ".join(flags))
        console.print(t)
    if facts["times"]:
        console.print("dates: " + "; ".join(f"{t['text']} → {t['value']}" for t in facts["times"]))
    if facts["places"]:
        console.print("places: " + "; ".join(
            f"{p['text']} → {p['name']} ({p['country']}, {p['lat']:.2f}, {p['lon']:.2f})"
            for p in facts["places"] if p.get("lat") is not None))
