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


def test_a_kind_of_act_and_an_occurrence_in_one_article_are_two_events(annotate_one):
    text = ("Under the act any foreign national suspected of links with terror groups can be detained. "
            "Police detained two men from Velmar under the act on Monday, officials said.")
    r = EventResolver()
    found = [m for m in extract_events(annotate_one(text, "act", None)) if m.trigger.text == "detained"]
    for m in found:
        r.add(m, story="one story", context=text)
    assert len(found) == 2 and found[0].flags.generic and not found[1].flags.generic
    assert r.event_of(found[0].id) != r.event_of(found[1].id)
    # Without the check the two were one event.
    r = EventResolver(options=ResolverOptions(generic_within=False))
    for m in found:
        r.add(m, story="one story", context=text)
    assert r.event_of(found[0].id) == r.event_of(found[1].id)


# One statement with a condition, quoted word for word by two articles about one bid.
BID = {
    "first": ("Harbour Freight rejected the bid on Monday. Its chairman, Ana Dovic, said shareholders "
              "could get more if the board would agree to a sale of the ferry unit."),
    "second": ("Harbour Freight shares rose on Tuesday. Its chairman, Ana Dovic, said shareholders "
               "could get more if the board would agree to a sale of the ferry unit."),
}


def _agreements(annotate_one, options: ResolverOptions | None = None) -> tuple[EventResolver, list]:
    r = EventResolver(options=options)
    found = []
    for (doc, text), day in zip(BID.items(), ("2024-03-04", "2024-03-05"), strict=True):
        for m in extract_events(annotate_one(text, doc, None)):
            if m.trigger.text == "agree":
                r.add(m, story="one story", context=text, published=day)
                found.append(m)
    return r, found


def test_an_act_under_a_condition_quoted_twice_is_not_one_occurrence(annotate_one):
    r, found = _agreements(annotate_one)
    assert len(found) == 2 and all(m.flags.hypothetical and "if" in m.flags.cues for m in found)
    assert r.event_of(found[0].id) != r.event_of(found[1].id)
    # The same words would have joined them as one act (a copied plan naming nobody is kept
    # apart too: ``planned_needs_participant``).
    r, found = _agreements(annotate_one, ResolverOptions(conditional_apart=False, planned_needs_participant=False))
    assert r.event_of(found[0].id) == r.event_of(found[1].id)
