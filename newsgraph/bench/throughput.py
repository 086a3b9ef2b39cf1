"""Ingest throughput beside a bare spaCy pass, and growth from N to 4N articles.

Every measurement runs in a fresh child process so its peak memory (ru_maxrss)
is its own; model loading is done before the clock starts in both arms, so the
ratio compares the work per article: our whole pipeline (read, decode, clean,
language id, spaCy, mention trimming, SQLite + FTS writes) against ``nlp.pipe``
alone over the same texts.
"""

from __future__ import annotations

import json
import math
import multiprocessing as mp
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


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_bare(texts: list[str], n_process: int, q: Any) -> None:
    from newsgraph.nlp.annotate import load_model

    nlp = load_model()
    nlp("warm up")
    t = time.perf_counter()
    kwargs = {"n_process": n_process} if n_process > 1 else {}
    for _ in nlp.pipe(texts, batch_size=64, **kwargs):
        pass
    q.put({"seconds": time.perf_counter() - t, "peak_mb": _peak_mb()})


def _child_ingest(paths: list[str], n_process: int, q: Any, full: bool = True) -> None:
    from newsgraph.nlp.annotate import load_model
    from newsgraph.pipeline import ingest
    from newsgraph.settings import Options
    from newsgraph.store import Store

    load_model()("warm up")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        t = time.perf_counter()
        report = ingest(paths, store, Options(n_process=n_process, extract=full, resolve=full,
                                              batch_size=256 if n_process > 1 else 64))
        seconds = time.perf_counter() - t
        q.put({"seconds": seconds, "peak_mb": _peak_mb(), "ingested": len(report.ingested),
               "failed": len(report.failed), "mentions": store.stats()["mentions"]})


def _in_child(target: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q), kwargs=kwargs)
    p.start()
    result = q.get()
    p.join()
    return result


def run(limit: int | None = None, scaling: int = 500, processes: int = 1) -> dict[str, Any]:
    files = _bbc_files(limit)
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    words = sum(len(t.split()) for t in texts)
    bare = _in_child(_child_bare, texts, processes)
    spine = _in_child(_child_ingest, [str(f) for f in files], processes, full=False)
    ours = _in_child(_child_ingest, [str(f) for f in files], processes)
    result: dict[str, Any] = {"articles": len(files), "words": words, "processes": processes}
    for key, m in (("bare", bare), ("spine", spine), ("ingest", ours)):
        result[key] = {**m, "articles_per_s": len(files) / m["seconds"],
                       "words_per_s": words / m["seconds"]}
    result["ratio"] = result["ingest"]["articles_per_s"] / result["bare"]["articles_per_s"]
    result["spine_ratio"] = result["spine"]["articles_per_s"] / result["bare"]["articles_per_s"]
    if scaling:
        runs = {}
        with tempfile.TemporaryDirectory() as tmp:
            for n in (scaling, 4 * scaling):
                path = Path(tmp) / f"reuters-{n}.jsonl"
                with path.open("w", encoding="utf-8") as fh:
                    for rec in reuters_bodies(n):
                        fh.write(json.dumps(rec) + "\n")
                runs[n] = _in_child(_child_ingest, [str(path)], processes)
        small, big = runs[scaling], runs[4 * scaling]
        result["scaling"] = {
            "n": scaling, "runs": runs,
            "time_exponent": math.log(big["seconds"] / small["seconds"], 4),
            "memory_exponent": math.log(big["peak_mb"] / small["peak_mb"], 4),
        }
    return result


def main(limit: int | None = None, scaling: int = 500, processes: int = 1) -> None:
    console = Console()
    try:
        r = run(limit, scaling, processes)
    except FileNotFoundError as exc:
        console.print(f"[yellow]skipped:[/yellow] {exc}")
        return
    table = Table(title=f"throughput on BBC News: {r['articles']} articles, {r['words']:,} words, "
                        f"{r['processes']} process(es)")
    for col in ("run", "seconds", "articles/s", "words/s", "peak MB"):
        table.add_column(col, justify="right" if col != "run" else "left")
    for name, key in (("bare spaCy nlp.pipe", "bare"),
                      ("newsgraph ingest, spine (read, clean, annotate, store)", "spine"),
                      ("newsgraph ingest, everything (+ facts, resolution, stories, signals)", "ingest")):
        m = r[key]
        table.add_row(name, f"{m['seconds']:.1f}", f"{m['articles_per_s']:.1f}",
                      f"{m['words_per_s']:,.0f}", f"{m['peak_mb']:.0f}")
    console.print(table)
    console.print(f"ratio spine / bare pass: [bold]{r['spine_ratio']:.2f}[/bold] (target ≥ 0.70); "
                  f"everything / bare pass: [bold]{r['ratio']:.2f}[/bold]")
    console.print(f"ingested {r['ingest']['ingested']}, failed {r['ingest']['failed']}, "
                  f"mentions {r['ingest']['mentions']:,}")
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
