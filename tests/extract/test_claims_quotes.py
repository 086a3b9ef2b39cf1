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
