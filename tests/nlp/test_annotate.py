"""Annotate stage: sentences and mentions with offsets into the clean text."""

from __future__ import annotations

import pytest

from newsgraph.budget import Budget, BudgetExceeded
from newsgraph.errors import AnnotateError
from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate, annotate_each, load_model, trim_mention

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


def test_abbreviations_keep_their_final_period():
    text = ("Officials in the U.S. said the U.N. would meet in Concord, N.H. on Friday. "
            "Lear Corp. and Apple Inc. agreed. Later the envoy flew back to the U.S.")
    (adoc,) = annotate([_doc(text)])
    texts = [m.text for m in adoc.mentions]
    assert texts.count("U.S.") == 2  # the sentence-final one too: its period is the abbreviation's
    assert "U.N." in texts and "U.S" not in texts and "U.N" not in texts
    # Given where the abbreviation ends, trimming stops there; a sentence's full stop still goes.
    at = text.index("U.S.")
    assert trim_mention(text, at, at + 4, keep_end=at + 4) == (at, at + 4)
    assert trim_mention("They met in Iraq.", 12, 17) == (12, 16)


def test_plural_names_keep_their_s_when_the_singular_occurs_too():
    text = ("Italians voted on Sunday, and the Italian premier said Italians were tired of the "
            "Olympic bid. Two Chechens' homes burned. Chechens and Azeris met the Chechen envoy.")
    (adoc,) = annotate([_doc(text)])
    texts = [m.text for m in adoc.mentions]
    assert texts.count("Italians") == 2 and "Chechens" in texts
    for m in adoc.mentions:  # no mention stops inside a word
        assert not text[m.end:m.end + 1].isalnum(), m


def test_a_glued_genitive_is_dropped_only_where_the_parse_allows_one():
    text = "Kim Jong-ils regime fell. Kim Jong-il died. Italians and the Italian envoy met."
    at = text.index("Kim Jong-ils")
    assert trim_mention(text, at, at + 12, genitive=True) == (at, at + 11)
    assert trim_mention(text, at, at + 12) == (at, at + 12)  # no parse evidence: the "s" stays
    at = text.index("Italians")
    assert trim_mention(text, at, at + 8) == (at, at + 8)


def test_a_language_no_pipeline_reads_is_read_partially_with_the_reason():
    de = _doc("Der Präsident hat den Ministerpräsidenten am Dienstag in Berlin getroffen.", language="de")
    empty = _doc("   ", language=None)
    out = list(annotate([de, _doc(TEXT), empty]))
    assert [a.annotated for a in out] == [True, True, False]
    # Read partially (nlp.partial), not by a model of another language: no parse.
    assert "'de'" in out[0].reason and "partially" in out[0].reason and out[0].doc is None
    assert out[0].model.startswith("partial:")
    assert [(m.text, m.label, m.rule) for m in out[0].mentions] == [("Berlin", "GPE", "known-name")]
    assert out[2].reason == "no text"


# -- long texts (issue 14, item 2): sections, the length cap, spaCy's own limit ------------------------

PARAGRAPHS = [
    "Police arrested two men in Berlin on Monday, a spokesman for the city said.",
    "The European Union's envoy met officials in Brussels to discuss the talks.",
    "\"We will not give up,\" said Mira Dostan, who leads the harbour union in Port Anselm.",
    "Tomas Kerrigan, the chairman of the port authority, said traffic would resume by Friday.",
]
LONG = "\n\n".join(PARAGRAPHS * 4)


def test_a_text_over_a_section_is_annotated_in_sections_as_if_it_were_one():
    whole, = annotate([_doc(LONG)])
    cut, = annotate([_doc(LONG)], section_chars=300)  # several sections, cut at paragraph breaks
    assert cut.doc.text == LONG  # one parse over the whole clean text
    assert cut.sentences == whole.sentences and cut.mentions == whole.mentions
    assert {m.text for m in cut.mentions} >= {"Berlin", "Brussels", "Mira Dostan", "Tomas Kerrigan"}
    for m in cut.mentions:  # offsets into the whole text, as always
        assert LONG[m.start:m.end] == m.text
    assert cut.mentions[-1].start > 3 * len(LONG) // 4


def test_a_text_over_the_cap_fails_alone_with_E302_and_the_batch_goes_on():
    out = list(annotate_each([_doc(TEXT), _doc(LONG), _doc(TEXT)], max_chars=len(LONG) - 1))
    assert isinstance(out[1], AnnotateError) and out[1].code == "E302"
    assert f"{len(LONG):,} characters" in out[1].reason and "--max-chars" in out[1].reason
    assert out[0].annotated and out[2].annotated
    with pytest.raises(AnnotateError):  # annotate() raises it, for callers without a batch
        list(annotate([_doc(LONG)], max_chars=100))


def test_spacys_length_limit_never_escapes(monkeypatch):
    nlp = load_model()
    monkeypatch.setattr(nlp, "max_length", 500)  # spaCy raises E088 for longer texts
    cut, = annotate([_doc(LONG)], section_chars=400)  # in sections: under the limit each
    assert cut.annotated and cut.mentions
    # A section over spaCy's limit fails that document (E305), never the batch.
    out = list(annotate_each([_doc(TEXT), _doc(LONG)], section_chars=10_000))
    assert out[0].annotated
    assert isinstance(out[1], AnnotateError) and out[1].code == "E305" and "E088" in out[1].reason


def test_the_budget_is_checked_between_sections():
    calls: list[str] = []

    class Counting(Budget):
        def check(self, stage: str) -> None:
            calls.append(stage)
            if len(calls) == 2:
                raise BudgetExceeded("over", path="mem")

    budgets: dict[int, Budget] = {}
    out = list(annotate_each([_doc(LONG)], section_chars=300,
                             budget=lambda d: budgets.setdefault(id(d), Counting(60, 0))))
    assert isinstance(out[0], BudgetExceeded) and out[0].code == "E304"
    assert calls[0].startswith("annotation, after")
