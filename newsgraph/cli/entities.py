"""`newsgraph entities` and `newsgraph entity …`: list, show and edit resolved entities.

Edits (merge, split, rename, alias, distinct) go through ``CorpusResolver.edit``: they
are logged in the audit log (``newsgraph entity edits``), applied at once, and
re-applied on every later ingest; ``withdraw`` takes one back (the log keeps it).
Entity ids may be given as a unique prefix.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.cli._util import (
    DEFAULT_DB,
    LABEL_STYLES,
    DbOption,
    JsonOption,
    app,
    console,
    err_console,
    print_json,
)
from newsgraph.errors import NewsgraphError
from newsgraph.model import Edit
from newsgraph.store import Store
from newsgraph.store import entity_queries as q
from newsgraph.store.event_queries import entity_events
from newsgraph.store.id_prefix import resolve_prefix

entity_app = typer.Typer(help="Show and edit one resolved entity; the edit log.", no_args_is_help=True)
app.add_typer(entity_app, name="entity")

AuthorOption = typer.Option("--author", help="Who makes the edit (kept in the audit log).",
                            envvar="NEWSGRAPH_AUTHOR")
NoteOption = typer.Option("--note", help="Why (kept in the audit log).")


@app.command()
def entities(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="Only this type (PERSON, ORG, GPE…).")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Words of the name or of any alias.")] = None,
    min_mentions: Annotated[int, typer.Option("--min-mentions", help="At least this many mentions.")] = 0,
    limit: Annotated[int, typer.Option(help="Entities to show.")] = 50,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """List resolved entities, most mentioned first, with their aliases."""
    with Store(db, readonly=True) as store:
        total, rows = q.entities(store, q.EntityFilter(type.upper() if type else None, name, min_mentions),
                                 limit=limit)
    if as_json:
        print_json({"total": total, "entities": rows})
        return
    table = Table(title=f"{total} entit{'y' if total == 1 else 'ies'}"
                  + (f", first {len(rows)}" if len(rows) < total else ""))
    for col, justify in (("id", "left"), ("name", "left"), ("type", "left"), ("mentions", "right"),
                         ("docs", "right"), ("aliases", "left")):
        table.add_column(col, justify=justify, no_wrap=col == "id")  # type: ignore[arg-type]
    for r in rows:
        table.add_row(r["id"], Text(r["name"], style=LABEL_STYLES.get(r["type"], "bold")),
                      r["type"] + (f" {r['type_confidence']:.0%}" if r["type_confidence"] < 1 else ""),
                      str(r["mention_count"]), str(r["doc_count"]),
                      Text(", ".join(f"{a} ({n})" for a, n in r.get("aliases", {}).items())))
    console.print(table)


def _resolve_id(store: Store, prefix: str) -> str:
    rows = resolve_prefix(store, "entities", prefix)
    if len(rows) == 1:
        return rows[0]
    err_console.print(f"[red]no entity[/red] with id {prefix!r}" if not rows
                      else f"[red]ambiguous entity id prefix[/red] {prefix!r}")
    raise typer.Exit(1)


@entity_app.command("show")
def show(
    entity_id: Annotated[str, typer.Argument(help="Entity id (a unique prefix is enough).")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    mentions: Annotated[int, typer.Option("--mentions", help="Mentions to list.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON record.")] = False,
) -> None:
    """Show an entity: type and votes, aliases, mentions in their sentences, co-occurring
    entities, events, and why its mentions were merged."""
    with Store(db, readonly=True) as store:
        eid = _resolve_id(store, entity_id)
        ent = q.entity(store, eid)
        assert ent is not None
        total, ms = q.entity_mentions(store, eid, limit=mentions)
        co = q.cooccurring(store, eid, limit=15)
        evs = entity_events(store, eid)
        by, about = q.claims_by(store, eid), q.claims_about(store, eid)
    if as_json:
        console.print_json(json.dumps({**ent, "mentions": ms, "mentions_total": total, "cooccurring": co,
                                       "events": evs}, ensure_ascii=False))
        return
    head = Table(show_header=False, box=None)
    head.add_row("id", eid)
    head.add_row("name", Text(ent["name"], style=LABEL_STYLES.get(ent["type"], "bold")))
    head.add_row("type", f"{ent['type']} ({ent['type_confidence']:.0%}; votes "
                 + ", ".join(f"{k} {v}" for k, v in ent.get("type_votes", {}).items()) + ")")
    head.add_row("aliases", Text(", ".join(f"{a} ({n})" for a, n in ent.get("aliases", {}).items())))
    head.add_row("mentions", f"{ent['mention_count']} in {ent['doc_count']} document(s)")
    head.add_row("claims", f"{len(by)} by it, {len(about)} about it")
    console.print(Panel(head, title="entity"))
    t = Table(title=f"mentions ({len(ms)} of {total})")
    for col in ("key", "text", "method", "sentence"):
        t.add_column(col, no_wrap=col == "key")
    for m in ms:
        sentence = Text(" ".join((m["sentence"] or {}).get("text", "").split()))
        i = sentence.plain.find(m["text"])
        if i >= 0:
            sentence.stylize("bold reverse", i, i + len(m["text"]))
        method = m["method"] + (f" {m['score']:.2f}" if m["method"] not in ("found", "exact") else "")
        t.add_row(f"{m['doc']}:{m['start']}-{m['end']}", Text(m["text"]), method, sentence)
    console.print(t)
    if co:
        pairs = [f"{c['name']} [{c['id']}] ({c['sentences']} sent., {c['documents']} doc.)" for c in co]
        console.print("mentioned with: " + "; ".join(pairs), markup=False)
    if evs:
        et = Table(title="events")
        for col in ("event", "type", "role", "sources", "sentence"):
            et.add_column(col)
        for e in evs:
            et.add_row(e["id"], e["type"] + (f"/{e['mode']}" if e["mode"] else ""), " & ".join(e["roles"]),
                       str(e["sources"]), Text(e["sentence"][:200]))
        console.print(et)
    for ev in ent.get("evidence", []):
        shared = f" · shared: {', '.join(ev.get('shared', []))}" if ev.get("shared") else ""
        console.print(f"[dim]merged[/dim] {ev.get('chain')} score {ev.get('score', 0):.2f}: "
                      f"{ev.get('reason', '')}{shared}", markup=False)


def _apply(db: Path, build: str, ids: list[str], **kwargs: object) -> None:
    """Build the edit named ``build`` against the current resolver state, log and apply it."""
    from newsgraph.api.edits import build_edit  # the one op → builder dispatch, shared with the API
    from newsgraph.resolve_job import CorpusResolver

    with Store(db) as store, _writing(store, "entity edit from the CLI"):
        full = [_resolve_id(store, i) for i in ids]
        corpus = CorpusResolver(store)
        try:
            edit = build_edit(corpus.entities, build, full, **kwargs)  # type: ignore[arg-type]
        except NewsgraphError as exc:
            err_console.print(f"[red]edit refused[/red] ({exc.code}): {exc.reason}")
            raise typer.Exit(1) from exc
        corpus.edit(edit)
        now = corpus.entities.entity_of(edit.anchors[0])
        ent = q.entity(store, now) if now else None
    console.print(f"[green]{edit.op}[/green] logged as [bold]{edit.id}[/bold]"
                  + (f"; now {escape(ent['name'])} \\[{ent['id']}], {ent['mention_count']} mention(s)"
                     if ent else ""))


@entity_app.command("merge")
def merge(
    entity_ids: Annotated[list[str], typer.Argument(help="Two or more entity ids: they are one entity.")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    author: Annotated[str | None, AuthorOption] = None,
    note: Annotated[str | None, NoteOption] = None,
) -> None:
    """Merge entities into one (kept on every later run): the first keeps its id, name and type."""
    _apply(db, "merge", entity_ids, author=author, note=note)


@entity_app.command("split")
def split(
    entity_id: Annotated[str, typer.Argument(help="The entity to split.")],
    mention: Annotated[list[str], typer.Option("--mention", help=(
        "A mention key doc:start-end (see `entity show`) to move out; repeat for several."))],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    author: Annotated[str | None, AuthorOption] = None,
    note: Annotated[str | None, NoteOption] = None,
) -> None:
    """Move mentions out of an entity into a new one (and keep them out)."""
    _apply(db, "split", [entity_id], mentions=mention, author=author, note=note)


@entity_app.command("rename")
def rename(
    entity_id: Annotated[str, typer.Argument(help="The entity.")],
    name: Annotated[str, typer.Argument(help="Its canonical name from now on.")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    author: Annotated[str | None, AuthorOption] = None,
    note: Annotated[str | None, NoteOption] = None,
) -> None:
    """Give an entity its canonical name."""
    _apply(db, "rename", [entity_id], value=name, author=author, note=note)


@entity_app.command("retype")
def retype(
    entity_id: Annotated[str, typer.Argument(help="The entity.")],
    etype: Annotated[str, typer.Argument(metavar="TYPE", help="Its type from now on (PERSON, ORG, GPE…).")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    author: Annotated[str | None, AuthorOption] = None,
    note: Annotated[str | None, NoteOption] = None,
) -> None:
    """Set an entity's type, whatever its mentions voted."""
    _apply(db, "retype", [entity_id], value=etype, author=author, note=note)


@entity_app.command("alias")
def alias(
    entity_id: Annotated[str, typer.Argument(help="The entity.")],
    name: Annotated[str, typer.Argument(help="The alias.")],
    remove: Annotated[bool, typer.Option("--remove", help=(
        "Remove the alias: its mentions leave the entity and may not rejoin."))] = False,
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    author: Annotated[str | None, AuthorOption] = None,
    note: Annotated[str | None, NoteOption] = None,
) -> None:
    """Add an alias (later mentions spelled so join the entity), or remove one."""
    _apply(db, "alias_remove" if remove else "alias_add", [entity_id], value=name, author=author, note=note)


@entity_app.command("distinct")
def distinct(
    a: Annotated[str, typer.Argument(help="One entity.")],
    b: Annotated[str, typer.Argument(help="Another entity: never the same as the first.")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    author: Annotated[str | None, AuthorOption] = None,
    note: Annotated[str | None, NoteOption] = None,
) -> None:
    """Mark two entities as not the same, whatever later evidence says."""
    _apply(db, "distinct", [a, b], author=author, note=note)


@entity_app.command("edits")
def edits(
    db: Annotated[Path, DbOption] = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Edits to show.")] = 100,
    as_json: Annotated[bool, JsonOption] = False,
) -> None:
    """The audit log: every edit, newest first, with author, time and whether it was withdrawn."""
    with Store(db, readonly=True) as store:
        total, rows = q.edit_log(store, limit=limit)
    if as_json:
        print_json({"total": total, "edits": rows})
        return
    table = Table(title=f"{total} edit(s)")
    for col in ("id", "op", "entities", "value / mentions", "author", "created", "withdrawn"):
        table.add_column(col, no_wrap=col in ("id", "created"))
    for r in rows:
        e = Edit.from_dict(r["edit"])
        detail = e.value or ", ".join(e.mentions)
        table.add_row(r["id"], r["op"], ", ".join(e.entities), Text(detail), Text(r["author"] or "—"),
                      r["created"],
                      Text(r["withdrawn"] or "", style="red"))
    console.print(table)


@entity_app.command("withdraw")
def withdraw(
    edit_id: Annotated[str, typer.Argument(help="The edit's id (X…, see `entity edits`).")],
    db: Annotated[Path, DbOption] = DEFAULT_DB,
) -> None:
    """Withdraw an edit: resolution forgets it, the audit log keeps it as withdrawn."""
    from newsgraph.resolve_job import CorpusResolver

    with Store(db) as store, _writing(store, "edit withdrawal from the CLI"):
        logged = q.logged_edit(store, edit_id)
        if logged is None:
            err_console.print(f"[red]no edit[/red] with id {edit_id!r}")
            raise typer.Exit(1)
        if logged.withdrawn:
            err_console.print(f"edit {edit_id} was already withdrawn at {logged.withdrawn}")
            raise typer.Exit(1)
        CorpusResolver(store).withdraw(edit_id)
    console.print(f"[green]withdrew[/green] {edit_id}")


@contextmanager
def _writing(store: Store, purpose: str) -> Iterator[None]:
    """Take the store's writer lock or stop with E403 before anything is read or written:
    an edit applied beside a running ingest would be undone by it, or undo it."""
    stack = ExitStack()
    try:
        stack.enter_context(store.writer(purpose, wait=0))
    except NewsgraphError as exc:
        err_console.print(f"[red]edit refused[/red] ({exc.code}): {exc.reason}")
        raise typer.Exit(1) from exc
    with stack:
        yield
