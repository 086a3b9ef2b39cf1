"""The other export formats say what the JSONL contract says: CSV and Parquet tables whose
offsets point into the documents' text, a GraphML network, FollowTheMoney entities the
FtM library accepts, and PLOVER JSON events — on articles the tests ingest themselves."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from export_articles import ingest_one_per_run
from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.model import PLOVER_TYPES


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph.store import Store

    tmp = tmp_path_factory.mktemp("formats")
    with Store(tmp / "x.db") as store:
        ingest_one_per_run(tmp, store)
    return tmp / "x.db"


def _export(db: Path, fmt: str, output: Path | None = None) -> str:
    args = ["export", "--db", str(db), "--format", fmt]
    if output is not None:
        args += ["--output", str(output)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_tables_keep_offsets_into_the_document_text(db: Path, tmp_path: Path):
    _export(db, "csv", tmp_path / "csv")
    docs = {r["id"]: r for r in _read_csv(tmp_path / "csv" / "documents.csv")}
    assert len(docs) == 3
    mentions = _read_csv(tmp_path / "csv" / "mentions.csv")
    assert mentions
    for m in mentions:
        assert docs[m["doc"]]["text"][int(m["start"]):int(m["end"])] == m["text"]
    entities = {r["id"]: r for r in _read_csv(tmp_path / "csv" / "entities.csv")}
    farouk = next(e for e in entities.values() if e["name"] == "Ahmed Farouk")
    assert "Farouk" in json.loads(farouk["aliases"])
    killing = next(e for e in _read_csv(tmp_path / "csv" / "events.csv") if e["type"] == "ASSAULT")
    assert len(json.loads(killing["sources"])) == 3  # the report, its copy and the second outlet
    targets = dict(zip(json.loads(killing["target_ids"]), json.loads(killing["target_names"]), strict=True))
    assert targets[farouk["id"]] == "Ahmed Farouk"
    assert killing["location"] == "Karachi" and float(killing["lat"]) == pytest.approx(24.86, abs=0.5)
    for em in _read_csv(tmp_path / "csv" / "event_mentions.csv"):
        assert docs[em["doc"]]["text"][int(em["trigger_start"]):int(em["trigger_end"])] == em["trigger"]
    kinds = {r["kind"] for r in _read_csv(tmp_path / "csv" / "links.csv")}
    assert kinds & {"duplicate", "copy"}
    claims = _read_csv(tmp_path / "csv" / "claims.csv")
    assert any(c["speaker_text"].startswith("Nadia Qureshi") for c in claims)
    named = [c for c in claims if c["speaker"]]
    assert named and all(c["speaker_name"] == entities[c["speaker"]]["name"] for c in named)


def test_parquet_tables_are_typed(db: Path, tmp_path: Path):
    import pyarrow.parquet as pq

    _export(db, "parquet", tmp_path / "pq")
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert {e["type"] for e in events} <= set(PLOVER_TYPES)
    killing = next(e for e in events if e["type"] == "ASSAULT")
    assert isinstance(killing["sources"], list) and len(killing["sources"]) == 3
    assert killing["date_start"] == "2021-05-10"  # "on Monday" before Tuesday 11 May 2021
    schema = pq.read_schema(tmp_path / "pq" / "events.parquet")
    for col in ("actor_ids", "actor_names", "target_ids", "target_names", "flags"):
        assert str(schema.field(col).type) == "list<element: string>", col
    entities = {e["id"]: e["name"] for e in pq.read_table(tmp_path / "pq" / "entities.parquet").to_pylist()}
    for e in events:  # an id where an entity is linked, its name beside it; text where none is
        assert len(e["actor_ids"]) == len(e["actor_names"]) and len(e["target_ids"]) == len(e["target_names"])
        for i, name in zip(e["actor_ids"] + e["target_ids"], e["actor_names"] + e["target_names"], strict=True):
            assert name and (i is None or entities[i] == name)
        assert set(e["flags"]) <= {"negated", "hypothetical", "attempted", "historical", "reported"}
    assert "Ahmed Farouk" in killing["target_names"]
    docs = pq.read_table(tmp_path / "pq" / "documents.parquet").to_pylist()
    text = {d["id"]: d["text"] for d in docs}
    for m in pq.read_table(tmp_path / "pq" / "mentions.parquet").to_pylist():
        assert text[m["doc"]][m["start"]:m["end"]] == m["text"]


def test_directory_formats_need_an_output_directory(db: Path):
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 2
    assert "--output" in result.output


def test_graphml_network_of_entities_and_events(db: Path, tmp_path: Path):
    import networkx as nx

    _export(db, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    by_label = {d["label"]: n for n, d in g.nodes(data=True)}
    farouk, karachi = by_label["Ahmed Farouk"], by_label["Karachi"]
    killing = next(n for n, d in g.nodes(data=True) if d["kind"] == "event" and d["type"] == "ASSAULT")
    edges = {(a, b, d["kind"]): d for a, b, d in g.edges(data=True)}
    assert (killing, farouk, "target") in edges
    assert (killing, karachi, "place") in edges
    co = edges.get((karachi, farouk, "co_mentioned")) or edges[(farouk, karachi, "co_mentioned")]
    assert co["weight"] == 3 and co["directed"] is False  # named together in three documents
    pairs = [frozenset((a, b)) for a, b, d in g.edges(data=True) if d["kind"] == "co_mentioned"]
    assert len(pairs) == len(set(pairs))  # one edge per pair of entities, whichever way round
    acts = [d for a, b, d in g.edges(data=True) if d["kind"] == "acts_on"]
    assert all(d["type"] in PLOVER_TYPES and d["weight"] >= 1 and d["directed"] for d in acts)


def test_ftm_entities_validate_and_refer_to_each_other(db: Path):
    from followthemoney import model

    proxies = [model.get_proxy(json.loads(line)) for line in _export(db, "ftm").splitlines()]
    ids = {p.id for p in proxies}
    for p in proxies:  # every entity passes its schema's validation (as `ftm validate`)
        assert p.schema.validate(p.to_dict()) is None, p.to_dict()
    for p in proxies:  # every reference points at an exported entity
        for prop, value in p.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (p.schema.name, prop.name, value)
    people = {p.first("name"): p for p in proxies if p.schema.name == "Person"}
    assert "Ahmed Farouk" in people
    killing = next(p for p in proxies if p.schema.name == "Event" and "ASSAULT" in p.get("keywords"))
    assert people["Ahmed Farouk"].id in killing.get("involved")
    assert len(killing.get("proof")) == 3
    ours = {i.removeprefix("newsgraph-entity-") for i in ids if i.startswith("newsgraph-entity-")}
    mentioned = [v for p in proxies for v in p.get("namesMentioned", quiet=True)]
    assert mentioned and not set(mentioned) & ours  # names, never our ids, where FtM takes a name
    assert not [v for v in mentioned if re.fullmatch(r"E[0-9a-f]{16}", v)]
    names = {p.id: p.first("name") for p in proxies if p.schema.name in ("Person", "Organization")}
    notes = [p for p in proxies if p.schema.name == "Note" and p.first("entity") in names]
    assert notes and all(names[n.first("entity")] in n.get("namesMentioned") for n in notes)
    articles = [p for p in proxies if p.schema.name == "Article"]
    assert len(articles) == 3 and {a.first("language") for a in articles} == {"eng"}
    assert any(p.schema.name == "UnknownLink" for p in proxies)


def test_plover_records_use_the_manual_field_names(db: Path):
    records = [json.loads(line) for line in io.StringIO(_export(db, "plover"))]
    assert records
    for r in records:
        assert {"id", "actor", "event"} <= set(r)
        assert r["event"][0] in PLOVER_TYPES
    killing = next(r for r in records if r["event"] == ["ASSAULT"])
    assert killing["date"] == "2021-05-10" and killing["date_precision"] == "day"
    assert {"entity_text": "Ahmed Farouk", "identifier_id": killing["recipient"][0]["identifier_id"],
            "identifier_text": "Ahmed Farouk"} in killing["recipient"]
    assert killing["event_loc"]["extracted_place"] == "Karachi"
    assert killing["publishers"] >= 2 and len(killing["sources"]) == 3
    assert all("killed" in t or "shot" in t or "killing" in t for t in killing["event_text"])


def test_an_unnamed_referent_is_no_ftm_person():
    from collections import Counter

    from newsgraph.export.ftm import ftm_entities

    skipped: Counter[str] = Counter()
    unnamed = {"kind": "entity", "id": "E00000000000000aa", "type": "PERSON", "name": "a gunman",
               "named": False, "aliases": [], "mentions": []}
    assert list(ftm_entities([unnamed], skipped)) == []
    assert skipped["unnamed referent"] == 1
