"""resolve/events: one event however many articles report it, and no more."""

from __future__ import annotations

import pytest

from newsgraph.extract.events import extract_events
from newsgraph.model import Document
from newsgraph.resolve.events import EventResolver


@pytest.fixture(scope="module")
def annotate_one(nlp):
    from newsgraph.nlp.annotate import annotate

    def make(text: str, doc_id: str, published: str | None) -> object:
        return next(annotate([Document(id=doc_id, path=doc_id, text=text, published=published)]))

    return make


def _killings(adoc):
    return [m for m in extract_events(adoc) if m.type == "ASSAULT"]


def test_event_coref_two_articles_one_killing(annotate_one):
    a = annotate_one(
        "Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.", "a", "2021-05-12"
    )
    b = annotate_one(
        "Opposition leader Ahmed Farouk was shot dead in Karachi on Monday. His killing shocked the country.",
        "b",
        "2021-05-12",
    )
    r = EventResolver()
    for adoc in (a, b):
        for m in _killings(adoc):
            r.add(m, published=adoc.document.published, publisher=adoc.document.id)
    multi = [e for e in r.events if len(e.sources) == 2]
    assert len(multi) == 1
    ev = multi[0]
    assert ev.type == "ASSAULT" and sorted(ev.sources) == ["a", "b"] and ev.publishers == 2
    assert ev.date_start == "2021-05-10"


def test_event_coref_same_type_different_dates_stay_apart(annotate_one):
    a = annotate_one("Gunmen killed a shopkeeper in Karachi on 3 March 2021.", "a", "2021-03-04")
    b = annotate_one("Gunmen killed a shopkeeper in Karachi on 19 April 2021.", "b", "2021-04-20")
    r = EventResolver()
    for adoc in (a, b):
        for m in _killings(adoc):
            r.add(m, published=adoc.document.published)
    assert len(r.events) == 2


def test_event_coref_unrelated_same_type_same_day_stay_apart(annotate_one):
    a = annotate_one("Police arrested a bank robber in Lagos on Friday.", "a", "2021-06-05")
    b = annotate_one("Police arrested three climate protesters in Oslo on Friday.", "b", "2021-06-05")
    r = EventResolver()
    for adoc in (a, b):
        for m in extract_events(adoc):
            r.add(m, published=adoc.document.published)
    assert len([e for e in r.events if e.type == "COERCE"]) == 2


def test_event_coref_entity_ids_link_spellings(annotate_one):
    a = annotate_one("Troops arrested Kim Jong-nam in Seoul on Friday.", "a", "2021-06-05")
    b = annotate_one("Soldiers detained Kim Jong Nam in Seoul on Friday.", "b", "2021-06-05")
    ids = {}
    for adoc in (a, b):
        for mn in adoc.mentions:
            if mn.label == "PERSON":
                ids[(adoc.document.id, mn.start, mn.end)] = "ent_kim"
    r = EventResolver(entity_of=ids)
    for adoc in (a, b):
        for m in extract_events(adoc):
            r.add(m, published=adoc.document.published)
    coerce = [e for e in r.events if e.type == "COERCE"]
    assert len(coerce) == 1 and "ent_kim" in coerce[0].targets


def test_event_coref_ids_are_deterministic(annotate_one):
    a = annotate_one("Rebels attacked the airport in Aden on Sunday.", "a", "2021-06-07")
    ms = extract_events(a)
    first = [EventResolver().add(m, published="2021-06-07") for m in ms]
    second = [EventResolver().add(m, published="2021-06-07") for m in ms]
    assert first == second


def test_event_coref_within_document_mentions_merge(annotate_one):
    a = annotate_one(
        "Masked gunmen attacked the Peruvian embassy in Madrid on Friday. "
        "The attack was carried out by a group calling itself Free Andes.",
        "a",
        "2021-06-07",
    )
    r = EventResolver()
    ids = {
        r.add(m, published="2021-06-07", context=a.document.text)
        for m in extract_events(a)
        if m.type == "ASSAULT"
    }
    assert len(ids) == 1
    ev = r.events[0]
    assert len(ev.mentions) == 2 and ev.sources == ["a"]
    assert "masked gunmen" in ev.actors and ev.place == "Madrid"


def test_event_coref_negated_report_is_not_the_event(annotate_one):
    a = annotate_one("Rebels attacked the garrison in Goma on Sunday.", "a", "2021-06-07")
    b = annotate_one(
        "The army said the rebels did not attack the garrison in Goma on Sunday.", "b", "2021-06-07"
    )
    r = EventResolver()
    for adoc in (a, b):
        for m in extract_events(adoc):
            if m.type == "ASSAULT":
                r.add(m, published="2021-06-07", context=adoc.document.text)
    assert len([e for e in r.events if e.type == "ASSAULT"]) == 2
    assert "polarity" in " ".join(r.explanations.values())


def test_event_coref_state_keeps_vectors_and_resolves_on_as_before(annotate_one):
    """The pickled state holds each member's vector (a cluster read back from its row
    scores without embedding again); a state pickled without them (an earlier version:
    texts only) embeds the texts again, to the same vectors. Either reloaded resolver
    resolves the next report as the one that never stopped."""
    import pickle

    import numpy as np

    a = annotate_one("Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.",
                     "a", "2021-05-12")
    b = annotate_one("Opposition leader Ahmed Farouk was shot dead in Karachi on Monday.", "b", "2021-05-12")
    c = annotate_one("Thousands mourned Ahmed Farouk, who was gunned down in Karachi on Monday.",
                     "c", "2021-05-13")
    kept = EventResolver()
    for adoc in (a, b):
        kept.add_all(_killings(adoc), published=adoc.document.published, publisher=adoc.document.id)
    before = {k: cl.vectors for k, cl in kept._clusters.items()}
    assert before and all(v is not None for v in before.values())
    reloaded = pickle.loads(pickle.dumps(kept))
    older = pickle.loads(pickle.dumps(kept))
    for cl in older._clusters.values():
        cl.vectors = None  # as an earlier version's state comes back
    for k, cl in reloaded._clusters.items():
        assert cl.vectors is not None and np.array_equal(cl.vectors, before[k])
    for k, cl in older._clusters.items():
        assert np.array_equal(older._vectors(cl), before[k])  # embedded again, the same
    for r in (kept, reloaded, older):
        r.add_all(_killings(c), published=c.document.published, publisher=c.document.id)
    for r in (reloaded, older):
        assert [(e.id, sorted(e.mentions)) for e in r.events] == [(e.id, sorted(e.mentions)) for e in kept.events]
