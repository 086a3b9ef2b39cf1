"""One-word names tagged PERSON that the text treats as a body are retyped ORG (``nlp.person_types``)."""

from __future__ import annotations

from newsgraph.model import Document, Mention
from newsgraph.nlp.annotate import annotate
from newsgraph.nlp.person_types import retype_bodies


def _labels(text: str) -> dict[str, set[str]]:
    (adoc,) = annotate([Document(id="d1", path="mem", text=text, language="en")])
    out: dict[str, set[str]] = {}
    for m in adoc.mentions:
        out.setdefault(m.text, set()).add(m.label)
    return out


def _retyped(nlp, text: str, word: str, others: dict[str, str]) -> str:
    """The label ``retype_bodies`` gives ``word`` (tagged PERSON here whatever the model
    says, as the small model often does), the ``others`` tagged as given."""
    doc = nlp(text)
    mentions = []
    for name, label in {word: "PERSON", **others}.items():
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention(at, at + len(name), name, label, 0))
            at = text.find(name, at + 1)
    return {m.text: m.label for m in retype_bodies(doc, mentions)}[word]


def test_a_name_coordinated_with_clubs_is_a_body(nlp):
    text = "Dario Rossi has been linked with Real Madrid, Barcelona and Valencia. He was flattered."
    assert _retyped(nlp, text, "Valencia", {"Real Madrid": "ORG", "Barcelona": "GPE", "Dario Rossi": "PERSON"}) \
        == "ORG"


def test_a_name_possessing_a_chairman_or_heading_a_club_apposition_is_a_body(nlp):
    assert _retyped(nlp, "Valencia's chairman said the offer was too low.", "Valencia", {}) == "ORG"
    assert _retyped(nlp, "Tomas Berg spent three years at Valencia, the Spanish club.", "Valencia",
                    {"Tomas Berg": "PERSON"}) == "ORG"
    assert _retyped(nlp, "The Ajax striker scored twice on Sunday.", "Ajax", {}) == "ORG"


def test_a_surname_of_a_named_person_or_after_a_title_stays_a_person(nlp):
    # The same cues, but the text names the person in full or with a title.
    text = "Antonio Valencia scored. Valencia's chairman was pleased with the deal."
    assert _retyped(nlp, text, "Valencia", {"Antonio Valencia": "PERSON"}) == "PERSON"
    assert _retyped(nlp, "Mr Valencia spent a year at Valencia, the club.", "Valencia", {}) == "PERSON"


def test_looking_at_someone_is_no_cue(nlp):
    assert _retyped(nlp, "The crowd laughed at Petrov when he missed.", "Petrov", {}) == "PERSON"
    # A manager's side or fans are a person's too.
    assert _retyped(nlp, "Petrov's side lost again and Petrov's fans were angry.", "Petrov", {}) == "PERSON"


def test_a_person_name_stops_at_a_spaced_dash():
    labels = _labels("Midfielder Tomas Berg said: \"I still get on with Arsene Wenger - he always wanted me.\"")
    assert not any(" - " in name for name in labels)


def test_a_name_one_is_born_or_lives_in_is_a_place(nlp):
    text = "Owen Price was born in Caerlan and went to school in nearby Pengam."
    assert _retyped(nlp, text, "Pengam", {"Owen Price": "PERSON"}) == "GPE"
    assert _retyped(nlp, "Voters have lost confidence in Petrov.", "Petrov", {}) == "PERSON"


def test_a_word_coordinated_inside_a_body_s_name_is_part_of_that_body(nlp):
    text = "Ann Lowe won a place at the Guildhall School of Speech and Drama when she was 15."
    assert _retyped(nlp, text, "Drama", {"the Guildhall School of Speech": "ORG", "Ann Lowe": "PERSON"}) == "ORG"


def test_a_capitalised_person_noun_after_an_article_is_no_name(nlp):
    text = "The 31-year-old Scot was suspended in 1998."
    assert _retyped(nlp, text, "Scot", {}) == "NORP"
    assert _retyped(nlp, "Scot Gemmill was suspended in 1998.", "Scot", {}) == "PERSON"
