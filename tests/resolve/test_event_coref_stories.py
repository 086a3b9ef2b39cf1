"""resolve/events: document stories (split, merge), top-k linkage, argument-distinct events."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from event_coref_helpers import assault_mention, resolve_assaults

from newsgraph.resolve.events import EventResolver, ResolverOptions
from newsgraph.resolve.events.embed import DIM
from newsgraph.resolve.events.resolve import _Stories

# Two earthquakes and a roundup that reports both: the roundup bridges the two stories.
QUAKE_A = (
    "A magnitude 6.1 earthquake struck near Izmir on Tuesday, destroying buildings in Bornova "
    "and Karsiyaka. Rescuers in Izmir pulled survivors from the rubble of Bornova."
)
QUAKE_B = (
    "Floods swept through Valencia and Alzira on Tuesday after torrential rain. Firefighters "
    "in Valencia rescued families trapped in Alzira."
)
ROUNDUP = (
    "On Tuesday an earthquake near Izmir destroyed buildings in Bornova and Karsiyaka, while "
    "floods in Valencia trapped families in Alzira. Rescuers worked in Izmir and Valencia."
)


def test_event_coref_stories_split_then_bridge():
    st = _Stories(threshold=0.16, name_weight=2.0, merge=0.22)
    a = st.assign("a", QUAKE_A)
    b = st.assign("b", QUAKE_B)
    assert a != b  # nothing shared but the day: two stories
    st.assign("c", ROUNDUP)
    # The roundup is close to both: the two stories are now one.
    assert st.canon(a) == st.canon(b) == st.canon(st.of["c"])


def test_event_coref_stories_no_merge_when_disabled():
    st = _Stories(threshold=0.16, name_weight=2.0, merge=2.0)
    a, b = st.assign("a", QUAKE_A), st.assign("b", QUAKE_B)
    st.assign("c", ROUNDUP)
    assert st.canon(a) != st.canon(b)


def test_event_coref_story_of_follows_merges():
    r = EventResolver()
    for doc, text in (("a", QUAKE_A), ("b", QUAKE_B), ("c", ROUNDUP)):
        r._stories.assign(doc, text)
    assert r.story_of("a") == r.story_of("b") == r.story_of("c")
    assert r.story_of("unseen") is None


# A robbery, three reports of the trial that mostly talk about the court, then a
# follow-up on the robbery itself: close to the first report, far from the centroid.
SNOW = (
    "Heavy snow closed schools across Vermont on Tuesday as plows struggled to clear highways. "
    "Forecasters in Burlington expect more snow through Thursday."
)
BUDGET = (
    "The city council of Lowell approved a new budget for parks and libraries after a long debate. "
    "The mayor of Lowell said the budget protects jobs."
)
ROBBERY = (
    "Two masked men robbed the Harbor Savings branch on Elm Street in Dunmore on Friday, "
    "escaping in a grey van with cash. Dunmore police said the robbers fired a shot at the ceiling."
)
TRIALS = (
    "A judge in Scranton sentenced Rick Doyle and Paul Mercer to twelve years in prison on Monday "
    "for robbing the Harbor Savings branch on Elm Street in Dunmore with a shotgun. Jurors had "
    "convicted Doyle and Mercer after a trial in Scranton.",
    "Doyle and Mercer showed no emotion as the Scranton judge read the sentence. Their lawyers "
    "said Doyle and Mercer would appeal the verdict of the Scranton jury.",
    "An appeals court in Scranton will hear the case of Doyle and Mercer in the spring, their lawyers "
    "said. The Scranton jury deliberated for two days before its verdict.",
)
FOLLOW_UP = (
    "A grey van was found burned in a quarry near Dunmore, and detectives believe the men "
    "who robbed the bank on Elm Street used it. Detectives searched the quarry for clues."
)


@pytest.mark.parametrize("nearest", [True, False])
def test_event_coref_story_joins_through_its_nearest_document(nearest: bool):
    st = _Stories(threshold=0.16, name_weight=2.0, merge=0.2, nearest=nearest)
    docs = [("snow", SNOW), ("budget", BUDGET), ("robbery", ROBBERY)]
    docs += [(f"trial{i}", t) for i, t in enumerate(TRIALS)] + [("follow", FOLLOW_UP)]
    story = {d: st.assign(d, t) for d, t in docs}
    assert len({st.canon(story[d]) for d in ("robbery", "trial0", "trial1", "trial2")}) == 1
    assert st.canon(story["snow"]) != st.canon(story["budget"]) != st.canon(story["robbery"])
    # Only the nearest member (the robbery report) brings the follow-up into the story.
    assert (st.canon(story["follow"]) == st.canon(story["robbery"])) is nearest
    assert all(len(v) <= _Stories._MEMBERS for v in st.docvecs)


def _vec(x: np.ndarray) -> np.ndarray:
    u = x / np.linalg.norm(x)
    return np.concatenate([u, u, u]).astype(np.float32)  # trigger, lemma, window parts


def test_event_coref_top_k_link_tolerates_differently_worded_members():
    # One event first reported in words A, then A-and-B, then four times in words B
    # (the chain joins: each report resembles enough earlier ones).  A late report in
    # the first words matches only two of the six members: a full mean rejects it, the
    # mean over the best three member pairs (the default) lets it join.
    a, b = np.zeros(DIM), np.zeros(DIM)
    a[0], b[1] = 1.0, 1.0
    words = [a, a + b, b, b, b, b, a]
    ms = [assault_mention("d", f"Report {i}: the attack on the depot.", "attack", "attack") for i in range(7)]
    for i, m in enumerate(ms):
        m.id = f"m{i}"
    full = EventResolver(options=ResolverOptions(link_top=0))
    top = EventResolver()
    for r in (full, top):
        for m, w in zip(ms, words, strict=True):
            r.add(m, story="s", vector=_vec(w))
    assert len({top.event_of(m.id) for m in ms}) == 1
    assert len({full.event_of(m.id) for m in ms}) == 2
    assert full.event_of("m6") != full.event_of("m0")


def test_event_coref_two_killings_same_day_different_victims(annotate_one):
    a = annotate_one(
        "Gunmen shot dead the journalist Maria Lopez in Veracruz on Monday, police said.",
        "a",
        "2021-05-11",
    )
    b = annotate_one(
        "Gunmen shot dead the farmer Jorge Ramos in Sinaloa on Monday, police said.",
        "b",
        "2021-05-11",
    )
    r = resolve_assaults((a, b))
    killings = [e for e in r.events if e.type == "ASSAULT"]
    assert len(killings) == 2
    assert all(len(e.sources) == 1 for e in killings)


def test_event_coref_killing_two_articles_with_context_one_event(annotate_one):
    a = annotate_one(
        "Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.",
        "a",
        "2021-05-12",
    )
    b = annotate_one(
        "Opposition leader Ahmed Farouk was shot dead in Karachi on Monday. "
        "His killing shocked the country.",
        "b",
        "2021-05-12",
    )
    r = resolve_assaults((a, b))
    multi = [e for e in r.events if len(e.sources) == 2]
    assert len(multi) == 1 and multi[0].publishers == 2
    assert r.story_of("a") == r.story_of("b")


def test_event_coref_old_state_is_refused():
    r = EventResolver()
    state = dict(r.__dict__)
    state.pop("_version")
    fresh = EventResolver.__new__(EventResolver)
    with pytest.raises(ValueError):
        fresh.__setstate__(state)
    assert isinstance(pickle.loads(pickle.dumps(r)), EventResolver)
