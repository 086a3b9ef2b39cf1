"""Annotate stage: sentences and mentions with offsets into the clean text."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate, trim_mention

TEXT = (
    "North Korea’s foreign ministry said on Monday that the talks in Hanoi had failed. "
    "Drug production in Kim Jong-ils North Korea peaked in the 1990s, according to Kim Jong-il's "
    "former aide. The European Union’s envoy met officials in Brussels."
)


def _doc(text: str, language: str | None = "en") -> Document:
    return Document(id="d1", path="mem", text=text, language=language)


def test_annotate_offsets_point_into_clean_text():
    (adoc,) = annotate([_doc(TEXT)])
    assert adoc.annotated and adoc.sentences and adoc.mentions
    for m in adoc.mentions:
        assert TEXT[m.start:m.end] == m.text
        s = adoc.sentences[m.sentence]
        assert s.start <= m.start < m.end <= s.end


def test_annotate_strips_possessives_and_glued_genitives():
    (adoc,) = annotate([_doc(TEXT)])
    texts = {m.text for m in adoc.mentions}
    assert "North Korea" in texts
    assert not any(t.endswith(("’s", "'s")) for t in texts)
    # "Kim Jong-ils" loses its glued "s" because "Kim Jong-il" also occurs in the text.
    assert "Kim Jong-ils" not in texts


def test_trim_mention_keeps_names_that_end_in_s():
    text = "The Philippines and Reuters' editors met Mr. Jones."
    for name in ("Philippines", "Jones"):
        i = text.index(name)
        assert text.__getitem__(slice(*trim_mention(text, i, i + len(name)))) == name
    i = text.index("Reuters'")
    assert text.__getitem__(slice(*trim_mention(text, i, i + 8))) == "Reuters"


def test_non_english_documents_are_not_fed_to_the_english_model():
    fr = _doc("Le président a rencontré le premier ministre à Paris mardi.", language="fr")
    empty = _doc("   ", language=None)
    out = list(annotate([fr, _doc(TEXT), empty]))
    assert [a.annotated for a in out] == [False, True, False]
    assert "fr" in out[0].reason and out[0].mentions == []
    assert out[2].reason == "no text"
