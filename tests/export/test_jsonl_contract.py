"""The JSON Lines export follows the DESIGN.md contract for resolved entities, events and
claims, on articles the test contains, ingested through the pipeline."""
# ruff: noqa: E501

from __future__ import annotations

import pytest
from export_articles import FIRST, SECOND, ingest_one_per_run
from exported import exported

from newsgraph.model import EVENT_TYPES


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    tmp = tmp_path_factory.mktemp("export")
    src = tmp / "in"
    src.mkdir()
    (src / "first.txt").write_text(FIRST, encoding="utf-8")
    (src / "second.txt").write_text(SECOND, encoding="utf-8")
    with Store(tmp / "x.db") as store:
        ingest([src], store, root=src)
        return exported(store)


def _docs(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in records if r["kind"] == "document"}


def _check_mention(docs: dict[str, dict], m: dict) -> None:
    assert set(m) >= {"doc", "start", "end", "text"}
    assert docs[m["doc"]]["text"][m["start"]:m["end"]] == m["text"]


def test_jsonl_contract_entity_records_are_resolved(records: list[dict]):
    docs = _docs(records)
    entities = [r for r in records if r["kind"] == "entity"]
    assert entities
    for e in entities:
        assert set(e) >= {"id", "type", "name", "aliases", "mentions"}
        assert e["resolved"] is True and e["id"].startswith("E")
        for m in e["mentions"]:
            _check_mention(docs, m)
        # Every name's surface form is an alias; pronouns and descriptions are not.
        assert {m["text"] for m in e["mentions"] if m["kind"] == "name"} <= set(e["aliases"])
        assert all(m["kind"] in ("name", "description", "pronoun") for m in e["mentions"])
        assert all(m["rule"] == "" for m in e["mentions"] if m["kind"] == "name")
    farouk = next(e for e in entities if e["name"] == "Ahmed Farouk")
    assert farouk["type"] == "PERSON" and {"Ahmed Farouk", "Farouk"} <= set(farouk["aliases"])
    assert {m["doc"] for m in farouk["mentions"]} == set(docs)  # one entity across both articles
    # Every NER mention is exported once, in exactly one entity.
    keys = [(m["doc"], m["start"], m["end"]) for e in entities for m in e["mentions"]]
    assert len(keys) == len(set(keys))


def test_jsonl_contract_event_records(records: list[dict]):
    docs = _docs(records)
    entity_ids = {r["id"] for r in records if r["kind"] == "entity"}
    events = [r for r in records if r["kind"] == "event"]
    assert events
    for ev in events:
        assert set(ev) >= {"id", "type", "mode", "actors", "targets", "location", "date", "mentions", "sources"}
        assert ev["type"] in EVENT_TYPES  # PLOVER's 16 or our DISASTER
        for arg in ev["actors"] + ev["targets"]:
            assert arg in entity_ids if isinstance(arg, str) else set(arg) == {"text"}
        if ev["location"] is not None:
            assert set(ev["location"]) >= {"name", "entity", "lat", "lon"}
        if ev["date"] is not None:
            assert set(ev["date"]) >= {"start", "end"}
        for m in ev["mentions"]:
            _check_mention(docs, m)  # the evidence sentence
            t = m["trigger"]
            assert m["start"] <= t["start"] < t["end"] <= m["end"]
        assert set(ev["sources"]) == {m["doc"] for m in ev["mentions"]}
        assert set(ev["flags"]) >= {"negated", "hypothetical", "attempted", "historical"}
        # Added field: events kept apart as another occurrence, each an exported event.
        for rel in ev["related"]:
            assert set(rel) == {"event", "reason", "score"} and rel["event"] != ev["id"]
            assert rel["event"] in {e["id"] for e in events}
    killing = next(e for e in events if e["type"] == "ASSAULT" and len(e["sources"]) == 2)
    farouk = next(r["id"] for r in records if r["kind"] == "entity" and r["name"] == "Ahmed Farouk")
    assert farouk in killing["targets"]
    assert killing["date"] == {"start": "2021-05-10", "end": "2021-05-10"}
    assert killing["location"]["name"] == "Karachi" and killing["publishers"] == 2


def test_jsonl_contract_claim_speakers_are_entities(records: list[dict]):
    docs = _docs(records)
    entities = {r["id"]: r for r in records if r["kind"] == "entity"}
    claims = [r for r in records if r["kind"] == "claim"]
    assert claims
    for c in claims:
        assert set(c) >= {"id", "doc", "start", "end", "text", "speaker", "speaker_text", "cue", "certainty"}
        assert docs[c["doc"]]["text"][c["start"]:c["end"]] == c["text"]
        assert c["speaker"] is None or c["speaker"] in entities
    by_name = {entities[c["speaker"]]["name"]: c for c in claims if c["speaker"]}
    # The head of "Nadia Qureshi, a spokeswoman for the Sindh Police" speaks, not the police.
    assert "arrested two suspects" in by_name["Nadia Qureshi"]["text"]
    assert "corruption" in by_name["Ahmed Farouk"]["text"]


# A republication of FIRST by an aggregator: chrome, a credit line, the article, a footer.
@pytest.fixture(scope="module")
def copy_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    from newsgraph.store import Store

    tmp = tmp_path_factory.mktemp("export_links")
    with Store(tmp / "x.db") as store:
        ingest_one_per_run(tmp, store)
        return exported(store)


def _by_path(records: list[dict]) -> dict[str, str]:
    return {r["path"].rsplit("/", 1)[-1]: r["id"] for r in records if r["kind"] == "document"}


def test_jsonl_contract_story_records(copy_records: list[dict]):
    docs = _docs(copy_records)
    stories = [r for r in copy_records if r["kind"] == "story"]
    assert stories
    for st in stories:
        assert set(st) >= {"id", "documents", "label", "start", "end", "publishers", "events"}
        assert st["documents"] and set(st["documents"]) <= set(docs)
    # Every document is in exactly one story.
    placed = [d for st in stories for d in st["documents"]]
    assert sorted(placed) == sorted(docs)
    ids = _by_path(copy_records)
    killing = next(st for st in stories if ids["first.txt"] in st["documents"])
    assert ids["copy.txt"] in killing["documents"]
    events = {r["id"] for r in copy_records if r["kind"] == "event"}
    assert set(killing["events"]) <= events and killing["events"]


def test_jsonl_contract_link_records_carry_their_evidence(copy_records: list[dict]):
    docs = _docs(copy_records)
    links = [r for r in copy_records if r["record"] == "link"]
    assert links
    for lk in links:
        assert set(lk) >= {"a", "b", "kind", "score", "evidence"}
        assert lk["kind"] == lk["link_kind"]
        assert lk["a"] in docs and lk["b"] in docs and 0 <= lk["score"] <= 1
        assert lk["link_kind"] in ("duplicate", "copy", "translation", "spin", "same_story")
        for ev in lk["evidence"]:
            a_text, b_text = docs[lk["a"]]["text"], docs[lk["b"]]["text"]
            assert 0 <= ev["a_start"] < ev["a_end"] <= len(a_text)
            assert 0 <= ev["b_start"] < ev["b_end"] <= len(b_text)
            if ev["kind"] == "shared":
                assert a_text[ev["a_start"]:ev["a_end"]] == b_text[ev["b_start"]:ev["b_end"]]
    ids = _by_path(copy_records)
    copy = next(lk for lk in links if {lk["a"], lk["b"]} == {ids["first.txt"], ids["copy.txt"]})
    assert copy["a"] == ids["first.txt"] and copy["link_kind"] in ("duplicate", "copy")
    assert any("arrested two suspects" in docs[copy["b"]]["text"][ev["b_start"]:ev["b_end"]]
               for ev in copy["evidence"])


def test_jsonl_contract_document_signals(copy_records: list[dict]):
    docs = _docs(copy_records)
    for d in docs.values():
        assert isinstance(d["signals"], dict) and d["signals"]
        for name, s in d["signals"].items():
            assert set(s) >= {"value", "flagged", "explanation"}, name
            assert isinstance(s["flagged"], bool) and isinstance(s["explanation"], str)
    ids = _by_path(copy_records)
    copy = docs[ids["copy.txt"]]
    assert copy["attributed_to"] == ["Karachi Evening Star"]
    assert copy["signals"]["republication"]["flagged"] is True
    assert docs[ids["first.txt"]]["signals"]["republication"]["flagged"] is False
