"""The JSONL contract's records flattened into relational tables (for CSV and Parquet).

One table per kind of fact, one row per fact, ids joining them: ``documents``,
``entities``, ``mentions`` (entity ↔ document offsets), ``events``, ``event_mentions``
(each evidence sentence), ``claims``, ``stories``, ``links``. Offsets always point into
``documents.text``, so a spreadsheet user can still check every fact against its
sentence. The rows are derived from ``jsonl.iter_records`` rather than from SQL so
every format says the same thing as the contract.

Column types are declared once (``COLUMNS``): the CSV writer uses the order, the
Parquet writer the types. Lists of strings stay lists in Parquet and become JSON
arrays in CSV; nested values (signals, evidence) are JSON text in both.

A reference to an entity is an id column with its name beside it: an event's arguments
are ``actor_ids``/``actor_names`` (and ``target_…``), parallel lists where an argument
no entity links has a null id and its text as name; a claim's speaker is ``speaker``
(id) and ``speaker_name``. An event's flags are the list of those that hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal

__all__ = ["COLUMNS", "ColumnType", "table_rows"]

ColumnType = Literal["str", "int", "float", "bool", "list", "json"]

COLUMNS: dict[str, dict[str, ColumnType]] = {
    "documents": {
        "id": "str", "path": "str", "title": "str", "publisher": "str", "attributed_to": "list",
        "published": "str", "published_inferred": "bool", "language": "str", "url": "str",
        "authors": "list", "annotated": "bool", "text": "str", "removed": "json", "signals": "json",
    },
    "entities": {
        "id": "str", "type": "str", "name": "str", "aliases": "list", "mention_count": "int",
        "resolved": "bool",
    },
    "mentions": {"entity": "str", "doc": "str", "start": "int", "end": "int", "text": "str", "kind": "str",
                 "rule": "str"},
    "events": {
        "id": "str", "type": "str", "mode": "str", "date_start": "str", "date_end": "str",
        "date_precision": "str", "location": "str", "location_entity": "str", "lat": "float",
        "lon": "float", "actor_ids": "list", "actor_names": "list", "target_ids": "list",
        "target_names": "list", "sources": "list", "publishers": "int", "confidence": "float",
        "flags": "list",
    },
    "event_mentions": {
        "event": "str", "id": "str", "doc": "str", "start": "int", "end": "int", "text": "str",
        "trigger": "str", "trigger_start": "int", "trigger_end": "int",
    },
    "claims": {
        "id": "str", "doc": "str", "start": "int", "end": "int", "text": "str", "speaker": "str",
        "speaker_name": "str", "speaker_text": "str", "speaker_kind": "str", "cue": "str", "certainty": "str",
        "quote_type": "str", "events": "list",
    },
    "stories": {
        "id": "str", "label": "str", "start": "str", "end": "str", "documents": "list",
        "publishers": "list", "events": "list",
    },
    "links": {"a": "str", "b": "str", "kind": "str", "score": "float", "evidence": "json"},
}


def _arguments(args: list[Any], names: dict[str, str]) -> tuple[list[str | None], list[str | None]]:
    """(ids, names) of event arguments: an entity's id and name, or no id and the text."""
    ids: list[str | None] = []
    out: list[str | None] = []
    for a in args:
        if isinstance(a, dict):
            ids.append(None)
            out.append(a.get("text"))
        else:
            ids.append(str(a))
            out.append(names.get(str(a)))
    return ids, out


def _rows(rec: dict[str, Any], names: dict[str, str]) -> Iterator[tuple[str, dict[str, Any]]]:
    kind = rec.get("record", rec["kind"])
    if kind == "document":
        yield "documents", {k: rec.get(k) for k in COLUMNS["documents"]}
    elif kind == "entity":
        names[rec["id"]] = rec["name"]
        yield "entities", {"id": rec["id"], "type": rec["type"], "name": rec["name"],
                           "aliases": rec["aliases"], "mention_count": len(rec["mentions"]),
                           "resolved": rec.get("resolved", True)}
        for m in rec["mentions"]:
            yield "mentions", {"entity": rec["id"], "doc": m["doc"], "start": m["start"],
                               "end": m["end"], "text": m["text"], "kind": m.get("kind", "name"),
                               "rule": m.get("rule", "")}
    elif kind == "event":
        loc, date = rec["location"] or {}, rec["date"] or {}
        actor_ids, actor_names = _arguments(rec["actors"], names)
        target_ids, target_names = _arguments(rec["targets"], names)
        yield "events", {
            "id": rec["id"], "type": rec["type"], "mode": rec["mode"],
            "date_start": date.get("start"), "date_end": date.get("end"),
            "date_precision": rec.get("date_precision"), "location": loc.get("name"),
            "location_entity": loc.get("entity"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "actor_ids": actor_ids, "actor_names": actor_names,
            "target_ids": target_ids, "target_names": target_names,
            "sources": rec["sources"], "publishers": rec.get("publishers"),
            "confidence": rec.get("confidence"),
            "flags": [f for f, on in (rec.get("flags") or {}).items() if on],
        }
        for m in rec["mentions"]:
            trig = m.get("trigger") or {}
            yield "event_mentions", {
                "event": rec["id"], "id": m.get("id"), "doc": m["doc"], "start": m["start"],
                "end": m["end"], "text": m["text"], "trigger": trig.get("text"),
                "trigger_start": trig.get("start"), "trigger_end": trig.get("end"),
            }
    elif kind == "claim":
        yield "claims", {**{k: rec.get(k) for k in COLUMNS["claims"]},
                         "speaker_name": names.get(rec.get("speaker") or "")}
    elif kind == "story":
        yield "stories", {k: rec.get(k) for k in COLUMNS["stories"]}
    elif kind == "link":
        yield "links", {"a": rec["a"], "b": rec["b"], "kind": rec.get("link_kind", rec["kind"]),
                        "score": rec["score"], "evidence": rec.get("evidence")}


def table_rows(records: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for every record, values still Python objects (``as_text`` for CSV).
    Entities come before the events and claims naming them (as ``jsonl.iter_records``
    yields them), so their names are known when those are written."""
    names: dict[str, str] = {}
    for rec in records:
        yield from _rows(rec, names)


def as_text(value: Any, kind: ColumnType) -> str:
    """A cell as CSV text: empty for null, JSON for lists and nested values."""
    if value is None:
        return ""
    if kind in ("list", "json"):
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    return str(value)
