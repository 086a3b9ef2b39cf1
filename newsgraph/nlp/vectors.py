"""The static word-vector model every stage shares: wordllama's bundled 256-d model.

Owns loading it once per process, offline (``disable_download``: plain ``load()`` asks the
hub). Stories, event coreference and entity heads embed with it; a missing package is
error E303 where a stage needs it (``wordllama_model``) or an abstention where it is only a
help (``wordllama_or_none``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.errors import AnnotateError

__all__ = ["wordllama_model", "wordllama_or_none"]


@lru_cache(maxsize=1)
def wordllama_or_none() -> Any | None:
    """The model, or None when ``wordllama`` is not installed."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:  # pragma: no cover - depends on the install
        return None
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def wordllama_model(need: str) -> Any:
    """The model; E303 naming what ``need``s it when the package is missing."""
    model = wordllama_or_none()
    if model is None:  # pragma: no cover - depends on the install
        raise AnnotateError(f"{need} needs the package wordllama==0.4.0.post1", code="E303")
    return model
