"""Killed ingests and concurrent writers: does the store always end as it would have?

Three measures, each against what an undisturbed run stores (the sorted, canonical JSONL
export of the whole store):

- **kill -9**: a real ``newsgraph ingest`` of N BBC News articles (a seeded shuffle) is
  killed with SIGKILL at a random moment, the store is inspected (documents, how many
  resolved, the row invariants of ``store/consistency.py``), the same command is run again
  to the end, and the export is compared with the uninterrupted run's. Repeated K times
  (``--kills``), moments drawn uniformly over the uninterrupted run's duration. With
  ``--before M`` the first M articles are ingested to the end first (in the reference
  and in every trial), so the killed run and its rerun start from saved resolver state.
- **two writers**: two ``newsgraph ingest`` processes started together on two halves of
  the articles, beside the two run one after the other (in the order they got the lock).
- **an edit during an ingest**: an entity rename through the HTTP API while a
  ``newsgraph ingest`` runs must be refused before anything is written; the same edit
  after the ingest must give what ingest-then-edit gives.

    newsgraph bench crash [--articles 2000] [--kills 20] [--jobs 2] [--seed 7] [--before 0]

Every run is a separate process (``python -m newsgraph.cli.main``), as a user runs them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsgraph.bench import data_dir

__all__ = ["main", "run_kills", "run_writers"]

CLI = [sys.executable, "-m", "newsgraph.cli.main"]


def _corpus(folder: Path, n: int, seed: int) -> Path:
    """N BBC News articles, a seeded shuffle of all sections, copied flat into ``folder``."""
    root = data_dir("corpora", "bbc-news")
    files = sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT")
    random.Random(seed).shuffle(files)
    folder.mkdir(parents=True, exist_ok=True)
    for i, p in enumerate(files[:n]):
        shutil.copyfile(p, folder / f"{i:05d}_{p.parent.name}_{p.name}")
    return folder


def _ingest(db: Path, paths: list[Path]) -> subprocess.Popen[str]:
    return subprocess.Popen([*CLI, "ingest", *map(str, paths), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"})


def _export(db: Path) -> list[str]:
    from newsgraph.export.jsonl import iter_records
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in iter_records(store))


def _digest(lines: list[str]) -> str:
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode())
    return h.hexdigest()[:16]


def _difference(a: list[str], b: list[str]) -> dict[str, int]:
    """Records (by kind) present in one export and not the other."""
    out: dict[str, int] = {}
    for line in set(a) ^ set(b):
        kind = json.loads(line)["kind"]
        out[kind] = out.get(kind, 0) + 1
    return out


def _inspect(db: Path) -> tuple[int, int, dict[str, int]]:
    """Documents, resolved documents and broken row invariants of a store."""
    from newsgraph.store import Store
    from newsgraph.store.bench_queries import document_count_resolved
    from newsgraph.store.consistency import problems

    if not db.exists():
        return 0, 0, {}
    with Store(db, readonly=True) as store:
        docs, resolved = document_count_resolved(store)
        return docs, resolved, problems(store)


@dataclass(slots=True)
class Trial:
    at: float
    finished_first: bool = False
    docs: int = 0
    resolved: int = 0
    problems_after_kill: dict[str, int] = field(default_factory=dict)
    problems_after_rerun: dict[str, int] = field(default_factory=dict)
    rerun_seconds: float = 0.0
    equal: bool = False
    difference: dict[str, int] = field(default_factory=dict)


def _ingest_all(db: Path, paths: list[Path]) -> None:
    run = _ingest(db, paths)
    _, err = run.communicate()
    if run.returncode != 0:
        raise RuntimeError(f"ingest failed ({run.returncode}): {err[-2000:]}")


def _trial(work: Path, corpus: Path, at: float, reference: list[str], before: Path | None = None) -> Trial:
    db = work / "kb.db"
    trial = Trial(at)
    if before is not None:
        _ingest_all(db, [before])
    run = _ingest(db, [corpus])
    try:
        run.wait(timeout=at)
        trial.finished_first = True  # ended before the kill: the moment came too late
    except subprocess.TimeoutExpired:
        run.send_signal(signal.SIGKILL)
        run.wait()
    trial.docs, trial.resolved, trial.problems_after_kill = _inspect(db)
    start = time.monotonic()
    rerun = _ingest(db, [corpus])
    _, err = rerun.communicate()
    trial.rerun_seconds = time.monotonic() - start
    if rerun.returncode != 0:
        raise RuntimeError(f"rerun failed ({rerun.returncode}): {err[-2000:]}")
    _, _, trial.problems_after_rerun = _inspect(db)
    got = _export(db)
    trial.equal = got == reference
    trial.difference = {} if trial.equal else _difference(got, reference)
    return trial


def run_kills(articles: int, kills: int, jobs: int, seed: int, work: Path,
              console: Console, before: int = 0) -> dict[str, object]:
    corpus = _corpus(work / "corpus", articles, seed)
    first: Path | None = None
    if before:
        first = work / "before"
        first.mkdir()
        for p in sorted(corpus.iterdir())[:before]:
            shutil.copyfile(p, first / p.name)
    ref_db = work / "reference" / "kb.db"
    ref_db.parent.mkdir()
    if first is not None:
        _ingest_all(ref_db, [first])
    start = time.monotonic()
    run = _ingest(ref_db, [corpus])
    _, err = run.communicate()
    seconds = time.monotonic() - start
    if run.returncode != 0:
        raise RuntimeError(f"the uninterrupted ingest failed: {err[-2000:]}")
    reference = _export(ref_db)
    docs, _, ref_problems = _inspect(ref_db)
    console.print(f"uninterrupted ingest{f' (after {before} ingested first)' if before else ''}: "
                  f"{docs} documents in {seconds:.0f} s, export "
                  f"{len(reference)} records ({_digest(reference)}), row problems {ref_problems or 'none'}")
    rng = random.Random(seed)
    moments = sorted(rng.uniform(0.02, 0.98) * seconds for _ in range(kills))

    def one(i: int) -> Trial:
        folder = work / f"trial{i:02d}"
        folder.mkdir()
        trial = _trial(folder, corpus, moments[i], reference, first)
        shutil.rmtree(folder, ignore_errors=True)
        console.print(f"  kill {i + 1}/{kills} at {trial.at:.0f} s: "
                      f"{'equal' if trial.equal else 'DIFFERENT ' + str(trial.difference)}")
        return trial

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        trials = list(pool.map(one, range(kills)))
    table = Table(title=f"kill -9 during an ingest of {docs} BBC News articles, then a rerun")
    for col in ("killed at", "stored / resolved at the kill", "row problems at the kill",
                "rerun", "export equal", "row problems after"):
        table.add_column(col)
    for t in trials:
        table.add_row(f"{t.at:.0f} s" + (" (had ended)" if t.finished_first else ""),
                      f"{t.docs} / {t.resolved}", str(t.problems_after_kill or "none"),
                      f"{t.rerun_seconds:.0f} s", "yes" if t.equal else f"NO {t.difference}",
                      str(t.problems_after_rerun or "none"))
    console.print(table)
    equal = sum(t.equal for t in trials)
    clean = sum(not t.problems_after_kill and not t.problems_after_rerun for t in trials)
    console.print(f"[bold]exports equal to the uninterrupted one: {equal}/{len(trials)}[/bold]; "
                  f"stores with every row invariant holding after the kill and after the rerun: "
                  f"{clean}/{len(trials)}")
    return {"articles": docs, "seconds": seconds, "kills": len(trials), "equal": equal, "clean": clean}


def run_writers(articles: int, seed: int, work: Path, console: Console) -> dict[str, object]:
    """Two ingests at once, and an API edit during an ingest, beside their sequential runs."""
    corpus = _corpus(work / "writers-corpus", articles, seed + 1)
    files = sorted(corpus.iterdir())
    halves = [work / "half-a", work / "half-b"]
    for half, part in zip(halves, (files[::2], files[1::2]), strict=True):
        half.mkdir()
        for f in part:
            shutil.move(str(f), half / f.name)
    # Two at once.
    from newsgraph.store import Store

    db = work / "together.db"
    Store(db).close()  # the store exists before both start
    runs = [_ingest(db, [h]) for h in halves]
    errs = [r.communicate()[1] for r in runs]
    codes = [r.returncode for r in runs]
    waited = [i for i, e in enumerate(errs) if "waiting:" in e]
    order = halves[::-1] if waited == [0] else halves
    together = _export(db)
    _, _, together_problems = _inspect(db)
    turn_db = work / "in-turn.db"
    for half in order:
        _ingest(turn_db, [half]).communicate()
    in_turn = _export(turn_db)
    same = together == in_turn
    console.print(f"two ingests started together: exit codes {codes}, "
                  f"{'one waited for the other' if waited else 'no wait observed'}; store equal to "
                  f"the two run in turn: {'yes' if same else 'NO ' + str(_difference(together, in_turn))}; "
                  f"row problems {together_problems or 'none'}")
    edit = _edit_during_ingest(work, halves, console)
    return {"writers_equal": same, "writers_exit_codes": codes, **edit}


def _edit_during_ingest(work: Path, halves: list[Path], console: Console) -> dict[str, object]:
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app
    from newsgraph.store import Store
    from newsgraph.store.bench_queries import most_mentioned_entity
    from newsgraph.store.lock import WriterLock

    db = work / "edit.db"
    _ingest(db, [halves[0]]).communicate()
    with Store(db, readonly=True) as store:
        top = most_mentioned_entity(store)
    assert top is not None, "the first half of the corpus names no entity"
    target, name = top
    sequential = work / "edit-sequential.db"
    shutil.copyfile(db, sequential)
    body = {"op": "rename", "entities": [target], "value": f"{name} (renamed)"}
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        run = _ingest(db, [halves[1]])
        probe = WriterLock(db, "probe")
        while run.poll() is None and probe.holder() is None:
            time.sleep(0.05)
        during = c.post("/api/entities/edits", json=body)
        edits_during = _count_edits(db)
        run.communicate()
        after = c.post("/api/entities/edits", json=body)
    _ingest(sequential, [halves[1]]).communicate()
    with TestClient(create_app(sequential), base_url="http://127.0.0.1") as c:
        c.post("/api/entities/edits", json=body)
    same = _strip_edit_times(_export(db)) == _strip_edit_times(_export(sequential))
    _, _, problems = _inspect(db)
    console.print(f"an entity rename through the API during an ingest: HTTP {during.status_code} "
                  f"({during.json().get('error', {}).get('code', 'applied')}), audit rows written "
                  f"during the ingest {edits_during}; after it: HTTP {after.status_code}; store "
                  f"equal to ingest-then-edit: {'yes' if same else 'NO'}; row problems {problems or 'none'}")
    return {"edit_during": during.status_code, "edit_after": after.status_code, "edit_equal": same}


def _count_edits(db: Path) -> int:
    from newsgraph.store import Store
    from newsgraph.store.bench_queries import edit_count

    with Store(db, readonly=True) as store:
        return edit_count(store)


def _strip_edit_times(lines: list[str]) -> list[str]:
    """Exports compared without the edit's own id and time (two edits, two moments)."""
    out = []
    for line in lines:
        record = json.loads(line)
        for key in ("edits", "edited_at"):
            record.pop(key, None)
        out.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="newsgraph bench crash", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="BBC News articles to ingest")
    parser.add_argument("--kills", type=int, default=20, help="killed runs (0 skips them)")
    parser.add_argument("--jobs", type=int, default=1, help="killed runs at once")
    parser.add_argument("--writers", type=int, default=300,
                        help="articles for the two-writers and edit checks (0 skips them)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--before", type=int, default=0,
                        help="articles ingested to the end before each killed run (its state saved)")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    console = Console()
    for name in ("httpx", "httpx2"):  # one line per request of the in-process client
        logging.getLogger(name).setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="newsgraph-crash-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.kills:
            run_kills(args.articles, args.kills, args.jobs, args.seed, work / "kills", console, args.before)
        if args.writers:
            run_writers(args.writers, args.seed, work / "writers", console)


if __name__ == "__main__":
    main()
