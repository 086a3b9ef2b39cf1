"""What a worker prepares of one document for corpus resolution are the answers the
resolving process would find itself, and adopting them spares it the tables."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.nlp import crosslingual_names as crosslingual
from newsgraph.per_document import process_for_shipping
from newsgraph.resolve.entities import names
from newsgraph.resolve.events import occurrence
from newsgraph.resolve.prepare import adopt
from newsgraph.settings import Options

TEXT = ("Strike closes the harbour of Port Anselm\n\nMonday, March 1, 2021\n\n"
        "Workers of the Anselm Harbour Workers Union struck in Dublin, Ireland, on Friday, "
        "union leader Mirela Dostan said. Dostan told reporters in Paris that the union "
        "would meet the Veloria Port Authority. \"We are ready,\" Ms Dostan said.\n")


def test_a_shipped_document_carries_the_answers_resolution_would_find():
    [(adoc, _facts)] = process_for_shipping([Document(id="d1", path="d1.txt", text=TEXT)], Options())
    prep = adoc.prepared
    assert prep is not None and adoc.doc is None
    assert {"Dublin", "Ireland", "Paris"} <= set(prep.readings)
    assert prep.readings["Ireland"] is not None and prep.readings["Ireland"][1] == "IE"
    assert any(p.tokens == ("mirela", "dostan") for p in prep.names.values())
    # the same functions here give the same answers (computed afresh, not remembered)
    for name, reading in prep.readings.items():
        assert occurrence._looked_up.__wrapped__(name) == reading
    for surface, parsed in prep.names.items():
        assert names._parse_name.__wrapped__(surface) == parsed
    for tokens, kind in prep.kinds.items():
        assert crosslingual._index()[2].get(crosslingual._key(tokens)) == kind


def test_adopted_answers_are_given_without_a_look_up(monkeypatch):
    [(adoc, _)] = process_for_shipping([Document(id="d2", path="d2.txt", text=TEXT)], Options())

    def no_lookup(*_args):
        raise AssertionError("looked up although prepared")

    adopt(adoc.prepared)
    monkeypatch.setattr(occurrence, "_looked_up", no_lookup)
    monkeypatch.setattr(names, "_parse_name", no_lookup)
    assert occurrence.place_readings(["Dublin"]) == [adoc.prepared.readings["Dublin"]]
    surface = next(iter(adoc.prepared.names))
    assert names.parse_name(surface) == adoc.prepared.names[surface]


def test_story_vectors_computed_beforehand_give_the_index_what_it_would_embed_itself():
    import numpy as np

    from newsgraph.resolve.stories import MemoryRecords, StoryIndex, document_vectors

    first = Document(id="a", path="a.txt", title="Harbour strike ends", text=TEXT)
    spun = Document(id="b", path="b.txt", title="Harbour walkout ends",
                    text=TEXT.replace("struck", "walked out").replace("reporters", "journalists"))
    other = Document(id="c", path="c.txt", title="Rail fares rise",
                     text="Rail fares in Tarvik rise by four percent from January, the Brevik Rail "
                          "Authority said on Tuesday. Commuters said the rise was unfair.\n")
    here, given = MemoryRecords(), MemoryRecords()
    links_here = StoryIndex(records=here).add([first, spun, other])
    links_given = StoryIndex(records=given).add(
        [first, spun, other], vectors={d.id: document_vectors(d) for d in (first, spun, other)})
    assert links_given == links_here
    for doc_id in "abc":
        assert np.array_equal(given.get(doc_id).vectors, here.get(doc_id).vectors)
