"""Loose transliterations ("Tchonsam" / "Chonsami"): merged only with supporting context.

Texts invented for these tests: an exile group written two ways by two articles that share
the people and places around it, and a footballer with the second spelling in an article
that shares nothing with them.
"""

from __future__ import annotations

from newsgraph.resolve.entities import Resolver, chain_document
from newsgraph.resolve.entities.names import consonant_skeleton

GROUP = (
    "A little-known exile movement, the Tchonsam Liberation Front, said on Tuesday that it had helped "
    "the former diplomat Park Min-ho leave Vladivostok. The front's spokesman, Adrian Vostrikov, said the "
    "operation was planned in Harbin with help from volunteers in Osaka."
)
GROUP_AGAIN = (
    "Members of Chonsami met Park Min-ho in Harbin before he crossed into Russia, according to Adrian "
    "Vostrikov. Chonsami said the trip from Vladivostok to Osaka took three weeks."
)
FOOTBALL = (
    "Chonsami, a striker who joined Porto Alegre last season, scored twice on Sunday as his team beat "
    "Gremio Novo in the state championship. The coach Luiz Fernandes praised his work."
)


def test_transliteration_skeleton_folds_vowels_and_letter_classes() -> None:
    assert consonant_skeleton("tchonsam") == consonant_skeleton("chonsami") == consonant_skeleton("konsam")
    assert consonant_skeleton("qaddafi") == consonant_skeleton("gadafi")
    assert consonant_skeleton("lima") == ""  # two consonants: too short to be a key
    assert consonant_skeleton("chonsami") != consonant_skeleton("tomsan")


def _entity_with(resolver: Resolver, doc: str, text: str):  # type: ignore[no-untyped-def]
    return next(e for e in resolver.entities() for m in e.mentions if m.doc == doc and m.text == text)


def test_transliteration_variants_merge_across_documents_with_shared_context(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(GROUP, "group-a"), make_doc(GROUP_AGAIN, "group-b"), make_doc(FOOTBALL, "sport")])
    group = _entity_with(resolver, "group-a", "the Tchonsam Liberation Front")
    assert {m.doc for m in group.mentions if m.text == "Chonsami"} == {"group-b"}
    why = [ev for ev in group.evidence if ev.kind == "skeleton"]
    assert why and why[0].cooccurrence_score > 0  # shared Park Min-ho, Vostrikov, Harbin…
    # The footballer shares the spelling but none of the context: kept apart.
    striker = _entity_with(resolver, "sport", "Chonsami")
    assert striker.id != group.id
    assert {m.doc for m in striker.mentions} == {"sport"}


def test_transliteration_without_context_stays_apart(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(GROUP, "group-a"), make_doc(FOOTBALL, "sport")])
    group = _entity_with(resolver, "group-a", "the Tchonsam Liberation Front")
    assert all(m.doc == "group-a" for m in group.mentions)


def test_transliteration_within_a_document_joins_the_group_named_first(make_doc) -> None:
    text = (
        "A little-known exile movement, the Tchonsam Liberation Front, said on Tuesday that it had helped "
        "the former diplomat Park Min-ho leave Vladivostok. Members of Chonsami met Park Min-ho in Harbin "
        "before he crossed into Russia. Chonsami said the trip to Osaka took three weeks."
    )
    chains = chain_document(make_doc(text, "within"))
    group = next(c for c in chains if any(m.text == "the Tchonsam Liberation Front" for m in c.mentions))
    variants = [m for m in group.mentions if m.text == "Chonsami"]
    assert len(variants) == 2
    assert all("consonant skeleton" in m.reason for m in variants)


def test_transliteration_within_a_document_never_takes_a_place_for_a_person(make_doc) -> None:
    text = (
        "Karima Lopes, the singer, arrived in Kalama on Friday. Karim Benzali of the Kalama Harbor "
        "Authority greeted her at the port. Kalama officials said the concert would go ahead."
    )
    chains = chain_document(make_doc(text, "kalama"))
    singer = next(c for c in chains if any(m.text == "Karima Lopes" for m in c.mentions))
    assert all(m.text != "Kalama" for m in singer.mentions)
