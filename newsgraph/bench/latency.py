"""API query latency (p50/p95) on a store of at least 100k articles.

Ingesting 100k articles through the whole pipeline takes hours on this 2-core
machine, so the benchmark builds the large store in two steps and says so:

1. a *template* store: ``--template-docs`` real BBC News articles through the whole
   pipeline (or an existing store given with ``--template``);
2. *replication*: the template's rows copied ``k`` times under fresh ids until the
   store holds ``--articles`` documents — documents with their sentences, mentions,
   times, places, claims, event mentions, events, stories, links and signals, and the
   full-text index rebuilt over all of them. Entities seen in one document only (the
   long tail) get fresh ids per copy, so the entity table grows with the corpus;
   entities seen in several documents keep theirs, so hubs grow too (a "US" with
   tens of thousands of mentions), which is the case entity pages must survive.

The queries are the analyst's: search (frequent word, rare word, phrase, with a
facet), the lists (documents, entities, events, claims, stories, publishers, map),
and one item of each kind (a document, a hub entity, a long-tail entity, an event, a
story), each as its HTML page and its JSON twin, through the ASGI app in-process
(``TestClient``: no network in the figure). Each query runs ``--repeat`` times with
different items; the table prints p50, p95 and max in milliseconds.
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from newsgraph.bench import data_dir

__all__ = ["main", "replicate", "run"]

console = Console()

#: Columns holding ids (or JSON naming ids) that a copy must rename, per table. Every
#: other column (text, offsets, scores) is copied as is.
ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id",),
    "removed_blocks": ("doc_id",),
    "sentences": ("doc_id",),
    "mentions": ("doc_id",),
    "times": ("doc_id", "data"),
    "places": ("doc_id", "data"),
    "claims": ("id", "doc_id", "data"),
    "event_mentions": ("id", "doc_id", "data"),
    "entities": ("id", "data"),
    "entity_mentions": ("doc_id", "entity_id"),
    "events": ("id", "data"),
    "event_sources": ("event_id", "mention_id", "doc_id"),
    "links": ("a", "b", "data"),
    "stories": ("id", "data"),
    "story_documents": ("story_id", "doc_id"),
    "signals": ("subject", "data"),
}

_TOKEN = re.compile(r"[A-Za-z_]*[0-9a-f]{12,16}")


class _Renamer:
    """Maps the template's ids to a copy's ids (same shape: prefix + hex of the same length)."""

    def __init__(self, ids: set[str], shared: set[str]) -> None:
        self.ids = ids
        self.shared = shared  # ids every copy keeps (multi-document entities)
        self.copy = 0

    def one(self, ident: str) -> str:
        if ident not in self.ids or ident in self.shared or self.copy == 0:
            return ident
        m = re.match(r"([A-Za-z_]*)([0-9a-f]+)$", ident)
        assert m is not None
        prefix, hexpart = m.groups()
        mixed = f"{int(hexpart, 16) ^ (self.copy * 0x9E3779B97F4A7C15):x}"[-len(hexpart):]
        return prefix + mixed.rjust(len(hexpart), "0")

    def text(self, value: str) -> str:
        return _TOKEN.sub(lambda m: self.one(m.group()), value)


def _template_ids(conn: sqlite3.Connection) -> tuple[set[str], set[str]]:
    ids: set[str] = set()
    for table, col in (("documents", "id"), ("claims", "id"), ("event_mentions", "id"),
                       ("entities", "id"), ("events", "id"), ("stories", "id")):
        ids.update(r[0] for r in conn.execute(f"SELECT {col} FROM {table}"))
    shared = {r[0] for r in conn.execute("SELECT id FROM entities WHERE doc_count > 1")}
    return ids, shared


def replicate(template: Path, out: Path, articles: int) -> dict[str, Any]:
    """Copy ``template`` to ``out`` and add renamed copies of its rows until ``out`` holds
    at least ``articles`` documents; returns what was built."""
    shutil.copyfile(template, out)
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("ATTACH DATABASE ? AS t", (str(template),))
    n_template = conn.execute("SELECT count(*) FROM t.documents").fetchone()[0]
    if n_template == 0:
        raise SystemExit(f"{template}: no documents to replicate")
    copies = -(-articles // n_template)
    ids, shared = _template_ids(conn)
    renamer = _Renamer(ids, shared)
    tables = {t: [r[1] for r in conn.execute(f"PRAGMA t.table_info({t})")] for t in ID_COLUMNS}
    rows = {t: conn.execute(f"SELECT * FROM t.{t}").fetchall() for t in ID_COLUMNS}
    start = time.perf_counter()
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("replicating", total=copies - 1)
        for copy in range(1, copies):
            renamer.copy = copy
            for table, cols in tables.items():
                rename = [i for i, c in enumerate(cols) if c in ID_COLUMNS[table]]
                if table == "entities":  # shared entities exist once, in the template
                    source = [r for r in rows[table] if r[0] not in shared]
                else:
                    source = rows[table]
                new = []
                for r in source:
                    r = list(r)
                    for i in rename:
                        if isinstance(r[i], str):
                            r[i] = renamer.text(r[i]) if cols[i] in ("data", "subject") else renamer.one(r[i])
                    if table == "documents":
                        r[cols.index("path")] = f"{r[cols.index('path')]}#copy{copy}"
                    new.append(r)
                conn.executemany(
                    f"INSERT OR IGNORE INTO main.{table} ({','.join(map(_quote, cols))}) "
                    f"VALUES ({','.join('?' * len(cols))})", new)
            conn.commit()
            bar.advance(task)
    conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    # Entity counters follow their mentions (hubs now have every copy's mentions).
    conn.execute("""UPDATE entities SET
        mention_count = (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = entities.id),
        doc_count = (SELECT count(DISTINCT doc_id) FROM entity_mentions m WHERE m.entity_id = entities.id)""")
    conn.commit()
    conn.execute("DETACH DATABASE t")
    conn.execute("ANALYZE")
    conn.close()
    counts = _counts(out)
    return {"copies": copies, "seconds": time.perf_counter() - start, "counts": counts,
            "size_mb": out.stat().st_size / 2**20}


def _quote(col: str) -> str:
    return f'"{col}"'


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "entities", "entity_mentions", "events", "claims", "stories")}
    finally:
        conn.close()


def _build_template(path: Path, n: int) -> None:
    from newsgraph.pipeline import ingest
    from newsgraph.store import Store

    root = data_dir("corpora", "bbc-news")
    files = sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT")
    step = max(1, len(files) // n)  # spread over the five sections, not one
    chosen = files[::step][:n]
    console.print(f"template: ingesting {len(chosen)} BBC News articles through the whole pipeline…")
    with Store(path) as store:
        ingest(chosen, store, root=root)


def _queries(db: Path, rng: random.Random, repeat: int) -> dict[str, list[str]]:
    """Paths per query kind, ``repeat`` each, items drawn at random from the store."""
    conn = sqlite3.connect(db)

    def pick(sql: str) -> list[str]:
        values = [r[0] for r in conn.execute(sql)]
        return [rng.choice(values) for _ in range(repeat)] if values else []

    words = [w for (t,) in conn.execute("SELECT title FROM documents LIMIT 2000") if t
             for w in re.findall(r"[A-Za-z]{5,}", t)]
    freq: dict[str, int] = {}
    for w in words:
        freq[w.lower()] = freq.get(w.lower(), 0) + 1
    ranked = sorted(freq, key=freq.get, reverse=True)  # type: ignore[arg-type]
    common, rare = ranked[:20], ranked[-200:]
    hubs = pick("SELECT id FROM entities ORDER BY mention_count DESC LIMIT 20")
    out = {
        "search: frequent word": [f"/search?q={rng.choice(common)}" for _ in range(repeat)],
        "search: rare word": [f"/search?q={rng.choice(rare)}" for _ in range(repeat)],
        "search: phrase": [f'/search?q="{rng.choice(common)} {rng.choice(common)}"' for _ in range(repeat)],
        "documents list": ["/documents"] * repeat,
        "document page": [f"/documents/{d}" for d in pick("SELECT id FROM documents")],
        "entities list": ["/entities"] * repeat,
        "entities list, PERSON": ["/entities?type=PERSON"] * repeat,
        "entity page, hub": [f"/entities/{e}" for e in hubs],
        "entity page, long tail": [f"/entities/{e}" for e in pick(
            "SELECT id FROM entities WHERE doc_count = 1 LIMIT 5000")],
        "events list": ["/events"] * repeat,
        "events list, ASSAULT": ["/events?type=ASSAULT"] * repeat,
        "event page": [f"/events/{e}" for e in pick("SELECT id FROM events LIMIT 5000")],
        "claims list, hedged": ["/claims?certainty=hedged"] * repeat,
        "stories list": ["/stories"] * repeat,
        "story page": [f"/stories/{s}" for s in pick("SELECT id FROM stories LIMIT 5000")],
        "publishers": ["/publishers"] * repeat,
        "map": ["/map"] * repeat,
    }
    conn.close()
    return {k: v for k, v in out.items() if v}


def _json_twin(path: str) -> str:
    base, _, query = path.partition("?")
    twin = "/.json" if base == "/" else f"{base}.json"
    return f"{twin}?{query}" if query else twin


def _measure(get: Callable[[str], Any], paths: list[str]) -> list[float]:
    times = []
    for p in paths:
        t0 = time.perf_counter()
        resp = get(p)
        times.append((time.perf_counter() - t0) * 1000)
        if resp.status_code != 200:
            raise SystemExit(f"{p}: HTTP {resp.status_code}")
    return times


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def run(articles: int = 100_000, template_docs: int = 1_000, template: Path | None = None,
        workdir: Path | None = None, repeat: int = 20, seed: int = 13,
        reuse: bool = False, after_write: int = 10) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app

    work = workdir or Path(tempfile.mkdtemp(prefix="ng-latency-"))
    work.mkdir(parents=True, exist_ok=True)
    if template is None:
        template = work / "template.db"
        if not template.exists():
            _build_template(template, template_docs)
    big = work / f"store-{articles}.db"
    if reuse and big.exists():
        built = {"copies": None, "seconds": 0.0, "counts": _counts(big),
                 "size_mb": big.stat().st_size / 2**20}
    else:
        built = replicate(template, big, articles)
    from newsgraph.store import Store

    Store(big).close()  # bring the copied schema up to date (new indexes are built here, untimed)
    console.print(f"store: {built['counts']} ({built['size_mb']:.0f} MB), "
                  f"{built['copies'] or 'reused:'} copies of the template in {built['seconds']:.0f} s")
    for name in ("httpx", "httpx2"):  # one log line per request would drown the table
        logging.getLogger(name).setLevel(logging.WARNING)
    client = TestClient(create_app(big), base_url="http://127.0.0.1")
    rng = random.Random(seed)
    results: dict[str, dict[str, float]] = {}
    for name, paths in _queries(big, rng, repeat).items():
        _measure(client.get, paths[:2])  # warm the page cache and the query plan
        html = _measure(client.get, paths)
        js = _measure(client.get, [_json_twin(p) for p in paths])
        results[name] = {"html_p50": statistics.median(html), "html_p95": _pct(html, 0.95),
                         "json_p50": statistics.median(js), "json_p95": _pct(js, 0.95),
                         "max": max(html + js)}
    after = _after_write(big, client, after_write, rng) if after_write else None
    return {"store": built, "results": results, "repeat": repeat, "after_write": after}


def _after_write(big: Path, client: Any, n: int, rng: random.Random) -> dict[str, Any]:
    """Ingest ``n`` BBC articles the store lacks, then time the first request of the pages
    that aggregate the whole store (the cost an analyst pays after each ingest batch).

    The replicated store has no resolver state, so these articles are extracted but not
    resolved across documents (their documents, claims, places, events and signals are
    written; entity and story resolution are what a real ingest would add).
    """
    from newsgraph.model.document import content_id
    from newsgraph.pipeline import ingest
    from newsgraph.settings import Options
    from newsgraph.store import Store

    root = data_dir("corpora", "bbc-news")
    files = sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT")
    with Store(big) as store:
        fresh = [f for f in reversed(files) if not store.has_document(content_id(f.read_bytes()))][:n]
        t0 = time.perf_counter()
        report = ingest(fresh, store, Options(resolve=False), root=root)
        seconds = time.perf_counter() - t0
    word = rng.choice(["government", "minister", "people", "market", "world"])
    pages = {"publishers": "/publishers", "map": "/map", "search: frequent word": f"/search?q={word}"}
    first = {name: _measure(client.get, [path])[0] for name, path in pages.items()}
    again = {name: _measure(client.get, [path])[0] for name, path in pages.items()}
    return {"ingested": len(report.ingested), "seconds": seconds, "first": first, "again": again}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="newsgraph bench latency", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--template-docs", type=int, default=1_000)
    parser.add_argument("--template", type=Path, help="an ingested store to replicate")
    parser.add_argument("--workdir", type=Path, help="where the stores are built (kept)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reuse", action="store_true",
                        help="measure the store a previous run built in --workdir")
    parser.add_argument("--after-write", type=int, default=10, metavar="N",
                        help="then ingest N new articles and time the first request of the "
                             "whole-store pages (0 skips; the store keeps them)")
    args = parser.parse_args(argv)
    out = run(args.articles, args.template_docs, args.template, args.workdir, args.repeat,
              reuse=args.reuse, after_write=args.after_write)
    table = Table(title=f"API latency, ms, {out['store']['counts']['documents']:,} articles "
                        f"({out['repeat']} requests per row and format, in-process ASGI)")
    for col in ("query", "HTML p50", "HTML p95", "JSON p50", "JSON p95", "max"):
        table.add_column(col, justify="left" if col == "query" else "right")
    for name, r in out["results"].items():
        table.add_row(name, *(f"{r[k]:.0f}" for k in ("html_p50", "html_p95", "json_p50", "json_p95", "max")))
    console.print(table)
    after = out.get("after_write")
    if after:
        t2 = Table(title=f"after ingesting {after['ingested']} new articles ({after['seconds']:.1f} s, "
                         "no corpus resolution): ms")
        for col in ("page (HTML)", "first request", "second request"):
            t2.add_column(col, justify="left" if col.startswith("page") else "right")
        for name, ms in after["first"].items():
            t2.add_row(name, f"{ms:.0f}", f"{after['again'][name]:.0f}")
        console.print(t2)
