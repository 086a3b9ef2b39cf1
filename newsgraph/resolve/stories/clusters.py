"""Online story clustering: each arriving document joins the closest story or opens one.

The classic single-pass method of topic detection and tracking (Allan et al., TDT
1998): a story keeps a centroid of its documents' title+lead embeddings and the
entity (and event) keys they mention; a document's similarity to a story is a
weighted sum of embedding cosine and entity overlap, and only stories active within
a time window compete. It is incremental (no re-clustering when documents arrive)
and linear in the number of live stories per document.

Two vector spaces: the English WordLlama vectors (``vec``) compare English documents
with stories that hold English documents, exactly as before; a document in another
language has no meaningful WordLlama vector (its words are out of vocabulary, so all
such documents look alike — this once put 149 unrelated French articles in one story)
and is compared instead by its multilingual E5 vector (``ml_vec``) with each story's
E5 centroid, the cosine mapped onto the WordLlama scale (``_calibrated``). A document
that is a translation of an earlier one joins that one's story (``join``).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from newsgraph.model.stories import Story
from newsgraph.resolve.stories import settings as S

__all__ = ["StoryClusterer"]


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    parts = iso[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


@dataclass
class _Story:
    id: str
    vec_sum: np.ndarray
    entities: Counter = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    vecs: dict[str, np.ndarray] = field(default_factory=dict)
    publishers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    events: set[str] = field(default_factory=set)


def _calibrated(cos: np.ndarray) -> np.ndarray:
    """E5 cosine on the WordLlama cosine's scale: a linear map that sends E5's mean
    cosine of same-story and of different-topic title+leads (ECB+ odd topics) to
    WordLlama's, so one join threshold serves both spaces."""
    span = (S.WL_SAME_STORY - S.WL_OTHER_TOPIC) / (S.E5_SAME_STORY - S.E5_OTHER_TOPIC)
    return S.WL_OTHER_TOPIC + (cos - S.E5_OTHER_TOPIC) * span


class StoryClusterer:
    """Incremental clustering of documents into stories."""

    #: Dicts and lists read by key or position only, which a store may serve from rows
    #: (``store/state_rows.py``): the stories themselves, the maps to them.
    ROW_BACKED = ("_stories", "_k", "_of", "_by_key", "_df")

    def __init__(self, threshold: float = S.STORY_JOIN_THRESHOLD,
                 embedding_weight: float = S.STORY_EMBEDDING_WEIGHT,
                 window_days: int = S.STORY_WINDOW_DAYS) -> None:
        self.threshold = threshold
        self.w = embedding_weight
        self.window = window_days
        self._stories: list[_Story] = []
        self._k: dict[str, int] = {}  # story id -> position in ``_stories``
        self._of: dict[str, int] = {}
        # vectorised state: centroid sums, last/first day ordinal per story, and an
        # inverted index entity → stories, so a document touches only related stories
        self._sums = np.zeros((0, 0), dtype=np.float32)
        # Each story's ``_sums`` row norm, kept as the row changes: computing every row's
        # norm per document grew with the number of stories.
        self._norms = np.zeros(0, dtype=np.float32)
        self._first = np.zeros(0)
        self._last = np.zeros(0)
        self._by_key: dict[str, set[int]] = {}
        self._df: dict[str, int] = {}  # documents per key
        # multilingual: E5 centroid sums and English members per story (see the docstring)
        self._msums = np.zeros((0, 0), dtype=np.float32)
        self._n_en = np.zeros(0)

    # The clusterer is pickled with the story index at every commit: leave out the
    # arrays' spare capacity. The stories are items of their own (a store may keep them
    # as rows, ``ROW_BACKED``), each with its vector sum.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        n = len(self._stories)
        state["_sums"], state["_first"], state["_last"] = self._sums[:n], self._first[:n], self._last[:n]
        state["_norms"] = self._norms[:n]
        state["_n_en"] = self._n_en[:n]
        state["_msums"] = self._msums[:n] if len(self._msums) else self._msums
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "_norms" not in state:  # pickled before the norms were kept
            self._norms = (np.linalg.norm(self._sums, axis=1) if self._sums.size
                           else np.zeros(len(self._sums), dtype=np.float32))
        if "_n_en" not in state:  # pickled before languages: every document read as English
            n = len(self._stories)
            self._msums = np.zeros((0, 0), dtype=np.float32)
            members = [float(len(st.members)) for st in self._stories]
            self._n_en = np.array(members + [0.0] * (len(self._sums) - n))
        if "_k" not in state:
            # Pickled when each story's vector sum was left out when it was the same float32
            # row as ``_sums[k]`` (both add the same vectors in the same order), and the
            # positions were rebuilt from the stories.
            for k, st in enumerate(self._stories):
                if st.vec_sum is None:
                    st.vec_sum = self._sums[k].copy()
            self._k = {st.id: k for k, st in enumerate(self._stories)}

    def _position(self, story_id: str) -> int | None:
        """Where a story sits in ``_stories`` (an index kept beside it: a scan of every
        story per document grew with the corpus)."""
        return self._k.get(story_id)

    def similarity(self, vec: np.ndarray, keys: set[str], day: date | None,
                   ml_vec: np.ndarray | None = None, english: bool = True) -> np.ndarray:
        """Similarity of a document to every story (-1 for stories outside the window)."""
        n = len(self._stories)
        if not n:
            return np.zeros(0)
        sums = self._sums[:n]
        cos = (sums @ vec) / np.maximum(self._norms[:n], 1e-9) if english else np.zeros(n)
        if ml_vec is not None and len(self._msums):
            msums = self._msums[:n]
            norms = np.linalg.norm(msums, axis=1)
            mcos = np.where(norms > 0, _calibrated((msums @ ml_vec) / np.maximum(norms, 1e-9)), 0.0)
            cos = np.where(self._n_en[:n] > 0, cos, mcos) if english else mcos
        ent = np.zeros(n)
        # Shared keys weighted by rarity (IDF over documents): "North Korea" in every
        # article of a North Korea desk says little, a rarely named person says a lot.
        # Measured against the new document's own keys, so a story whose key set grew
        # large by absorbing documents does not swallow every newcomer.
        ndocs = len(self._of) + 1
        weight = {key: math.log(1.0 + ndocs / (1 + self._df.get(key, 0))) for key in keys}
        total = sum(weight.values()) or 1.0
        hits: dict[int, float] = {}
        for key in keys:
            for k in self._by_key.get(key, ()):
                hits[k] = hits.get(k, 0.0) + weight[key]
        for k, shared in hits.items():
            ent[k] = shared / total
        sim = self.w * cos + (1 - self.w) * ent
        if day is not None:
            o = day.toordinal()
            dated = self._last[:n] > 0
            far = dated & ((o - self._last[:n] > self.window) | (self._first[:n] - o > self.window))
            sim[far] = -1.0
        return sim

    def add(self, doc_id: str, vec: np.ndarray, keys: set[str], *, title: str = "",
            published: str | None = None, publisher: str | None = None,
            events: set[str] | None = None, ml_vec: np.ndarray | None = None,
            english: bool = True, join: str | None = None) -> str:
        """Assign ``doc_id`` to a story and return the story id.

        ``vec`` is the unit embedding of title+lead; ``keys`` the document's entity
        keys (and ``event:``-prefixed event ids, which count like entities).
        ``ml_vec`` is its multilingual vector (None while the corpus is English
        only), ``english`` whether ``vec`` means anything, and ``join`` a document
        whose story this one joins whatever the similarity (its original or translation).
        """
        if doc_id in self._of:
            return self._stories[self._of[doc_id]].id
        keys = set(keys) | {f"event:{e}" for e in (events or ())}
        sim = self.similarity(vec, keys, _day(published), ml_vec, english)
        if join is not None and join in self._of:
            k = self._of[join]
        elif len(sim) and float(sim.max()) >= self.threshold:
            k = int(sim.argmax())
        else:
            k = len(self._stories)
            sid = "s" + hashlib.sha1(doc_id.encode()).hexdigest()[:12]
            self._stories.append(_Story(sid, np.zeros_like(vec)))
            self._k[sid] = k
            if k >= len(self._sums):  # grow the arrays by doubling
                cap = max(16, 2 * len(self._sums))
                sums = np.zeros((cap, len(vec)), dtype=np.float32)
                if len(self._sums):
                    sums[: len(self._sums)] = self._sums
                self._sums = sums
                self._norms = np.concatenate([self._norms, np.zeros(cap - len(self._norms), np.float32)])
                self._first = np.concatenate([self._first, np.zeros(cap - len(self._first))])
                self._last = np.concatenate([self._last, np.zeros(cap - len(self._last))])
                self._n_en = np.concatenate([self._n_en, np.zeros(cap - len(self._n_en))])
                if len(self._msums):
                    self._msums = np.concatenate(
                        [self._msums, np.zeros((cap - len(self._msums), self._msums.shape[1]), np.float32)])
        st = self._stories[k]
        if english:  # a non-English document's WordLlama vector would blur the centroid
            st.vec_sum = st.vec_sum + vec
            self._sums[k] += vec
            # the row's norm as ``np.linalg.norm(sums, axis=1)`` gives it (the same reduction)
            self._norms[k] = np.linalg.norm(self._sums[k:k + 1], axis=1)[0]
            self._n_en[k] += 1
        if ml_vec is not None:
            self.add_multilingual(doc_id, ml_vec, k)
        d = _day(published)
        if d is not None:
            o = d.toordinal()
            self._first[k] = o if not self._first[k] else min(self._first[k], o)
            self._last[k] = max(self._last[k], o)
        for key in keys:
            self._by_key.setdefault(key, set()).add(k)
            self._df[key] = self._df.get(key, 0) + 1
        st.entities.update(keys)
        st.members.append(doc_id)
        st.titles[doc_id] = title
        st.vecs[doc_id] = vec
        if publisher and publisher not in st.publishers:
            st.publishers.append(publisher)
        if published:
            st.dates.append(published)
        st.events |= set(events or ())
        self._of[doc_id] = k
        return st.id

    def add_multilingual(self, doc_id: str, ml_vec: np.ndarray, k: int | None = None) -> None:
        """Count a document's multilingual vector in its story's E5 centroid (also for
        documents clustered before the corpus had a second language)."""
        k = self._of.get(doc_id) if k is None else k
        if k is None:
            return
        if not len(self._msums):
            self._msums = np.zeros((len(self._sums), len(ml_vec)), dtype=np.float32)
        self._msums[k] += ml_vec

    def story_of(self, doc_id: str) -> str | None:
        k = self._of.get(doc_id)
        return self._stories[k].id if k is not None else None

    def members(self, story_id: str) -> list[str]:
        k = self._position(story_id)
        return list(self._stories[k].members) if k is not None else []

    def labels(self) -> dict[str, int]:
        """Document id → story index (for scoring)."""
        return dict(self._of.items())  # row-backed: read through, not kept

    def stories(self) -> list[Story]:
        return [_record(s) for s in self._stories]

    def records(self, story_ids: Iterable[str]) -> list[Story]:
        """The records of these stories, in the order of ``stories`` (a batch writes the
        stories it touched: building every story's record per batch grew with the corpus)."""
        found = sorted(k for sid in set(story_ids) if (k := self._position(sid)) is not None)
        return [_record(self._stories[k]) for k in found]


def _record(s: _Story) -> Story:
    cent = s.vec_sum / max(float(np.linalg.norm(s.vec_sum)), 1e-9)
    central = max(s.members, key=lambda d: (bool(s.titles[d]), float(s.vecs[d] @ cent)))
    dates = sorted(s.dates)
    return Story(s.id, s.titles[central] or central, list(s.members), list(s.publishers),
                 dates[0] if dates else None, dates[-1] if dates else None, sorted(s.events))
