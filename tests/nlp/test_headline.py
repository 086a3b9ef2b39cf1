"""Headline case: a Title Case title is recased from the article's own text before the
NER model reads it, and its names are found in one short parse beside the text's."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate
from newsgraph.nlp.headline import headline_case, name_evidence, recase_title


def test_headline_case_is_recased_from_the_text_before_the_tagger_reads_it():
    text = "Actress Mirela Varnel checked into a treatment centre in Oakridge on Friday."
    title = "Varnel Checks Into Rehab After Court Hearing"
    assert headline_case(title) and not headline_case("Breck defends client as Harwick studio drops film")
    recased = recase_title(title, text)
    assert len(recased) == len(title)  # offsets into the title hold
    assert recased.startswith("Varnel checks into ") and "after court hearing" in recased
    assert recase_title("Breck defends client", text) == "Breck defends client"  # sentence case: as it is


def test_title_names_come_with_offsets_into_the_title_and_the_text_is_read_as_before():
    text = "Mirela Varnel checked into a treatment centre in Oakridge on Friday, her lawyer Tomas Breck said.\n"
    plain, titled = annotate([Document(id="a", path="a", text=text),
                              Document(id="b", path="b", text=text, title="Breck defends Varnel in Oakridge")])
    assert [(m.text, m.start) for m in plain.mentions] == [(m.text, m.start) for m in titled.mentions]
    assert not plain.title_mentions
    title = "Breck defends Varnel in Oakridge"
    assert titled.title_mentions and all(title[m.start:m.end] == m.text for m in titled.title_mentions)
    assert "Oakridge" in {m.text for m in titled.title_mentions}


def test_a_headline_word_is_believed_a_name_on_the_text_s_evidence():
    text = "The court heard that Varnel, 26, had left the Oakridge clinic. She went to rehab."
    assert name_evidence("Varnel", text) and name_evidence("Oakridge", text)
    assert not name_evidence("Rehab", text) and not name_evidence("Court", text)
