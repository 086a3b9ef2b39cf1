"""The corpus job: wires the store, the resolvers and the signals, batch after batch.

``resolve/`` is pure (records and its own state objects in and out, no store);
``store/resolution.py`` reads and writes the rows; this module moves records between
them. The pipeline hands each stored batch to ``CorpusResolver.resolve`` (with the spaCy
parse still attached, which the within-document coreference uses), then to
``CorpusResolver.signals.score`` (``newsgraph/signals_job.py``). The resolvers are
incremental: they keep state between batches and between runs — the entity resolver as
each document's chains (``entity_chains``, written once per document, replayed with the
analyst's edits from ``entity_edits``), the story index's per-document records in
``story_vectors`` (written once per document), the event resolver and the rest of the
story index as rows of their state's items (``store/state_rows.py``: an item is
rewritten when it changed; the containers they name ``ROW_BACKED`` are read from their
rows on demand and spilled after each batch, not held whole) — so a new ingest only pays
for its new documents.

Resolution never rewrites a mention: it links mentions to entities and event mentions
to events, and records why. A document is marked ``resolved`` only once its links are
written; documents left unresolved by a killed run are picked up by the next one
(from the store, without the parse: resolution then falls back to capitalisation cues).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph import settings
from newsgraph.model import AnnotatedDocument, Document, Edit, EntityChange
from newsgraph.nlp.places import PLACE_LABELS
from newsgraph.nlp.vectors import wordllama_or_none
from newsgraph.nlp.wordnet import wordnet
from newsgraph.resolve.dates import date_document, redate
from newsgraph.resolve.entities import Resolver, ResolverState
from newsgraph.resolve.events import EventResolver
from newsgraph.resolve.prepare import adopt
from newsgraph.resolve.stories import DocRecord, StoryIndex
from newsgraph.signals_job import CorpusSignals
from newsgraph.signals_job import warm_up as warm_signals
from newsgraph.store import Store
from newsgraph.store import date_queries as dq
from newsgraph.store.resolution import EVIDENCE_KEPT, MentionIndex, ResolutionStore, now

__all__ = ["CorpusResolver", "Resolved", "StoredRecords", "warm_up"]

log = logging.getLogger(__name__)

ENTITY_STATE = "entities"
EVENT_STATE = "events"
STORY_STATE = "stories"


def warm_up() -> None:
    """Load, in this process, the tables the corpus stages read on first use (WordNet,
    the static word vectors, the signals' native reference; about 1.5 s) — what an
    ingest does while its workers annotate the first batch (``pipeline``)."""
    wn = wordnet()
    if wn is not None:
        wn.common_noun("harbour")
    wordllama_or_none()
    warm_signals()


class StoredRecords:
    """The story index's per-document records (``resolve/stories/records.py``) kept in the
    store's ``story_vectors`` table; the text is the store's copy of the document.

    ``source`` (optional) returns a stored document and its entity keys, to rebuild a
    record that is missing (a store from before the table, a lost row).
    """

    pickled = False  # the table is the store's; an unpickled index is given it again

    def __init__(self, rstore: ResolutionStore,
                 source: Callable[[str], tuple[AnnotatedDocument, set[str] | None] | None] | None = None
                 ) -> None:
        self.rstore = rstore
        self._source = source

    def get(self, doc_id: str) -> DocRecord | None:
        row = self.rstore.story_record(doc_id)
        return DocRecord.decode(doc_id, *row) if row else None

    def put(self, record: DocRecord) -> None:
        self.rstore.put_story_record(record.id, record.vector_bytes(), record.meta_json())

    def source(self, doc_id: str) -> tuple[Document | AnnotatedDocument, set[str] | None] | None:
        return self._source(doc_id) if self._source else None


@dataclass(slots=True)
class Resolved:
    """What resolving a batch touched: its documents and the events whose independent
    reports were counted again (their older documents' corroboration changes too)."""

    documents: list[str] = field(default_factory=list)
    events: set[str] = field(default_factory=set)


class CorpusResolver:
    """Loads the resolvers' state from a store, resolves batches, writes the results back."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rstore = ResolutionStore(store)
        self._chain_docs: set[str] = set()
        self._event_rows = self.rstore.state_rows(EVENT_STATE)
        self._story_rows = self.rstore.state_rows(STORY_STATE)
        self.entities = self._load_entities()
        self.lookup = MentionIndex(store)
        self.events = self._load_events()
        self.stories = self._load_stories()
        self._uncommitted: list[str] = []
        self._saved_docs: int | None = None
        self._dating_seen: dict[str, str] = {}  # undated document -> its anchors when last dated
        self._merged_seen: int | None = None  # events merged away when events were last written
        self.signals = CorpusSignals(self.rstore, self.stories.links_of)

    # -- state -----------------------------------------------------------------------
    def _load_entities(self) -> Resolver:
        edits = self.rstore.edits()
        legacy = self.rstore.state(ENTITY_STATE)
        if legacy is not None:  # a store from before per-document chains (migration 9)
            with self.rstore.transaction():
                self.rstore.save_chains(ResolverState.from_json(legacy).docs)
                self.rstore.drop_state(ENTITY_STATE)
        docs = self.rstore.entity_chains()
        self._chain_docs = {doc_id for doc_id, _ in docs}
        if not docs:
            resolver = Resolver(edits=edits)
        else:
            # The edits table is the audit log and the authority on which edits stand.
            resolver = Resolver.from_state(ResolverState(docs, [e.to_dict() for e in edits]))
            del docs
            resolver.release(self._chain_docs, self.rstore.document_chains)
        # The store keeps an entity's latest merge explanations and the count of all.
        resolver.keep_evidence(EVIDENCE_KEPT)
        return resolver

    def _load_stories(self) -> StoryIndex:
        # Per-document text views and sentence vectors live in the story_vectors table,
        # not in the pickled index; a missing record is rebuilt from the stored document.
        def source(doc_id: str) -> tuple[AnnotatedDocument, set[str]] | None:
            if not self.rstore.has_document(doc_id):
                return None
            return self.rstore.annotated_document(doc_id), set(self.rstore.entity_keys([doc_id])[doc_id])

        records = StoredRecords(self.rstore, source)
        try:
            index = self._story_rows.load()
        except Exception:
            index = None
            log.warning("story index state unreadable; rebuilding it from stored documents")
        if index is not None:
            with self.rstore.transaction():  # an index pickled with its views moves them to the table
                index.attach(records)
            return index
        index = StoryIndex(records=records)
        ids = self.rstore.resolved_ids()
        with self.rstore.transaction():
            for i in range(0, len(ids), 256):
                index.add([self.rstore.annotated_document(d) for d in ids[i:i + 256]])
        return index

    def _load_events(self) -> EventResolver:
        try:
            resolver = self._event_rows.load()
        except Exception:  # an older, incompatible state: rebuild it from the mentions
            resolver = None
            log.warning("event resolver state unreadable; replaying stored event mentions")
        if resolver is not None:
            resolver.set_entity_lookup(self.lookup)
            return resolver
        resolver = EventResolver(entity_of=self.lookup)
        # The text (and places named) place each document in the resolver's stories, as
        # during ingest.
        for mention, published, publisher, text, places in self.rstore.resolved_event_mentions(PLACE_LABELS):
            resolver.add(mention, published=published, publisher=publisher, context=text, places=places)
        return resolver

    def commit_due(self, min_docs: int) -> bool:
        """Whether enough has been resolved since the last save to save again: ``min_docs``,
        and ``settings.RESOLVE_COMMIT_FRACTION`` of the documents saved before."""
        if len(self._uncommitted) < min_docs:
            return False
        if self._saved_docs is None:  # counted once per run (a scan), then kept up to date
            self._saved_docs = self.rstore.resolved_count()
        return len(self._uncommitted) >= settings.RESOLVE_COMMIT_FRACTION * self._saved_docs

    def commit(self) -> None:
        """Save the resolvers' state and mark the documents resolved since the last commit,
        in one transaction: a document counts as resolved only once the state that knows it
        is stored. Called when ``commit_due``, not every batch: each save still pickles the
        event resolver and the story index item by item to find what changed (only the
        changed items are written), and the reference counts are written whole."""
        with self.rstore.transaction():
            new = self.entities.chains_of(d for d in self.entities.documents() if d not in self._chain_docs)
            self.rstore.save_chains(new)
            self._chain_docs.update(d for d, _ in new)
            # Saved: their context terms leave memory (read back from the table by a replay).
            self.entities.release([d for d, _ in new], self.rstore.document_chains)
            self.events.set_entity_lookup(None)  # the lookup reads the store: not state
            try:
                self._event_rows.save(self.events)
            finally:
                self.events.set_entity_lookup(self.lookup)
            self._story_rows.save(self.stories)
            self.signals.save()
            self.rstore.mark_resolved(self._uncommitted)
        log.debug("resolver state saved (rows written, unchanged, bytes written, of): events %s, stories %s",
                  self._event_rows.last_save, self._story_rows.last_save)
        if self._saved_docs is not None:
            self._saved_docs += len(self._uncommitted)
        self._uncommitted.clear()

    # -- resolving -------------------------------------------------------------------
    def pending(self, limit: int = 500) -> list[AnnotatedDocument]:
        """Stored documents not yet resolved (a killed run), rebuilt without their parse."""
        return [self.rstore.annotated_document(d) for d in self.rstore.unresolved_ids(limit)]

    def annotated_from_store(self, doc_id: str) -> AnnotatedDocument:
        """A stored document as the resolvers saw it during its ingest, without the parse."""
        return self.rstore.annotated_document(doc_id)

    def resolve(self, adocs: list[AnnotatedDocument]) -> Resolved:
        """Resolve stored documents' entities, events, dates and stories and write the rows
        (``signals.score`` scores them next; ``commit`` marks them resolved)."""
        if not adocs:
            return Resolved()
        ids = [a.document.id for a in adocs]
        for adoc in adocs:
            if adoc.prepared is not None:  # answers a worker looked up (resolve/prepare.py)
                adopt(adoc.prepared)
        with self.rstore.transaction():
            self._write_entity_changes(self.entities.add(adocs))
            self.lookup.invalidate(ids)
            touched: set[str] = set()
            for adoc in adocs:
                d = adoc.document
                places = [m.text for m in adoc.mentions if m.label in PLACE_LABELS]
                for mention in self.rstore.event_mentions(d.id):
                    touched.add(self.events.add(mention, published=d.published, publisher=d.publisher,
                                                context=d.text, places=places))
            # Events whose related links changed (the other side of a new link) are rewritten
            # too; they are not touched for dating or signals.
            self._write_events(touched | self.events.take_changed())
            self._date_from_events(touched)
            links = self.stories.add(adocs, entities=self.rstore.entity_keys(ids),
                                     events=self.rstore.event_keys(ids), vectors=_story_vectors(adocs))
            self.rstore.write_links(links)
            self._write_stories(ids)
            # After the links: a copy found now (of this batch or an older document)
            # changes the independent reports of events written before.
            counted = self.rstore.count_independent_reports(touched, links)
            # The items of the resolvers' row-backed dicts this batch read or changed are
            # written in this unit of work and leave memory (``StateRows.spill``).
            self._event_rows.spill()
            self._story_rows.spill()
        self._uncommitted.extend(ids)
        return Resolved(ids, counted)

    def resolve_and_score(self, adocs: list[AnnotatedDocument]) -> None:
        """``resolve`` then ``signals.score``, one unit."""
        with self.rstore.transaction():
            self.signals.score(adocs, self.resolve(adocs).events)

    def catch_up(self, reparse: Callable[[list[AnnotatedDocument]], None] | None = None) -> int:
        """Resolve documents stored without resolution (``--no-resolve``, or a store written
        before ingests were whole units of work); returns how many. ``reparse`` gives them
        their parse back, so they resolve as they would have during their own ingest."""
        done = 0
        while batch := self.pending():
            if reparse is not None:
                reparse([a for a in batch if a.annotated])
            with self.rstore.transaction():  # rows and the state that knows them, together
                self.resolve_and_score(batch)
                self.commit()
            done += len(batch)
        return done

    # -- analyst edits ---------------------------------------------------------------
    def edit(self, edit: Edit) -> list[EntityChange]:
        """Apply an analyst edit, log it, and rewrite the entities it touches."""
        edit.created = edit.created or now()
        with self.rstore.transaction():
            self.rstore.log_edit(edit)
            changes = self.entities.apply(edit)
            self._rewrite_all_entities()
            self.commit()
        return changes

    def withdraw(self, edit_id: str) -> None:
        with self.rstore.transaction():
            self.rstore.withdraw_edit(edit_id, now())
            self.entities.remove_edit(edit_id)
            self._rewrite_all_entities()
            self.commit()

    # -- writing ---------------------------------------------------------------------
    def _write_entity_changes(self, changes: list[EntityChange]) -> None:
        gone = {a for c in changes for a in c.absorbed}
        whole: set[str] = set()  # created or merged: every mention row (re)written
        added: dict[str, set[str]] = {}
        for c in changes:
            ent_id = self.entities.current_id(c.entity)
            if ent_id is None:
                continue
            if c.kind == "extended":
                added.setdefault(ent_id, set()).update(c.mentions)
            else:
                whole.add(ent_id)
        gone -= whole | set(added)
        self.rstore.delete_entities(gone)
        # The stored mentions of an entity merged away now belong to the entity it joined:
        # the resolver no longer holds those of documents it released (``Resolver.release``).
        self.rstore.move_entity_mentions({g: kept for g in gone if (kept := self.entities.current_id(g))})
        for eid in whole | set(added):
            total = self.entities.evidence_total(eid)
            if eid in whole:
                # Created or merged: its row and the mentions the resolver holds (the rest
                # are stored under its id, or were moved to it above).
                if (rewrite := self.entities.entity_rewrite(eid)) is not None:
                    self.rstore.write_entity(rewrite[0], mention_count=rewrite[1], evidence_total=total)
            # An extended entity's row and its new mentions only: its record is built with
            # those mentions alone (``Resolver.entity_update``), not with every one it holds.
            elif (update := self.entities.entity_update(eid, added[eid])) is not None:
                self.rstore.write_entity(update[0], added[eid], mention_count=update[1], evidence_total=total)

    def _write_events(self, changed: set[str]) -> None:
        """The changed events' rows, and none of the events merged away. The first write
        of a run compares every event with the table (a state rebuilt from the mentions
        may have dropped some); later ones are told what was merged since."""
        if self._merged_seen is None:
            gone = set(self.rstore.event_ids()) - set(self.events.ids())
            self.rstore.write_events(self.events.records(changed), changed, gone)
            self._merged_seen = len(self.events.merged_away())
        else:
            gone = self.events.merged_away(self._merged_seen)
            self.rstore.write_events(self.events.records(changed), changed, gone)
            self._merged_seen += len(gone)

    def _rewrite_all_entities(self) -> None:
        """After an edit resolution is replayed: every entity row is rewritten."""
        self.rstore.clear_entities()
        for ent in self.entities.entities():
            self.rstore.write_entity(ent, evidence_total=self.entities.evidence_total(ent.id))
        self.lookup.invalidate()

    def _write_stories(self, doc_ids: list[str]) -> None:
        touched = {sid for d in doc_ids if (sid := self.stories.story_of(d))}
        if touched:
            self.rstore.write_stories(self.stories.stories_of(touched))

    def _date_from_events(self, touched: Iterable[str]) -> None:
        """Date undated reports of the touched events from the other reports of them
        (``resolve.dates``); the batch may bring the dated report after the undated one.

        ``_dating_seen`` remembers each document's anchors when it was last examined: a
        document whose anchors have not changed since is skipped (an undated document is
        touched by every later report of its events, and most bring no new anchor)."""
        if not touched:
            return
        for doc_id in dq.undated_documents_of_events(self.store, touched):
            rows = dq.anchor_rows(self.store, doc_id)
            key = hashlib.sha1(json.dumps(rows, sort_keys=True).encode()).hexdigest()
            if self._dating_seen.get(doc_id) == key:
                continue
            self._dating_seen[doc_id] = key
            dating = dq.document_dating(self.store, doc_id)
            if dating is None:
                continue
            published, provenance, text = dating
            times = dq.document_times(self.store, doc_id)
            inference, date = date_document(doc_id, rows, published, provenance, text, times)
            if date is None:
                continue
            dq.write_document_date(self.store, doc_id, date.published, date.inferred, date.provenance)
            if date.published != published:
                new_times, mentions = redate(inference, text, dq.document_sentences(self.store, doc_id),
                                             times, dq.event_mention_dates(self.store, doc_id))
                dq.write_times(self.store, doc_id, new_times)
                dq.write_event_mention_dates(self.store, mentions)


def _story_vectors(adocs: list[AnnotatedDocument]) -> dict[str, Any]:
    """The story vectors workers computed of the batch's documents (``resolve/prepare.py``)."""
    return {a.document.id: a.prepared.story_vectors for a in adocs
            if a.prepared is not None and a.prepared.story_vectors is not None}
