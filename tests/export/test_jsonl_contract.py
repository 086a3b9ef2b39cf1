"""The JSON Lines export follows the DESIGN.md contract for resolved entities, events and
claims, on articles the test contains, ingested through the pipeline."""
# ruff: noqa: E501

from __future__ import annotations

import io
import json

import pytest

from newsgraph.model import PLOVER_TYPES

FIRST = """Gunmen kill opposition leader Ahmed Farouk in Karachi

Tuesday, May 11, 2021

Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.

Farouk, who led the Karachi Workers Movement, had accused the provincial government of corruption. Nadia Qureshi, a spokeswoman for the Sindh Police, said officers had arrested two suspects.
"""

SECOND = """Karachi mourns Ahmed Farouk

Wednesday, May 12, 2021

Opposition leader Ahmed Farouk was shot dead in Karachi on Monday. His killing shocked the country.

Supporters of Mr. Farouk gathered outside the offices of the KWM.
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    from newsgraph.export.jsonl import write_jsonl
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    tmp = tmp_path_factory.mktemp("export")
    src = tmp / "in"
    src.mkdir()
    (src / "first.txt").write_text(FIRST, encoding="utf-8")
    (src / "second.txt").write_text(SECOND, encoding="utf-8")
    out = io.StringIO()
    with Store(tmp / "x.db") as store:
        ingest([src], store, root=src)
        write_jsonl(store, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


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
        assert {m["text"] for m in e["mentions"]} <= set(e["aliases"])  # every surface form
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
        assert ev["type"] in PLOVER_TYPES
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
