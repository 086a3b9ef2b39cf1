"""Long texts are cut into sections at paragraph breaks, the spans covering the text exactly."""

from __future__ import annotations

from itertools import pairwise

import pytest

from newsgraph.nlp.sections import split_sections


def _check(text: str, limit: int) -> list[tuple[int, int]]:
    spans = split_sections(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))  # contiguous
    assert all(0 < end - start <= limit for start, end in spans)
    return spans


def test_a_short_text_is_one_section():
    assert split_sections("One paragraph.", 100) == [(0, 14)]
    assert split_sections("", 100) == [(0, 0)]


def test_sections_end_after_a_paragraph_break():
    paras = [f"Paragraph {i} says something about the talks." for i in range(40)]
    text = "\n\n".join(paras)
    spans = _check(text, 300)
    assert len(spans) > 1
    for start, end in spans[:-1]:
        assert text[start:end].endswith("\n\n")  # the break stays with the section before it
        assert text[end] == "P"  # and the next one starts at a paragraph


def test_a_text_without_paragraphs_is_cut_after_a_sentence_then_at_a_space_then_anywhere():
    sentences = "The minister spoke. " * 50
    spans = _check(sentences, 120)
    assert all(sentences[start:end].endswith(". ") for start, end in spans[:-1])
    words = "word " * 100
    assert all(words[start:end].endswith(" ") for start, end in _check(words, 64)[:-1])
    blob = "x" * 1000
    assert [end - start for start, end in _check(blob, 300)] == [300, 300, 300, 100]


def test_a_limit_below_two_is_refused():
    with pytest.raises(ValueError):
        split_sections("text", 1)
