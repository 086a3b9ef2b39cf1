"""A batch processed on a worker ships its parses back per language: a French parse is
rebuilt against the French model's vocabulary, an English one against the English one's."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.scale.remote import process_remote
from newsgraph.settings import Options


def test_french_and_english_parses_are_rebuilt_each_with_its_own_model():
    docs = [Document(id="en", path="en", text="The minister met officials in Paris on Monday.", language="en"),
            Document(id="fr", path="fr", text="La ministre a rencontré des élus à Paris lundi.", language="fr"),
            Document(id="de", path="de", text="Die Ministerin traf Beamte in Berlin.", language="de")]
    batch = process_remote(docs, Options())
    assert batch.parsed == ["en", "fr", None] and set(batch.parses) == {"en", "fr"}
    rebuilt = {item[0].document.id: item[0] for item in batch.rebuild()}
    assert rebuilt["en"].doc.lang_ == "en" and rebuilt["fr"].doc.lang_ == "fr"
    assert rebuilt["fr"].doc.text == docs[1].text and rebuilt["de"].doc is None
