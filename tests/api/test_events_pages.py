"""Event pages and the event JSON API: one killing reported by two articles is one event with
both sources and both evidence sentences (articles in ``resolved_articles``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_articles import BASE
from fastapi.testclient import TestClient
from resolved_articles import Resolved, build, entity_at

from newsgraph.api.app import create_app


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Resolved:
    return build(tmp_path_factory.mktemp("events"))


@pytest.fixture()
def client(resolved: Resolved) -> Iterator[TestClient]:
    with TestClient(create_app(resolved.db), base_url=BASE) as c:
        yield c


def _killing(client: TestClient) -> dict:
    events = client.get("/events.json?type=ASSAULT&min_sources=2").json()["events"]
    assert len(events) == 1, events
    return events[0]


def test_events_page_lists_both_sources_of_one_killing(client: TestClient, resolved: Resolved):
    ev = _killing(client)
    farouk = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Ahmed Farouk")
    data = client.get(f"/events/{ev['id']}.json").json()
    e = data["event"]
    assert e["type"] == "ASSAULT" and e["source_count"] == 2 and e["publisher_count"] == 2
    assert sorted(data["sources"]) == sorted(resolved.ids.values())
    assert farouk in [t["entity"] for t in e["targets"]]
    assert e["location"]["name"] == "Karachi"
    assert e["date"] == {"start": "2021-05-10", "end": "2021-05-10", "precision": "day"}
    # One report sits inside "…, police said", the other states it plainly: the event is not
    # "reported" (a flag holds for an event only when every report carries it).
    assert any(m["reported_via"] for m in data["evidence"]) and e["flags"] == []
    docs = {m["doc"] for m in data["evidence"]}
    assert docs == set(resolved.ids.values())
    triggers = {m["trigger"] for m in data["evidence"]}
    assert "killed" in triggers
    for m in data["evidence"]:
        assert m["trigger"] in (m["before"] + m["trigger"] + m["after"])

    html = client.get(f"/events/{ev['id']}").text
    assert html.count('<mark class="trigger">') == len(data["evidence"]) >= 2
    assert f'href="/entities/{farouk}"' in html
    assert "Gunmen kill opposition leader Ahmed Farouk in Karachi" in html  # the article's title
    assert "Karachi mourns Ahmed Farouk" in html
    assert "2 sources · 2 independent reports" in html
    # Each report says why it is counted in the event: the first, and what tied the other
    # article's report to it (an analyst can check the "2 sources").
    joined = [m["joined"] for m in data["evidence"]]
    assert "first report of the event" in joined
    assert any(j.startswith("tied to a report in another article: ") for j in joined), joined
    assert html.count('class="joined-reason"') == len(data["evidence"])


def test_events_list_filters(client: TestClient, resolved: Resolved):
    farouk = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Ahmed Farouk")
    everything = client.get("/events.json").json()
    assert everything["pager"]["total"] >= 2
    assert {e["type"] for e in client.get("/events.json?type=ASSAULT").json()["events"]} == {"ASSAULT"}
    as_target = client.get(f"/events.json?target={farouk}").json()["events"]
    assert any(e["type"] == "ASSAULT" for e in as_target)
    by_text = client.get("/events.json?actor=gunmen").json()["events"]
    assert [e["type"] for e in by_text] == ["ASSAULT"]
    assert client.get("/events.json?place=karachi&type=ASSAULT").json()["pager"]["total"] == 1
    assert client.get("/events.json?since=2021-05&until=2021-05-31&type=ASSAULT").json()["pager"]["total"] == 1
    assert client.get("/events.json?until=2020&type=ASSAULT").json()["pager"]["total"] == 0
    planned = client.get("/events.json?flag=hypothetical").json()["events"]
    assert planned and all(e["flags"] for e in planned)
    assert client.get("/events.json?flag=nonsense").status_code == 422
    assert client.get("/events.json?since=May").status_code == 422
    html = client.get("/events?type=ASSAULT").text
    assert 'id="events-table"' in html and "ASSAULT" in html


def test_events_api_and_errors(client: TestClient):
    ev = _killing(client)
    r = client.get("/api/events?type=ASSAULT&min_sources=2").json()
    assert r["ok"] and r["total"] == 1 and r["events"][0]["id"] == ev["id"]
    one = client.get(f"/api/events/{ev['id']}").json()["event"]
    assert len({m["doc"] for m in one["mentions"]}) == 2 and one["flags"]["negated"] is False
    for m in one["mentions"]:
        assert m["sentence"]["start"] <= m["trigger"]["start"] < m["trigger"]["end"] <= m["sentence"]["end"]
    missing = client.get("/api/events/ev_0000000000000000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E503"
    assert client.get("/events/ev_0000000000000000").status_code == 404


def test_events_page_shows_the_claim_a_report_comes_through(client: TestClient, resolved: Resolved):
    ev = _killing(client)
    data = client.get(f"/events/{ev['id']}.json").json()
    via = [m for m in data["evidence"] if m["claim"]]
    # "Gunmen killed … on Monday, police said." — the killing is reported through the police's
    # claim; "Ahmed Farouk was shot dead …" is stated by the paper itself.
    assert len(via) == 1 and via[0]["doc"] == resolved.ids["farouk_a.txt"]
    claim = via[0]["claim"]
    assert (claim["speaker"], claim["cue"], claim["speaker_kind"]) == ("police", "said", "collective")
    assert claim["certainty"] == "asserted" and via[0]["trigger"] in claim["text"]
    assert claim["url"] == f"/documents/{via[0]['doc']}#claim-{claim['id']}"
    assert all(m["claim"] is None for m in data["evidence"] if m["doc"] == resolved.ids["farouk_b.txt"])
    html = client.get(f"/events/{ev['id']}").text
    assert f'<p class="reported-via small" data-claim="{claim["id"]}">' in html
    assert f'<a href="{claim["url"]}" title="' in html
    # And the article's claims panel points back at the event.
    doc = client.get(f"/documents/{via[0]['doc']}.json").json()
    (reporting,) = [c for c in doc["claims"] if c["id"] == claim["id"]]
    assert ev["id"] in [e["event"] for e in reporting["events"]]


@pytest.fixture(scope="module")
def related_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    from related_articles import build as build_related

    db, ids = build_related(tmp_path_factory.mktemp("related"))
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c, ids


def test_event_page_shows_related_events_apart_from_its_reports(related_client):
    client, ids = related_client
    events = client.get("/events.json?type=ASSAULT").json()["events"]
    attack = next(e for e in events if e["trigger"] == "attacked")
    data = client.get(f"/events/{attack['id']}.json").json()
    # Its own reports: the one article that says it happened.
    assert {m["doc"] for m in data["evidence"]} == {ids["happened"]} and data["sources"] == [ids["happened"]]
    assert data["event"]["source_count"] == 1
    # The planned attacks: related, with the reason, never among the sources.
    related = data["related"]
    assert len(related) == 1 and related[0]["reason"] == "modality differs"
    assert related[0]["doc"] == ids["planned"] and related[0]["trigger"] == "attacks"
    assert related[0]["id"] not in {m["id"] for m in data["evidence"]}
    html = client.get(f"/events/{attack['id']}").text
    assert 'id="event-related"' in html and "not the same occurrence" in html
    assert "kept apart: <strong>modality differs</strong>" in html
    evidence = html[html.index('id="event-evidence"'):html.index('id="event-related"')]
    assert "planning" not in evidence  # the warning's sentence is shown only as related
    # The API gives the same links, and the other event points back.
    api = client.get(f"/api/events/{attack['id']}").json()["event"]
    assert [r["event"] for r in api["related"]] == [related[0]["id"]]
    back = client.get(f"/events/{related[0]['id']}.json").json()["related"]
    assert [r["id"] for r in back] == [attack["id"]]


def test_document_events_panel_groups_by_type_and_points_at_the_sentence(client: TestClient):
    """The article page lists its events by type without repeating their sentence: each links
    to the sentence's anchor in the text, whose pieces carry the event mention."""
    import re

    doc_id = client.get(f"/events/{_killing(client)['id']}.json").json()["sources"][0]
    doc = client.get(f"/documents/{doc_id}.json").json()
    assert doc["events"]
    groups = doc["event_groups"]
    in_text_order = [e["mention"] for e in doc["events"]]
    for g in groups:  # one type each, in text order
        assert {e["type"] for e in g["events"]} == {g["type"]}
        assert [e["mention"] for e in g["events"]] == [m for m in in_text_order
                                                        if m in {e["mention"] for e in g["events"]}]
    assert sorted(e["mention"] for g in groups for e in g["events"]) == sorted(e["mention"] for e in doc["events"])
    assert [len(g["events"]) for g in groups] == sorted((len(g["events"]) for g in groups), reverse=True)
    page = client.get(f"/documents/{doc_id}").text
    panel = page[page.index('<details class="side-sec" id="events"'):]
    panel = panel[:panel.index('id="times"')]
    text = page[page.index('<section class="text"'):page.index("</section>")]
    for ev in doc["events"]:
        assert f'href="#ev-{ev["mention"]}"' in panel
        assert f'id="ev-{ev["mention"]}"' in text
        assert re.search(rf'data-evs="[^"]*\b{re.escape(ev["mention"])}\b', text)
        assert f'<div class="sentence">{ev["sentence"]}' not in panel


def test_entity_and_search_pages_draw_a_timeline_panel(client: TestClient, resolved: Resolved):
    """The entity page and the search page carry the timeline's drawing (the events and
    articles over time); its axis labels open the timeline, or narrow the search, to a date."""
    import re

    farouk = entity_at(resolved.db, resolved.ids["farouk_a.txt"], "Ahmed Farouk")
    killing = _killing(client)
    page = client.get(f"/entities/{farouk}").text
    panel = page[page.index('id="entity-timeline"'):]
    panel = panel[:panel.index("</section>")]
    assert f'href="/events/{killing["id"]}"' in panel and ">ASSAULT</text>" in panel
    assert re.search(rf'href="/timeline\?entity={farouk}&amp;since=\d{{4}}', panel)
    page = client.get("/search?q=Farouk").text
    panel = page[page.index('id="search-timeline"'):]
    panel = panel[:panel.index("</section>")]
    assert f'href="/events/{killing["id"]}"' in panel
    assert re.search(r'href="/search\?q=Farouk&amp;since=\d{4}', panel)
    # A search with no hit draws nothing.
    assert 'id="search-timeline"' not in client.get("/search?q=zzqxv").text
