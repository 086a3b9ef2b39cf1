"""The text overlay (api/overlay.py): an event mention's sentence as a layer of pieces."""

from __future__ import annotations

from newsgraph.api.overlay import TextLayers, overlay_paragraphs

TEXT = "Rain fell all night. Rebels attacked the depot at dawn, the army said.\n\nTalks resume today."


def test_overlay_event_sentence_marks_its_pieces_and_anchors_once():
    start = TEXT.index("Rebels")
    end = TEXT.index("said.") + len("said.")
    mention = {"start": TEXT.index("the depot"), "end": TEXT.index("the depot") + 9, "label": "FAC",
               "text": "the depot"}
    event = {"mention": "evm_1", "sentence": {"start": start, "end": end}}
    paragraphs = overlay_paragraphs(TEXT, TextLayers(mentions=[mention], events=[event]))
    pieces = [p for para in paragraphs for p in para]
    covered = "".join(p.text for p in pieces if "evm_1" in p.events)
    assert covered == TEXT[start:end]
    assert all(p.layered for p in pieces if p.events)
    anchored = [p for p in pieces if p.event_anchors]
    assert len(anchored) == 1 and anchored[0].start == start and anchored[0].event_anchors == ["evm_1"]
    # The mention inside the sentence is still a mention; the other paragraph is untouched.
    assert any(p.label == "FAC" and p.events == ["evm_1"] for p in pieces)
    assert not any(p.events for p in paragraphs[1])
