"""The corpus side of signals: each resolved batch's signals, and the reference they grow.

``signals/`` scores one article from records (its links, claims, the corroboration maps);
this job feeds it the batch just resolved and writes the signals through
``store/resolution.py``. It also owns the **reference of native news**
(``signals/reference.py``): word and bigram counts of the user's own corpus. Each batch is
scored against the counts of earlier batches on top of the packaged default
(``native_reference``), then added (an article never vouches for itself). Without the
packaged table the spinning signal and the collocation part of machine translation read
"not measured" until the counts pass ``REFERENCE_MIN_WORDS``; then the documents stored
before get theirs (``_reference_catch_up``, leave-one-out for those counted).

The counts are saved whole (``resolver_state`` rows ``reference``/``reference_pending``),
only when they changed, at the corpus job's commit.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from newsgraph.model import AnnotatedDocument, Document, Link, Signal
from newsgraph.signals import article_signals, corroboration, machine_translation, spinning
from newsgraph.signals import settings as signal_settings
from newsgraph.signals.native_reference import native_reference
from newsgraph.signals.reference import CollocationModel
from newsgraph.signals.spinning import substitutions
from newsgraph.store.resolution import ResolutionStore

__all__ = ["CorpusSignals", "warm_up"]

log = logging.getLogger(__name__)

REFERENCE_STATE = "reference"
REFERENCE_PENDING = "reference_pending"
INDEPENDENCE_STATE = "independent_reports"


#: An invented sentence with a word swap, to warm the spinning signal's tables up.
_WARM_TEXT = "The harbour workers said the rouge state had reached a memorialise high on Friday."


def warm_up() -> None:
    """Load what scoring reads on first use — the packaged native reference, WordNet's
    synonyms and compounds, general-English word frequencies — by scoring an invented
    sentence against the packaged reference."""
    reference = native_reference(CollocationModel())
    if reference is not None:
        substitutions(_WARM_TEXT, reference)


class CorpusSignals:
    """Scores resolved batches and keeps the reference counts (see the module docstring).

    ``links_of`` gives a document's links (the story index's, current for the batch).
    """

    def __init__(self, rstore: ResolutionStore, links_of: Callable[[str], list[Link]]) -> None:
        self.rstore = rstore
        self.links_of = links_of
        self._reference_dirty = False
        self.reference, self._reference_pending = self._load_reference()
        self._count_independent_reports_once()

    # -- scoring -----------------------------------------------------------------------
    def score(self, adocs: list[AnnotatedDocument], touched_events: set[str]) -> None:
        """Signals of the batch's documents, and corroboration of older documents that
        share an event with them (a new independent report corroborates them too)."""
        batch = {a.document.id: a for a in adocs}
        older = self.rstore.documents_of_events(touched_events) - set(batch)
        reference = self._active_reference()  # counts of earlier batches only
        scored: list[tuple[Document, list[Signal]]] = []
        maps = self.rstore.corroboration_maps([*batch, *older])
        for doc_id in [*batch, *sorted(older)]:
            keys_of, publisher_of, among = maps[doc_id]
            among_links = [Link(a, b, k, 1.0) for a, b, k in among]
            if doc_id in older and doc_id in publisher_of:
                # Only an older document's corroboration changes: computed alone, from its
                # source record in the maps, as ``article_signals`` computes it — not every
                # signal of a document rebuilt from the store, per batch that touches one of
                # its events (a large event's documents were all rebuilt at every new report).
                signals = [corroboration(Document(id=doc_id, path="", text=""), publisher_of, keys_of,
                                         [*self.links_of(doc_id), *among_links])]
                self.rstore.write_signals(doc_id, signals)
                continue
            adoc = batch.get(doc_id) or self.rstore.annotated_document(doc_id)
            signals = article_signals(adoc, links=self.links_of(doc_id), claims=self.rstore.claims(doc_id),
                                      publisher_of=publisher_of, keys_of=keys_of,
                                      corroboration_links=among_links,
                                      reference=reference if doc_id in batch else None)
            if doc_id in batch:
                signals = self._explain_unmeasured(signals)
                scored.append((adoc.document, signals))
            if doc_id in older:
                signals = [s for s in signals if s.name == "corroboration"]
            self.rstore.write_signals(doc_id, signals)
        for doc, signals in scored:
            self._grow_reference(doc, signals)
        self._reference_catch_up()

    # -- the reference of native news -------------------------------------------------
    def _load_reference(self) -> tuple[CollocationModel, dict[str, bool]]:
        raw = self.rstore.state_bytes(REFERENCE_STATE)
        if raw is not None:
            try:
                model = CollocationModel.from_bytes(raw)
                pending = json.loads(self.rstore.state(REFERENCE_PENDING) or "{}")
                return model, pending
            except Exception:
                log.warning("reference counts unreadable; rebuilding them from stored documents")
        # A store from before the reference (or an unreadable one): count what it holds;
        # every stored document then waits for its leave-one-out catch-up.
        model = CollocationModel()
        pending: dict[str, bool] = {}
        for doc_id, text in self.rstore.resolved_texts():
            model.add_text(text)
            pending[doc_id] = True
        self._reference_dirty = bool(pending)
        return model, pending

    def save(self) -> None:
        """Save the reference counts when they changed (inside the caller's transaction)."""
        if not self._reference_dirty:
            return  # the counts are written whole: only when they changed
        self.rstore.save_state(REFERENCE_STATE, self.reference.to_bytes())
        self.rstore.save_state(REFERENCE_PENDING, json.dumps(self._reference_pending))
        self._reference_dirty = False

    def _active_reference(self) -> Any:
        """The store's counts on top of the packaged default of native English
        (``signals/native_reference``): measured from the first article. Without the
        packaged table, the store's counts alone once they pass ``REFERENCE_MIN_WORDS``."""
        return native_reference(self.reference)

    def _explain_unmeasured(self, signals: list[Signal]) -> list[Signal]:
        """Say why spinning is not measured yet: how far the store's reference has grown."""
        if self._active_reference() is not None:
            return signals
        why = (f"Not measured yet: when this article was scored, the reference of native news "
               f"counted from this store held {self.reference.total if self.reference.unigrams else 0:,} "
               f"words; it is used from {signal_settings.REFERENCE_MIN_WORDS:,}, and then articles "
               f"scored before get this signal too.")
        return [replace(sig, explanation=why) if sig.name == "spinning" and sig.value is None else sig
                for sig in signals]

    def _grow_reference(self, doc: Document, signals: list[Signal]) -> None:
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
        # a bounded share per batch: the first catch-up after a long ingest is spread out
        share = list(self._reference_pending.items())[:signal_settings.REFERENCE_CATCH_UP_PER_BATCH]
        for doc_id, counted in share:
            if self.rstore.has_document(doc_id):
                adoc = self.rstore.annotated_document(doc_id)
                text = adoc.document.text
                view = ref.excluding(text) if counted else ref
                sigs = [machine_translation(adoc, view), spinning(adoc, view)]
                self.rstore.write_signals(doc_id, sigs)
                if counted and any(sig.flagged for sig in sigs):
                    ref.remove_text(text)  # a spun or translated text must not vouch for others
            del self._reference_pending[doc_id]
        self._reference_dirty = True

    # -- a store from before independent reports --------------------------------------
    def _count_independent_reports_once(self) -> None:
        """A store written before ``newsgraph.independence`` counted every copy and every
        document of unknown publisher as one more publisher: recount its events and its
        corroboration signals once (marked in ``resolver_state``)."""
        if self.rstore.state(INDEPENDENCE_STATE) is not None:
            return
        events = self.rstore.event_ids()
        docs = self.rstore.event_source_documents()
        with self.rstore.transaction():
            for i in range(0, len(events), 1000):
                self.rstore.count_independent_reports(set(events[i:i + 1000]), [])
            for i in range(0, len(docs), 1000):  # a thousand documents at a time: memory stays flat
                maps = self.rstore.corroboration_maps(docs[i:i + 1000])
                for doc_id, (keys_of, records, among) in maps.items():
                    sig = corroboration(Document(id=doc_id, path="", text=""), records, keys_of,
                                        [Link(a, b, k, 1.0) for a, b, k in among])
                    self.rstore.write_signals(doc_id, [sig])
            self.rstore.save_state(INDEPENDENCE_STATE, "1")
