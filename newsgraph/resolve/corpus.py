"""Corpus-level resolution: entities and events across documents, kept up to date per batch.

The pipeline hands each stored batch here (with the spaCy parse still attached, which
the within-document coreference uses). The resolvers are incremental: they keep state
between batches and between runs — the entity resolver as each document's chains
(``entity_chains``, written once per document, replayed with the analyst's edits from
``entity_edits``), the event resolver and the story index pickled in ``resolver_state``
— so a new ingest only pays for its new documents.

Resolution never rewrites a mention: it links mentions to entities and event mentions
to events, and records why. A document is marked ``resolved`` only once its links are
written; documents left unresolved by a killed run are picked up by the next one
(from the store, without the parse: resolution then falls back to capitalisation cues).
"""

from __future__ import annotations

import bisect
import json
import logging
import pickle
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from newsgraph import settings
from newsgraph.independence import REPEAT_KINDS
from newsgraph.model import (
    AnnotatedDocument,
    ArgumentSpan,
    Document,
    Edit,
    Entity,
    EntityChange,
    EventDate,
    EventFlags,
    EventMention,
    EventPlace,
    Link,
    Mention,
    RemovedBlock,
    Sentence,
    Span,
)
from newsgraph.nlp.places import PLACE_LABELS
from newsgraph.resolve.dates import date_documents
from newsgraph.resolve.entities import Resolver, ResolverState
from newsgraph.resolve.events import EventResolver
from newsgraph.resolve.stories import SqliteRecords, StoryIndex
from newsgraph.signals import article_signals
from newsgraph.store import Store
from newsgraph.store.corroboration_queries import (
    corroboration_maps,
    events_independence,
)
from newsgraph.store.entity_queries import MentionRows, mention_rows, stands_for

__all__ = ["CorpusResolver", "event_mention_from_dict"]

log = logging.getLogger(__name__)

ENTITY_STATE = "entities"
EVENT_STATE = "events"
STORY_STATE = "stories"

#: Merge explanations kept on an entity's row (all of them stay in the resolver state).
EVIDENCE_KEPT = 20


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def event_mention_from_dict(d: dict[str, Any]) -> EventMention:
    """Rebuild an ``EventMention`` from the JSON the store keeps in ``event_mentions.data``."""
    flags = dict(d.get("flags") or {})
    for key in ("reported_via", "speaker"):
        if flags.get(key):
            flags[key] = Span(**flags[key])
    date = d.get("date")
    if date:
        date = EventDate(**{**date, "evidence": Span(**date["evidence"])})
    return EventMention(
        id=d["id"], doc=d["doc"], type=d["type"], mode=d.get("mode"),
        trigger=Span(**d["trigger"]), sentence=Span(**d["sentence"]),
        actors=[ArgumentSpan(**a) for a in d.get("actors", [])],
        targets=[ArgumentSpan(**a) for a in d.get("targets", [])],
        place=EventPlace(**d["place"]) if d.get("place") else None,
        date=date, context=list(d.get("context", [])), flags=EventFlags(**flags),
        lemma=d.get("lemma", ""), confidence=d.get("confidence", 0.0), rule=d.get("rule", ""),
        date_pending=Span(**d["date_pending"]) if d.get("date_pending") else None,
    )


class _MentionIndex:
    """Per-document (start, end) → entity id, answering containment as well as exact spans.

    Event arguments are raw parse spans ("Tarnovia’s embassy", "the group Ostrel Front"),
    entity mentions are trimmed names: the entity is the mention inside the argument
    span, the longest when several are; a pronoun or description only as the span itself
    or its opening head (``entity_queries.stands_for``: "it" is the company, "his
    brother" is not the man "his" stands for).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, MentionRows] = {}

    def invalidate(self, doc_ids: Iterable[str]) -> None:
        for d in doc_ids:
            self._cache.pop(d, None)

    def __call__(self, doc: str, start: int, end: int) -> str | None:
        if doc not in self._cache:
            self._cache[doc] = mention_rows(self.store, doc)
        starts, rows = self._cache[doc]
        best: tuple[int, str] | None = None
        for row in rows[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)]:
            s, e, ent = row[:3]
            if e <= end and stands_for(row, start, end) and (best is None or e - s > best[0]):
                best = (e - s, ent)
        return best[1] if best else None


class CorpusResolver:
    """Loads the resolvers' state from a store, resolves batches, writes the results back."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._chain_docs: set[str] = set()
        self.entities = self._load_entities()
        self.lookup = _MentionIndex(store)
        self.events = self._load_events()
        self.stories = self._load_stories()
        self._uncommitted: list[str] = []
        self._saved_docs: int | None = None
        self._dating_seen: dict[str, str] = {}  # undated document -> its anchors when last dated
        self._reference_dirty = False
        self.reference, self._reference_pending = self._load_reference()
        self._count_independent_reports_once()

    # -- state -----------------------------------------------------------------------
    def _state(self, stage: str) -> str | None:
        row = self.store.conn.execute(
            "SELECT data FROM resolver_state WHERE stage = ?", (stage,)).fetchone()
        return row[0] if row else None

    def _save_state(self, stage: str, data: str | bytes) -> None:
        self.store.conn.execute(
            "INSERT OR REPLACE INTO resolver_state (stage, data, updated) VALUES (?,?,?)",
            (stage, data, _now()))

    def _load_entities(self) -> Resolver:
        edits = [Edit.from_dict(json.loads(r[0])) for r in self.store.conn.execute(
            "SELECT data FROM entity_edits WHERE withdrawn IS NULL ORDER BY created, rowid")]
        legacy = self._state(ENTITY_STATE)
        if legacy is not None:  # a store from before per-document chains (migration 9)
            with self.store.transaction():
                self._save_chains(ResolverState.from_json(legacy).docs)
                self.store.conn.execute("DELETE FROM resolver_state WHERE stage = ?", (ENTITY_STATE,))
        docs = [(doc_id, json.loads(data)) for doc_id, data in self.store.conn.execute(
            "SELECT doc_id, data FROM entity_chains ORDER BY seq")]
        self._chain_docs = {doc_id for doc_id, _ in docs}
        if not docs:
            return Resolver(edits=edits)
        # The edits table is the audit log and the authority on which edits stand.
        return Resolver.from_state(ResolverState(docs, [e.to_dict() for e in edits]))

    def _save_chains(self, docs: Iterable[tuple[str, list[dict[str, Any]]]]) -> None:
        """Write the chains of documents not saved before (a document's chains never change)."""
        self.store.conn.executemany(
            "INSERT OR IGNORE INTO entity_chains (doc_id, data) SELECT ?, ? WHERE EXISTS "
            "(SELECT 1 FROM documents WHERE id = ?)",
            [(doc_id, json.dumps(chains, ensure_ascii=False), doc_id) for doc_id, chains in docs])

    def _load_stories(self) -> StoryIndex:
        # Per-document text views and sentence vectors live in the story_vectors table,
        # not in the pickled index; a missing record is rebuilt from the stored document.
        def source(doc_id: str) -> tuple[AnnotatedDocument, set[str]] | None:
            if self.store.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
                return None
            return (self.annotated_from_store(doc_id),
                    set(self._keys("entity_mentions", "entity_id", [doc_id])[doc_id]))

        records = SqliteRecords(self.store.conn, source)
        blob = self._state(STORY_STATE)
        if blob is not None:
            try:
                index = pickle.loads(blob if isinstance(blob, bytes) else blob.encode("latin-1"))
                with self.store.transaction():  # an index pickled with its views moves them to the table
                    index.attach(records)
                return index
            except Exception:
                log.warning("story index state unreadable; rebuilding it from stored documents")
        index = StoryIndex(records=records)
        ids = [r[0] for r in self.store.conn.execute(
            "SELECT id FROM documents WHERE resolved = 1 ORDER BY rowid")]
        with self.store.transaction():
            for i in range(0, len(ids), 256):
                index.add([self.annotated_from_store(d) for d in ids[i:i + 256]])
        return index

    def _load_events(self) -> EventResolver:
        blob = self._state(EVENT_STATE)
        if blob is not None:
            try:
                resolver = pickle.loads(blob if isinstance(blob, bytes) else blob.encode("latin-1"))
                resolver.set_entity_lookup(self.lookup)
                return resolver
            except Exception:  # an older, incompatible state: rebuild it from the mentions
                log.warning("event resolver state unreadable; replaying stored event mentions")
        resolver = EventResolver(entity_of=self.lookup)
        rows = self.store.conn.execute(
            """SELECT e.data, e.doc_id, d.published, d.publisher FROM event_mentions e
               JOIN documents d ON d.id = e.doc_id WHERE d.resolved = 1
               ORDER BY d.rowid, e.start""").fetchall()
        text_of: tuple[str, str, list[str]] = ("", "", [])
        for data, doc_id, published, publisher in rows:
            # The text (and places named) place each document in the resolver's stories, as
            # during ingest (read once per document: the rows come document by document).
            if text_of[0] != doc_id:
                text_of = (doc_id, self.store.conn.execute(
                    "SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0],
                    [r[0] for r in self.store.conn.execute(
                        "SELECT text FROM mentions WHERE doc_id = ? AND label IN ({}) ORDER BY start".format(
                            ",".join("?" * len(PLACE_LABELS))), (doc_id, *PLACE_LABELS))])
            resolver.add(event_mention_from_dict(json.loads(data)), published=published,
                         publisher=publisher, context=text_of[1], places=text_of[2])
        return resolver

    def commit_due(self, min_docs: int) -> bool:
        """Whether enough has been resolved since the last save to save again: ``min_docs``,
        and ``settings.RESOLVE_COMMIT_FRACTION`` of the documents saved before."""
        if len(self._uncommitted) < min_docs:
            return False
        if self._saved_docs is None:  # counted once per run (a scan), then kept up to date
            self._saved_docs = self.store.conn.execute(
                "SELECT count(*) FROM documents WHERE resolved = 1").fetchone()[0]
        return len(self._uncommitted) >= settings.RESOLVE_COMMIT_FRACTION * self._saved_docs

    def commit(self) -> None:
        """Save both resolvers' state and mark the documents resolved since the last commit,
        in one transaction: a document counts as resolved only once the state that knows it
        is stored. Called when ``commit_due``, not every batch, because the state is written
        whole (its size grows with the corpus)."""
        self.events.set_entity_lookup(None)
        try:
            events_blob = pickle.dumps(self.events, protocol=5)
        finally:
            self.events.set_entity_lookup(self.lookup)
        stories_blob = pickle.dumps(self.stories, protocol=5)
        with self.store.transaction():
            new = [(d, c) for d, c in self.entities.state().docs if d not in self._chain_docs]
            self._save_chains(new)
            self._chain_docs.update(d for d, _ in new)
            self._save_state(EVENT_STATE, events_blob)
            self._save_state(STORY_STATE, stories_blob)
            self._save_reference()
            self.store.conn.executemany("UPDATE documents SET resolved = 1 WHERE id = ?",
                                        [(i,) for i in self._uncommitted])
        if self._saved_docs is not None:
            self._saved_docs += len(self._uncommitted)
        self._uncommitted.clear()

    # -- resolving -------------------------------------------------------------------
    def pending(self, limit: int = 500) -> list[AnnotatedDocument]:
        """Stored documents not yet resolved (a killed run), rebuilt without their parse."""
        out: list[AnnotatedDocument] = []
        for row in self.store.conn.execute(
                "SELECT id FROM documents WHERE resolved = 0 ORDER BY rowid LIMIT ?", (limit,)):
            out.append(self.annotated_from_store(row[0]))
        return out

    def annotated_from_store(self, doc_id: str) -> AnnotatedDocument:
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
            mentions=[Mention(m["start"], m["end"], m["text"], m["label"], m["sentence"])
                      for m in d["mentions"]])

    def resolve(self, adocs: list[AnnotatedDocument]) -> None:
        """Resolve stored documents' entities and events (``commit`` marks them resolved)."""
        if not adocs:
            return
        ids = [a.document.id for a in adocs]
        with self.store.transaction():
            self._write_entity_changes(self.entities.add(adocs))
            self.lookup.invalidate(ids)
            touched: set[str] = set()
            for adoc in adocs:
                d = adoc.document
                places = [m.text for m in adoc.mentions if m.label in PLACE_LABELS]
                for row in self.store.conn.execute(
                        'SELECT data FROM event_mentions WHERE doc_id = ? ORDER BY start', (d.id,)):
                    touched.add(self.events.add(event_mention_from_dict(json.loads(row[0])),
                                                published=d.published, publisher=d.publisher,
                                                context=d.text, places=places))
            # Events whose related links changed (the other side of a new link) are rewritten
            # too; they are not touched for dating or signals.
            self._write_events(touched | self.events.take_changed())
            self._date_from_events(touched)
            links = self.stories.add(adocs, entities=self._keys("entity_mentions", "entity_id", ids),
                                     events=self._keys("event_sources", "event_id", ids))
            self._write_links(links)
            self._write_stories(ids)
            # After the links: a copy found now (of this batch or an older document)
            # changes the independent reports of events written before.
            counted = self._write_independent_reports(touched, links)
            self._write_signals(adocs, counted)
        self._uncommitted.extend(ids)

    def catch_up(self, reparse: Callable[[list[AnnotatedDocument]], None] | None = None) -> int:
        """Resolve documents stored without resolution (``--no-resolve``, or a store written
        before ingests were whole units of work); returns how many. ``reparse`` gives them
        their parse back, so they resolve as they would have during their own ingest."""
        done = 0
        while batch := self.pending():
            if reparse is not None:
                reparse([a for a in batch if a.annotated])
            with self.store.transaction():  # rows and the state that knows them, together
                self.resolve(batch)
                self.commit()
            done += len(batch)
        return done

    # -- analyst edits ---------------------------------------------------------------
    def edit(self, edit: Edit) -> list[EntityChange]:
        """Apply an analyst edit, log it, and rewrite the entities it touches."""
        edit.created = edit.created or _now()
        with self.store.transaction():
            self.store.conn.execute(
                "INSERT OR IGNORE INTO entity_edits (id, op, data, created, author) VALUES (?,?,?,?,?)",
                (edit.id, edit.op, json.dumps(edit.to_dict(), ensure_ascii=False), edit.created,
                 edit.author))
            changes = self.entities.apply(edit)
            self._rewrite_all_entities()
            self.commit()
        return changes

    def withdraw(self, edit_id: str) -> None:
        with self.store.transaction():
            self.store.conn.execute("UPDATE entity_edits SET withdrawn = ? WHERE id = ?",
                                    (_now(), edit_id))
            self.entities.remove_edit(edit_id)
            self._rewrite_all_entities()
            self.commit()

    # -- writing ---------------------------------------------------------------------
    def _write_entity(self, ent: Entity, only: set[str] | None = None) -> None:
        """Write an entity's row and its mention links (``only``: just these mention keys —
        an entity that grows by a few mentions a batch is not rewritten whole each time)."""
        data = {
            "aliases": ent.aliases, "type_votes": ent.type_votes, "documents": ent.documents,
            # The latest merges explain the entity; older ones stay in the resolver state.
            "evidence": [asdict(e) for e in ent.evidence[-EVIDENCE_KEPT:]],
            "evidence_total": len(ent.evidence),
        }
        self.store.conn.execute(
            """INSERT OR REPLACE INTO entities (id, type, name, type_confidence, mention_count,
               doc_count, data) VALUES (?,?,?,?,?,?,?)""",
            (ent.id, ent.type, ent.name, ent.type_confidence, len(ent.mentions), len(ent.documents),
             json.dumps(data, ensure_ascii=False)))
        self.store.conn.executemany(
            """INSERT OR REPLACE INTO entity_mentions (doc_id, start, "end", entity_id, text, label,
               method, score, reason, kind, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
            [(m.doc, m.start, m.end, ent.id, m.text, m.label, m.method, m.score, m.reason, m.kind, m.rule)
             for m in ent.mentions if only is None or m.key in only])

    def _write_entity_changes(self, changes: list[EntityChange]) -> None:
        gone = {a for c in changes for a in c.absorbed}
        whole: set[str] = set()  # created or merged: every mention row (re)written
        added: dict[str, set[str]] = {}
        for c in changes:
            ent_id = self.entities.entity(c.entity).id if self.entities.entity(c.entity) else None
            if ent_id is None:
                continue
            if c.kind == "extended":
                added.setdefault(ent_id, set()).update(c.mentions)
            else:
                whole.add(ent_id)
        gone -= whole | set(added)
        self.store.conn.executemany("DELETE FROM entities WHERE id = ?", [(g,) for g in gone])
        for eid in whole | set(added):
            ent = self.entities.entity(eid)
            if ent is not None:
                self._write_entity(ent, None if eid in whole else added[eid])

    def _rewrite_all_entities(self) -> None:
        """After an edit resolution is replayed: every entity row is rewritten."""
        self.store.conn.execute("DELETE FROM entities")
        self.store.conn.execute("DELETE FROM entity_mentions")
        for ent in self.entities.entities():
            self._write_entity(ent)
        self.lookup.invalidate(list(self.lookup._cache))

    def _date_from_events(self, touched: set[str]) -> None:
        """Date undated reports of the touched events from the other reports of them
        (``resolve.dates``); the batch may bring the dated report after the undated one."""
        if touched:
            date_documents(self.store, touched, self._dating_seen)

    def _write_events(self, touched: set[str]) -> None:
        current = {e.id: e for e in self.events.events}
        stored = {r[0] for r in self.store.conn.execute("SELECT id FROM events")}
        gone = stored - set(current)
        self.store.conn.executemany("DELETE FROM events WHERE id = ?", [(g,) for g in gone])
        self.store.conn.executemany("DELETE FROM event_sources WHERE event_id = ?",
                                    [(g,) for g in gone])
        for eid in touched & set(current):
            ev = current[eid]
            self.store.conn.execute("DELETE FROM event_sources WHERE event_id = ?", (eid,))
            mention_docs = dict(self.store.conn.execute(
                "SELECT id, doc_id FROM event_mentions WHERE id IN ({})".format(
                    ",".join("?" * len(ev.mentions))), ev.mentions).fetchall()) if ev.mentions else {}
            self.store.conn.executemany(
                "INSERT OR IGNORE INTO event_sources (event_id, mention_id, doc_id) VALUES (?,?,?)",
                [(eid, m, mention_docs[m]) for m in ev.mentions if m in mention_docs])
            lat, lon = self._event_point(eid, ev.place)
            self.store.conn.execute(
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
        row = self.store.conn.execute(
            """SELECT p.lat, p.lon FROM event_sources s
               JOIN event_mentions m ON m.id = s.mention_id
               JOIN places p ON p.doc_id = m.doc_id
                 AND p.start >= json_extract(m.data, '$.place.start')
                 AND p."end" <= json_extract(m.data, '$.place.end')
               WHERE s.event_id = ? AND p.lat IS NOT NULL
               ORDER BY p."end" - p.start DESC LIMIT 1""", (event_id,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def _keys(self, table: str, column: str, doc_ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for doc_id in doc_ids:
            out[doc_id] = [r[0] for r in self.store.conn.execute(
                f"SELECT DISTINCT {column} FROM {table} WHERE doc_id = ?", (doc_id,))]
        return out

    def _write_links(self, links: list[Link]) -> None:
        for link in links:
            # One link per pair, the strongest kind: an upgraded link replaces the old row.
            self.store.conn.execute("DELETE FROM links WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)",
                                    (link.a, link.b, link.b, link.a))
            self.store.conn.execute(
                "INSERT INTO links (a, b, kind, score, data) VALUES (?,?,?,?,?)",
                (link.a, link.b, link.kind, link.score, json.dumps(asdict(link), ensure_ascii=False)))

    def _write_stories(self, doc_ids: list[str]) -> None:
        touched = {sid for d in doc_ids if (sid := self.stories.story_of(d))}
        if not touched:
            return
        for story in self.stories.stories():
            if story.id not in touched:
                continue
            self.store.conn.execute("DELETE FROM story_documents WHERE story_id = ?", (story.id,))
            self.store.conn.execute(
                'INSERT OR REPLACE INTO stories (id, label, start, "end", size, data) VALUES (?,?,?,?,?,?)',
                (story.id, story.label, story.start, story.end, len(story.documents),
                 json.dumps(asdict(story), ensure_ascii=False)))
            self.store.conn.executemany(
                "INSERT OR IGNORE INTO story_documents (story_id, doc_id) VALUES (?,?)",
                [(story.id, d) for d in story.documents])
        # A document moves to at most one story: drop rows left behind in the old one.
        self.store.conn.execute(
            "DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM story_documents)")

    def _write_signals(self, adocs: list[AnnotatedDocument], touched_events: set[str]) -> None:
        """Signals of the batch's documents, and corroboration of older documents that
        share an event with them (a new independent report corroborates them too)."""
        batch = {a.document.id: a for a in adocs}
        older = {r[0] for r in self.store.conn.execute(
            "SELECT DISTINCT doc_id FROM event_sources WHERE event_id IN ({})".format(
                ",".join("?" * len(touched_events))), list(touched_events))} - set(batch) \
            if touched_events else set()
        reference = self._active_reference()  # counts of earlier batches only
        scored: list[tuple[Document, list[Any]]] = []
        maps = corroboration_maps(self.store, [*batch, *older])
        for doc_id in [*batch, *sorted(older)]:
            adoc = batch.get(doc_id) or self.annotated_from_store(doc_id)
            claims = [json.loads(r[0]) for r in self.store.conn.execute(
                "SELECT data FROM claims WHERE doc_id = ?", (doc_id,))]
            keys_of, publisher_of, among = maps[doc_id]
            signals = article_signals(adoc, links=self.stories.links_of(doc_id), claims=claims,
                                      publisher_of=publisher_of, keys_of=keys_of,
                                      corroboration_links=[Link(a, b, k, 1.0) for a, b, k in among],
                                      reference=reference if doc_id in batch else None)
            if doc_id in batch:
                signals = self._explain_unmeasured(signals)
                scored.append((adoc.document, signals))
            if doc_id in older:
                signals = [s for s in signals if s.name == "corroboration"]
            self.store.conn.executemany(
                "INSERT OR REPLACE INTO signals (subject, name, value, data) VALUES (?,?,?,?)",
                [(doc_id, sig.name, sig.value, json.dumps(asdict(sig), ensure_ascii=False))
                 for sig in signals])
        for doc, signals in scored:
            self._grow_reference(doc, signals)
        self._reference_catch_up()

    # -- the reference of native news (signals/reference.py) ---------------------------
    # Word and bigram counts of the user's own corpus: each batch is scored against the
    # counts of earlier batches on top of the packaged default (``native_reference``),
    # then added (an article never vouches for itself). Without the packaged table the
    # spinning signal and the collocation part of machine translation read "not
    # measured" until the counts pass ``REFERENCE_MIN_WORDS``; then the documents stored
    # before get theirs (``_reference_catch_up``, leave-one-out for those counted).
    _REFERENCE_STATE = "reference"
    _REFERENCE_PENDING = "reference_pending"

    def _load_reference(self) -> tuple[Any, dict[str, bool]]:
        from newsgraph.signals.reference import CollocationModel

        blob = self._state(self._REFERENCE_STATE)
        if blob is not None:
            try:
                raw = blob if isinstance(blob, bytes) else blob.encode("latin-1")
                model = CollocationModel.from_bytes(raw)
                pending = json.loads(self._state(self._REFERENCE_PENDING) or "{}")
                return model, pending
            except Exception:
                log.warning("reference counts unreadable; rebuilding them from stored documents")
        # A store from before the reference (or an unreadable one): count what it holds;
        # every stored document then waits for its leave-one-out catch-up.
        model = CollocationModel()
        pending: dict[str, bool] = {}
        for doc_id, text in self.store.conn.execute(
                "SELECT id, text FROM documents WHERE resolved = 1 ORDER BY rowid"):
            model.add_text(text)
            pending[doc_id] = True
        self._reference_dirty = bool(pending)
        return model, pending

    def _save_reference(self) -> None:
        if not getattr(self, "_reference_dirty", False):
            return  # the counts are written whole: only when they changed
        self._save_state(self._REFERENCE_STATE, self.reference.to_bytes())
        self._save_state(self._REFERENCE_PENDING, json.dumps(self._reference_pending))
        self._reference_dirty = False

    def _active_reference(self) -> Any:
        """The store's counts on top of the packaged default of native English
        (``signals/native_reference``): measured from the first article. Without the
        packaged table, the store's counts alone once they pass ``REFERENCE_MIN_WORDS``."""
        from newsgraph.signals.native_reference import native_reference

        return native_reference(self.reference)

    def _explain_unmeasured(self, signals: list[Any]) -> list[Any]:
        """Say why spinning is not measured yet: how far the store's reference has grown."""
        from dataclasses import replace

        from newsgraph.signals import settings as signal_settings

        if self._active_reference() is not None:
            return signals
        why = (f"Not measured yet: when this article was scored, the reference of native news "
               f"counted from this store held {self.reference.total if self.reference.unigrams else 0:,} "
               f"words; it is used from {signal_settings.REFERENCE_MIN_WORDS:,}, and then articles "
               f"scored before get this signal too.")
        return [replace(sig, explanation=why) if sig.name == "spinning" and sig.value is None else sig
                for sig in signals]

    def _grow_reference(self, doc: Document, signals: list[Any]) -> None:
        """Count a scored document in, unless it is not native writing of its own: a copy
        of an earlier document, or flagged as spun or machine-translated."""
        by = {sig.name: sig for sig in signals}
        rep = by.get("republication")
        copy = bool(rep and rep.details.get("copy_of"))
        flagged = any(by[n].flagged for n in ("spinning", "machine_translation") if n in by)
        counted = not (copy or flagged)
        if counted:
            self.reference.add_text(doc.text)
        if by.get("spinning") is None or by["spinning"].value is None:
            self._reference_pending[doc.id] = counted
        self._reference_dirty = True

    def _reference_catch_up(self) -> None:
        """Once the reference is large enough: spinning and machine-translation signals of
        the documents scored before, each against the counts without its own."""
        ref = self._active_reference()
        if ref is None or not self._reference_pending:
            return
        from newsgraph.signals import machine_translation, spinning
        from newsgraph.signals import settings as signal_settings

        # a bounded share per batch: the first catch-up after a long ingest is spread out
        share = list(self._reference_pending.items())[:signal_settings.REFERENCE_CATCH_UP_PER_BATCH]
        for doc_id, counted in share:
            exists = self.store.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if exists:
                adoc = self.annotated_from_store(doc_id)
                text = adoc.document.text
                view = ref.excluding(text) if counted else ref
                sigs = [machine_translation(adoc, view), spinning(adoc, view)]
                self.store.conn.executemany(
                    "INSERT OR REPLACE INTO signals (subject, name, value, data) VALUES (?,?,?,?)",
                    [(doc_id, sig.name, sig.value, json.dumps(asdict(sig), ensure_ascii=False))
                     for sig in sigs])
                if counted and any(sig.flagged for sig in sigs):
                    ref.remove_text(text)  # a spun or translated text must not vouch for others
            del self._reference_pending[doc_id]
        self._reference_dirty = True

    _INDEPENDENCE_STATE = "independent_reports"

    def _count_independent_reports_once(self) -> None:
        """A store written before ``signals.independence`` counted every copy and every
        document of unknown publisher as one more publisher: recount its events and its
        corroboration signals once (marked in ``resolver_state``)."""
        if self._state(self._INDEPENDENCE_STATE) is not None:
            return
        from newsgraph.signals import corroboration

        events = [r[0] for r in self.store.conn.execute("SELECT id FROM events")]
        docs = [r[0] for r in self.store.conn.execute("SELECT DISTINCT doc_id FROM event_sources")]
        with self.store.transaction():
            for i in range(0, len(events), 1000):
                self._write_independent_reports(set(events[i:i + 1000]), [])
            for i in range(0, len(docs), 1000):  # a thousand documents at a time: memory stays flat
                maps = corroboration_maps(self.store, docs[i:i + 1000])
                for doc_id, (keys_of, records, among) in maps.items():
                    sig = corroboration(Document(id=doc_id, path="", text=""), records, keys_of,
                                        [Link(a, b, k, 1.0) for a, b, k in among])
                    self.store.conn.execute(
                        "INSERT OR REPLACE INTO signals (subject, name, value, data) VALUES (?,?,?,?)",
                        (doc_id, sig.name, sig.value, json.dumps(asdict(sig), ensure_ascii=False)))
            self._save_state(self._INDEPENDENCE_STATE, "1")

    def _write_independent_reports(self, touched: set[str], links: list[Link]) -> set[str]:
        """Count the independent reports (``signals.independence``) of the touched events
        and of every event of a document a new repeat link touches; store the count as
        ``publisher_count`` and the reports in ``data.independent``. Returns those events."""
        linked = {d for lk in links if lk.kind in REPEAT_KINDS for d in (lk.a, lk.b)}
        events = set(touched)
        for doc in linked:
            events.update(r[0] for r in self.store.conn.execute(
                "SELECT DISTINCT event_id FROM event_sources WHERE doc_id = ?", (doc,)))
        found = events_independence(self.store, events)
        self.store.conn.executemany(
            "UPDATE events SET publisher_count = ?, data = json_set(data, '$.publishers', ?, "
            "'$.independent', json(?)) WHERE id = ?",
            [(ind.count, ind.count, json.dumps(ind.to_dict()["reports"], ensure_ascii=False), eid)
             for eid, ind in found.items()])
        return events
