"""The stored count of independent reports: a copy ingested after its original's event was
written does not add a publisher, the count and its explanation reach the event record,
the corroboration signal, ``newsgraph events --min-sources``, the event page and the export.

Fictional articles written for this test; two outlets report one bombing in their own
words, then a site of unknown publisher copies the first.
"""
# ruff: noqa: E501

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.pipeline import ingest
from newsgraph.store import Store

HERALD = {
    "title": "Bomb kills six at Velora bus station",
    "publisher": "Velora Herald",
    "date": "2022-03-08",
    "text": "A bomb exploded at the central bus station of Velora on Monday, killing six people and wounding twenty, police said.\n\n"
            "Police chief Anton Mirek said the bomb had been hidden in a bag left near the ticket office. No group has claimed the attack.\n\n"
            "The station was closed for the rest of the day while investigators searched the area.",
}
COURIER = {
    "title": "Six dead in Velora station blast",
    "publisher": "Eastern Courier",
    "date": "2022-03-08",
    "text": "Six people died on Monday when a bomb went off in a bag at the main bus station in Velora, the city's police chief Anton Mirek told reporters.\n\n"
            "Witnesses described panic as travellers fled the building. Hospitals in Velora treated twenty wounded.\n\n"
            "Mirek said investigators were studying footage from the station's cameras.",
}
# A copy on a site that names itself nowhere: the Herald's words under another page's chrome.
COPY = ("Home | World | Contact\n\n"
        "Bomb kills six at Velora bus station\n\n"
        + HERALD["text"] + "\n\n"
        "Share this article\n\nLeave a comment\n")


def _event(store: Store) -> dict:
    rows = store.conn.execute(
        "SELECT id, source_count, publisher_count, data FROM events WHERE source_count >= 2 "
        "ORDER BY source_count DESC").fetchall()
    assert rows, "the two reports of the bombing were not joined into one event"
    return {"id": rows[0][0], "sources": rows[0][1], "publishers": rows[0][2], "data": json.loads(rows[0][3])}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("corroboration")
    first, later = tmp / "first", tmp / "later"
    first.mkdir()
    later.mkdir()
    with (first / "wire.jsonl").open("w", encoding="utf-8") as fh:
        for rec in (HERALD, COURIER):
            fh.write(json.dumps(rec) + "\n")
    (later / "copied.txt").write_text(COPY, encoding="utf-8")
    db = tmp / "kb.db"
    with Store(db) as store:
        assert not ingest([first], store).failed
        before = _event(store)
        assert not ingest([later], store).failed  # the copy comes in a later batch
        after = _event(store)
        ids = {(r["publisher"] or "copy"): r["id"] for r in store.iter_documents()}
        signals = {doc: json.loads(data) for doc, data in store.conn.execute(
            "SELECT subject, data FROM signals WHERE name = 'corroboration'")}
    return {"db": db, "before": before, "after": after, "ids": ids, "signals": signals, "tmp": tmp}


def test_a_copy_ingested_later_does_not_add_a_publisher(kb: dict):
    before, after = kb["before"], kb["after"]
    assert (before["sources"], before["publishers"]) == (2, 2)
    assert after["id"] == before["id"] or after["sources"] == 3
    assert (after["sources"], after["publishers"]) == (3, 2)
    reports = after["data"]["independent"]
    assert len(reports) == 2 and after["data"]["publishers"] == 2
    herald = next(r for r in reports if r["outlet"] == "Velora Herald")
    (folded,) = herald["folded"]
    assert folded["kind"] in ("duplicate", "copy") and folded["into"] == herald["lead"]
    assert folded["reason"].endswith("of «Bomb kills six at Velora bus station»")


def test_corroboration_signals_count_the_other_outlet_once(kb: dict):
    ids, signals = kb["ids"], kb["signals"]
    assert set(ids) == {"Velora Herald", "Eastern Courier", "copy"}
    herald = signals[ids["Velora Herald"]]
    assert herald["value"] == 1.0  # the Courier; not the Herald's own copy
    assert herald["explanation"].startswith("1 other independent report of the same events: Eastern Courier.")
    assert signals[ids["copy"]]["value"] == 1.0
    courier_doc = ids["Eastern Courier"]
    courier = signals[courier_doc]
    assert courier["value"] == 1.0
    assert courier["explanation"].startswith(
        "1 other independent report of the same events: Velora Herald (and 1 copy of it on "
        "publisher unknown: «Bomb kills six at Velora bus station»)")
    for sig in signals.values():  # never a raw id in the words
        assert not re.search(r"\b[0-9a-f]{16}\b", sig["explanation"]), sig["explanation"]


def test_min_sources_page_and_export_read_the_independent_count(kb: dict):
    runner = CliRunner()
    db, event_id = str(kb["db"]), kb["after"]["id"]
    two = runner.invoke(app, ["events", "--db", db, "--min-sources", "2", "--json"])
    three = runner.invoke(app, ["events", "--db", db, "--min-sources", "3", "--json"])
    assert two.exit_code == 0 and event_id in {e["id"] for e in json.loads(two.stdout)["events"]}
    # three documents, two independent reports
    assert event_id not in {e["id"] for e in json.loads(three.stdout)["events"]}
    shown = runner.invoke(app, ["event", "show", event_id, "--db", db])
    assert "3 document(s), 2 independent report(s)" in shown.output
    assert "not counted again" in shown.output

    out = Path(kb["tmp"]) / "kb.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "--db", db, "-o", str(out)]).exit_code == 0
    events = [r for r in map(json.loads, out.read_text().splitlines()) if r["kind"] == "event" and r["id"] == event_id]
    (ev,) = events
    assert ev["publishers"] == 2 and len(ev["sources"]) == 3
    assert ev["independent_reports"]["explanation"].startswith("2 independent reports: ")

    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app

    with TestClient(create_app(kb["db"]), base_url="http://127.0.0.1") as client:
        html = client.get(f"/events/{event_id}").text
        data = client.get(f"/api/events/{event_id}").json()["event"]
    assert "3 sources · 2 independent reports" in html
    assert 'id="event-independent-reports"' in html and "not counted again" in html
    assert "publisher unknown" in html
    assert data["independent"]["count"] == 2 and data["publisher_count"] == 2


def test_a_store_counted_before_is_recounted_once(kb: dict, tmp_path: Path):
    import shutil

    from newsgraph.resolve_job import CorpusResolver

    db = tmp_path / "old.db"
    shutil.copy(kb["db"], db)
    with Store(db) as store:  # as an older version left it: one publisher per document
        store.conn.execute("UPDATE events SET publisher_count = source_count, data = json_remove(data, '$.independent')")
        store.conn.execute("DELETE FROM resolver_state WHERE stage = 'independent_reports'")
        store.conn.commit()
        CorpusResolver(store)
        row = store.conn.execute("SELECT publisher_count, json_extract(data, '$.independent') FROM events WHERE id = ?",
                                 (kb["after"]["id"],)).fetchone()
        assert row[0] == 2 and len(json.loads(row[1])) == 2


def _maps_one_by_one(store: Store, doc_id: str) -> tuple:
    """The maps as a per-document query gives them (what ``corroboration_maps`` replaced)."""
    from newsgraph.store.corroboration_queries import doc_records, repeat_links

    keys_of: dict[str, list[str]] = {}
    evidence: dict[str, list[str]] = {}
    for other, event, sentence in store.conn.execute(
            """SELECT DISTINCT s2.doc_id, s2.event_id, substr(d.text, m.sent_start + 1, m.sent_end - m.sent_start)
               FROM event_sources s1 JOIN event_sources s2 ON s2.event_id = s1.event_id
               JOIN event_mentions m ON m.id = s2.mention_id JOIN documents d ON d.id = s2.doc_id
               WHERE s1.doc_id = ?""", (doc_id,)):
        if event not in keys_of.setdefault(other, []):
            keys_of[other].append(event)
        evidence.setdefault(other, []).append(sentence or "")
    records = {r.doc: r for r in doc_records(store, evidence)}
    return keys_of, records, repeat_links(store, evidence)


def test_corroboration_maps_read_at_once_equal_those_read_one_by_one(kb: dict):
    # One batch asks for every document sharing an event with it: read together, each
    # event's evidence once, the answer is what asking document by document gives.
    from newsgraph.store.corroboration_queries import corroboration_maps

    with Store(kb["db"]) as store:
        docs = [r["id"] for r in store.iter_documents()]
        together = corroboration_maps(store, docs)
        for doc in docs:
            keys_of, records, among = _maps_one_by_one(store, doc)
            got_keys, got_records, got_among = together[doc]
            assert {d: sorted(e) for d, e in got_keys.items()} == {d: sorted(e) for d, e in keys_of.items()}
            assert list(got_records) == list(records)  # ingest order
            assert {d: (r.title, r.publisher, r.attributed_to, sorted(r.evidence)) for d, r in got_records.items()} \
                == {d: (r.title, r.publisher, r.attributed_to, sorted(r.evidence)) for d, r in records.items()}
            assert sorted(got_among) == sorted(among)
        assert any(len(together[d][1]) > 1 for d in docs)  # documents do share an event here
