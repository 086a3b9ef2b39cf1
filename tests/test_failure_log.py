"""Failures of one ingest: repeats of a container summarised, every path and reason printable."""

from __future__ import annotations

from newsgraph.failure_log import FailureLog
from newsgraph.model import Failure


def _log(listed: int = 3) -> tuple[FailureLog, list[Failure]]:
    rows: list[Failure] = []
    return FailureLog(rows.append, listed=listed), rows


def test_files_are_listed_one_by_one_and_records_beyond_the_first_are_summarised():
    log, rows = _log()
    log.add(Failure("a.txt", "E101", "empty"))
    log.add(Failure("b.txt", "E101", "empty"))
    for n in (*range(1, 8), *range(10, 13), 20):
        log.add(Failure(f"big.jsonl#{n}", "E109", f"record {n} has no text"))
    log.add(Failure("big.jsonl#9", "E105", "not JSON"))
    log.close()
    assert [(r.path, r.code, r.count) for r in rows] == [
        ("a.txt", "E101", 1), ("b.txt", "E101", 1),
        ("big.jsonl#1", "E109", 1), ("big.jsonl#2", "E109", 1), ("big.jsonl#3", "E109", 1),
        ("big.jsonl#9", "E105", 1), ("big.jsonl", "E109", 8)]
    summary = rows[-1].reason
    assert summary.startswith("8 more records failed with E109 (the first 3 are listed on their own)")
    assert "#4–7, #10–12, #20" in summary and "record 4 has no text" in summary
    assert log.total == 14


def test_a_summary_is_written_when_the_next_container_starts():
    log, rows = _log(listed=1)
    for n in range(1, 4):
        log.add(Failure(f"a.jsonl#{n}", "E109", "no text"))
    log.add(Failure("b.jsonl#1", "E109", "no text"))
    assert [(r.path, r.count) for r in rows] == [("a.jsonl#1", 1), ("a.jsonl", 2), ("b.jsonl#1", 1)]


def test_records_named_otherwise_than_by_number_are_listed_by_name():
    log, rows = _log(listed=1)
    for uri in ("https://x/1", "https://x/2", "https://x/3"):
        log.add(Failure(f"crawl.warc#{uri}", "E106", "truncated"))
    log.close()
    assert "#https://x/2, #https://x/3" in rows[-1].reason


def test_paths_and_reasons_are_made_printable():
    log, rows = _log()
    log.add(Failure("caf\udce9.txt", "E101", "keys: \ud800, \x00, \x1b[31m"))
    assert rows[0].path == "caf\\xe9.txt"
    assert rows[0].reason == "keys: \ufffd, \\x00, \\x1b[31m"
    rows[0].path.encode("utf-8")
