"""Plain-text cleaning of whole pages: the article's own lists and tables stay, feeds go.

The texts (in ``clean_samples``) are full-page dumps of fictional articles: a
navigation menu, the headline, the body and the page's chrome after it.
"""

from __future__ import annotations

from clean_samples import (
    ARTICLE_SPLIT_BY_AD,
    ARTICLE_SPLIT_BY_AD_BODY,
    ARTICLE_SPLIT_BY_AD_CHROME,
    ARTICLE_WITH_COMMENTS,
    ARTICLE_WITH_COMMENTS_BODY,
    ARTICLE_WITH_COMMENTS_THREAD,
    ARTICLE_WITH_LIST,
    ARTICLE_WITH_LIST_ITEMS,
    ARTICLE_WITH_TABLE,
    ARTICLE_WITH_TICKER,
    raw,
)

from newsgraph.ingest.clean import clean


def test_clean_structure_list_inside_article_is_kept():
    doc = clean(raw(ARTICLE_WITH_LIST))
    for item in ARTICLE_WITH_LIST_ITEMS:
        assert item in doc.text.split("\n\n"), item
    assert "The library board approved the new timetable" in doc.text
    assert "Head librarian Amir Patel said" in doc.text
    for chrome in ("By Dana Holt", "Most read", "Storm damage closes the coast road", "Privacy policy", "Sport"):
        assert chrome not in doc.text, chrome


def test_clean_structure_comment_thread_with_prose_comments_is_removed():
    doc = clean(raw(ARTICLE_WITH_COMMENTS))
    for paragraph in ARTICLE_WITH_COMMENTS_BODY:
        assert paragraph in doc.text, paragraph
    for line in ARTICLE_WITH_COMMENTS_THREAD:
        assert line not in doc.text, line
    removed = {b.text for b in doc.removed}
    assert "Rating: 12 votes" in removed and "3 hours ago" in removed


def test_clean_structure_article_split_by_ad_block_is_kept_whole():
    doc = clean(raw(ARTICLE_SPLIT_BY_AD))
    for paragraph in ARTICLE_SPLIT_BY_AD_BODY:
        assert paragraph in doc.text, paragraph
    paragraphs = doc.text.split("\n\n")
    for chrome in ARTICLE_SPLIT_BY_AD_CHROME:
        assert chrome not in paragraphs, chrome
    assert doc.title == "Harvest festival returns after three years"


def test_clean_structure_table_inside_article_is_kept_and_ranking_after_it_is_not():
    doc = clean(raw(ARTICLE_WITH_TABLE))
    lines = doc.text.split("\n\n")
    assert lines[0].startswith("Rovers kept their place")
    assert lines[-1].startswith("The Harriers can close the gap")
    # The table between the two paragraphs, cell by cell and in order.
    assert lines[1:-1] == ["Team", "Played", "Points", "Rovers", "12", "29", "Millers", "12", "26",
                           "Harriers", "11", "21", "Athletic", "12", "17"]
    assert "Library extends opening hours" not in doc.text


def test_clean_structure_ticker_repeated_on_page_and_text_above_headline_are_removed():
    doc = clean(raw(ARTICLE_WITH_TICKER))
    assert doc.text.split("\n\n") == [
        "The island ferry will run every two hours instead of every hour from November, the operator said "
        "on Monday, blaming the cost of fuel and a shortage of crew for the winter season.",
        "Islanders said the change would make it harder to get to the hospital on the mainland, and the "
        "community council has asked for a meeting with the operator this week.",
        "The operator said the hourly service would return in April and that extra sailings would be added "
        "for the Christmas holidays.",
    ]
    kinds = {b.text[:30]: b.kind for b in doc.removed}
    assert kinds["Council approves new bus route"] == "repeated"
