"""A capital standing for its country's government ("Washington warned") is the country's
entity wherever the knowledge base names who acted or who spoke: event actors and targets,
claim speakers, and the entity's own mentions in the JSONL export."""

from __future__ import annotations

from typing import Any

import pytest

WARNING = """Washington warns Pyongyang over missile tests

Washington warned Pyongyang on Tuesday that further missile tests would bring new sanctions. The United States also said it would send more ships to the region.

Diplomats from both countries are due to meet in Washington next month to discuss the sanctions, officials said on Tuesday.
"""

ACCUSATION = """Seoul accuses Pyongyang of cyber attacks

Seoul accused Pyongyang on Friday of attacking the computer networks of three banks. Seoul said the attacks had been traced to servers abroad.
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    from newsgraph.export.jsonl import iter_records
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    tmp = tmp_path_factory.mktemp("gov")
    src = tmp / "articles"
    src.mkdir()
    (src / "warning.txt").write_text(WARNING, encoding="utf-8")
    (src / "accusation.txt").write_text(ACCUSATION, encoding="utf-8")
    with Store(tmp / "g.db") as store:
        report = ingest([src], store, root=src)
        assert not report.failed
        return list(iter_records(store))


def _entities(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records if r["kind"] == "entity"}


def _entity_with_mention(records: list[dict[str, Any]], text: str, sentence_word: str) -> dict[str, Any]:
    """The entity holding a mention ``text`` in the sentence containing ``sentence_word``."""
    docs = {r["id"]: r["text"] for r in records if r["kind"] == "document"}
    for ent in _entities(records).values():
        for m in ent["mentions"]:
            body = docs[m["doc"]]
            sent_start = body.rfind("\n", 0, m["start"]) + 1
            sent_end = body.find("\n", m["end"])
            if m["text"] == text and sentence_word in body[sent_start:sent_end]:
                return ent
    raise AssertionError(f"no entity holds {text!r} near {sentence_word!r}")


def test_washington_warned_is_the_united_states(records: list[dict[str, Any]]) -> None:
    us = _entity_with_mention(records, "Washington", "warned")
    assert us["name"] == "United States"
    assert us["type"] == "GPE"
    gov = next(m for m in us["mentions"] if m["text"] == "Washington")
    assert gov["kind"] == "name" and gov["rule"] == "government"
    # The country named in the next sentence is the same entity.
    assert any(m["text"] in ("United States", "The United States") for m in us["mentions"])
    # Where officials met is the city, not the government.
    city = _entity_with_mention(records, "Washington", "meet in")
    assert city["id"] != us["id"]


def test_event_actors_and_speakers_are_the_country(records: list[dict[str, Any]]) -> None:
    us = _entity_with_mention(records, "Washington", "warned")
    korea = _entity_with_mention(records, "Seoul", "accused")
    assert korea["name"] == "South Korea" and korea["type"] == "GPE"
    actors = {a for r in records if r["kind"] == "event" for a in r["actors"] if isinstance(a, str)}
    assert korea["id"] in actors
    speakers = {r["speaker"] for r in records if r["kind"] == "claim"}
    assert us["id"] in speakers and korea["id"] in speakers
    texts = [a["text"] for r in records if r["kind"] == "event" for a in r["actors"] if isinstance(a, dict)]
    assert "Seoul" not in texts and "Washington" not in texts
    # Whom a government warns or accuses is a government too: North Korea, not its capital.
    north = _entity_with_mention(records, "Pyongyang", "accused")
    assert north["name"] == "North Korea"
    warned = next(r for r in records if r["kind"] == "event" and us["id"] in r["actors"])
    assert north["id"] in warned["targets"]


def test_a_document_resolved_after_its_ingest_keeps_the_government_reading(tmp_path) -> None:
    # A run that stored the document but died before resolving it: the catch-up rebuilds
    # the document from the store, the government reading from its place records.
    from newsgraph.pipeline import ingest
    from newsgraph.resolve_job import CorpusResolver
    from newsgraph.settings import Options
    from newsgraph.store import Store

    (tmp_path / "warning.txt").write_text(WARNING, encoding="utf-8")
    db = tmp_path / "kb.db"
    with Store(db) as s:
        ingest([tmp_path], s, Options(resolve=False))
    with Store(db) as s:
        assert CorpusResolver(s).catch_up() == 1
        rows = s.conn.execute(
            "SELECT e.name, m.rule FROM entity_mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE m.text = 'Washington' ORDER BY m.start").fetchall()
    assert tuple(rows[0]) == ("United States", "government")
