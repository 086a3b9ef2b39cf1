"""resolve/events: different words for one event link; one word for two events does not."""

from __future__ import annotations

import pickle

import numpy as np
from event_coref_helpers import assault_mention

from newsgraph.extract.events import extract_events
from newsgraph.model.events import Span
from newsgraph.resolve.events import EventResolver, ResolverOptions
from newsgraph.resolve.events.embed import DIM, mention_vectors, window_text


def test_event_coref_embed_relates_synonym_triggers():
    sent = "Police {} the suspect on Friday."
    ms = [
        assault_mention("a", sent.format("arrested"), "arrested", "arrest"),
        assault_mention("b", sent.format("detained"), "detained", "detain"),
        assault_mention("c", sent.format("praised"), "praised", "praise"),
    ]
    v = mention_vectors(ms)
    assert v.shape == (3, 3 * DIM)
    trig = v[:, :DIM]
    assert float(trig[0] @ trig[1]) > float(trig[0] @ trig[2]) + 0.1
    assert window_text(ms[0], 2) == "Police arrested the suspect"


def test_event_coref_synonym_triggers_with_shared_arguments_merge(annotate_one):
    a = annotate_one("Gunmen shot dead the journalist Maria Lopez in Tijuana on Tuesday.", "a", "2021-05-12")
    b = annotate_one(
        "The murder of journalist Maria Lopez in Tijuana on Tuesday drew condemnation from the governor.",
        "b",
        "2021-05-12",
    )
    r = EventResolver()
    for adoc in (a, b):
        for m in extract_events(adoc):
            if m.type == "ASSAULT":
                r.add(m, published=adoc.document.published, context=adoc.document.text)
    lemmas = {m.lemma for adoc in (a, b) for m in extract_events(adoc) if m.type == "ASSAULT"}
    assert {"shoot", "murder"} <= lemmas  # two different words…
    assault = [e for e in r.events if e.type == "ASSAULT"]
    assert len(assault) == 1 and sorted(assault[0].sources) == ["a", "b"]  # …one event


def test_event_coref_same_trigger_other_participants_and_dates_stay_apart(annotate_one):
    a = annotate_one("Police arrested Omar Haddad in Amman on 3 May 2021.", "a", "2021-05-04")
    b = annotate_one("Police arrested Lina Farouk in Beirut on 20 June 2021.", "b", "2021-06-21")
    r = EventResolver()
    for adoc in (a, b):
        for m in extract_events(adoc):
            r.add(m, published=adoc.document.published, context=adoc.document.text)
    coerce = [e for e in r.events if e.type == "COERCE"]
    assert len(coerce) == 2
    assert any("dates apart" in why for why in r.explanations.values())


def test_event_coref_without_embeddings_same_lemma_in_one_document_merges(annotate_one):
    a = annotate_one(
        "Rebels attacked the garrison in Goma on Sunday. The attack lasted two hours.", "a", "2021-06-07"
    )
    r = EventResolver(options=ResolverOptions(embeddings=False))
    ids = {r.add(m, published="2021-06-07") for m in extract_events(a) if m.type == "ASSAULT"}
    assert len(ids) == 1


def test_event_coref_state_pickles_and_add_all_batches(annotate_one):
    a = annotate_one("Troops arrested Kim Jong-nam in Seoul on Friday.", "a", "2021-06-05")
    b = annotate_one("Soldiers detained Kim Jong-nam in Seoul on Friday.", "b", "2021-06-05")
    r = EventResolver(entity_of=lambda d, s, e: None)
    r.add_all(extract_events(a), published="2021-06-05", context=a.document.text)
    r.set_entity_lookup(None)  # the pipeline drops its lookup before pickling the state
    r2 = pickle.loads(pickle.dumps(r))
    r2.set_entity_lookup({})
    ids = r2.add_all(extract_events(b), published="2021-06-05", context=b.document.text)
    coerce = [e for e in r2.events if e.type == "COERCE"]
    assert len(coerce) == 1 and sorted(coerce[0].sources) == ["a", "b"] and ids[0] == coerce[0].id
    assert all(isinstance(c.vectors, np.ndarray) for c in r2._clusters.values())


def _unit_parts(x: float, y: float) -> np.ndarray:
    """A mention vector whose trigger, lemma and window parts are all the 2-d direction (x, y)."""
    part = np.zeros(DIM, dtype=np.float32)
    part[0], part[1] = x, y
    part /= np.linalg.norm(part)
    return np.concatenate([part, part, part])


def _three(c12: float) -> tuple[EventResolver, list[str]]:
    """m1 and m2 at cosine ``c12`` (too far apart to join), then m3 between them."""
    s = (1 - c12 * c12) ** 0.5
    vecs = [_unit_parts(1, 0), _unit_parts(c12, s), _unit_parts(1 + c12, s)]
    r = EventResolver()
    ids = []
    for i, (v, word) in enumerate(zip(vecs, ("raid", "storm", "attack"), strict=True)):
        m = assault_mention(f"d{i}", f"Rebels {word} the town.", word, word)
        ids.append(m.id)
        r.add(m, story="one story", vector=v)
    return r, ids


def test_event_coref_bridging_mention_merges_events_that_agree_on_average():
    r, ids = _three(0.45)
    assert r.explanations[ids[1]].startswith("new event")  # m2 alone did not join m1
    assert len(r.events) == 1 and len(r.events[0].mentions) == 3
    assert r.event_of(ids[0]) == r.event_of(ids[1]) == r.event_of(ids[2]) == r.events[0].id
    assert "merged" in r.explanations[ids[2]]


def test_event_coref_bridging_mention_does_not_chain_unlike_events():
    r, ids = _three(0.0)
    assert len(r.events) == 2  # average link: m3 is near both, m1 and m2 are not near each other
    assert r.event_of(ids[0]) != r.event_of(ids[1])


def _storm_and_loot(second_sentence_start: int, options: ResolverOptions | None = None) -> EventResolver:
    """"stormed" then "looted" in one document, their vectors at a middling cosine (0.5):
    close enough to join when nothing else tells them apart."""
    r = EventResolver(options=options)
    storm = assault_mention("d", "Rebels stormed the town and looted the market.", "stormed", "storm")
    loot = assault_mention("d", "Rebels stormed the town and looted the market.", "looted", "loot")
    if second_sentence_start:
        # The same words, but "looted" in a later sentence of the document.
        text = "Later they looted the market."
        rel = text.index("looted")
        loot.sentence = Span(second_sentence_start, second_sentence_start + len(text), text)
        loot.trigger = Span(second_sentence_start + rel, second_sentence_start + rel + 6, "looted")
        loot.id = f"d:{loot.trigger.start}"
    for m, v in ((storm, _unit_parts(1, 0)), (loot, _unit_parts(0.5, 0.75**0.5))):
        r.add(m, story="one story", vector=v)
    return r


def test_event_coref_two_words_in_one_sentence_are_two_events():
    # One sentence rarely names one event twice in two words: the pair's logit is lowered.
    assert len(_storm_and_loot(0).events) == 2
    # Without that penalty, or in two sentences, the same similarity links them.
    assert len(_storm_and_loot(0, ResolverOptions(w_same_sentence=0.0)).events) == 1
    assert len(_storm_and_loot(48).events) == 1


def test_event_coref_merged_away_names_the_event_a_merge_removed():
    """What a batch writes: the records of the events it touched and the ids merged away
    since the last write, as the whole list of events tells them."""
    import hashlib

    r, ids = _three(0.45)
    survivor = r.events[0].id
    gone = r.merged_away()
    assert gone and survivor not in gone
    first_two = {"ev_" + hashlib.sha256(i.encode()).hexdigest()[:16] for i in ids[:2]}
    assert set(gone) | {survivor} == first_two
    assert r.merged_away(len(gone)) == []
    assert r.records([*gone, survivor]) == r.events
