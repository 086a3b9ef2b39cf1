"""One entity across languages: a French report and an English one name the same country,
organisations, city and person ("Corée du Nord" / "North Korea", "l'ONU" / "the UN") and
resolve to one entity each, while two different people of one surname stay apart.

Mentions are fed as the resolver receives them (French mentions typed PERSON/GPE/ORG), since
French NER is built elsewhere. Texts invented for these tests.
"""

from __future__ import annotations

from entity_docs import hand_doc

from newsgraph.nlp.crosslingual_names import canonical_tokens, fold_words
from newsgraph.resolve.entities import Resolver
from newsgraph.resolve.entities.names import parse_name

FRENCH = (
    "La Corée du Nord a procédé mardi à un nouvel essai, selon l'ONU. Kim Jong-un a assisté au tir, "
    "a précisé l'agence officielle. Les Etats-Unis et l'Union européenne ont condamné l'essai, et "
    "Jean Martin, porte-parole du ministère, a annoncé une réunion à Londres."
)
ENGLISH = (
    "North Korea carried out a new test on Tuesday, according to the UN. Kim Jong-un watched the "
    "launch, the official agency said. The United States and the European Union condemned the test, "
    "and John Martin, a ministry spokesman, announced a meeting in London."
)
FR_SPANS = [
    ("Corée du Nord", "GPE"),
    ("l'ONU", "ORG"),
    ("Kim Jong-un", "PERSON"),
    ("Etats-Unis", "GPE"),
    ("l'Union européenne", "ORG"),
    ("Jean Martin", "PERSON"),
    ("Londres", "GPE"),
]
EN_SPANS = [
    ("North Korea", "GPE"),
    ("the UN", "ORG"),
    ("Kim Jong-un", "PERSON"),
    ("United States", "GPE"),
    ("the European Union", "ORG"),
    ("John Martin", "PERSON"),
    ("London", "GPE"),
]


def _entity(resolver: Resolver, doc: str, text: str) -> str:
    return next(e.id for e in resolver.entities() for m in e.mentions if m.doc == doc and m.text == text)


def test_names_fold_to_one_canonical_name_across_languages() -> None:
    assert parse_name("Corée du Nord").tokens == parse_name("North Korea").tokens == ("north", "korea")
    assert parse_name("Nordkorea").tokens == ("north", "korea")
    assert parse_name("l'ONU").compact == parse_name("U.N.").compact == parse_name("the UN").compact
    assert parse_name("Nations unies").compact == parse_name("United Nations").compact
    assert parse_name("les États-Unis").compact == parse_name("United States").compact
    assert parse_name("L’Union européenne").compact == parse_name("European Union").compact
    assert parse_name("Londres").compact == "london"


def test_names_leave_ordinary_names_and_lower_case_words_alone() -> None:
    # An article that is part of a name stays; only a known name sheds it.
    assert parse_name("Le Monde").tokens == ("le", "monde")
    assert parse_name("La Paz").tokens == ("la", "paz")
    # An acronym alias applies only to a mention written in capitals.
    assert canonical_tokens(fold_words("Onu")) is None
    assert parse_name("Jean Martin").compact != parse_name("John Martin").compact
    # England is a part of the United Kingdom, not another name of it.
    assert parse_name("England").compact != parse_name("Royaume-Uni").compact


def test_french_and_english_reports_resolve_to_one_entity_each() -> None:
    resolver = Resolver()
    resolver.add([hand_doc(FRENCH, "fr1", FR_SPANS), hand_doc(ENGLISH, "en1", EN_SPANS)])
    for (fr, _), (en, _) in zip(FR_SPANS, EN_SPANS, strict=True):
        if fr == "Jean Martin":
            continue
        assert _entity(resolver, "fr1", fr) == _entity(resolver, "en1", en), (fr, en)
    # Two different people: a French and an English given name are no spelling of each other.
    assert _entity(resolver, "fr1", "Jean Martin") != _entity(resolver, "en1", "John Martin")
    names = {m.text for e in resolver.entities() for m in e.mentions if e.id == _entity(resolver, "en1", "the UN")}
    assert names == {"l'ONU", "the UN"}
