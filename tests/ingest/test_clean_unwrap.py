"""Hard-wrapped wire copy is re-joined into paragraphs before lines are classified."""

from __future__ import annotations

from newsgraph.ingest.clean import clean
from newsgraph.ingest.clean.unwrap import is_hard_wrapped, unwrap
from newsgraph.model import RawDocument

WIRE = """The harbour authority of the invented port
of Lindqvist said on Tuesday it would double the number of cranes
at its container terminal by the end of next year, citing record
traffic from the northern shipping lanes.
    The authority said the expansion would cost about 40 mln
velors and would be paid for from port fees, not from the
national budget.
    Shipping agents welcomed the plan but said delays at the
terminal had already cost them several contracts.
 Reuter
"""

PROSE = (
    "The council met on Monday to discuss the budget for the coming year and agreed to delay the vote.\n"
    "Members said more time was needed.\n"
    "The mayor, who proposed the budget in March, said she would present a revised version next month after talking to residents.\n"
)


def test_unwrap_rejoins_paragraphs_and_keeps_breaks():
    assert is_hard_wrapped(WIRE)
    paragraphs = unwrap(WIRE).split("\n\n")
    assert paragraphs[0].startswith("The harbour authority of the invented port of Lindqvist said")
    assert paragraphs[0].endswith("northern shipping lanes.")
    assert paragraphs[1].startswith("The authority said the expansion")
    assert paragraphs[2].startswith("Shipping agents welcomed")


def test_unwrap_leaves_unwrapped_text_alone():
    assert not is_hard_wrapped(PROSE)
    assert unwrap(PROSE) is PROSE


def test_wrapped_wire_story_survives_cleaning():
    doc = clean(RawDocument(WIRE.encode(), "wire.txt"))
    assert "double the number of cranes at its container terminal" in doc.text
    assert "hard-wrapped" in " ".join(doc.warnings)


def test_a_record_text_field_without_prose_is_kept_whole():
    table = "Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n    Revs 51.2 mln vs 47.9 mln\n"
    doc = clean(RawDocument(table.encode(), "feed.jsonl#3", declared={"text_field": "text"}))
    assert "Net 807,000" in doc.text


def test_a_share_bar_or_menu_line_is_never_the_title():
    from newsgraph.ingest.clean import clean_text

    body = ("Flood waters rose across the invented valley of Marrow on Sunday, forcing hundreds "
            "of families to leave their homes, the regional council said.\n\n"
            "Rescue teams worked through the night to reach villages cut off by the river.\n")
    for chrome in ("Share on Facebook | Share on Twitter | Email this article",
                   "Home | News | World | Sport | Weather"):
        doc = clean_text(f"{chrome}\n\nFloods force hundreds from homes in Marrow valley\n\n{body}")
        assert doc.title == "Floods force hundreds from homes in Marrow valley"
        assert doc.publisher != "Email this article"
