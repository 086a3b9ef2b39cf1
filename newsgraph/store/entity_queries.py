"""Read queries over resolved entities: the list, one entity with its mentions in their
sentences, co-occurring entities, claims by and about it, and the analyst's edit log.

Every function takes an open ``Store`` and only reads (all SQL parameterised); the
writes belong to ``store/resolution.py``. Entity rows come back as the stored ``Entity``
JSON (``newsgraph.model.entities``, without its mentions) plus the key columns.

Spans found by other stages (a claim's speaker "Spanish police", an event argument "the
North Korean leader") are linked to entities through *containment*: for an event
argument the longest entity mention lying inside the span (the rule ``store/resolution.py``
uses); for a claim's speaker the first one that can head the phrase, because a speaker
phrase opens with its head and trails appositions ("Farouk, who led the Workers
Movement", "Nadia Qureshi, a spokeswoman for the Sindh Police") — a possessor ("Kenya's
interior minister, Amina Odhiambo") or a nationality word qualifying a noun ("Spanish
police") is not the speaker.
A pronoun or description linked to an entity ("he", "the company") speaks for a span
only as the span itself or its opening head (``stands_for``): "his brother" is not the
man "his" refers to.
``MentionLookup`` answers that from one query per document, so a whole export pays one
query per document, not one per span.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.model import Edit
from newsgraph.store.sqlite import Store

__all__ = [
    "EntityFilter", "LoggedEdit", "MentionLookup", "claims_about", "claims_by", "cooccurring",
    "document_entity_links", "document_title_entities", "edit_log", "entities", "entities_named", "entity",
    "entity_mentions",
    "entity_names", "entity_types", "iter_entities", "linked_spans", "logged_edit", "mention_kind_counts",
    "mention_owners", "recent_documents", "referring_mentions", "title_mention_count", "title_mentions",
    "unnamed_among",
]


@dataclass(slots=True)
class EntityFilter:
    """What the entity list is narrowed to; None/empty means no filter."""

    type: str | None = None
    name: str | None = None  # a substring of the canonical name or of any alias, case-insensitive
    min_mentions: int = 0
    #: The unnamed referents (``Entity.named`` false: "a gunman" one article describes and
    #: refers back to) instead of the named entities: listed apart, so the many small
    #: participants of single articles do not flood the list.
    unnamed: bool = False

    def where(self) -> tuple[str, list[Any]]:
        conds, args = ["e.named = ?"], [0 if self.unnamed else 1]
        if self.type:
            conds.append("e.type = ?")
            args.append(self.type)
        if self.name:
            escaped = self.name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            # Aliases live in the JSON: a search for "Velmara" finds the entity named otherwise.
            conds.append("(e.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(e.data, "
                         "'$.aliases') a WHERE a.key LIKE ? ESCAPE '\\'))")
            args += [f"%{escaped}%", f"%{escaped}%"]
        if self.min_mentions:
            conds.append("e.mention_count >= ?")
            args.append(self.min_mentions)
        return " AND ".join(conds), args


def _row(r: Any) -> dict[str, Any]:
    data = json.loads(r["data"])
    return {**data, "id": r["id"], "type": r["type"], "name": r["name"],
            "type_confidence": r["type_confidence"], "mention_count": r["mention_count"],
            "doc_count": r["doc_count"], "named": bool(r["named"])}


def entities(store: Store, filt: EntityFilter, *, limit: int = 50,
             offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of entities) most mentioned first."""
    where, args = filt.where()
    total = store.conn.execute(f"SELECT count(*) FROM entities e WHERE {where}", args).fetchone()[0]
    rows = store.conn.execute(
        f"""SELECT e.* FROM entities e WHERE {where}
            ORDER BY e.mention_count DESC, e.doc_count DESC, e.name LIMIT ? OFFSET ?""",
        [*args, limit, offset]).fetchall()
    return total, [_row(r) for r in rows]


def entity_types(store: Store, unnamed: bool = False) -> dict[str, int]:
    """Named (``unnamed``: unnamed) entities per type, most first (the list's type facet)."""
    return {r[0]: r[1] for r in store.conn.execute(
        "SELECT type, count(*) FROM entities WHERE named = ? GROUP BY type ORDER BY 2 DESC, 1",
        (0 if unnamed else 1,))}


def unnamed_count(store: Store) -> int:
    """How many unnamed referents the store holds (the list's link to them)."""
    return int(store.conn.execute("SELECT count(*) FROM entities WHERE named = 0").fetchone()[0])


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return _row(row) if row else None


def entity_names(store: Store, ids: list[str]) -> dict[str, dict[str, str]]:
    """``{id: {name, type}}`` of the entities among ``ids`` that exist."""
    out: dict[str, dict[str, str]] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        chunk = wanted[i:i + 500]
        for r in store.conn.execute(
                f"SELECT id, name, type FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[r[0]] = {"name": r[1], "type": r[2]}
    return out


def unnamed_among(store: Store, ids: list[str] | set[str]) -> set[str]:
    """The unnamed referents (``named`` false: "a woman" one article describes) among ``ids``:
    what graphs leave out by default, as the entity list does."""
    out: set[str] = set()
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        chunk = wanted[i:i + 500]
        out.update(r[0] for r in store.conn.execute(
            f"SELECT id FROM entities WHERE named = 0 AND id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def entities_named(store: Store, name: str, *, limit: int = 20) -> tuple[list[dict[str, Any]],
                                                                     list[dict[str, Any]]]:
    """(entities whose name or an alias is ``name`` up to case, entities whose name or an
    alias contains it), each most mentioned first: what an analyst typing a name meant."""
    exact = [_row(r) for r in store.conn.execute(
        """SELECT e.* FROM entities e WHERE e.name = ?1 COLLATE NOCASE
           OR EXISTS (SELECT 1 FROM json_each(e.data, '$.aliases') a WHERE a.key = ?1 COLLATE NOCASE)
           ORDER BY e.mention_count DESC, e.name LIMIT ?2""", (name.strip(), limit))]
    _, near = entities(store, EntityFilter(name=name.strip()), limit=limit)
    seen = {e["id"] for e in exact}
    return exact, [e for e in near if e["id"] not in seen]


def mention_owners(store: Store, keys: list[str]) -> dict[str, dict[str, str]]:
    """``{doc:start-end: {entity, name, type, text, doc_title}}`` for the mention keys still
    linked to an entity (an edit names its entities by such anchors)."""
    out: dict[str, dict[str, str]] = {}
    for key in dict.fromkeys(keys):
        doc, _, span = key.rpartition(":")
        start, _, end = span.partition("-")
        if not (doc and start.isdigit() and end.isdigit()):
            continue
        r = store.conn.execute(
            """SELECT e.id, e.name, e.type, m.text, d.title FROM entity_mentions m
               JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.doc_id
               WHERE m.doc_id = ? AND m.start = ? AND m."end" = ?""", (doc, int(start), int(end))).fetchone()
        if r is not None:
            out[key] = {"entity": r[0], "name": r[1], "type": r[2], "text": r[3], "doc_title": r[4] or ""}
    return out


_SENTENCE_JOIN = """LEFT JOIN sentences s
                    ON s.doc_id = m.doc_id AND s.start <= m.start AND s."end" > m.start"""


def entity_mentions(store: Store, entity_id: str, *, limit: int | None = 50,
                    offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, mentions of one entity) in ingest then text order, each with its sentence
    (offsets and text), the document's title and how the mention was linked."""
    total = store.conn.execute("SELECT count(*) FROM entity_mentions WHERE entity_id = ?",
                               (entity_id,)).fetchone()[0]
    # The page is chosen on the sort keys alone (``documents_id_order`` covers them), then
    # only its rows read titles and sentences from the large document rows.
    rows = store.conn.execute(
        f"""WITH page AS (
                SELECT m.rowid AS mention FROM entity_mentions m
                JOIN documents d INDEXED BY documents_id_order ON d.id = m.doc_id
                WHERE m.entity_id = ? ORDER BY d.ingested_at, d.path, m.start LIMIT ? OFFSET ?)
            SELECT m.doc_id, m.start, m."end", m.text, m.label, m.method, m.score, m.reason,
                   d.title, d.publisher, s.start, s."end", substr(d.text, s.start + 1, s."end" - s.start),
                   m.kind, m.rule
            FROM page JOIN entity_mentions m ON m.rowid = page.mention
            JOIN documents d ON d.id = m.doc_id {_SENTENCE_JOIN}
            ORDER BY d.ingested_at, d.path, m.start""",
        (entity_id, -1 if limit is None else limit, offset)).fetchall()
    return total, [{"doc": r[0], "start": r[1], "end": r[2], "text": r[3], "label": r[4], "method": r[5],
                    "score": r[6], "reason": r[7], "doc_title": r[8], "publisher": r[9],
                    "sentence": {"start": r[10], "end": r[11], "text": r[12]} if r[10] is not None else None,
                    "kind": r[13], "rule": r[14]}
                   for r in rows]


def recent_documents(store: Store, entity_id: str, limit: int) -> list[str]:
    """The ``limit`` documents naming this entity that were ingested last (newest first).

    The panels derived from an entity's documents (co-occurring entities, claims by and
    about it, its events) read only these: for an entity named in 50,000 articles the
    newest few hundred say what an analyst opens the page for, and the cost of the page
    stays flat however large the corpus grows. The page says when it is so limited."""
    return [r[0] for r in store.conn.execute(
        """SELECT m.doc_id FROM entity_mentions m JOIN documents d ON d.id = m.doc_id
           WHERE m.entity_id = ? GROUP BY m.doc_id ORDER BY max(d.rowid) DESC LIMIT ?""",
        (entity_id, limit))]


def _in(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def cooccurring(store: Store, entity_id: str, *, limit: int = 30,
                documents: list[str] | None = None) -> list[dict[str, Any]]:
    """Entities mentioned beside this one: ``{id, name, type, sentences, documents}``, where
    ``sentences`` counts the sentences both appear in and ``documents`` the shared documents;
    most shared sentences first. ``documents``: the documents to look in (default: all the
    entity's documents; the entity page passes ``recent_documents``)."""
    docs = documents if documents is not None else [r[0] for r in store.conn.execute(
        "SELECT DISTINCT doc_id FROM entity_mentions WHERE entity_id = ?", (entity_id,))]
    if not docs:
        return []
    # Sentence of each mention by bisection over the sentence starts, in Python: one query
    # per table instead of a range join per mention.
    starts: dict[str, list[int]] = {}
    for doc, start in store.conn.execute(
            f"SELECT doc_id, start FROM sentences WHERE doc_id IN ({_in(docs)}) ORDER BY doc_id, seq", docs):
        starts.setdefault(doc, []).append(start)
    mine: set[tuple[str, int]] = set()
    others: dict[str, set[tuple[str, int]]] = {}
    for doc, start, ent in store.conn.execute(
            f"SELECT doc_id, start, entity_id FROM entity_mentions WHERE doc_id IN ({_in(docs)})", docs):
        key = (doc, bisect.bisect_right(starts.get(doc, []), start) - 1)
        if ent == entity_id:
            mine.add(key)
        else:
            others.setdefault(ent, set()).add(key)
    scored = sorted(((len(keys & mine), len({d for d, _ in keys}), ent) for ent, keys in others.items()),
                    key=lambda t: (-t[0], -t[1]))
    top = scored[:limit * 3]  # ties are broken by mention count, read for the leaders only
    rows = {r[0]: r for r in store.conn.execute(
        f"SELECT id, name, type, mention_count FROM entities WHERE id IN ({_in([t[2] for t in top])})",
        [t[2] for t in top])} if top else {}
    out = [{"id": ent, "name": rows[ent][1], "type": rows[ent][2], "sentences": sent, "documents": ndocs,
            "_mentions": rows[ent][3]} for sent, ndocs, ent in top if ent in rows]
    out.sort(key=lambda o: (-o["sentences"], -o["documents"], -o["_mentions"], o["name"]))
    for o in out:
        del o["_mentions"]
    return out[:limit]


#: What follows a possessor's name ("Kenya's interior minister"): the owner, not the speaker.
_POSSESSIVE = ("'s", "’s", "' ", "’ ")

#: One document's entity mentions for containment lookups: (start, end, entity id, kind,
#: the two characters after the mention, NER label), sorted, with their starts.
MentionRow = tuple[int, int, str, str, str, str]
MentionRows = tuple[list[int], list[MentionRow]]


def mention_rows(store: Store, doc: str, referred: bool = False) -> MentionRows:
    """A document's entity mentions as sorted rows; ``referred``: not those of a participant
    described once (rule ``participant`` of ``resolve/entities/unnamed``: an entity of one
    mention, whose words are all there is to it)."""
    where = " AND m.rule != 'participant'" if referred else ""
    rows = sorted((r[0], r[1], r[2], r[3], r[4] or "", r[5] or "") for r in store.conn.execute(
        f"""SELECT m.start, m."end", m.entity_id, m.kind, substr(d.text, m."end" + 1, 2), m.label
           FROM entity_mentions m JOIN documents d ON d.id = m.doc_id WHERE m.doc_id = ?{where}""", (doc,)))
    return [r[0] for r in rows], rows


def stands_for(row: MentionRow, start: int, end: int) -> bool:
    """May this mention (a row of ``mention_rows``) inside the span ``[start, end)`` speak
    for it? A name anywhere inside does (the containment rule above). A pronoun or a
    description only as the span itself or its opening head: "he", "the company" or "the
    company, which …" — not the possessor of "his brother" or "the company's chief"."""
    s, e, _, kind, after = row[:5]
    if kind == "name" or (s, e) == (start, end):
        return True
    return kind == "description" and s == start and not after.startswith(("'", "’"))


class MentionLookup:
    """``(doc, start, end)`` of any span → the entity of the longest entity mention inside it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._docs: dict[str, MentionRows] = {}

    def _inside(self, doc: str, start: int, end: int) -> list[MentionRow]:
        if doc not in self._docs:
            self._docs[doc] = mention_rows(self.store, doc)
        starts, rows = self._docs[doc]
        return [r for r in rows[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)]
                if r[1] <= end and stands_for(r, start, end)]

    def __call__(self, doc: str, start: int | None, end: int | None) -> str | None:
        """The entity of the longest entity mention inside the span (event arguments)."""
        if start is None or end is None:
            return None
        inside = self._inside(doc, start, end)
        return max(inside, key=lambda r: (r[1] - r[0], -r[0]))[2] if inside else None

    def head(self, doc: str, start: int | None, end: int | None) -> str | None:
        """The entity of the first entity mention inside the span that can head it (longest of
        those starting there): not a possessor ("Kenya's interior minister, Amina Odhiambo"
        is Amina Odhiambo) nor a nationality qualifying a noun ("Spanish police" is no entity)."""
        if start is None or end is None:
            return None
        heads = [r for r in self._inside(doc, start, end)
                 if not r[4].startswith(_POSSESSIVE) and not (r[5] == "NORP" and r[1] < end)]
        return min(heads, key=lambda r: (r[0], -r[1]))[2] if heads else None

    def confirmed_ref(self, claim: dict[str, Any]) -> dict[str, Any] | None:
        """The name the claims stage reads the speaker as (``speaker_ref``) where entity
        resolution agrees: for a pronoun speaker, only when resolution links the pronoun to
        that name's entity (else None: the pronoun stands as written).  The export, the web
        pages and the CLI all show this one reading."""
        ref, span = claim.get("speaker_ref"), claim.get("speaker")
        if ref and span and claim.get("speaker_kind") == "pronoun":
            mine = self.head(claim["doc"], span["start"], span["end"])
            if mine is None or mine != self.head(claim["doc"], ref["start"], ref["end"]):
                return None
        return ref

    def speaker(self, claim: dict[str, Any]) -> str | None:
        """The entity a claim's speaker stands for: its resolved reference, else its span.
        A pronoun speaker ("'…,' he said") is the entity resolution links the pronoun to,
        or none: the claims stage names one from the paragraph alone (``speaker_ref``),
        resolution reads the pronoun beside every other in the text and leaves it out where
        the text does not decide — its reading is the one kept."""
        span = claim.get("speaker")
        if claim.get("speaker_kind") == "pronoun" and span:
            return self.head(claim["doc"], span["start"], span["end"])
        for key in ("speaker_ref", "speaker"):
            span = claim.get(key)
            if span:
                found = self.head(claim["doc"], span["start"], span["end"])
                if found:
                    return found
        return None

def _claims_where(store: Store, where: str, args: list[Any],
                  documents: list[str] | None = None) -> list[dict[str, Any]]:
    if documents is not None:
        if not documents:
            return []
        where = f"({where}) AND c.doc_id IN ({_in(documents)})"
        args = [*args, *documents]
    rows = store.conn.execute(
        f"""SELECT DISTINCT c.data, d.title, d.ingested_at, d.path, c.start FROM claims c
            JOIN documents d ON d.id = c.doc_id
            JOIN entity_mentions m ON m.doc_id = c.doc_id AND m.entity_id = ?
            WHERE {where} ORDER BY d.ingested_at, d.path, c.start""", args).fetchall()
    out = []
    for r in rows:
        rec = json.loads(r[0])
        rec["doc_title"] = r[1]
        out.append(rec)
    return out


def claims_by(store: Store, entity_id: str, documents: list[str] | None = None) -> list[dict[str, Any]]:
    """Claims whose speaker (the resolved reference, else the speaker span) is this entity
    (in ``documents`` only, when given)."""
    lookup = MentionLookup(store)
    candidates = _claims_where(
        store, """(m.start >= c.speaker_start AND m."end" <= c.speaker_end)
                  OR (m.start >= json_extract(c.data, '$.speaker_ref.start')
                      AND m."end" <= json_extract(c.data, '$.speaker_ref.end'))""", [entity_id],
        documents)
    return [c for c in candidates if lookup.speaker(c) == entity_id]


def claims_about(store: Store, entity_id: str, documents: list[str] | None = None) -> list[dict[str, Any]]:
    """Claims whose content mentions this entity (in ``documents`` only, when given)."""
    return _claims_where(store, 'm.start >= c.start AND m."end" <= c."end"', [entity_id], documents)


def referring_mentions(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A document's linked pronouns and descriptions (``kind`` != name), in text order, each
    ``{start, end, text, label, kind, rule, entity, entity_name, entity_type}``."""
    rows = store.conn.execute(
        """SELECT m.start, m."end", m.text, m.label, m.kind, m.rule, e.id, e.name, e.type
           FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
           WHERE m.doc_id = ? AND m.kind != 'name' ORDER BY m.start""", (doc_id,))
    return [{"start": r[0], "end": r[1], "text": r[2], "label": r[3], "kind": r[4], "rule": r[5],
             "entity": r[6], "entity_name": r[7], "entity_type": r[8]} for r in rows]


def names_by_language(store: Store, entity_id: str) -> list[tuple[str | None, str, int]]:
    """An entity's names as ``(language of the document, name, mentions)`` rows."""
    return [(r[0], r[1], r[2]) for r in store.conn.execute(
        """SELECT d.language, m.text, count(*) FROM entity_mentions m JOIN documents d ON d.id = m.doc_id
           WHERE m.entity_id = ? AND m.kind = 'name' GROUP BY 1, 2""", (entity_id,))]


def mention_kind_counts(store: Store, entity_id: str) -> dict[str, int]:
    """An entity's mentions counted by kind: names, descriptions, pronouns."""
    counts = {"name": 0, "description": 0, "pronoun": 0}
    for kind, n in store.conn.execute(
            "SELECT kind, count(*) FROM entity_mentions WHERE entity_id = ? GROUP BY kind", (entity_id,)):
        counts[kind] = n
    return counts


def document_entity_links(store: Store, doc_id: str) -> dict[tuple[int, int], dict[str, str]]:
    """``{(start, end): {id, name, type}}``: the entity of each linked mention of a document."""
    rows = store.conn.execute(
        """SELECT m.start, m."end", e.id, e.name, e.type FROM entity_mentions m
           JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ?""", (doc_id,))
    return {(r[0], r[1]): {"id": r[2], "name": r[3], "type": r[4]} for r in rows}


def linked_spans(store: Store, doc_id: str) -> set[tuple[int, int]]:
    """``(start, end)`` of every mention of a document some resolved entity links."""
    return {(r[0], r[1]) for r in store.conn.execute(
        'SELECT start, "end" FROM entity_mentions WHERE doc_id = ?', (doc_id,))}


def edit_log(store: Store, *, limit: int = 200, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, analyst edits newest first): ``{id, op, created, author, withdrawn, edit}``
    where ``edit`` is the stored ``Edit`` statement (anchors, mentions, value, entities, note)."""
    total = store.conn.execute("SELECT count(*) FROM entity_edits").fetchone()[0]
    rows = store.conn.execute(
        """SELECT id, op, data, created, author, withdrawn FROM entity_edits
           ORDER BY created DESC, rowid DESC LIMIT ? OFFSET ?""", (limit, offset)).fetchall()
    return total, [{"id": r[0], "op": r[1], "created": r[3], "author": r[4], "withdrawn": r[5],
                    "edit": json.loads(r[2])} for r in rows]


@dataclass(frozen=True, slots=True)
class LoggedEdit:
    """One analyst edit of the log: its statement and when it was withdrawn (None: in force)."""

    id: str
    withdrawn: str | None
    edit: Edit


def logged_edit(store: Store, edit_id: str) -> LoggedEdit | None:
    """The logged edit ``edit_id``, or None when there is none."""
    row = store.conn.execute("SELECT withdrawn, data FROM entity_edits WHERE id = ?", (edit_id,)).fetchone()
    return None if row is None else LoggedEdit(edit_id, row[0], Edit.from_dict(json.loads(row[1])))


def iter_entities(store: Store) -> Iterator[dict[str, Any]]:
    """Every entity (most mentioned first) with all its mentions ``{doc, start, end, text,
    kind, rule}`` in ingest then text order (for export)."""
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM entities ORDER BY mention_count DESC, doc_count DESC, name, id")]
    for eid in ids:
        ent = entity(store, eid)
        if ent is None:
            continue
        rows = store.conn.execute(
            """SELECT m.doc_id, m.start, m."end", m.text, m.kind, m.rule FROM entity_mentions m
               JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?
               ORDER BY d.ingested_at, d.path, m.start""", (eid,))
        ent["mentions"] = [{"doc": r[0], "start": r[1], "end": r[2], "text": r[3], "kind": r[4], "rule": r[5]}
                           for r in rows]
        ent["title_mentions"] = title_mentions(store, eid)
        yield ent


def title_mentions(store: Store, entity_id: str, *, with_titles: bool = False) -> list[dict[str, Any]]:
    """An entity's names in document titles ``{doc, start, end, text}`` — offsets into the
    document's ``title`` — in ingest order (``with_titles``: and each ``doc_title``)."""
    rows = store.conn.execute(
        """SELECT m.doc_id, m.start, m."end", m.text, d.title FROM entity_title_mentions m
           JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?
           ORDER BY d.ingested_at, d.path, m.start""", (entity_id,))
    return [{"doc": r[0], "start": r[1], "end": r[2], "text": r[3],
             **({"doc_title": r[4]} if with_titles else {})} for r in rows]


def document_title_entities(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The entities a document's title names: ``{start, end, text, id, name, type}``, offsets
    into the title, in title order."""
    return [{"start": r[0], "end": r[1], "text": r[2], "id": r[3], "name": r[4], "type": r[5]}
            for r in store.conn.execute(
                """SELECT m.start, m."end", m.text, e.id, e.name, e.type FROM entity_title_mentions m
                   JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ? ORDER BY m.start""", (doc_id,))]


def title_mention_count(store: Store, entity_id: str) -> int:
    """How many document titles name the entity (its title mentions)."""
    return int(store.conn.execute("SELECT count(*) FROM entity_title_mentions WHERE entity_id = ?",
                                  (entity_id,)).fetchone()[0])
