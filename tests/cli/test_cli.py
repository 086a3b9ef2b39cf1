"""The CLI through Typer's runner: ingest summary, search, show, export, serve refusal."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.cli.serve import check_bind, is_loopback
from newsgraph.errors import ServeError

runner = CliRunner(env={"COLUMNS": "240"})


def _ingest(tmp_path: Path, corpus: Path) -> Path:
    db = tmp_path / "cli.db"
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(corpus), str(tmp_path / "empty.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "ingested" in result.output and "E101" in result.output and "empty.txt" in result.output
    return db


def test_ingest_search_show_export(tmp_path: Path, demo_corpus: Path):
    db = _ingest(tmp_path, demo_corpus)
    result = runner.invoke(app, ["search", "North OR Veloria", "--db", str(db)])
    assert result.exit_code == 0 and "match(es)" in result.output
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    docs = [r for r in records if r["kind"] == "document"]
    assert docs
    for field in ("id", "path", "title", "publisher", "attributed_to", "published", "language",
                  "text", "removed", "signals"):
        assert all(field in d for d in docs), field
    entities = [r for r in records if r["kind"] == "entity"]
    assert entities
    texts = {d["id"]: d["text"] for d in docs}
    for e in entities:
        for field in ("id", "type", "name", "aliases", "mentions"):
            assert field in e
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    result = runner.invoke(app, ["show", docs[0]["id"][:8], "--db", str(db)])
    assert result.exit_code == 0 and "clean text" in result.output


def test_serve_refuses_public_bind_without_token():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0")
    try:
        check_bind("0.0.0.0", None)
    except ServeError as exc:
        assert exc.code == "E501"
    else:  # pragma: no cover
        raise AssertionError("bound 0.0.0.0 without a token")
    check_bind("0.0.0.0", "s3cret")
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2


def test_ingest_summary_is_readable_for_thousands_of_bad_records(tmp_path: Path):
    """Issue 14 item 9: 200,000 ``{}`` lines printed 200,007 rows of errors."""
    (tmp_path / "in").mkdir()
    good = json.dumps({"text": "The harbour council of Port Anselm approved the new quay on Monday after "
                               "a long debate, its chairman Tomas Kerrigan said."})
    (tmp_path / "in" / "dump.jsonl").write_text("\n".join(["{}"] * 5000 + [good]) + "\n")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 0, result.output
    failed_row = next(line for line in result.output.splitlines() if line.startswith("│ failed "))
    assert failed_row.split("│")[2].strip() == "5000"  # records, not rows
    assert "E109 ×4,980" in result.output and "#21–5000" in result.output
    assert result.output.count("dump.jsonl#") <= 25  # twenty records listed, then one summary row


def test_ingest_skips_links_out_of_the_folder_unless_told(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "outside.txt").write_text("The harbour council of Port Anselm approved the new quay on "
                                          "Monday after a long debate, its chairman Tomas Kerrigan said.")
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "outside.txt")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0 and "E108" in result.output and "--follow-links" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "b.db"),
                                 "--follow-links"])
    assert result.exit_code == 0 and "E108" not in result.output
    assert "ingested" in result.output and "│ 1 " in result.output
