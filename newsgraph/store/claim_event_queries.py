"""SQL joining claims and the events they report (``Claim.events`` ↔ ``EventFlags.claim``).

A claim stores the ids of the event mentions inside its content; the corpus resolver
links each mention to a cross-document event (``event_sources``). These queries follow
both directions for the pages: a claim's events (type, trigger, event id) and an event
mention's claim (speaker, cue, certainty, article).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newsgraph.store.sqlite import Store

__all__ = ["claims_by_id", "events_of_mentions"]

_CHUNK = 500  # SQLite's host-parameter limit is far above; keeps statements short


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(ids))
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def events_of_mentions(store: Store, mention_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Mention id → ``{mention, doc, type, mode, trigger, event}`` (``event`` None while the
    mention is not resolved into a cross-document event)."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(mention_ids):
        for r in store.conn.execute(
                f"""SELECT m.id, m.doc_id, m.type, m.mode,
                           json_extract(m.data, '$.trigger.text'), s.event_id
                    FROM event_mentions m LEFT JOIN event_sources s ON s.mention_id = m.id
                    WHERE m.id IN ({",".join("?" * len(chunk))})""", chunk):
            out[r[0]] = {"mention": r[0], "doc": r[1], "type": r[2], "mode": r[3],
                         "trigger": r[4], "event": r[5]}
    return out


def claims_by_id(store: Store, claim_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Claim id → the stored ``Claim`` record plus ``doc_title``."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(claim_ids):
        for data, title in store.conn.execute(
                f"""SELECT c.data, d.title FROM claims c JOIN documents d ON d.id = c.doc_id
                    WHERE c.id IN ({",".join("?" * len(chunk))})""", chunk):
            rec = json.loads(data)
            rec["doc_title"] = title
            out[rec["id"]] = rec
    return out
