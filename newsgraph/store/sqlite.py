"""The embedded store: SQLite in WAL mode with an FTS5 index over title + text.

Owns, with the other ``store/`` modules, every SQL statement newsgraph runs (all
parameterised; ``tests/test_layers.py`` fails on a call of ``execute`` or an SQL string
anywhere else — the one exception is ``bench/latency.py``, which builds a scratch store by
copying a built one's rows). One document is written in one transaction, so an ingest
killed at any point leaves either the whole document or nothing; re-running the ingest
skips what is already there (the content hash is the primary key). Raw bytes are kept
zlib-compressed.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import StoreError
from newsgraph.model import AnnotatedDocument, Failure, RawDocument
from newsgraph.store.fts_french import stemmed_query_words, stemmed_text
from newsgraph.store.lock import LockHolder, WriterLock
from newsgraph.store.migrations import MIGRATIONS

if TYPE_CHECKING:
    from newsgraph.facts import DocumentFacts

__all__ = ["FRENCH_INDEXED", "SearchHit", "Store", "french_only_rowids", "french_snippet", "fts_query",
           "fts_query_fr", "has_french_index"]

#: Languages whose documents also go into the French-stemmed index (migration 14).
FRENCH_INDEXED: tuple[str, ...] = ("fr",)
#: Most French-only hits one search reads (the English index's hits come first).
FRENCH_HITS = 1000

_TOKEN = re.compile(r'"[^"]+"|[^\s"]+')


def fts_query(query: str) -> str:
    """Turn what an analyst types into a safe FTS5 query.

    Words are ANDed, "quoted phrases" kept, a trailing ``*`` keeps its prefix
    meaning, and OR between words is honoured; every other character is quoted,
    so hyphens ("Lee Min-ho") or stray operators never raise a syntax error.
    """
    parts: list[str] = []
    for tok in _TOKEN.findall(query):
        if tok == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        prefix = tok.endswith("*") and not tok.startswith('"')
        body = tok.strip('"').rstrip("*").replace('"', "")
        if not body.strip():
            continue
        parts.append(f'"{body}"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)


def fts_query_fr(query: str) -> str:
    """``fts_query`` with every word replaced by its French stem, for ``documents_fts_fr``."""
    parts: list[str] = []
    for tok in fts_query(query).split(" "):
        if tok == "OR" or not tok:
            parts.append(tok)
            continue
        prefix = tok.endswith("*")
        words = re.findall(r"[^\W_]+", tok.strip("*").strip('"'))
        stems = [w for w in stemmed_query_words(words) if w]
        if stems:
            parts.append('"' + " ".join(stems) + '"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(p for p in parts if p)


def has_french_index(conn: sqlite3.Connection) -> bool:
    """Whether the store has the French-stemmed index (migration 14)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts_fr'").fetchone() is not None


def french_only_rowids(conn: sqlite3.Connection, query: str, extra: str = "", args: list[Any] | None = None,
                       limit: int = FRENCH_HITS) -> list[int]:
    """Rowids the French-stemmed index matches and the English one does not, best first.
    ``extra`` is a ``hit_filter_sql`` condition on ``documents_fts.rowid``."""
    q, qf = fts_query(query), fts_query_fr(query)
    if not q or not qf:
        return []
    args = args or []
    if not has_french_index(conn):
        return []  # a store older than migration 14, opened read-only
    extra_fr = extra.replace("documents_fts.rowid", "documents_fts_fr.rowid")
    return [r[0] for r in conn.execute(
        f"""SELECT rowid FROM documents_fts_fr WHERE documents_fts_fr MATCH ?{extra_fr}
            AND rowid NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{extra})
            ORDER BY rank LIMIT ?""", [qf, *args, q, *args, limit])]


def french_snippet(text: str, query: str, words: int = 24) -> str:
    """A snippet like FTS5's (``\x02``/``\x03`` around matches, `` … `` at cuts) for a hit
    only the French index found: the first window of ``words`` words holding a word whose
    stem is a query word's stem."""
    wanted = set(stemmed_query_words(re.findall(r"[^\W\d_]+", query)))
    tokens = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text))
    hits = [i for i, m in enumerate(tokens) if stemmed_text(m.group()) in wanted]
    if not tokens:
        return ""
    first = max(0, (hits[0] if hits else 0) - words // 3)
    window = tokens[first:first + words]
    out, pos = [], window[0].start()
    for i, m in enumerate(window, start=first):
        out.append(text[pos:m.start()])
        out.append(f"\x02{m.group()}\x03" if i in hits else m.group())
        pos = m.end()
    lead = " … " if first else ""
    tail = " … " if first + words < len(tokens) else ""
    return lead + "".join(out) + tail


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str
    language: str | None
    snippet: str
    rank: float


def _json(record: Any) -> str:
    """``json.dumps(asdict(record))`` without ``asdict``'s deep copy of every leaf (the
    encoder reads the fields where they are): the same text, a fraction of the time."""
    return json.dumps(record, ensure_ascii=False, default=_fields_of)


def _fields_of(value: Any) -> dict[str, Any]:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _ingest_time() -> str:
    """When a document is stored, to the microsecond: lists read "ingest order" as
    (ingested_at, path), and documents stored within one second by two runs would
    otherwise fall back to path order, whichever run stored them first."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Store:
    """A newsgraph database. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly:
            if not Path(self.path).exists():
                raise StoreError(f"no database at {self.path}", code="E400")
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        else:
            self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        # Transactions are explicit (``transaction()``): a writer's unit of work — one
        # document, or all an ingest did between two saves of the resolvers' state — is
        # one transaction, nested parts are savepoints.
        self._depth = 0
        self._writer: WriterLock | None = None
        self.conn.row_factory = sqlite3.Row
        # The French index's text (migration 14) is written through this function.
        self.conn.create_function("fr_stem", 1, lambda text: stemmed_text(text or ""), deterministic=True)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            if self.version < len(MIGRATIONS):
                with self.writer("schema migration", wait=None):
                    self.migrate()
            else:
                self._check_version()
        else:
            self._check_version()

    # -- lifecycle -------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._depth and self.conn.in_transaction:
            self.conn.execute("ROLLBACK")  # closed inside a unit of work: it did not finish
        self._depth = 0
        self.conn.close()
        if self._writer is not None:
            while self._writer.held:
                self._writer.release()

    # -- one writer, whole units of work ----------------------------------------------
    @contextmanager
    def writer(self, purpose: str, *, wait: float | None = 0,
               on_wait: Callable[[LockHolder | None], None] | None = None) -> Iterator[WriterLock]:
        """Hold the store's cross-process writer lock (``store/lock.py``) for a block.

        ``wait``: 0 fails at once with E403 when another process writes, None waits for it,
        a number waits that many seconds (``on_wait`` is called while waiting). Re-entrant
        for this ``Store``; another ``Store`` on the same file, in this process or any
        other, is a different writer.
        """
        if self._writer is None:
            self._writer = WriterLock(self.path, purpose)
        elif not self._writer.held:
            self._writer.purpose = purpose
        self._writer.acquire(wait=wait, on_wait=on_wait)
        try:
            yield self._writer
        finally:
            self._writer.release()

    @property
    def writing(self) -> bool:
        """Whether this store holds the writer lock."""
        return self._writer is not None and self._writer.held

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One unit of work: all of it is stored or none of it.

        The outermost block is a ``BEGIN IMMEDIATE`` transaction; a block inside another is
        a savepoint, so a failed part (one bad document) rolls back alone while the rest of
        the unit goes on.
        """
        depth = self._depth
        self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT unit{depth}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth = depth
            if depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO unit{depth}")
                self.conn.execute(f"RELEASE unit{depth}")
            raise
        self._depth = depth
        self.conn.execute("COMMIT" if depth == 0 else f"RELEASE unit{depth}")

    def commit_unit(self) -> None:
        """Inside the outermost ``transaction()``: store everything done so far and go on in
        a new transaction (an ingest's save point: documents, resolution rows and resolver
        state become durable together)."""
        if self._depth != 1:
            raise RuntimeError("commit_unit() belongs to the outermost transaction only")
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN IMMEDIATE")

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self) -> None:
        if self.version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {self.version}; this newsgraph knows "
                f"{len(MIGRATIONS)}. Upgrade newsgraph.", code="E401")

    def migrate(self) -> None:
        self._check_version()
        for version in range(self.version, len(MIGRATIONS)):
            self.conn.executescript("BEGIN;" + MIGRATIONS[version] +
                                    f";PRAGMA user_version = {version + 1};COMMIT;")

    # -- writing ---------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def has_document(self, doc_id: str) -> bool:
        return bool(self.existing_ids([doc_id]))

    def add_document(self, raw: RawDocument, adoc: AnnotatedDocument,
                     facts: DocumentFacts | None = None) -> bool:
        """Write one document, its annotations and its per-document facts, atomically.

        Returns False (and writes nothing) when the document is already stored.
        """
        d = adoc.document
        try:
            with self.transaction():
                cur = self.conn.execute(
                    """INSERT OR IGNORE INTO documents (id, path, title, publisher, url, published,
                       authors, attributed_to, language, language_score, format, encoding,
                       provenance, warnings, text, raw, raw_size, annotated, annotate_reason,
                       model, ingested_at, published_inferred)
                       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                    (d.id, d.path, d.title, d.publisher, d.url, d.published,
                     json.dumps(d.authors), json.dumps(d.attributed_to), d.language,
                     d.language_score, d.format, d.encoding, json.dumps(d.provenance),
                     json.dumps(d.warnings), d.text, zlib.compress(raw.data, 6),
                     len(raw.data), int(adoc.annotated), adoc.reason, adoc.model, _ingest_time(),
                     int(d.provenance.get("published_inferred") == "true")))
                if cur.rowcount == 0:
                    return False
                rowid = cur.lastrowid
                self.conn.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)",
                                  (rowid, d.title or "", d.text))
                if d.language in FRENCH_INDEXED:
                    self.conn.execute("INSERT INTO documents_fts_fr(rowid, title, text) VALUES (?,?,?)",
                                      (rowid, stemmed_text(d.title or ""), stemmed_text(d.text)))
                self.conn.executemany(
                    "INSERT INTO removed_blocks (doc_id, seq, kind, line, score, text) "
                    "VALUES (?,?,?,?,?,?)",
                    [(d.id, i, b.kind, b.line, b.score, b.text) for i, b in enumerate(d.removed)])
                self.conn.executemany(
                    'INSERT INTO sentences (doc_id, seq, start, "end") VALUES (?,?,?,?)',
                    [(d.id, i, s.start, s.end) for i, s in enumerate(adoc.sentences)])
                self.conn.executemany(
                    'INSERT OR IGNORE INTO mentions (doc_id, start, "end", text, label, sentence, rule) '
                    "VALUES (?,?,?,?,?,?,?)",
                    [(d.id, m.start, m.end, m.text, m.label, m.sentence, m.rule) for m in adoc.mentions])
                if facts is not None:
                    self._add_facts(d.id, facts)
        except sqlite3.Error as exc:
            raise StoreError(f"could not write document {d.id}: {exc}", path=d.path,
                             code="E402") from exc
        return True

    def _add_facts(self, doc_id: str, facts: DocumentFacts) -> None:
        ex = self.conn.executemany
        ex('INSERT OR IGNORE INTO times (doc_id, start, "end", text, value, precision, data) '
           "VALUES (?,?,?,?,?,?,?)",
           [(doc_id, t.start, t.end, t.text, t.value, t.precision, _json(t)) for t in facts.times])
        ex('INSERT OR IGNORE INTO places (doc_id, start, "end", text, geonameid, name, country, '
           "feature, lat, lon, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
           [(doc_id, p.start, p.end, p.text, p.geonameid, p.name, p.country, p.feature, p.lat,
             p.lon, _json(p)) for p in facts.places])
        ex('INSERT OR IGNORE INTO claims (id, doc_id, start, "end", speaker_start, speaker_end, '
           "speaker_text, speaker_kind, cue, certainty, quote_type, data) "
           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
           [(c.id, doc_id, c.start, c.end, c.speaker.start if c.speaker else None,
             c.speaker.end if c.speaker else None, c.speaker_text, c.speaker_kind,
             c.cue.text if c.cue else None, c.certainty, c.quote_type, _json(c))
            for c in facts.claims])
        ex('INSERT OR IGNORE INTO event_mentions (id, doc_id, type, mode, start, "end", sent_start, '
           "sent_end, date_start, date_end, place, negated, hypothetical, attempted, historical, "
           "data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
           [(e.id, doc_id, e.type, e.mode, e.trigger.start, e.trigger.end, e.sentence.start,
             e.sentence.end, e.date.start if e.date else None, e.date.end if e.date else None,
             e.place.name if e.place else None, int(e.flags.negated), int(e.flags.hypothetical),
             int(e.flags.attempted), int(e.flags.historical), _json(e)) for e in facts.events])

    def facts(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        """The stored per-document facts of one document, as their JSON records."""
        out: dict[str, list[dict[str, Any]]] = {}
        for table in ("times", "places", "claims", "event_mentions"):
            out[table] = [json.loads(r[0]) for r in self.conn.execute(
                f'SELECT data FROM {table} WHERE doc_id = ? ORDER BY start, "end"', (doc_id,))]
        return out

    def line_count(self, line: int) -> int:
        """Stored articles of one site holding one line (``ingest.clean.LineIndex``)."""
        row = self.conn.execute("SELECT articles FROM site_lines WHERE line = ?", (line,)).fetchone()
        return row[0] if row else 0

    def add_line_counts(self, lines: Iterable[int]) -> None:
        """Count one more stored article for each of these line hashes."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO site_lines (line, articles) VALUES (?, 1) "
                "ON CONFLICT(line) DO UPDATE SET articles = articles + 1", [(h,) for h in lines])

    def add_failure(self, failure: Failure) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO failures (path, code, reason, at) VALUES (?,?,?,?)",
                              (failure.path, failure.code, failure.reason, _now()))

    # -- reading ---------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        one = self.conn.execute
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "annotated": one("SELECT count(*) FROM documents WHERE annotated = 1").fetchone()[0],
            "mentions": one("SELECT count(*) FROM mentions").fetchone()[0],
            "removed_blocks": one("SELECT count(*) FROM removed_blocks").fetchone()[0],
            "failures": one("SELECT count(*) FROM failures").fetchone()[0],
            "languages": {r[0] or "unknown": r[1] for r in one(
                "SELECT language, count(*) FROM documents GROUP BY language ORDER BY 2 DESC")},
            "publishers": {r[0]: r[1] for r in one(
                "SELECT publisher, count(*) FROM documents WHERE publisher IS NOT NULL "
                "GROUP BY publisher ORDER BY 2 DESC LIMIT 50")},
        }

    def resolver_state_bytes(self) -> dict[str, dict[str, int]]:
        """Bytes the corpus resolvers keep: ``{"saved whole": {stage: n}, "per document":
        {table: n}, "per item": {stage: n}}`` — what is rewritten at each save
        (``resolver_state``: the signals' reference; the small rest of the event and story
        state), rows written once per document, and the event and story state's items
        (``resolver_rows``, each rewritten only when it changes)."""
        one = self.conn.execute
        whole = {stage.replace("_", " "): n for stage, n in one(
            "SELECT stage, coalesce(length(data), 0) FROM resolver_state ORDER BY stage")}
        per_doc = {
            "entity chains": one("SELECT coalesce(sum(length(data)), 0) FROM entity_chains").fetchone()[0],
            "story vectors": one("SELECT coalesce(sum(length(sentences) + length(meta)), 0) "
                                 "FROM story_vectors").fetchone()[0],
        }
        per_item = {stage: n for stage, n in one(
            "SELECT stage, coalesce(sum(length(data)), 0) FROM resolver_rows GROUP BY stage ORDER BY stage")}
        return {"saved whole": whole, "per document": per_doc, "per item": per_item}

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> tuple[int, list[SearchHit]]:
        """Full-text search; returns (total matches, one page of hits best first)."""
        q = fts_query(query)
        if not q:
            return 0, []
        try:
            total = self.conn.execute(
                "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (q,)).fetchone()[0]
            rows = self.conn.execute(
                """SELECT d.id, d.title, d.publisher, d.published, d.path, d.language,
                          snippet(documents_fts, 1, '\x02', '\x03', ' … ', 24) AS snip,
                          bm25(documents_fts, 5.0, 1.0) AS rank
                   FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                   WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?""",
                (q, limit, offset)).fetchall()
            french = french_only_rowids(self.conn, query)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}", code="E400") from exc
        hits = [SearchHit(r["id"], r["title"], r["publisher"], r["published"], r["path"],
                          r["language"], r["snip"], r["rank"]) for r in rows]
        return total + len(french), hits + self.french_hits(query, french, offset - total, limit - len(hits))

    def french_hits(self, query: str, rowids: list[int], offset: int, limit: int) -> list[SearchHit]:
        """Hits only the French index found (``french_only_rowids``), after the English
        index's: one page of them from ``offset`` (negative: the page starts earlier)."""
        page = rowids[max(0, offset):max(0, offset) + limit] if limit > 0 else []
        out: list[SearchHit] = []
        for rank, rowid in enumerate(page):
            r = self.conn.execute("SELECT id, title, publisher, published, path, language, text "
                                  "FROM documents WHERE rowid = ?", (rowid,)).fetchone()
            if r is not None:
                out.append(SearchHit(r["id"], r["title"], r["publisher"], r["published"], r["path"],
                                     r["language"], french_snippet(r["text"], query), float(rank)))
        return out

    def list_documents(self, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        total = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        rows = self.conn.execute(
            """SELECT id, title, publisher, published, path, language, annotated,
                      length(text) AS chars
               FROM documents ORDER BY ingested_at, path LIMIT ? OFFSET ?""",
            (limit, offset)).fetchall()
        return total, [dict(r) for r in rows]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document with its removed blocks, sentences and mentions; None if absent."""
        row = self.conn.execute(
            "SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        out = {k: row[k] for k in row.keys() if k != "raw"}  # noqa: SIM118 - Row iterates values
        for key in ("authors", "attributed_to", "provenance", "warnings"):
            out[key] = json.loads(out[key])
        out["annotated"] = bool(out["annotated"])
        out["removed"] = [dict(r) for r in self.conn.execute(
            "SELECT kind, line, score, text FROM removed_blocks WHERE doc_id = ? ORDER BY seq",
            (doc_id,))]
        out["sentences"] = [dict(r) for r in self.conn.execute(
            'SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY seq', (doc_id,))]
        out["mentions"] = self.mentions(doc_id)
        return out

    def mentions(self, doc_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            'SELECT start, "end", text, label, sentence, rule FROM mentions WHERE doc_id = ? '
            "ORDER BY start", (doc_id,))]

    def raw_bytes(self, doc_id: str) -> bytes | None:
        row = self.conn.execute("SELECT raw FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        """Every document as ``document()`` returns it, in ingest order (for export)."""
        ids = [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY ingested_at, path")]
        for doc_id in ids:
            doc = self.document(doc_id)
            if doc is not None:
                yield doc

    def failures(self, *, limit: int = 100) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT path, code, reason, at FROM failures ORDER BY rowid DESC LIMIT ?", (limit,))]
