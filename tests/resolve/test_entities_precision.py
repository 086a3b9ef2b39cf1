"""Cross-document precision on a general news mix: the merges a large corpus tempts.

Texts invented for these tests. Each case is a kind of false merge seen when resolving
hundreds of unrelated BBC News reports (ECB+ topics are too small to show it): a bare
place word taken for a longer place, an acronym taken for a person's initials, a
category noun ("Bank") taken for the name of every bank, two names sharing only a
consonant skeleton.
"""

from __future__ import annotations

from newsgraph.resolve.entities import Resolver
from newsgraph.resolve.entities.names import parse_name
from newsgraph.resolve.entities.scoring import NameMatch, conflicting_expansions, generic_short_name


def _entity_with(resolver: Resolver, doc: str, text: str):  # type: ignore[no-untyped-def]
    return next(e for e in resolver.entities() for m in e.mentions if m.doc == doc and m.text == text)


def _resolved(make_doc, **texts: str) -> Resolver:  # type: ignore[no-untyped-def]
    """A fresh resolver fed one document per keyword (its id) in the order given."""
    resolver = Resolver()
    resolver.add([make_doc(text, doc) for doc, text in texts.items()])
    return resolver


NORTH = (
    "North Korea fired two short-range missiles into the sea on Monday, the military in Seoul said. "
    "North Korea has tested more than a dozen missiles this year."
)
PENINSULA = (
    "Korea has been divided since 1945. The military in Seoul said on Monday that the missiles fired "
    "into the sea were short-range, and Korea's two governments have each tested missiles this year."
)


def test_one_word_of_a_qualified_place_is_another_place(make_doc) -> None:
    resolver = _resolved(make_doc, north=NORTH, peninsula=PENINSULA)
    north = _entity_with(resolver, "north", "North Korea")
    assert all(m.text != "Korea" for m in north.mentions)


AGENCY = (
    "The Associated Press reported the fire first. AP said three people were hurt, and AP photographers "
    "were at the scene in Lisbon within the hour."
)
DIRECTOR = (
    "Alexander Payne said his new film would open in Venice. Payne wrote the script with a friend "
    "from Omaha, and Alexander Payne will direct it in the spring."
)
WIRE = (
    "AP said on Friday that the new film would open in Venice in the spring, after a premiere in Lisbon, "
    "citing the script's co-writer in Omaha."
)


def test_an_acronym_never_joins_a_person_with_those_initials(make_doc) -> None:
    resolver = _resolved(make_doc, agency=AGENCY, director=DIRECTOR, wire=WIRE)
    director = _entity_with(resolver, "director", "Alexander Payne")
    assert {m.doc for m in director.mentions} == {"director"}
    assert all(m.text != "AP" for m in director.mentions)


def test_a_category_noun_is_not_a_partial_name_of_every_organisation() -> None:
    match = NameMatch("partial", 0.7, "Wells Fargo Bank", "Bank")
    assert generic_short_name(match, lambda word, closing=True: word == "bank")
    subset = NameMatch("subset", 0.9, "the Stock Exchange", "Bombay Stock Exchange")
    assert generic_short_name(subset, lambda word, closing=True: word in {"stock", "exchange"})
    # The distinctive word of a name is a name, not a category: "Boeing" of "Boeing Company".
    first = NameMatch("partial", 0.7, "Boeing", "Boeing Company")
    assert not generic_short_name(first, lambda word, closing=True: word in {"company", "boeing"})


def test_an_acronym_spelled_out_two_ways_names_two_things() -> None:
    school = [parse_name("the London School of Economics")]
    exchange = [parse_name("LSE"), parse_name("the London Stock Exchange")]
    assert conflicting_expansions(school, exchange, 5)
    assert not conflicting_expansions([parse_name("the London Stock Exchange")], exchange, 5)


SHORTLIST = (
    "The shortlist includes Philip Roth (US), Margaret Atwood (Canada) and Cynthia Ozick (US). "
    "The prize is worth £60,000, and US publishers have won it twice."
)


def test_a_parenthesis_after_a_person_is_not_an_abbreviation_of_the_name(make_doc) -> None:
    from newsgraph.resolve.entities import chain_document

    chains = chain_document(make_doc(SHORTLIST, "shortlist"))
    for person in ("Philip Roth", "Cynthia Ozick"):
        chain = next(c for c in chains if any(m.text == person for m in c.mentions))
        assert all(m.text != "US" for m in chain.mentions), person


ACTOR = (
    "Will Smith starred in the film with Jada Pinkett, and the premiere was held in Glasgow on Friday. "
    "Smith said the night was the best of his career."
)
ACTOR_AGAIN = (
    "Smith and Jada Pinkett arrived in Glasgow on Friday for the premiere, then visited Celtic Park. "
    "Smith thanked the crowd."
)
MANAGER = (
    "Walter Smith, the football manager, spoke at Celtic Park in Glasgow on Friday. Smith said the team "
    "had been unlucky."
)


def test_a_full_name_never_joins_a_namesake_through_a_bare_surname(make_doc) -> None:
    resolver = _resolved(make_doc, actor=ACTOR, again=ACTOR_AGAIN, manager=MANAGER)
    actor = _entity_with(resolver, "actor", "Will Smith")
    assert {m.doc for m in actor.mentions} == {"actor", "again"}  # the bare "Smith" joins the actor
    manager = _entity_with(resolver, "manager", "Walter Smith")
    assert {m.doc for m in manager.mentions} == {"manager"}


STATIONS = {
    "four": "BBC Radio 4 broadcast the debate on Monday from Leeds, and BBC Radio 4 listeners phoned in.",
    "leeds": "BBC Radio Leeds broadcast the debate on Monday from Leeds, with callers from Bradford.",
    "wales": "BBC Radio Wales broadcast the debate on Monday from Leeds, with a panel in Cardiff.",
    "family": "BBC Radio broadcast the debate on Monday from Leeds. BBC Radio said it drew a large audience.",
    "scotland": "BBC Radio Scotland broadcast the debate on Monday from Leeds, with a panel in Glasgow.",
}


def test_a_name_that_opens_several_names_does_not_gather_them(make_doc) -> None:
    resolver = _resolved(make_doc, **STATIONS)
    station = _entity_with(resolver, "scotland", "BBC Radio Scotland")
    assert {m.text for m in station.mentions} == {"BBC Radio Scotland"}
