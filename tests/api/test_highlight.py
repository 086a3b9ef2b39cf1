"""Cutting text into marked segments: offsets kept, overlaps and line breaks handled."""

from __future__ import annotations

from newsgraph.api.highlight import mark_paragraphs, snippet_parts, snippet_text

TEXT = "Mirela Dostan met Tomas Kerrigan in Port\nAnselm.\n\nNo names here."


def _m(start: int, end: int, label: str) -> dict:
    return {"start": start, "end": end, "label": label, "text": TEXT[start:end]}


def test_highlight_marks_mentions_and_keeps_every_character():
    paras = mark_paragraphs(TEXT, [_m(18, 32, "PERSON"), _m(0, 13, "PERSON")])
    assert [s.text for s in paras[0]] == ["Mirela Dostan", " met ", "Tomas Kerrigan", " in Port"]
    assert [s.label for s in paras[0]] == ["PERSON", None, "PERSON", None]
    assert all(TEXT[s.start:s.end] == s.text for p in paras for s in p)
    assert [s.text for s in paras[2]] == ["No names here."]


def test_highlight_mention_across_a_line_break_is_marked_on_both_sides():
    paras = mark_paragraphs(TEXT, [_m(36, 47, "GPE")])
    assert paras[0][-1].text == "Port" and paras[0][-1].label == "GPE"
    assert paras[1][0].text == "Anselm" and paras[1][0].mention == "Port\nAnselm"


def test_highlight_overlapping_and_out_of_range_mentions_are_dropped():
    paras = mark_paragraphs(TEXT, [_m(0, 13, "PERSON"), _m(7, 20, "ORG"),
                                   {"start": 60, "end": 999, "label": "LOC", "text": ""}])
    labels = [s.label for p in paras for s in p if s.label]
    assert labels == ["PERSON", "LOC"]
    assert paras[-1][-1].text == TEXT[60:]


def test_highlight_snippet_markers():
    parts = snippet_parts("a \x02tram\x03 line \x02to\x03")
    assert [(p.text, p.match) for p in parts] == [("a ", False), ("tram", True), (" line ", False),
                                                  ("to", True)]
    assert snippet_text("a \x02tram\x03") == "a tram"
