"""Argument words that stand for no participant are no argument: pleonastic "it", a
complementiser the parse took for a noun, a bare demonstrative pointing at discourse; a
pronoun that may refer stays one (read from texts written here)."""

from __future__ import annotations

from newsgraph.extract.events.arguments import arguments_for
from newsgraph.nlp.referring import pleonastic


def _args(annotated, text: str, trigger: str, ev_type: str) -> tuple[list[str], list[str]]:
    doc = annotated(text).doc
    tok = next(t for t in doc if t.text == trigger)
    actors, targets = arguments_for(tok, ev_type)
    return [a.text for a in actors], [a.text for a in targets]


def _it(annotated, text: str) -> bool:
    doc = annotated(text).doc
    return pleonastic(next(t for t in doc if t.lower_ == "it"))


def test_pleonastic_it_borrowed_by_an_infinitive_is_no_actor(annotated):
    actors, _ = _args(annotated, "With the harbour reopened, it is possible to attack the backlog of ships.",
                      "attack", "ASSAULT")
    assert "it" not in actors
    actors, _ = _args(annotated, "The minister argued it was absurd to punish the farmers for the floods.",
                      "punish", "COERCE")
    assert "it" not in actors and "The minister" not in actors


def test_extraposed_it_is_pleonastic_raised_it_is_not(annotated):
    assert _it(annotated, "It emerged that the ferry company had lost money for years.")
    assert _it(annotated, "It was decided that the plant in Port Anselm would close.")
    assert _it(annotated, "It seems that nobody read the report.")
    # Raising: "it" is whatever is expected to act (a company named before).
    assert not _it(annotated, "Harbour Freight Ltd said on Monday it is expected to announce job cuts.")
    # A company saying something is no expletive.
    assert not _it(annotated, "The company said it would appeal against the ruling.")


def test_extraposed_it_whose_clause_hangs_on_the_predicate(annotated):
    # The parse hangs the clause on the adjective, not the copula.
    assert _it(annotated, "It is likely that they will win.")
    assert _it(annotated, "It is important to remember the sailors who were lost.")
    # Tough-movement: the "it" is what is hard to sell.
    assert not _it(annotated, "The company said it was hard to sell.")


def test_complementiser_and_discourse_deixis_are_no_arguments(annotated):
    _, targets = _args(annotated, "On the harbour, the two mayors agreed that whatever the quarrels of the "
                                  "past, the main task now is to dredge it.", "agreed", "AGREE")
    assert "that" not in targets
    actors, targets = _args(annotated, "The mayor conceded that plans to close the ferry were unpopular.",
                            "close", "SANCTION")
    assert "that" not in actors and targets == ["the ferry"]
    _, targets = _args(annotated, "The regulator said it would not investigate this any further.",
                       "investigate", "ACCUSE")
    assert "this" not in targets


def test_referring_pronouns_stay(annotated):
    actors, targets = _args(annotated, "The mayor said they attacked him outside the town hall.",
                            "attacked", "ASSAULT")
    assert actors == ["they"] and targets == ["him"]
    _, targets = _args(annotated, "The inspectors will investigate that of the neighbouring port.",
                       "investigate", "ACCUSE")
    assert targets == ["that"]


def test_that_in_a_relative_clause_is_its_noun_however_tagged(annotated):
    _, targets = _args(annotated, "The port seized the ships that the company had hoped to release.",
                       "release", "CONCEDE")
    assert targets == ["the ships"]


def test_a_relative_that_with_no_relative_clause_is_a_complementiser(nlp):
    # The parse of a statistical model as it was seen on news text: "that" tagged a
    # relative pronoun and made the object of an infinitive, under no relative clause.
    from spacy.tokens import Doc

    words = ["Varga", "told", "MPs", "that", "Norway", "had", "agreed", "to", "release", "two", "."]
    heads = [1, 1, 1, 8, 6, 6, 1, 8, 6, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "dobj", "nsubj", "aux", "ccomp", "aux", "xcomp", "dobj", "punct"]
    tags = ["NNP", "VBD", "NNS", "WDT", "NNP", "VBD", "VBN", "TO", "VB", "CD", "."]
    pos = ["PROPN", "VERB", "NOUN", "PRON", "PROPN", "AUX", "VERB", "PART", "VERB", "NUM", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    from newsgraph.extract.events.arguments import no_participant

    assert no_participant(doc[3]) == "complementiser"
    assert no_participant(doc[9]) is None


def test_a_possessive_time_is_no_actor_a_possessive_name_is(annotated):
    # "Friday's attack": when the act happened, not who did it.
    actors, targets = _args(annotated, "The navy shelled the platform in reply to Friday's missile attack on the "
                            "Halcyon tanker.", "attack", "ASSAULT")
    assert "Friday" not in actors and "Friday" not in targets
    actors, _ = _args(annotated, "Iran's attack on the tanker was condemned by the council.", "attack", "ASSAULT")
    assert actors == ["Iran"]


def test_the_passive_subject_of_a_control_verb_does_the_act_of_its_complement(annotated):
    # "was forced to resign", "were expected to attack": who resigns, who attacks.
    actors, targets = _args(annotated, "Ms Harvan was forced to resign in April.", "resign", "RETREAT")
    assert actors == ["Harvan"] or actors == ["Ms Harvan"]
    assert targets == []
    actors, targets = _args(annotated, "The rebels were expected to attack the town.", "attack", "ASSAULT")
    assert actors == ["The rebels"] and targets == ["the town"]
    # A passive complement keeps its patient; a coordinated passive verb too.
    _, targets = _args(annotated, "The suspect was expected to be arrested.", "arrested", "COERCE")
    assert targets == ["The suspect"]
    _, targets = _args(annotated, "The guard was arrested and charged with murder.", "charged", "ACCUSE")
    assert "The guard" in targets


def test_a_pronoun_a_clause_describes_is_the_whole_description(annotated):
    # "those who …", "those affected by …": the clause says who is meant; the argument is
    # the description, not a bare "those".
    _, targets = _args(annotated, "Those who bought tickets in person are being urged to return to the box office.",
                       "urged", "REQUEST")
    assert targets == ["Those who bought tickets in person"]
    _, targets = _args(annotated, "Police arrested those who attacked the ferry on Monday.", "arrested", "COERCE")
    assert targets == ["those who attacked the ferry on Monday"]
    # Inside its own clause the relative pronoun stays what it was (the description would
    # hold the trigger).
    actors, _ = _args(annotated, "Police arrested those who attacked the ferry on Monday.", "attacked", "ASSAULT")
    assert actors == ["who"]
    # A name inside the clause would be read as the argument's entity: left as it was.
    _, targets = _args(annotated, "Officials urged those who supported Peter Hallam to resign.", "urged",
                       "REQUEST")
    assert targets == ["those"]
    # With nothing after it, "those" points back and stays a pronoun.
    _, targets = _args(annotated, "The rebels attacked two villages. Police arrested those.", "arrested", "COERCE")
    assert targets == ["those"]


def test_a_relative_pronoun_on_a_noun_the_tagger_read_as_an_adjective_is_that_noun(annotated):
    # "single" tagged an adjective: the relative clause still modifies "the single".
    _, targets = _args(annotated, "Size said he collaborated on the single, which was released on Monday, because "
                                  "he liked it.", "released", "RETREAT")
    assert targets == ["the single"]
