"""Claims on texts written here: direction of attribution, speakers, certainty, channels."""

from __future__ import annotations

import pytest

from newsgraph.bench._spacy_adoc import annotate_text
from newsgraph.extract.claims import extract_claims
from newsgraph.model.claims import Claim


def claims_of(text: str) -> list[Claim]:
    return extract_claims(annotate_text(text, "t", "2017-02-14"))


def one(claims: list[Claim], fragment: str) -> Claim:
    found = [c for c in claims if fragment in c.content.text]
    assert found, [c.content.text for c in claims]
    return found[0]


def test_claims_quote_before_attribution() -> None:
    c = one(
        claims_of("“The economy is in serious trouble,” the finance minister Maria Lopez said on Monday."),
        "economy",
    )
    assert c.quote_type == "direct"
    assert c.cue is not None and c.cue.lemma == "say"
    assert c.speaker is not None and "Maria Lopez" in c.speaker.text


def test_claims_quote_after_attribution() -> None:
    c = one(claims_of("Maria Lopez said: “We will cut taxes for every family next year.”"), "cut taxes")
    assert c.quote_type == "direct" and c.speaker is not None and c.speaker.text == "Maria Lopez"
    assert c.content.text.startswith("We will cut taxes")


def test_claims_pronoun_speaker_across_paragraph() -> None:
    text = (
        "Peter Hansen, the mayor of the town, visited the flooded streets on Tuesday.\n"
        "He said, “The water has never been this high in living memory.”"
    )
    c = one(claims_of(text), "water")
    assert c.speaker_kind == "pronoun"
    assert c.speaker_ref is not None and c.speaker_ref.text == "Peter Hansen"
    assert c.speaker_text == "Peter Hansen"


def test_claims_role_speaker_resolved_through_apposition() -> None:
    text = (
        "Anna Berg, a climate expert at Lund University, studied the glacier for a decade.\n"
        "The expert said the ice sheet was shrinking faster than any model predicted."
    )
    c = one(claims_of(text), "ice sheet")
    assert c.speaker_kind == "role"
    assert c.speaker_ref is not None and c.speaker_ref.text == "Anna Berg"


def test_claims_according_to() -> None:
    c = one(
        claims_of("According to the World Health Organization, the outbreak has spread to nine regions."),
        "outbreak",
    )
    assert c.quote_type == "according_to"
    assert c.speaker is not None and "World Health Organization" in c.speaker.text
    assert c.cue is not None and c.cue.text == "According to"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A source said the company would close three factories.", "anonymous"),
        ("Sources said the company would close three factories.", "anonymous"),
        ("Residents said the company would close three factories.", "collective"),
    ],
)
def test_claims_anonymous_and_collective_sources(text: str, kind: str) -> None:
    c = one(claims_of(text), "factories")
    assert c.speaker_kind == kind
    assert c.speaker_ref is None


def test_claims_hedged_vs_denied_vs_asserted() -> None:
    claims = claims_of(
        "The ministry said the virus may have come from a market. "
        "The company denied that it had hidden the losses. "
        "The police said the driver was arrested at the border."
    )
    assert one(claims, "virus").certainty == "hedged"
    assert one(claims, "virus").hedge is not None and one(claims, "virus").hedge.text == "may"
    assert one(claims, "losses").certainty == "denied"
    assert one(claims, "driver").certainty == "asserted"


def test_claims_channel_and_accusation() -> None:
    claims = claims_of(
        "A senior diplomat told the BBC that the talks had collapsed. "
        "The opposition leader accused the government of hiding the report."
    )
    told = one(claims, "talks")
    assert told.channel is not None and "BBC" in told.channel.text
    acc = one(claims, "hiding")
    assert acc.cue is not None and acc.cue.lemma == "accuse"


def test_claims_multi_paragraph_quote() -> None:
    text = (
        "“We have lost our homes and our fields, and nobody has come to help us.\n"
        "“We are asking the government to listen before it is too late,” said Ruth Okafor, a farmer."
    )
    c = one(claims_of(text), "lost our homes")
    assert "asking the government" in c.content.text
    assert c.speaker is not None and "Ruth Okafor" in c.speaker.text


def test_claims_unbalanced_quote_marks_do_not_crash() -> None:
    text = "Tom Reyes said “the bridge is unsafe and must close today.\nThe council met ” later."
    claims = claims_of(text)
    assert any("bridge" in c.content.text for c in claims)


def test_claims_ids_are_deterministic_and_offsets_hold() -> None:
    text = "Maria Lopez said the budget would be balanced by 2020."
    a, b = claims_of(text), claims_of(text)
    assert [c.id for c in a] == [c.id for c in b]
    for c in a:
        assert text[c.content.start : c.content.end] == c.content.text
        assert c.sentence.start <= c.content.start < c.content.end <= c.sentence.end


# --- precision: what is not a claim, and whose claim it is (issue 5 follow-up) ---


def test_claims_rejecting_an_offer_is_an_action_not_a_denied_claim() -> None:
    claims = claims_of(
        "The mayor rejected an offer to sell the stadium to a private club. "
        "The club denied the allegations that it had bribed officials."
    )
    assert not any(c.cue is not None and c.cue.lemma == "reject" for c in claims)
    denied = one(claims, "allegations")
    assert denied.certainty == "denied"


def test_claims_said_with_an_embedded_action_verb_gives_one_claim() -> None:
    claims = claims_of(
        "The source said the defence minister and the army chief may have ordered the raid on the village."
    )
    assert len(claims) == 1
    c = claims[0]
    assert c.cue is not None and c.cue.lemma == "say"
    assert c.speaker is not None and c.speaker.text == "The source"
    assert c.content.text.startswith("the defence minister")


def test_claims_intention_and_request_verbs_are_not_cues() -> None:
    claims = claims_of(
        "The union planned to hold a strike in May. "
        "The campaign is aimed at revealing the company's role in the fraud. "
        "The governor wants to build a new bridge. "
        "The board asked her to lead the committee."
    )
    lemmas = {c.cue.lemma for c in claims if c.cue is not None}
    assert not lemmas & {"plan", "reveal", "want", "ask", "aim"}, [(c.cue, c.content.text) for c in claims]


def test_claims_speaker_span_drops_a_time_adverbial() -> None:
    c = one(claims_of("The Finnish health agency on Friday said the outbreak was under control."), "outbreak")
    assert c.speaker is not None and c.speaker.text == "The Finnish health agency"


def test_claims_inverted_attribution_content_is_the_clause() -> None:
    claims = claims_of("The bridge will reopen in June, the transport minister said on Monday.")
    assert len(claims) == 1
    c = claims[0]
    assert c.content.text == "The bridge will reopen in June"
    assert c.speaker is not None and c.speaker.text == "the transport minister"


def test_claims_participle_takes_its_clause_subject() -> None:
    c = one(
        claims_of("But the senator turned down the proposal, claiming that such a post would be unfair."),
        "such a post",
    )
    assert c.speaker is not None and c.speaker.text == "the senator"


def test_claims_people_linked_to_a_group_is_a_collective_speaker() -> None:
    c = one(
        claims_of("For their part, people linked to the group said the attack was not planned by any state."),
        "attack",
    )
    assert c.speaker is not None and c.speaker.text == "people linked to the group"
    assert c.speaker_kind == "collective"


def test_claims_pronoun_resolved_to_the_most_recent_salient_subject() -> None:
    text = (
        "Peter Hansen, who leads the Friends of the River, said the campaign will expose "
        "the role of the company in the death of Tom Berg. "
        "He said the posters will be sent to every school in the region."
    )
    c = one(claims_of(text), "posters")
    assert c.speaker_kind == "pronoun"
    assert c.speaker_ref is not None and c.speaker_ref.text == "Peter Hansen"


def test_claims_pronoun_chain_follows_the_earlier_pronoun() -> None:
    text = (
        "Peter Hansen was returning from Oslo after a meeting.\n"
        "Anna Berg asked him to chair the new board.\n"
        "But he turned down the offer, saying that the post would be the same as a sinecure."
    )
    c = one(claims_of(text), "sinecure")
    assert c.speaker_ref is not None and c.speaker_ref.text == "Peter Hansen"


def test_claims_she_without_a_female_antecedent_stays_unresolved() -> None:
    text = (
        "The Daily Courier published new details about the attack on the embassy.\n"
        "Mr. Peter Hansen, the ambassador, was not in the building.\n"
        "She noted that some of the attackers were linked to a foreign agency."
    )
    c = one(claims_of(text), "attackers")
    assert c.speaker is not None and c.speaker.text == "She"
    assert c.speaker_kind == "pronoun" and c.speaker_ref is None
    assert "speaker unresolved" in c.rule


def test_claims_she_resolves_to_a_person_marked_female() -> None:
    text = (
        "Ms. Maria Lopez, the finance minister, visited the port on Monday.\n"
        "She said the new tariffs would take effect in March."
    )
    c = one(claims_of(text), "tariffs")
    assert c.speaker_ref is not None and c.speaker_ref.text == "Maria Lopez"


def test_claims_he_never_resolves_to_an_organisation() -> None:
    text = "The World Bank cut its forecast on Tuesday.\nHe said growth would slow to two percent."
    c = one(claims_of(text), "growth")
    assert c.speaker_ref is None


def test_claims_speaker_keeps_its_bracketed_acronym() -> None:
    (c,) = claims_of("The Maritime Safety Agency (MSA) said it had found three more survivors.")
    assert c.speaker is not None and c.speaker.text == "The Maritime Safety Agency (MSA)"
    (d,) = claims_of("Police said (in a statement) that two men were arrested.")
    assert d.speaker is not None and d.speaker.text == "Police"


def test_claim_interval_lookups_answer_as_the_scans_they_replace():
    """Issue 14 item 3: every quote was paired with every cue; the lookups that replace those
    scans must give the same answers on any set of spans."""
    import random

    from newsgraph.extract.claims.extract import _Reach

    rng = random.Random(14)
    for _ in range(300):
        spans = [(a, a + rng.randint(0, 30)) for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 8)))]
        reach = _Reach(spans)
        for _ in range(20):
            a = rng.randint(0, 230)
            q = (a, a + rng.randint(0, 40))
            assert reach.contains(q) == any(s <= q[0] and q[1] <= e for s, e in spans)
            assert reach.overlaps(q) == any(q[0] < e and s < q[1] for s, e in spans)
            assert reach.inside(*q) == any(q[0] <= s and e <= q[1] for s, e in spans)


# --- polarity: a negated cue is never an asserted claim (issue 15, item 2) ---


@pytest.mark.parametrize(
    ("text", "fragment", "cue", "negator"),
    [
        ("Police have not reported any injuries.", "injuries", "have not reported", "not"),
        ("The minister did not say that the talks had failed.", "talks", "did not say", "not"),
        ("The company never claimed that the product was safe.", "product", "never claimed", "never"),
        ("The ministry has yet to confirm the report of a second blast.", "second blast", "has yet to confirm", "yet"),
        ("Officials declined to confirm that the talks had collapsed.", "collapsed", "declined to confirm",
         "declined"),
        ("The spokesman could not confirm that the ship had sunk.", "ship", "could not confirm", "not"),
    ],
)
def test_claims_negated_cue_is_denied_and_shows_its_negation(text: str, fragment: str, cue: str,
                                                             negator: str) -> None:
    c = one(claims_of(text), fragment)
    assert c.certainty == "denied"
    assert c.cue is not None and c.cue.text == cue
    assert text[c.cue.start : c.cue.end] == c.cue.text
    assert c.hedge is not None and c.hedge.text == negator


def test_claims_negated_cue_keeps_its_speaker() -> None:
    claims = claims_of("Spanish police have not reported any arrests. The ministry has yet to confirm the report.")
    assert one(claims, "arrests").speaker.text == "Spanish police"  # type: ignore[union-attr]
    assert one(claims, "the report").speaker.text == "The ministry"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["No one said the bridge was unsafe.", "Nobody claimed that the vote was rigged.",
     "None of the officials said the deal was dead.", "Neither side said the deal was dead."],
)
def test_claims_negative_subject_is_not_an_assertion(text: str) -> None:
    claims = claims_of(text)
    assert claims and all(c.certainty == "denied" for c in claims)


def test_claims_denial_and_double_negation() -> None:
    claims = claims_of(
        "The army denied that its troops had fired on protesters. "
        "The government rejected reports that the minister had resigned. "
        "The club did not deny that it had paid the player. "
        "The ministry would neither confirm nor deny that the talks had failed. "
        "The minister would not rule out raising fuel duty next year. "
        "David Noone, the firm's founder, said the market was growing."
    )
    assert one(claims, "protesters").certainty == "denied"
    assert one(claims, "resigned").certainty == "denied"
    # not denying is not asserting either
    assert one(claims, "player").certainty == "hedged"
    assert one(claims, "talks").certainty == "hedged"
    assert one(claims, "fuel duty").certainty == "hedged"  # not ruled out: possible
    assert one(claims, "market").certainty == "asserted"  # a surname, not "no one"


def test_claims_that_something_did_not_happen_say_so() -> None:
    claims = claims_of(
        "Police said the attack did not happen. The bridge was never closed, the council said. "
        "The minister not only said the plan was sound but praised it."
    )
    attack = one(claims, "attack")
    assert attack.certainty == "asserted" and attack.content.text.endswith("did not happen")
    closed = one(claims, "bridge")
    assert closed.certainty == "asserted" and "never closed" in closed.content.text
    assert one(claims, "plan").certainty == "asserted"  # "not only" adds, it does not negate


def test_claims_run_on_quotation_in_one_line_keeps_its_speaker() -> None:
    # The copy lost the break between the speaker's paragraphs: the second reopens.
    text = ('Ana Varga, the harbour master, said: "We have a serious problem with the ferries. '
            '"I do not think the harbour can wait another year." The council met on Monday.')
    c = one(claims_of(text), "I do not think")
    assert c.quote_type == "direct" and c.speaker is not None and c.speaker.text.startswith("Ana Varga")
    assert c.content.text.startswith("We have a serious problem")


def test_claims_quote_continues_its_speaker_across_a_cue_of_the_same_speaker() -> None:
    text = ('Craig Mackey, the chief constable, said: "We acted on the intelligence we had." '
            'He said nobody on the coaches accepted responsibility for the shields. '
            '"From day one we have defended this decision, which was made out of genuine concern."')
    c = one(claims_of(text), "From day one")
    assert c.speaker is not None and c.speaker.text.startswith("Craig Mackey")
    assert c.rule.startswith("quote-continues-speaker")


def test_claims_quote_after_another_speakers_cue_is_not_continued() -> None:
    text = ('Craig Mackey, the chief constable, said: "We acted on the intelligence we had." '
            'Ana Varga said nobody on the coaches accepted responsibility for the shields. '
            '"From day one we have defended this decision, which was made out of genuine concern."')
    claims = [c for c in claims_of(text) if "From day one" in c.content.text]
    assert not claims or claims[0].speaker is None or not claims[0].speaker.text.startswith("Craig Mackey")


def test_claims_quote_right_after_reported_speech_is_the_reporters_speakers() -> None:
    text = ("Mr Wong says the program is only useful for pictures made on a computer. "
            '"If I took a random photograph and scanned it, it would not work that well."')
    c = one(claims_of(text), "If I took")
    assert c.quote_type == "direct" and c.speaker is not None and c.speaker.text == "Mr Wong"
    assert c.rule.startswith("quote-after-report")


def test_claims_quote_after_narration_has_no_speaker() -> None:
    text = ("The program was released in March. Mr Wong tried it on a parrot. "
            '"If I took a random photograph and scanned it, it would not work that well."')
    assert not [c for c in claims_of(text) if "If I took" in c.content.text and c.speaker is not None]


def test_claims_quote_right_after_an_attribution_is_its_speakers() -> None:
    text = ("Mr Renner said sales had fallen. However, Peter Zombic said the situation was not as "
            'bad as Mr Renner believed. "It is true that we have severe problems in Germany," he argued. '
            '"We have a severe problem with piracy, and with private copying of every kind."')
    c = one(claims_of(text), "severe problem with piracy")
    assert c.speaker is not None and c.speaker.text == "he"
