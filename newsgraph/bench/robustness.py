"""``newsgraph bench robustness``: a hostile corpus through the whole pipeline, and what came of it.

Writes the seeded hostile corpus (``hostile_corpus``: over a thousand bad files of
every kind issue 14 named) beside 100 good BBC News articles read from
``../shared/data`` at run time, ingests the folder into a fresh store through the
Python API (read, clean, annotate, extract, store, resolve), and prints:

- **crashes** — exceptions that escaped the ingest (must be 0); failures the
  pipeline caught inside a document (E305) are counted apart as internal errors;
- **every bad file accounted for** — each generated file got what its kind calls for
  (a coded failure, a stored document, or either — never neither: a silent loss);
  containers also store their good records; failures counted by code;
- **good articles stored** (must be 100/100);
- **peak memory** of the process (target ≤ 2 GB) and **time per file** (no file over
  60 s; the slowest five printed). Documents go one per batch here, so the time
  between two progress events belongs to one file;
- **growth with length** of the per-document stages that were quadratic (events,
  claims, within-document chains) on concatenated BBC articles of 25,000 to 200,000
  characters, with the exponent of time against length (1 is linear; issue 14
  measured events at 0.3 / 1.25 / 4.7 / 23.7 s, an exponent of 2).

The corpus lives under ``/tmp`` (``--out``) and is rewritten on each run from the seed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph.bench import data_dir
from newsgraph.bench.hostile_corpus import Spec, generate

__all__ = ["main", "run"]

#: The issue's targets, printed beside the figures.
MAX_FILE_SECONDS = 60.0
MAX_PEAK_MB = 2048


def _good_articles(n: int) -> list[Path]:
    """``n`` BBC News articles with distinct bytes (the corpus has exact duplicates)."""
    root = data_dir("corpora", "bbc-news")
    files = sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT")
    chosen, seen = [], set()
    for p in files[:: max(1, len(files) // (2 * n))]:
        digest = hashlib.sha256(p.read_bytes()).digest()
        if digest not in seen:
            seen.add(digest)
            chosen.append(p)
        if len(chosen) == n:
            break
    return chosen


def _file_of(path: str, root: Path) -> str:
    """The generated file an input path belongs to (``dir/a.jsonl#3`` → ``dir/a.jsonl``)."""
    p = path.split("#", 1)[0]
    try:
        return str(Path(p).relative_to(root))
    except ValueError:
        return p


def growth(sizes: tuple[int, ...] = (25_000, 50_000, 100_000, 200_000)) -> dict[str, Any]:
    """Seconds of event and claim extraction and within-document chaining by text length."""
    import math

    from newsgraph.extract.claims import extract_claims
    from newsgraph.extract.events import extract_events
    from newsgraph.model import Document
    from newsgraph.nlp.annotate import annotate
    from newsgraph.resolve.entities.within import chain_document

    root = data_dir("corpora", "bbc-news")
    bodies = []
    for path in sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT"):
        lines = [line.strip() for line in path.read_text(encoding="latin-1").splitlines()]
        bodies.append("\n\n".join(line for line in lines if line))
        if sum(map(len, bodies)) > max(sizes) * 1.1:
            break
    text = "\n\n".join(bodies)
    rows = []
    stages = {"events": extract_events, "claims": extract_claims, "chains": chain_document}
    (warm,) = annotate([Document(id="warm", path="warm", text=text[:5000], language="en")])
    for stage in stages.values():  # lexicons, WordNet and caches load on first use: not timed
        stage(warm)
    for size in sizes:
        doc = Document(id=f"long{size}", path=f"long{size}", text=text[:size], language="en",
                       published="2005-03-01")
        (adoc,) = annotate([doc])
        row: dict[str, Any] = {"chars": size}
        for name, stage in stages.items():
            t0 = time.perf_counter()
            stage(adoc)
            row[name] = time.perf_counter() - t0
        rows.append(row)
    xs = [math.log(r["chars"]) for r in rows]
    mx = sum(xs) / len(xs)

    def slope(name: str) -> float:  # least squares of log time on log length
        ys = [math.log(max(r[name], 1e-6)) for r in rows]
        my = sum(ys) / len(ys)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)

    return {"rows": rows, "exponents": {name: slope(name) for name in stages}}


def run(out: Path, seed: int = 14, good: int = 100, big: bool = True) -> dict[str, Any]:
    from newsgraph.nlp.annotate import load_model
    from newsgraph.pipeline import Progress, ingest
    from newsgraph.settings import Options
    from newsgraph.store import Store
    from newsgraph.store import bench_queries as bq

    if out.exists():
        shutil.rmtree(out)
    corpus = out / "corpus"
    t0 = time.perf_counter()
    specs = generate(corpus, seed, big=big)
    for i, src in enumerate(_good_articles(good)):
        dest = corpus / "good" / f"{i:03d}-{src.parent.name}-{src.name}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        specs.append(Spec(str(dest.relative_to(corpus)), "good-article", "store"))
    generated_s = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file() and not p.is_symlink())
    load_model()("warm up")

    seconds: dict[str, float] = defaultdict(float)
    outcome: dict[str, Counter[str]] = defaultdict(Counter)
    last = [time.perf_counter(), 0, 0, 0]  # time, ingested, present, failed

    def progress(p: Progress) -> None:
        now = time.perf_counter()
        name = _file_of(p.path, corpus)
        seconds[name] += now - last[0]
        for k, (key, value) in enumerate((("stored", p.ingested), ("present", p.present),
                                          ("failed", p.failed)), start=1):
            if value > last[k]:
                outcome[name][key] += value - last[k]
        last[:] = [now, p.ingested, p.present, p.failed]

    crashes: list[str] = []
    db = out / "kb.db"
    t0 = time.perf_counter()
    with Store(db) as store:
        try:
            report = ingest([corpus], store, Options(batch_size=1), on_progress=progress)
        except Exception:  # what the bench is here to catch
            crashes.append(traceback.format_exc(limit=8))
            report = None
        ingest_s = time.perf_counter() - t0
        stored_paths = bq.document_paths(store)
        failure_rows = bq.failure_rows(store)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    stored_by_file: Counter[str] = Counter(_file_of(p, corpus) for p in stored_paths)
    failed_by_file: dict[str, set[str]] = defaultdict(set)
    for path, code, _ in failure_rows:
        failed_by_file[_file_of(path, corpus)].add(code)
    codes: Counter[str] = Counter()
    if report is not None:
        for f in report.failed:
            codes[f.code] += getattr(f, "count", 1)
    problems: list[tuple[str, str, str]] = []
    for spec in specs:
        stored = stored_by_file[spec.path] + outcome[spec.path]["present"]
        failed = failed_by_file.get(spec.path, set())
        if spec.expect == "fail" and (not failed or stored_by_file[spec.path]):
            problems.append((spec.path, spec.kind, "expected a coded failure, got "
                             + (f"{stored_by_file[spec.path]} stored" if stored_by_file[spec.path]
                                else "nothing")))
        elif spec.expect == "store" and not stored:
            problems.append((spec.path, spec.kind, f"expected it stored, got {sorted(failed) or 'nothing'}"))
        elif spec.expect == "either" and not stored and not failed:
            problems.append((spec.path, spec.kind, "silently lost: neither stored nor a coded failure"))
        # A good record some earlier file already held is "already present", not lost.
        kept = stored_by_file[spec.path] + outcome[spec.path]["present"]
        if spec.good_records and kept < spec.good_records:
            problems.append((spec.path, spec.kind, f"stored or already present {kept} of its "
                             f"{spec.good_records} good records"))
    good_specs = [s for s in specs if s.kind == "good-article"]
    good_stored = sum(1 for s in good_specs if stored_by_file[s.path] or outcome[s.path]["present"])
    bad = [s for s in specs if s.kind != "good-article"]
    slowest = sorted(seconds.items(), key=lambda kv: kv[1], reverse=True)[:5]
    return {
        "files": len(specs), "bad_files": len(bad), "generated_mb": size / 2**20,
        "generate_s": generated_s, "ingest_s": ingest_s, "crashes": crashes,
        "internal_errors": codes.get("E305", 0), "codes": dict(sorted(codes.items())),
        "failure_rows": len(failure_rows), "documents": len(stored_paths),
        "good": len(good_specs), "good_stored": good_stored, "problems": problems,
        "peak_mb": peak_mb, "slowest": slowest,
        "over_60s": [name for name, s in seconds.items() if s > MAX_FILE_SECONDS],
        "kinds": dict(Counter(s.kind.split("-")[0] for s in bad)),
        "specs": [asdict(s) for s in specs],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-robustness",
                        help="where the corpus and the store are written (default /tmp/newsgraph-robustness)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--good", type=int, default=100, help="good BBC News articles mixed in (default 100)")
    parser.add_argument("--small", action="store_true", help="leave out the multi-megabyte files")
    parser.add_argument("--no-growth", action="store_true", help="skip the growth-with-length figures")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    console = Console()
    try:
        r = run(args.out, args.seed, args.good, big=not args.small)
        if not args.no_growth:
            r["growth"] = growth()
    except FileNotFoundError as exc:
        console.print(f"[yellow]skipped:[/yellow] {exc}")
        return
    ok = "[green]ok[/green]"
    bad = "[red]NO[/red]"
    table = Table(title=f"hostile corpus: {r['bad_files']:,} bad files + {r['good']} good articles "
                        f"({r['generated_mb']:,.0f} MB, written in {r['generate_s']:.1f} s), "
                        f"one ingest in {r['ingest_s']:.0f} s")
    table.add_column("check")
    table.add_column("figure", justify="right")
    table.add_column("target", justify="right")
    table.add_column("")
    table.add_row("crashes (exceptions out of the ingest)", str(len(r["crashes"])), "0",
                  ok if not r["crashes"] else bad)
    table.add_row("internal errors caught per document (E305)", str(r["internal_errors"]), "0",
                  ok if not r["internal_errors"] else bad)
    table.add_row("bad files not handled as their kind requires", str(len(r["problems"])), "0",
                  ok if not r["problems"] else bad)
    table.add_row("good articles stored", f"{r['good_stored']}/{r['good']}", f"{r['good']}/{r['good']}",
                  ok if r["good_stored"] == r["good"] else bad)
    table.add_row("peak memory (MB)", f"{r['peak_mb']:,.0f}", f"≤ {MAX_PEAK_MB:,}",
                  ok if r["peak_mb"] <= MAX_PEAK_MB else bad)
    worst = r["slowest"][0][1] if r["slowest"] else 0.0
    table.add_row("slowest file (s)", f"{worst:.1f}", f"≤ {MAX_FILE_SECONDS:.0f}",
                  ok if not r["over_60s"] else bad)
    console.print(table)
    slow = Table(title="slowest five files")
    slow.add_column("file")
    slow.add_column("s", justify="right")
    for name, s in r["slowest"]:
        slow.add_row(name, f"{s:.1f}")
    console.print(slow)
    codes = Table(title=f"failures by code ({sum(r['codes'].values()):,} inputs; "
                        f"{r['failure_rows']:,} rows in the store)")
    codes.add_column("code")
    codes.add_column("inputs", justify="right")
    for code, n in r["codes"].items():
        codes.add_row(code, f"{n:,}")
    console.print(codes)
    if "growth" in r:
        grow = Table(title="per-document stages by text length (s; exponent 1 = linear)")
        grow.add_column("characters", justify="right")
        for name in ("events", "claims", "chains"):
            grow.add_column(name, justify="right")
        names = ("events", "claims", "chains")
        for row in r["growth"]["rows"]:
            grow.add_row(f"{row['chars']:,}", *(f"{row[n]:.2f}" for n in names))
        grow.add_row("exponent", *(f"{r['growth']['exponents'][n]:.2f}" for n in names))
        console.print(grow)
    for crash in r["crashes"]:
        console.print(f"[red]crash:[/red]\n{crash}")
    if r["problems"]:
        probs = Table(title="files not handled as their kind requires")
        for col in ("file", "kind", "what happened"):
            probs.add_column(col)
        for row in r["problems"][:60]:
            probs.add_row(*row)
        console.print(probs)
    if args.json:
        args.json.write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
