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
