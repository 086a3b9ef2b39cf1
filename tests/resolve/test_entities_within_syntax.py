"""Within-document coreference read from syntax and layout: binding, relative clauses,
place names that say where they lie, headlines, clitics (texts written for these tests,
real spaCy parses, mentions marked by hand as ECB+ gold mentions are)."""

from __future__ import annotations

import re

from entity_docs import _nlp

from newsgraph.model.document import AnnotatedDocument, Document, Mention, Sentence
from newsgraph.resolve.entities import Resolver, chain_document
from newsgraph.resolve.entities.settings import ResolverOptions
from newsgraph.resolve.entities.within import Chain, classify_mention


def _marked(make_doc, text: str, doc_id: str, spans: list[tuple[str, str]]) -> AnnotatedDocument:  # type: ignore[no-untyped-def]
    """The parsed text with exactly these mentions (every occurrence of each surface)."""
    adoc = make_doc(text, doc_id)
    starts = [s.start for s in adoc.sentences]
    adoc.mentions = []
    for surface, label in spans:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            sentence = max(i for i, s in enumerate(starts) if s <= m.start())
            adoc.mentions.append(Mention(m.start(), m.end(), surface, label, sentence))
    adoc.mentions.sort(key=lambda m: m.start)
    return adoc


def _chain(chains: list[Chain], text: str) -> Chain:
    return next(c for c in chains for m in c.mentions if m.text == text)


def test_object_pronoun_is_not_the_subject_of_its_own_verb(make_doc) -> None:
    text = "A woman was crossing the street on Friday. A drunken driver struck her with his car."
    adoc = _marked(make_doc, text, "binding", [("A woman", "PERSON"), ("A drunken driver", "PERSON"), ("her", "PERSON")])
    chains = chain_document(adoc)
    assert _chain(chains, "her") is _chain(chains, "A woman")
    off = chain_document(adoc, ResolverOptions(pronoun_coarguments=False))
    assert _chain(off, "her") is _chain(off, "A drunken driver")  # the nearest person, without binding


def test_pronoun_fallback_respects_the_sex_of_a_description(make_doc) -> None:
    text = "The woman crossed the road at night. Later the man said she was badly hurt."
    adoc = _marked(make_doc, text, "sexed", [("The woman", "PERSON"), ("the man", "PERSON"), ("she", "PERSON")])
    chains = chain_document(adoc)
    assert _chain(chains, "she") is _chain(chains, "The woman")
    assert _chain(chains, "she") is not _chain(chains, "the man")


def test_relative_pronoun_joins_the_mention_right_before_it(make_doc) -> None:
    # The parse hangs the clause on "rebounds"; the clause modifies the team it follows.
    text = "Hansbrough had nine rebounds for North Carolina (10-0), which shook off a slow start."
    adoc = _marked(make_doc, text, "which", [("North Carolina", "ORG"), ("which", "ORG")])
    chains = chain_document(adoc)
    assert _chain(chains, "which") is _chain(chains, "North Carolina")
    assert "right before it" in next(m for c in chains for m in c.mentions if m.text == "which").reason


def test_relative_pronoun_must_fit_the_animacy_of_that_mention(make_doc) -> None:
    text = "The fire destroyed the old home of Sarah Palin, which had stood empty for years."
    adoc = _marked(make_doc, text, "animacy", [("Sarah Palin", "PERSON"), ("which", "PRODUCT")])
    chains = chain_document(adoc)
    assert _chain(chains, "which") is not _chain(chains, "Sarah Palin")  # "which" is never a person


def test_place_name_is_matched_without_the_place_it_lies_in(make_doc) -> None:
    text = "Palin spoke at a church in Wasilla, Alaska on Sunday. Alaska has few large churches."
    adoc = _marked(make_doc, text, "wasilla", [("in Wasilla, Alaska", "GPE"), ("Alaska", "GPE")])
    chains = chain_document(adoc)
    wasilla = _chain(chains, "in Wasilla, Alaska")
    assert wasilla.mentions[0].core == "in Wasilla"
    assert [m.text for m in wasilla.mentions] == ["in Wasilla, Alaska"]  # "Alaska" is another place
    assert wasilla.best_name().surface == "in Wasilla"  # type: ignore[union-attr]


def test_headline_capitals_do_not_count_against_a_common_noun() -> None:
    headline = _words("Actress Checks Into Desert Clinic After Court Hearing , Lawyer Says")
    body = _words("The actress entered a clinic on Thursday , her lawyer said .")
    lawyer = headline.index("Lawyer")
    adoc = _gold_tokens([headline, body], "headline", [(lawyer, "PERSON")])
    m = adoc.mentions[0]
    # The body writes "lawyer" once in lower case; the headline's own capital no longer
    # outweighs it.
    assert classify_mention(adoc, m.start, m.end, m.text).kind == "nominal"


def _words(text: str) -> list[str]:
    return text.split()


def _gold_tokens(sentences: list[list[str]], doc_id: str, spans: list[tuple[int, str]]) -> AnnotatedDocument:
    """A document tokenised and split as given (as ECB+ gold tokens are: "team's" is one
    token, the headline its own sentence), with mentions on single tokens by index."""
    from spacy.tokens import Doc

    nlp = _nlp()
    words = [w for s in sentences for w in s]
    starts = [i == 0 for s in sentences for i in range(len(s))]
    doc = nlp(Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], sent_starts=starts))
    mentions = [Mention(doc[i].idx, doc[i].idx + len(doc[i]), doc[i].text, label, 0) for i, label in spans]
    sents = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    return AnnotatedDocument(Document(doc_id, doc_id, doc.text), sents, mentions, model="gold-tokens", doc=doc)


def test_possessive_clitic_left_on_a_word_is_read_without_it() -> None:
    words = _words("The Chargers lost again on Sunday , and the country's fans booed the team's coach .")
    adoc = _gold_tokens([words], "clitic", [(9, "GPE"), (13, "ORG")])
    team = adoc.mentions[1]
    info = classify_mention(adoc, team.start, team.end, team.text)
    assert (info.kind, info.head) == ("nominal", "team")
    country = adoc.mentions[0]
    info = classify_mention(adoc, country.start, country.end, country.text)
    assert (info.kind, info.head) == ("nominal", "country")


def test_related_description_of_another_type_does_not_join_across_documents(make_doc) -> None:
    first = (
        "The inmate escaped from a van near Huntsville on Monday. Guards said the inmate took a shotgun "
        "and fled on foot into the woods near Huntsville."
    )
    second = (
        "Guards at the prison near Huntsville said a van left the prison on Monday with a shotgun "
        "on board before the escape into the woods."
    )
    docs = [
        _marked(make_doc, first, "inmate-1", [("The inmate", "PERSON"), ("the inmate", "PERSON")]),
        _marked(make_doc, second, "inmate-2", [("the prison", "FAC")]),
    ]
    resolver = Resolver()
    resolver.add(docs)
    inmate = resolver.entity_of(f"inmate-1:0:{len('The inmate')}".replace(":0:", ":0-"))
    start = second.index("the prison")
    prison = resolver.entity_of(f"inmate-2:{start}-{start + len('the prison')}")
    assert inmate and prison and inmate != prison
