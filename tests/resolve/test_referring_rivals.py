"""Pronouns whose antecedent the grammar decides: a subject that names nothing outranks a
name inside it or beside it ("a friend of the mayor … he", "a US bank … it"), a name
that only modifies a noun is no antecedent, and a description kept later can decide a
pronoun it was too early for."""

from __future__ import annotations

from referring_helpers import linked_names, name_chain

from newsgraph.resolve.entities.referring import _label


def test_a_friend_of_the_mayor_is_not_the_mayor():
    text = "A friend of Mayor John Harlow said on Tuesday that he had sold the boat in March."
    linked = linked_names(text)
    assert ("he", text.index("he had")) not in linked


def test_the_mayor_himself_is_still_he():
    text = "Mayor John Harlow said on Tuesday that he had sold the boat in March."
    assert linked_names(text).get(("he", text.index("he had"))) == "John Harlow"


def test_a_bank_named_by_its_country_is_not_the_country():
    text = "A US bank said on Monday that it would cut 500 jobs in Ohio next year."
    linked = linked_names(text)
    assert ("it", text.index("it would")) not in linked


def test_a_name_modifying_a_noun_is_no_antecedent():
    text = "Regulators fined a Toyota dealer in March. It will appeal against the ruling."
    assert ("It", text.index("It will")) not in linked_names(text)


def test_an_unnamed_spokeswoman_outranks_a_name_further_back():
    text = ("The show is presented by Sam Kerrigan. Viewers complained about the vote on Friday. "
            "A spokeswoman for the channel said the rules were clear. The count was also "
            "checked, she added.")
    assert ("she", text.index("she added")) not in linked_names(text)


def test_a_description_kept_later_decides_the_pronoun_after_it():
    text = ("The Harbour Institute was founded in Oslo in 1990 by shipping families. "
            "The organisation has found itself in trouble after being accused of helping a rival in Norway. "
            "It denies any role.")
    linked = linked_names(text)
    assert linked.get(("The organisation", text.index("The organisation"))) == "The Harbour Institute"
    assert linked.get(("It", text.index("It denies"))) == "The Harbour Institute"


def test_a_chain_typed_both_ways_is_a_person_by_a_full_personal_name():
    # The tagger typed the singer's full name a person and her surname an organisation.
    assert _label(name_chain(("Britney Spears", "PERSON"), ("Spears", "ORG"), ("Spears", "ORG"))) == "PERSON"
    # A hotel typed a person once is no person, and a tie says nothing.
    assert _label(name_chain(("Onyx Hotel", "PERSON"), ("The Onyx Hotel", "ORG"))) == ""
    assert _label(name_chain(("Harbour Freight", "ORG"), ("Harbour Freight", "ORG"), ("Freight", "PERSON"))) == "ORG"


def test_it_alone_in_reach_needs_to_continue_a_subject():
    # The fans, not the network, ask: "they" is no name's unless a named subject leads to it.
    text = ("Made by the UPN network, the show is due to end in May. Fans have paid for an advert. "
            "They are also asking the Sci-Fi Channel to pick it up.")
    linked = linked_names(text)
    assert ("They", text.index("They")) not in linked
    text = "Turkey is to relaunch its currency on Saturday."
    assert linked_names(text).get(("its", text.index("its"))) == "Turkey"


def test_a_possessor_of_the_subject_continues_the_previous_subject():
    text = ("Airbus said on Friday that sales rose in Norway. "
            "Its profits were lifted by one-off gains.")
    assert linked_names(text).get(("Its", text.index("Its"))) == "Airbus"


def test_he_in_a_quotation_is_not_the_speaker_the_claims_stage_pairs_it_with():
    text = ('Sam Kerrigan will miss the indoor season. "It is nothing serious," said his coach Peter Stanley. '
            '"He strained a muscle in his abdomen at the meeting but is back in training."')
    assert linked_names(text).get(("He", text.index("He strained"))) != "Peter Stanley"


def test_an_unresolved_he_before_keeps_a_later_his_from_a_lone_name():
    text = ("He later appeared in several films. He was the mill owner Andrew Packard in Twin Peaks in 1990. "
            "Despite his Oscar nomination, he had few other lead roles.")
    assert ("his", text.index("his Oscar")) not in linked_names(text)


def test_a_subject_inside_a_subordinate_clause_is_not_continued():
    text = ("He was not expected to win the 1987 election, when Margaret Thatcher was still riding high. "
            "He remained an MP until 1995. Four years later he became a commissioner.")
    linked = linked_names(text)
    assert ("he", text.index("he became")) not in linked


def test_i_of_a_spokesman_is_not_the_person_whose_spokesman_he_is():
    text = ('Prime Minister Tony Blair’s official spokesman said: "We will study the judgment. '
            'I would point out that a separate case is being considered."')
    assert linked_names(text).get(("I", text.index("I would"))) != "Tony Blair"
