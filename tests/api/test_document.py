"""The article view: metadata, mentions highlighted by type, boilerplate folded away."""

from __future__ import annotations

import re

from api_articles import Corpus
from fastapi.testclient import TestClient


def test_document_mentions_are_marked_where_the_store_says(client: TestClient, corpus: Corpus):
    doc_id = corpus.ids["harbour.txt"]
    doc = client.get(f"/documents/{doc_id}.json").json()
    assert doc["mentions"], "the annotator found no entity in the harbour article"
    page = client.get(f"/documents/{doc_id}").text
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
        assert f'data-label="{m["label"]}" data-start="{m["start"]}" data-end="{m["end"]}"' in page
    marked = re.findall(
        r'<mark data-label="(\w+)" data-start="\d+" data-end="\d+" title="[^"]*">([^<]*)</mark>', page)
    assert ("PERSON", "Mirela Dostan") in marked
    # Segments put back together give the clean text, paragraph by paragraph.
    joined = "\n".join("".join(s["text"] for s in para) for para in doc["paragraphs"])
    assert joined.split() == doc["text"].split()


def test_document_legend_lists_each_label_with_its_count(client: TestClient, corpus: Corpus):
    doc = client.get(f"/documents/{corpus.ids['harbour.txt']}.json").json()
    counts: dict[str, int] = {}
    for m in doc["mentions"]:
        counts[m["label"]] = counts.get(m["label"], 0) + 1
    assert {item["label"]: item["count"] for item in doc["legend"]} == counts
    assert all(item["description"] for item in doc["legend"])
    page = client.get(f"/documents/{corpus.ids['harbour.txt']}").text
    assert 'class="legend"' in page


def test_document_shows_metadata_and_folds_removed_blocks(client: TestClient, corpus: Corpus):
    doc_id = corpus.ids["harbour.txt"]
    doc = client.get(f"/documents/{doc_id}.json").json()
    assert doc["published"] == "2025-03-07"
    assert doc["removed"], "the cleaner removed nothing from an article with site chrome"
    page = client.get(f"/documents/{doc_id}").text
    for label in ("Published", "Publisher", "Attributed to", "Language", "Path"):
        assert f"<dt>{label}</dt>" in page
    assert "2025-03-07" in page
    folded = page[page.index('<details class="removed"'):page.index("</details>")]
    assert "<details" in folded and " open" not in folded.split(">")[0]
    for block in doc["removed"]:
        assert block["kind"] in folded
    assert "Advertisement" in folded
    assert "Advertisement" not in page[page.index('<section class="text"'):page.index("</section>")]
    assert f'href="/documents/{doc_id}/raw"' in page


def test_document_entities_link_to_a_search(client: TestClient, corpus: Corpus):
    doc = client.get(f"/documents/{corpus.ids['harbour.txt']}.json").json()
    names = {e["name"]: e for e in doc["entities"]}
    assert "Mirela Dostan" in names
    hits = client.get(names["Mirela Dostan"]["search_url"].replace("/search", "/search.json")).json()
    assert corpus.ids["harbour.txt"] in [h["id"] for h in hits["hits"]]


def test_document_api_and_mentions_endpoint_agree(client: TestClient, corpus: Corpus):
    doc_id = corpus.ids["harbour.txt"]
    api = client.get(f"/api/documents/{doc_id}").json()["document"]
    mentions = client.get(f"/api/documents/{doc_id}/mentions").json()
    assert mentions["doc"] == doc_id
    assert mentions["mentions"] == api["mentions"]
    assert api["text"] == client.get(f"/documents/{doc_id}.json").json()["text"]


def test_index_and_list_show_the_store(client: TestClient, corpus: Corpus):
    home = client.get("/.json").json()
    assert home["stats"]["documents"] == 3
    assert {d["id"] for d in home["recent"]} == set(corpus.ids.values())
    listing = client.get("/documents.json").json()
    assert listing["pager"]["total"] == 3 and len(listing["documents"]) == 3
    assert "Harbour workers end strike" in client.get("/documents").text
