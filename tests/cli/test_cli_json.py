"""``--json`` on every list and show command: stdout is one JSON value and nothing else, the
records the table shows (same ids, same count), one test per command family.

The store holds two fictional articles written here: a killing and a protest call, then
the same report republished by a second outlet under another title.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner(env={"COLUMNS": "80"})

BODY = ("Gunmen killed the opposition leader Ahmed Farouk outside his home in Karachi on Monday, police said.\n\n"
        "Farouk's deputy, Imran Beg, said the party would hold a protest march in Karachi on Friday. "
        "\"We will not be silenced,\" Imran Beg told reporters.")
RECORDS = [
    {"title": "Karachi in mourning", "publisher": "Indus Daily",
     "published": "2021-05-11", "url": "https://indus.example/farouk", "text": BODY},
    {"title": "A city holds its breath", "publisher": "Sindh Observer",
     "published": "2021-05-12", "url": "https://sindh.example/leader",
     "text": BODY + "\n\nThe funeral will be held on Wednesday."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("cli_json")
    src = tmp / "in"
    src.mkdir()
    (src / "news.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    path = tmp / "cli.db"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def _json(db: str, *command: str) -> Any:
    """The command's ``--json`` answer: it succeeds and stdout parses whole (no table, no notes)."""
    out = runner.invoke(app, [*command, "--db", db, "--json"])
    assert out.exit_code == 0, (command, out.output)
    return json.loads(out.stdout)


def _listed(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = body[key]
    assert body["total"] >= len(rows) >= 1, (key, body["total"])
    return rows


def test_documents_show_and_search_answer_json(db: str):
    hits = _listed(_json(db, "search", "Farouk"), "hits")
    assert {h["publisher"] for h in hits} == {"Indus Daily", "Sindh Observer"}
    doc = hits[0]["id"]
    shown = _json(db, "show", doc[:8])  # a prefix, as the table prints it
    assert shown["id"] == doc and shown["title"] == hits[0]["title"]
    assert shown["publisher"] in {"Indus Daily", "Sindh Observer"}


def test_entities_list_show_and_edit_log_answer_json(db: str):
    entities = _listed(_json(db, "entities"), "entities")
    farouk = next(e for e in entities if e["name"] == "Ahmed Farouk")
    shown = _json(db, "entity", "show", farouk["id"])
    assert shown["id"] == farouk["id"] and shown["type"] == "PERSON"
    assert {m["doc"] for m in shown["mentions"]} == set(farouk["documents"])
    log = _json(db, "entity", "edits")
    assert log == {"total": 0, "edits": []}


def test_events_list_and_show_answer_json(db: str):
    events = _listed(_json(db, "events"), "events")
    killing = next(e for e in events if e["type"] == "ASSAULT")
    shown = _json(db, "event", "show", killing["id"])
    assert shown["id"] == killing["id"] and shown["source_count"] == killing["source_count"] == 2
    assert "Ahmed Farouk" in {t.get("name") for t in shown["targets"]}


def test_stories_links_and_signals_answer_json(db: str):
    stories = _listed(_json(db, "stories"), "stories")
    story = max(stories, key=lambda s: s["size"])
    shown = _json(db, "story", "show", story["id"])
    assert shown["id"] == story["id"] and len(shown["documents"]) == story["size"] == 2
    links = _listed(_json(db, "links"), "links")
    docs = {d["id"] if isinstance(d, dict) else d for d in shown["documents"]}
    assert any({link["a"], link["b"]} <= docs for link in links)
    signals = _json(db, "signals", sorted(docs)[0])
    assert isinstance(signals, list) and all("name" in s for s in signals)


def test_claims_and_places_answer_json(db: str):
    claims = _listed(_json(db, "claims"), "claims")
    assert any("protest march" in c["content"]["text"] for c in claims)
    places = _listed(_json(db, "places"), "places")
    assert [p["name"] for p in places] == ["Karachi"]
