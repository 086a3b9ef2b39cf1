"""resolve/events: WordNet synonymy of trigger lemmas as evidence of one event."""

from __future__ import annotations

import numpy as np
import pytest
from event_coref_helpers import assault_mention

from newsgraph.nlp.wordnet import base_form, ranked_synonyms, wordnet
from newsgraph.resolve.events import EventResolver, ResolverOptions
from newsgraph.resolve.events.embed import DIM

needs_wordnet = pytest.mark.skipif(wordnet() is None, reason="WordNet (wordnet-base) not installed")


@needs_wordnet
def test_event_coref_lexical_synonyms_in_frequent_senses():
    assert base_form("checks") == "check" and base_form("struck") == "strike"
    assert ranked_synonyms("hit", "strike", 5)
    assert ranked_synonyms("issued", "released", 5)  # inflected lemmas too
    assert not ranked_synonyms("hit", "hit", 5)  # one lemma is not a synonym of itself
    assert not ranked_synonyms("hit", "praise", 0)
    # "hit" means "score" in its 8th sense only: a rare sense does not count.
    assert ranked_synonyms("hit", "score", 0) and not ranked_synonyms("hit", "score", 5)


def _part(cos: float) -> np.ndarray:
    part = np.zeros(DIM, dtype=np.float32)
    part[0], part[1] = cos, (1 - cos * cos) ** 0.5
    return part


def _two_reports(second: str, lemma: str, options: ResolverOptions | None = None) -> EventResolver:
    """"hit" in one report, ``second`` in another of one story, their vectors at a low
    cosine (0.3): too far apart to link on the embeddings alone."""
    r = EventResolver(options=options)
    a = assault_mention("a", "A car hit two cyclists on the bridge.", "hit", "hit")
    b = assault_mention("b", f"A car {second} two cyclists on the bridge.", second, lemma)
    for m, part in ((a, _part(1.0)), (b, _part(0.3))):
        r.add(m, story="one story", vector=np.concatenate([part, part, part]))
    return r


@needs_wordnet
def test_event_coref_synonym_lemmas_link_what_the_embeddings_keep_apart():
    assert len(_two_reports("struck", "strike").events) == 1
    assert "pair=" in _two_reports("struck", "strike").explanations["b:6"]
    # The same vectors with a word WordNet does not relate, or without the bonus: two events.
    assert len(_two_reports("praised", "praise").events) == 2
    assert len(_two_reports("struck", "strike", ResolverOptions(w_synonym=0.0)).events) == 2
