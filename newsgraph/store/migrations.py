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

MIGRATIONS.append(
    # 2: per-document facts — time expressions, places, claims, event mentions. Key
    # columns are for querying; ``data`` holds the whole record (JSON of the dataclass)
    # so a record gains fields without a migration.
    """
    ALTER TABLE documents ADD COLUMN published_inferred INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX documents_unresolved ON documents(resolved) WHERE resolved = 0;
    CREATE TABLE times (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, value TEXT, precision TEXT, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, start, "end")
    );
    CREATE TABLE places (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, geonameid INTEGER, name TEXT, country TEXT, feature TEXT,
        lat REAL, lon REAL, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, start, "end")
    );
    CREATE INDEX places_geonameid ON places(geonameid);
    CREATE INDEX places_country ON places(country);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT, speaker_kind TEXT,
        cue TEXT, certainty TEXT NOT NULL, quote_type TEXT NOT NULL, data TEXT NOT NULL
    );
    CREATE INDEX claims_doc ON claims(doc_id);
    CREATE TABLE event_mentions (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL, mode TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
        date_start TEXT, date_end TEXT, place TEXT,
        negated INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0,
        attempted INTEGER NOT NULL DEFAULT 0, historical INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL
    );
    CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
    CREATE INDEX event_mentions_type ON event_mentions(type);
    CREATE INDEX claims_certainty ON claims(certainty);
    CREATE INDEX claims_speaker_kind ON claims(speaker_kind);
    """
)

MIGRATIONS.append(
    # 3: corpus-level records — resolved entities with their mention links and the analyst's
    # edits (the audit log), cross-document events, document links, stories, signals, and the
    # incremental resolvers' state. Mentions are never rewritten: resolution only links them.
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        type_confidence REAL NOT NULL,
        mention_count INTEGER NOT NULL,
        doc_count INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX entities_type ON entities(type);
    CREATE TABLE entity_mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        text TEXT NOT NULL, label TEXT NOT NULL,
        method TEXT NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (doc_id, start, "end")
    );
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
    CREATE TABLE entity_edits (
        id TEXT PRIMARY KEY,
        op TEXT NOT NULL,
        data TEXT NOT NULL,
        created TEXT NOT NULL,
        author TEXT,
        withdrawn TEXT
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        date_start TEXT, date_end TEXT,
        place TEXT, lat REAL, lon REAL,
        source_count INTEGER NOT NULL,
        publisher_count INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX events_type ON events(type);
    CREATE TABLE event_sources (
        event_id TEXT NOT NULL,
        mention_id TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, mention_id)
    );
    CREATE INDEX event_sources_mention ON event_sources(mention_id);
    CREATE INDEX event_sources_doc ON event_sources(doc_id);
    CREATE TABLE links (
        a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL, score REAL NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (a, b, kind)
    );
    CREATE INDEX links_b ON links(b);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT,
        start TEXT, "end" TEXT,
        size INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE story_documents (
        story_id TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (story_id, doc_id)
    );
    CREATE INDEX story_documents_doc ON story_documents(doc_id);
    CREATE TABLE signals (
        subject TEXT NOT NULL,
        name TEXT NOT NULL,
        value REAL,
        data TEXT NOT NULL,
        PRIMARY KEY (subject, name)
    );
    CREATE TABLE resolver_state (
        stage TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    """
)

MIGRATIONS.append(
    # 4: indexes in the order the lists are read, so a page of the newest documents, the most
    # mentioned entities, the best-sourced events or the claims in document order is read
    # straight off an index and stops after one page, instead of sorting the whole table
    # (measured by `newsgraph bench latency` on 100k articles); covering indexes for the
    # claim facet counts.
    """
    CREATE INDEX documents_order ON documents(ingested_at, path);
    CREATE INDEX entities_order ON entities(mention_count DESC, doc_count DESC, name);
    CREATE INDEX entities_type_order ON entities(type, mention_count DESC, doc_count DESC, name);
    CREATE INDEX events_order ON events(source_count DESC, publisher_count DESC, date_start DESC, id);
    CREATE INDEX events_type_order ON events(type, source_count DESC, publisher_count DESC,
                                             date_start DESC, id);
    CREATE INDEX claims_doc_order ON claims(doc_id, start, "end");
    CREATE INDEX claims_certainty_kind ON claims(certainty, speaker_kind);
    CREATE INDEX claims_kind_certainty ON claims(speaker_kind, certainty);
    """
)

MIGRATIONS.append(
    # 5: the story index's per-document records (resolve/stories/records.py): each
    # document's sentence embeddings (float32 matrix bytes, one row per sentence) and the
    # sentence spans and entity keys it was linked with (JSON). Written once when the
    # document is resolved and read when it is a link candidate, so the pickled index
    # in resolver_state no longer holds (and rewrites every commit) the corpus's text.
    """
    CREATE TABLE story_vectors (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        sentences BLOB NOT NULL,
        meta TEXT NOT NULL
    );
    """
)
