"""Online story clustering (resolve/stories/clusters)."""

from __future__ import annotations

from stories_texts import ELECTION, FLOOD, FLOOD_OTHER_REPORT, FLOOD_SPUN, OTHER_FLOOD, doc

from newsgraph.resolve.stories import StoryIndex

# Two real-world-like events on one topic with the same kind of actors: the stories
# must stay apart even though their vocabulary overlaps.
QUAKE_1 = """A magnitude 6.1 earthquake struck the coastal city of Port Alder early on Monday, collapsing two apartment blocks and killing at least nine people, the civil protection agency said.

Rescue teams worked through the morning to reach residents trapped under the rubble. The agency said 80 people had been injured and hundreds had spent the night outdoors."""

QUAKE_1_B = """Rescuers in Port Alder searched collapsed apartment blocks on Monday after a 6.1-magnitude earthquake killed at least nine people and injured 80, according to the civil protection agency.

Hundreds of residents slept in the streets fearing aftershocks, the agency said."""

QUAKE_2 = """A strong earthquake of magnitude 5.4 shook the mountain province of Derwen on Thursday, damaging a hydroelectric dam and cutting roads to remote villages, officials said.

No deaths were reported, but the provincial governor ordered engineers to inspect the dam and evacuated 300 people living downstream as a precaution."""


def test_stories_two_reports_of_one_event_share_a_story_and_different_events_do_not():
    index = StoryIndex()
    index.add([doc("q1", QUAKE_1, "Earthquake kills nine in Port Alder", "Wire A", "2024-05-06"),
               doc("q2", QUAKE_2, "Quake damages dam in Derwen", "Wire B", "2024-05-09"),
               doc("q1b", QUAKE_1_B, "Port Alder quake: nine dead", "Wire C", "2024-05-06")])
    assert index.story_of("q1") == index.story_of("q1b")
    assert index.story_of("q2") != index.story_of("q1")


def test_stories_story_record_has_label_span_and_publishers():
    index = StoryIndex()
    index.add([doc("f1", FLOOD, "River floods Marlow Bridge", "Daily A", "2024-03-05"),
               doc("f2", FLOOD_SPUN, "Marlow Bridge flooded", "Spinner", "2024-03-07"),
               doc("f3", FLOOD_OTHER_REPORT, "Residents flee Marlow Bridge flood", "Daily D", "2024-03-06"),
               doc("e1", ELECTION, "Civic Alliance wins Halden", "Daily C", "2024-03-05"),
               doc("o1", OTHER_FLOOD, "Landslides in Kestrel Valley", "Daily B", "2024-03-06")])
    story = next(s for s in index.stories() if "f1" in s.documents)
    assert set(story.documents) == {"f1", "f2", "f3"}
    assert story.start == "2024-03-05" and story.end == "2024-03-07"
    assert set(story.publishers) == {"Daily A", "Spinner", "Daily D"}
    assert story.label in {"River floods Marlow Bridge", "Marlow Bridge flooded", "Residents flee Marlow Bridge flood"}


def test_stories_time_window_separates_the_same_subject_months_apart():
    index = StoryIndex()
    index.add([doc("a", FLOOD, "River floods Marlow Bridge", published="2024-03-05"),
               doc("b", FLOOD_OTHER_REPORT, "Marlow Bridge floods", published="2024-09-20")])
    assert index.story_of("a") != index.story_of("b")


def test_stories_supplied_entities_and_events_are_used():
    index = StoryIndex()
    index.add([doc("x", FLOOD, "River floods Marlow Bridge")], entities={"x": {"Q1", "Q2"}},
              events={"x": {"ev1"}})
    story = index.stories()[0]
    assert story.events == ["ev1"]


def test_stories_kept_norms_equal_the_norms_of_the_sums_also_after_a_pickle_without_them():
    import pickle

    import numpy as np

    from newsgraph.resolve.stories.clusters import StoryClusterer

    rng = np.random.default_rng(7)
    cl = StoryClusterer()
    for i in range(40):  # enough stories to grow the arrays twice
        v = rng.standard_normal(256).astype(np.float32)
        cl.add(f"d{i}", v / np.linalg.norm(v), {f"k{i % 5}"}, published=f"2024-05-{1 + i % 20:02d}")
    n = len(cl._stories)
    assert np.array_equal(cl._norms[:n], np.linalg.norm(cl._sums[:n], axis=1))
    state = cl.__getstate__()
    del state["_norms"]  # a clusterer pickled before the norms were kept
    old = StoryClusterer.__new__(StoryClusterer)
    old.__setstate__(pickle.loads(pickle.dumps(state)))
    v = rng.standard_normal(256).astype(np.float32)
    assert np.array_equal(old.similarity(v, {"k1"}, None), cl.similarity(v, {"k1"}, None))
    old.add("new", v / np.linalg.norm(v), {"k1"})
    cl.add("new", v / np.linalg.norm(v), {"k1"})
    assert old.story_of("new") == cl.story_of("new")
    assert np.array_equal(old._norms[:len(old._stories)], np.linalg.norm(old._sums[:len(old._stories)], axis=1))
