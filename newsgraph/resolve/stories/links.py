"""The one surface of the stories stage: ``StoryIndex`` and ``link_documents``.

Documents arrive in ingest order. For each one the index (1) looks up an exact
duplicate by normalised-text hash, (2) asks MinHash LSH for documents sharing
shingles and tests them as copies or spins, (3) compares it with its nearest
documents by embedding for spins and translations, and (4) puts it in a story.
Each pair gets at most its strongest link (duplicate > spin > copy > translation >
same_story); ``a`` is the document seen first, so it is the candidate original.

Languages: the English tools (WordLlama vectors, ``compare_translation``) read
English documents only. Once a document in another language arrives the index also
gives every document a multilingual vector of its title and lead (the latest
``ML_BACKFILL_DOCS`` documents before it get theirs then): its nearest documents by
that vector — in another language, or both in the same non-English one — are
compared sentence by sentence with multilingual sentence vectors
(``crosslingual.compare_across``), computed only for those candidates. An
English-only corpus never loads the multilingual model.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import Link, Story
from newsgraph.resolve.stories import settings as S
from newsgraph.resolve.stories._embed import embed, embed_multilingual
from newsgraph.resolve.stories._text import DocView, as_view
from newsgraph.resolve.stories.clusters import StoryClusterer
from newsgraph.resolve.stories.crosslingual import compare_across
from newsgraph.resolve.stories.duplicates import DuplicateIndex, compare_copy
from newsgraph.resolve.stories.records import DocRecord, DocumentRecords, MemoryRecords
from newsgraph.resolve.stories.spin import compare_spin
from newsgraph.resolve.stories.translation import compare_translation

__all__ = ["StoryIndex", "document_vectors", "link_documents"]

_RANK = {"duplicate": 0, "spin": 1, "copy": 2, "translation": 3, "same_story": 4}


class StoryIndex:
    """Incremental index of documents: links and stories grow as documents are added.

    ``cluster=False`` skips story clustering (and ``same_story`` links);
    ``semantic=False`` skips the embedding-neighbour comparisons (spins that share no
    shingle, translations), leaving duplicates, copies and LSH-found spins.

    Each document's text view and sentence vectors go to ``records`` (``records.py``),
    read back through a bounded cache when the document is a candidate; the index itself
    (what is pickled) keeps only what is small per document. ``MemoryRecords()`` (the
    default) is pickled with the index; a store with ``pickled = False`` is not, and
    must be given again with ``attach`` after unpickling.
    """

    #: A dict and a list read by key or position only, which a store may serve from rows
    #: (``store/state_rows.py``): the document vectors live in the matrix the comparisons read.
    ROW_BACKED = ("_pos", "_doc_vecs")

    def __init__(self, *, cluster: bool = True, semantic: bool = True,
                 clusterer: StoryClusterer | None = None,
                 records: DocumentRecords | None = None) -> None:
        self.semantic = semantic
        self._records: DocumentRecords | None = records if records is not None else MemoryRecords()
        self._cache: OrderedDict[str, tuple[DocView, np.ndarray]] = OrderedDict()
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._doc_vecs: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None
        self._filled = 0  # rows of ``_matrix`` holding a vector
        self.dups = DuplicateIndex()
        self.clusterer = clusterer or StoryClusterer()
        self.cluster = cluster
        self.links: list[Link] = []
        self._linked: dict[frozenset[str], Link] = {}
        self._by_doc: dict[str, list[Link]] = {}  # not pickled: rebuilt from ``links``
        self._init_multilingual()

    def _init_multilingual(self) -> None:
        # Multilingual state: off until a non-English document arrives.
        self._ml_on = False
        self._english: dict[str, bool] = {}
        self._ml_ids: list[str] = []
        self._ml_vecs: list[np.ndarray] = []
        self._ml_sents: OrderedDict[str, np.ndarray] = OrderedDict()  # not pickled

    # -- state: pickled without the per-document records ------------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = OrderedDict()
        state["_matrix"] = None  # a stack of ``_doc_vecs``, rebuilt on the next add
        state["_filled"] = 0
        state["_ml_sents"] = OrderedDict()
        state.pop("_by_doc", None)
        state.pop("_ml_matrix", None)  # a stack of ``_ml_vecs``, rebuilt when needed
        state.pop("_ml_filled", None)
        state.pop("_ml_foreign", None)  # from ``_english``, rebuilt when needed
        if not getattr(self._records, "pickled", False):
            state["_records"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        views = state.pop("views", None)
        sent_vecs = state.pop("sent_vecs", None)
        self.__dict__.update(state)
        self.__dict__.setdefault("_records", None)
        self._cache = OrderedDict()
        if "_ml_on" not in state:  # pickled before languages
            self._init_multilingual()
            self._english = dict.fromkeys(self._ids, True)
        self._ml_sents = OrderedDict()
        self._index_links()
        if views is not None:  # an index pickled before the records: move its views out
            records = MemoryRecords()
            for did, v in views.items():
                records.put(DocRecord.of(v, sent_vecs[did]))
            self._records = records

    def _index_links(self) -> None:
        """Each document's links, in the order of ``links`` (``links_of`` reads them)."""
        self._by_doc = {}
        for link in self.links:
            for d in (link.a, link.b):
                self._by_doc.setdefault(d, []).append(link)

    def attach(self, records: DocumentRecords) -> None:
        """Read and write per-document records in ``records`` from now on; records held
        in memory so far (an in-memory or older pickled index) are copied into it."""
        old = self._records
        if isinstance(old, MemoryRecords) and old is not records:
            for did in old:
                rec = old.get(did)
                if rec is not None:
                    records.put(rec)
        self._records = records
        self._cache.clear()

    def _store(self) -> DocumentRecords:
        if self._records is None:
            msg = "StoryIndex was unpickled without its record store: call attach(records) first"
            raise RuntimeError(msg)
        return self._records

    def _doc(self, doc_id: str) -> tuple[DocView, np.ndarray] | None:
        """A known document's view and sentence vectors: cache, then record, then rebuilt."""
        hit = self._cache.get(doc_id)
        if hit is not None:
            self._cache.move_to_end(doc_id)
            return hit
        store = self._store()
        rec = store.get(doc_id)
        if rec is None:
            src = store.source(doc_id)
            if src is None:
                return None
            doc, ents = src
            view = as_view(doc, ents)
            view.source = None
            rec = DocRecord.of(view, embed(view.sentence_texts()))
            store.put(rec)
        hit = (rec.view(), rec.vectors)
        self._remember(doc_id, hit)
        return hit

    def _remember(self, doc_id: str, item: tuple[DocView, np.ndarray]) -> None:
        self._cache[doc_id] = item
        self._cache.move_to_end(doc_id)
        while len(self._cache) > S.RECORD_CACHE_DOCS:
            self._cache.popitem(last=False)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._pos

    def _matrix_now(self) -> np.ndarray:
        """The document vectors as one matrix, a row per document in arrival order.

        A buffer that grows by a quarter when full, so adding a document copies its row
        only (restacking every vector per new document was quadratic in the corpus; doubling
        left up to half the buffer empty). The matrix is what the comparisons read: the
        vectors themselves may be rows of the store (``ROW_BACKED``), read once each here.
        """
        n = len(self._doc_vecs)
        if not n:
            return np.zeros((0, 256), np.float32)
        buf = self._matrix
        filled = self._filled if buf is not None else 0
        if buf is None or buf.shape[0] < n or buf.shape[1] != self._doc_vecs[0].shape[0]:
            grown = np.zeros((max(64, n + n // 4), self._doc_vecs[0].shape[0]), self._doc_vecs[0].dtype)
            if buf is not None and buf.shape[1] == grown.shape[1]:
                grown[:filled] = buf[:filled]
            else:
                filled = 0
            buf = self._matrix = grown
        if filled < n:
            buf[filled:n] = np.stack([self._doc_vecs[i] for i in range(filled, n)])
            self._filled = n
        return buf[:n]

    def add(self, docs: Iterable[Document | AnnotatedDocument],
            entities: Mapping[str, Iterable[str]] | None = None,
            events: Mapping[str, Iterable[str]] | None = None,
            vectors: Mapping[str, np.ndarray] | None = None) -> list[Link]:
        """Add documents (in arrival order) and return the links they create.

        ``entities`` maps a document id to resolved entity keys and ``events`` to
        event ids; without them mention texts (or capitalised names) stand in.
        ``vectors`` maps a document id to its ``document_vectors``, computed beforehand
        (where the document was processed); the others are embedded here.
        """
        new: list[Link] = []
        batch = []
        seen: set[str] = set()  # ids in this batch (a set: a large batch is not quadratic)
        for d in docs:
            did = (d.document if isinstance(d, AnnotatedDocument) else d).id
            if did in self._pos or did in seen:
                continue
            ents = set(entities[did]) if entities and did in entities else None
            batch.append(as_view(d, ents))
            seen.add(did)
        if not batch:
            return new
        given = {v.id: vectors[v.id] for v in batch
                 if vectors is not None and v.id in vectors and len(vectors[v.id]) == len(v.sentences) + 1}
        # one embedding call for the rest of the batch: sentences, then title+lead (a row
        # does not depend on the others embedded with it, so this equals ``document_vectors``)
        rest = [v for v in batch if v.id not in given]
        sents = [t for v in rest for t in v.sentence_texts()]
        vecs = embed(sents + [_lead(v) for v in rest])
        k = 0
        for n, v in enumerate(rest):
            m = len(v.sentences)
            given[v.id] = vecs[k:k + m], vecs[len(sents) + n]
            k += m
        if not self._ml_on and not all(v.english for v in batch):
            self._start_multilingual()
        ml = embed_multilingual([_ml_lead(v) for v in batch]) if self._ml_on else None
        for n, v in enumerate(batch):
            m = len(v.sentences)
            got = given[v.id]
            sv, lead_vec = (got[:m], got[m]) if isinstance(got, np.ndarray) else got
            doc_vec = sv.sum(axis=0) if m else lead_vec.copy()
            doc_vec = doc_vec / max(float(np.linalg.norm(doc_vec)), 1e-9)
            new.extend(self._add_one(v, sv, doc_vec, lead_vec,
                                     set(events[v.id]) if events and v.id in events else None,
                                     ml[n] if ml is not None else None))
        return new

    # -- across languages ------------------------------------------------------------
    def _start_multilingual(self) -> None:
        """The first non-English document: the latest documents get a multilingual vector."""
        self._ml_on = True
        recent = self._ids[-S.ML_BACKFILL_DOCS:]
        for i in range(0, len(recent), 64):
            chunk = [(d, got[0]) for d in recent[i:i + 64] if (got := self._doc(d)) is not None]
            vecs = embed_multilingual([_ml_lead(v) for _, v in chunk])
            for (did, _), mv in zip(chunk, vecs, strict=True):
                self._ml_ids.append(did)
                self._ml_vecs.append(mv)
                self.clusterer.add_multilingual(did, mv)

    def _ml_matrix_now(self) -> np.ndarray:
        """The multilingual vectors as one matrix (a doubling buffer, as ``_matrix_now``)."""
        n = len(self._ml_vecs)
        buf = self.__dict__.get("_ml_matrix")
        filled = self.__dict__.get("_ml_filled", 0) if buf is not None else 0
        if buf is None or buf.shape[0] < n:
            grown = np.zeros((max(64, 2 * n), self._ml_vecs[0].shape[0]), np.float32)
            grown[:filled] = buf[:filled] if buf is not None else grown[:0]
            buf = self._ml_matrix = grown
        if filled < n:
            buf[filled:n] = np.stack(self._ml_vecs[filled:n])
            self._ml_filled = n
        return buf[:n]

    def _ml_foreign_now(self) -> np.ndarray:
        """Per row of ``_ml_matrix_now``, whether its document is not English; grown by the
        rows added since (a document's language never changes), not rebuilt per document."""
        done: list[bool] = self.__dict__.setdefault("_ml_foreign", [])
        for d in self._ml_ids[len(done):]:
            done.append(not self._english.get(d, True))
        return np.array(done, dtype=bool)

    def _ml_sentences(self, v: DocView) -> np.ndarray:
        """A document's multilingual sentence vectors (computed when it is first a candidate)."""
        hit = self._ml_sents.get(v.id)
        if hit is None:
            hit = embed_multilingual(v.sentence_texts()[:S.ML_ALIGN_MAX_SENTENCES])
            self._ml_sents[v.id] = hit
            while len(self._ml_sents) > S.ML_SENTENCE_CACHE_DOCS:
                self._ml_sents.popitem(last=False)
        self._ml_sents.move_to_end(v.id)
        return hit

    def _compare_across(self, v: DocView, ml_vec: np.ndarray, out: list[Link]) -> None:
        """Translations of ``v`` among its nearest documents by multilingual vector, leaving
        out English–English pairs (the English tools judge those)."""
        if not self._ml_vecs:
            return
        mat = self._ml_matrix_now()
        cos = mat @ ml_vec
        if v.english:
            cos = np.where(self._ml_foreign_now(), cos, -1.0)
        for t in _nearest(cos, S.ML_CANDIDATE_TOP_K):
            if cos[t] < S.ML_CANDIDATE_MIN_COSINE:
                break
            cid = self._ml_ids[int(t)]
            old = self._linked.get(frozenset((cid, v.id)))
            if old is not None and _RANK[old.kind] <= _RANK["translation"]:
                continue
            if (known := self._doc(cid)) is None:
                continue
            a = known[0]
            if min(len(a.sentences), len(v.sentences)) < S.CROSS_MIN_ALIGNED:
                # ``compare_across`` links no fewer aligned sentences than this: a brief
                # cannot be a translation, so neither side's sentences are embedded for it.
                continue
            link = compare_across(a, v, self._ml_sentences(a), self._ml_sentences(v))
            if link:
                self._record(link, out)

    def _record(self, link: Link, out: list[Link]) -> None:
        key = frozenset((link.a, link.b))
        old = self._linked.get(key)
        if old is not None:
            if _RANK[link.kind] >= _RANK[old.kind]:
                return
            self.links.remove(old)
            for d in (old.a, old.b):
                self._by_doc[d].remove(old)
            if old in out:
                out.remove(old)
        self._linked[key] = link
        self.links.append(link)
        for d in (link.a, link.b):
            self._by_doc.setdefault(d, []).append(link)
        out.append(link)

    def _add_one(self, v: DocView, sv: np.ndarray, doc_vec: np.ndarray, lead_vec: np.ndarray,
                 events: set[str] | None, ml_vec: np.ndarray | None = None) -> list[Link]:
        out: list[Link] = []
        same = self.dups.exact(v)
        if same is not None:
            known = self._doc(same)
            link = compare_copy(known[0], v) if known else None
            if link:
                self._record(link, out)
        cands, mh = self.dups.candidates(v)
        for cid in cands:
            if cid == same or (known := self._doc(cid)) is None:
                continue
            a, av = known
            spin = compare_spin(a, v, av, sv)
            link = spin or compare_copy(a, v)
            if link:
                self._record(link, out)
        # nearest documents by meaning: spins and translations share few shingles
        mat = self._matrix_now() if self.semantic else np.zeros((0, 0))
        if len(mat):
            cos = mat @ doc_vec
            top = _nearest(cos, S.CANDIDATE_TOP_K)
            for t in top:
                if cos[t] < S.CANDIDATE_MIN_COSINE:
                    break
                cid = self._ids[int(t)]
                if frozenset((cid, v.id)) in self._linked or (known := self._doc(cid)) is None:
                    continue
                a, av = known
                link = compare_spin(a, v, av, sv)
                if link is None and a.english and v.english:
                    link = compare_translation(a, v, av, sv)
                if link:
                    self._record(link, out)
        if ml_vec is not None:
            self._compare_across(v, ml_vec, out)
        self.dups.add(v, mh)
        rec = DocRecord.of(v, sv)
        self._store().put(rec)
        v.source = None  # the caller's document (and its parse) is not kept
        self._remember(v.id, (v, rec.vectors))
        self._pos[v.id] = len(self._ids)
        self._ids.append(v.id)
        self._doc_vecs.append(doc_vec)
        self._english[v.id] = v.english
        if ml_vec is not None:
            self._ml_ids.append(v.id)
            self._ml_vecs.append(ml_vec)
        if self.cluster:
            # a translation of an earlier document is in that document's story
            across = [lk for lk in out if lk.kind == "translation" and lk.b == v.id
                      and not (self._english.get(lk.a, True) and v.english)]
            join = max(across, key=lambda lk: lk.score).a if across else None
            sid = self.clusterer.add(v.id, lead_vec, v.entities, title=v.title, published=v.published,
                                     publisher=v.publisher, events=events, ml_vec=ml_vec,
                                     english=v.english, join=join)
            peers = [d for d in self.clusterer.members(sid) if d != v.id]
            if peers:
                # The closest member (the first of equals), its vector read from the matrix
                # the comparisons read: a story's every member read back from its row per
                # new member grew with the story. One score per member, not two for the best.
                mat, pos = self._matrix_now(), self._pos
                best, score = peers[0], float(mat[pos[peers[0]]] @ doc_vec)
                for d in peers[1:]:
                    s = float(mat[pos[d]] @ doc_vec)
                    if s > score:
                        best, score = d, s
                self._record(Link(best, v.id, "same_story", round(max(score, 0.0), 3)), out)
        return out

    def stories(self) -> list[Story]:
        return self.clusterer.stories()

    def stories_of(self, story_ids: Iterable[str]) -> list[Story]:
        """The records of these stories, in the order of ``stories``."""
        return self.clusterer.records(story_ids)

    def story_of(self, doc_id: str) -> str | None:
        return self.clusterer.story_of(doc_id)

    def links_of(self, doc_id: str) -> list[Link]:
        """The document's links, in the order they were made (an index per document:
        scanning every link per scored document grew with the corpus)."""
        return list(self._by_doc.get(doc_id, ()))


def _lead(v: DocView) -> str:
    """Title and lead: what a document's story vector is computed from."""
    return f"{v.title}\n{v.lead(S.STORY_LEAD_WORDS)}"


def document_vectors(doc: Document | AnnotatedDocument) -> np.ndarray:
    """The vectors ``StoryIndex.add`` embeds of one document: a row per sentence of its
    view, then one of its title and lead. They depend on the document alone, so they
    may be computed where it is processed and given to ``add(vectors=…)``."""
    # Its sentences and its lead (``_lead``) are all it reads: no word list is built.
    v = as_view(doc, set(), with_words=False)
    return embed([*v.sentence_texts(), _lead(v)])


def _ml_lead(v: DocView) -> str:
    """Title and lead: what a document's multilingual vector is computed from."""
    words = v.text.split()
    head = " ".join(words[:S.ML_LEAD_WORDS])
    return f"{v.title}\n{head}" if v.title and not v.text.lstrip().startswith(v.title) else head


def _nearest(cos: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` largest cosines, largest first, ties in arrival order.

    A partial selection, then a sort of those ``k`` only: sorting every stored
    document's cosine per new document grew as N log N.
    """
    if len(cos) > k:
        part = np.argpartition(-cos, k - 1)[:k]
        # every row tied with the k-th best takes part, so ties keep arrival order
        kth = cos[part].min()
        part = np.flatnonzero(cos >= kth)
    else:
        part = np.arange(len(cos))
    order = np.argsort(-cos[part], kind="stable")
    return part[order][:k]


def link_documents(new_docs: Iterable[Document | AnnotatedDocument], index: StoryIndex,
                   entities: Mapping[str, Iterable[str]] | None = None,
                   events: Mapping[str, Iterable[str]] | None = None) -> list[Link]:
    """Add ``new_docs`` to ``index`` and return the links they create (see ``StoryIndex.add``)."""
    return index.add(new_docs, entities=entities, events=events)
