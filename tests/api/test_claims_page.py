"""Claims in the article view and on ``/claims``: speaker with content, certainty, filters, paging."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_articles import BASE
from fastapi.testclient import TestClient
from test_claims_articles import FactsCorpus, build_facts_store

from newsgraph.api.app import create_app


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> FactsCorpus:
    return build_facts_store(tmp_path_factory.mktemp("facts"))


@pytest.fixture()
def fclient(facts: FactsCorpus) -> Iterator[TestClient]:
    with TestClient(create_app(facts.db), base_url=BASE) as c:
        yield c


def _claim(claims: list[dict], speaker_part: str) -> dict:
    found = [c for c in claims if speaker_part in (c["speaker_text"] or "")]
    assert found, [c["speaker_text"] for c in claims]
    return found[0]


def test_claims_article_lists_claims_with_speaker_cue_and_certainty(fclient: TestClient, facts: FactsCorpus):
    doc_id = facts.ids["lisbon.txt"]
    doc = fclient.get(f"/documents/{doc_id}.json").json()
    tavares = _claim(doc["claims"], "Rui Tavares")
    assert tavares["text"] == "The government may try to break the strike"
    assert tavares["certainty"] == "hedged" and tavares["cue"] == "told"
    assert tavares["channel"] == "Reuters"
    denial = _claim(doc["claims"], "port authority")
    assert denial["certainty"] == "denied" and denial["text"] == "that ships had been diverted to Spain"
    for c in doc["claims"]:
        assert doc["text"][c["start"]:c["end"]] == c["text"]
    page = fclient.get(f"/documents/{doc_id}").text
    # The list beside the text: speaker, cue, certainty badge, kind, channel, anchor link.
    item = re.search(rf'<li class="claim" data-claim="{tavares["id"]}">(.*?)</li>', page, re.S)
    assert item, "claim missing from the list"
    body = html.unescape(item.group(1))
    assert "Rui Tavares" in body and '<span class="cue">told</span>' in body
    assert '<span class="certainty certainty-hedged">hedged</span>' in body
    assert "via Reuters" in body and f'href="#claim-{tavares["id"]}"' in body
    # In the text: an anchor where the content starts, and the content pieces tagged with the claim.
    assert f'<span class="anchor" id="claim-{tavares["id"]}"></span>' in page
    content = "".join(re.findall(rf'<span class="lay[^"]*c-content[^"]*" data-claims="[^"]*{tavares["id"]}[^"]*"[^>]*>(?:<mark[^>]*>)?([^<]*)', page))  # noqa: E501
    assert html.unescape(content) == tavares["text"]
    speaker = re.findall(rf'data-speaker-of="[^"]*{tavares["id"]}[^"]*"[^>]*>(?:<mark[^>]*>)?([^<]*)', page)
    assert "Rui Tavares" in html.unescape("".join(speaker))


def test_claims_article_shows_times_places_and_the_document_date(fclient: TestClient, facts: FactsCorpus):
    doc_id = facts.ids["lisbon.txt"]
    doc = fclient.get(f"/documents/{doc_id}.json").json()
    times = {t["text"]: t["value"] for t in doc["times"]}
    assert times["Monday"] == "2024-03-04"  # the Monday before the dateline's Tuesday
    assert doc["date"]["value"] == "2024-03-05" and doc["date"]["inferred"] is False
    places = {p["name"]: p for p in doc["places"]}
    assert places["Lisbon"]["country"] == "PT" and abs(places["Lisbon"]["lat"] - 38.7) < 0.2
    assert places["Lisbon"]["map_url"] == f"/map?focus={places['Lisbon']['geonameid']}&zoom=4"
    page = fclient.get(f"/documents/{doc_id}").text
    assert '<small class="tval">2024-03-04</small>' in page
    assert re.search(r'class="lay[^"]*t-time[^"]*"[^>]*title="Monday = 2024-03-04', page)
    assert re.search(r'class="lay[^"]*t-place[^"]*"[^>]*title="[^"]*Lisbon → Lisbon, PT \(38\.7', page)
    assert f'href="{html.escape(places["Lisbon"]["map_url"])}"' in page


def test_claims_article_segments_keep_text_and_escape_markup(fclient: TestClient, facts: FactsCorpus):
    doc_id = facts.ids["nairobi.txt"]
    doc = fclient.get(f"/documents/{doc_id}.json").json()
    joined = "\n".join("".join(s["text"] for s in para) for para in doc["paragraphs"])
    assert joined.split() == doc["text"].split()
    for para in doc["paragraphs"]:  # pieces tile each paragraph without gaps or overlaps
        for a, b in itertools.pairwise(para):
            assert a["end"] == b["start"]
    page = fclient.get(f"/documents/{doc_id}").text
    assert "<b>" not in page and "&lt;b&gt;" in page and "&lt;/b&gt;" in page


def test_claims_page_lists_and_filters(fclient: TestClient, facts: FactsCorpus):
    everything = fclient.get("/claims.json").json()
    assert everything["pager"]["total"] == len(everything["claims"]) >= 5
    counts = {f["value"]: f["count"] for f in everything["certainties"]}
    assert counts["hedged"] >= 2 and counts["denied"] >= 1 and counts["asserted"] >= 1

    hedged = fclient.get("/claims.json?certainty=hedged").json()
    assert hedged["claims"] and all(c["certainty"] == "hedged" for c in hedged["claims"])
    assert len(hedged["claims"]) == counts["hedged"]

    anon = fclient.get("/claims.json?speaker_kind=anonymous").json()
    assert anon["claims"] and all(c["speaker_kind"] == "anonymous" for c in anon["claims"])

    by_speaker = fclient.get("/claims.json?speaker=odhiambo").json()
    assert [c["speaker_text"] for c in by_speaker["claims"]] == ["Kenya's interior minister, Amina Odhiambo"]

    one_doc = fclient.get(f"/claims.json?doc={facts.ids['nairobi.txt']}").json()
    assert one_doc["claims"] and {c["doc"] for c in one_doc["claims"]} == {facts.ids["nairobi.txt"]}
    assert one_doc["doc_title"] == "Floods close roads around Nairobi"

    page = fclient.get("/claims?certainty=denied")
    assert page.status_code == 200
    assert "that ships had been diverted to Spain" in page.text
    assert "The government may try to break the strike" not in page.text
    assert fclient.get("/claims.json?certainty=maybe").status_code == 422


def test_claims_page_pages(fclient: TestClient, facts: FactsCorpus):
    from newsgraph.api.views.claims import claims_view
    from newsgraph.store import Store

    with Store(facts.db, readonly=True) as store:
        first = claims_view(store, per_page=2)
        second = claims_view(store, page=2, per_page=2)
    assert len(first.claims) == 2 and first.pager.next_url == "/claims?page=2"
    assert {c.id for c in first.claims}.isdisjoint({c.id for c in second.claims})


def test_claims_export_records_follow_the_contract(facts: FactsCorpus, tmp_path: Path):
    import io
    import json

    from newsgraph.export.jsonl import write_jsonl
    from newsgraph.store import Store

    out = io.StringIO()
    with Store(facts.db, readonly=True) as store:
        counts = write_jsonl(store, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    docs = {r["id"]: r for r in records if r["kind"] == "document"}
    claims = [r for r in records if r["kind"] == "claim"]
    assert counts["claim"] == len(claims) >= 5
    assert all("published_inferred" in d for d in docs.values())
    for c in claims:
        for key in ("id", "doc", "start", "end", "text", "speaker", "speaker_text", "cue", "certainty",
                    "speaker_kind", "quote_type", "channel", "hedge", "sentence"):
            assert key in c, key
        assert docs[c["doc"]]["text"][c["start"]:c["end"]] == c["text"]
        # The speaker is the resolved entity of the speaker span (or null when none is linked).
        assert c["speaker"] is None or c["speaker"] in {r["id"] for r in records if r["kind"] == "entity"}
        assert c["certainty"] in ("asserted", "hedged", "denied")
        s = c["sentence"]
        assert docs[c["doc"]]["text"][s["start"]:s["end"]] == s["text"]
    tavares = next(c for c in claims if c["speaker_text"] and "Rui Tavares" in c["speaker_text"])
    assert tavares["channel"]["text"] == "Reuters" and tavares["hedge"]["text"] == "may"


def test_claims_link_the_events_they_report(fclient: TestClient, facts: FactsCorpus):
    doc_id = facts.ids["nairobi.txt"]
    doc = fclient.get(f"/documents/{doc_id}.json").json()
    aid = _claim(doc["claims"], "Amina Odhiambo")
    assert aid["text"] == "the government would send aid to families in Kisumu"
    triggers = {e["trigger"]: e for e in aid["events"]}
    assert "send" in triggers  # the event inside the claim's content
    send = triggers["send"]
    assert send["event"] and send["url"] == f"/events/{send['event']}" and send["type"]
    assert send["trigger"] in aid["text"]
    # Claims reporting no event say so with an empty list.
    assert _claim(doc["claims"], "source")["events"] == []
    # The article's claims panel links the event page with its type and trigger.
    page = fclient.get(f"/documents/{doc_id}").text
    item = re.search(rf'<li class="claim" data-claim="{aid["id"]}">(.*?)</li>', page, re.S)
    assert item
    assert f'<a class="claim-event" href="{send["url"]}"' in item.group(1)
    assert f'<span class="tag evtype">{send["type"]}</span> “send”' in item.group(1)
    # The claims list and its JSON twin.
    listed = {c["id"]: c for c in fclient.get(f"/claims.json?doc={doc_id}").json()["claims"]}
    assert [e["event"] for e in listed[aid["id"]]["events"]] == [e["event"] for e in aid["events"]]
    row = re.search(rf'<tr class="claim-row" data-claim="{aid["id"]}">(.*?)</tr>', fclient.get(
        f"/claims?doc={doc_id}").text, re.S)
    assert row and f'href="{send["url"]}"' in row.group(1)


def test_claims_event_page_says_which_claim_reports_it(fclient: TestClient, facts: FactsCorpus):
    doc_id = facts.ids["nairobi.txt"]
    doc = fclient.get(f"/documents/{doc_id}.json").json()
    aid = _claim(doc["claims"], "Amina Odhiambo")
    send = next(e for e in aid["events"] if e["trigger"] == "send")
    event = fclient.get(f"{send['url']}.json").json()
    (mention,) = [m for m in event["evidence"] if m["id"] == send["mention"]]
    claim = mention["claim"]
    assert claim["id"] == aid["id"] and "Amina Odhiambo" in claim["speaker"]
    assert (claim["cue"], claim["certainty"]) == ("said", aid["certainty"])
    assert claim["url"] == f"/documents/{doc_id}#claim-{aid['id']}"
    page = fclient.get(send["url"]).text
    via = re.search(rf'<p class="reported-via small" data-claim="{aid["id"]}">(.*?)</p>', page, re.S)
    assert via, "no 'reported via' line on the event page"
    body = html.unescape(via.group(1))
    assert "Amina Odhiambo" in body and '<em class="cue">said</em>' in body
    assert f'href="{html.escape(claim["url"])}"' in via.group(1)


def test_claims_speaker_links_to_its_entity_in_list_json_and_api(fclient: TestClient, facts: FactsCorpus):
    listed = fclient.get("/claims.json").json()["claims"]
    odhiambo = _claim(listed, "Amina Odhiambo")
    who = odhiambo["speaker_entity"]
    assert who and who["name"] == "Amina Odhiambo" and who["url"] == f"/entities/{who['id']}"
    assert f'href="/entities/{who["id"]}"' in fclient.get("/claims?speaker=odhiambo").text
    # The entity's page links its claims; the list narrowed to that speaker says whose they are.
    assert f"/claims?entity={who['id']}" in fclient.get(f"/entities/{who['id']}").text
    by = fclient.get(f"/claims.json?entity={who['id']}").json()
    assert by["claims"] and all(c["speaker_entity"]["id"] == who["id"] for c in by["claims"])
    assert by["entity"]["name"] == "Amina Odhiambo" and by["pager"]["total"] == len(by["claims"])
    # /api/claims: the same records, paged, filtered the same way.
    api = fclient.get("/api/claims", params={"limit": 2}).json()
    assert api["ok"] and api["total"] == len(listed) and len(api["claims"]) == 2
    api_by = fclient.get("/api/claims", params={"entity": who["id"]}).json()
    assert {c["id"] for c in api_by["claims"]} == {c["id"] for c in by["claims"]}
    assert api_by["claims"][0]["speaker_entity"] == {"id": who["id"], "name": "Amina Odhiambo",
                                                     "type": who["type"]}
    hedged = fclient.get("/api/claims", params={"certainty": "hedged"}).json()["claims"]
    assert hedged and {c["certainty"] for c in hedged} == {"hedged"}
    assert fclient.get("/api/claims", params={"certainty": "maybe"}).status_code == 422
    assert fclient.get("/api/claims", params={"entity": "E0000000000000000"}).json()["total"] == 0
    assert "/api/claims" in fclient.get("/openapi.json").json()["paths"]
