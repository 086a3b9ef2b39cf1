"""JSON Lines export following the contract in DESIGN.md.

One JSON object per line, each with a ``kind``; the contract's fields are
always present (null where unknown), extra fields may follow. Records are
streamed from the store, so exporting a large store needs little memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any, TextIO

from newsgraph.store import Store

__all__ = ["claim_record", "document_record", "iter_records", "write_jsonl"]


def document_record(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "document",
        "id": doc["id"],
        "path": doc["path"],
        "title": doc["title"],
        "publisher": doc["publisher"],
        "attributed_to": doc["attributed_to"],
        "published": doc["published"],
        "language": doc["language"],
        "text": doc["text"],
        "removed": doc["removed"],
        "signals": doc.get("signals") or {},
        "url": doc["url"],
        "authors": doc["authors"],
        "annotated": doc["annotated"],
        "annotate_reason": doc["annotate_reason"],
        "published_inferred": bool(doc.get("published_inferred")),
    }


def _document_entities(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Unresolved entities: one per distinct (name, type) in a document, with its mentions."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in doc["mentions"]:
        groups.setdefault((m["text"], m["label"]), []).append(m)
    for (name, label), mentions in groups.items():
        key = f"{doc['id']}|{label}|{name}".encode()
        yield {
            "kind": "entity",
            "id": "e-" + hashlib.sha256(key).hexdigest()[:16],
            "type": label,
            "name": name,
            "aliases": [name],
            "mentions": [{"doc": doc["id"], "start": m["start"], "end": m["end"], "text": m["text"]}
                         for m in mentions],
        }


def _span(span: dict[str, Any] | None) -> dict[str, Any] | None:
    return {"start": span["start"], "end": span["end"], "text": span["text"]} if span else None


def claim_record(c: dict[str, Any]) -> dict[str, Any]:
    """A stored ``Claim`` as the contract's ``claim``: content offsets and text, speaker, cue,
    certainty; ``speaker`` (an entity id) stays null until entity resolution links speakers.
    Extra fields: the speaker span and kind, quote type, channel, hedge and evidence sentence."""
    ref, speaker, cue = c.get("speaker_ref"), c.get("speaker"), c.get("cue")
    return {
        "kind": "claim",
        "id": c["id"],
        "doc": c["doc"],
        "start": c["content"]["start"],
        "end": c["content"]["end"],
        "text": c["content"]["text"],
        "speaker": None,
        "speaker_text": ref["text"] if ref else (speaker["text"] if speaker else None),
        "cue": cue["text"] if cue else None,
        "certainty": c["certainty"],
        "speaker_span": _span(speaker),
        "speaker_ref": _span(ref),
        "speaker_kind": c.get("speaker_kind"),
        "quote_type": c.get("quote_type"),
        "channel": _span(c.get("channel")),
        "hedge": _span(c.get("hedge")),
        "cue_span": {**_span(cue), "lemma": cue.get("lemma")} if cue else None,  # type: ignore[dict-item]
        "sentence": _span(c.get("sentence")),
        "rule": c.get("rule"),
        "confidence": c.get("confidence"),
    }


def _claim_records(store: Store) -> Iterator[dict[str, Any]]:
    rows = store.conn.execute(
        'SELECT c.data FROM claims c JOIN documents d ON d.id = c.doc_id '
        'ORDER BY d.ingested_at, d.path, c.start, c."end"')
    for (data,) in rows:
        yield claim_record(json.loads(data))


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    """Documents first, then entities, then claims, in a stable order."""
    for doc in store.iter_documents():
        yield document_record(doc)
    for doc in store.iter_documents():
        yield from _document_entities(doc)
    yield from _claim_records(store)


def write_jsonl(store: Store, out: TextIO) -> dict[str, int]:
    """Write every record to ``out``; returns counts per kind."""
    counts: dict[str, int] = {}
    for rec in iter_records(store):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        counts[rec["kind"]] = counts.get(rec["kind"], 0) + 1
    return counts
