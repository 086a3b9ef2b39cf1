"""Versioned schema migrations for the SQLite store.

Each entry of ``MIGRATIONS`` moves the schema one version up and is applied in
its own transaction; ``PRAGMA user_version`` records where a database is. A
database newer than this code is refused (E401) rather than half-understood.
Never edit a released migration: append a new one.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the spine — documents, what cleaning removed, sentences, NER mentions, full-text index.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        title TEXT,
        publisher TEXT,
        url TEXT,
        published TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        attributed_to TEXT NOT NULL DEFAULT '[]',
        language TEXT,
        language_score REAL,
        format TEXT NOT NULL,
        encoding TEXT,
        provenance TEXT NOT NULL DEFAULT '{}',
        warnings TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        raw BLOB NOT NULL,
        raw_size INTEGER NOT NULL,
        annotated INTEGER NOT NULL,
        annotate_reason TEXT,
        model TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_publisher ON documents(publisher);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE removed_blocks (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        line INTEGER NOT NULL,
        score REAL,
        text TEXT NOT NULL,
        PRIMARY KEY (doc_id, seq)
    );
    CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (doc_id, seq)
    );
    CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        sentence INTEGER NOT NULL,
        PRIMARY KEY (doc_id, start, "end")
    );
    CREATE INDEX mentions_text ON mentions(text);
    CREATE TABLE failures (
        path TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    """,
]
