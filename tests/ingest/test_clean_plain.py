"""Plain-text boilerplate removal: chrome goes, every paragraph stays."""

from __future__ import annotations

import pytest
from clean_samples import ARTICLE_EN, ARTICLE_EN_CHROME, ARTICLE_EN_PARAGRAPHS, ARTICLE_FR, raw

from newsgraph.ingest.clean import LineIndex, clean
from newsgraph.model.document import RawDocument


@pytest.fixture
def article_en() -> RawDocument:
    return raw(ARTICLE_EN)


def test_clean_plain_removes_every_chrome_line(article_en):
    doc = clean(article_en)
    for chrome in ARTICLE_EN_CHROME:
        assert chrome not in doc.text, chrome


def test_clean_plain_keeps_every_paragraph(article_en):
    doc = clean(article_en)
    for paragraph in ARTICLE_EN_PARAGRAPHS:
        assert paragraph in doc.text, paragraph


def test_clean_plain_keeps_short_quote_and_subheading_between_paragraphs(article_en):
    doc = clean(article_en)
    assert "“We have never seen the water come this far,” said Mara Jensen, who runs a bakery" in doc.text
    assert "Are the defences strong enough?" in doc.text


def test_clean_plain_removed_blocks_say_why(article_en):
    doc = clean(article_en)
    kinds = {block.text: block.kind for block in doc.removed}
    assert kinds["التعليقات والاراء"] == "foreign-language"
    assert kinds["harbour-storm-photo.jpg"] == "file-or-url"
    assert kinds["- Advertisement -"] == "chrome"
    assert all(block.score is not None and 0 <= block.score <= 1 for block in doc.removed)
    lines = ARTICLE_EN.splitlines()
    assert all(lines[block.line].strip() == block.text for block in doc.removed)


def test_clean_plain_text_holds_no_removed_line(article_en):
    doc = clean(article_en)
    paragraphs = doc.text.split("\n\n")
    removed = {block.text for block in doc.removed}
    assert not removed & set(paragraphs)
    # Every kept paragraph is a line of the input, verbatim.
    source_lines = {line.strip() for line in ARTICLE_EN.splitlines()}
    assert all(p in source_lines for p in paragraphs)


def test_clean_plain_title_is_not_in_text(article_en):
    doc = clean(article_en)
    assert doc.title == "Harbour Gazette: Storm surge floods the old quay at Port Willow"
    assert "Storm surge floods" not in doc.text


def test_clean_plain_foreign_language_chrome_in_french_article():
    doc = clean(raw(ARTICLE_FR))
    assert doc.language == "fr"
    assert "Le conseil municipal de Belrive a voté jeudi soir" in doc.text
    assert "« C'est un bâtiment" in doc.text
    for chrome in ("Accueil", "Partager", "Facebook", "Twitter", "Source : Le Courrier"):
        assert chrome not in doc.text
    assert doc.published == "2023-03-12"
    assert doc.attributed_to == ["Le Courrier de Belrive"]


def test_clean_plain_line_repeated_across_site_articles_is_removed():
    index = LineIndex()
    story = ("The regional rail operator said on Tuesday that the new timetable would add two trains an "
             "hour between the coast and the capital from the first of June, {}.")
    teaser = "Weekend markets guide: where to find the freshest cheese"
    for n, extra in enumerate(["after months of talks", "following a public consultation",
                               "once the new signals are in"]):
        text = f"Rail news {n}\n\n{story.format(extra)}\n\n{story.format(extra + ' again')}\n\n{teaser}\n"
        doc = clean(raw(text, path=f"rail-site/{n}.txt"), lines=index)
    assert index.count("rail-site", teaser) == 3
    assert teaser not in doc.text
    assert any(b.kind == "repeated" and b.text == teaser for b in doc.removed)


def test_clean_plain_line_index_counts_per_site_with_normalised_keys():
    index = LineIndex()
    index.add("a.example", ["Share: 12 comments", "Body"])
    index.add("a.example", ["Share: 3 comments"])
    assert index.count("a.example", "share: 7 COMMENTS") == 2
    assert index.count("b.example", "Share: 12 comments") == 0


def test_clean_plain_comment_thread_after_article_is_dropped():
    body = "\n\n".join(
        f"Paragraph {i}: the committee heard evidence from the port authority about the cost of "
        f"dredging the channel, which has silted up faster than the engineers had predicted."
        for i in range(6))
    comments = "\n".join(
        f"user{i}\n{i} days ago\nI really think they should have done this years ago, it is a "
        f"scandal that it took so long and cost so much money.\nReply" for i in range(3))
    doc = clean(raw(f"Dredging costs rise again\n\n{body}\n\n12 Comments\n{comments}\n"))
    assert "Paragraph 5" in doc.text
    assert "Reply" not in doc.text.split("\n\n")
    assert "days ago" not in doc.text


def test_clean_plain_japanese_article_keeps_body_and_drops_latin_chrome():
    text = (
        "Home\nNews\nLogin\n\n"
        "港町の古い岸壁が高潮で浸水\n\n"
        "土曜日の朝、港町の住民は古い岸壁が海水に覆われているのを見つけた。夜の間に高潮が防波堤を越えたという。\n\n"
        "町議会によると、防波堤は一九一一年に造られ、記録が始まって以来一度も越えられたことはなかった。"
        "技術者が月曜日に点検する予定だ。\n\n"
        "岸壁でパン屋を営む女性は「ここまで水が来たのは初めてです」と話した。\n\n"
        "Share this article\nFacebook\nTwitter\n"
    )
    doc = clean(raw(text))
    assert doc.language == "ja"
    assert doc.title == "港町の古い岸壁が高潮で浸水"
    assert "土曜日の朝" in doc.text and "技術者が月曜日に点検する予定だ。" in doc.text
    assert "「ここまで水が来たのは初めてです」" in doc.text
    for chrome in ("Home", "Login", "Share this article", "Facebook", "Twitter"):
        assert chrome not in doc.text


def test_clean_short_wrapped_brief_keeps_its_body():
    """Two hard-wrapped lines under a headline and a dateline: too few lines to detect the
    wrapping, and each looks thin to the classifier — but an article keeps its prose."""
    text = ("Ferry capsizes off Lampedusa\n\nTuesday, June 3, 2025\n\n"
            "A ferry carrying 60 passengers capsized off Lampedusa on Tuesday, the Italian coast guard\n"
            "said. Captain Marco Rossi said 52 people had been rescued.\n")
    doc = clean(raw(text))
    assert doc.title == "Ferry capsizes off Lampedusa" and doc.published == "2025-06-03"
    assert "capsized off Lampedusa" in doc.text and "52 people had been rescued" in doc.text
    assert [b.kind for b in doc.removed] == ["title", "dateline"]
