"""The ingest job end to end: idempotence, resumability, bad input never stops the batch."""

from __future__ import annotations

import contextlib
import gzip
from pathlib import Path

from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.store import Store

ARTICLE = """Harbour workers end strike after pay deal

Workers at the harbour of the invented city of Port Anselm ended a three-day strike on Friday after the Anselm Harbour Workers Union accepted a new pay offer.

"This is a fair result for our members," said Mirela Dostan, the union's general secretary, who led the talks with the port authority.

The authority's chairman, Tomas Kerrigan, said cargo traffic would return to normal by Monday.
"""


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "second.txt").write_text(ARTICLE.replace("three-day", "four-day"), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "bad.jsonl").write_text('{"text": "%s"}\n{not json\n' % ("A valid record. " * 20),
                                    encoding="utf-8")
    (root / "bad.html.gz").write_bytes(gzip.compress(b"<html><body></body></html>"))
    return root


def test_ingest_stores_good_documents_and_reports_each_bad_file(tmp_path: Path, store: Store):
    root = _corpus(tmp_path)
    report = ingest([root], store)
    assert len(report.ingested) == 3  # two articles and one good JSONL record
    failed = {Path(f.path.split("#")[0]).name: f.code for f in report.failed}
    assert failed["empty.txt"] == "E101"
    assert failed["binary.txt"] == "E103"
    assert failed["bad.jsonl"] == "E105"
    assert "bad.html.gz" in failed
    assert all(f.reason for f in report.failed)
    assert store.stats()["failures"] == len(report.failed)
    (good_id,) = [i for i in report.ingested if store.document(i)["path"].endswith("good.txt")]
    doc = store.document(good_id)
    assert doc["title"].startswith("Harbour workers end strike")
    assert any(m["text"] == "Mirela Dostan" for m in doc["mentions"])


def test_reingest_is_a_no_op(tmp_path: Path, store: Store):
    root = _corpus(tmp_path)
    first = ingest([root], store)
    before = store.conn.execute("SELECT count(*), sum(length(text)) FROM documents").fetchone()
    second = ingest([root], store)
    assert second.ingested == [] and sorted(second.present) == sorted(first.ingested)
    assert store.conn.execute("SELECT count(*), sum(length(text)) FROM documents").fetchone() == before


def test_ingest_resumes_after_a_kill(tmp_path: Path, monkeypatch):
    """A run killed after its second unit of work keeps both whole and resumes with no
    duplicate (tests/resolve/test_corpus_crash.py: the rerun equals an uninterrupted run)."""
    from newsgraph import settings

    monkeypatch.setattr(settings, "RESOLVE_COMMIT_EVERY", 1)  # a save after every batch
    monkeypatch.setattr(settings, "RESOLVE_COMMIT_FRACTION", 0.0)
    root = _corpus(tmp_path)
    db = tmp_path / "resume.db"

    class Killed(Exception):
        pass

    def kill_in_second_batch(p) -> None:
        if p.ingested >= 2:
            raise Killed

    with Store(db) as s, contextlib.suppress(Killed):
        ingest([root], s, Options(batch_size=1), on_progress=kill_in_second_batch)
    with Store(db) as s:
        assert tuple(s.conn.execute("SELECT count(*), sum(resolved) FROM documents").fetchone()) == (2, 2)
        report = ingest([root], s, Options(batch_size=1))
        assert len(report.ingested) == 1 and len(report.present) == 2
        assert s.stats()["documents"] == 3
        assert s.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 3


def test_demo_corpus_ingests(demo_corpus: Path, store: Store):
    report = ingest([demo_corpus], store)
    assert report.failed == [] or all(f.code == "E110" for f in report.failed)
    assert len(report.ingested) >= 3


def test_a_claim_links_to_the_event_it_reports(tmp_path: Path, store: Store):
    text = ("Police arrest suspect in Port Anselm\n\n"
            "The harbour police said officers arrested a man near the container terminal of the "
            "invented city of Port Anselm on Friday.\n\n"
            "The man was later released without charge, his lawyer told reporters.\n")
    (tmp_path / "a.txt").write_text(text)
    (doc_id,) = ingest([tmp_path / "a.txt"], store).ingested
    facts = store.facts(doc_id)
    claim = next(c for c in facts["claims"] if "arrested" in c["content"]["text"])
    arrest = next(e for e in facts["event_mentions"] if e["trigger"]["text"] == "arrested")
    assert arrest["id"] in claim["events"] and arrest["flags"]["claim"] == claim["id"]


def test_resolver_state_is_saved_less_often_as_the_corpus_grows(tmp_path: Path, store: Store, monkeypatch):
    """The resolvers' state is written whole, so saves are spaced geometrically: with a
    fraction of 1.0 a save is due once the new documents match those already saved."""
    from newsgraph import settings
    from newsgraph.resolve.corpus import CorpusResolver

    monkeypatch.setattr(settings, "RESOLVE_COMMIT_EVERY", 1)
    monkeypatch.setattr(settings, "RESOLVE_COMMIT_FRACTION", 1.0)
    saved_at: list[int] = []
    real_commit = CorpusResolver.commit

    def commit(self: CorpusResolver) -> None:
        real_commit(self)
        saved_at.append(store.conn.execute("SELECT count(*) FROM documents WHERE resolved = 1").fetchone()[0])

    monkeypatch.setattr(CorpusResolver, "commit", commit)
    root = tmp_path / "corpus"
    root.mkdir()
    for i, port in enumerate(["Anselm", "Brevik", "Carrow", "Dunmere", "Eskel", "Farlow"]):
        (root / f"{i}.txt").write_text(ARTICLE.replace("Anselm", port), encoding="utf-8")
    report = ingest([root], store, Options(batch_size=1))
    assert len(report.ingested) == 6
    assert saved_at == [1, 2, 4, 6]  # doubling, then the end of the run saves the rest
