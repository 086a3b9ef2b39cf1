"""``newsgraph bench extract``: article-body extraction F1 on the scrapinghub benchmark.

Data: ``../shared/data/article-extraction`` (181 gzipped HTML pages and
``ground-truth.json`` with each page's ``articleBody``), from
scrapinghub/article-extraction-benchmark.

Metric, as that benchmark's ``evaluate.py`` defines it (re-implemented here):
tokens are ``\\w+`` runs; each text becomes a multiset of 4-token shingles;
per page TP/FP/FN are the multiset overlaps, normalised to sum 1 so long
pages weigh no more than short ones; precision and recall are averaged over
pages (pages with no prediction / no truth are left out of the respective
mean, a page with neither counts 1), and F1 is the harmonic mean of those two
means.  The ± is 1.96 × the standard deviation over 1,000 bootstrap resamples
of the pages.

Rows, all in one run over the same pages:

* ``full-page text`` — the page rendered to text with every line of chrome
  (``newsgraph.ingest.clean.render``): the baseline the plain-text cleaner starts from;
* ``trafilatura`` — ``trafilatura.extract(html)`` with default settings;
* ``newsgraph html`` — ``clean()`` on the HTML (``format="html"``);
* ``newsgraph plain-text`` — ``clean()`` on the full-page text (``format="text"``): no markup;
* ``plain-text, no table`` — the same with the table of web-chrome phrases
  (``lexicon.CHROME_PHRASES`` / ``CHROME_ANYWHERE``) switched off: an ablation
  showing what the method does on general cues alone.

Speed is pages/s over all pages of a row (after one untimed warm-up page, so
imports and model loads are not counted): by the wall clock (``pages/s``) and by
the process's CPU time (``cpu p/s``), which other jobs on a shared machine move
far less; ``vs traf`` is the CPU speed as a ratio to the ``trafilatura`` row of
the same run when that row ran.  The ``newsgraph html`` row does more
than ``trafilatura.extract``: metadata (title, date, author, site) and the list of
removed blocks, from one parse of the page.

Pages are split by their id's first hex digit into a development half (< 8),
on which the cleaner's general parameters were set, and a held-out half (≥ 8);
both halves and the total are reported.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.bench import shared_dir

__all__ = ["default_data_dir", "main", "run", "shingle_counts", "tp_fp_fn"]

_TOKEN = re.compile(r"\w+", re.UNICODE)
_NGRAM = 4
_BOOTSTRAP = 1000


def default_data_dir() -> Path:
    """``shared/data/article-extraction`` beside the repository."""
    return shared_dir() / "data" / "article-extraction"


def shingle_counts(text: str, n: int = _NGRAM) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page shingle TP/FP/FN, normalised to sum to 1."""
    t, p = shingle_counts(true), shingle_counts(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _metrics(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    ps = [_precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [_recall(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def _with_ci(rows: list[tuple[float, float, float]], seed: int = 0) -> dict[str, float]:
    out = _metrics(rows)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in out}
    for _ in range(_BOOTSTRAP if len(rows) > 1 else 0):
        m = _metrics([rows[rng.randrange(len(rows))] for _ in rows])
        for k, v in m.items():
            samples[k].append(v)
    for k, values in samples.items():
        out[f"{k}_ci"] = 1.96 * statistics.stdev(values) if len(values) > 1 else 0.0
    return out


def _systems() -> dict[str, Callable[[bytes, str], str]]:
    import trafilatura

    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest.clean import clean, render_text
    from newsgraph.ingest.clean.decode import decode_bytes, repair_text
    from newsgraph.model.document import RawDocument

    def page_text(data: bytes) -> str:
        try:
            return decode_bytes(data, html=True, repair=False)[0]
        except NewsgraphError:
            return data.decode("utf-8", "replace")

    def full_page(data: bytes, url: str) -> str:
        return repair_text(render_text(page_text(data)))

    def trafilatura_alone(data: bytes, url: str) -> str:
        return trafilatura.extract(page_text(data)) or ""

    def ours_html(data: bytes, url: str) -> str:
        try:
            return clean(RawDocument(data, url, format="html")).text
        except NewsgraphError:
            return ""

    def ours_plain(data: bytes, url: str) -> str:
        rendered = repair_text(render_text(page_text(data)))
        try:
            return clean(RawDocument(rendered.encode("utf-8"), url, format="text")).text
        except NewsgraphError:
            return ""

    def ours_plain_no_table(data: bytes, url: str) -> str:
        with _without_chrome_table():
            return ours_plain(data, url)

    return {"full-page text": full_page, "trafilatura": trafilatura_alone,
            "newsgraph html": ours_html, "newsgraph plain-text": ours_plain,
            "plain-text, no table": ours_plain_no_table}


@contextmanager
def _without_chrome_table() -> Iterator[None]:
    """Swap the chrome-phrase patterns for ones that never match, for the ablation row."""
    import newsgraph.ingest.clean as package
    from newsgraph.ingest.clean import boilerplate, metadata

    never = re.compile(r"(?!x)x")
    saved = (boilerplate.CHROME_RE, boilerplate.CHROME_ANYWHERE_RE, boilerplate.SECTION_RE, package.CHROME_RE,
             metadata.CHROME_RE)
    boilerplate.CHROME_RE = boilerplate.CHROME_ANYWHERE_RE = boilerplate.SECTION_RE = never
    package.CHROME_RE = metadata.CHROME_RE = never
    try:
        yield
    finally:
        (boilerplate.CHROME_RE, boilerplate.CHROME_ANYWHERE_RE, boilerplate.SECTION_RE, package.CHROME_RE,
         metadata.CHROME_RE) = saved


def run(data_dir: Path | None = None, limit: int | None = None,
        systems: list[str] | None = None, split: str | None = None) -> dict:
    """Score every system on the pages; return per-system, per-split metrics and pages/s.

    data_dir (Path): the benchmark folder (default: ``default_data_dir()``).
    limit (int): score only the first ``limit`` pages (sorted by id), for a quick look.
    systems (list[str]): row names to run (default: all).
    split (str): ``dev`` or ``held-out`` to score only that half.
    RETURNS (dict): ``{"pages": n, "systems": {name: {"dev"|"held-out"|"all": metrics,
        "pages_per_s": x}}, "per_page": {name: {page_id: f1}}}``.
    """
    data_dir = data_dir or default_data_dir()
    truth_path = data_dir / "ground-truth.json"
    if not truth_path.exists():
        raise FileNotFoundError(f"benchmark data not found: {truth_path}")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    ids = sorted(truth)
    if split == "dev":
        ids = [i for i in ids if int(i[0], 16) < 8]
    elif split == "held-out":
        ids = [i for i in ids if int(i[0], 16) >= 8]
    if limit:
        ids = ids[:limit]
    pages = {i: gzip.decompress((data_dir / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    chosen = _systems()
    if systems:
        chosen = {k: v for k, v in chosen.items() if k in systems}
    result: dict = {"pages": len(ids), "systems": {}, "per_page": {}}
    for name, fn in chosen.items():
        rows: dict[str, tuple[float, float, float]] = {}
        if ids:
            # Imports and model loads happen on a system's first page: not its speed per page.
            fn(pages[ids[0]], truth[ids[0]].get("url", ""))
        started, cpu_started = time.perf_counter(), time.process_time()
        for i in ids:
            rows[i] = tp_fp_fn(truth[i].get("articleBody", ""), fn(pages[i], truth[i].get("url", "")))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        entry: dict = {"pages_per_s": len(ids) / elapsed if elapsed else 0.0,
                       "cpu_pages_per_s": len(ids) / cpu if cpu else 0.0}
        for part, keep in (("dev", lambda i: int(i[0], 16) < 8), ("held-out", lambda i: int(i[0], 16) >= 8),
                           ("all", lambda i: True)):
            part_rows = [rows[i] for i in ids if keep(i)]
            if part_rows:
                entry[part] = _with_ci(part_rows)
        result["systems"][name] = entry
        result["per_page"][name] = {i: _metrics([rows[i]])["f1"] for i in ids}
    base = result["systems"].get("trafilatura", {}).get("cpu_pages_per_s")
    for entry in result["systems"].values():
        entry["speed_vs_trafilatura"] = entry["cpu_pages_per_s"] / base if base else None
    return result


def main(argv: list[str] | None = None, *, data_dir: Path | None = None, limit: int | None = None) -> int:
    """Print the table; exit 0 (skips with a message when the data is absent).

    argv (list[str]): command-line options (``python -m newsgraph.bench.extract``); None: none.
    data_dir, limit: defaults for ``--data``/``--limit`` (how ``newsgraph bench extract`` calls it).
    """
    parser = argparse.ArgumentParser(prog="newsgraph bench extract", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=data_dir, help="benchmark folder")
    parser.add_argument("--limit", type=int, default=limit, help="only the first N pages")
    parser.add_argument("--split", choices=["dev", "held-out"], default=None)
    parser.add_argument("--system", action="append", default=None, help="row(s) to run")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args(argv or [])
    try:
        res = run(args.data, args.limit, args.system, args.split)
    except FileNotFoundError as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    print(f"article-extraction benchmark, {res['pages']} pages (dev = id < 8…, held-out = id ≥ 8…); "
          "F1/P/R of 4-token shingles, mean over pages ± 95% bootstrap; pages/s (wall clock, CPU time) over "
          "all pages of the row")
    header = (f"{'system':<22} {'split':<9} {'F1':>14} {'precision':>14} {'recall':>14} {'pages/s':>8} "
              f"{'cpu p/s':>8} {'vs traf':>7}")
    print(header)
    print("-" * len(header))
    for name, entry in res["systems"].items():
        speed = entry.get("speed_vs_trafilatura")
        ratio = f"{speed:.2f}" if speed is not None else "-"
        for part in ("dev", "held-out", "all"):
            if part not in entry:
                continue
            m = entry[part]
            print(f"{name:<22} {part:<9} {m['f1']:>7.3f} ± {m['f1_ci']:.3f} "
                  f"{m['precision']:>7.3f} ± {m['precision_ci']:.3f} "
                  f"{m['recall']:>7.3f} ± {m['recall_ci']:.3f} {entry['pages_per_s']:>8.1f} "
                  f"{entry['cpu_pages_per_s']:>8.1f} {ratio:>7}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
