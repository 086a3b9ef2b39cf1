"""Quote-mark pairing: straight and curly marks, multi-paragraph quotes, unbalanced marks."""

from newsgraph.extract.claims.quotes import find_quotes


def test_quotes_curly_and_straight() -> None:
    text = 'He said: “We will win the vote.” Then "It is certain," Kim said.'
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == ["We will win the vote.", "It is certain,"]
    assert all(q.closed for q in quotes)


def test_quotes_multi_paragraph_quote_reopens() -> None:
    text = "“The first paragraph has no closing mark.\n“The second one closes,” she added.\nDone."
    (q,) = find_quotes(text)
    assert len(q.parts) == 2 and q.closed
    assert text[q.parts[1][0] : q.parts[1][1]] == "The second one closes,"


def test_quotes_unbalanced_marks_do_not_crash() -> None:
    text = "A stray ” closer here.\nHe said “this one never closes\nNext paragraph."
    quotes = find_quotes(text)
    assert len(quotes) == 1 and not quotes[0].closed
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "this one never closes"


def test_quotes_short_scare_quote_is_a_fragment() -> None:
    text = "It planned “terrorist” attacks, he said."
    (q,) = find_quotes(text)
    assert q.is_fragment(text)


def test_quotes_a_run_on_paragraph_reopens_the_same_quotation() -> None:
    # The paragraph break between the speaker's two paragraphs was lost: the second
    # reopens with a mark and the first never closed.
    text = ('Ana Varga said: "We have a serious problem with the ferries. "I do not think the '
            'harbour can wait another year." The council met on Monday.')
    (q,) = find_quotes(text)
    assert q.closed and len(q.parts) == 2
    assert [text[s:e] for s, e in q.parts] == ["We have a serious problem with the ferries.",
                                               "I do not think the harbour can wait another year."]
    assert text[q.end:].startswith(" The council")


def test_quotes_reopen_needs_a_sentence_end_and_a_forward_mark() -> None:
    # A closing mark after a full stop with a space after it still closes; so does one
    # after a word.
    text = 'He said "we will win. " Then Kim said "the harbour opens soon" and left.'
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == ["we will win. ", "the harbour opens soon"]


def test_quotes_run_on_across_paragraphs_and_within_one() -> None:
    text = ('Kim added: "The mayor will call the meeting on Thursday.\n\n'
            '"There is a plan for the harbour. "Now I have a choice to make." Kim left.')
    (q,) = find_quotes(text)
    assert q.closed and len(q.parts) == 3
    assert text[q.parts[-1][0] : q.parts[-1][1]] == "Now I have a choice to make."
