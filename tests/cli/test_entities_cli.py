"""`newsgraph entities` and `newsgraph entity …` on articles ingested through the CLI: listing,
showing, and edits that persist, reach the audit log and survive re-ingest plus a new file."""
# ruff: noqa: E501

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner(env={"COLUMNS": "240"})

RALLY = """Farmers rally in Porto Alegre against land law

Monday, April 5, 2021

Thousands of farmers marched through Porto Alegre on Sunday against a new land law, organisers said.

Joana Ferreira, who leads the Rural Workers Federation, said the law would ruin small farms. Governor Paulo Mendes said he would meet the farmers.
"""

TALKS = """Governor meets farmers' leaders

Wednesday, April 7, 2021

Governor Paulo Mendes met Joana Ferreira of the Rural Workers Federation in Porto Alegre on Tuesday.

Ferreira said the talks were useful, and her deputy, Carlos Souza, said the farmers would wait for a written offer.
"""

#: Ingested later: a third article naming the deputy with another spelling.
LATER = """Farmers end protest

Friday, April 16, 2021

The Rural Workers Federation ended its protest on Thursday after Governor Paulo Mendes withdrew the land law. Its deputy leader Carlos Sousa thanked the farmers.
"""


def _ingest(src: Path, db: Path) -> None:
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 0, result.output


def _entity_of(db: Path, text: str) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT entity_id FROM entity_mentions WHERE text = ?", (text,))}


def _db(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "in"
    src.mkdir()
    (src / "rally.txt").write_text(RALLY, encoding="utf-8")
    (src / "talks.txt").write_text(TALKS, encoding="utf-8")
    db = tmp_path / "cli.db"
    _ingest(src, db)
    return src, db


def test_entities_cli_lists_filters_and_shows(tmp_path: Path):
    _, db = _db(tmp_path)
    listed = runner.invoke(app, ["entities", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert "Joana Ferreira" in listed.output and "Ferreira (" in listed.output  # the surname as an alias
    people = runner.invoke(app, ["entities", "--db", str(db), "--type", "PERSON"])
    assert "Joana Ferreira" in people.output and "Rural Workers Federation" not in people.output
    named = runner.invoke(app, ["entities", "--db", str(db), "--name", "paulo"])
    assert "Paulo Mendes" in named.output and "Joana" not in named.output
    (joana,) = _entity_of(db, "Joana Ferreira")
    shown = runner.invoke(app, ["entity", "show", joana[:8], "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Joana Ferreira" in shown.output and "ruin small farms" in shown.output
    assert "Paulo Mendes" in shown.output  # mentioned with
    missing = runner.invoke(app, ["entity", "show", "Enothere", "--db", str(db)])
    assert missing.exit_code == 1


def _owner(db: Path, file: str, text: str) -> str:
    """The entity of the mention spelled ``text`` in the document ingested from ``file``."""
    with sqlite3.connect(db) as conn:
        rows = {r[0] for r in conn.execute(
            "SELECT m.entity_id FROM entity_mentions m JOIN documents d ON d.id = m.doc_id "
            "WHERE d.path LIKE ? AND m.text = ?", (f"%{file}", text))}
    assert len(rows) == 1, (file, text, rows)
    return rows.pop()


def _key(db: Path, file: str, text: str) -> str:
    with sqlite3.connect(db) as conn:
        d, s, e = conn.execute(
            'SELECT m.doc_id, m.start, m."end" FROM entity_mentions m JOIN documents d ON d.id = m.doc_id '
            "WHERE d.path LIKE ? AND m.text = ?", (f"%{file}", text)).fetchone()
    return f"{d}:{s}-{e}"


def test_entities_cli_edits_persist_are_logged_and_survive_reingest(tmp_path: Path):
    src, db = _db(tmp_path)
    fed = "the Rural Workers Federation"
    # Whatever resolution decided, the analyst states: the federation is its own entity
    # (split it out wherever it sits), one entity in both articles (merge), and "Carlos
    # Sousa" is another spelling of the deputy (alias).
    for file in ("rally.txt", "talks.txt"):
        owner = _owner(db, file, fed)
        with sqlite3.connect(db) as conn:
            texts = {r[0] for r in conn.execute("SELECT text FROM entity_mentions WHERE entity_id = ?", (owner,))}
        if texts != {fed}:
            out = runner.invoke(app, ["entity", "split", owner, "--mention", _key(db, file, fed), "--db", str(db)])
            assert out.exit_code == 0, out.output
    a, b = _owner(db, "rally.txt", fed), _owner(db, "talks.txt", fed)
    if a != b:
        merged = runner.invoke(app, ["entity", "merge", a, b, "--db", str(db), "--author", "ana",
                                     "--note", "one federation"])
        assert merged.exit_code == 0 and "logged as X" in merged.output, merged.output
    alias = runner.invoke(app, ["entity", "alias", _owner(db, "talks.txt", "Carlos Souza"), "Carlos Sousa",
                                "--db", str(db), "--author", "ana"])
    assert alias.exit_code == 0, alias.output

    def check() -> None:
        fed_a, fed_b = _owner(db, "rally.txt", fed), _owner(db, "talks.txt", fed)
        assert fed_a == fed_b
        assert fed_a not in {_owner(db, "rally.txt", "Joana Ferreira"), _owner(db, "talks.txt", "Joana Ferreira")}

    check()
    log = runner.invoke(app, ["entity", "edits", "--db", str(db)])
    assert "alias_add" in log.output and "ana" in log.output
    # Re-ingest the same files plus a new one: every edit still holds, and binds the new article.
    (src / "later.txt").write_text(LATER, encoding="utf-8")
    _ingest(src, db)
    check()
    assert _owner(db, "later.txt", "Carlos Sousa") == _owner(db, "talks.txt", "Carlos Souza")
    # Withdrawing the alias: the log keeps it, marked withdrawn.
    with sqlite3.connect(db) as conn:
        alias_id = conn.execute("SELECT id FROM entity_edits WHERE op = 'alias_add'").fetchone()[0]
    undone = runner.invoke(app, ["entity", "withdraw", alias_id, "--db", str(db)])
    assert undone.exit_code == 0, undone.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT withdrawn FROM entity_edits WHERE id = ?", (alias_id,)).fetchone()[0]
    again = runner.invoke(app, ["entity", "withdraw", alias_id, "--db", str(db)])
    assert again.exit_code == 1
    check()


def test_entities_cli_rename_split_distinct_and_refusals(tmp_path: Path):
    _, db = _db(tmp_path)
    (joana,) = _entity_of(db, "Joana Ferreira")
    renamed = runner.invoke(app, ["entity", "rename", joana, "Joana M. Ferreira", "--db", str(db)])
    assert renamed.exit_code == 0, renamed.output
    listed = runner.invoke(app, ["entities", "--db", str(db), "--name", "Ferreira"])
    assert "Joana M. Ferreira" in listed.output
    with sqlite3.connect(db) as conn:
        keys = [f"{d}:{s}-{e}" for d, s, e in conn.execute(
            "SELECT doc_id, start, \"end\" FROM entity_mentions WHERE entity_id = ? AND kind = 'name' "
            "ORDER BY doc_id, start", (joana,))]  # names: a split of "she" would name no one
    assert len(keys) >= 2
    split = runner.invoke(app, ["entity", "split", joana, "--mention", keys[-1], "--db", str(db)])
    assert split.exit_code == 0, split.output
    assert len(_entity_of(db, "Joana Ferreira") | _entity_of(db, "Ferreira")) == 2
    refused = runner.invoke(app, ["entity", "merge", joana, "--db", str(db)])
    assert refused.exit_code == 1 and "E601" in refused.output
    (mendes,) = _entity_of(db, "Paulo Mendes")
    distinct = runner.invoke(app, ["entity", "distinct", joana, mendes, "--db", str(db)])
    assert distinct.exit_code == 0, distinct.output
    bad_alias = runner.invoke(app, ["entity", "alias", mendes, "Nobody", "--remove", "--db", str(db)])
    assert bad_alias.exit_code == 1 and "not an alias" in bad_alias.output


def test_entities_cli_retype_sets_the_type_and_refuses_an_unknown_one(tmp_path: Path):
    _, db = _db(tmp_path)
    (mendes,) = _entity_of(db, "Paulo Mendes")
    done = runner.invoke(app, ["entity", "retype", mendes, "org", "--db", str(db)])
    assert done.exit_code == 0, done.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT type FROM entities WHERE id = ?", (mendes,)).fetchone()[0] == "ORG"
    bad = runner.invoke(app, ["entity", "retype", mendes, "WIZARD", "--db", str(db)])
    assert bad.exit_code == 1 and "E601" in bad.output and "unknown entity type" in bad.output
