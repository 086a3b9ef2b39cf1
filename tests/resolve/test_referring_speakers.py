"""A claim's pronoun speaker is the entity entity resolution links the pronoun to: the
claims stage's own reading of "he said" (from the paragraph alone) is not the export's
word where resolution leaves the pronoun out."""

from __future__ import annotations

from pathlib import Path

from event_coref_helpers import export_article

from newsgraph.api.views.document import document_view
from newsgraph.store import Store


def test_he_said_that_resolution_leaves_out_names_no_speaker(tmp_path: Path, store: Store):
    # The claims stage gives "he" to Tom Walsh by salience; but the nearer subject is an
    # unnamed lawyer, and resolution keeps no link: the claim's speaker is no entity, and
    # its text is the pronoun as written.
    records = export_article(tmp_path, store, (
        "Talks in Leeds\n\n"
        "A lawyer for Peter Jones met Tom Walsh in Leeds on Monday.\n\n"
        '"The talks went well and we expect a deal within the month," he said.\n'))
    claim = next(r for r in records if r["kind"] == "claim" and "talks went well" in r["text"])
    assert claim["speaker"] is None
    assert claim["speaker_text"] == "he" and claim["speaker_ref"] is None
    assert claim["speaker_span"]["text"] == "he"
    # The article page shows the same reading as the export.
    view = document_view(store, claim["doc"])
    assert view is not None
    assert [c.speaker_text for c in view.claims if "talks went well" in c.text] == ["he"]


def test_he_said_that_resolution_links_is_that_persons_claim(tmp_path: Path, store: Store):
    records = export_article(tmp_path, store, (
        "Talks in Leeds\n\n"
        "Tom Walsh met union leaders in Leeds on Monday.\n\n"
        '"The talks went well and we expect a deal within the month," he said.\n'))
    walsh = next(r for r in records if r["kind"] == "entity" and r["name"] == "Tom Walsh")
    claim = next(r for r in records if r["kind"] == "claim" and "talks went well" in r["text"])
    assert claim["speaker"] == walsh["id"] and claim["speaker_text"] == "Tom Walsh"
