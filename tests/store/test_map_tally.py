"""The map's incremental aggregates (``store/map_tally.py``) equal the full queries
(``facts_queries.place_points`` / ``event_place_counts``) on a store built by ingesting
the articles below in batches, and start again when a document is deleted; the search
page's place facets, read through ``search_places`` (migration 7), equal the counts
grouped from ``places`` by document id."""
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

from newsgraph.pipeline import ingest
from newsgraph.store import Store, map_tally
from newsgraph.store.facts_queries import event_place_counts, place_facets, place_points, search_hits

ARTICLES = {
    "paris.txt": """Protest in Paris over pension plan

Thousands of workers marched through Paris on Tuesday against the government's pension plan, police said. Smaller protests were held in Lyon and Marseille.

Unions said they would strike again in Paris next week.""",
    "berlin.txt": """Berlin airport reopens after storm

Berlin's main airport reopened on Wednesday after a storm forced it to close for a day, the operator said. Flights to London and Paris resumed first.

Police in Berlin arrested two men who tried to enter the runway during the storm.""",
    "london.txt": """Bus drivers strike in London

Bus drivers in London walked out on Monday over pay, the union said. Services in Manchester and Birmingham were not affected.

Talks in London would resume on Friday, the transport authority said.""",
    "lyon.txt": """Floods hit Lyon and Grenoble

Heavy rain flooded streets in Lyon and Grenoble on Thursday, firefighters said. A man died in Grenoble when his car was swept away.

In Lyon, the Rhone rose two metres in a day.""",
}


def _batch(store: Store, folder: Path, names: list[str]) -> None:
    folder.mkdir()
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    report = ingest([folder], store, root=folder)
    assert not report.failed, report.failed


def _same(store: Store) -> None:
    assert map_tally.place_points(store) == place_points(store)
    for country in ("FR", "GB", "DE", "XX"):
        assert map_tally.place_points(store, country=country) == place_points(store, country=country)
    assert map_tally.event_place_counts(store) == event_place_counts(store)


def test_incremental_map_equals_the_full_queries(tmp_path: Path):
    map_tally.clear()
    with Store(tmp_path / "kb.db") as store:
        _same(store)  # empty store
        _batch(store, tmp_path / "a", ["paris.txt", "berlin.txt"])
        _same(store)
        assert {p.name for p in map_tally.place_points(store)} >= {"Paris", "Berlin"}
        _batch(store, tmp_path / "b", ["london.txt"])
        _same(store)
        _batch(store, tmp_path / "c", ["lyon.txt"])
        _same(store)
        paris = next(p for p in map_tally.place_points(store) if p.name == "Paris")
        assert paris.documents == 2
        assert map_tally.event_place_counts(store)  # events located at places
        # a place named twice in one document counts one document (the distinct count)
        assert any(p.mentions > p.documents for p in map_tally.place_points(store))
        with store.conn:
            store.conn.execute("DELETE FROM documents WHERE rowid = (SELECT min(rowid) FROM documents)")
        _same(store)


def _facets_by_document_id(store: Store, q: str, place_id: int | None, country: str | None) -> dict:
    """The facets as counted before migration 7: hits joined to their documents' ids."""
    conds, args = [], []
    if place_id is not None:
        conds.append("d.id IN (SELECT doc_id FROM places WHERE geonameid = ?)")
        args.append(place_id)
    if country:
        conds.append("d.id IN (SELECT doc_id FROM places WHERE country = ?)")
        args.append(country)
    extra = "".join(f" AND {c}" for c in conds)
    hits = ("SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            f"WHERE documents_fts MATCH ?{extra}")
    countries = store.conn.execute(
        f"""SELECT country, count(DISTINCT doc_id) FROM places WHERE country IS NOT NULL
            AND doc_id IN ({hits}) GROUP BY country ORDER BY 2 DESC, 1""", [q, *args]).fetchall()
    places = store.conn.execute(
        f"""SELECT geonameid, max(name), max(country), count(DISTINCT doc_id) FROM places
            WHERE geonameid IS NOT NULL AND doc_id IN ({hits}) GROUP BY geonameid ORDER BY 4 DESC, 2, 1""",
        [q, *args]).fetchall()
    return {"countries": [{"code": r[0], "documents": r[1]} for r in countries],
            "places": [{"geonameid": r[0], "name": r[1], "country": r[2], "documents": r[3]} for r in places]}


def test_search_facets_and_filters_through_search_places(tmp_path: Path):
    with Store(tmp_path / "kb.db") as store:
        _batch(store, tmp_path / "a", list(ARTICLES))
        paris = next(p.geonameid for p in place_points(store) if p.name == "Paris")
        for word in ("said", "storm", "Paris", "strike OR floods"):
            for place_id, country in ((None, None), (paris, None), (None, "FR"), (paris, "FR"), (None, "GB")):
                got = place_facets(store, word, place_id=place_id, country=country, limit=100)
                got["places"].sort(key=lambda f: (-f["documents"], f["name"], f["geonameid"]))
                assert got == _facets_by_document_id(store, f'"{word}"' if " " not in word else '"strike" OR "floods"',
                                                     place_id, country), (word, place_id, country)
        total, hits = search_hits(store, "said", country="FR")
        assert total == len(hits) == 2  # Paris and Lyon articles
        assert place_facets(store, "said")["countries"][0]["documents"] >= 2
        with store.conn:  # a place mention deleted leaves the facets in step
            store.conn.execute("DELETE FROM places WHERE geonameid = ?", (paris,))
        assert all(f["geonameid"] != paris for f in place_facets(store, "Paris")["places"])
        assert place_facets(store, "Paris", limit=100) == _facets_by_document_id(store, '"Paris"', None, None)
