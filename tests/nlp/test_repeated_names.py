"""An untagged exact repeat of a name tagged elsewhere in the document takes its label
(``nlp.repeated_names``): one sense per discourse, with the cases it leaves alone."""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.nlp.repeated_names import tag_repeats


def _tagged(nlp, text: str, tags: dict[str, str], occurrence: int = 0) -> dict[str, list[str]]:
    """Parse ``text``, tag only the ``occurrence``-th appearance of each name in ``tags`` (as
    the tagger often does: one occurrence labelled, the next missed), run ``tag_repeats``,
    and return each entity's label by its text, in document order."""
    doc = nlp(text)
    spans = []
    for name, label in tags.items():
        at = -1
        for _ in range(occurrence + 1):
            at = text.find(name, at + 1)
        span = doc.char_span(at, at + len(name), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    tag_repeats(doc)
    out: dict[str, list[str]] = {}
    for ent in doc.ents:
        out.setdefault(ent.text, []).append(ent.label_)
    return out


def test_a_repeat_the_tagger_missed_takes_the_label_of_the_tagged_name(nlp):
    text = ("Iran said its forces had shelled the platform on Friday. Officials in Baghdad said "
            "Iran had fired first.")
    assert _tagged(nlp, text, {"Iran": "GPE", "Baghdad": "GPE"}) == {"Iran": ["GPE", "GPE"], "Baghdad": ["GPE"]}


def test_a_word_the_tagger_mostly_left_untagged_is_not_copied(nlp):
    text = ("Shr profit 22 cts vs loss 26 cts. Net profit 439,000 vs loss 522,000. "
            "Nine mths Shr profit 41 cts vs loss 12 cts. Year Shr profit 80 cts.")
    assert _tagged(nlp, text, {"Shr": "ORG"}) == {"Shr": ["ORG"]}


def test_a_name_tagged_with_two_labels_is_copied_nowhere(nlp):
    text = "Jordan scored twice. Jordan said the border was open. Later Jordan left the pitch."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, label="PERSON"), doc.char_span(21, 27, label="GPE")]
    tag_repeats(doc)
    assert [(e.text, e.start_char) for e in doc.ents] == [("Jordan", 0), ("Jordan", 21)]


def test_a_common_word_opening_a_sentence_is_not_the_name(nlp):
    text = "The report was written by Ann May of the bank. May was a good month for exporters."
    labels = _tagged(nlp, text, {"May": "PERSON"})
    assert labels == {"May": ["PERSON"]}


def test_a_word_inside_a_longer_capitalised_name_is_not_the_name(nlp):
    text = "York is a fine city, he said. He reads the New York Times every day."
    assert _tagged(nlp, text, {"York": "GPE"}) == {"York": ["GPE"]}


def test_a_headline_in_title_case_still_gets_its_names(nlp):
    text = ("Rebels attacked a convoy near Kandahar on Monday, officials said.\n\n"
            "Taliban Rebels Attack Army Convoy Near Kandahar Airport Road.\n\nNo one was hurt.")
    assert _tagged(nlp, text, {"Kandahar": "GPE"}) == {"Kandahar": ["GPE", "GPE"]}


def test_a_surname_and_a_teams_plural_name_take_the_full_names_label(nlp):
    text = ("Prosecutors said Jermayne Timmons fired the shot. In court, Timmons said he was "
            "elsewhere. The Oakridge Colts won on Sunday, and the Colts now lead the league.")
    labels = _tagged(nlp, text, {"Jermayne Timmons": "PERSON", "Oakridge Colts": "ORG"})
    assert labels.get("Timmons") == ["PERSON"] and labels.get("Colts") == ["ORG"]


def test_a_singular_last_word_or_a_shared_surname_is_no_short_form(nlp):
    text = ("Tom Reed and Ann Reed met at the Oakridge Medical Center on Monday. Doctors at the Center "
            "said Reed was well.")
    labels = _tagged(nlp, text, {"Tom Reed": "PERSON", "Ann Reed": "PERSON", "Oakridge Medical Center": "ORG"})
    assert "Center" not in labels and "Reed" not in labels
