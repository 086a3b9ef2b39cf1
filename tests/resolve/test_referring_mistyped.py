"""A club, a company or a place the tagger calls a person is no antecedent for "he" or
"she": retyped by the annotator where the text treats it as a body (``nlp.person_types``),
or of no clear kind where it is only a sizeable place's name (``_place_not_person``)."""

from __future__ import annotations

from referring_helpers import linked_names, name_chain

from newsgraph.extract.claims import extract_claims
from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate
from newsgraph.resolve.entities.referring import _label
from newsgraph.resolve.entities.within import chain_document


def test_a_club_listed_with_clubs_is_not_he():
    text = ("Midfielder Nuno has been linked with Real Madrid, Barcelona and Valencia. "
            "He told reporters he was flattered.")
    linked = linked_names(text)
    assert linked.get(("He", text.index("He told"))) != "Valencia"


def test_a_one_word_place_typed_a_person_is_of_no_clear_kind():
    assert _label(name_chain(("Leicester", "PERSON"), ("Leicester", "PERSON"))) == ""
    # A title or a person noun the text gives it makes it a person again.
    assert _label(name_chain(("Leicester", "PERSON"), title="mr")) == "PERSON"
    assert _label(name_chain(("Leicester", "PERSON"), descriptors=("singer",))) == "PERSON"
    # A surname no gazetteer knows, and a full name, stay persons.
    assert _label(name_chain(("Hassall", "PERSON"))) == "PERSON"
    assert _label(name_chain(("Florence Welch", "PERSON"), ("Florence", "PERSON"))) == "PERSON"


def test_i_is_the_speaker_whose_pronoun_the_resolver_links_where_the_claims_stage_abstains():
    # The claims stage marks no one female here (no title, no "wife"): it leaves "she"
    # unresolved; the resolver links "she" to the only woman in reach, and "I" follows.
    text = ("Director Mira Nair defended the film on Monday. She was asked about the novel. "
            "\"When I first read the novel I was 16,\" she said.")
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    claims = extract_claims(adoc)
    assert any(c.speaker is not None and c.speaker.text == "she" and c.speaker_ref is None for c in claims)
    linked = {}
    for c in chain_document(adoc):
        names = [m.text for m in c.mentions if m.kind == "name"]
        for m in c.mentions:
            if m.kind != "name" and m.rule and names:
                linked[(m.text, m.start)] = (names[0], m.rule)
    assert linked.get(("she", text.index("she said")), ("",))[0] == "Mira Nair"
    assert linked.get(("I", text.index("I first"))) == ("Mira Nair", "speaker")


def test_a_peerage_title_or_a_sex_marked_description_marks_a_woman():
    text = "Baroness Amos welcomed Neil Kinnock to the chamber on Monday. He thanked the staff."
    assert linked_names(text).get(("He", text.index("He thanked"))) == "Neil Kinnock"
    text = "Sam Lowe, the actress, welcomed Neil Kinnock home on Monday. He thanked the staff."
    assert linked_names(text).get(("He", text.index("He thanked"))) == "Neil Kinnock"


def test_it_inside_a_quotation_continues_the_quoted_subject_of_the_sentence_before():
    text = ('A spokesman for the Harbour Agency said: "The Harbour Agency has provided strong leadership. '
            'It has delivered a simple fee regime and clear guidance."')
    assert linked_names(text).get(("It", text.index("It has"))) == "the Harbour Agency"


def test_of_two_subjects_before_it_the_one_whose_verb_governs_its_clause():
    text = ("The drugs are sold under names such as Celebrex and Vioxx. "
            "Vioxx was withdrawn from shops last year but Merck said it would consider selling it again "
            "if it gets approval.")
    linked = linked_names(text)
    assert linked.get(("it", text.index("it would"))) == "Merck"
    # An object in the clause the subject "it" controls is not that subject (Principle
    # B), and a subject in an adverbial clause is not governed by "said".
    assert linked.get(("it", text.index("it again"))) != "Merck"
    assert linked.get(("it", text.index("it gets"))) != "Merck"


def test_a_coordinated_quoted_subject_is_no_antecedent_of_its_own():
    text = ('A spokesman said: "The government and the Harbour Agency have tried to sell the plans. '
            'They are wrong and will close the port."')
    assert ("They", text.index("They")) not in linked_names(text)


def test_a_nearer_subject_the_tagger_did_not_name_outranks_the_only_name():
    # "Edu" is no entity to the small model: "He" is Edu, not Arsene Wenger.
    text = "Arsene Wenger wants the midfielder to stay at the club. Edu admitted that talks had stalled. He was unsure."
    assert ("He", text.index("He was")) not in linked_names(text)


def test_an_untagged_surname_of_another_named_person_outranks_the_only_tagged_name():
    # The small model tags "Patsy Rowlands" but often not "Rowlands" again: the nearer
    # subject is her, not the agent named after her.
    text = ("Actress Patsy Rowlands has died at the age of 71. She was known for the Carry On films. "
            "The news was confirmed by Simon Beresford on Monday. "
            "Rowlands won a scholarship to drama school in 1949. "
            "In London she made her film debut in 1963.")
    linked = linked_names(text)
    assert linked.get(("she", text.index("she made"))) != "Simon Beresford"


def test_a_description_inside_a_quotation_is_not_its_speaker():
    text = ('Club chairman Maurice Lindsay praised the player on Monday. '
            '"This guy is an absolute sporting icon and we will miss him," said Lindsay.')
    assert linked_names(text).get(("This guy", text.index("This guy"))) != "Maurice Lindsay"
