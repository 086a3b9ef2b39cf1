"""Read queries over resolved events: the filtered list, one event with every evidence
sentence, the events of a document or of an entity, and the records the export writes.

Every function takes an open ``Store`` and only reads (all SQL parameterised). An event
row is the stored ``Event`` JSON (``newsgraph.model.events``) plus its key columns.

Actors and targets are resolved *when read*: each argument span of each of the event's
mentions goes to the entity of the longest entity mention inside it
(``entity_queries.MentionLookup``), else stays text. The ids the event resolver stored
were right when it ran, but an analyst's merge or split since then changes which entity
a span belongs to; reading through the current links keeps events in step with edits.

``related``: events the resolver kept apart from this one although their reports were alike
(another occurrence of the same kind of act, or one not known to be the same), each with
the reason and how alike; ``event`` adds what the page shows of each (type, date, place,
sources, its first evidence sentence).  They are never counted as sources of this event.

An event carries a flag only when every report of it does: a killing one outlet reports
as fact is not "hypothetical" because another report of it sits in a threat, and the
flag filters keep to events no source states as plainly happened. The event page lists
every mention's own flags.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.store.corroboration_queries import independence_record
from newsgraph.store.entity_queries import MentionLookup, entity_names
from newsgraph.store.sqlite import Store

__all__ = ["EVENT_FLAGS", "EventFilter", "document_events", "entity_events", "event", "event_arguments",
           "event_type_counts", "events", "iter_events", "related_events"]

#: Flags an analyst filters events on; ``reported`` means a mention sits inside a claim.
EVENT_FLAGS: tuple[str, ...] = ("negated", "hypothetical", "attempted", "historical", "reported")

#: Related events an event's page shows (the most alike first).
RELATED_SHOWN = 50

#: Precision of a date, finest first (to pick the best stated precision among mentions).
_PRECISIONS = ("day", "month", "year")
#: An entity id as the resolver writes it into a reason ("shared participant E0ff328ad1f70c216").
_ENTITY_ID = re.compile(r"\bE[0-9a-f]{16}\b")


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _flag_sql(flag: str) -> str:
    """The condition a mention *lacking* the flag meets (over ``event_mentions x``)."""
    if flag == "reported":
        return "json_extract(x.data, '$.flags.reported_via') IS NULL"
    return f"x.{flag} = 0"  # the column names are EVENT_FLAGS, checked by the caller


@dataclass(slots=True)
class EventFilter:
    """What the event list is narrowed to; None/empty means no filter.

    ``min_sources``: at least this many independent reports (copies, republications and
    one publisher's articles count once). ``actor``/``target``: an entity id (``E…``: a
    mention of it lies inside an argument) or words of the argument's text.
    ``since``/``until``: ISO dates; an event is kept when its interval overlaps them
    (undated events are dropped by a date filter).
    """

    type: str | None = None
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    flags: list[str] = field(default_factory=list)
    min_sources: int = 0
    doc: str | None = None
    ids: list[str] = field(default_factory=list)  # only these events (a search's matches)

    def where(self) -> tuple[str, list[Any]]:
        conds, args = ["1"], []
        if self.type:
            conds.append("v.type = ?")
            args.append(self.type)
        for role, value in (("actors", self.actor), ("targets", self.target)):
            if not value:
                continue
            mentions = "SELECT 1 FROM event_sources es JOIN event_mentions x ON x.id = es.mention_id " \
                       f"JOIN json_each(x.data, '$.{role}') a WHERE es.event_id = v.id AND "
            if value.startswith("E") and value[1:].isalnum() and len(value) == 17:
                conds.append(f"EXISTS ({mentions} EXISTS (SELECT 1 FROM entity_mentions m WHERE "
                             "m.doc_id = x.doc_id AND m.entity_id = ? AND "
                             "m.start >= json_extract(a.value, '$.start') AND "
                             "m.\"end\" <= json_extract(a.value, '$.end')))")
                args.append(value)
            else:
                conds.append(f"EXISTS ({mentions} json_extract(a.value, '$.text') LIKE ? ESCAPE '\\')")
                args.append(_like(value))
        if self.place:
            conds.append("(v.place LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM event_sources es "
                         "JOIN event_mentions x ON x.id = es.mention_id WHERE es.event_id = v.id "
                         "AND x.place LIKE ? ESCAPE '\\'))")
            args += [_like(self.place), _like(self.place)]
        if self.since:
            conds.append("v.date_end >= ?")
            args.append(self.since)
        if self.until:
            conds.append("v.date_start <= ?")
            args.append(self.until + "\uffff")  # "2017-02" keeps every day of February
        for flag in self.flags:
            if flag not in EVENT_FLAGS:
                raise ValueError(f"unknown flag {flag!r}")
            conds.append("NOT EXISTS (SELECT 1 FROM event_sources es JOIN event_mentions x "
                         f"ON x.id = es.mention_id WHERE es.event_id = v.id AND {_flag_sql(flag)})")
        if self.min_sources:  # independent reports (newsgraph.independence), not documents
            conds.append("v.publisher_count >= ?")
            args.append(self.min_sources)
        if self.doc:
            conds.append("EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = v.id AND es.doc_id = ?)")
            args.append(self.doc)
        if self.ids:
            conds.append(f"v.id IN ({', '.join('?' * len(self.ids))})")
            args += self.ids
        return " AND ".join(conds), args


def _mention_rows(store: Store, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every mention of the given events, with its document's title/publisher/date, in ingest order."""
    out: dict[str, list[dict[str, Any]]] = {e: [] for e in event_ids}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        for r in store.conn.execute(
                f"""SELECT es.event_id, x.data, d.title, d.publisher, d.published FROM event_sources es
                    JOIN event_mentions x ON x.id = es.mention_id JOIN documents d ON d.id = x.doc_id
                    WHERE es.event_id IN ({','.join('?' * len(chunk))})
                    ORDER BY d.ingested_at, d.path, x.start""", chunk):
            rec = json.loads(r[1])
            rec.update(doc_title=r[2], publisher=r[3], published=r[4])
            out[r[0]].append(rec)
    return out


def event_arguments(mentions: list[dict[str, Any]], lookup: MentionLookup,
                    role: str) -> list[dict[str, Any]]:
    """The event's distinct actors or targets: ``{entity}`` or ``{text}``, first seen first."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for m in mentions:
        for a in m.get(role, []):
            eid = lookup(m["doc"], a["start"], a["end"])
            key = eid or " ".join(a["text"].lower().split())
            if key and key not in seen:
                seen.add(key)
                out.append({"entity": eid} if eid else {"text": " ".join(a["text"].split())})
    return out


def _date(ev: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not ev.get("date_start"):
        return None
    precision = None
    for m in mentions:
        d = m.get("date")
        if d and d["start"] == ev["date_start"] and d.get("precision") in _PRECISIONS and (
                precision is None or _PRECISIONS.index(d["precision"]) < _PRECISIONS.index(precision)):
            precision = d["precision"]
    return {"start": ev["date_start"], "end": ev.get("date_end"), "precision": precision}


def _flags(mentions: list[dict[str, Any]]) -> dict[str, bool]:
    """The flags every mention carries (none when there is no mention)."""
    out = {f: bool(mentions) for f in EVENT_FLAGS}
    for m in mentions:
        fl = m.get("flags") or {}
        for f in EVENT_FLAGS[:-1]:
            out[f] = out[f] and bool(fl.get(f))
        out["reported"] = out["reported"] and bool(fl.get("reported_via"))
    return out


def _event(row: Any, mentions: list[dict[str, Any]], lookup: MentionLookup,
           reports: bool = False) -> dict[str, Any]:
    """One event record; ``reports`` adds ``independent`` (who the independent reports are,
    and which documents were folded into which: ``corroboration_queries``)."""
    ev = json.loads(row["data"])
    actors = event_arguments(mentions, lookup, "actors")
    targets = event_arguments(mentions, lookup, "targets")
    names = entity_names(lookup.store, [a["entity"] for a in actors + targets if "entity" in a])
    for a in actors + targets:
        if "entity" in a:
            a.update(names.get(a["entity"], {"name": a["entity"], "type": None}))
    place_name = row["place"]
    place_entity = None
    for m in mentions:  # the entity the place phrase names, in the first mention that has it
        p = m.get("place")
        if p and (place_entity := lookup(m["doc"], p["start"], p["end"])):
            break
    confidence = max((m.get("confidence") or 0.0 for m in mentions), default=0.0)
    joined = ev.get("joined") or {}
    # Why the resolver counts each report in this event (``Event.joined``; "" in a store
    # written before it was kept), its entity ids read as the entities' names.
    said = {m["id"]: joined.get(m["id"], "") for m in mentions}
    ids = sorted({i for why in said.values() for i in _ENTITY_ID.findall(why)})
    known = entity_names(lookup.store, ids) if ids else {}
    def named(found: re.Match[str]) -> str:
        return known.get(found.group(0), {}).get("name", found.group(0))

    for m in mentions:
        m["joined"] = _ENTITY_ID.sub(named, said[m["id"]])
    return {
        "id": row["id"], "type": row["type"], "mode": row["mode"],
        "actors": actors, "targets": targets,
        "location": {"name": place_name, "entity": place_entity, "lat": row["lat"], "lon": row["lon"]}
        if place_name else None,
        "date": _date({"date_start": row["date_start"], "date_end": row["date_end"]}, mentions),
        "flags": _flags(mentions),
        "source_count": row["source_count"], "publisher_count": row["publisher_count"],
        "sources": ev.get("sources", []), "confidence": round(confidence, 3),
        "mentions": mentions,
        **({"independent": independence_record(lookup.store, row["id"], ev.get("independent"))}
           if reports else {}),
        "related": [{"event": r["event"], "reason": r["reason"], "score": r["score"]}
                    for r in ev.get("related") or []],
    }


def events(store: Store, filt: EventFilter, *, limit: int | None = 50,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of events), most sources first, then latest date.

    Each event: ``id, type, mode, actors, targets, location, date, flags, source_count,
    publisher_count, sources, confidence, mentions`` (mentions: stored ``EventMention``
    JSON plus ``doc_title``, ``publisher``, ``published``).
    """
    where, args = filt.where()
    total = store.conn.execute(f"SELECT count(*) FROM events v WHERE {where}", args).fetchone()[0]
    rows = store.conn.execute(
        f"""SELECT v.* FROM events v WHERE {where}
            ORDER BY v.source_count DESC, v.publisher_count DESC, v.date_start DESC, v.id LIMIT ? OFFSET ?""",
        [*args, -1 if limit is None else limit, offset]).fetchall()
    mentions = _mention_rows(store, [r["id"] for r in rows])
    lookup = MentionLookup(store)
    return total, [_event(r, mentions[r["id"]], lookup) for r in rows]


def event_type_counts(store: Store) -> dict[str, int]:
    return {r[0]: r[1] for r in store.conn.execute(
        "SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")}


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    ev = _event(row, _mention_rows(store, [event_id])[event_id], MentionLookup(store), reports=True)
    ev["related"] = related_events(store, ev["related"])
    return ev


def related_events(store: Store, related: list[dict[str, Any]],
                   limit: int = RELATED_SHOWN) -> list[dict[str, Any]]:
    """The related links of an event (the ``limit`` most alike) with what a reader needs to
    tell the two apart: each other event's type, mode, date, place, source count and first
    evidence sentence (with its document).  Links to events no longer stored are left out."""
    out = []
    for r in related[:limit]:
        row = store.conn.execute(
            "SELECT id, type, mode, date_start, date_end, place, source_count FROM events WHERE id = ?",
            (r["event"],)).fetchone()
        if row is None:
            continue
        first = store.conn.execute(
            """SELECT x.data, d.title FROM event_sources es JOIN event_mentions x ON x.id = es.mention_id
               JOIN documents d ON d.id = x.doc_id WHERE es.event_id = ?
               ORDER BY d.ingested_at, d.path, x.start LIMIT 1""", (r["event"],)).fetchone()
        m = json.loads(first[0]) if first else None
        date = ({"start": row["date_start"], "end": row["date_end"], "precision": None}
                if row["date_start"] else None)
        out.append({**r, "type": row["type"], "mode": row["mode"], "date": date,
                    "place": row["place"], "source_count": row["source_count"],
                    "first": {"doc": m["doc"], "doc_title": first[1], "sentence": m["sentence"],
                              "trigger": m["trigger"], "flags": _flags([m])} if m else None})
    return out


def document_events(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The events a document reports: ``{event, mention, type, mode, trigger, sentence, sources, flags}``
    per event mention of the document, in text order."""
    rows = store.conn.execute(
        """SELECT es.event_id, x.data, v.source_count, v.publisher_count FROM event_mentions x
           JOIN event_sources es ON es.mention_id = x.id JOIN events v ON v.id = es.event_id
           WHERE x.doc_id = ? ORDER BY x.start""", (doc_id,)).fetchall()
    out = []
    for r in rows:
        m = json.loads(r[1])
        out.append({"event": r[0], "mention": m["id"], "type": m["type"], "mode": m.get("mode"),
                    "trigger": m["trigger"],
                    "sentence": m["sentence"], "sources": r[2], "publishers": r[3],
                    "flags": _flags([m])})
    return out


def entity_events(store: Store, entity_id: str, documents: list[str] | None = None) -> list[dict[str, Any]]:
    """Events where the entity is an actor or a target (by the same containment rule):
    ``{id, type, mode, role, date, place, sources, trigger, sentence, doc}``, most sources first.
    ``documents``: look in these documents only (the entity page passes its latest ones)."""
    lookup = MentionLookup(store)
    scope, args = "", [entity_id]
    if documents is not None:
        if not documents:
            return []
        scope = f" AND m.doc_id IN ({','.join('?' * len(documents))})"
        args += documents
    rows = store.conn.execute(
        f"""SELECT DISTINCT es.event_id, x.data, v.source_count, v.date_start, v.place
           FROM entity_mentions m JOIN event_mentions x ON x.doc_id = m.doc_id
           JOIN event_sources es ON es.mention_id = x.id JOIN events v ON v.id = es.event_id
           WHERE m.entity_id = ? AND m.start >= x.sent_start AND m."end" <= x.sent_end{scope}""",
        args).fetchall()
    found: dict[str, dict[str, Any]] = {}
    for event_id, data, sources, date, place in rows:
        m = json.loads(data)
        roles = [role for role in ("actors", "targets")
                 if any(lookup(m["doc"], a["start"], a["end"]) == entity_id for a in m.get(role, []))]
        if not roles:
            continue
        rec = found.setdefault(event_id, {
            "id": event_id, "type": m["type"], "mode": m.get("mode"), "roles": [], "date": date,
            "place": place, "sources": sources, "trigger": m["trigger"]["text"],
            "sentence": m["sentence"]["text"].strip(), "doc": m["doc"]})
        for role in roles:
            label = role[:-1]  # actor / target
            if label not in rec["roles"]:
                rec["roles"].append(label)
    return sorted(found.values(), key=lambda e: (-e["sources"], e["date"] or "", e["id"]))


def iter_events(store: Store, *, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Every event as ``events`` returns it, most sources first (for export)."""
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM events ORDER BY source_count DESC, publisher_count DESC, date_start DESC, id")]
    lookup = MentionLookup(store)
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        rows = {r["id"]: r for r in store.conn.execute(
            f"SELECT * FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        mentions = _mention_rows(store, chunk)
        for eid in chunk:
            if eid in rows:
                yield _event(rows[eid], mentions[eid], lookup, reports=True)
