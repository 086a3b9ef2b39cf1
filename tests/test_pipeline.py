"""The ingest job end to end: idempotence, resumability, bad input never stops the batch."""

from __future__ import annotations

import contextlib
import gzip
import json
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
    from newsgraph.resolve_job import CorpusResolver

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


# -- issue 14: one document's trouble is that document's Failure, never the batch's ----------------------


def _articles(root: Path, n: int) -> list[Path]:
    root.mkdir(exist_ok=True)
    paths = []
    for i, port in enumerate(["Anselm", "Brevik", "Carrow", "Dunmere", "Eskel"][:n]):
        paths.append(root / f"{i}-{port.lower()}.txt")
        paths[-1].write_text(ARTICLE.replace("Anselm", port), encoding="utf-8")
    return paths


def test_a_text_over_the_annotation_cap_fails_alone_and_the_batch_is_stored(tmp_path: Path, store: Store):
    root = tmp_path / "corpus"
    _articles(root, 3)
    long = "Harbour strike diary\n\n" + "\n\n".join(
        f"On day {i} of the strike, {i * 7} workers met the port authority at berth {i}, the union "
        f"said in its {i}th statement." for i in range(40))
    (root / "1-long.txt").write_text(long, encoding="utf-8")
    report = ingest([root], store, Options(max_chars=3 * len(ARTICLE)))
    assert len(report.ingested) == 3
    assert [(Path(f.path).name, f.code) for f in report.failed] == [("1-long.txt", "E302")]
    row = store.conn.execute("SELECT path, code, reason FROM failures").fetchone()
    assert row[0].endswith("1-long.txt") and row[1] == "E302" and "over the" in row[2]
    # Raised, the cap takes the file in on the next run: it was not stored as present.
    again = ingest([root], store, Options(max_chars=10 * len(long)))
    assert len(again.ingested) == 1 and len(again.present) == 3


def test_a_document_over_its_time_budget_fails_with_E304(tmp_path: Path, store: Store):
    _articles(tmp_path / "corpus", 2)
    report = ingest([tmp_path / "corpus"], store, Options(doc_seconds=1e-9))
    assert report.ingested == [] and {f.code for f in report.failed} == {"E304"}
    assert all("budget" in f.reason and "--doc-seconds" in f.reason for f in report.failed)


def test_an_error_in_one_documents_extraction_or_cleaning_is_its_failure(tmp_path: Path, store: Store,
                                                                         monkeypatch):
    import newsgraph.per_document as per_document
    import newsgraph.pipeline as pipeline

    paths = _articles(tmp_path / "corpus", 4)
    real_extract, real_clean = per_document.extract_facts, pipeline.clean

    def extract(adoc, budget=None):
        if "brevik" in adoc.document.path:
            raise ValueError("a bug this document trips")
        return real_extract(adoc, budget)

    def clean(raw, options, lines):
        if "carrow" in raw.path:
            raise KeyError("another bug")
        return real_clean(raw, options, lines)

    monkeypatch.setattr(per_document, "extract_facts", extract)
    monkeypatch.setattr(pipeline, "clean", clean)
    # In this process: a patched stage does not reach spawned workers.
    report = ingest([tmp_path / "corpus"], store, Options(batch_size=4, workers=1))
    failed = {Path(f.path).name: (f.code, f.reason) for f in report.failed}
    assert failed[paths[1].name][0] == "E305" and "ValueError" in failed[paths[1].name][1]
    assert failed[paths[2].name][0] == "E203" and "KeyError" in failed[paths[2].name][1]
    assert len(report.ingested) == 2 and store.stats()["failures"] == 2


def test_lone_surrogates_and_controls_in_every_json_field_are_stored_safely(tmp_path: Path, store: Store):
    """Issue 14 item 4: "\\ud800" in a title, publisher or url crashed the store."""
    body = ARTICLE.replace("\n", "\\n").replace('"', '\\"').replace("three-day", "three\\ud800\\u0000day")
    lines = [
        '{"title": "Harbour \\ud800strike\\u0007 ends", "publisher": "Anselm \\udfffCourier", '
        '"author": "Mira\\u0000 Dostan", "url": "https://courier.example/\\ud800", '
        f'"date": "2021-03-04\\u001b", "text": "{body}"}}',
        # a record without text whose keys hold surrogates: reported, with a printable reason
        '{"\\ud800key": 1, "titl\\u0000e": "x"}',
    ]
    (tmp_path / "bad.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([tmp_path / "bad.jsonl"], store)
    (doc_id,) = report.ingested
    doc = store.document(doc_id)
    assert doc["title"] == "Harbour \ufffdstrike ends" and doc["publisher"] == "Anselm \ufffdCourier"
    assert doc["authors"] == ["Mira Dostan"]
    assert doc["url"] is None and any("url dropped" in w for w in doc["warnings"])
    assert "three\ufffd\ufffdday" in doc["text"] and any("U+FFFD" in w for w in doc["warnings"])
    (failure,) = report.failed
    assert failure.code == "E109" and "\\ud800" not in failure.reason
    assert store.failures()[0]["reason"] == failure.reason


def test_a_file_name_that_is_not_utf8_is_stored_under_a_printable_path(tmp_path: Path, store: Store):
    import os

    name = os.fsdecode(b"caf\xe9-report.txt")  # a lone surrogate in Python's view of it
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(ARTICLE, encoding="utf-8")
    (doc_id,) = ingest([tmp_path / "in"], store).ingested
    assert store.document(doc_id)["path"].endswith("caf\\xe9-report.txt")


def test_records_failing_alike_are_summarised_and_each_stays_findable(tmp_path: Path, store: Store):
    """Issue 14 item 9: 200,000 ``{}`` lines printed 200,007 rows; a NUL line lost its file."""
    good = json.dumps({"text": ARTICLE})
    lines = ["{}"] * 3000
    lines[1500] = good
    lines[10] = '{"te\x00xt": "\x00\x00"}\x00'
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([tmp_path / "many.jsonl"], store)
    assert len(report.ingested) == 1  # the good record among them comes in
    assert sum(f.count for f in report.failed) == 2999
    by_code: dict[str, list] = {}
    for f in report.failed:
        by_code.setdefault(f.code, []).append(f)
    assert [f.count for f in by_code["E105"]] == [1]  # the NUL line, alone
    e109 = by_code["E109"]
    assert len(e109) == 21 and [f.count for f in e109[:20]] == [1] * 20
    summary = e109[-1]
    assert summary.count == 2978 and summary.path.endswith("many.jsonl")
    assert "#22–1500" in summary.reason and "#1502–3000" in summary.reason  # which records
    assert store.stats()["failures"] == len(report.failed) == 22


def test_a_gzip_of_blank_lines_and_an_empty_array_are_coded(tmp_path: Path, store: Store):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blank.jsonl.gz").write_bytes(gzip.compress(b"\n" * 3_000_000))
    (tmp_path / "in" / "empty.json").write_text('{"articles": []}')
    report = ingest([tmp_path / "in"], store)
    assert {(Path(f.path).name, f.code) for f in report.failed} == {("blank.jsonl.gz", "E101"),
                                                                   ("empty.json", "E101")}
    assert "3,000,000 blank line(s)" in report.failed[0].reason


def test_xhtml_entities_are_never_stored_as_the_text(tmp_path: Path, store: Store):
    """Issue 14 item 9: an XHTML file of undefined entities was stored as "&lol9;"."""
    xhtml = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>{}</body></html>'
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "undefined.xhtml").write_text(xhtml.format("&lol9;"))
    bomb = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<html><body><p>&b;</p></body></html>')
    (tmp_path / "bomb.html").write_text(bomb)
    # Defined XHTML entities and HTML's own names are read as usual.
    (tmp_path / "fine.xhtml").write_text(xhtml.format("<p>" + ARTICLE.replace("\n\n", "</p><p>")
                                                      + " Caf&eacute; &amp; bar.</p>"))
    report = ingest([tmp_path], store)
    assert {Path(f.path).name: f.code for f in report.failed} == {"undefined.xhtml": "E204",
                                                                  "bomb.html": "E204"}
    (doc_id,) = report.ingested
    assert "Café & bar." in store.document(doc_id)["text"]


def test_a_plain_text_far_over_the_cap_is_refused_before_cleaning(tmp_path: Path, store: Store, monkeypatch):
    import newsgraph.ingest.clean as cleaning

    calls: list[str] = []
    real = cleaning._clean_plain
    monkeypatch.setattr(cleaning, "_clean_plain", lambda text, *a: (calls.append(text), real(text, *a)))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dump.txt").write_text(ARTICLE * 40, encoding="utf-8")
    report = ingest([tmp_path / "in"], store, Options(max_chars=len(ARTICLE) * 5))
    (failure,) = report.failed
    assert failure.code == "E302" and "before cleaning" in failure.reason and calls == []


def test_a_french_article_is_read_and_a_german_one_read_partially_with_its_reason(tmp_path: Path, store: Store):
    (tmp_path / "fr.txt").write_text(
        "La police arrête trois suspects à Lyon\n\n"
        "La police a arrêté mardi trois suspects dans le centre de Lyon, a déclaré le préfet Paul Renard "
        "devant les journalistes réunis à la préfecture.\n\n"
        "« L'enquête se poursuit et d'autres interpellations sont possibles », a ajouté Paul Renard.\n",
        encoding="utf-8")
    (tmp_path / "de.txt").write_text(
        "Die Polizei nimmt drei Verdächtige in Lyon fest\n\n"
        "Die Polizei hat am Dienstag drei Verdächtige im Zentrum von Lyon festgenommen, sagte der "
        "Präfekt vor den versammelten Journalisten in der Präfektur.\n", encoding="utf-8")
    report = ingest([tmp_path], store)
    docs = {Path(store.document(i)["path"]).name: store.document(i) for i in report.ingested}
    assert docs["fr.txt"]["language"] == "fr" and docs["fr.txt"]["annotated"]
    assert any(m["text"] == "Paul Renard" for m in docs["fr.txt"]["mentions"])
    facts = store.facts(docs["fr.txt"]["id"])
    assert any(c["speaker"] and c["speaker"]["text"] == "Paul Renard" for c in facts["claims"])
    assert any(e["trigger"]["text"] == "arrêté" for e in facts["event_mentions"])
    german = docs["de.txt"]
    # No pipeline reads German: read partially (nlp.partial), with the reason, and no
    # claims or events.
    assert german["language"] == "de" and german["model"].startswith("partial:")
    row = store.conn.execute("SELECT annotate_reason FROM documents WHERE id = ?", (german["id"],)).fetchone()
    assert "'de'" in row[0] and "partially" in row[0]
    assert {m["text"] for m in german["mentions"]} == {"Lyon"}  # German nouns are no names
    german_facts = store.facts(german["id"])
    assert not german_facts["claims"] and not german_facts["event_mentions"]
    assert any(p["name"] == "Lyon" for p in german_facts["places"])


def test_a_french_report_and_its_english_version_name_one_entity_each(tmp_path: Path, store: Store):
    (tmp_path / "fr.txt").write_text(
        "La Corée du Nord tire un missile\n\n"
        "Séoul, le 3 mars 2024. La Corée du Nord a tiré mardi un missile balistique en mer du Japon, "
        "selon l'armée sud-coréenne. Le dirigeant Kim Jong-un a assisté au lancement. L'ONU n'a pas "
        "confirmé la réunion d'urgence du Conseil de sécurité.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "North Korea fires a missile\n\n"
        "Seoul, March 3, 2024. North Korea fired a ballistic missile into the Sea of Japan on Tuesday, "
        "according to the South Korean military. Japan's defence minister condemned the launch. Leader "
        "Kim Jong-un attended the launch. The UN did not confirm an emergency meeting of the Security "
        "Council.\n", encoding="utf-8")
    ingest([tmp_path], store)
    from newsgraph.store.entity_queries import EntityFilter, entities

    _, rows = entities(store, EntityFilter(), limit=100)
    of = {alias: r["name"] for r in rows for alias in r["aliases"]}
    assert of["Corée du Nord"] == of["North Korea"]
    assert of["ONU"] == of["UN"] and of["Séoul"] == of["Seoul"]
    # Two names the tables know are two things; a country is never short for a longer name.
    assert of["UN"] != of["the Security Council"]
    assert of["Japan"] != of["the Sea of Japan"]


def test_the_corpus_stages_warm_up_beside_the_first_batch_and_leave_no_thread_behind(tmp_path: Path, store: Store):
    import threading

    root = _corpus(tmp_path)
    report = ingest([root], store, Options(batch_size=1))
    assert len(report.ingested) == 3
    assert not [t for t in threading.enumerate() if t.name == "newsgraph-warm-up"]


def test_a_documents_clock_counts_its_own_work_not_its_batch_mates(tmp_path: Path, store: Store,
                                                                    monkeypatch):
    """A long batch on a busy machine: each document is charged its share of the batch's
    parse and its own extraction, not the time its batch-mates took."""
    import newsgraph.budget as budget
    import newsgraph.nlp.annotate as annotate
    import newsgraph.per_document as per_document

    now = [0.0]
    monkeypatch.setattr(budget, "clock", lambda: now[0])
    real_parse, real_extract = annotate._parse, per_document.extract_facts

    def slow_parse(*args, **kwargs):
        now[0] += 40.0  # the whole batch's parse: 10 s a document
        return real_parse(*args, **kwargs)

    def slow_extract(adoc, clock=None):
        now[0] += 15.0  # each document's extraction
        return real_extract(adoc, clock)

    monkeypatch.setattr(annotate, "_parse", slow_parse)
    monkeypatch.setattr(per_document, "extract_facts", slow_extract)
    _articles(tmp_path / "corpus", 4)
    # In this process (patched stages do not reach spawned workers); 4 documents, one batch:
    # 40 s of parse and 4 × 15 s of extraction, ~25 s a document, under a 30 s budget.
    report = ingest([tmp_path / "corpus"], store, Options(batch_size=4, workers=1, doc_seconds=30))
    assert report.failed == [] and len(report.ingested) == 4
