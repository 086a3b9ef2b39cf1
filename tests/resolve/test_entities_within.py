"""Within-document name coreference on texts written for these tests (real spaCy output)."""

from __future__ import annotations

from entity_docs import with_spans

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


def test_within_chain_to_dict_is_asdict_and_shares_no_list(make_doc) -> None:
    from dataclasses import asdict

    chains = chain_document(make_doc(SAME_SURNAME, "lee"))
    assert chains
    for c in chains:
        plain = c.to_dict()
        assert plain == asdict(c)
        assert plain["cooc"] is not c.cooc and plain["context"] is not c.context
        for m, d in zip(c.mentions, plain["mentions"], strict=True):
            assert d["descriptors"] is not m.descriptors and d["count"] is not m.count




def test_within_description_joins_the_name_the_text_describes_with_it(make_doc) -> None:
    text = (
        "Texas inmate Arcade Comeaux escaped on Monday while Sheriff Tom Lee drove him to a prison in "
        "Beaumont. Police said the inmate had a shotgun and two pistols. Officers searched the woods overnight."
    )
    chains = chain_document(with_spans(make_doc(text, "inmate"), [("the inmate", "PERSON")]))
    described = _chain_of(chains, "the inmate")
    assert described is _chain_of(chains, "Arcade Comeaux")
    assert described is not _chain_of(chains, "Tom Lee")
    assert "inmate" in _mention(chains, "Arcade Comeaux").descriptors
    assert "describes 'Arcade Comeaux' as 'inmate'" in _mention(chains, "the inmate").reason


def test_within_description_fitting_two_names_stays_apart_with_reason(make_doc) -> None:
    text = (
        "Jamal Williams, a defensive tackle for the Chargers, met Ryan Sims, a defensive tackle for the "
        "Chiefs, on Friday. Police said the tackle had been drinking before the crash."
    )
    chains = chain_document(with_spans(make_doc(text, "tackle"), [("the tackle", "PERSON")]))
    alone = _chain_of(chains, "the tackle")
    assert [m.text for m in alone.mentions] == ["the tackle"]
    assert "fits several named entities" in _mention(chains, "the tackle").reason


def test_within_name_core_drops_title_nouns_and_generational_suffix(make_doc) -> None:
    text = (
        "Defensive tackle Jamal Williams was arrested on Friday. Williams was released later. "
        "Arcade Joseph Comeaux Jr. escaped from a prison van. Comeaux was armed."
    )
    adoc = make_doc(text, "core")
    # Gold-style span that includes the title noun, as ECB+ annotates it.
    from newsgraph.model.document import Mention

    start = text.index("Defensive tackle Jamal Williams")
    adoc.mentions = [m for m in adoc.mentions if not (start <= m.start < start + 31)]
    adoc.mentions.append(Mention(start, start + 31, text[start : start + 31], "PERSON", 0))
    adoc.mentions.sort(key=lambda m: m.start)
    chains = chain_document(adoc)
    assert _chain_of(chains, "Williams") is _chain_of(chains, "Defensive tackle Jamal Williams")
    assert _chain_of(chains, "Comeaux") is _chain_of(chains, "Arcade Joseph Comeaux Jr")
