"""Cross-document date inference inside the ingest: an undated report dated through an
event another report dates, whichever arrives first; disagreeing anchors leave it null."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.pipeline import ingest
from newsgraph.store import Store

DATED = """Journalist killed in Marbury

Published: 4 March 2015

The journalist Tomas Verlaine was shot dead in Marbury on Tuesday, 3 March 2015, police said.

Verlaine had written about corruption in the Marbury city council for ten years.
"""

LAST_WEEK = """Colleagues mourn Tomas Verlaine

Friends of Tomas Verlaine gathered in Marbury after the journalist was shot dead in Marbury last week.

His editor said Verlaine had received threats for months.
"""

YESTERDAY = """Marbury reporter shot

The journalist Tomas Verlaine was shot dead in Marbury yesterday, his newspaper said.

Colleagues said Verlaine had received death threats last month after he wrote about the city council.

The police in Marbury have not named a suspect, and the newspaper has offered a reward for information.
"""

CONTRADICTORY = """Marbury reporter shot

The journalist Tomas Verlaine was shot dead in Marbury yesterday, his newspaper said.

Verlaine, who was shot dead in Marbury two weeks ago, had received threats.
"""


def _write(tmp_path: Path, **texts: str) -> dict[str, Path]:
    out = {}
    for name, text in texts.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.txt").write_text(text)
        out[name] = folder
    return out


def _doc(store: Store, name: str) -> tuple[str, str | None, int, dict[str, str]]:
    row = store.conn.execute(
        "SELECT id, published, published_inferred, provenance FROM documents WHERE path LIKE ?",
        (f"%/{name}.txt",)).fetchone()
    return row[0], row[1], row[2], json.loads(row[3])


def _time(store: Store, doc_id: str, text: str) -> dict:
    row = store.conn.execute("SELECT data FROM times WHERE doc_id = ? AND text = ?",
                             (doc_id, text)).fetchone()
    return json.loads(row[0])


def _event_mention(store: Store, doc_id: str, trigger: str) -> dict:
    rows = [json.loads(r[0]) for r in store.conn.execute(
        "SELECT data FROM event_mentions WHERE doc_id = ? ORDER BY start", (doc_id,))]
    return next(m for m in rows if m["trigger"]["text"] == trigger)


@pytest.mark.parametrize("dated_first", [True, False])
def test_dates_undated_report_dated_by_the_event_in_either_order(
        tmp_path: Path, store: Store, dated_first: bool) -> None:
    folders = _write(tmp_path, dated=DATED, undated=LAST_WEEK)
    order = ["dated", "undated"] if dated_first else ["undated", "dated"]
    for name in order:  # two batches: the anchor may come later than the undated report
        ingest([folders[name]], store)
    dated_id, *_ = _doc(store, "dated")
    doc_id, published, inferred, prov = _doc(store, "undated")
    # Shot dead on Tuesday 3 March (ISO week 10) "last week": written in week 11.
    assert published == "2015-03"  # the partial date holding the window …
    assert prov["published_range"] == "2015-03-09/2015-03-15"  # … which the provenance keeps
    assert inferred == 1
    assert prov["published"] == "inferred:event-anchor"
    assert prov["published_precision"] == "month"
    (vote,) = json.loads(prov["published_evidence"])
    assert vote["source_doc"] == dated_id
    assert vote["expression"]["text"] == "last week"
    assert vote["event_date"] == "2015-03-03"
    text = store.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    s = vote["sentence"]
    assert text[s["start"]:s["end"]] == s["text"] and "shot dead" in s["text"]
    assert store.conn.execute("SELECT 1 FROM event_sources WHERE event_id = ? AND doc_id = ?",
                              (vote["event"], dated_id)).fetchone()
    # Its relative expressions are re-normalised against the new date.
    last_week = _time(store, doc_id, "last week")
    assert (last_week["value"], last_week["anchored_to"]) == ("2015-W10", "inferred")


def test_dates_yesterday_gives_the_day_and_renormalises(tmp_path: Path, store: Store) -> None:
    folders = _write(tmp_path, dated=DATED, undated=YESTERDAY)
    ingest([folders["undated"], folders["dated"]], store)
    doc_id, published, inferred, prov = _doc(store, "undated")
    assert (published, inferred, prov["published_precision"]) == ("2015-03-04", 1, "day")
    assert _time(store, doc_id, "yesterday")["value"] == "2015-03-03"
    assert _time(store, doc_id, "last month")["value"] == "2015-02"
    # Its own report of the killing waited for that date, and now has the day.
    shot = _event_mention(store, doc_id, "shot")
    assert shot["date_pending"] is None
    assert (shot["date"]["start"], shot["date"]["end"], shot["date"]["precision"]) == (
        "2015-03-03", "2015-03-03", "day")
    assert shot["date"]["evidence"]["text"] == "yesterday"
    assert shot["date"]["rule"].endswith(":anchored-by-other-reports")
    assert store.conn.execute("SELECT date_start FROM event_mentions WHERE id = ?",
                              (shot["id"],)).fetchone()[0] == "2015-03-03"


def test_dates_a_week_window_dates_a_last_week_event_by_its_week(tmp_path: Path, store: Store) -> None:
    folders = _write(tmp_path, dated=DATED, undated=LAST_WEEK)
    ingest([folders["dated"], folders["undated"]], store)
    doc_id, published, *_ = _doc(store, "undated")
    assert published == "2015-03"
    shot = _event_mention(store, doc_id, "shot")
    assert (shot["date"]["start"], shot["date"]["end"], shot["date"]["precision"]) == (
        "2015-03-02", "2015-03-08", "week")


def test_dates_conflicting_anchors_leave_the_date_null(tmp_path: Path, store: Store) -> None:
    folders = _write(tmp_path, dated=DATED, undated=CONTRADICTORY)
    ingest([folders["dated"]], store)
    ingest([folders["undated"]], store)
    doc_id, published, inferred, prov = _doc(store, "undated")
    # The killing of 3 March "yesterday" says 4 March; "two weeks ago" says the week of
    # 16 March: no date fits both.
    assert published is None and inferred == 0
    assert "published" not in prov
    assert prov["published_conflict"].startswith("votes disagree")
    assert len(json.loads(prov["published_evidence"])) == 2
    assert _time(store, doc_id, "yesterday")["value"] is None
    # Undated, its report of the killing keeps the expression it waits for.
    shot = _event_mention(store, doc_id, "shot")
    assert shot["date"] is None and shot["date_pending"]["text"] == "yesterday"


def test_dates_article_page_shows_the_evidence(tmp_path: Path, store: Store) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app

    folders = _write(tmp_path, dated=DATED, undated=LAST_WEEK)
    ingest([folders["undated"], folders["dated"]], store)
    doc_id, *_ = _doc(store, "undated")
    dated_id, *_ = _doc(store, "dated")
    with TestClient(create_app(Path(store.path)), base_url="http://127.0.0.1") as client:
        date = client.get(f"/documents/{doc_id}.json").json()["date"]
        assert (date["value"], date["inferred"], date["rule"], date["precision"]) == (
            "2015-03", True, "event-anchor", "month")
        (ev,) = date["evidence"]
        assert ev["expression"] == "last week" and ev["source_url"] == f"/documents/{dated_id}"
        assert ev["event_date"] == "2015-03-03" and ev["window"] == "2015-03-09/2015-03-15"
        page = client.get(f"/documents/{doc_id}").text
        assert 'id="date-evidence"' in page and f'href="/documents/{dated_id}"' in page


def test_dates_an_undated_report_is_examined_again_only_when_its_anchors_change(
        tmp_path: Path, store: Store, monkeypatch) -> None:
    from newsgraph.settings import Options
    from newsgraph.store import date_queries

    examined: list[str] = []
    real = date_queries.document_dating

    def spy(store_: Store, doc_id: str):  # type: ignore[no-untyped-def]
        examined.append(doc_id)
        return real(store_, doc_id)

    monkeypatch.setattr(date_queries, "document_dating", spy)
    undated_too = ("Marbury journalist buried\n\nThe journalist Tomas Verlaine, who was shot dead in "
                   "Marbury, was buried in his home town. Hundreds of colleagues attended.\n")
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in (("a_dated", DATED), ("b_yesterday", YESTERDAY), ("c_buried", undated_too)):
        (root / f"{name}.txt").write_text(text)
    ingest([root], store, Options(batch_size=1), root=root)  # one document per batch
    yesterday, published, *_ = _doc(store, "b_yesterday")
    assert published == "2015-03-04"
    # Dated once when it arrived; the later undated report of the same killing brings no
    # new anchor, so it is not examined again.
    assert examined.count(yesterday) == 1
