"""The JSONL contract's records flattened into relational tables (for CSV and Parquet).

One table per kind of fact, one row per fact, ids joining them: ``documents``,
``entities``, ``mentions`` (entity ↔ document offsets), ``events``, ``event_mentions``
(each evidence sentence), ``claims``, ``stories``, ``links``. Offsets always point into
``documents.text``, so a spreadsheet user can still check every fact against its
sentence. The rows are derived from ``jsonl.iter_records`` rather than from SQL so
every format says the same thing as the contract.

Column types are declared once (``COLUMNS``): the CSV writer uses the order, the
Parquet writer the types. Lists of strings stay lists in Parquet and become JSON
arrays in CSV; nested values (signals, evidence, flags) are JSON text in both.
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
        "lon": "float", "actors": "list", "targets": "list", "sources": "list", "publishers": "int",
        "confidence": "float", "flags": "json",
    },
    "event_mentions": {
        "event": "str", "id": "str", "doc": "str", "start": "int", "end": "int", "text": "str",
        "trigger": "str", "trigger_start": "int", "trigger_end": "int",
    },
    "claims": {
        "id": "str", "doc": "str", "start": "int", "end": "int", "text": "str", "speaker": "str",
        "speaker_text": "str", "speaker_kind": "str", "cue": "str", "certainty": "str",
        "quote_type": "str", "events": "list",
    },
    "stories": {
        "id": "str", "label": "str", "start": "str", "end": "str", "documents": "list",
        "publishers": "list", "events": "list",
    },
    "links": {"a": "str", "b": "str", "kind": "str", "score": "float", "evidence": "json"},
}


def _argument(arg: Any) -> str:
    """An event argument: the entity id, or the text when no entity links it."""
    return arg["text"] if isinstance(arg, dict) else str(arg)


def _rows(rec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    kind = rec.get("record", rec["kind"])
    if kind == "document":
        yield "documents", {k: rec.get(k) for k in COLUMNS["documents"]}
    elif kind == "entity":
        yield "entities", {"id": rec["id"], "type": rec["type"], "name": rec["name"],
                           "aliases": rec["aliases"], "mention_count": len(rec["mentions"]),
                           "resolved": rec.get("resolved", True)}
        for m in rec["mentions"]:
            yield "mentions", {"entity": rec["id"], "doc": m["doc"], "start": m["start"],
                               "end": m["end"], "text": m["text"], "kind": m.get("kind", "name"),
                               "rule": m.get("rule", "")}
    elif kind == "event":
        loc, date = rec["location"] or {}, rec["date"] or {}
        yield "events", {
            "id": rec["id"], "type": rec["type"], "mode": rec["mode"],
            "date_start": date.get("start"), "date_end": date.get("end"),
            "date_precision": rec.get("date_precision"), "location": loc.get("name"),
            "location_entity": loc.get("entity"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "actors": [_argument(a) for a in rec["actors"]],
            "targets": [_argument(a) for a in rec["targets"]],
            "sources": rec["sources"], "publishers": rec.get("publishers"),
            "confidence": rec.get("confidence"), "flags": rec.get("flags"),
        }
        for m in rec["mentions"]:
            trig = m.get("trigger") or {}
            yield "event_mentions", {
                "event": rec["id"], "id": m.get("id"), "doc": m["doc"], "start": m["start"],
                "end": m["end"], "text": m["text"], "trigger": trig.get("text"),
                "trigger_start": trig.get("start"), "trigger_end": trig.get("end"),
            }
    elif kind == "claim":
        yield "claims", {k: rec.get(k) for k in COLUMNS["claims"]}
    elif kind == "story":
        yield "stories", {k: rec.get(k) for k in COLUMNS["stories"]}
    elif kind == "link":
        yield "links", {"a": rec["a"], "b": rec["b"], "kind": rec.get("link_kind", rec["kind"]),
                        "score": rec["score"], "evidence": rec.get("evidence")}


def table_rows(records: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for every record, values still Python objects (``as_text`` for CSV)."""
    for rec in records:
        yield from _rows(rec)


def as_text(value: Any, kind: ColumnType) -> str:
    """A cell as CSV text: empty for null, JSON for lists and nested values."""
    if value is None:
        return ""
    if kind in ("list", "json"):
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    return str(value)
