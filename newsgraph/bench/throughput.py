"""Ingest throughput beside a bare spaCy pass, and growth from N to 4N articles.

Every measurement runs in a fresh child process so its peak memory (ru_maxrss)
is its own; model loading (and starting the worker pool) is done before the clock
starts in every arm, so the ratios compare the work per article: our whole pipeline
(read, decode, clean, language id, spaCy, mention trimming, facts, resolution,
stories, signals, SQLite + FTS writes) against ``nlp.pipe`` alone over the same texts.

The arms: bare ``nlp.pipe`` in one process; the **two-core bare reference** — two
independent processes each running ``nlp.pipe`` over half the texts at the same time,
timed by the wall clock (spaCy's own ``n_process`` pays for pickling Docs and is no
limit); the bare arms run the pipeline exactly as ``spacy.load`` gives it, and one more
arm runs ``nlp.pipe`` as newsgraph loads the model (its attribute ruler and lemmatizer
reach the same annotations more cheaply, ``nlp.spacy_speed``); optionally the spine; the
whole pipeline with its default worker processes; and the whole pipeline with
``--workers 1``. The machine's load average is printed
beside the figures: on a shared machine every arm is slowed by the others' work.
"""

from __future__ import annotations

import json
import math
import multiprocessing as mp
import os
import re
import resource
import tempfile
import time
from html import unescape
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph.bench import data_dir

__all__ = ["main", "reuters_bodies", "run"]


def _bbc_files(limit: int | None) -> list[Path]:
    root = data_dir("corpora", "bbc-news")
    files = sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT")
    return files[:limit] if limit else files


def reuters_bodies(n: int) -> list[dict[str, str]]:
    """The first ``n`` non-empty Reuters-21578 stories as {title, text, date} records."""
    out: list[dict[str, str]] = []
    for sgm in sorted(data_dir("corpora", "reuters21578").glob("reut2-*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for story in re.findall(r"<REUTERS.*?</REUTERS>", raw, flags=re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", story, flags=re.S)
            if not body or len(body.group(1).split()) < 20:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", story, flags=re.S)
            date = re.search(r"<DATE>(.*?)</DATE>", story, flags=re.S)
            out.append({"title": unescape(title.group(1)) if title else "",
                        "text": unescape(body.group(1)).replace("\x03", "").strip(),
                        "date": date.group(1).strip() if date else ""})
            if len(out) >= n:
                return out
    return out


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _child_bare(texts: list[str], n_process: int, q: Any, ready: Any = None, go: Any = None,
                stock: bool = True) -> None:
    from newsgraph.nlp.annotate import load_model

    nlp = load_model(stock=stock)
    nlp("warm up")
    if ready is not None:  # one of two halves: start together with the other
        ready.put(True)
        go.wait()
    t = time.perf_counter()
    kwargs = {"n_process": n_process} if n_process > 1 else {}
    for _ in nlp.pipe(texts, batch_size=64, **kwargs):
        pass
    q.put({"seconds": time.perf_counter() - t, "peak_mb": _peak_mb()})


def _child_ingest(paths: list[str], workers: int | None, q: Any, full: bool = True) -> None:
    """One whole ingest; with workers > 1 their pool is started and warm before the clock
    (as the model is loaded before it in the bare arms)."""
    from newsgraph.nlp.annotate import load_model
    from newsgraph.pipeline import ingest
    from newsgraph.scale.workers import ProcessPool, default_workers, executor_processor
    from newsgraph.settings import Options
    from newsgraph.store import Store

    count = workers or default_workers()
    options = Options(extract=full, resolve=full, workers=count)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        if count > 1:
            t = time.perf_counter()
            pool = ProcessPool(count)
            pool.warm()
            startup = time.perf_counter() - t
            processor = executor_processor(pool)
        else:
            load_model()("warm up")
            pool, startup, processor = None, 0.0, None
        t = time.perf_counter()
        report = ingest(paths, store, options, processor=processor)
        seconds = time.perf_counter() - t
        if pool is not None:
            pool.close()
        q.put({"seconds": seconds, "peak_mb": _peak_mb(), "workers": count, "startup": startup,
               "worker_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN) if pool is not None else 0.0,
               "ingested": len(report.ingested), "failed": len(report.failed),
               "mentions": store.stats()["mentions"]})


def _in_child(target: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q), kwargs=kwargs)
    p.start()
    result = q.get()
    p.join()
    return result


def _two_halves(texts: list[str]) -> dict[str, Any]:
    """Two independent processes, each ``nlp.pipe`` over half the texts, started together
    once both have loaded the model: the wall clock from the start to the last to finish."""
    ctx = mp.get_context("spawn")
    q, ready, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    half = (len(texts) + 1) // 2
    procs = [ctx.Process(target=_child_bare, args=(part, 1, q, ready, go))
             for part in (texts[:half], texts[half:])]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get()
    t = time.perf_counter()
    go.set()
    parts = [q.get() for _ in procs]
    seconds = time.perf_counter() - t
    for p in procs:
        p.join()
    return {"seconds": seconds, "peak_mb": max(m["peak_mb"] for m in parts),
            "halves": [m["seconds"] for m in parts]}


def run(limit: int | None = None, scaling: int = 500, workers: int | None = None,
        spine: bool = False) -> dict[str, Any]:
    """Each arm in a fresh process, one after the other (see the module docstring)."""
    files = _bbc_files(limit)
    paths = [str(f) for f in files]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    words = sum(len(t.split()) for t in texts)
    result: dict[str, Any] = {"articles": len(files), "words": words, "load_before": os.getloadavg()}
    arms = {"bare": _in_child(_child_bare, texts, 1), "bare2": _two_halves(texts),
            "bare_ours": _in_child(_child_bare, texts, 1, stock=False)}
    if spine:
        arms["spine"] = _in_child(_child_ingest, paths, workers, full=False)
    arms["ingest"] = _in_child(_child_ingest, paths, workers)
    arms["ingest1"] = _in_child(_child_ingest, paths, 1)
    for key, m in arms.items():
        result[key] = {**m, "articles_per_s": len(files) / m["seconds"],
                       "words_per_s": words / m["seconds"]}
    two = result["bare2"]["articles_per_s"]
    for key in arms:
        result[key]["of_two_core"] = result[key]["articles_per_s"] / two
        result[key]["of_one_core"] = result[key]["articles_per_s"] / result["bare"]["articles_per_s"]
    result["load_after"] = os.getloadavg()
    if scaling:
        runs = {}
        with tempfile.TemporaryDirectory() as tmp:
            for n in (scaling, 4 * scaling):
                path = Path(tmp) / f"reuters-{n}.jsonl"
                with path.open("w", encoding="utf-8") as fh:
                    for rec in reuters_bodies(n):
                        fh.write(json.dumps(rec) + "\n")
                runs[n] = _in_child(_child_ingest, [str(path)], workers)
        small, big = runs[scaling], runs[4 * scaling]
        result["scaling"] = {
            "n": scaling, "runs": runs,
            "time_exponent": math.log(big["seconds"] / small["seconds"], 4),
            "memory_exponent": math.log(big["peak_mb"] / small["peak_mb"], 4),
        }
    return result


def main(limit: int | None = None, scaling: int = 500, workers: int | None = None,
         spine: bool = False) -> None:
    console = Console()
    try:
        r = run(limit, scaling, workers, spine)
    except FileNotFoundError as exc:
        console.print(f"[yellow]skipped:[/yellow] {exc}")
        return
    table = Table(title=f"throughput on BBC News: {r['articles']} articles, {r['words']:,} words")
    for col in ("run", "seconds", "articles/s", "words/s", "× two-core bare", "peak MB"):
        table.add_column(col, justify="right" if col != "run" else "left")
    n = r["ingest"]["workers"]
    names = {"bare": "bare nlp.pipe, 1 process",
             "bare2": "bare nlp.pipe, 2 halves at once",
             "bare_ours": "nlp.pipe as newsgraph loads it, 1 process",
             "spine": f"spine, {n} workers",
             "ingest": f"everything, {n} workers",
             "ingest1": "everything, --workers 1"}
    for key, name in names.items():
        if key not in r:
            continue
        m = r[key]
        peak = f"{m['peak_mb']:.0f}"
        if m.get("worker_peak_mb"):
            peak += f" + {m['worker_peak_mb']:.0f}"
        table.add_row(name, f"{m['seconds']:.1f}", f"{m['articles_per_s']:.1f}",
                      f"{m['words_per_s']:,.0f}", f"{m['of_two_core']:.2f}", peak)
    console.print(table)
    console.print("peak MB: the ingest's process + its largest worker")
    console.print(f"everything, {n} workers / two-core bare reference: "
                  f"[bold]{r['ingest']['of_two_core']:.2f}[/bold] (target ≥ 0.70); "
                  f"/ one-process bare: {r['ingest']['of_one_core']:.2f}; "
                  f"--workers 1 / two-core bare: {r['ingest1']['of_two_core']:.2f}")
    console.print(f"worker pool start-up (model loads, before the clock): {r['ingest']['startup']:.1f} s; "
                  f"two-core halves: {', '.join(f'{x:.1f} s' for x in r['bare2']['halves'])}")
    console.print(f"ingested {r['ingest']['ingested']}, failed {r['ingest']['failed']}, "
                  f"mentions {r['ingest']['mentions']:,} (--workers 1: {r['ingest1']['mentions']:,})")
    console.print("load average (1, 5, 15 min) before: " + ", ".join(f"{x:.2f}" for x in r["load_before"])
                  + "; after: " + ", ".join(f"{x:.2f}" for x in r["load_after"])
                  + f" on {os.cpu_count()} cores — other work on the machine slows every arm")
    if "scaling" in r:
        s = r["scaling"]
        t2 = Table(title=f"growth on Reuters-21578 bodies: N={s['n']} vs 4N={4 * s['n']}")
        for col in ("articles", "seconds", "articles/s", "peak MB"):
            t2.add_column(col, justify="right")
        for n, m in s["runs"].items():
            t2.add_row(str(n), f"{m['seconds']:.1f}", f"{n / m['seconds']:.1f}", f"{m['peak_mb']:.0f}")
        console.print(t2)
        console.print(f"time exponent {s['time_exponent']:.2f} (1.0 = linear); "
                      f"peak-memory exponent {s['memory_exponent']:.2f}")


if __name__ == "__main__":
    main()
