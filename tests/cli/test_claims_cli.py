"""`newsgraph claims` and `newsgraph places` on articles ingested through the CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner(env={"COLUMNS": "240"})

ARTICLE = """Dock strike spreads from Lisbon to Porto

Tuesday, March 5, 2024

Dock workers in Lisbon walked out on Monday, and the strike spread to Porto by Wednesday, the union said.

"The government may try to break the strike," Rui Tavares, the union's spokesman, told Reuters.

The port authority denied that ships had been diverted to Spain.

According to officials, the stoppage could cost Portugal millions of euros a day.
"""


def _db(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "lisbon.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "cli.db"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_claims_cli_lists_and_filters(tmp_path: Path):
    db = _db(tmp_path)
    result = runner.invoke(app, ["claims", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Rui Tavares" in result.output and "hedged" in result.output and "denied" in result.output
    hedged = runner.invoke(app, ["claims", "--db", str(db), "--certainty", "hedged"])
    assert "break the strike" in hedged.output and "diverted" not in hedged.output
    speaker = runner.invoke(app, ["claims", "--db", str(db), "--speaker", "port authority"])
    assert "diverted" in speaker.output and "break the strike" not in speaker.output
    bad = runner.invoke(app, ["claims", "--db", str(db), "--certainty", "sure"])
    assert bad.exit_code == 2


def test_claims_cli_places_with_coordinates(tmp_path: Path):
    db = _db(tmp_path)
    result = runner.invoke(app, ["places", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lisbon = next(line for line in result.output.splitlines() if "Lisbon" in line)
    assert "PT" in lisbon and "38.7" in lisbon and "-9.1" in lisbon
