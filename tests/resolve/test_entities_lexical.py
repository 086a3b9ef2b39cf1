"""Related description nouns, contractions and apostrophe names, on texts written here."""

from __future__ import annotations

import pytest
from entity_docs import hand_doc, with_spans

from newsgraph.resolve.entities import Resolver, ResolverOptions, chain_document
from newsgraph.resolve.entities.lexical import HeadNeighbours, head_similarity
from newsgraph.resolve.entities.names import parse_name
from newsgraph.resolve.entities.scoring import name_match

try:
    import wordllama  # noqa: F401

    HAS_WORDLLAMA = True
except ImportError:  # pragma: no cover - depends on the install
    HAS_WORDLLAMA = False
needs_embeddings = pytest.mark.skipif(not HAS_WORDLLAMA, reason="wordllama is not installed")




@needs_embeddings
def test_lexical_related_nouns_score_high_and_unrelated_low() -> None:
    assert head_similarity("jail", "jail") == 1.0
    assert head_similarity("prison", "jail") >= 0.5
    assert head_similarity("gunman", "shooter") >= 0.5
    assert head_similarity("man", "woman") < 0.5
    assert head_similarity("patch", "browser") < 0.5


def test_lexical_wordnet_synonyms_count_fully() -> None:
    from newsgraph.nlp.wordnet import wordnet

    if wordnet() is None:
        pytest.skip("Debian wordnet-base is not installed")
    assert head_similarity("lawyer", "attorney") == 1.0
    assert head_similarity("convict", "inmate") == 1.0


@needs_embeddings
def test_lexical_neighbours_are_symmetric_and_incremental() -> None:
    index = HeadNeighbours(0.5)
    for word in ("prison", "banana", "jail"):
        index.add(word)
    index.add("jail")  # adding twice changes nothing
    assert index.near("prison") == ["jail"]
    assert index.near("jail") == ["prison"]
    assert index.near("banana") == []
    assert index.near("unseen") == []


@needs_embeddings
def test_within_description_joins_an_earlier_one_with_a_related_noun(make_doc) -> None:
    text = (
        "A gunman opened fire outside a school in Dallas on Monday, police said. Witnesses said the "
        "shooter fled in a grey car before officers arrived."
    )
    adoc = with_spans(make_doc(text, "gunman"), [("gunman", "PERSON"), ("shooter", "PERSON")])
    chains = chain_document(adoc)
    joined = [c for c in chains if {m.text for m in c.mentions} >= {"gunman", "shooter"}]
    assert joined, [[m.text for m in c.mentions] for c in chains]
    shooter = next(m for m in joined[0].mentions if m.text == "shooter")
    assert "related to 'gunman'" in shooter.reason
    off = chain_document(
        with_spans(make_doc(text, "gunman-off"), [("gunman", "PERSON"), ("shooter", "PERSON")]),
        ResolverOptions(within_related_heads=0.0),
    )
    assert not [c for c in off if {m.text for m in c.mentions} >= {"gunman", "shooter"}]


@needs_embeddings
def test_resolver_description_joins_an_entity_described_with_a_related_noun() -> None:
    story = (
        "The {noun} opened fire outside Lincoln High School in Dallas on Monday morning. Dallas police "
        "said the {noun} fled in a grey Honda after wounding two students near the school gym."
    )
    first = hand_doc(story.format(noun="gunman"), "d1", [("The gunman", "PERSON"), ("the gunman", "PERSON")])
    second = hand_doc(
        story.format(noun="shooter"), "d2", [("The shooter", "PERSON"), ("the shooter", "PERSON")]
    )
    other = hand_doc(
        "The banana harvest in Ecuador fell sharply this year, exporters said on Friday.",
        "d3",
        [("The banana harvest", "PRODUCT")],
    )
    resolver = Resolver()
    resolver.add([first, other, second])
    owner = {m.text: e for e in resolver.entities() for m in e.mentions}
    assert owner["The shooter"].id == owner["The gunman"].id
    assert any(ev.kind == "synonym" for ev in owner["The shooter"].evidence)
    assert owner["The banana harvest"].id != owner["The gunman"].id
    apart = Resolver(ResolverOptions(synonym_heads=False))
    apart.add([first, other, second])
    owner = {m.text: e for e in apart.entities() for m in e.mentions}
    assert owner["The shooter"].id != owner["The gunman"].id


def test_within_contracted_pronoun_is_a_pronoun(make_doc) -> None:
    text = (
        "Lindsay Lohan left the clinic on Friday. Her lawyer said she's doing well and will return to work."
    )
    chains = chain_document(with_spans(make_doc(text, "contraction"), [("she's", "PERSON")]))
    lohan = next(c for c in chains if any(m.text == "Lindsay Lohan" for m in c.mentions))
    contracted = next(m for c in chains for m in c.mentions if m.text == "she's")
    assert contracted.kind == "pronoun"
    assert contracted in lohan.mentions


def test_names_surname_with_apostrophe_is_a_partial_match() -> None:
    assert name_match(parse_name("O'Brien"), parse_name("Jim O'Brien")).kind == "partial"


def test_within_place_description_is_not_the_most_mentioned_city(make_doc) -> None:
    text = (
        "Atlanta police closed three roads on Sunday. Atlanta officials said the storm was the worst "
        "in the nation this year."
    )
    chains = chain_document(with_spans(make_doc(text, "nation"), [("the nation", "GPE")]))
    nation = next(c for c in chains if any(m.text == "the nation" for m in c.mentions))
    assert [m.text for m in nation.mentions] == ["the nation"]


def test_resolver_counted_descriptions_with_other_numbers_stay_apart(make_doc) -> None:
    game = (
        "Tyler Hansbrough scored {n} points as North Carolina beat Duke 88-79 in Chapel Hill on Saturday. "
        "Coach Roy Williams said the {n} points came when the Tar Heels needed them most."
    )
    docs = [
        with_spans(make_doc(game.format(n=n), f"game-{i}"), [(f"{n} points", "PRODUCT")])
        for i, n in enumerate(("20", "nine", "20"))
    ]
    resolver = Resolver()
    resolver.add(docs)
    owner = {(m.doc, m.text): m.entity for e in resolver.entities() for m in e.mentions}
    assert owner[("game-0", "20 points")] == owner[("game-2", "20 points")]
    assert owner[("game-1", "nine points")] != owner[("game-0", "20 points")]
    counted = next(m for c in chain_document(docs[1]) for m in c.mentions if m.text == "nine points")
    assert counted.count == ["nine"]
    merged = Resolver(ResolverOptions(counted_descriptions=False))
    merged.add(docs)
    owner = {(m.doc, m.text): m.entity for e in merged.entities() for m in e.mentions}
    assert owner[("game-1", "nine points")] == owner[("game-0", "20 points")]
