"""Per-document records of the story index: sentence vectors and what rebuilds a view.

The link checks compare a new document with earlier candidates sentence by sentence,
so the index needs each candidate's text view and sentence embeddings. Keeping them
inside the pickled ``StoryIndex`` made its state grow with the corpus's text (tens of
kilobytes per document, rewritten whole at every commit); here they live one record
per document, written once when the document is added and read back only when a
document is a candidate. A record holds the sentence vectors (float32 bytes, exactly
what the linkers computed) and the small metadata a ``DocView`` cannot re-derive from
the text: the sentence spans and the entity keys the document was added with. The text
itself is the store's own copy of the document (``documents.text``), so nothing is
stored twice.

``MemoryRecords`` serves benchmarks and tests without a store; the corpus job's
``StoredRecords`` (``newsgraph/resolve_job.py``) keeps them in the store's
``story_vectors`` table (migration 5), written inside the transaction that resolves
their document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from newsgraph.model.document import AnnotatedDocument, Document
from newsgraph.resolve.stories._text import DocView, words_of

__all__ = ["DocRecord", "DocumentRecords", "MemoryRecords"]

#: Record layout version (in ``meta``); a record of another version is rebuilt.
RECORD_VERSION = 1


@dataclass
class DocRecord:
    """One document as the linkers need it: text, sentence spans, entity keys, vectors."""

    id: str
    text: str
    meta: dict[str, Any]
    vectors: np.ndarray

    @classmethod
    def of(cls, view: DocView, vectors: np.ndarray) -> DocRecord:
        meta = {"v": RECORD_VERSION, "dim": int(vectors.shape[1]) if vectors.ndim == 2 else 0,
                "title": view.title, "published": view.published, "publisher": view.publisher,
                "attributed_to": list(view.attributed_to),
                "sentences": [[s, e] for s, e in view.sentences],
                "entities": sorted(view.entities), "language": view.language}
        return cls(view.id, view.text, meta, np.ascontiguousarray(vectors, dtype=np.float32))

    def view(self) -> DocView:
        """The ``DocView`` the document was added as (words re-derived from the text)."""
        m = self.meta
        return DocView(id=self.id, text=self.text, title=m.get("title") or "",
                       published=m.get("published"), publisher=m.get("publisher"),
                       attributed_to=list(m.get("attributed_to") or []), words=words_of(self.text),
                       sentences=[(s, e) for s, e in m["sentences"]], entities=set(m["entities"]),
                       language=m.get("language"))

    def vector_bytes(self) -> bytes:
        return self.vectors.tobytes()

    def meta_json(self) -> str:
        return json.dumps(self.meta, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def decode(cls, doc_id: str, text: str, blob: bytes, meta_json: str) -> DocRecord | None:
        meta = json.loads(meta_json)
        if meta.get("v") != RECORD_VERSION:
            return None
        dim = int(meta.get("dim") or 0)
        vecs = np.frombuffer(blob, dtype=np.float32)
        vecs = vecs.reshape(-1, dim) if dim else np.zeros((0, 256), dtype=np.float32)
        if len(vecs) != len(meta["sentences"]):
            return None
        return cls(doc_id, text, meta, vecs)


class DocumentRecords(Protocol):
    """Where the story index keeps its per-document records (``pickled``: whether they
    are pickled with the index rather than kept outside it)."""

    pickled: bool

    def get(self, doc_id: str) -> DocRecord | None:
        """The record of ``doc_id``, or None when it is missing (then it is rebuilt)."""

    def put(self, record: DocRecord) -> None: ...

    def source(self, doc_id: str) -> tuple[Document | AnnotatedDocument, set[str] | None] | None:
        """The document (and its entity keys) to rebuild a missing record from, or None."""


class MemoryRecords:
    """Records in memory, encoded as the store encodes them (benchmarks, tests).

    ``pickled`` (default True): the records travel with a pickled ``StoryIndex``, which
    then stands alone; False mimics an external store (the benchmark measures the
    index's own state that way).
    """

    def __init__(self, *, pickled: bool = True) -> None:
        self._rows: dict[str, tuple[str, bytes, str]] = {}
        self.pickled = pickled

    def get(self, doc_id: str) -> DocRecord | None:
        row = self._rows.get(doc_id)
        return DocRecord.decode(doc_id, *row) if row else None

    def put(self, record: DocRecord) -> None:
        self._rows[record.id] = (record.text, record.vector_bytes(), record.meta_json())

    def source(self, doc_id: str) -> tuple[Document | AnnotatedDocument, set[str] | None] | None:
        return None

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def nbytes(self, *, text: bool = True) -> int:
        """Bytes of the encoded records: vectors and metadata, and the text unless
        ``text=False`` (a store keeps the text in ``documents``, not in the records)."""
        return sum((len(t.encode("utf-8")) if text else 0) + len(b) + len(m.encode("utf-8"))
                   for t, b, m in self._rows.values())
