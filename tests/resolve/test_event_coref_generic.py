"""Across articles, a report of a kind of act ("house arrest for terror suspects", "powers
to detain") is no occurrence two articles can share: it joins no report in another article
(ResolverOptions.generic_apart; extract/events/genericity).  Texts written for the test."""

from __future__ import annotations

from newsgraph.extract.events import extract_events
from newsgraph.resolve.events import EventResolver, ResolverOptions

# Two articles of one debate about a security bill: each speaks of house arrest as a
# measure, and the articles are much alike.
DEBATE = {
    "monday": ("Ministers defended the security bill on Monday. The bill brings in house arrest for "
               "terror suspects, the interior minister said. Opposition leaders in Velmar said "
               "the security bill went too far."),
    "tuesday": ("Opposition leaders in Velmar attacked the security bill. The bill brings in house "
                "arrest for terror suspects, which critics called a breach of rights. Ministers "
                "defended the security bill."),
}


def _arrests(annotate_one, options: ResolverOptions | None = None) -> tuple[EventResolver, list]:
    r = EventResolver(options=options)
    found = []
    for (doc, text), day in zip(DEBATE.items(), ("2024-03-04", "2024-03-05"), strict=True):
        for m in extract_events(annotate_one(text, doc, None)):
            if m.trigger.text == "arrest":
                r.add(m, story="one story", context=text, published=day)
                found.append(m)
    return r, found


def test_a_measure_discussed_in_two_articles_is_not_one_occurrence(annotate_one):
    r, found = _arrests(annotate_one)
    assert len(found) == 2 and all(m.flags.generic for m in found)
    assert r.event_of(found[0].id) != r.event_of(found[1].id)
    # Taken as occurrences, the alike sentences of one story would have joined them.
    r, found = _arrests(annotate_one, ResolverOptions(generic_apart=False))
    assert r.event_of(found[0].id) == r.event_of(found[1].id)
