"""The ingest on a Dask cluster beside the same ingest in one process.

Three arms over the same BBC News articles, each in a fresh child process with
the model loaded (and, for Dask, the workers started and warmed) before the clock
starts: one process; one process with spaCy's own ``n_process`` workers; a local
Dask cluster of the same number of workers (``newsgraph.scale``). The figure is
the speed-up over one process, and the check is that Dask stores the same
knowledge base as one process (hash of the exported JSONL records). On one machine Dask only
shows the overhead of shipping batches and parses; its point is that the workers
can be other machines while the store and resolution stay on this one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph.bench import data_dir

__all__ = ["main", "run"]


def _files(limit: int) -> list[str]:
    root = data_dir("corpora", "bbc-news")
    files = sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT")
    return [str(p) for p in files[:limit]]


def _records_hash(store: Any) -> str:
    from newsgraph.export.jsonl import iter_records

    h = hashlib.sha256()
    for line in sorted(json.dumps(r, sort_keys=True) for r in iter_records(store)):
        h.update(line.encode())
    return h.hexdigest()[:16]


def _child(paths: list[str], arm: str, workers: int, q: Any) -> None:
    from contextlib import ExitStack

    from newsgraph.nlp.annotate import load_model
    from newsgraph.pipeline import ingest
    from newsgraph.settings import Options
    from newsgraph.store import Store

    load_model()("warm up")
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        processor = None
        options = Options()
        if arm == "spacy":
            options = Options(n_process=workers, batch_size=256)
        elif arm == "dask":
            from newsgraph.scale import dask_client, dask_processor

            client = stack.enter_context(dask_client(f"local:{workers}"))
            client.run(lambda: load_model()("warm up"))  # every worker loads its model first
            processor = dask_processor(client)
        with Store(Path(tmp) / "bench.db") as store:
            t = time.perf_counter()
            cpu = time.process_time()
            report = ingest(paths, store, options, processor=processor)
            seconds = time.perf_counter() - t
            q.put({"seconds": seconds, "driver_cpu": time.process_time() - cpu,
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "ingested": len(report.ingested), "hash": _records_hash(store)})


def _in_child(*args: Any) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(*args, q))
    p.start()
    result = q.get()
    p.join()
    return result


def run(limit: int = 600, workers: int = 2) -> dict[str, Any]:
    paths = _files(limit)
    arms = {arm: _in_child(paths, arm, workers) for arm in ("one", "spacy", "dask")}
    base = arms["one"]["seconds"]
    for m in arms.values():
        m["articles_per_s"] = m["ingested"] / m["seconds"]
        m["speedup"] = base / m["seconds"]
    return {"articles": len(paths), "workers": workers, "arms": arms,
            "identical": arms["one"]["hash"] == arms["dask"]["hash"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=600, help="BBC News articles (default 600)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args(argv)
    console = Console()
    try:
        r = run(args.limit, args.workers)
    except FileNotFoundError as exc:
        console.print(f"[yellow]skipped:[/yellow] {exc}")
        return
    table = Table(title=f"whole-pipeline ingest of {r['articles']} BBC News articles, "
                        f"{r['workers']} workers")
    for col in ("arm", "s", "art/s", "speed-up", "driver CPU s", "driver MB", "records"):
        table.add_column(col, justify="left" if col in ("arm", "records") else "right")
    names = {"one": "one process", "spacy": f"spaCy n_process={r['workers']}",
             "dask": f"Dask, {r['workers']} workers"}
    for arm, m in r["arms"].items():
        table.add_row(names[arm], f"{m['seconds']:.1f}", f"{m['articles_per_s']:.1f}",
                      f"{m['speedup']:.2f}×", f"{m['driver_cpu']:.1f}", f"{m['peak_mb']:.0f}", m["hash"])
    console.print(table)
    console.print("Dask stored the same records as one process: "
                  + ("[bold]yes[/bold]" if r["identical"] else "[red]NO[/red]")
                  + " (the spaCy arm needs batches of 256 to fork, and resolution is incremental "
                    "per batch, so its records may differ)")


if __name__ == "__main__":
    main()
