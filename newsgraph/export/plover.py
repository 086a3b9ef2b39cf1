"""PLOVER JSON export: one event record per line, in the field names of the PLOVER manual.

The manual (``shared/data/plover/PLOVER_MANUAL.tex``, draft 2.0, section "PLOVER
JSON") fixes the names: ``id``, ``date`` (YYYY-MM-DD), ``enddate``, ``actor`` and
``recipient`` (lists of entity objects: ``entity_text``, ``identifier_id``,
``identifier_text``), ``event`` (list of types), ``mode``, ``context``,
``event_loc`` (location object: ``extracted_place``, ``lat``, ``lon``),
``event_text``, ``text_info``, ``cite_info``, ``coder``, ``coded_date``. The manual
invites extra fields under names of one's own; ours are ``date_precision`` (a
month-precise date is written as its first day, so the precision must travel with
it), ``flags``, ``sources``, ``publishers``, ``confidence`` and ``mentions`` (every
report with its document and offsets, where ``text_info`` holds only the first).

One record is one *event* (all its reports), not one report: that is the point of
event coreference, and ``publishers`` says how many outlets stand behind it.

Only PLOVER's 16 types are PLOVER events: our own ``DISASTER`` events (a storm, a
crash, an epidemic — ``newsgraph.model.events.DISASTER``) stay out of this export;
the JSON Lines export and the UI keep them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

from newsgraph import __version__
from newsgraph.model.events import PLOVER_TYPES

__all__ = ["plover_records", "write_plover"]

CODEBOOK = "plover-base-2.0"


def _actor(arg: Any, names: dict[str, str]) -> dict[str, Any]:
    if isinstance(arg, dict):  # an argument no entity links: its text only
        return {"entity_text": arg["text"]}
    return {"entity_text": names.get(arg, arg), "identifier_id": arg,
            "identifier_text": names.get(arg, arg)}


def _record(rec: dict[str, Any], names: dict[str, str], docs: dict[str, dict[str, Any]],
            coded: str) -> dict[str, Any]:
    date = rec["date"] or {}
    loc = rec["location"]
    first = rec["mentions"][0] if rec["mentions"] else None
    cite = docs.get(first["doc"], {}) if first else {}
    out: dict[str, Any] = {
        "id": rec["id"],
        "has_event": True,
        "date": date.get("start"),
        "enddate": date.get("end") if date.get("end") != date.get("start") else None,
        "date_precision": rec.get("date_precision"),
        "actor": [_actor(a, names) for a in rec["actors"]],
        "recipient": [_actor(a, names) for a in rec["targets"]],
        "event": [rec["type"]],
        "mode": [rec["mode"]] if rec["mode"] else [],
        "context": rec.get("context", []),
        "event_loc": {"extracted_place": loc["name"], "resolved_place": names.get(loc["entity"] or ""),
                      "lat": loc["lat"], "lon": loc["lon"]} if loc else None,
        # Two triggers in one sentence are two mentions but one evidence text.
        "event_text": list(dict.fromkeys(m["text"].strip() for m in rec["mentions"])),
        "text_info": {"start": first["start"], "end": first["end"]} if first else None,
        "cite_info": {"citation": first["doc"], "url": cite.get("url"), "title": cite.get("title"),
                      "publication": cite.get("publisher"), "language": cite.get("language"),
                      "coder": f"newsgraph {__version__}", "codebook": CODEBOOK} if first else None,
        "coder": f"newsgraph {__version__}",
        "coded_date": coded,
        "flags": rec.get("flags"),
        "sources": rec["sources"],
        "publishers": rec.get("publishers"),
        "confidence": rec.get("confidence"),
        "mentions": [{"doc": m["doc"], "start": m["start"], "end": m["end"],
                      "trigger": (m.get("trigger") or {}).get("text")} for m in rec["mentions"]],
    }
    return {k: v for k, v in out.items() if v is not None}  # the manual: only non-null fields


def plover_records(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """PLOVER records for the contract's event records (documents and entities must come
    first in ``records``, as ``jsonl.iter_records`` yields them)."""
    names: dict[str, str] = {}
    docs: dict[str, dict[str, Any]] = {}
    coded = datetime.now(UTC).date().isoformat()
    for rec in records:
        kind = rec.get("record", rec["kind"])
        if kind == "document":
            docs[rec["id"]] = {k: rec.get(k) for k in ("url", "title", "publisher", "language")}
        elif kind == "entity":
            names[rec["id"]] = rec["name"]
        elif kind == "event" and rec["type"] in PLOVER_TYPES:
            yield _record(rec, names, docs, coded)


def write_plover(records: Iterable[dict[str, Any]], out: TextIO) -> dict[str, int]:
    n = 0
    for rec in plover_records(records):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return {"event": n}
