"""A batch processed for a worker carries each document's within-document chains built
with its own language's parse, and no parse: French and English alike, another language
read partially (nlp.partial)."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.per_document import process_for_shipping
from newsgraph.settings import Options


def test_french_and_english_documents_come_back_with_chains_and_no_parse():
    docs = [Document(id="en", path="en", text="The minister Anna Kovac met officials in Paris on Monday.",
                     language="en"),
            Document(id="fr", path="fr", text="La ministre Anna Kovac a rencontré des élus à Paris lundi.",
                     language="fr"),
            Document(id="de", path="de", text="Die Ministerin traf Beamte in Berlin.", language="de")]
    out = {item[0].document.id: item[0] for item in process_for_shipping(docs, Options())}
    assert all(a.doc is None for a in out.values())
    assert out["en"].annotated and out["fr"].annotated and out["de"].model.startswith("partial:")
    for lang in ("en", "fr"):
        names = {m.text for c in out[lang].chains for m in c.mentions}
        assert "Anna Kovac" in names and "Paris" in names, (lang, names)
