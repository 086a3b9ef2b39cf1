"""`newsgraph stories`, `story show`, `links` and `signals` on an article, a republication of it
with site chrome and a credit line, and a word-spun copy (texts written for this test)."""
# ruff: noqa: E501

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner(env={"COLUMNS": "240"})

ORIGINAL = """Wildfire forces evacuation of Carrow Hills villages

Saturday, August 16, 2025

A wildfire driven by strong winds forced the evacuation of four villages in the Carrow Hills on Saturday, and firefighters said the blaze had burned more than 2,000 hectares of forest.

The regional fire chief, Oskar Lindell, said 300 firefighters and six water-bombing aircraft were fighting the fire, which started near a campsite on Friday afternoon.

"The wind changes direction every hour, which makes this fire very hard to predict," Lindell said. Residents were told to take medicines and documents and to leave their cars at the roadside for emergency vehicles.
"""

REPUBLISHED = """Share on Facebook | Share on Twitter | Email this article

Wildfire forces evacuation of Carrow Hills villages

Source: Carrow Valley Courier

A wildfire driven by strong winds forced the evacuation of four villages in the Carrow Hills on Saturday, and firefighters said the blaze had burned more than 2,000 hectares of forest.

The regional fire chief, Oskar Lindell, said 300 firefighters and six water-bombing aircraft were fighting the fire, which started near a campsite on Friday afternoon.

Copyright 2025 Feedline Network. All rights reserved.
"""

SPUN = """Forest fire compels evacuation of Carrow Hills villages

A wildfire propelled by powerful winds compelled the evacuation of four villages in the Carrow Hills on Saturday, and firefighters stated the blaze had scorched over 2,000 hectares of woodland.

The regional fire chief, Oskar Lindell, stated 300 firefighters and six water-bombing planes were battling the fire, which began close to a campsite on Friday afternoon.

"The wind alters direction every hour, which makes this fire very difficult to forecast," Lindell said. Residents were instructed to take medicines and documents and to abandon their automobiles at the roadside for emergency vehicles.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("stories_cli")
    db = tmp / "cli.db"
    # One file per run, so the ingest order (original first) is the order of the runs.
    for name, text in (("a_original.txt", ORIGINAL), ("b_republished.txt", REPUBLISHED), ("c_spun.txt", SPUN)):
        src = tmp / name.split(".")[0]
        src.mkdir()
        (src / name).write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
        assert result.exit_code == 0, result.output
    return db


def _ids(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return {Path(p).stem: i for i, p in conn.execute("SELECT id, path FROM documents")}


def test_stories_lists_one_story_of_three_articles(db: Path):
    result = runner.invoke(app, ["stories", "--db", str(db), "--min-size", "2"])
    assert result.exit_code == 0, result.output
    assert "1 story(ies)" in result.output
    assert "Wildfire forces evacuation of Carrow Hills villages" in result.output


def test_story_show_prints_the_timeline_with_link_kinds(db: Path):
    with sqlite3.connect(db) as conn:
        (story_id,) = conn.execute("SELECT id FROM stories WHERE size = 3").fetchone()
    result = runner.invoke(app, ["story", "show", story_id[:6], "--db", str(db)])
    assert result.exit_code == 0, result.output
    ids = _ids(db)
    for doc in ids.values():
        assert doc in result.output
    assert "earliest" in result.output and "spin" in result.output
    as_json = runner.invoke(app, ["story", "show", story_id, "--db", str(db), "--json"])
    data = json.loads(as_json.output)
    assert data["documents"][0]["id"] == ids["a_original"]
    missing = runner.invoke(app, ["story", "show", "nope", "--db", str(db)])
    assert missing.exit_code == 1 and "no story" in missing.output


def test_links_by_kind_and_document_with_evidence(db: Path):
    ids = _ids(db)
    result = runner.invoke(app, ["links", "--db", str(db), "--kind", "spin", "--evidence"])
    assert result.exit_code == 0, result.output
    assert ids["c_spun"] in result.output
    assert "compelled" in result.output  # an aligned spun sentence printed beside its original
    by_doc = runner.invoke(app, ["links", "--db", str(db), "--doc", ids["b_republished"][:8]])
    assert by_doc.exit_code == 0, by_doc.output
    assert ids["a_original"] in by_doc.output
    assert re.search(r"\b(copy|duplicate)\b", by_doc.output)
    bad = runner.invoke(app, ["links", "--db", str(db), "--kind", "fake"])
    assert bad.exit_code == 2


def test_signals_of_a_republished_article(db: Path):
    ids = _ids(db)
    result = runner.invoke(app, ["signals", ids["b_republished"], "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "republication" in result.output and "look here" in result.output
    assert "Carrow Valley Courier" in result.output
    as_json = json.loads(runner.invoke(app, ["signals", ids["b_republished"], "--db", str(db), "--json"]).output)
    rep = next(s for s in as_json if s["name"] == "republication")
    assert rep["flagged"] and rep["value"] == 1.0
