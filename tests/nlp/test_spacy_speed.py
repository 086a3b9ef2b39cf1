"""The sped-up attribute ruler and lemmatizer give exactly the stock pipeline's annotations."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.nlp.annotate import load_model

#: Texts written for the rules the English attribute ruler holds: the tag map, auxiliaries,
#: "was"/"had"/"did", pronouns by their role, colloquial forms, expletive "there", space
#: tokens, and plain news prose.
TEXTS = [
    "The minister said on Tuesday that the council had approved the plan, which was rejected "
    "last year. It was not clear whether they would appeal.",
    "I told you it was gonna rain. Y'all ain't seen nothin' yet, and we're gotta go, "
    "c'mon, let's get 'em.",
    "There is a problem. There were two of them. She gave it to me and I gave it back to you.",
    "He did it.  Did he?   They had had enough; he'd gone and she'll stay.\n\nWhat do you want?",
    "Doin' fine, goin' home, ol' friend, somethin' new, 'nuff said.  I can't and won't. "
    "Sha n't we? Wo n't you?",
    "   ",
    "Shares of Acme Corp. rose 3.5% to $12.40 in New York, while the U.S. dollar fell.\n \n"
    "Analysts, who had expected losses, were surprised; the firm gets most of its revenue "
    "abroad and got a boost.",
]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.mark.parametrize("language", ["en"])
def test_same_annotations_as_the_stock_pipeline(language: str) -> None:
    fast, stock = load_model(language), load_model(language, stock=True)
    assert fast is not stock
    fast_docs = list(fast.pipe(TEXTS))
    stock_docs = list(stock.pipe(TEXTS))
    for a, b in zip(fast_docs, stock_docs, strict=True):
        assert _annotations(a) == _annotations(b)
    # A second pass reads the lemmas back from the cache: still the same.
    for a, b in zip(fast.pipe(TEXTS), stock_docs, strict=True):
        assert _annotations(a) == _annotations(b)
    # One document through nlp(text), not nlp.pipe: the same too.
    assert _annotations(fast(TEXTS[1])) == _annotations(stock(TEXTS[1]))


def test_the_ruler_matches_as_the_stock_matcher() -> None:
    fast, stock = load_model(), load_model(stock=True)
    ruler, stock_ruler = fast.get_pipe("attribute_ruler"), stock.get_pipe("attribute_ruler")
    for doc in stock.pipe(TEXTS):
        assert ruler.match(doc) == stock_ruler.match(doc)


def test_french_lemmas_as_the_stock_pipeline() -> None:
    try:
        fast, stock = load_model("fr"), load_model("fr", stock=True)
    except Exception:
        pytest.skip(f"{settings.model_for('fr')} is not installed")
    texts = ["Le ministre a déclaré mardi que le conseil avait approuvé le plan.",
             "Ils sont partis hier soir ; elle était déjà rentrée chez elle.  Nous verrons bien."]
    for a, b in zip(fast.pipe(texts), stock.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b)


def test_a_pickled_component_is_the_stock_one_with_the_same_annotations() -> None:
    import pickle

    fast, stock = load_model(), load_model(stock=True)
    ruler = pickle.loads(pickle.dumps(fast.get_pipe("attribute_ruler")))
    lemmatizer = pickle.loads(pickle.dumps(fast.get_pipe("lemmatizer")))
    assert type(lemmatizer) is type(stock.get_pipe("lemmatizer"))
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        bare = list(stock.pipe(TEXTS[:3]))
    for doc, want in zip(bare, stock.pipe(TEXTS[:3]), strict=True):
        assert _annotations(lemmatizer(ruler(doc))) == _annotations(want)
