"""Partial reading of languages no pipeline reads (nlp.partial, issue 18): names by
capitalisation, dates against the document date, places by gazetteer and CLDR names — and
no claims or events. Texts written for these tests (the people are fictional)."""

from __future__ import annotations

from newsgraph.facts import extract_facts
from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate
from newsgraph.nlp.partial import NAME_LABEL, what_was_read

GERMAN = (
    "Die österreichische Regierung hat am Dienstag in Wien neue Hilfen für Bauern angekündigt. "
    "Landwirtschaftsministerin Petra Hollmann sagte, die Zahlungen sollten noch vor dem Sommer beginnen. "
    "Die Europäische Kommission in Brüssel prüft die Pläne seit dem 4. März 2024. "
    "Auch in Deutschland und in der Schweiz fordern Bauern seit Wochen mehr Unterstützung. "
    "Hollmann will sich nächste Woche mit Vertretern aus München treffen."
)
SPANISH = (
    "El ministro Carlos Beltrán viajó ayer a Bruselas para reunirse con representantes de las "
    "Naciones Unidas. Según Beltrán, el gobierno de Estados Unidos apoya el plan desde el 25 de "
    "noviembre de 2023. La reunión terminó sin acuerdo, y Beltrán volverá a Madrid el próximo lunes. "
    "El acuerdo, dijo Oyarzábal, llegará pronto."
)


def _read(text: str, language: str, published: str | None = "2024-03-12"):  # type: ignore[no-untyped-def]
    adoc = next(annotate([Document(id="d", path="d", text=text, language=language, published=published)]))
    return adoc, extract_facts(adoc)


def test_a_german_article_is_read_partially_names_dates_places_and_no_claims_or_events():
    adoc, facts = _read(GERMAN, "de")
    assert adoc.annotated and adoc.doc is None and what_was_read(adoc.model) == ["names", "dates", "places"]
    names = {m.text: (m.label, m.rule) for m in adoc.mentions}
    # Places and organisations the tables know are typed; a person is found by capitalisation.
    assert names["Wien"] == ("GPE", "known-name") and names["Deutschland"] == ("GPE", "known-name")
    assert names["Europäische Kommission"] == ("ORG", "known-name")  # "Die" left out
    assert names["Petra Hollmann"][0] == NAME_LABEL or "Petra Hollmann" in " ".join(names)
    assert names["Hollmann"] == (NAME_LABEL, "part-of-name")  # short form of the name above
    # German capitalises every noun: nouns are not names.
    assert not {"Regierung", "Bauern", "Hilfen", "Zahlungen", "Sommer", "Wochen"} & set(names)
    for m in adoc.mentions:
        assert GERMAN[m.start:m.end] == m.text
    places = {p.text: p for p in facts.places}
    assert (places["Wien"].country, places["Wien"].feature) == ("AT", "city")
    assert (places["Brüssel"].country, places["Brüssel"].feature) == ("BE", "city")
    assert (places["Deutschland"].country, places["Deutschland"].feature) == ("DE", "country")
    assert places["Schweiz"].country == "CH" and places["München"].name == "Munich"
    dates = {t.text: t for t in facts.times}
    march = next(t for t in facts.times if "März 2024" in t.text)
    assert (march.value, march.anchored_to) == ("2024-03-04", "absolute")
    tuesday = next(t for t in dates.values() if "Dienstag" in t.text)
    # Against the document date (Tuesday 12 March 2024): that day or the Tuesday before.
    assert tuesday.value in ("2024-03-12", "2024-03-05") and tuesday.anchored_to == "document-date"
    assert facts.claims == [] and facts.events == []


def test_a_spanish_article_gets_single_names_known_names_and_dates():
    adoc, facts = _read(SPANISH, "es", published="2023-12-01")
    names = {m.text: (m.label, m.rule) for m in adoc.mentions}
    assert names["Carlos Beltrán"] == (NAME_LABEL, "capitalised-sequence")
    # "Beltrán" is frequent in Spanish (a word-like name), kept as the short form of the
    # full name; a rare capitalised word inside a sentence is a name on its own.
    assert names["Beltrán"] == (NAME_LABEL, "part-of-name")
    assert names["Oyarzábal"] == (NAME_LABEL, "capitalised-word")
    assert names["Naciones Unidas"] == ("ORG", "known-name")
    assert names["Estados Unidos"] == ("GPE", "known-name")
    assert "La" not in names and "El" not in names  # a sentence's first word, lower case elsewhere
    places = {p.text: p.country for p in facts.places}
    assert places["Bruselas"] == "BE" and places["Madrid"] == "ES" and places["Estados Unidos"] == "US"
    values = {t.value for t in facts.times}
    assert "2023-11-25" in values and "2023-11-30" in values  # "ayer" against 1 December
    assert facts.claims == [] and facts.events == []


def test_a_script_without_case_gets_no_names_and_says_so():
    adoc, _ = _read("وصل الوزير إلى القاهرة يوم الثلاثاء لإجراء محادثات.", "ar")
    assert adoc.annotated and adoc.mentions == []
    assert "names" not in (what_was_read(adoc.model) or []) and "no capital letters" in (adoc.reason or "")


def test_english_and_french_are_never_read_partially():
    adoc, _ = _read("The minister met officials in Vienna on Tuesday.", "en")
    assert what_was_read(adoc.model) is None and adoc.doc is not None


def test_relative_periods_and_bare_years_are_dated_and_common_words_are_no_cities():
    text = ("Los precios subieron el año pasado y bajarán el próximo año, según los datos de 2003. "
            "Los analistas de Lisboa lo confirmaron.")
    adoc, facts = _read(text, "es", published="2009-06-15")
    values = {t.text: (t.value, t.rule) for t in facts.times}
    assert values["el año pasado"] == ("2008", "dateparser-relative")
    assert values["el próximo año"] == ("2010", "dateparser-relative")
    assert values["2003"][0] == "2003"
    # "Los" is an alternate name of a large city, and a word this text writes in lower case.
    assert {m.text for m in adoc.mentions} == {"Lisboa"}
    assert [p.country for p in facts.places] == ["PT"]


def test_an_undated_article_takes_the_date_of_its_dateline():
    text = "Wien, 12. März 2024 – Die Regierung in Wien hat gestern neue Hilfen angekündigt."
    adoc, facts = _read(text, "de", published=None)
    assert adoc.document.published == "2024-03-12"
    assert adoc.document.provenance["published"] == "inferred:dateline"
    yesterday = next(t for t in facts.times if t.text == "gestern")
    assert (yesterday.value, yesterday.anchored_to) == ("2024-03-11", "inferred")
