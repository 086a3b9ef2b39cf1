"""resolve/events: across articles, two killings whose counts of the dead are far apart are two
occurrences — one war's battles are told by their casualties — kept apart and shown as related
(``ResolverOptions.toll_apart``)."""

from __future__ import annotations

from newsgraph.extract.events import extract_events
from newsgraph.resolve.events import EventResolver, ResolverOptions
from newsgraph.resolve.events.anchors import casualties

FIRST = ("Harbury troops killed 220 soldiers of the Aldwick Fifth Brigade in fighting near the border, "
         "the Harbury war ministry said on Tuesday.\n\nThe ministry said the brigade had attacked Harbury "
         "positions overnight.")
SECOND = ("Harbury troops killed 1,200 soldiers of the Aldwick Fifth Brigade in fighting near the border, "
          "the Harbury war ministry said on Tuesday.\n\nThe ministry said the offensive was the largest this year.")
REVISED = ("Harbury troops killed 240 soldiers of the Aldwick Fifth Brigade in fighting near the border, "
           "the Harbury war ministry said on Tuesday.\n\nThe ministry said the brigade had attacked Harbury "
           "positions overnight.")


def _resolved(annotate_one, texts: list[str], options: ResolverOptions | None = None) -> tuple[EventResolver, list]:
    r = EventResolver(options=options)
    kills = []
    for i, text in enumerate(texts):
        adoc = annotate_one(text, f"doc{i}", "2019-03-14")
        for m in extract_events(adoc):
            if m.lemma == "kill":
                r.add(m, published="2019-03-14", publisher=f"outlet{i}", context=text)
                kills.append(m)
    return r, kills


def test_the_count_of_the_dead_is_read_from_the_target(annotate_one):
    _r, kills = _resolved(annotate_one, [FIRST, SECOND])
    assert [casualties(m) for m in kills] == [220, 1200]


def test_two_killings_with_tolls_far_apart_are_two_related_events(annotate_one):
    r, (a, b) = _resolved(annotate_one, [FIRST, SECOND])
    assert r.event_of(a.id) != r.event_of(b.id)
    assert "other toll" in r.explanations[b.id]
    assert [x["reason"] for e in r.events if e.id == r.event_of(b.id) for x in e.related] == ["other toll"]
    # Without the check, the alike articles join them.
    r, (a, b) = _resolved(annotate_one, [FIRST, SECOND], ResolverOptions(toll_apart=0.0))
    assert r.event_of(a.id) == r.event_of(b.id)


def test_a_toll_near_the_events_is_the_same_killing(annotate_one):
    r, (a, b) = _resolved(annotate_one, [FIRST, REVISED])
    assert r.event_of(a.id) == r.event_of(b.id)


def test_a_harm_told_beside_a_counted_one_takes_its_clauses_count(annotate_one):
    # "220 men killed and many wounded": the wounding names no count of its own; it is the
    # same battle's, so it is kept from a battle told with 3,000 casualties as the killing is.
    text = ("The Harbury command said Aldwick lost 220 men killed and many wounded in the fighting "
            "near the border.")
    adoc = annotate_one(text, "doc0", "2019-03-14")
    harm = {m.trigger.text: casualties(m) for m in extract_events(adoc) if m.lemma in ("kill", "wound")}
    assert harm == {"killed": 220, "wounded": 220}
    # A count far from the trigger's clause is not borrowed.
    far = annotate_one("Officials said 40 people died in floods last year. Two soldiers were wounded on "
                       "Tuesday in a clash at the border post near Harbury, the army said.", "doc1", "2019-03-14")
    wounded = [m for m in extract_events(far) if m.lemma == "wound"]
    assert wounded and casualties(wounded[0]) is None
