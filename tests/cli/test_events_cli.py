"""`newsgraph events` and `newsgraph event show` on two articles reporting one killing."""
# ruff: noqa: E501

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner(env={"COLUMNS": "240"})

FIRST = """Gunmen kill opposition leader Ahmed Farouk in Karachi

Tuesday, May 11, 2021

Gunmen killed opposition leader Ahmed Farouk in Karachi on Monday, police said.

Farouk's deputy said the party would hold a protest march in Karachi on Friday.
"""

SECOND = """Karachi mourns Ahmed Farouk

Wednesday, May 12, 2021

Opposition leader Ahmed Farouk was shot dead in Karachi on Monday. His killing shocked the country.
"""


def _db(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "first.txt").write_text(FIRST, encoding="utf-8")
    (src / "second.txt").write_text(SECOND, encoding="utf-8")
    db = tmp_path / "cli.db"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_events_cli_lists_filters_and_shows_evidence(tmp_path: Path):
    db = _db(tmp_path)
    listed = runner.invoke(app, ["events", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert "ASSAULT" in listed.output
    killing = runner.invoke(app, ["events", "--db", str(db), "--type", "assault", "--min-sources", "2"])
    assert "1 event(s)" in killing.output and "Karachi" in killing.output and "2021-05-10" in killing.output
    with sqlite3.connect(db) as conn:
        (farouk,) = {r[0] for r in conn.execute("SELECT entity_id FROM entity_mentions WHERE text = 'Ahmed Farouk'")}
        (event_id,) = [r[0] for r in conn.execute("SELECT id FROM events WHERE type = 'ASSAULT' AND source_count = 2")]
    target = runner.invoke(app, ["events", "--db", str(db), "--target", farouk])
    assert event_id in target.output
    planned = runner.invoke(app, ["events", "--db", str(db), "--flag", "hypothetical"])
    assert event_id not in planned.output
    dated = runner.invoke(app, ["events", "--db", str(db), "--since", "2021-06-01", "--type", "ASSAULT"])
    assert "0 event(s)" in dated.output
    bad = runner.invoke(app, ["events", "--db", str(db), "--flag", "nonsense"])
    assert bad.exit_code == 2
    shown = runner.invoke(app, ["event", "show", event_id[:10], "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Gunmen killed opposition leader Ahmed Farouk" in shown.output
    assert "was shot dead in Karachi" in shown.output
    assert "2 document(s), 2 independent report(s)" in shown.output
    assert runner.invoke(app, ["event", "show", "ev_nothere", "--db", str(db)]).exit_code == 1


PLANNED = """Intelligence service warns of embassy attacks

Published: 5 March 2024

The Varennian intelligence service said on Tuesday that militants of the Ostrel Front were planning attacks on foreign embassies in Lisbon.
"""

HAPPENED = """Militants storm embassy in Lisbon

Published: 5 March 2024

Militants of the Ostrel Front attacked the Varennian embassy in Lisbon on Monday, wounding two guards.
"""


def test_event_show_lists_related_events_apart(tmp_path: Path):
    db = tmp_path / "related.db"
    for name, text in (("happened", HAPPENED), ("planned", PLANNED)):
        src = tmp_path / name
        src.mkdir()
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
        assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        (attack,) = [r[0] for r in conn.execute(
            "SELECT e.id FROM events e JOIN event_sources s ON s.event_id = e.id "
            "JOIN event_mentions m ON m.id = s.mention_id WHERE json_extract(m.data, '$.trigger.text') = 'attacked'")]
    shown = runner.invoke(app, ["event", "show", attack, "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "1 document(s), 1 independent report(s)" in shown.output
    assert "related events, not the same occurrence (1)" in shown.output
    assert "modality differs" in shown.output and "were planning attacks" in shown.output


def test_events_cli_fits_80_columns_and_answers_json(tmp_path: Path):
    import json

    from rich.cells import cell_len

    db = _db(tmp_path)
    narrow = CliRunner(env={"COLUMNS": "80"})
    listed = narrow.invoke(app, ["events", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    header = next(line for line in lines if line.lstrip().startswith("id "))
    assert {"type", "actors", "targets", "date"} <= set(header.split())  # no "ty…" or "AS…"
    assert "ASSAULT" in listed.output and "2021-05-10" in listed.output and "…" not in listed.output
    with sqlite3.connect(db) as conn:
        (event_id,) = [r[0] for r in conn.execute("SELECT id FROM events WHERE type = 'ASSAULT' AND source_count = 2")]
    assert event_id[:11] in listed.output
    shown = narrow.invoke(app, ["event", "show", event_id[:11], "--db", str(db)])  # the shortened id works
    assert shown.exit_code == 0 and event_id in shown.output
    as_json = narrow.invoke(app, ["events", "--db", str(db), "--json"])
    body = json.loads(as_json.stdout)
    assert body["total"] == len(body["events"]) and event_id in {e["id"] for e in body["events"]}
    for command in (["entities"], ["claims"], ["stories"], ["links"], ["places"], ["search", "Farouk"],
                    ["entity", "edits"]):
        out = narrow.invoke(app, [*command, "--db", str(db), "--json"])
        assert out.exit_code == 0, (command, out.output)
        assert "total" in json.loads(out.stdout), command


def test_show_says_unknown_fields_plainly(tmp_path: Path):
    db = _db(tmp_path)
    with sqlite3.connect(db) as conn:
        doc = conn.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
    shown = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["show", doc[:8], "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "None" not in shown.output
