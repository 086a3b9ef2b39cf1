"""`newsgraph stories`, `newsgraph story show`, `newsgraph links` and `newsgraph signals`: the
stories stage from the terminal — stories and their timelines, links between articles with
their evidence, and one article's signals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.cli._util import DEFAULT_DB, DbOption, JsonOption, app, console, err_console, print_json
from newsgraph.model import LINK_KINDS
from newsgraph.store import Store
from newsgraph.store import story_queries as q
from newsgraph.store.document_queries import document_text
from newsgraph.store.id_prefix import resolve_prefix

story_app = typer.Typer(help="Show one story.", no_args_is_help=True)
app.add_typer(story_app, name="story")

#: Colour of each link kind in the tables.
KIND_STYLES = {"duplicate": "magenta", "copy": "red", "spin": "bright_magenta", "translation": "cyan",
               "same_story": "green"}


def _kind(kind: str) -> Text:
    return Text(kind, style=KIND_STYLES.get(kind, ""))


def _span(start: str | None, end: str | None) -> str:
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} – {end}"


def _unique(store: Store, table: str, prefix: str, what: str) -> str:
    ids = resolve_prefix(store, table, prefix)
    if len(ids) != 1:
        err_console.print(f"[red]no {what}[/red] with id {prefix!r}" if not ids
                          else f"[red]ambiguous {what} id prefix[/red] {prefix!r}")
        raise typer.Exit(1)
    return ids[0]


@app.command()
def stories(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    min_size: Annotated[int, typer.Option("--min-size", help="At least this many articles.")] = 0,
    since: Annotated[str | None, typer.Option(help="Stories ending on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Stories starting on or before this ISO date.")] = None,
    limit: Annotated[int, typer.Option(help="Stories to show.")] = 50,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """List stories (articles reporting one news event), largest first."""
    with Store(db, readonly=True) as store:
        total, rows = q.stories(store, q.StoryFilter(min_size, since, until), limit=limit)
    if as_json:
        print_json({"total": total, "stories": rows})
        return
    table = Table(title=f"{total} story(ies)" + (f", first {len(rows)}" if len(rows) < total else ""))
    for col, justify in (("id", "left"), ("articles", "right"), ("span", "left"), ("label", "left"),
                         ("publishers", "left")):
        table.add_column(col, justify=justify, no_wrap=col in ("id", "span"))  # type: ignore[arg-type]
    for s in rows:
        # Text, not markup: a headline like "[bold]" must print as it is.
        table.add_row(s["id"], str(s["size"]), _span(s["start"], s["end"]), Text(s["label"] or "(untitled)"),
                      Text(", ".join(s["publishers"]) or "—"))
    console.print(table)


@story_app.command("show")
def story_show(
    story_id: Annotated[str, typer.Argument(help="Story id (s…; a unique prefix is enough).")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON record.")] = False,
) -> None:
    """Show a story: label, time span, the timeline of its articles, publishers and events."""
    with Store(db, readonly=True) as store:
        st = q.story(store, _unique(store, "stories", story_id, "story"))
    assert st is not None
    if as_json:
        console.print_json(json.dumps(st, ensure_ascii=False))
        return
    head = Table(show_header=False, box=None)
    head.add_row("id", st["id"])
    head.add_row("label", Text(st["label"] or "(untitled)"))
    head.add_row("span", _span(st["start"], st["end"]))
    head.add_row("articles", str(st["size"]))
    head.add_row("publishers", Text(", ".join(st["publishers"]) or "—"))
    console.print(Panel(head, title="story"))
    t = Table(title="timeline")
    for col in ("date", "publisher", "title", "relation", "document"):
        t.add_column(col, no_wrap=col in ("date", "document"))
    for d in st["documents"]:
        lk = d["link"]
        if d["first"]:
            rel = Text("earliest", style="bold")
        elif lk:
            rel = _kind(lk["kind"])
            rel.append(f" {lk['score']:.2f}", style="dim")
        else:
            rel = Text("no link", style="dim")
        t.add_row(d["published"] or "undated", Text(d["publisher"] or "unknown"), Text(d["title"] or "—"),
                  rel, d["id"])
    console.print(t)
    if st["events"]:
        ev = Table(title=f"events ({len(st['events'])})")
        for col in ("id", "type", "trigger", "in story", "sources", "sentence"):
            ev.add_column(col, no_wrap=col in ("id", "type"))
        for e in st["events"]:
            ev.add_row(e["id"], e["type"], Text(e["trigger"]), str(e["in_story"]), str(e["source_count"]),
                       Text(" ".join(e["sentence"].split())))
        console.print(ev)


@app.command()
def links(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    kind: Annotated[str | None, typer.Option(
        "--kind", help=f"Only this kind: {', '.join(LINK_KINDS)}.")] = None,
    doc: Annotated[str | None, typer.Option(
        "--doc", help="Only links of this document (id or prefix).")] = None,
    evidence: Annotated[bool, typer.Option("--evidence", help="Print each link's aligned passages.")] = False,
    limit: Annotated[int, typer.Option(help="Links to show.")] = 50,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """List links between articles (duplicate, copy, spin, translation, same story), strongest first."""
    if kind and kind not in LINK_KINDS:
        err_console.print(f"[red]--kind must be one of[/red] {', '.join(LINK_KINDS)}")
        raise typer.Exit(2)
    with Store(db, readonly=True) as store:
        doc_id = _unique(store, "documents", doc, "document") if doc else None
        total, rows = q.links(store, q.LinkFilter(kind, doc_id), limit=limit)
        full = {(r["a"], r["b"]): q.link(store, r["a"], r["b"]) for r in rows} if evidence else {}
    if as_json:
        print_json({"total": total, "links": [{**r, "evidence": full[(r["a"], r["b"])]["evidence"]}
                                              if full.get((r["a"], r["b"])) else r for r in rows]})
        return
    table = Table(title=f"{total} link(s)" + (f", first {len(rows)}" if len(rows) < total else ""))
    for col, justify in (("kind", "left"), ("score", "right"), ("a (earlier)", "left"), ("b (later)", "left"),
                         ("evidence", "right")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        a, b = Text(r["a_doc"]["title"] or r["a"]), Text(r["b_doc"]["title"] or r["b"])
        a.append(f"\n{r['a']}", style="dim")
        b.append(f"\n{r['b']}", style="dim")
        table.add_row(_kind(r["kind"]), f"{r['score']:.2f}", a, b, str(r["evidence_count"]))
    console.print(table)
    for (a_id, b_id), rec in full.items():
        if rec is None or not rec["evidence"]:
            continue
        t = Table(title=f"{rec['kind']}: {a_id} → {b_id}", show_lines=True)
        t.add_column("a")
        t.add_column("b")
        ta, tb = rec["a_doc"]["text"], rec["b_doc"]["text"]
        for ev in rec["evidence"]:
            left = Text(" ".join(ta[ev["a_start"]:ev["a_end"]].split()))
            right = Text(" ".join(tb[ev["b_start"]:ev["b_end"]].split()))
            for x, y in ev.get("swaps") or []:
                left.highlight_words([x], style="red")
                right.highlight_words([y], style="green")
            t.add_row(left, right)
        console.print(t)


@app.command()
def signals(
    doc_id: Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stored signal records.")] = False,
) -> None:
    """Show one article's signals: value, a "look here" cue, explanation and evidence spans."""
    with Store(db, readonly=True) as store:
        did = _unique(store, "documents", doc_id, "document")
        sigs = q.document_signals(store, did)
        text = document_text(store, did)
        assert text is not None  # ``_unique`` found the document
    if as_json:
        console.print_json(json.dumps(sigs, ensure_ascii=False))
        return
    t = Table(title=f"signals of {did} (a cue is a prompt to look, not a verdict)")
    for col in ("signal", "value", "cue", "explanation", "evidence"):
        t.add_column(col, justify="right" if col == "value" else "left")  # type: ignore[arg-type]
    for s in sorted(sigs, key=lambda s: (not s.get("flagged"), s["name"])):
        v = s.get("value")
        ev = Text()
        for n, e in enumerate(s.get("evidence") or []):
            if n == 3:
                ev.append(f"… {len(s['evidence']) - 3} more", style="dim")
                break
            snippet = " ".join(text[e["start"]:e["end"]].split())
            ev.append(f"{e['start']}–{e['end']} ", style="dim")
            ev.append(snippet[:80] + ("…" if len(snippet) > 80 else ""))
            if e.get("note"):
                ev.append(f" ({e['note']})", style="dim")
            ev.append("\n")
        t.add_row(s["name"], "—" if v is None else f"{v:.2f}", Text("look here", style="yellow")
                  if s.get("flagged") else "", Text(s.get("explanation", "")), ev)
    console.print(t)
