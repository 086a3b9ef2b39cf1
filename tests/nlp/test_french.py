"""French read fully (issue 18): routing by language, French names typed as the project's
entity types, French dates against the document date, French places and demonyms — on
French text the tests write."""

from __future__ import annotations

import datetime as dt

from newsgraph.facts import extract_facts
from newsgraph.model import Document
from newsgraph.nlp import annotate as annotate_module
from newsgraph.nlp.annotate import annotate
from newsgraph.nlp.places import link_places
from newsgraph.nlp.time_fr import normalise_french

ARTICLE = (
    "LYON, 16 mars 2017 – Mardi dernier, la ministre Claire Vautrin a rencontré à Genève les "
    "représentants de l'Organisation des Nations unies. La Corée du Nord a refusé de participer, "
    "et l'armée nord-coréenne a été placée en alerte. Les Américains ont demandé une réunion.\n"
    "Il y a deux ans, un accord avait été signé en Europe."
)


def _french(text: str, published: str | None = None, doc_id: str = "fr1"):
    return next(annotate([Document(id=doc_id, path=doc_id, text=text, language="fr", published=published)]))


def test_a_french_article_is_annotated_by_the_french_pipeline_with_the_projects_types():
    adoc = _french(ARTICLE)
    assert adoc.annotated and adoc.model and adoc.model.startswith("fr_core_news")
    found = {(m.text, m.label) for m in adoc.mentions}
    assert ("Claire Vautrin", "PERSON") in found
    assert ("Genève", "GPE") in found  # a city: a place with a government
    assert ("Corée du Nord", "GPE") in found  # known by its French name
    assert ("Europe", "LOC") in found  # a continent: no government
    assert ("Américains", "NORP") in found  # WikiNER tags the people as a place
    assert all(adoc.document.text[m.start:m.end] == m.text for m in adoc.mentions)  # offsets kept
    assert adoc.references == []  # English pronoun and description rules abstain


def test_an_article_the_model_took_in_is_trimmed_but_a_persons_particle_stays():
    adoc = _french("Le général a salué la mémoire de de Gaulle, puis il a visité la France et l'Espagne.")
    found = {(m.text, m.label) for m in adoc.mentions}
    assert {("de Gaulle", "PERSON"), ("France", "GPE"), ("Espagne", "GPE")} <= found


def test_french_dates_are_read_against_the_dateline():
    adoc = _french(ARTICLE)
    facts = extract_facts(adoc)
    assert adoc.document.published == "2017-03-16"  # the dateline "16 mars 2017"
    values = {t.text: t.value for t in facts.times}
    assert values["Mardi dernier"] == "2017-03-14"  # the Tuesday before Thursday 16 March
    assert values["Il y a deux ans"] == "2015"


def test_french_relative_expressions_against_a_document_date():
    thursday = dt.date(2017, 3, 16)
    assert normalise_french("mardi dernier", thursday)[0] == "2017-03-14"
    assert normalise_french("vendredi prochain", thursday)[0] == "2017-03-17"
    assert normalise_french("le 3 mars", thursday)[0] == "2017-03-03"
    assert normalise_french("1er janvier 2016", None)[:3] == ("2016-01-01", "day", "absolute")
    assert normalise_french("hier", thursday)[0] == "2017-03-15"
    assert normalise_french("l'an dernier", thursday)[0] == "2016"
    assert normalise_french("la semaine prochaine", thursday)[0] == "2017-W12"
    assert normalise_french("il y a trois mois", thursday)[0] == "2016-12"
    assert normalise_french("14h30", thursday)[0] == "2017-03-16T14:30"
    assert normalise_french("23 heures", thursday)[0] == "2017-03-16T23:00"


def test_a_year_is_found_after_a_preposition_but_a_count_is_no_year():
    from newsgraph.nlp.time_fr import find_french_times

    text = "Depuis 2012, le club a recruté 2000 personnes ; la loi de 2015 entrera en vigueur fin 2018."
    assert [text[s:e] for s, e in find_french_times(text)] == ["2012", "2015", "2018"]


def test_french_places_and_demonyms_reach_the_gazetteer():
    places = {p.text: p for p in link_places(_french(ARTICLE))}
    assert places["Corée du Nord"].country == "KP"
    assert places["nord-coréenne"].country == "KP" and places["nord-coréenne"].method == "demonym"
    assert places["Américains"].country == "US"
    assert places["Genève"].country == "CH"


def test_french_names_are_no_places_in_an_english_text():
    adoc = next(annotate([Document(id="en1", path="en1", text="Maurice Chine met reporters in Boston.",
                                   language="en")]))
    assert "Maurice" not in {p.text for p in link_places(adoc)}


def test_an_english_only_corpus_never_loads_the_french_pipeline(monkeypatch):
    loaded: list[str] = []
    real = annotate_module._load

    def spy(name: str):
        loaded.append(name)
        return real(name)

    monkeypatch.setattr(annotate_module, "_load", spy)
    list(annotate([Document(id="e", path="e", text="The minister met officials in Paris.", language="en")]))
    assert loaded and not any(name.startswith("fr_") for name in loaded)


def test_english_and_french_documents_in_one_batch_each_get_their_pipeline():
    docs = [Document(id="a", path="a", text="The minister met officials in Paris.", language="en"),
            Document(id="b", path="b", text="La ministre a rencontré des élus à Paris.", language="fr"),
            Document(id="c", path="c", text="Der Minister traf Beamte in Berlin.", language="de")]
    out = list(annotate(docs))
    assert [a.document.id for a in out] == ["a", "b", "c"]
    assert out[0].model and not out[0].model.startswith("fr_")
    assert out[1].model and out[1].model.startswith("fr_")
    # German: no pipeline, read partially (nlp.partial), never by the French or English model
    assert out[2].model.startswith("partial:") and "'de'" in (out[2].reason or "") and out[2].doc is None
