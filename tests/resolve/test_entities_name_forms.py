"""One person written several ways: middle names and initials, short first names, and
a bare surname seen in earlier reports before any report gave the full name.

Texts and names invented for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.resolve.entities import Resolver
from newsgraph.resolve.entities.names import parse_name
from newsgraph.resolve.entities.scoring import name_match


@pytest.mark.parametrize(
    ("a", "b"),
    [("Mt Cook", "Mount Cook"), ("Ft. Worth", "Fort Worth"), ("Dept of Justice", "Department of Justice")],
)
def test_abbreviated_name_words_are_written_out(a: str, b: str) -> None:
    assert name_match(parse_name(a), parse_name(b)).kind == "exact"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Frederick C. Hallam", "Fred Hallam", "variant"),
        ("Frederick Conway Hallam", "Frederick C. Hallam", "variant"),
        ("Frederick Conway Hallam", "Fred Hallam", "variant"),
        # A full middle name that differs, an initial for a first name, another first
        # name: namesakes, not forms of one name.
        ("John A. Hallam", "John B. Hallam", "weak"),
        ("F. Hallam", "Fred Hallam", "weak"),
        ("Walter Hallam", "Will Hallam", "weak"),
    ],
)
def test_middle_names_and_short_first_names(a: str, b: str, kind: str) -> None:
    assert name_match(parse_name(a), parse_name(b)).kind == kind


OBITUARY = (
    "Frederick C. Hallam, a former adviser to the governor of Ohio, died on Tuesday in a hotel in "
    "Dayton. He was 71. Fred Hallam had served two terms on the state's parole board before the "
    "bribery inquiry that ended his career."
)


def test_short_and_long_forms_of_one_name_are_one_chain_in_a_document(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(OBITUARY, "obit")])
    [entity] = [e for e in resolver.entities() if any(m.text == "Frederick C. Hallam" for m in e.mentions)]
    assert "Fred Hallam" in {m.text for m in entity.mentions}


BILL = (
    "Senator Adaeze Okafor introduced the harbour bill after the Lagos port strike closed the docks "
    "in March. Adaeze Okafor said the Senate would vote on it before the summer recess."
)
SCHOOLS = (
    "Senator Okafor opened the new girls' school in Enugu on Friday and promised teachers a pay rise. "
    "Okafor said the school would take its first pupils in September."
)
BOTH = (
    "Senator Adaeze Okafor, who opened a girls' school in Enugu last week and promised teachers a "
    "pay rise, said the harbour bill would reach the Senate before the summer recess. Adaeze Okafor "
    "said the school would take its first pupils in September."
)


FIRST = (
    "Senator Okafor said on Monday that the harbour bill would pass the Senate before the summer "
    "recess. Okafor has pushed the bill since the Lagos port strike closed the docks in March."
)
SECOND = (
    "Senator Okafor told reporters in Lagos that the harbour bill had the votes to pass the Senate. "
    "The dockworkers' union backed the bill after the port strike in March, Okafor said."
)
@pytest.mark.parametrize(
    "reports",
    [
        # Two reports name only "Okafor", then one the full name.
        [("first", FIRST), ("second", SECOND), ("third", BILL)],
        # The full name first; a bare-surname report too far from it to join; then a report
        # the full name and the bare-surname entity both accept: the two become one.
        [("bill", BILL), ("schools", SCHOOLS), ("both", BOTH)],
    ],
)
def test_a_bare_surname_entity_joins_the_full_name(make_doc, reports: list[tuple[str, str]]) -> None:
    resolver = Resolver()
    resolver.add([make_doc(text, doc) for doc, text in reports])
    okafors = [e for e in resolver.entities() if any("Okafor" in m.text for m in e.mentions)]
    assert len(okafors) == 1
    assert {m.doc for m in okafors[0].mentions} == {doc for doc, _ in reports}


NAMESAKE = (
    "Senator Chidi Okafor said the harbour bill would not pass the Senate before the summer recess. "
    "Chidi Okafor voted against it after the Lagos port strike in March."
)


def test_a_bare_surname_entity_stays_apart_when_two_full_names_hold_it(make_doc) -> None:
    resolver = Resolver()
    resolver.add(
        [
            make_doc(FIRST, "first"),
            make_doc(SECOND, "second"),
            make_doc(NAMESAKE, "namesake"),
            make_doc(BILL, "third"),
        ]
    )
    adaeze = next(e for e in resolver.entities() if any(m.text == "Adaeze Okafor" for m in e.mentions))
    assert "namesake" not in {m.doc for m in adaeze.mentions}
    assert not {"first", "second"} <= {m.doc for m in adaeze.mentions}


LEDE = (
    "A retired schoolteacher won the county's lottery jackpot on Saturday. Margaret Ellery bought "
    "the ticket at a petrol station in Kendal, and she said she would share the money with her church."
)
VICTIM_NAMED = (
    "An arsonist set fire to Margaret Ellery's church in Kendal on Saturday. Firefighters said the "
    "building was lost within the hour."
)


def test_a_lead_description_joins_the_person_named_next_as_a_subject(make_doc) -> None:
    from entity_docs import with_spans

    from newsgraph.resolve.entities import ResolverOptions, chain_document

    adoc = with_spans(make_doc(LEDE, "lede"), [("A retired schoolteacher", "PERSON")])
    chains = chain_document(adoc)
    ellery = next(c for c in chains if any(m.text == "Margaret Ellery" for m in c.mentions))
    assert "A retired schoolteacher" in {m.text for m in ellery.mentions}
    off = chain_document(
        with_spans(make_doc(LEDE, "lede-off"), [("A retired schoolteacher", "PERSON")]),
        ResolverOptions(lede_descriptions=False),
    )
    ellery = next(c for c in off if any(m.text == "Margaret Ellery" for m in c.mentions))
    assert "A retired schoolteacher" not in {m.text for m in ellery.mentions}


def test_a_lead_description_is_not_the_person_its_sentence_names(make_doc) -> None:
    from entity_docs import with_spans

    from newsgraph.resolve.entities import chain_document

    chains = chain_document(with_spans(make_doc(VICTIM_NAMED, "arson"), [("An arsonist", "PERSON")]))
    arsonist = next(c for c in chains if any(m.text == "An arsonist" for m in c.mentions))
    assert {m.text for m in arsonist.mentions} == {"An arsonist"}


NAVY_NAMED = (
    "The Navy said on Sunday that its frigate had chased off two pirate skiffs in the Gulf of Aden. "
    "The Navy said the frigate would stay with the convoy until it reached Djibouti."
)
NAVY_LOWER = (
    "A frigate chased off two pirate skiffs in the Gulf of Aden on Sunday, the navy said. The navy "
    "said the frigate would escort the convoy of tankers until it reached Djibouti."
)


def test_a_one_word_name_that_is_a_noun_meets_its_uncapitalised_description() -> None:
    from entity_docs import hand_doc

    named = hand_doc(NAVY_NAMED, "named", [("Navy", "ORG"), ("Gulf of Aden", "LOC")])
    lower = hand_doc(NAVY_LOWER, "lower", [("navy", "ORG"), ("Gulf of Aden", "LOC")])
    resolver = Resolver()
    resolver.add([named, lower])
    navy = next(e for e in resolver.entities() if any(m.text == "Navy" for m in e.mentions))
    assert "lower" in {m.doc for m in navy.mentions}


CHARGED = (
    "District Attorney Helen Marsh announced that murder charges were filed against a man accused "
    "of shooting Deputy Tomas Alvarado outside a bakery. Marsh said the man ambushed the 35-year-old "
    "deputy as he left his patrol car. Marsh told reporters the charges carry a life sentence."
)


def test_a_capitalised_title_describes_the_name_and_takes_the_description(make_doc) -> None:
    from entity_docs import with_spans

    from newsgraph.resolve.entities import chain_document

    chains = chain_document(with_spans(make_doc(CHARGED, "charged"), [("deputy", "PERSON")]))
    alvarado = next(c for c in chains if any(m.text == "Tomas Alvarado" for m in c.mentions))
    assert "deputy" in alvarado.descriptors()
    assert "deputy" in {m.text for m in alvarado.mentions}  # not Marsh, the most mentioned


CHARGED_MAN = (
    "A MAN has been charged with the murder of his neighbour in Kendal. The man, 23, was arrested "
    "on Saturday morning after police found the body in a garden shed."
)


def test_a_common_noun_in_capitals_is_a_description_not_a_name(make_doc) -> None:
    from entity_docs import with_spans

    from newsgraph.resolve.entities import chain_document

    chains = chain_document(with_spans(make_doc(CHARGED_MAN, "man"), [("MAN", "PERSON"), ("man", "PERSON")]))
    capitals = next(m for c in chains for m in c.mentions if m.text == "MAN")
    assert capitals.kind == "nominal"
    assert capitals.head == "man"
