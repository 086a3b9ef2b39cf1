"""`newsgraph events` and `newsgraph event show`: resolved events, filtered, and one event with
every evidence sentence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.cli._util import (
    DEFAULT_DB,
    Column,
    DbOption,
    JsonOption,
    add_fitted_row,
    app,
    console,
    err_console,
    fitted_table,
    print_json,
)
from newsgraph.store import Store
from newsgraph.store import event_queries as q
from newsgraph.store.id_prefix import resolve_prefix

event_app = typer.Typer(help="Show one resolved event.", no_args_is_help=True)
app.add_typer(event_app, name="event")

#: Colour of each flag in the tables.
FLAG_STYLES = {"negated": "red", "hypothetical": "yellow", "attempted": "magenta", "historical": "blue",
               "reported": "cyan"}


def _args(args: list[dict], ids: bool = True) -> Text:
    # Text, not a markup string: article words like "[bold]" must print as they are.
    names = [f"{a['name']} [{a['entity']}]" if "entity" in a and ids else a.get("name") or a["text"]
             for a in args]
    return Text("; ".join(names) or "—")


#: The list's columns, narrowest widths and what is dropped first on a narrow terminal
#: (flags, then the place; ids are cut to a prefix `event show` takes below 120 columns).
EVENT_COLUMNS = [Column("id", 11, 9, no_wrap=True), Column("type", 9, 10), Column("actors", 9, 8),
                 Column("targets", 9, 7), Column("place", 7, 4), Column("date", 10, 6, no_wrap=True),
                 Column("src", 4, 5, justify="right"), Column("flags", 4, 3)]
#: Below this width the list shortens ids and leaves entity ids out of the arguments.
WIDE = 120


def _date(date: dict | None) -> str:
    """The date as precise as it is known: "2017" for a year, "2014-12" for a month."""
    if not date:
        return "—"
    cut = {"year": 4, "month": 7}.get(date.get("precision") or "", 10)
    return date["start"][:cut]


#: Flags as the narrow list writes them (its caption says what they stand for).
FLAG_SHORT = {"negated": "neg", "hypothetical": "hyp", "attempted": "try", "historical": "hist",
              "reported": "rep"}


def _flags(flags: dict[str, bool], short: bool = False) -> Text:
    out = Text()
    for f in q.EVENT_FLAGS:
        if flags.get(f):
            out.append((FLAG_SHORT.get(f, f) if short else f) + " ", style=FLAG_STYLES.get(f, ""))
    return out


@app.command()
def events(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="Only this type (ASSAULT…, DISASTER).")] = None,
    actor: Annotated[str | None, typer.Option(help="An entity id (E…) or words of an actor.")] = None,
    target: Annotated[str | None, typer.Option(help="An entity id (E…) or words of a target.")] = None,
    place: Annotated[str | None, typer.Option(help="Words of the place.")] = None,
    since: Annotated[str | None, typer.Option(help="Events ending on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events starting on or before this ISO date.")] = None,
    min_sources: Annotated[int, typer.Option("--min-sources", help=(
        "At least this many independent reports (a copy, a republication and one publisher's "
        "articles count once)."))] = 0,
    flag: Annotated[list[str] | None, typer.Option("--flag", help=(
        f"Only events with this flag: {', '.join(q.EVENT_FLAGS)} (repeat to require several)."))] = None,
    limit: Annotated[int, typer.Option(help="Events to show.")] = 50,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """List events (one per real-world event, however many articles report it), most sources first."""
    bad = [f for f in flag or [] if f not in q.EVENT_FLAGS]
    if bad:
        err_console.print(f"[red]--flag must be one of[/red] {', '.join(q.EVENT_FLAGS)}")
        raise typer.Exit(2)
    filt = q.EventFilter(type.upper() if type else None, actor, target, place, since, until, list(flag or []),
                         min_sources)
    with Store(db, readonly=True) as store:
        total, rows = q.events(store, filt, limit=limit)
    if as_json:
        print_json({"total": total, "events": rows})
        return
    wide = console.width >= WIDE
    title = f"{total} event(s)" + (f", first {len(rows)}" if len(rows) < total else "")
    if not wide:
        title += " (ids shortened: `newsgraph event show` takes a prefix)"
    table, kept = fitted_table(title, EVENT_COLUMNS)
    for e in rows:
        first = e["mentions"][0] if e["mentions"] else None
        kind = Text(e["type"], style="bold")
        if e["mode"]:
            kind.append(f"\n{e['mode']}")
        if first:  # the trigger says which word was coded; `event show` gives the sentences
            kind.append(f"\n“{first['trigger']['text']}”", style="dim")
        sources = f"{e['source_count']}"
        if e["publisher_count"] != e["source_count"]:
            sources += f"/{e['publisher_count']}i"  # independent reports
        add_fitted_row(table, kept, {
            "id": e["id"] if wide else e["id"][:11], "type": kind,
            "actors": _args(e["actors"], wide), "targets": _args(e["targets"], wide),
            "place": Text((e["location"] or {}).get("name") or "—"), "date": _date(e["date"]),
            "src": sources, "flags": _flags(e["flags"], short=not wide)})
    if not wide and "flags" in kept:
        table.caption = "flags: " + ", ".join(f"{v} {k}" for k, v in FLAG_SHORT.items())
    console.print(table)


@event_app.command("show")
def show(
    event_id: Annotated[str, typer.Argument(help="Event id (ev_…; a unique prefix is enough).")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON record.")] = False,
) -> None:
    """Show an event: type, arguments, place, date, flags, sources, every evidence sentence, and
    the related events kept apart from it (with why)."""
    with Store(db, readonly=True) as store:
        ids = resolve_prefix(store, "events", event_id)
        if len(ids) != 1:
            err_console.print(f"[red]no event[/red] with id {event_id!r}" if not ids
                              else f"[red]ambiguous event id prefix[/red] {event_id!r}")
            raise typer.Exit(1)
        ev = q.event(store, ids[0])
    assert ev is not None
    if as_json:
        console.print_json(json.dumps(ev, ensure_ascii=False))
        return
    head = Table(show_header=False, box=None)
    head.add_row("id", ev["id"])
    head.add_row("type", ev["type"] + (f" / {ev['mode']}" if ev["mode"] else ""))
    head.add_row("actors", _args(ev["actors"]))
    head.add_row("targets", _args(ev["targets"]))
    loc = ev["location"]
    head.add_row("place", Text("—" if not loc else loc["name"] + (
        f" ({loc['lat']:.4f}, {loc['lon']:.4f})" if loc.get("lat") is not None else "")))
    date = ev["date"]
    head.add_row("date", "—" if not date else f"{date['start']} – {date['end']} ({date['precision'] or '?'})")
    head.add_row("flags", _flags(ev["flags"]))
    head.add_row("sources", f"{ev['source_count']} document(s), "
                            f"{ev['publisher_count']} independent report(s)")
    ind = ev.get("independent")
    if ind:
        lines = Text()
        for r in ind["reports"]:
            lines.append(r["label"] + "\n")
            for f in r["folded"]:
                lines.append(f"  not counted again: {f['title'] or 'untitled article'} — {f['reason']}\n",
                             style="dim")
        head.add_row("reports", lines)
    console.print(Panel(head, title="event"))
    t = Table(title=f"evidence ({len(ev['mentions'])} sentence(s))")
    for col in ("document", "trigger", "sentence"):
        t.add_column(col)
    for m in ev["mentions"]:
        s, trig = m["sentence"], m["trigger"]
        sentence = Text(s["text"].rstrip())
        sentence.stylize("bold reverse", trig["start"] - s["start"], trig["end"] - s["start"])
        doc = Text(m.get("doc_title") or m["doc"])
        doc.append(f"\n{m['doc']}", style="dim")
        t.add_row(doc, Text(trig["text"]), sentence)
    console.print(t)
    if ev["related"]:
        # Kept apart from this event: another occurrence (or not known to be the same one).
        r = Table(title=f"related events, not the same occurrence ({len(ev['related'])})")
        for col in ("event", "why kept apart", "first report"):
            r.add_column(col)
        for rel in ev["related"]:
            kind = Text(rel["event"])
            kind.append(f"\n{rel['type']}" + (f"/{rel['mode']}" if rel.get("mode") else ""), style="bold")
            if rel.get("date"):
                kind.append(f"\n{rel['date']['start']}", style="dim")
            kind.append(f"\n{rel['source_count']} source(s)", style="dim")
            first = rel.get("first")
            sentence = Text("—")
            if first:
                s, trig = first["sentence"], first["trigger"]
                sentence = Text(s["text"].rstrip())
                sentence.stylize("bold reverse", trig["start"] - s["start"], trig["end"] - s["start"])
                sentence.append(f"\n{first.get('doc_title') or first['doc']}", style="dim")
            r.add_row(kind, Text(f"{rel['reason']} (alike {rel['score']:.2f})"), sentence)
        console.print(r)
