"""The store side of corpus resolution: every row the resolvers read or write, as records.

``resolve/`` owns the rules and never touches SQLite; the corpus job
(``newsgraph/resolve_job.py``) moves records between it and this module. Here are:

- **resolver state**: the event resolver and the story index as rows
  (``store/state_rows.py``: each large container one row per item, rewritten when the
  item changes), the signals' reference counts (bytes in ``resolver_state``, whole),
  and the per-document rows — ``entity_chains`` (one row per document, written once)
  and ``story_vectors`` (one row per document: sentence vectors and view metadata);
- the **rows resolution produces**: entities and their mention links, events and their
  sources, links between documents, stories, signals; and the analyst's entity edits;
- the **documents as resolution reads them back**: a stored document rebuilt as an
  ``AnnotatedDocument`` (without the parse), its event mentions as ``EventMention``s,
  which documents are resolved.

Every method runs on the caller's connection inside the caller's transaction (the
ingest's unit of work, ``Store.transaction``); none commits by itself.
"""

from __future__ import annotations

import bisect
import json
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from datetime import UTC, datetime
from typing import Any

from newsgraph.model import (
    AnnotatedDocument,
    Document,
    Edit,
    Entity,
    Event,
    EventMention,
    Link,
    Mention,
    MergeEvidence,
    RemovedBlock,
    Sentence,
    Signal,
    Story,
    event_mention_from_dict,
)
from newsgraph.model.stories import REPEAT_KINDS
from newsgraph.store.corroboration_queries import corroboration_maps, events_independence
from newsgraph.store.entity_queries import MentionRows, mention_rows, stands_for
from newsgraph.store.sqlite import Store
from newsgraph.store.state_rows import StateRows

__all__ = ["EVIDENCE_KEPT", "MentionIndex", "ResolutionStore"]

#: Merge explanations kept on an entity's row (all of them stay in the resolver state).
EVIDENCE_KEPT = 20


#: ``MergeEvidence``'s fields in their order: its rows are what ``asdict`` gives, built
#: without ``asdict``'s deep copy (20 per entity written, most of writing an entity).
_EVIDENCE_FIELDS = tuple(f.name for f in fields(MergeEvidence))


def _evidence_dict(e: MergeEvidence) -> dict[str, Any]:
    out = {name: getattr(e, name) for name in _EVIDENCE_FIELDS}
    out["shared"] = list(out["shared"])
    return out


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class MentionIndex:
    """Per-document (start, end) → entity id, answering containment as well as exact spans.

    Event arguments are raw parse spans ("Tarnovia’s embassy", "the group Ostrel Front"),
    entity mentions are trimmed names: the entity is the mention inside the argument
    span, the longest when several are; a pronoun or description only as the span itself
    or its opening head (``entity_queries.stands_for``: "it" is the company, "his
    brother" is not the man "his" stands for). The event resolver is given this as its
    entity lookup. A participant described once ("a judge", "police": rule
    ``participant``, an unnamed entity of one mention, never joined across documents) is
    left out, its words standing for it as they did before it was an entity: its entity
    says nothing its words do not, and as entities of their own two reports' "police"
    would be two named participants that share nobody.
    """

    #: Documents whose rows are kept (the most recently asked): the event resolver asks
    #: about the documents of the batch it resolves, so a few batches' worth is enough,
    #: and a cache of every document asked about held the corpus's mentions in memory.
    CACHED_DOCS = 512

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: OrderedDict[str, MentionRows] = OrderedDict()

    def invalidate(self, doc_ids: Iterable[str] | None = None) -> None:
        """Forget the rows of ``doc_ids`` (None: of every document)."""
        for d in list(self._cache) if doc_ids is None else doc_ids:
            self._cache.pop(d, None)

    def __call__(self, doc: str, start: int, end: int) -> str | None:
        found = self._cache.get(doc)
        if found is None:
            found = self._cache[doc] = mention_rows(self.store, doc, referred=True)
            if len(self._cache) > self.CACHED_DOCS:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(doc)
        starts, rows = found
        best: tuple[int, str] | None = None
        for row in rows[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)]:
            s, e, ent = row[:3]
            if e <= end and stands_for(row, start, end) and (best is None or e - s > best[0]):
                best = (e - s, ent)
        return best[1] if best else None


class ResolutionStore:
    """Reads and writes of corpus resolution on one store (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def _conn(self) -> Any:
        return self.store.conn

    def transaction(self) -> Any:
        return self.store.transaction()

    # -- resolver state ----------------------------------------------------------------
    def state(self, stage: str) -> str | bytes | None:
        row = self._conn.execute("SELECT data FROM resolver_state WHERE stage = ?", (stage,)).fetchone()
        return row[0] if row else None

    def state_bytes(self, stage: str) -> bytes | None:
        blob = self.state(stage)
        if blob is None:
            return None
        return blob if isinstance(blob, bytes) else blob.encode("latin-1")

    def save_state(self, stage: str, data: str | bytes) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO resolver_state (stage, data, updated) VALUES (?,?,?)",
            (stage, data, now()))

    def drop_state(self, stage: str) -> None:
        self._conn.execute("DELETE FROM resolver_state WHERE stage = ?", (stage,))

    def state_rows(self, stage: str) -> StateRows:
        """The saved state object of ``stage``, its large containers one row per item
        (``store/state_rows.py``): ``load()`` it, ``save(obj)`` what changed."""
        return StateRows(lambda: self._conn, stage)

    def entity_chains(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Each resolved document's entity chains, in the order they were saved."""
        return [(doc_id, json.loads(data)) for doc_id, data in self._conn.execute(
            "SELECT doc_id, data FROM entity_chains ORDER BY seq")]

    def document_chains(self, doc_id: str) -> list[dict[str, Any]] | None:
        """One document's saved entity chains, None when none were saved."""
        row = self._conn.execute("SELECT data FROM entity_chains WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def save_chains(self, docs: Iterable[tuple[str, list[dict[str, Any]]]]) -> None:
        """Write the chains of documents not saved before (a document's chains never change)."""
        self._conn.executemany(
            "INSERT OR IGNORE INTO entity_chains (doc_id, data) SELECT ?, ? WHERE EXISTS "
            "(SELECT 1 FROM documents WHERE id = ?)",
            [(doc_id, json.dumps(chains, ensure_ascii=False), doc_id) for doc_id, chains in docs])

    def story_record(self, doc_id: str) -> tuple[str, bytes, str] | None:
        """``(text, vector bytes, metadata JSON)`` of a document's story record."""
        row = self._conn.execute(
            """SELECT d.text, v.sentences, v.meta FROM story_vectors v
               JOIN documents d ON d.id = v.doc_id WHERE v.doc_id = ?""", (doc_id,)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def put_story_record(self, doc_id: str, vectors: bytes, meta: str) -> None:
        # only for a stored document (the row cascades with it; a deleted one has none)
        self._conn.execute(
            """INSERT OR REPLACE INTO story_vectors (doc_id, sentences, meta)
               SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)""",
            (doc_id, vectors, meta, doc_id))

    # -- documents ---------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def resolved_ids(self) -> list[str]:
        """Resolved documents in ingest order."""
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM documents WHERE resolved = 1 ORDER BY rowid")]

    def resolved_texts(self) -> Iterator[tuple[str, str]]:
        yield from self._conn.execute("SELECT id, text FROM documents WHERE resolved = 1 ORDER BY rowid")

    def resolved_count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM documents WHERE resolved = 1").fetchone()[0]

    def unresolved_ids(self, limit: int) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM documents WHERE resolved = 0 ORDER BY rowid LIMIT ?", (limit,))]

    def mark_resolved(self, doc_ids: Iterable[str]) -> None:
        self._conn.executemany("UPDATE documents SET resolved = 1 WHERE id = ?", [(i,) for i in doc_ids])

    def annotated_document(self, doc_id: str) -> AnnotatedDocument:
        """A stored document as the resolvers saw it during its ingest, without the parse."""
        d = self.store.document(doc_id)
        assert d is not None
        doc = Document(id=d["id"], path=d["path"], text=d["text"], title=d["title"],
                       published=d["published"], publisher=d["publisher"], authors=d["authors"],
                       url=d["url"], attributed_to=d["attributed_to"], language=d["language"],
                       language_score=d["language_score"], format=d["format"],
                       encoding=d["encoding"], provenance=d["provenance"], warnings=d["warnings"],
                       removed=[RemovedBlock(text=b["text"], kind=b["kind"], line=b["line"],
                                             score=b["score"]) for b in d["removed"]])
        return AnnotatedDocument(
            document=doc, annotated=d["annotated"], reason=d["annotate_reason"], model=d["model"],
            sentences=[Sentence(s["start"], s["end"]) for s in d["sentences"]],
            mentions=[Mention(m["start"], m["end"], m["text"], m["label"], m["sentence"], m["rule"])
                      for m in d["mentions"]],
            governments=self._governments(doc_id))

    def _governments(self, doc_id: str) -> list[tuple[int, int, str]]:
        """The capitals the place stage read as their country's government (no point on
        the map, an entry all the same), as ``AnnotatedDocument.governments`` holds them."""
        rows = self._conn.execute(
            'SELECT start, "end", name, data FROM places WHERE doc_id = ? AND lat IS NULL '
            "AND geonameid IS NOT NULL ORDER BY start", (doc_id,)).fetchall()
        return [(r[0], r[1], r[2]) for r in rows if json.loads(r[3]).get("role") == "government"]

    def claims(self, doc_id: str) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self._conn.execute(
            "SELECT data FROM claims WHERE doc_id = ?", (doc_id,))]

    def _keys(self, table: str, column: str, doc_ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for doc_id in doc_ids:
            out[doc_id] = [r[0] for r in self._conn.execute(
                f"SELECT DISTINCT {column} FROM {table} WHERE doc_id = ?", (doc_id,))]
        return out

    def entity_keys(self, doc_ids: list[str]) -> dict[str, list[str]]:
        """The entities each document mentions."""
        return self._keys("entity_mentions", "entity_id", doc_ids)

    def event_keys(self, doc_ids: list[str]) -> dict[str, list[str]]:
        """The events each document reports."""
        return self._keys("event_sources", "event_id", doc_ids)

    # -- entities ----------------------------------------------------------------------
    def edits(self) -> list[Edit]:
        """The analyst's edits that stand, oldest first (the edits table is the authority)."""
        return [Edit.from_dict(json.loads(r[0])) for r in self._conn.execute(
            "SELECT data FROM entity_edits WHERE withdrawn IS NULL ORDER BY created, rowid")]

    def log_edit(self, edit: Edit) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO entity_edits (id, op, data, created, author) VALUES (?,?,?,?,?)",
            (edit.id, edit.op, json.dumps(edit.to_dict(), ensure_ascii=False), edit.created, edit.author))

    def withdraw_edit(self, edit_id: str, when: str) -> None:
        self._conn.execute("UPDATE entity_edits SET withdrawn = ? WHERE id = ?", (when, edit_id))

    def write_entity(self, ent: Entity, only: set[str] | None = None,
                     mention_count: int | None = None, evidence_total: int | None = None) -> None:
        """Write an entity's row and its mention links (``only``: just these mention keys —
        an entity that grows by a few mentions a batch is not rewritten whole each time;
        ``mention_count``: how many it holds, when ``ent.mentions`` are only those;
        ``evidence_total``: how many merge explanations it has had, when ``ent.evidence``
        holds only the latest — at least ``EVIDENCE_KEPT`` of them)."""
        data = {
            "aliases": ent.aliases, "type_votes": ent.type_votes, "documents": ent.documents,
            # The latest merges explain the entity; older ones stay in the resolver state.
            "evidence": [_evidence_dict(e) for e in ent.evidence[-EVIDENCE_KEPT:]],
            "evidence_total": len(ent.evidence) if evidence_total is None else evidence_total,
        }
        self._conn.execute(
            """INSERT OR REPLACE INTO entities (id, type, name, type_confidence, mention_count,
               doc_count, data, named) VALUES (?,?,?,?,?,?,?,?)""",
            (ent.id, ent.type, ent.name, ent.type_confidence,
             len(ent.mentions) if mention_count is None else mention_count, len(ent.documents),
             json.dumps(data, ensure_ascii=False), int(ent.named)))
        self._conn.executemany(
            """INSERT OR REPLACE INTO entity_mentions (doc_id, start, "end", entity_id, text, label,
               method, score, reason, kind, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
            [(m.doc, m.start, m.end, ent.id, m.text, m.label, m.method, m.score, m.reason, m.kind, m.rule)
             for m in ent.mentions if only is None or m.key in only])
        self._conn.executemany(
            """INSERT OR REPLACE INTO entity_title_mentions (doc_id, start, "end", entity_id, text, label,
               method, score, reason) VALUES (?,?,?,?,?,?,?,?,?)""",
            [(m.doc, m.start, m.end, ent.id, m.text, m.label, m.method, m.score, m.reason)
             for m in ent.title_mentions if only is None or m.key in only])

    def move_entity_mentions(self, moved: dict[str, str]) -> None:
        """Point the mention rows of each entity of ``moved`` (merged away) at the entity it
        joined."""
        for table in ("entity_mentions", "entity_title_mentions"):
            self._conn.executemany(f"UPDATE {table} SET entity_id = ? WHERE entity_id = ?",
                                   [(kept, gone) for gone, kept in moved.items()])

    def delete_entities(self, ids: Iterable[str]) -> None:
        self._conn.executemany("DELETE FROM entities WHERE id = ?", [(g,) for g in ids])

    def clear_entities(self) -> None:
        self._conn.execute("DELETE FROM entities")
        self._conn.execute("DELETE FROM entity_mentions")
        self._conn.execute("DELETE FROM entity_title_mentions")

    # -- events ------------------------------------------------------------------------
    def event_mentions(self, doc_id: str) -> list[EventMention]:
        """A document's event mentions as stored (with any date a later batch lent them)."""
        return [event_mention_from_dict(json.loads(r[0])) for r in self._conn.execute(
            "SELECT data FROM event_mentions WHERE doc_id = ? ORDER BY start", (doc_id,))]

    def resolved_event_mentions(self, place_labels: Iterable[str]) -> Iterator[
            tuple[EventMention, str | None, str | None, str, list[str]]]:
        """Every event mention of the resolved documents in ingest order, with its document's
        published date, publisher, text and the places it names (``place_labels``)."""
        labels = list(place_labels)
        rows = self._conn.execute(
            """SELECT e.data, e.doc_id, d.published, d.publisher FROM event_mentions e
               JOIN documents d ON d.id = e.doc_id WHERE d.resolved = 1
               ORDER BY d.rowid, e.start""").fetchall()
        text_of: tuple[str, str, list[str]] = ("", "", [])
        for data, doc_id, published, publisher in rows:
            # read once per document: the rows come document by document
            if text_of[0] != doc_id:
                text_of = (doc_id, self._conn.execute(
                    "SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0],
                    [r[0] for r in self._conn.execute(
                        "SELECT text FROM mentions WHERE doc_id = ? AND label IN ({}) ORDER BY start".format(
                            ",".join("?" * len(labels))), (doc_id, *labels))])
            yield event_mention_from_dict(json.loads(data)), published, publisher, text_of[1], text_of[2]

    def write_events(self, events: Iterable[Event], touched: set[str],
                     gone: Iterable[str] | None = None) -> None:
        """Rows of the ``touched`` events as they are now, and no row of an event gone
        (merged into another). ``events`` holds at least the touched ones; ``gone`` names
        the events merged away since the last write — None: every stored event that is not
        in ``events`` (which then holds every event), read from the table."""
        current = {e.id: e for e in events}
        if gone is None:
            stored = {r[0] for r in self._conn.execute("SELECT id FROM events")}
            gone = stored - set(current)
        else:
            gone = set(gone) - set(current)
        self._conn.executemany("DELETE FROM events WHERE id = ?", [(g,) for g in gone])
        self._conn.executemany("DELETE FROM event_sources WHERE event_id = ?", [(g,) for g in gone])
        for eid in touched & set(current):
            ev = current[eid]
            self._conn.execute("DELETE FROM event_sources WHERE event_id = ?", (eid,))
            mention_docs = dict(self._conn.execute(
                "SELECT id, doc_id FROM event_mentions WHERE id IN ({})".format(
                    ",".join("?" * len(ev.mentions))), ev.mentions).fetchall()) if ev.mentions else {}
            self._conn.executemany(
                "INSERT OR IGNORE INTO event_sources (event_id, mention_id, doc_id) VALUES (?,?,?)",
                [(eid, m, mention_docs[m]) for m in ev.mentions if m in mention_docs])
            lat, lon = self._event_point(eid, ev.place)
            self._conn.execute(
                """INSERT OR REPLACE INTO events (id, type, mode, date_start, date_end, place, lat, lon,
                   source_count, publisher_count, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                (ev.id, ev.type, ev.mode, ev.date_start, ev.date_end, ev.place, lat, lon,
                 len(ev.sources), ev.publishers, json.dumps(asdict(ev), ensure_ascii=False)))

    def _event_point(self, event_id: str, place: str | None) -> tuple[float | None, float | None]:
        """Coordinates of an event's place: the gazetteer link of that place phrase in one of
        the event's own documents (offsets inside the phrase), else None — never a place
        elsewhere in the article."""
        if not place:
            return None, None
        row = self._conn.execute(
            """SELECT p.lat, p.lon FROM event_sources s
               JOIN event_mentions m ON m.id = s.mention_id
               JOIN places p ON p.doc_id = m.doc_id
                 AND p.start >= json_extract(m.data, '$.place.start')
                 AND p."end" <= json_extract(m.data, '$.place.end')
               WHERE s.event_id = ? AND p.lat IS NOT NULL
               ORDER BY p."end" - p.start DESC LIMIT 1""", (event_id,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def event_ids(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT id FROM events")]

    def event_source_documents(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT DISTINCT doc_id FROM event_sources")]

    def documents_of_events(self, event_ids: set[str]) -> set[str]:
        if not event_ids:
            return set()
        return {r[0] for r in self._conn.execute(
            "SELECT DISTINCT doc_id FROM event_sources WHERE event_id IN ({})".format(
                ",".join("?" * len(event_ids))), list(event_ids))}

    def events_of_document(self, doc_id: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT DISTINCT event_id FROM event_sources WHERE doc_id = ?", (doc_id,))]

    def events_independence(self, event_ids: Iterable[str]) -> dict[str, Any]:
        """``newsgraph.independence`` of each event from its sources as stored now."""
        return events_independence(self.store, event_ids)

    def count_independent_reports(self, touched: set[str], links: Iterable[Link]) -> set[str]:
        """Count the independent reports (``newsgraph.independence``) of the touched events
        and of every event of a document a new repeat link touches; store the count as
        ``publisher_count`` and the reports in ``data.independent``. Returns those events."""
        linked = {d for lk in links if lk.kind in REPEAT_KINDS for d in (lk.a, lk.b)}
        events = set(touched)
        for doc in linked:
            events.update(self.events_of_document(doc))
        self.write_independence(self.events_independence(events))
        return events

    def write_independence(self, found: dict[str, Any]) -> None:
        """Store each event's count of independent reports as ``publisher_count`` and the
        reports in ``data.independent``."""
        self._conn.executemany(
            "UPDATE events SET publisher_count = ?, data = json_set(data, '$.publishers', ?, "
            "'$.independent', json(?)) WHERE id = ?",
            [(ind.count, ind.count, json.dumps(ind.to_dict()["reports"], ensure_ascii=False), eid)
             for eid, ind in found.items()])

    def corroboration_maps(self, doc_ids: Iterable[str]) -> dict[str, Any]:
        return corroboration_maps(self.store, doc_ids)

    # -- stories and links -------------------------------------------------------------
    def write_links(self, links: Iterable[Link]) -> None:
        for link in links:
            # One link per pair, the strongest kind: an upgraded link replaces the old row.
            self._conn.execute("DELETE FROM links WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)",
                               (link.a, link.b, link.b, link.a))
            self._conn.execute(
                "INSERT INTO links (a, b, kind, score, data) VALUES (?,?,?,?,?)",
                (link.a, link.b, link.kind, link.score, json.dumps(asdict(link), ensure_ascii=False)))

    def write_stories(self, stories: Iterable[Story]) -> None:
        """Rewrite these stories' rows; a story left with no document loses its row."""
        written = []
        for story in stories:
            written.append(story.id)
            self._conn.execute("DELETE FROM story_documents WHERE story_id = ?", (story.id,))
            self._conn.execute(
                'INSERT OR REPLACE INTO stories (id, label, start, "end", size, data) VALUES (?,?,?,?,?,?)',
                (story.id, story.label, story.start, story.end, len(story.documents),
                 json.dumps(asdict(story), ensure_ascii=False)))
            self._conn.executemany(
                "INSERT OR IGNORE INTO story_documents (story_id, doc_id) VALUES (?,?)",
                [(story.id, d) for d in story.documents])
        # A document moves to at most one story: drop rows left behind in the old one. Of the
        # stories written only (a story's documents change only when it is written): the
        # whole table's check read every story's documents per batch.
        for i in range(0, len(written), 500):
            chunk = written[i:i + 500]
            marks = ",".join("?" * len(chunk))
            self._conn.execute(
                f"DELETE FROM stories WHERE id IN ({marks}) AND id NOT IN "
                f"(SELECT story_id FROM story_documents WHERE story_id IN ({marks}))", [*chunk, *chunk])

    # -- signals -----------------------------------------------------------------------
    def write_signals(self, doc_id: str, signals: Iterable[Signal]) -> None:
        self._conn.executemany(
            "INSERT OR REPLACE INTO signals (subject, name, value, data) VALUES (?,?,?,?)",
            [(doc_id, sig.name, sig.value, json.dumps(asdict(sig), ensure_ascii=False)) for sig in signals])
