"""The one surface of the stories stage: ``StoryIndex`` and ``link_documents``.

Documents arrive in ingest order. For each one the index (1) looks up an exact
duplicate by normalised-text hash, (2) asks MinHash LSH for documents sharing
shingles and tests them as copies or spins, (3) compares it with its nearest
documents by embedding for spins and translations, and (4) puts it in a story.
Each pair gets at most its strongest link (duplicate > spin > copy > translation >
same_story); ``a`` is the document seen first, so it is the candidate original.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.model.stories import Link, Story
from newsgraph.resolve.stories import settings as S
from newsgraph.resolve.stories._embed import embed
from newsgraph.resolve.stories._text import DocView, as_view
from newsgraph.resolve.stories.clusters import StoryClusterer
from newsgraph.resolve.stories.duplicates import DuplicateIndex, compare_copy
from newsgraph.resolve.stories.spin import compare_spin
from newsgraph.resolve.stories.translation import compare_translation

__all__ = ["StoryIndex", "link_documents"]

_RANK = {"duplicate": 0, "spin": 1, "copy": 2, "translation": 3, "same_story": 4}


class StoryIndex:
    """Incremental index of documents: links and stories grow as documents are added.

    ``cluster=False`` skips story clustering (and ``same_story`` links);
    ``semantic=False`` skips the embedding-neighbour comparisons (spins that share no
    shingle, translations), leaving duplicates, copies and LSH-found spins.
    """

    def __init__(self, *, cluster: bool = True, semantic: bool = True,
                 clusterer: StoryClusterer | None = None) -> None:
        self.semantic = semantic
        self.views: dict[str, DocView] = {}
        self.sent_vecs: dict[str, np.ndarray] = {}
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._doc_vecs: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None
        self.dups = DuplicateIndex()
        self.clusterer = clusterer or StoryClusterer()
        self.cluster = cluster
        self.links: list[Link] = []
        self._linked: dict[frozenset[str], Link] = {}

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.views

    def _matrix_now(self) -> np.ndarray:
        if self._matrix is None or len(self._matrix) != len(self._doc_vecs):
            self._matrix = np.stack(self._doc_vecs) if self._doc_vecs else np.zeros((0, 256), np.float32)
        return self._matrix

    def add(self, docs: Iterable[Document | AnnotatedDocument],
            entities: Mapping[str, Iterable[str]] | None = None,
            events: Mapping[str, Iterable[str]] | None = None) -> list[Link]:
        """Add documents (in arrival order) and return the links they create.

        ``entities`` maps a document id to resolved entity keys and ``events`` to
        event ids; without them mention texts (or capitalised names) stand in.
        """
        new: list[Link] = []
        batch = []
        for d in docs:
            did = (d.document if isinstance(d, AnnotatedDocument) else d).id
            if did in self.views or any(v.id == did for v in batch):
                continue
            ents = set(entities[did]) if entities and did in entities else None
            batch.append(as_view(d, ents))
        if not batch:
            return new
        # one embedding call for the whole batch: sentences, then title+lead
        sents = [t for v in batch for t in v.sentence_texts()]
        leads = [f"{v.title}\n{v.lead(S.STORY_LEAD_WORDS)}" for v in batch]
        vecs = embed(sents + leads)
        k = 0
        for n, v in enumerate(batch):
            m = len(v.sentences)
            sv = vecs[k:k + m]
            k += m
            lead_vec = vecs[len(sents) + n]
            doc_vec = sv.sum(axis=0) if m else lead_vec.copy()
            doc_vec = doc_vec / max(float(np.linalg.norm(doc_vec)), 1e-9)
            new.extend(self._add_one(v, sv, doc_vec, lead_vec,
                                     set(events[v.id]) if events and v.id in events else None))
        return new

    def _record(self, link: Link, out: list[Link]) -> None:
        key = frozenset((link.a, link.b))
        old = self._linked.get(key)
        if old is not None:
            if _RANK[link.kind] >= _RANK[old.kind]:
                return
            self.links.remove(old)
            if old in out:
                out.remove(old)
        self._linked[key] = link
        self.links.append(link)
        out.append(link)

    def _add_one(self, v: DocView, sv: np.ndarray, doc_vec: np.ndarray, lead_vec: np.ndarray,
                 events: set[str] | None) -> list[Link]:
        out: list[Link] = []
        same = self.dups.exact(v)
        if same is not None:
            link = compare_copy(self.views[same], v)
            if link:
                self._record(link, out)
        cands, mh = self.dups.candidates(v)
        for cid in cands:
            if cid == same:
                continue
            a = self.views[cid]
            spin = compare_spin(a, v, self.sent_vecs[cid], sv)
            link = spin or compare_copy(a, v)
            if link:
                self._record(link, out)
        # nearest documents by meaning: spins and translations share few shingles
        mat = self._matrix_now() if self.semantic else np.zeros((0, 0))
        if len(mat):
            cos = mat @ doc_vec
            top = np.argsort(-cos)[: S.CANDIDATE_TOP_K]
            for t in top:
                if cos[t] < S.CANDIDATE_MIN_COSINE:
                    break
                cid = self._ids[int(t)]
                if frozenset((cid, v.id)) in self._linked:
                    continue
                a = self.views[cid]
                link = (compare_spin(a, v, self.sent_vecs[cid], sv)
                        or compare_translation(a, v, self.sent_vecs[cid], sv))
                if link:
                    self._record(link, out)
        self.dups.add(v, mh)
        self.views[v.id] = v
        self.sent_vecs[v.id] = sv
        self._pos[v.id] = len(self._ids)
        self._ids.append(v.id)
        self._doc_vecs.append(doc_vec)
        if self.cluster:
            sid = self.clusterer.add(v.id, lead_vec, v.entities, title=v.title, published=v.published,
                                     publisher=v.publisher, events=events)
            peers = [d for d in self.clusterer.members(sid) if d != v.id]
            if peers:
                best = max(peers, key=lambda d: float(self._doc_vecs[self._pos[d]] @ doc_vec))
                score = float(self._doc_vecs[self._pos[best]] @ doc_vec)
                self._record(Link(best, v.id, "same_story", round(max(score, 0.0), 3)), out)
        return out

    def stories(self) -> list[Story]:
        return self.clusterer.stories()

    def story_of(self, doc_id: str) -> str | None:
        return self.clusterer.story_of(doc_id)

    def links_of(self, doc_id: str) -> list[Link]:
        return [lk for lk in self.links if doc_id in (lk.a, lk.b)]


def link_documents(new_docs: Iterable[Document | AnnotatedDocument], index: StoryIndex,
                   entities: Mapping[str, Iterable[str]] | None = None,
                   events: Mapping[str, Iterable[str]] | None = None) -> list[Link]:
    """Add ``new_docs`` to ``index`` and return the links they create (see ``StoryIndex.add``)."""
    return index.add(new_docs, entities=entities, events=events)
