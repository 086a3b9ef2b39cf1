"""Trigger embeddings for event coreference: the trigger word and its context.

Two reports of one event often use different words ("killed"/"shooting"/"death",
"arrested"/"detained"); the small spaCy model has no word vectors to relate them.
``wordllama==0.4.0.post1`` ships a 256-d static embedding model inside its wheel
(distilled from a sentence encoder): thousands of short texts per second on one
core, nothing downloaded (loaded from the package directory with downloads off).
``en_core_web_md`` vectors were the alternative; wordllama relates event synonyms
at least as well and embeds a whole context window for the price of a lookup.

Each mention gets three unit vectors, concatenated: the trigger as written, its
lemma, and a window of ``WINDOW`` words either side of the trigger inside its
sentence (the participants and circumstances next to the word).  Trigger and lemma
strings repeat across a corpus, so their vectors are cached.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from newsgraph.model.events import EventMention
from newsgraph.nlp.vectors import wordllama_model

__all__ = ["DIM", "WINDOW", "MentionTexts", "mention_texts", "mention_vectors", "vectors_of", "window_text"]

#: Width of one part of a mention vector (wordllama's bundled 256-d model).
DIM = 256
#: Words either side of the trigger in the context window (chosen on ECB+ odd topics:
#: 3 relates better than the whole sentence or 6 words, which bring in other events).
WINDOW = 3


def _model() -> Any:
    return wordllama_model("event coreference")


def _unit(vecs: Any) -> np.ndarray:
    arr = np.asarray(vecs, dtype=np.float32)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return arr / norms


_WORDS: dict[str, np.ndarray] = {}
#: Cap on cached trigger/lemma strings (a news vocabulary of triggers is far smaller).
_WORDS_MAX = 50_000


def _words(texts: list[str]) -> list[np.ndarray]:
    missing = [t for t in dict.fromkeys(texts) if t not in _WORDS]
    if missing:
        if len(_WORDS) + len(missing) > _WORDS_MAX:
            _WORDS.clear()
        for t, v in zip(missing, _unit(_model().embed([t or " " for t in missing], norm=False)), strict=True):
            _WORDS[t] = v
    return [_WORDS[t] for t in texts]


def window_text(m: EventMention, width: int = WINDOW) -> str:
    """The trigger with ``width`` words either side, inside its evidence sentence."""
    s = m.sentence
    rel = m.trigger.start - s.start
    if not 0 <= rel <= len(s.text):
        return m.trigger.text
    left = s.text[:rel].split()[-width:]
    right = s.text[rel + len(m.trigger.text) :].split()[:width]
    return " ".join([*left, m.trigger.text, *right])


#: What a mention's vector is computed from: trigger, lemma, context window.
MentionTexts = tuple[str, str, str]


def mention_texts(m: EventMention) -> MentionTexts:
    """The three strings ``vectors_of`` embeds for ``m`` (kept instead of the vector
    wherever a vector must be stored: 60 bytes instead of 3 KB)."""
    return m.trigger.text.lower(), (m.lemma or m.trigger.text).lower(), window_text(m)


def vectors_of(texts: list[MentionTexts]) -> np.ndarray:
    """One row per mention: unit vectors of trigger, lemma and context window (3 × ``DIM``)."""
    if not texts:
        return np.zeros((0, 3 * DIM), dtype=np.float32)
    trig = _words([t[0] for t in texts])
    lem = _words([t[1] for t in texts])
    win = _unit(_model().embed([t[2] for t in texts], norm=False))
    return np.hstack([np.vstack(trig), np.vstack(lem), win]).astype(np.float32)


def mention_vectors(mentions: list[EventMention]) -> np.ndarray:
    """``vectors_of`` the mentions' texts."""
    return vectors_of([mention_texts(m) for m in mentions])
