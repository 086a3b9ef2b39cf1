"""Per-document stages on worker processes store exactly what one process stores, and
leave no worker behind: stopped, interrupted, a worker killed, the ingest itself killed."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.pipeline import ingest
from newsgraph.scale.workers import ProcessPool, executor_processor
from newsgraph.settings import Options
from newsgraph.store import Store

# Invented people, bodies and towns, real countries and weekdays: entities recur across
# articles (cross-document resolution), with dates, places, claims and events in each.
PEOPLE = ["Jonas Weller", "Mirela Dostan", "Tomas Kerrigan", "Ilse Varnhof", "Pavel Orzech",
          "Nadia Quennell"]
BODIES = ["Northern Miners Federation", "Anselm Harbour Workers Union", "Tarvik Copper Company",
          "Brevik Rail Authority"]
TOWNS = [("Tarvik", "Norway"), ("Port Anselm", "Ireland"), ("Brevik", "Denmark"), ("Carrow", "Scotland")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

TEMPLATES = [
    """{person} arrested in {town}

{weekday}, March {day}, 2021

Police arrested {person} in {town}, {country}, on {weekday2}, a police spokesman said.

{surname}, who heads the {body}, had called a strike at the {town} depot. The {body} said the arrest was an attempt to break the strike.
""",
    """Strike spreads in {country} after {surname} arrest

{weekday}, March {day}, 2021

Workers at three more sites near {town} walked out on {weekday2}, a day after police detained {person}.

"We will not go back until he is free," said {other}, a spokeswoman for the {body}. {surname}'s lawyer said his client denied any wrongdoing.
""",
    """{body} agrees pay deal in {town}

{weekday}, March {day}, 2021

The {body} signed a new pay agreement with employers in {town} on {weekday2}, ending a dispute that lasted {n} weeks.

{other} told reporters the deal was fair. {person} welcomed the agreement and said talks would resume in {country} next month.
""",
]


def _corpus(root: Path, n: int) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        person = PEOPLE[i % len(PEOPLE)]
        town, country = TOWNS[(i // 2) % len(TOWNS)]
        text = TEMPLATES[i % len(TEMPLATES)].format(
            person=person, surname=person.split()[-1], other=PEOPLE[(i + 3) % len(PEOPLE)],
            body=BODIES[(i // 3) % len(BODIES)], town=town, country=country,
            weekday=DAYS[i % 5], weekday2=DAYS[(i + 2) % 5], day=1 + i % 27, n=2 + i % 5)
        path = root / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    (root / "zz_empty.txt").write_bytes(b"")  # a failure among the batches
    return paths


def _export(db: Path, out: Path) -> list[bytes]:
    from newsgraph.cli.main import app

    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return sorted(out.read_bytes().splitlines())


def test_two_workers_export_byte_for_byte_what_one_process_exports(tmp_path: Path):
    from newsgraph.cli.main import app

    root = tmp_path / "corpus"
    _corpus(root, 36)
    exports = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(app, ["ingest", str(root), "--db", str(db), "--workers", str(workers),
                                          "--batch-size", "4"])
        assert result.exit_code == 0, result.output
        exports[workers] = _export(db, tmp_path / f"w{workers}.jsonl")
    assert exports[2] == exports[1]
    kinds = {line.split(b'"kind": "')[1].split(b'"')[0] for line in exports[1]}
    assert {b"document", b"entity", b"event", b"claim"} <= kinds
    # Cross-document resolution ran on chains built by the workers: one entity, many documents.
    assert sum(b'"name": "Jonas Weller"' in line and b'"kind": "entity"' in line for line in exports[2]) == 1


def _children() -> set[int]:
    return {p.pid for p in mp.active_children()}


def test_a_stopped_or_interrupted_ingest_leaves_no_worker(tmp_path: Path):
    root = tmp_path / "corpus"
    _corpus(root, 24)
    before = _children()
    seen_workers: list[set[int]] = []

    def watch(_p) -> None:
        seen_workers.append(_children() - before)

    with Store(tmp_path / "stop.db") as store:
        calls = iter(range(1000))
        report = ingest([root], store, Options(batch_size=4, workers=2), on_progress=watch,
                        should_stop=lambda: next(calls) >= 1)
        assert report.stopped and 0 < len(report.ingested) < 24
    assert any(seen_workers) and _children() - before == set()

    class Interrupt(KeyboardInterrupt):
        pass

    def interrupt(p) -> None:
        if p.ingested >= 4:
            raise Interrupt  # a second Ctrl-C: at once, from inside the ingest loop

    with Store(tmp_path / "interrupt.db") as store, pytest.raises(Interrupt):
        ingest([root], store, Options(batch_size=4, workers=2), on_progress=interrupt)
    assert _children() - before == set()


class _KillsOneWorker:
    """A pool whose second batch kills the worker running it (as the OOM killer would)."""

    def __init__(self, pool: ProcessPool) -> None:
        self.pool, self.submitted = pool, 0

    @property
    def workers(self) -> int:
        return self.pool.workers

    def submit(self, fn, *args):
        self.submitted += 1
        if self.submitted == 2:
            return self.pool.submit(os._exit, 9)
        return self.pool.submit(fn, *args)


def test_a_batch_whose_worker_dies_is_processed_here_and_nothing_is_lost(tmp_path: Path):
    root = tmp_path / "corpus"
    _corpus(root, 16)
    options = Options(batch_size=4, workers=1)
    with Store(tmp_path / "one.db") as store:
        ingest([root], store, options)
    with ProcessPool(2) as pool, Store(tmp_path / "dying.db") as store:
        report = ingest([root], store, options, processor=executor_processor(_KillsOneWorker(pool)))
        assert len(report.ingested) == 16
    assert _export(tmp_path / "dying.db", tmp_path / "dying.jsonl") == \
        _export(tmp_path / "one.db", tmp_path / "one.jsonl")


def test_workers_ignore_ctrl_c_and_a_small_input_starts_no_pool(tmp_path: Path):
    root = tmp_path / "corpus"
    _corpus(root, 12)
    before = _children()
    started: list[set[int]] = []

    def ctrl_c_to_workers(_p) -> None:
        workers = _children() - before
        started.append(workers)
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):  # a child that already ended
                os.kill(pid, signal.SIGINT)  # as a terminal's Ctrl-C reaches the whole group

    with Store(tmp_path / "kb.db") as store:
        report = ingest([root], store, Options(batch_size=4, workers=2), on_progress=ctrl_c_to_workers)
        assert len(report.ingested) == 12 and any(started)
    started.clear()
    with Store(tmp_path / "small.db") as store:  # the default: too few documents for a pool
        report = ingest([root], store, Options(batch_size=4), on_progress=ctrl_c_to_workers)
        assert len(report.ingested) == 12 and not any(started)


_KILLED_INGEST = """
import sys
from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.store import Store
with Store(sys.argv[2]) as store:
    ingest([sys.argv[1]], store, Options(batch_size=2, workers=2),
           on_progress=lambda p: p.ingested and print("progress", flush=True))
"""


def test_workers_leave_with_an_ingest_killed_by_sigkill(tmp_path: Path):
    root = tmp_path / "corpus"
    _corpus(root, 40)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_INGEST, str(root), str(tmp_path / "kb.db")],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    try:
        assert proc.stdout is not None
        for line in proc.stdout:  # workers are running once the first batch is back
            if line.startswith("progress"):
                break
        workers = _pids_of_children(proc.pid)
        assert workers, "the ingest started no worker"
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 60
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in workers)
    finally:
        proc.kill()


def _pids_of_children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_batch_goes_to_the_workers_in_consecutive_parts_of_similar_length():
    from newsgraph.model import Document
    from newsgraph.scale.workers import split_batch

    docs = [Document(id=str(i), path=f"{i}.txt", text="word " * n) for i, n in
            enumerate([50, 10, 10, 10, 10, 10, 40, 30, 20, 20])]
    parts = split_batch(docs, 2)
    assert [d for part in parts for d in part] == docs  # order kept, nothing lost
    assert len(parts) == 2
    assert [d.id for d in parts[0]] == ["0", "1", "2", "3", "4", "5"]  # 100 words of 210
    assert split_batch(docs, 1) == [docs]
    assert split_batch(docs[:1], 4) == [docs[:1]]
    assert len(split_batch(docs, 20)) <= 10
