"""Metadata of plain-text articles: dateline, title, credited outlets, declared values, language."""

from __future__ import annotations

import pytest
from clean_samples import raw

from newsgraph.ingest.clean import clean
from newsgraph.ingest.clean.metadata import find_attributions, find_dateline, headline_outlet, is_outlet

BODY = (
    "The county board approved the new bus routes on Wednesday after a two-hour debate, with four members "
    "in favour and one against the plan.\n\n"
    "Officials said the first buses would run in September, once drivers have been trained on the new "
    "electric vehicles that the county bought last year.\n"
)


@pytest.mark.parametrize(("line", "iso"), [
    ("Sunday, October 17, 2021", "2021-10-17"),
    ("17 October 2021", "2021-10-17"),
    ("Published: 2021-10-17 08:15", "2021-10-17"),
    ("Updated Oct. 17, 2021 at 9:03 pm", "2021-10-17"),
    ("Reuters November 18, 2019 11:03 PM", "2019-11-18"),
    ("October 2021", "2021-10"),
    ("Publié le 12 mars 2023", "2023-03-12"),
])
def test_clean_metadata_dateline_formats(line, iso):
    found = find_dateline([line])
    assert found is not None and found.published == iso and found.whole_line


def test_clean_metadata_sentence_with_a_year_is_not_a_dateline():
    assert find_dateline(["In 2017, the group smuggled him out of the country."]) is None


def test_clean_metadata_dateline_sets_published_and_is_removed():
    doc = clean(raw(f"Monday, 4 March 2024\n\nCounty board backs new bus routes\n\n{BODY}"))
    assert doc.published == "2024-03-04"
    assert doc.provenance["published"] == "dateline"
    assert "2024" not in doc.text
    assert doc.title == "County board backs new bus routes"


def test_clean_metadata_title_skips_navigation_and_dateline():
    head = "Skip to content\nMenu\nSunday, October 17, 2021\n\nCounty board backs new bus routes"
    doc = clean(raw(f"{head}\n\n{BODY}"))
    assert doc.title == "County board backs new bus routes"
    assert doc.provenance["title"] == "first-line"
    assert "County board backs" not in doc.text


def test_clean_metadata_title_skips_a_short_line_whose_words_the_article_never_uses():
    # No chrome vocabulary here: the navigation line is told by its words alone.
    doc = clean(raw(f"Accessibility links\nCounty board backs new bus routes\n\n{BODY}"))
    assert doc.title == "County board backs new bus routes"


def test_clean_metadata_no_title_when_first_line_is_a_paragraph():
    doc = clean(raw(BODY))
    assert doc.title is None
    assert doc.text.startswith("The county board approved")


def test_clean_metadata_site_suffix_of_title_is_publisher():
    doc = clean(raw(f"County board backs new bus routes | Valley Courier\n\n{BODY}"))
    assert doc.title == "County board backs new bus routes"
    assert doc.publisher == "Valley Courier"


def test_clean_metadata_site_suffix_is_the_last_segment_of_a_dashed_headline():
    title = "Storm review - high winds, low damage - Valley Courier"
    doc = clean(raw(f"{title}\n\n{BODY}"))
    assert doc.title == "Storm review - high winds, low damage"
    assert doc.publisher == "Valley Courier"


def test_clean_metadata_headline_matching_first_segment_of_title_opens_the_body():
    # "Headline | Section | Site": the on-page headline is the first segment; the
    # teaser above it is not the article.
    text = ("Bus routes approved by county board | Transport | Valley Courier\n"
            "Home\nTransport\n"
            "Ferry fares will rise by ten percent in the spring, the operator said on Monday, citing the "
            "cost of fuel and the wages of its crews over the winter.\n"
            f"Bus routes approved by county board\n{BODY}")
    doc = clean(raw(text))
    assert doc.text.startswith("The county board approved the new bus routes")
    assert "Ferry fares" not in doc.text


@pytest.mark.parametrize(("line", "outlet"), [
    ("Source: Le Courrier de Belrive", "Le Courrier de Belrive"),
    ("Via The Northern Herald", "The Northern Herald"),
    ("Originally published by Valley Times", "Valley Times"),
    ("The Lakeside Times reports:", "The Lakeside Times"),
    ("(Reuters) - The county board approved the new routes.", "Reuters"),
    ("PARIS (AFP) – Officials said on Monday that the plan would go ahead.", "AFP"),
])
def test_clean_metadata_attribution_forms(line, outlet):
    found = find_attributions([line])
    assert [a.outlet for a in found] == [outlet]


def test_clean_metadata_speaker_with_colon_is_not_an_outlet():
    assert find_attributions(["John Smith said:"]) == []
    assert headline_outlet("Mayor: the routes will open in September") is None
    assert headline_outlet("Breaking News: bus routes approved") is None


def test_clean_metadata_headline_prefix_outlet():
    assert headline_outlet("Valley Post: County board backs new bus routes") == "Valley Post"
    assert is_outlet("BBC") and is_outlet("The Korea Herald") and not is_outlet("Breaking News")


def test_clean_metadata_attributed_to_and_attribution_line_removed():
    title = "Valley Post: County board backs new bus routes"
    doc = clean(raw(f"{title}\n\n{BODY}\nSource: Hill County Tribune\n"))
    assert doc.attributed_to == ["Valley Post", "Hill County Tribune"]
    assert "Source:" not in doc.text
    assert any(b.kind == "attribution" and b.text == "Source: Hill County Tribune" for b in doc.removed)


def test_clean_metadata_declared_wins_over_inferred():
    doc = clean(raw(f"Sunday, October 17, 2021\n\nCounty board backs new bus routes\n\n{BODY}",
                    title="Declared title", published="2020-01-02", publisher="Declared Press",
                    url="https://example.org/a", authors=["A. Writer"]))
    assert doc.title == "Declared title"
    assert doc.published == "2020-01-02"
    assert doc.publisher == "Declared Press"
    assert doc.url == "https://example.org/a"
    assert doc.authors == ["A. Writer"]
    assert doc.provenance == {"title": "declared", "published": "declared", "publisher": "declared",
                              "url": "declared", "authors": "declared",
                              "publisher_evidence": "declared by the container: Declared Press"}


def test_clean_metadata_language_of_body():
    doc = clean(raw(f"County board backs new bus routes\n\n{BODY}"))
    assert doc.language == "en" and doc.language_score > 0.5
    german = ("Der Stadtrat hat am Mittwoch nach einer langen Debatte die neuen Buslinien beschlossen, "
              "die ab September fahren sollen.\n\nDie Fahrer werden vorher auf den neuen Elektrobussen "
              "geschult, die der Landkreis im vergangenen Jahr gekauft hat.\n")
    assert clean(raw(german)).language == "de"


def test_a_language_guess_is_no_reading():
    """A table or a one-line brief gives the detector nothing to go on: its low-confidence first
    language (a rainfall table once read as Italian) is not taken, and the text is read as the
    default language."""
    from newsgraph.ingest.clean.language import MIN_SCORE, detect_language

    lang, score = detect_language("Brazil 12.5 mm 14.3 mm Sao Paulo 22.1 mm Parana 3.4 mm Minas Gerais 0.0 mm")
    assert lang is None and score == 0.0
    lang, score = detect_language("or 22 cts per share, vs 721,000 dlrs, or 22 cts per share.")
    assert lang is None  # short, and no clear reading
    lang, score = detect_language("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.")
    assert lang == "fr" and score >= MIN_SCORE


def test_a_declared_date_is_kept_only_when_it_is_a_date():
    """A JSON date of 5,000 nines became the year 9999999999, and the event resolver died on it
    (found by ``newsgraph bench robustness``)."""
    text = "Council backs bus lanes\n\nThe council approved the new bus lanes on Tuesday after a debate."
    for declared, expected in (("2021-03-04T10:00:00Z", "2021-03-04"), ("2021-03", "2021-03"),
                               ("2021-13-45", None), ("9" * 5000, None), ("0000-00-00", None),
                               ("not a date at all", None)):
        doc = clean(raw(text, published=declared))
        if expected:
            assert doc.published == expected and doc.provenance["published"] == "declared"
        else:
            assert doc.provenance.get("published") != "declared", declared
            assert any("is not a date" in w for w in doc.warnings), declared


def test_clean_metadata_a_declared_title_keeps_a_short_first_paragraph():
    # A JSON record's title is the title: its text's first line is body, however short.
    doc = clean(raw("The harbour council of Port Anselm approved the new quay on Monday evening.\n\n" + BODY, fmt="json",
                    title="Harbour council backs new quay"))
    assert doc.title == "Harbour council backs new quay"
    assert doc.text.startswith("The harbour council of Port Anselm approved the new quay on Monday evening.")
    # The declared title repeated as the text's first line is still not body.
    doc = clean(raw("Harbour council backs new quay\n\n" + BODY, fmt="json", title="Harbour council backs new quay"))
    assert not doc.text.startswith("Harbour council") and doc.text.startswith("The county board")


@pytest.mark.parametrize("lede", [
    "Harbour fees are going up.",
    "A fire has destroyed the old ferry terminal in Kessel.",
    "Mayor Anna Lind was re-elected with 61% of the vote on Sunday.",
    'Rescuers called it "a miracle."',
])
def test_clean_metadata_a_first_line_written_as_a_sentence_is_not_the_title(lede):
    # A wire story's text often starts with its lede: no headline line above it.
    doc = clean(raw(f"{lede}\n\n{BODY}"))
    assert doc.title is None
    assert all(block.kind != "title" for block in doc.removed)


def test_clean_metadata_a_lede_as_first_line_opens_the_text():
    lede = "Mayor Anna Lind was re-elected with 61% of the vote in Kessel on Sunday."
    doc = clean(raw(f"{lede}\n\n{BODY}"))
    assert doc.title is None
    assert doc.text.startswith(lede)


@pytest.mark.parametrize("headline", [
    "Bus routes approved.",  # headlinese: no function word
    "County Board Backs New Bus Routes To The Airport.",  # title case
    "Voters back the plan in S.C.",  # an abbreviation, not a full stop
    "Bus routes could change. Again.",  # two sentences in a head line: a headline's rhetoric
    "County board backs new bus routes",
    "Can the county afford new buses?",
])
def test_clean_metadata_headline_shapes_stay_titles(headline):
    doc = clean(raw(f"{headline}\n\n{BODY}"))
    assert doc.title == headline
    assert headline not in doc.text


def test_clean_metadata_a_long_tabloid_headline_without_a_final_stop_stays_the_title():
    headline = ("'It was like a war zone': Chaos on the county's buses as drivers walk out on the "
                "first day of the new routes after a row over the electric vehicles bought last year")
    doc = clean(raw(f"{headline}\n\n{BODY}"))
    assert doc.title == headline


def test_clean_metadata_a_sentence_shaped_headline_the_page_repeats_stays_the_title():
    # A page's <title> over its <h1>: the copy below says the first line is the headline.
    head = "The county has approved new bus routes."
    doc = clean(raw(f"{head}\n\nNews\n\nThe county has approved new bus routes\n\n{BODY}"))
    assert doc.title == head
    assert not doc.text.startswith("The county has approved")
