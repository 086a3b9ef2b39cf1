"""Within-document name coreference on texts written for these tests (real spaCy output)."""

from __future__ import annotations

from newsgraph.resolve.entities import chain_document
from newsgraph.resolve.entities.within import Chain


def _chain_of(chains: list[Chain], text: str, occurrence: int = 0) -> Chain:
    found = [c for c in chains for m in c.mentions if m.text == text]
    return found[occurrence]


def _mention(chains: list[Chain], text: str, occurrence: int = 0):  # type: ignore[no-untyped-def]
    return [m for c in chains for m in c.mentions if m.text == text][occurrence]


SAME_SURNAME = (
    "Lee Sang-woo, a lawmaker from Busan, met Lee Hye-jin, the trade minister, in Seoul on Monday. "
    "Lee Sang-woo said the talks had been useful. Mr. Lee later told reporters that he would travel to "
    "Tokyo next week. Ms. Lee declined to comment on the meeting."
)


def test_within_surname_goes_to_the_right_person_among_several(make_doc) -> None:
    chains = chain_document(make_doc(SAME_SURNAME, "lee"))
    mr = next(c for c in chains if any(m.text == "Lee" and m.title == "mr" for m in c.mentions))
    ms = next(c for c in chains if any(m.text == "Lee" and m.title == "ms" for m in c.mentions))
    assert mr.best_name().surface == "Lee Sang-woo"  # most recent subject, "Mr." compatible
    assert ms.best_name().surface == "Lee Hye-jin"  # "Ms." rules out the man just named
    assert mr is not ms


def test_within_bare_surname_with_several_candidates_goes_to_the_one_in_focus(make_doc) -> None:
    text = (
        "Defector Kim Chul-soo said he had worked for years under Kim Jong-il and Kim Jong-un in Pyongyang. "
        "Kim Chul-soo fled to Seoul in 2014. Kim says he built a network of informants."
    )
    chains = chain_document(make_doc(text, "kim3"))
    bare = _mention(chains, "Kim")
    assert bare.method == "partial"
    assert "chosen among" in bare.reason
    assert _chain_of(chains, "Kim").best_name().surface == "Kim Chul-soo"


def test_within_ambiguous_surname_stays_unresolved_with_reason(make_doc) -> None:
    text = (
        "Officials named Kim Dae-sung and Kim Young-hee as envoys to the talks in Geneva. "
        "A short statement from Kim followed on Friday."
    )
    chains = chain_document(make_doc(text, "amb"))
    bare_chain = _chain_of(chains, "Kim")
    assert [m.text for m in bare_chain.mentions] == ["Kim"]
    assert bare_chain.unresolved and "ambiguous between" in bare_chain.unresolved
    assert _mention(chains, "Kim").method == "unresolved"


def test_within_acronyms_link_to_their_expansion(make_doc) -> None:
    text = (
        "The National Election Commission (NEC) said on Tuesday that turnout had reached a record. "
        "Voters queued for hours in Nairobi. The NEC will publish the final count on Friday. Separately, "
        "the Federal Aviation Administration grounded two jets, and the FAA said inspections would "
        "take a week."
    )
    chains = chain_document(make_doc(text, "acr"))
    nec = _chain_of(chains, "NEC")
    assert nec.best_name().surface.endswith("National Election Commission")
    assert [m.text for m in nec.mentions].count("NEC") == 2
    assert _mention(chains, "NEC").reason == "defined in parentheses after the full name"
    faa = _chain_of(chains, "FAA")
    assert faa.best_name().surface.endswith("Federal Aviation Administration")
    assert nec is not faa


def test_within_typo_and_transliteration_variants_join_hyphen_forms_too(make_doc) -> None:
    text = (
        "Opposition leader Park Joon-ho addressed supporters on Saturday. Park Joon-ho promised lower taxes. "
        "Critics said Prk Joon-ho had changed his position twice. The militia known as Haraket al-Nour "
        "attacked a convoy in Aleppo. Witnesses said Harakat al-Nur fighters fired rockets."
    )
    chains = chain_document(make_doc(text, "typo"))
    assert _chain_of(chains, "Prk Joon-ho") is _chain_of(chains, "Park Joon-ho")
    assert _mention(chains, "Prk Joon-ho").method == "typo"
    assert _chain_of(chains, "Harakat al-Nur") is _chain_of(chains, "Haraket al-Nour")
    assert _chain_of(chains, "Aleppo") is not _chain_of(chains, "Haraket al-Nour")


def test_within_chains_are_json_ready(make_doc) -> None:
    chains = chain_document(make_doc(SAME_SURNAME, "lee"))
    again = [Chain.from_dict(c.to_dict()) for c in chains]
    assert [c.keys for c in again] == [c.keys for c in chains]
