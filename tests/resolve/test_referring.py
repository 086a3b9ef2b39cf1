"""Pronouns and descriptions in the knowledge base: found in the text, linked only where
the text makes it clear, stored and exported with their kind and rule, and used for
claim speakers and event arguments."""

from __future__ import annotations

from pathlib import Path

import pytest
from event_coref_helpers import export_article

from newsgraph.extract.claims import extract_claims
from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate
from newsgraph.nlp.referring import description_label
from newsgraph.resolve.entities.within import chain_document
from newsgraph.store import Store


def _chains(text: str) -> list[list[tuple[str, str, str]]]:
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    extract_claims(adoc)  # as the pipeline does before chaining: records the quotations' speakers
    return [[(m.text, m.kind, m.rule) for m in c.mentions] for c in chain_document(adoc)]


def _chain_of(chains: list[list[tuple[str, str, str]]], name: str) -> list[tuple[str, str, str]]:
    return next(c for c in chains if any(t == name and k == "name" for t, k, _ in c))


@pytest.mark.parametrize(("noun", "label"), [
    ("company", "ORG"), ("group", "ORG"), ("minister", "PERSON"), ("expert", "PERSON"),
    ("executive", "PERSON"), ("city", "GPE"), ("country", "GPE"), ("prison", "FAC"), ("patch", ""),
    ("day", ""),
])
def test_a_description_is_typed_by_its_head_noun(noun: str, label: str):
    assert description_label(noun) == label


def test_the_company_after_airbus_is_airbus():
    chains = _chains("Airbus said on Monday it would build a new assembly line in Toulouse. "
                     "The company expects deliveries to rise next year.")
    airbus = _chain_of(chains, "Airbus")
    assert ("The company", "nominal", "only-candidate") in airbus
    assert ("it", "pronoun", "subject") in airbus
    assert ("The company", "nominal", "only-candidate") not in _chain_of(chains, "Toulouse")


def test_a_pronoun_with_two_candidates_of_its_kind_is_left_out():
    # Two companies, both subjects: "It" could be either.
    chains = _chains("Ford and General Motors reported their sales on Tuesday. It said demand was strong.")
    assert not any(t == "It" for c in chains for t, _, _ in c)
    # Two people, neither the subject of the pronoun's sentence: "he" is left out.
    chains = _chains("The award went to Peter Jones and Mark Smith on Friday. At the ceremony he thanked his family.")
    assert not any(t == "he" for c in chains for t, _, _ in c)


def test_the_subject_before_the_pronoun_is_its_antecedent():
    chains = _chains("Peter Jones told Mark Smith that he would resign.")
    assert ("he", "pronoun", "subject") in _chain_of(chains, "Peter Jones")
    assert all(t != "he" for t, _, _ in _chain_of(chains, "Mark Smith"))


def test_gender_agreement_picks_the_antecedent():
    chains = _chains("Barack Obama met Angela Merkel in Berlin. He praised her leadership.")
    assert ("her", "pronoun", "only-candidate") in _chain_of(chains, "Angela Merkel")
    assert ("He", "pronoun", "subject") in _chain_of(chains, "Barack Obama")


def test_apposition_and_a_description_the_text_gives():
    chains = _chains("Tim Cook, Apple's chief executive, said the phone sold well. "
                     "The Apple chief executive did not give figures.")
    cook = _chain_of(chains, "Tim Cook")
    assert ("Apple's chief executive", "nominal", "apposition") in cook
    assert ("The Apple chief executive", "nominal", "described") in cook


def test_pleonastic_it_and_plural_descriptions_are_not_linked():
    chains = _chains("Airbus reported its results. It is likely that the workers will strike.")
    airbus = _chain_of(chains, "Airbus")
    assert ("its", "pronoun", "subject") in airbus
    assert not any(t in ("It", "the workers") for c in chains for t, _, _ in c)


def test_he_said_after_a_named_person_is_that_persons_claim_and_mention(tmp_path: Path, store: Store):
    records = export_article(tmp_path, store, (
        "Port strike goes on\n\n"
        "Peter Jones, the chief executive of the Anselm Harbour Company, visited the port on Monday.\n\n"
        '"We will not close the terminal while the talks go on, and the workers know it," he said '
        'on Tuesday after a meeting with union leaders.\n'))
    jones = next(r for r in records if r["kind"] == "entity" and r["name"] == "Peter Jones")
    he = [m for m in jones["mentions"] if m["text"] == "he"]
    assert he and he[0]["kind"] == "pronoun" and he[0]["rule"]
    assert all(m["kind"] in ("name", "description", "pronoun") for m in jones["mentions"])
    assert "he" not in jones["aliases"]
    claim = next(r for r in records if r["kind"] == "claim" and "terminal" in r["text"])
    assert claim["speaker"] == jones["id"]
    row = store.conn.execute("SELECT kind, rule FROM entity_mentions WHERE text = 'he'").fetchone()
    assert row[0] == "pronoun" and row[1]


def test_a_possessive_pronoun_does_not_speak_for_its_noun_phrase(tmp_path: Path, store: Store):
    records = export_article(tmp_path, store, (
        "Family speaks out\n\n"
        "Peter Jones was arrested in Leeds on Monday after a fire at a warehouse in the city centre. "
        "Police said the builder would appear in court on Wednesday.\n\n"
        '"He is innocent and the police know it very well, we will fight this," his brother said '
        'outside the court on Tuesday.\n'))
    jones = next(r for r in records if r["kind"] == "entity" and r["name"] == "Peter Jones")
    assert any(m["text"] == "his" and m["kind"] == "pronoun" for m in jones["mentions"])
    claim = next(r for r in records if r["kind"] == "claim" and "innocent" in r["text"])
    assert claim["speaker"] != jones["id"]


def test_a_description_is_not_what_c_commands_it_nor_an_unmarked_name_of_another_sex():
    # Principle C: the speaker is not "the man" of the clause he governs.
    chains = _chains("Inspector Dave Gaskin said on Sunday that the man fell about 150 metres near the summit.")
    assert not any(t == "the man" for c in chains for t, _, _ in c)
    # "the actress" needs a name marked as a woman: none is, so it stays out.
    chains = _chains("Jordan Blake arrived at the clinic in Malibu on Tuesday. The actress stayed for an hour.")
    assert not any(t == "The actress" for c in chains for t, _, _ in c)
    chains = _chains("Ms. Jordan Blake arrived at the clinic in Malibu on Tuesday. The actress stayed for an hour.")
    assert ("The actress", "nominal", "only-candidate") in _chain_of(chains, "Jordan Blake")


def test_i_in_a_quotation_is_its_speaker_and_who_its_noun():
    chains = _chains('"I am tired of this fight," Peter Jones said on Monday. '
                     "Ahmed Farouk, who led the Karachi Workers Movement, was killed in May.")
    assert ("I", "pronoun", "speaker") in _chain_of(chains, "Peter Jones")
    assert ("who", "pronoun", "relative") in _chain_of(chains, "Ahmed Farouk")
    # Outside a quotation "I" is the writer: not offered.
    assert not any(t == "I" for c in _chains("I met Peter Jones in Leeds on Monday.") for t, _, _ in c)


def test_i_in_a_quotation_whose_speaker_is_described_then_named_is_that_person(tmp_path: Path, store: Store):
    chains = _chains('"I will not resign," the minister, Ana Varga, said.')
    assert ("I", "pronoun", "speaker") in _chain_of(chains, "Ana Varga")
    records = export_article(tmp_path, store, (
        "Minister refuses to quit\n\n"
        "The finance minister, Ana Varga, faced a vote of no confidence in parliament on Monday after the "
        "budget was rejected by a large majority.\n\n"
        '"I will not resign," the minister, Ana Varga, said after the vote.\n\n'
        "The opposition said it would call another vote next month if the budget is not changed.\n"))
    varga = next(r for r in records if r["kind"] == "entity" and r["name"] == "Ana Varga")
    assert any(m["text"] == "I" and m["rule"] == "speaker" for m in varga["mentions"])
    resign = next(r for r in records if r["kind"] == "event"
                  and any(m["trigger"]["text"] == "resign" for m in r["mentions"]))
    assert resign["actors"] == [varga["id"]]


def test_i_in_a_quotation_whose_speaker_is_named_in_the_next_sentence():
    chains = _chains('"I have never taken a bribe and I never will."\n'
                     "The mayor of Leeds, Peter Jones, said this on Monday.")
    jones = _chain_of(chains, "Peter Jones")
    assert ("I", "pronoun", "speaker") in jones
    # Outside any quotation "I" is the writer.
    assert not any(t == "I" for c in _chains("I met Peter Jones in Leeds on Monday.") for t, _, _ in c)


def test_the_quotations_speakers_come_from_the_claims_stage_recorded_on_the_document():
    # Resolution runs no extractor: the pairing of a quotation with the speaker named in the
    # next sentence is the claims stage's, read off ``adoc.quotations``; without it (claims
    # not extracted) the parse of the quotation's own sentence names no speaker.
    text = ('"I have never taken a bribe and I never will."\n'
            "The mayor of Leeds, Peter Jones, said this on Monday.")
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    assert adoc.quotations is None
    alone = [(m.text, m.rule) for c in chain_document(adoc) for m in c.mentions]
    assert ("I", "speaker") not in alone
    extract_claims(adoc)
    assert [(text[q.start:q.end], text[q.speaker[0]:q.speaker[1]]) for q in adoc.quotations] == [
        ("I have never taken a bribe and I never will.", "The mayor of Leeds, Peter Jones")]
    paired = [(m.text, m.rule) for c in chain_document(adoc) for m in c.mentions]
    assert ("I", "speaker") in paired


def test_we_in_a_quotation_is_the_body_its_speaker_speaks_for_only_where_the_text_says():
    chains = _chains('"We will appeal against the ruling," a spokesman for Airbus said on Monday.')
    assert ("We", "pronoun", "speaker-organisation") in _chain_of(chains, "Airbus")
    chains = _chains('Airbus lost its case in Paris on Monday. Airbus said in a statement: "We will appeal against '
                     'the ruling."')
    assert ("We", "pronoun", "speaker-organisation") in _chain_of(chains, "Airbus")
    # A one-word name the text never treats as a body ("it", a description) may be a
    # person the tagger typed an organisation.
    chains = _chains('"We will appeal against the ruling," said Pizzaro on Monday.')
    assert not any(t == "We" for c in chains for t, _, _ in c)
    # A named person with no organisation named beside them: "we" stays out.
    chains = _chains('Airbus lost the case in Paris on Monday. "We will appeal against the ruling," Peter Jones said.')
    assert not any(t == "We" for c in chains for t, _, _ in c)
    # An analyst's "we" is often everyone's; "the Dutchman" is one person, not a body.
    chains = _chains('"We are not getting the boost we expected," said Rick Moran, an economist at Daiwa Securities.')
    assert not any(t == "We" for c in chains for t, _, _ in c)
    chains = _chains('"We had the initiative but it was not easy," the Dutchman said after the match on Sunday.')
    assert not any(t == "We" for c in chains for t, _, _ in c)


def test_a_possessed_description_is_no_antecedent_of_its_own_kind():
    chains = _chains('Airbus said it was ready. Mary Smith said: "My team will win the contract."')
    assert not any(t == "My team" for c in chains for t, _, _ in c)
    assert ("My", "pronoun", "speaker") in _chain_of(chains, "Mary Smith")


def test_inside_a_quotation_she_is_not_its_speaker():
    chains = _chains('Lindsay Lohan left the clinic on Friday. "She is in rehab right now," Mark Heller said.')
    assert ("She", "pronoun", "only-candidate") in _chain_of(chains, "Lindsay Lohan")
    chains = _chains('Peter Jones testified on Tuesday. "Jermayne Timmons fired the shot," he said.')
    assert ("he", "pronoun", "subject") in _chain_of(chains, "Peter Jones")


def test_an_event_actor_it_becomes_the_company(tmp_path: Path, store: Store):
    records = export_article(tmp_path, store, (
        "Airbus accuses rival of dumping\n\n"
        "Airbus reported record deliveries of its A320 jets in Toulouse on Monday, the company said "
        "in a statement to investors.\n\n"
        "It accused Boeing of selling planes below cost in Asia and said it would ask the World Trade "
        "Organization to investigate the sales.\n"))
    ids = {r["name"]: r["id"] for r in records if r["kind"] == "entity"}
    accuse = [r for r in records if r["kind"] == "event" and r["type"] == "ACCUSE" and ids["Boeing"] in r["targets"]]
    assert accuse and accuse[0]["actors"] == [ids["Airbus"]]  # "It" is Airbus, not a bare pronoun


def test_a_sex_marked_description_reads_pronouns_later_in_the_text():
    chains = _chains("Lindsay Lohan checked into a clinic in Malibu on Thursday, her lawyer Mark Heller said. "
                     "The actress stayed for an hour. Later that day she left the clinic.")
    assert ("The actress", "nominal", "only-candidate") in _chain_of(chains, "Lindsay Lohan")


def _chains_by(text: str, authors: list[str]) -> list[list[tuple[str, str, str]]]:
    adoc = next(annotate([Document(id="d", path="d.txt", text=text, authors=authors)]))
    return [[(m.text, m.kind, m.rule) for m in c.mentions] for c in chain_document(adoc)]


_COLUMN = ("Why the ferry must stay\n\nBy Marta Kowalczyk\n\n"
           "I travelled on the Anselm ferry every week for ten years. Last month I asked the "
           "harbour board to keep it, and the board chairman, Piotr Nowak, told me: "
           "\"I cannot promise anything.\" I still hope he changes his mind.")


def test_first_person_in_the_articles_own_voice_is_its_author_named_in_the_text():
    chains = _chains_by(_COLUMN, ["Marta Kowalczyk"])
    author = _chain_of(chains, "Marta Kowalczyk")
    assert ("I", "pronoun", "author") in author and ("me", "pronoun", "author") in author
    # "I" inside the chairman's quotation is his, never the author's.
    assert sum(1 for t, _, r in author if t == "I" and r == "author") == 3
    nowak = _chain_of(chains, "Piotr Nowak")
    assert not any(r == "author" for _, _, r in nowak)


def test_first_person_without_one_named_author_stays_unlinked():
    for authors in ([], ["Marta Kowalczyk", "Jan Zielinski"], ["Ewa Lis"]):
        chains = _chains_by(_COLUMN, authors)
        assert not any(r == "author" for c in chains for _, _, r in c)


def test_we_said_by_he_is_the_body_his_named_phrase_speaks_for():
    chains = _chains("Tom Okafor, executive chairman of Northwind Telecom, said operators cap the "
                     'number of messages. "The rate we can send messages is fairly constant," he said.')
    assert ("we", "pronoun", "speaker-organisation") in _chain_of(chains, "Northwind Telecom")
    # A person named with no body they speak for: "we" stays out.
    chains = _chains("Tom Okafor, a keen sailor, said the harbour was too busy. "
                     '"We can never find a mooring," he said.')
    assert not any(t == "We" for c in chains for t, _, _ in c)


def test_our_country_is_not_the_body_the_speaker_works_for():
    chains = _chains("Tom Okafor, executive chairman of Northwind Telecom, spoke on Monday. "
                     '"We try to make clear that piracy is endangering the creativity in our country," he said.')
    body = _chain_of(chains, "Northwind Telecom")
    assert ("We", "pronoun", "speaker-organisation") in body
    assert not any(t == "our" for t, _, _ in body)


def test_he_after_a_quotation_continues_the_narrations_speaker():
    # The quoted sentences are the speaker's words: "He" continues the narration's subject
    # (Peter Lund), not a name inside the quotation.
    chains = _chains("Peter Lund and Mark Ahern met on Tuesday. Peter Lund said: \"I do not think Mark Ahern is "
                     "right about this. He and I will keep working.\" He also said talks would resume in May.")
    lund = _chain_of(chains, "Peter Lund")
    assert ("He", "pronoun", "subject") in lund
    assert all(t != "He" or r != "subject" for t, _, r in _chain_of(chains, "Mark Ahern"))


def test_he_after_a_quotation_inside_a_clause_is_not_carried_over():
    # Not the first subject of its sentence: the narration's speaker is no clear antecedent.
    chains = _chains("Peter Lund and Mark Ahern met on Tuesday. Peter Lund said: \"Mark Ahern and I "
                     "disagree. We will talk again.\" The talks ended early because he was tired.")
    assert not any(t == "he" for c in chains for t, _, _ in c)


def test_it_reported_by_a_spokesman_is_the_body_he_speaks_for():
    chains = _chains("Boeing and Airbus both reported orders on Monday. An Airbus spokesman said it would "
                     "appeal against the ruling.")
    assert ("it", "pronoun", "speaker-organisation") in _chain_of(chains, "Airbus")
    chains = _chains("Shares in Halvex Pharmaceuticals rose on Monday after Dorn Labs warned of losses. Halvex "
                     "Pharmaceuticals' head of research Peter Kim said that it had stopped sales of the drug.")
    assert ("it", "pronoun", "speaker-organisation") in _chain_of(chains, "Halvex Pharmaceuticals")
    # The speaker's own name, typed a body by the tagger here, is not what they speak for.
    chains = _chains("Shares in Harbour Freight rose on Monday after Veltro warned of losses. Harbour Freight's "
                     "head of research Ana Varga said that it had stopped sales of the drug.")
    assert not any(t == "it" for c in chains for t, _, _ in c)


def test_it_of_a_copula_after_a_spokesman_is_left_out():
    # "it was too early to tell" is a situation as often as the body.
    chains = _chains("Boeing and Airbus both reported orders on Monday. An Airbus spokesman said it was too "
                     "early to tell.")
    assert not any(t == "it" for c in chains for t, _, _ in c)


def test_a_later_honorific_marks_the_sex_of_a_name():
    # "Ms Vance" names the same woman: "he" is not she, whatever comes first.
    chains = _chains("Presenter Dana Vance said as mayor he had ignored the harbour. Ms Vance, a friend of "
                     "the governor, said she had told him so.")
    vance = _chain_of(chains, "Dana Vance")
    assert not any(t == "he" for t, _, _ in vance)
    assert ("she", "pronoun", "subject") in vance or ("she", "pronoun", "only-candidate") in vance


def test_a_description_does_not_swallow_a_verb_the_tagger_read_as_a_noun():
    from newsgraph.nlp.referring import referring_mentions

    text = ("After a string of scandals - from Enron to WorldCom - the Sarbanes-Oxley act forces companies "
            "to be much more transparent.")
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    found = [m.text for m in referring_mentions(adoc.doc, adoc.mentions, lambda _: 0)]
    assert not any("forces" in t for t in found), found
    # A plural noun modifier that is no verb of the clause stays in its description.
    adoc = next(annotate([Document(id="d", path="d.txt", text="The drinks industry said the new rules "
                                                                   "would cost jobs.")]))
    assert "The drinks industry" in [m.text for m in referring_mentions(adoc.doc, adoc.mentions, lambda _: 0)]


def test_a_plural_noun_modifier_after_a_plain_noun_stays_in_its_description():
    from newsgraph.nlp.referring import referring_mentions

    text = "Icstis, the UK's premium rate services watchdog, said it had been looking for partners."
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    found = [m.text for m in referring_mentions(adoc.doc, adoc.mentions, lambda _: 0)]
    assert "the UK's premium rate services watchdog" in found, found


def test_a_pronoun_continues_the_subject_of_a_clause_when_the_main_subject_cannot_be_it():
    # An expletive main clause: "It" is the council, the one subject of the clause inside.
    chains = _chains("There was an outcry three months ago when the Sentencing Guidelines Council published "
                     "its proposals. It had suggested that judges should reduce sentences.")
    assert ("It", "pronoun", "subject") in _chain_of(chains, "the Sentencing Guidelines Council")
    # A plural main subject is not "it": the airline the analysts spoke of is.
    chains = _chains("Delta has lost money for years. The airline cut 6,000 jobs. Analysts had warned recently "
                     "that the airline might have to seek bankruptcy protection. Last week, it struck a deal "
                     "with its pilots.")
    assert ("it", "pronoun", "subject") in _chain_of(chains, "Delta")
    # A second subject inside the sentence that might agree leaves it out.
    chains = _chains("Analysts said Ford would cut jobs while the union said workers would strike. It also said "
                     "prices would rise.")
    assert not any(t == "It" for c in chains for t, _, _ in c)



def test_a_possessive_in_an_infinitive_a_name_s_noun_takes_is_that_name():
    chains = _chains("Gordon Brown and Tony Blair gave separate responses to the tsunami. These rumours were "
                     "fuelled by Mr Blair's decision to hold his monthly media conference at the same time as a "
                     "speech by Mr Brown.")
    assert ("his", "pronoun", "subject") in _chain_of(chains, "Tony Blair")
    # The possessor must agree: "his" is not Mary Smith's.
    chains = _chains("Mary Smith met John Jones. Mary Smith's decision to hold his party angered them.")
    assert not any(t == "his" for c in chains for t, _, _ in c)


def test_a_capitalised_pronoun_inside_a_title_refers_to_nothing():
    chains = _chains("Record shops in Leeds are stocking an import version of Do They Know It's Christmas, which "
                     "is said to be selling very well.")
    assert not any(t == "They" for c in chains for t, _, _ in c)
    adoc = next(annotate([Document(id="d", path="d.txt", text="Shops are stocking an import version of Do They "
                                                               "Know It's Christmas. They sell well.")]))
    found = [m.text for m in adoc.references]
    assert "They" in found and found.count("They") == 1  # the second, a sentence's first word
