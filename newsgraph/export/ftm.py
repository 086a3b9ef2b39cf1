"""FollowTheMoney export: the store as FtM entities (JSON Lines), for Aleph and the FtM tools.

Built with the ``followthemoney`` library so every property name, type and range is
the schema's own (values are cleaned by it: "en" becomes "eng", dates are checked).
The mapping, one FtM entity per fact:

- document → ``Article`` (title, body text, dates, publisher, URL, authors, language);
- entity → ``Person`` (PERSON), ``Organization`` (ORG), ``Address`` (GPE, LOC, FAC); an
  unnamed referent (``named: false``: "a gunman" of one article) is none of them — a tool
  matching names across datasets must not meet "a gunman" — and is named by its words;
  other NER types (NORP, PRODUCT, …) have no FtM counterpart and are skipped (counted);
- each entity in each document → ``Documentation`` (document, entity, role
  "mentioned", the surface forms with their counts in ``summary``) — FtM has no
  character offsets, so the JSONL export stays the place for exact evidence;
- event → ``Event`` (name "TYPE: trigger", dates, place, ``organizer`` = actor
  entities, ``involved`` = target entities, ``proof`` = the reporting articles,
  evidence sentences in ``description``, PLOVER type/mode/context in ``keywords``,
  in ``namesMentioned`` the names of the arguments FtM cannot reference (a place or a
  nationality as actor: ``organizer`` and ``involved`` take only legal entities) and the
  texts of arguments no entity links — names, never our ids;
- claim → ``Note`` on the speaker entity (or on the article when the speaker is no
  entity): the content in ``description``, "speaker cue (certainty)" in ``summary``,
  the speaker's name in ``namesMentioned``;
- link → ``UnknownLink`` between the two articles, the link kind as ``role``.

Ids are ours with a ``newsgraph-`` prefix and a kind, stable across exports.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

__all__ = ["ftm_entities", "write_ftm"]

SCHEMA_OF_TYPE: dict[str, str] = {
    "PERSON": "Person", "PER": "Person", "ORG": "Organization",
    "GPE": "Address", "LOC": "Address", "FAC": "Address",
}

#: FtM caps its string values; evidence beyond this is cut (the JSONL keeps it whole).
MAX_DESCRIPTION = 8_000


def _id(kind: str, ident: str) -> str:
    return f"newsgraph-{kind}-{ident}"


def _make(schema: str, ident: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = ident
    return proxy


def _article(rec: dict[str, Any]) -> EntityProxy:
    a = _make("Article", _id("doc", rec["id"]))
    a.add("title", rec["title"])
    a.add("bodyText", rec["text"])
    a.add("publishedAt", rec["published"])
    a.add("publisher", rec["publisher"])
    a.add("sourceUrl", rec.get("url"))
    a.add("author", rec.get("authors") or [])
    a.add("language", rec["language"])
    a.add("fileName", rec["path"])
    return a


def _entity(rec: dict[str, Any], schema: str) -> EntityProxy:
    e = _make(schema, _id("entity", rec["id"]))
    if schema == "Address":
        e.add("full", rec["name"])
    e.add("name", rec["name"])
    e.add("alias", [a for a in rec["aliases"] if a != rec["name"]])
    return e


def _documentations(rec: dict[str, Any]) -> Iterator[EntityProxy]:
    forms: dict[str, Counter[str]] = {}
    for m in rec["mentions"]:
        counts = forms.setdefault(m["doc"], Counter())
        if m.get("kind", "name") == "name":  # "he", "the company" are no surface form of a name
            counts[m["text"]] += 1
    for doc, counts in forms.items():
        d = _make("Documentation", _id("mentioned", f"{rec['id']}-{doc}"))
        d.add("document", _id("doc", doc))
        d.add("entity", _id("entity", rec["id"]))
        d.add("role", "mentioned")
        d.add("summary", "; ".join(f"{t} ({n}×)" for t, n in counts.most_common()))
        yield d


def _event(rec: dict[str, Any], schema_of: dict[str, str], name_of: dict[str, str]) -> EntityProxy:
    ev = _make("Event", _id("event", rec["id"]))
    trigger = next((m["trigger"]["text"] for m in rec["mentions"] if m.get("trigger")), None)
    ev.add("name", f"{rec['type']}: {trigger}" if trigger else rec["type"])
    date = rec["date"] or {}
    ev.add("startDate", date.get("start"))
    ev.add("endDate", date.get("end"))
    loc = rec["location"] or {}
    ev.add("location", loc.get("name"))
    if schema_of.get(loc.get("entity") or "") == "Address":
        ev.add("addressEntity", _id("entity", loc["entity"]))
    for prop, args in (("organizer", rec["actors"]), ("involved", rec["targets"])):
        for a in args:
            if isinstance(a, str) and schema_of.get(a) in ("Person", "Organization"):
                ev.add(prop, _id("entity", a))
            elif isinstance(a, dict):
                ev.add("namesMentioned", a.get("text"))
            else:  # an entity FtM cannot reference here: its name (an id means nothing in FtM)
                ev.add("namesMentioned", name_of.get(a))
    ev.add("proof", [_id("doc", d) for d in rec["sources"]])
    ev.add("keywords", [rec["type"], rec["mode"], *rec.get("context", [])])
    ev.add("description", "\n".join(m["text"].strip() for m in rec["mentions"])[:MAX_DESCRIPTION])
    return ev


def _note(rec: dict[str, Any], schema_of: dict[str, str], name_of: dict[str, str]) -> EntityProxy:
    n = _make("Note", _id("claim", rec["id"]))
    speaker = rec["speaker"]
    on = _id("entity", speaker) if speaker in schema_of else _id("doc", rec["doc"])
    n.add("entity", on)
    n.add("namesMentioned", name_of.get(speaker or "") or rec.get("speaker_text"))
    n.add("description", rec["text"][:MAX_DESCRIPTION])
    n.add("summary", f"{rec['speaker_text'] or 'unattributed'} {rec['cue'] or ''} ({rec['certainty']})")
    n.add("proof", _id("doc", rec["doc"]))
    return n


def _link(rec: dict[str, Any]) -> EntityProxy:
    kind = rec.get("link_kind", rec["kind"])
    ln = _make("UnknownLink", _id("link", f"{rec['a']}-{rec['b']}"))
    ln.add("subject", _id("doc", rec["a"]))
    ln.add("object", _id("doc", rec["b"]))
    ln.add("role", kind)
    ln.add("summary", f"{kind}, score {rec['score']:.3f}")
    return ln


def ftm_entities(records: Iterable[dict[str, Any]], skipped: Counter[str] | None = None
                 ) -> Iterator[EntityProxy]:
    """FtM entities for the contract records (entities before events and claims, as
    ``jsonl.iter_records`` yields them). ``skipped`` counts what has no FtM schema."""
    schema_of: dict[str, str] = {}
    name_of: dict[str, str] = {}  # every entity's name, those without an FtM schema too
    for rec in records:
        kind = rec.get("record", rec["kind"])
        if kind == "document":
            yield _article(rec)
        elif kind == "entity":
            name_of[rec["id"]] = rec["name"]
            if rec.get("named") is False:
                # An unnamed referent ("a gunman" of one article): no Person or Organization
                # a name-matching tool should meet; events and claims name it by its words.
                if skipped is not None:
                    skipped["unnamed referent"] += 1
                continue
            schema = SCHEMA_OF_TYPE.get(rec["type"] or "")
            if schema is None:
                if skipped is not None:
                    skipped[f"entity type {rec['type']}"] += 1
                continue
            schema_of[rec["id"]] = schema
            yield _entity(rec, schema)
            yield from _documentations(rec)
        elif kind == "event":
            yield _event(rec, schema_of, name_of)
        elif kind == "claim":
            yield _note(rec, schema_of, name_of)
        elif kind == "link":
            yield _link(rec)


def write_ftm(records: Iterable[dict[str, Any]], out: TextIO) -> dict[str, int]:
    """One FtM entity per line; returns counts per FtM schema (and what was skipped)."""
    counts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for proxy in ftm_entities(records, skipped):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False) + "\n")
        counts[proxy.schema.name] += 1
    counts.update({f"skipped {k}": v for k, v in skipped.items()})
    return dict(counts)
