"""Story, link, signal and publisher pages on articles the tests contain (``stories_articles``),
ingested through the pipeline: a republished copy, a spun copy, an unrelated article on the
same topic, and two independent reports of one ferry sinking."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_articles import BASE
from fastapi.testclient import TestClient
from stories_articles import MINE_COPY, StoryCorpus, build_story_corpus

from newsgraph.api.app import create_app


@pytest.fixture(scope="module")
def sc(tmp_path_factory: pytest.TempPathFactory) -> StoryCorpus:
    return build_story_corpus(tmp_path_factory.mktemp("stories"))


@pytest.fixture()
def client(sc: StoryCorpus) -> Iterator[TestClient]:
    with TestClient(create_app(sc.db), base_url=BASE) as c:
        yield c


def _text(segments: list[dict]) -> str:
    return "".join(s["text"] for s in segments)


def test_copy_with_boilerplate_shows_its_shared_passage_side_by_side(client: TestClient, sc: StoryCorpus):
    a, b = sc.ids["mine"], sc.ids["mine_copy"]
    data = client.get(f"/links/{a}/{b}.json").json()
    assert data["ok"] and data["kind"] == "copy" and data["a"]["id"] == a and data["b"]["id"] == b
    shared = [p for p in data["pairs"] if p["kind"] == "shared"]
    assert shared
    passage = _text(shared[0]["a"])
    assert passage == _text(shared[0]["b"])  # verbatim on both sides
    assert "ventilation shaft about 300 metres" in passage
    # The aggregator's chrome was cleaned away: it is in no passage, and the copy's own paragraph
    # is not presented as shared.
    assert not any("Subscribe" in _text(p["b"]) or "more frequent across the region" in _text(p["b"])
                   for p in shared)
    # Either order of the pair answers with the stored orientation (a = the earlier article).
    assert client.get(f"/links/{b}/{a}.json").json()["a"]["id"] == a
    html = client.get(f"/links/{a}/{b}").text
    assert html.count("ventilation shaft about 300 metres") >= 2  # left and right columns
    assert 'class="sbs-row shared"' in html


def test_spun_copy_is_a_spin_with_aligned_sentences_and_swaps_marked(client: TestClient, sc: StoryCorpus):
    a, b = sc.ids["mine"], sc.ids["mine_spun"]
    data = client.get(f"/links/{a}/{b}.json").json()
    assert data["kind"] == "spin"
    pairs = [p for p in data["pairs"] if p["kind"] == "substituted"]
    assert len(pairs) >= 3
    swaps = {(s["a"], s["b"]) for p in pairs for s in p["swaps"]}
    assert {("trapped", "stuck"), ("found", "discovered")} & swaps, swaps
    for p in pairs:
        marked_a = [s["text"].lower() for s in p["a"] if s["mark"]]
        marked_b = [s["text"].lower() for s in p["b"] if s["mark"]]
        assert marked_b and set(marked_b) <= {s["b"].lower() for s in p["swaps"]}
        assert set(marked_a) <= {s["a"].lower() for s in p["swaps"]}
    html = client.get(f"/links/{a}/{b}").text
    assert '<mark class="swap-b">' in html and '<mark class="swap-a">' in html
    # Article text inside the evidence is escaped, never markup.
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unrelated_article_on_the_same_topic_is_not_linked(client: TestClient, sc: StoryCorpus):
    other = sc.ids["other_mine"]
    doc = client.get(f"/documents/{other}.json").json()
    assert doc["links"] == []
    assert doc["story"]["size"] == 1
    assert client.get(f"/links.json?doc={other}").json()["links"] == []
    every = client.get("/links.json").json()["links"]
    assert other not in {x for lk in every for x in (lk["a"], lk["b"])}


def test_links_list_filters_by_kind(client: TestClient, sc: StoryCorpus):
    spins = client.get("/links.json?kind=spin").json()
    assert spins["links"] and {lk["kind"] for lk in spins["links"]} == {"spin"}
    assert {f["value"] for f in spins["kinds"]} >= {"copy", "spin", "same_story"}
    assert client.get("/links.json?kind=fake").status_code == 422
    html = client.get("/links").text
    assert 'id="links-table"' in html and f'href="/links/{sc.ids["mine"]}/{sc.ids["mine_copy"]}"' in html


def test_crediting_article_shows_the_republication_signal(client: TestClient, sc: StoryCorpus):
    doc = client.get(f"/documents/{sc.ids['mine_copy']}.json").json()
    assert "Source: Orvell Gazette" in MINE_COPY and doc["attributed_to"] == ["Orvell Gazette"]
    sig = {s["name"]: s for s in doc["signals"]}
    rep = sig["republication"]
    assert rep["flagged"] and rep["value"] == 1.0
    assert "Orvell Gazette" in rep["explanation"]
    assert doc["signals"][0]["flagged"]  # cues are listed first
    assert {lk["kind"] for lk in doc["links"]} >= {"copy"}
    assert doc["story"]["size"] == 3
    original = {s["name"]: s for s in client.get(f"/documents/{sc.ids['mine']}.json").json()["signals"]}
    assert not original["republication"]["flagged"]

    html = client.get(f"/documents/{sc.ids['mine_copy']}").text
    assert 'id="signals"' in html and 'data-signal="republication"' in html and "look here" in html
    for verdict in ("fake", "unreliable", "untrustworthy"):
        assert verdict not in html.lower()
    assert f'href="/links/{sc.ids["mine"]}/{sc.ids["mine_copy"]}"' in html  # the side-by-side view
    assert f'href="/stories/{doc["story"]["id"]}"' in html


def test_signal_evidence_is_shown_in_context_and_linked_to_the_text(client: TestClient, sc: StoryCorpus):
    doc = client.get(f"/documents/{sc.ids['mine_spun']}.json").json()
    spans = [(s["name"], e) for s in doc["signals"] for e in s["evidence"]]
    assert spans
    for _name, e in spans:
        assert doc["text"][e["start"]:e["end"]] == e["text"]
        assert e["fragment"] is None or e["fragment"].startswith("#:~:text=")
    html = client.get(f"/documents/{sc.ids['mine_spun']}").text
    assert 'class="sig-evidence"' in html and "#:~:text=" in html


def test_story_page_lists_both_reports_of_one_event(client: TestClient, sc: StoryCorpus):
    a, b = sc.ids["ferry_a"], sc.ids["ferry_b"]
    story_id = client.get(f"/documents/{a}.json").json()["story"]["id"]
    data = client.get(f"/stories/{story_id}.json").json()
    assert [d["id"] for d in data["timeline"]] == [a, b]  # earliest first
    assert data["publishers"] == ["Coast Times", "Lanmar Post"]
    assert data["start"] == "2025-05-12" and data["end"] == "2025-05-13"
    first, second = data["timeline"]
    assert first["first"] and first["link"] is None
    assert second["link"]["kind"] == "same_story" and second["link"]["to_first"]  # independent report
    assert data["events"] and all(e["url"].startswith("/events/") for e in data["events"])
    html = client.get(f"/stories/{story_id}").text
    assert "Ferry sinks off Serrat, six missing" in html and "Survivors of Blue Heron sinking brought ashore" in html
    assert 'id="story-timeline"' in html and 'id="story-events"' in html


def test_copy_story_timeline_and_list_filters(client: TestClient, sc: StoryCorpus):
    story_id = client.get(f"/documents/{sc.ids['mine']}.json").json()["story"]["id"]
    data = client.get(f"/stories/{story_id}.json").json()
    kinds = {d["id"]: (d["link"] or {}).get("kind") for d in data["timeline"]}
    assert kinds == {sc.ids["mine"]: None, sc.ids["mine_copy"]: "copy", sc.ids["mine_spun"]: "spin"}
    everything = client.get("/stories.json").json()
    assert everything["pager"]["total"] == 3
    assert [s["size"] for s in client.get("/stories.json?min_size=2").json()["stories"]] == [3, 2]
    assert [s["id"] for s in client.get("/stories.json?min_size=3").json()["stories"]] == [story_id]
    assert client.get("/stories.json?since=2025-05").json()["pager"]["total"] == 1
    assert client.get("/stories.json?until=2025-03-31").json()["pager"]["total"] == 2
    assert client.get("/stories.json?since=May").status_code == 422
    assert client.get("/stories/nope.json").status_code == 404
    assert client.get("/links/nope/other.json").status_code == 404


def test_publishers_page_counts_originals_and_republications(client: TestClient):
    data = client.get("/publishers.json").json()
    pubs = {p["publisher"]: p for p in data["publishers"]}
    assert set(pubs) == {"Orvell Gazette", "Daily Feed", "Contentful News", "Southern Herald", "Lanmar Post",
                         "Coast Times"}
    assert pubs["Orvell Gazette"]["originals"] == 1 and pubs["Orvell Gazette"]["original_share"] == 1.0
    assert pubs["Daily Feed"]["originals"] == 0
    assert {r["name"]: r["count"] for r in pubs["Daily Feed"]["republished"]} == {"copy": 1}
    assert {r["name"] for r in pubs["Contentful News"]["republished"]} == {"spin"}
    assert {c["name"] for c in pubs["Daily Feed"]["credited"]} == {"Orvell Gazette"}
    assert pubs["Coast Times"]["originals"] == 1  # an independent report is an original
    assert "republication" in data["signal_names"]
    assert pubs["Daily Feed"]["signals"]["republication"]["flagged"] == 1
    for p in pubs.values():
        if p["claims"]:
            assert 0 <= p["named_share"] <= 1 and 0 <= p["hedged_share"] <= 1
    html = client.get("/publishers").text
    assert 'id="publishers-table"' in html and "Daily Feed" in html


def test_nav_has_stories_and_publishers(client: TestClient):
    html = client.get("/stories").text
    assert '<a href="/stories" aria-current="page">Stories</a>' in html
    assert '<a href="/publishers">Publishers</a>' in html


def test_unlinked_pair_and_the_json_api(client: TestClient, sc: StoryCorpus):
    a, b = sc.ids["mine"], sc.ids["other_mine"]
    data = client.get(f"/links/{a}/{b}.json").json()
    assert data["kind"] is None and data["pairs"] == []
    assert "Not linked" in client.get(f"/links/{a}/{b}").text
    stories = client.get("/api/stories?min_size=2").json()
    assert stories["ok"] and stories["total"] == 2
    one = client.get(f"/api/stories/{stories['stories'][0]['id']}").json()["story"]
    assert one["size"] == 3 and one["documents"][0]["first"]
    assert client.get("/api/stories/nope").status_code == 404
    spins = client.get("/api/links?kind=spin").json()["links"]
    assert spins and all(lk["kind"] == "spin" and lk["evidence_count"] > 0 for lk in spins)
    assert client.get("/api/links?kind=fake").status_code == 422
