"""JSON Lines export following the contract in DESIGN.md.

One JSON object per line, each with a ``kind``; the contract's fields are
always present (null where unknown), extra fields may follow. Records are
streamed from the store, so exporting a large store needs little memory.

``entity`` records are the resolved entities (``store.entity_queries``); a mention no
entity links yet (a document whose resolution a killed run left pending) still gets a
per-document record marked ``"resolved": false``, so no mention is lost. Each entity
mention has a ``kind``: ``name``, ``description`` ("the company", "Apple's chief
executive") or ``pronoun`` ("he", "its"), and the ``rule`` that linked a description or
pronoun (``resolve/entities/referring``: ``apposition``, ``described``,
``same-description``, ``relative``, ``only-candidate``, ``subject``, ``speaker``,
``speaker-organisation``, ``author``; ``resolve/entities/unnamed``'s rules, and ``named-as``
for a described participant the text names, "Police named her as Jane Doe"; "" for a name a
model found, except ``government``
for a capital standing for its country's government, "Washington warned", which is a
mention of the country's entity; and how a name in a language read partially was found —
``known-name``, ``capitalised-sequence``, ``capitalised-word``, ``acronym``,
``part-of-name``, ``nlp.partial``; such a name no table types is an entity of type
``NAME``). ``event``
records are the resolved events with their actors and targets read through the current
entity links (``store.event_queries``). A claim's ``speaker`` is the entity of the longest
entity mention inside its resolved speaker reference, else inside its speaker span.
A document's ``signals`` are its stored signals as ``{name: {value, flagged, explanation}}``
(``store.story_queries.signals_dict``); ``story`` records carry the story's timeline order
of documents, and ``link`` records the link's evidence (aligned passages, offsets into the
clean text of ``a`` and ``b``).

An entity record's ``title_mentions`` (``[{doc, start, end, text}]``) are its names in
document titles, with offsets into that document's ``title``: ``mentions`` point into
``text`` only, as the contract says, so a consumer slicing ``text`` with a mention's
``start``/``end`` never meets a headline's. An entity only a title names has no
``mentions`` and its ``mention_count`` is 0; ``doc_count`` counts its titles' documents.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any, TextIO

from newsgraph.model.entities import MENTION_KINDS
from newsgraph.store import Store
from newsgraph.store.document_queries import document_languages
from newsgraph.store.entity_queries import MentionLookup, iter_entities, linked_spans
from newsgraph.store.event_queries import iter_events
from newsgraph.store.facts_queries import iter_claims
from newsgraph.store.story_queries import iter_links, iter_stories, signals_dict

__all__ = ["claim_record", "document_record", "entity_record", "event_record", "iter_records", "link_record",
           "story_record", "write_jsonl"]


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
        # Where the publisher and the credited outlets were found (ingest/clean/publisher.py).
        "publisher_evidence": _publisher_evidence(doc.get("provenance") or {}),
    }


def _publisher_evidence(prov: dict[str, Any]) -> dict[str, Any] | None:
    if not (prov.get("publisher") or prov.get("attributed_to_evidence")):
        return None
    return {"method": prov.get("publisher"), "evidence": prov.get("publisher_evidence"),
            "attributed_to": prov.get("attributed_to_evidence")}


def entity_record(ent: dict[str, Any], languages: dict[str, str | None] | None = None) -> dict[str, Any]:
    """A resolved entity (``entity_queries.iter_entities``) as the contract's ``entity``.
    Each mention carries its ``kind`` — ``name``, ``description`` ("the company") or
    ``pronoun`` ("he", "its") — and the ``rule`` that linked a description or pronoun
    (``resolve/entities/referring``; empty for names); aliases are the names' surface
    forms only. Extra fields: type confidence and votes, counts, mentions per kind, each
    alias's mention count, and (given ``languages``: document id → language) the names
    grouped by the language of the articles that use them, ``names_by_language``."""
    aliases = dict(ent.get("aliases") or {})
    for m in ent["mentions"]:  # every name's surface form, even one the resolver counts elsewhere
        if m.get("kind", "name") == "name":
            aliases.setdefault(m["text"], 0)
    return {
        "kind": "entity",
        "id": ent["id"],
        "type": ent["type"],
        "name": ent["name"],
        "aliases": list(aliases),
        "mentions": ent["mentions"],
        # Names in document titles: offsets into the document's ``title``, never its
        # ``text`` (kept out of ``mentions`` so that slicing ``text`` with a mention's
        # offsets always gives the mention).
        "title_mentions": ent.get("title_mentions") or [],
        "resolved": True,
        # False for an unnamed referent: a participant one article describes and refers
        # back to but never names ("a gunman … the gunman … he"); ``name`` is then its
        # fullest description and ``aliases`` is empty.
        "named": ent.get("named", True),
        "type_confidence": ent["type_confidence"],
        "type_votes": ent.get("type_votes") or {},
        "mention_count": ent["mention_count"],
        "mention_kinds": _kind_counts(ent["mentions"]),
        "doc_count": ent["doc_count"],
        "alias_counts": aliases,
        **({} if languages is None else
           {"names_by_language": _names_by_language(ent["mentions"], languages)}),
    }


def _names_by_language(
    mentions: list[dict[str, Any]], languages: dict[str, str | None]
) -> dict[str, list[str]]:
    """``{"fr": ["Corée du Nord"], "en": ["North Korea"]}`` ("und" where the language is unknown)."""
    out: dict[str, dict[str, None]] = {}
    for m in mentions:
        if m.get("kind", "name") == "name":
            out.setdefault(languages.get(m["doc"]) or "und", {})[m["text"]] = None
    return {lang: list(names) for lang, names in sorted(out.items())}


def _kind_counts(mentions: list[dict[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys(MENTION_KINDS, 0)
    for m in mentions:
        kind = m.get("kind", "name")
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _unlinked_entities(store: Store, doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Mentions no resolved entity links (yet): one record per distinct (name, type) in a document."""
    linked = linked_spans(store, doc["id"])
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in doc["mentions"]:
        if (m["start"], m["end"]) not in linked:
            groups.setdefault((m["text"], m["label"]), []).append(m)
    for (name, label), mentions in groups.items():
        key = f"{doc['id']}|{label}|{name}".encode()
        yield {
            "kind": "entity",
            "id": "e-" + hashlib.sha256(key).hexdigest()[:16],
            "type": label,
            "name": name,
            "aliases": [name],
            "mentions": [{"doc": doc["id"], "start": m["start"], "end": m["end"], "text": m["text"],
                          "kind": "name", "rule": ""} for m in mentions],
            "title_mentions": [],
            "resolved": False,
        }


def event_record(ev: dict[str, Any]) -> dict[str, Any]:
    """A resolved event (``event_queries.iter_events``) as the contract's ``event``: each
    mention is its evidence sentence. Extra fields: flags, publishers (independent reports:
    ``newsgraph.independence``), ``independent_reports`` (their outlets, the documents folded
    into each and why, and the explanation in words), confidence, date precision, PLOVER
    contexts, each mention's trigger and why it is counted in the event (``joined``:
    ``Event.joined``), and ``related`` events (kept apart as another
    occurrence, or not known to be the same: ``{event, reason, score}``)."""
    date = ev["date"]
    loc = ev["location"]
    return {
        "kind": "event",
        "id": ev["id"],
        "type": ev["type"],
        "mode": ev["mode"],
        "actors": [{"text": a["text"]} if "text" in a else a["entity"] for a in ev["actors"]],
        "targets": [{"text": a["text"]} if "text" in a else a["entity"] for a in ev["targets"]],
        "location": {"name": loc["name"], "entity": loc["entity"], "lat": loc["lat"], "lon": loc["lon"]}
        if loc else None,
        "date": {"start": date["start"], "end": date["end"]} if date else None,
        "mentions": [{"doc": m["doc"], "start": m["sentence"]["start"], "end": m["sentence"]["end"],
                      "text": m["sentence"]["text"], "trigger": _span(m["trigger"]), "id": m["id"],
                      "joined": m.get("joined", "")}
                     for m in ev["mentions"]],
        "sources": ev["sources"],
        "flags": ev["flags"],
        "publishers": ev["publisher_count"],
        "independent_reports": _independent(ev.get("independent")),
        "confidence": ev["confidence"],
        "date_precision": date["precision"] if date else None,
        # PLOVER contexts any report of the event states ("terrorism", "diplomatic").
        "context": sorted({c for m in ev["mentions"] for c in m.get("context") or []}),
        # Events kept apart from this one although alike: not the same occurrence, never
        # counted among its sources ({event, reason, score}).
        "related": [{"event": r["event"], "reason": r["reason"], "score": r["score"]}
                    for r in ev.get("related") or []],
    }


def _independent(ind: dict[str, Any] | None) -> dict[str, Any] | None:
    if ind is None:
        return None
    return {"count": ind["count"], "explanation": ind["explanation"], "reports": [
        {"outlet": r["outlet"], "label": r["label"], "lead": r["lead"],
         "documents": [d["doc"] for d in r["documents"]],
         "folded": [{"doc": f["doc"], "into": f["into"], "kind": f["kind"], "reason": f["reason"]}
                    for f in r["folded"]]} for r in ind["reports"]]}


def _span(span: dict[str, Any] | None) -> dict[str, Any] | None:
    return {"start": span["start"], "end": span["end"], "text": span["text"]} if span else None


def claim_record(c: dict[str, Any], speaker_entity: str | None = None,
                 ref: dict[str, Any] | None = None) -> dict[str, Any]:
    """A stored ``Claim`` as the contract's ``claim``: content offsets and text, speaker (the
    entity id ``speaker_entity``, or null), cue, certainty.
    Extra fields: the speaker span and kind, quote type, channel, hedge and evidence sentence.
    ``ref`` is the name the speaker stands for as resolution confirms it
    (``MentionLookup.confirmed_ref``); ``speaker_text`` is that name, else the span as written."""
    speaker, cue = c.get("speaker"), c.get("cue")
    return {
        "kind": "claim",
        "id": c["id"],
        "doc": c["doc"],
        "start": c["content"]["start"],
        "end": c["content"]["end"],
        "text": c["content"]["text"],
        "speaker": speaker_entity,
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
        "events": c.get("events", []),  # event mention ids the claim reports
    }


def story_record(st: dict[str, Any]) -> dict[str, Any]:
    """A story (``story_queries.iter_stories``) as the contract's ``story``: its documents,
    earliest first. Extra fields: label, time span, publishers, events (ids) and each
    document's link to the earliest one."""
    return {
        "kind": "story",
        "id": st["id"],
        "documents": [d["id"] for d in st["documents"]],
        "label": st["label"],
        "start": st["start"],
        "end": st["end"],
        "publishers": st["publishers"],
        "events": [e["id"] for e in st["events"]],
        "relations": [{"doc": d["id"], "kind": d["link"]["kind"], "score": d["link"]["score"]}
                      for d in st["documents"] if d["link"]],
    }


def link_record(lk: dict[str, Any]) -> dict[str, Any]:
    """A stored ``Link`` as the contract's ``link``. Extra fields: the evidence (aligned passages:
    ``a_start``/``a_end`` into ``a``'s text, ``b_start``/``b_end`` into ``b``'s, kind, score,
    swapped words) and the measured features the kind was decided on."""
    return {
        # The contract gives a link's ``kind`` as the link kind (duplicate, copy, …);
        # ``record`` (on every record) names the record type unambiguously.
        "kind": lk["kind"],
        "record": "link",
        "a": lk["a"],
        "b": lk["b"],
        "link_kind": lk["kind"],
        "score": lk["score"],
        "evidence": lk.get("evidence") or [],
        "features": lk.get("features") or {},
    }


def _claim_records(store: Store) -> Iterator[dict[str, Any]]:
    lookup = MentionLookup(store)
    for claim in iter_claims(store):
        yield claim_record(claim, lookup.speaker(claim), lookup.confirmed_ref(claim))


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    """Documents first, then entities, events and claims, in a stable order."""
    for doc in store.iter_documents():
        doc["signals"] = signals_dict(store, doc["id"])
        yield document_record(doc)
    languages = document_languages(store)
    for ent in iter_entities(store):
        yield entity_record(ent, languages)
    for doc in store.iter_documents():
        yield from _unlinked_entities(store, doc)
    for ev in iter_events(store):
        yield event_record(ev)
    yield from _claim_records(store)
    for st in iter_stories(store):
        yield story_record(st)
    for lk in iter_links(store):
        yield link_record(lk)


def write_jsonl(store: Store, out: TextIO) -> dict[str, int]:
    """Write every record to ``out``; returns counts per kind."""
    counts: dict[str, int] = {}
    for rec in iter_records(store):
        rec.setdefault("record", rec["kind"])
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        counts[rec["record"]] = counts.get(rec["record"], 0) + 1
    return counts
