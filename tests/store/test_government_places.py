"""A capital read as its country's government is stored linked to the country but never mapped."""

from __future__ import annotations

from pathlib import Path

ARTICLE = """Washington warns Pyongyang over missile tests

Washington warned Pyongyang on Tuesday that further missile tests would bring new sanctions, and diplomats from both sides met in Geneva the next day to discuss the tests and the sanctions.
"""


def test_government_mention_is_stored_with_its_country_and_kept_off_the_map(tmp_path: Path) -> None:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store
    from newsgraph.store.facts_queries import place_mentions, place_points

    src = tmp_path / "articles"
    src.mkdir()
    (src / "warning.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "g.db"
    with Store(db) as store:
        report = ingest([src], store, root=src)
        assert not report.failed
        (doc_id,) = report.ingested
        stored = [p for p in store.facts(doc_id)["places"] if p["text"] == "Washington"]
        assert stored and all(p["role"] == "government" and p["country"] == "US" for p in stored)
        assert all(p["lat"] is None for p in stored)
        points = {p.name for p in place_points(store)}
        # Where diplomats met is a point; whom Washington warned is a government (North Korea's).
        assert "Geneva" in points and "United States" not in points and "Washington" not in points
        assert "Pyongyang" not in points and "North Korea" not in points
        total, mentions = place_mentions(store, stored[0]["geonameid"])  # the country's page lists it
        assert total >= 1 and any(m["text"] == "Washington" for m in mentions)
