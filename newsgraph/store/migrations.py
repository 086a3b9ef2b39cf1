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


# -- 6: publisher tallies --------------------------------------------------------------
# The publishers page (store/publisher_tally.py) sums every document, link, claim and
# signal by publisher. Migration 6 keeps those sums in tables that SQLite triggers update
# in the same transaction as each write, so the page reads a few hundred rows instead
# of the corpus; the migration fills them for an existing store. The SQL is generated
# from the small templates below (one per kind of contribution) rather than written
# out: every trigger is "take a row's contribution away and/or add it", signed.

#: Republishing link kinds, strongest first: ``signals.republication.REPUBLISHING_KINDS``
#: in ``model.stories.LINK_KINDS`` order (tests/store/test_publisher_tally.py checks they
#: still agree; a change there needs a new migration).
_REPUBLISHING = ("duplicate", "copy", "spin", "translation")
_UNKNOWN_PUBLISHER = "unknown"  # story_queries.UNKNOWN_PUBLISHER


def _publisher(row: str) -> str:
    return f"coalesce(nullif(trim({row}.publisher), ''), '{_UNKNOWN_PUBLISHER}')"


def _origin(doc: str, attributed: str) -> str:
    """A document's origin: its strongest republishing link as the later side, else
    ``credited`` when it credits an outlet, else ``original`` (story_queries._doc_origin)."""
    kinds = ",".join(f"'{k}'" for k in _REPUBLISHING)
    rank = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(_REPUBLISHING))
    return (f"coalesce((SELECT kind FROM links WHERE b = {doc} AND kind IN ({kinds}) "
            f"ORDER BY CASE kind {rank} END LIMIT 1), "
            f"CASE WHEN {attributed} NOT IN ('[]', '') THEN 'credited' ELSE 'original' END)")


def _bump(select: str) -> str:
    """Add ``select``'s (publisher, facet, value, n) rows to the tally."""
    return (f"INSERT INTO publisher_tally (publisher, facet, value, n) {select} "
            "ON CONFLICT (publisher, facet, value) DO UPDATE SET n = n + excluded.n;\n")


def _bump_values(select: str) -> str:
    return (f"INSERT INTO publisher_signal_values (publisher, name, value, n) {select} "
            "ON CONFLICT (publisher, name, value) DO UPDATE SET n = n + excluded.n;\n")


def _flagged(data: str) -> str:
    # int(flagged or 0) of the JSON record; an unreadable record counts 0 rather than
    # failing the write that carries it.
    return (f"CASE WHEN json_valid({data}) THEN "
            f"CAST(coalesce(json_extract({data}, '$.flagged'), 0) AS INTEGER) ELSE 0 END")


def _claim(row: str, sign: int) -> str:
    """One claim row's contribution (its document's publisher from publisher_docs)."""
    src = f"FROM publisher_docs WHERE doc_id = {row}.doc_id"
    return (_bump(f"SELECT publisher, 'claims', '', {sign} {src}")
            + _bump(f"SELECT publisher, 'speaker_kind', coalesce({row}.speaker_kind, 'unknown'), "
                    f"{sign} {src}")
            + _bump(f"SELECT publisher, 'certainty', {row}.certainty, {sign} {src}"))


def _signal(row: str, sign: int) -> str:
    """One signal row's contribution (rows whose subject is no document count nowhere)."""
    src = f"FROM publisher_docs WHERE doc_id = {row}.subject"
    return (_bump(f"SELECT publisher, 'signal', {row}.name, {sign} {src}")
            + _bump(f"SELECT publisher, 'flagged', {row}.name, {sign} * {_flagged(row + '.data')} {src}")
            + _bump_values(f"SELECT publisher, {row}.name, {row}.value, {sign} {src} "
                           f"AND {row}.value IS NOT NULL"))


def _stored_signal(where: str, sign: int) -> str:
    """The contribution of stored signal rows ``s`` matching ``where``."""
    src = f"FROM signals s JOIN publisher_docs pd ON pd.doc_id = s.subject WHERE {where}"
    return (_bump(f"SELECT pd.publisher, 'signal', s.name, {sign} * count(*) {src} GROUP BY 1, 3")
            + _bump(f"SELECT pd.publisher, 'flagged', s.name, {sign} * sum({_flagged('s.data')}) {src} "
                    "GROUP BY 1, 3")
            + _bump_values(f"SELECT pd.publisher, s.name, s.value, {sign} * count(*) {src} "
                           "AND s.value IS NOT NULL GROUP BY 1, 2, 3"))


def _document(doc: str, attributed: str, sign: int) -> str:
    """Everything one document contributes (its publisher_docs row must exist): itself,
    its origin, the outlets it credits, its claims and its signals."""
    pd = f"FROM publisher_docs pd WHERE pd.doc_id = {doc}"
    claims = f"FROM publisher_docs pd JOIN claims c ON c.doc_id = pd.doc_id WHERE pd.doc_id = {doc}"
    signals = f"FROM publisher_docs pd JOIN signals s ON s.subject = pd.doc_id WHERE pd.doc_id = {doc}"
    credited = (f"FROM publisher_docs pd, json_each(CASE WHEN json_valid({attributed}) "
                f"THEN {attributed} ELSE '[]' END) j WHERE pd.doc_id = {doc} AND j.value IS NOT NULL")
    # GROUP BY on every aggregate: without it an empty set still yields a (NULL, 0) row.
    return (_bump(f"SELECT pd.publisher, 'articles', '', {sign} {pd}")
            + _bump(f"SELECT pd.publisher, 'origin', pd.origin, {sign} {pd}")
            + _bump(f"SELECT pd.publisher, 'credited', j.value, {sign} * count(*) {credited} "
                    "GROUP BY pd.publisher, j.value")
            + _bump(f"SELECT pd.publisher, 'claims', '', {sign} * count(*) {claims} GROUP BY pd.publisher")
            + _bump(f"SELECT pd.publisher, 'speaker_kind', coalesce(c.speaker_kind, 'unknown'), "
                    f"{sign} * count(*) {claims} GROUP BY pd.publisher, 3")
            + _bump(f"SELECT pd.publisher, 'certainty', c.certainty, {sign} * count(*) {claims} "
                    "GROUP BY pd.publisher, 3")
            + _bump(f"SELECT pd.publisher, 'signal', s.name, {sign} * count(*) {signals} "
                    "GROUP BY pd.publisher, 3")
            + _bump(f"SELECT pd.publisher, 'flagged', s.name, {sign} * sum({_flagged('s.data')}) "
                    f"{signals} GROUP BY pd.publisher, 3")
            + _bump_values(f"SELECT pd.publisher, s.name, s.value, {sign} * count(*) {signals} "
                           "AND s.value IS NOT NULL GROUP BY pd.publisher, 2, 3"))


def _origin_sync(doc: str) -> str:
    """Move a document between origins after one of its links changed."""
    now = _origin(doc, f"(SELECT attributed_to FROM documents WHERE id = {doc})")
    changed = f"FROM publisher_docs WHERE doc_id = {doc} AND origin <> {now}"
    return (_bump(f"SELECT publisher, 'origin', origin, -1 {changed}")
            + _bump(f"SELECT publisher, 'origin', {now}, 1 {changed}")
            + f"UPDATE publisher_docs SET origin = {now} WHERE doc_id = {doc} AND origin <> {now};\n")


#: Migration 6's fill of the tallies from the tables (also ``publisher_tally.rebuild``):
#: SQL statements, each ending with ``;``.
PUBLISHER_TALLY_FILL: list[str] = [
    "INSERT INTO publisher_docs (doc_id, publisher, origin) "
    f"SELECT id, {_publisher('d')}, {_origin('d.id', 'd.attributed_to')} FROM documents d;\n",
    _bump("SELECT publisher, 'articles', '', count(*) FROM publisher_docs WHERE true GROUP BY 1"),
    _bump("SELECT publisher, 'origin', origin, count(*) FROM publisher_docs WHERE true GROUP BY 1, 3"),
    _bump("SELECT pd.publisher, 'credited', j.value, count(*) FROM documents d "
          "JOIN publisher_docs pd ON pd.doc_id = d.id, json_each(CASE WHEN json_valid(d.attributed_to) "
          "THEN d.attributed_to ELSE '[]' END) j WHERE j.value IS NOT NULL GROUP BY 1, 3"),
    _bump("SELECT pd.publisher, 'claims', '', count(*) FROM claims c "
          "JOIN publisher_docs pd ON pd.doc_id = c.doc_id WHERE true GROUP BY 1"),
    _bump("SELECT pd.publisher, 'speaker_kind', coalesce(c.speaker_kind, 'unknown'), count(*) FROM claims c "
          "JOIN publisher_docs pd ON pd.doc_id = c.doc_id WHERE true GROUP BY 1, 3"),
    _bump("SELECT pd.publisher, 'certainty', c.certainty, count(*) FROM claims c "
          "JOIN publisher_docs pd ON pd.doc_id = c.doc_id WHERE true GROUP BY 1, 3"),
    _stored_signal("true", 1),
]

_REPUB_IN = "IN (" + ",".join(f"'{k}'" for k in _REPUBLISHING) + ")"

MIGRATIONS.append(
    # 6: publisher tallies, kept by triggers. ``publisher_docs``: each document's publisher
    # and origin. ``publisher_tally``: per publisher, rows (facet, value, n) for
    # articles, origin (original or the republishing kind), credited outlets, claims, their
    # speaker kinds and certainties, signal rows and flags per signal name;
    # ``publisher_signal_values``: how many of a publisher's documents have each value of
    # each signal (exact means: store/publisher_tally.py sums them as fractions).
    # Triggers assume what the writers do: documents are inserted (never replaced) and
    # signals written with INSERT OR REPLACE (the BEFORE INSERT trigger takes the replaced
    # row away, since REPLACE deletes without firing delete triggers while SQLite's
    # recursive_triggers is off, its default), never INSERT OR IGNORE over an existing row.
    f"""
    CREATE TABLE publisher_docs (
        doc_id TEXT PRIMARY KEY, publisher TEXT NOT NULL, origin TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE publisher_tally (
        publisher TEXT NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (publisher, facet, value)
    ) WITHOUT ROWID;
    CREATE TABLE publisher_signal_values (
        publisher TEXT NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (publisher, name, value)
    ) WITHOUT ROWID;
    {''.join(PUBLISHER_TALLY_FILL)}

    CREATE TRIGGER publisher_tally_doc_insert AFTER INSERT ON documents BEGIN
        INSERT INTO publisher_docs (doc_id, publisher, origin)
            VALUES (new.id, {_publisher('new')}, {_origin('new.id', 'new.attributed_to')});
        {_document('new.id', 'new.attributed_to', 1)}
    END;
    CREATE TRIGGER publisher_tally_doc_delete AFTER DELETE ON documents BEGIN
        {_document('old.id', 'old.attributed_to', -1)}
        DELETE FROM publisher_docs WHERE doc_id = old.id;
    END;
    CREATE TRIGGER publisher_tally_doc_update AFTER UPDATE OF publisher, attributed_to ON documents
    WHEN old.publisher IS NOT new.publisher OR old.attributed_to IS NOT new.attributed_to BEGIN
        {_document('old.id', 'old.attributed_to', -1)}
        UPDATE publisher_docs SET publisher = {_publisher('new')},
            origin = {_origin('new.id', 'new.attributed_to')} WHERE doc_id = new.id;
        {_document('new.id', 'new.attributed_to', 1)}
    END;
    CREATE TRIGGER publisher_tally_claim_insert AFTER INSERT ON claims BEGIN
        {_claim('new', 1)}
    END;
    CREATE TRIGGER publisher_tally_claim_delete AFTER DELETE ON claims BEGIN
        {_claim('old', -1)}
    END;
    CREATE TRIGGER publisher_tally_claim_update AFTER UPDATE OF doc_id, speaker_kind, certainty
    ON claims BEGIN
        {_claim('old', -1)}
        {_claim('new', 1)}
    END;
    CREATE TRIGGER publisher_tally_signal_replace BEFORE INSERT ON signals BEGIN
        {_stored_signal("s.subject = new.subject AND s.name = new.name", -1)}
    END;
    CREATE TRIGGER publisher_tally_signal_insert AFTER INSERT ON signals BEGIN
        {_signal('new', 1)}
    END;
    CREATE TRIGGER publisher_tally_signal_delete AFTER DELETE ON signals BEGIN
        {_signal('old', -1)}
    END;
    CREATE TRIGGER publisher_tally_signal_update AFTER UPDATE ON signals BEGIN
        {_signal('old', -1)}
        {_signal('new', 1)}
    END;
    CREATE TRIGGER publisher_tally_link_insert AFTER INSERT ON links WHEN new.kind {_REPUB_IN} BEGIN
        {_origin_sync('new.b')}
    END;
    CREATE TRIGGER publisher_tally_link_delete AFTER DELETE ON links WHEN old.kind {_REPUB_IN} BEGIN
        {_origin_sync('old.b')}
    END;
    CREATE TRIGGER publisher_tally_link_update AFTER UPDATE ON links BEGIN
        {_origin_sync('old.b')}
        {_origin_sync('new.b')}
    END;
    """
)

MIGRATIONS.append(
    # 7: the search page's place facets. Counting the places of every hit of a frequent
    # word went from each full-text hit (a rowid) to its document row (to read its id) to
    # its places: at 100k articles, 13k document rows read for one word (~0.5-2 s). Here
    # each place mention is keyed by its document's rowid (what the full-text index
    # returns), so the facets are read off one covering index; triggers keep it in step
    # with ``places``. The geonameid and country indexes serve the facet filters. Like the
    # full-text index (external content keyed by rowid), it relies on documents' rowids,
    # which only a VACUUM could renumber.
    """
    CREATE TABLE search_places (
        place_rowid INTEGER PRIMARY KEY,
        doc_rowid INTEGER NOT NULL,
        country TEXT, geonameid INTEGER, name TEXT
    );
    INSERT INTO search_places (place_rowid, doc_rowid, country, geonameid, name)
        SELECT p.rowid, d.rowid, p.country, p.geonameid, p.name
        FROM places p JOIN documents d ON d.id = p.doc_id;
    CREATE INDEX search_places_doc ON search_places(doc_rowid, country, geonameid, name);
    CREATE INDEX search_places_geonameid ON search_places(geonameid, doc_rowid);
    CREATE INDEX search_places_country ON search_places(country, doc_rowid);
    CREATE TRIGGER search_places_insert AFTER INSERT ON places BEGIN
        INSERT INTO search_places (place_rowid, doc_rowid, country, geonameid, name)
            SELECT new.rowid, d.rowid, new.country, new.geonameid, new.name
            FROM documents d WHERE d.id = new.doc_id;
    END;
    CREATE TRIGGER search_places_delete AFTER DELETE ON places BEGIN
        DELETE FROM search_places WHERE place_rowid = old.rowid;
    END;
    CREATE TRIGGER search_places_update AFTER UPDATE ON places BEGIN
        DELETE FROM search_places WHERE place_rowid = old.rowid;
        INSERT INTO search_places (place_rowid, doc_rowid, country, geonameid, name)
            SELECT new.rowid, d.rowid, new.country, new.geonameid, new.name
            FROM documents d WHERE d.id = new.doc_id;
    END;
    """
)

MIGRATIONS.append(
    # 8: a write counter for ``summary_cache``'s fingerprint, bumped by triggers on what the
    # fingerprint watched (documents added, removed, edited or marked resolved; links; the
    # analyst's entity edits). The fingerprint had to count those tables on every cached
    # page request (~11 ms at 100k articles, more than a small search costs); it now
    # reads one row.
    """
    CREATE TABLE store_writes (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
    INSERT INTO store_writes (id, n) VALUES (1, 0);
    """
    + "".join(
        f"CREATE TRIGGER store_writes_{name}_{op.lower()} AFTER {op} ON {table} BEGIN\n"
        "    UPDATE store_writes SET n = n + 1 WHERE id = 1; END;\n"
        for name, table in (("doc", "documents"), ("link", "links"), ("edit", "entity_edits"))
        for op in ("INSERT", "UPDATE", "DELETE")
    )
)


MIGRATIONS.append(
    # 9: the entity resolver's state per document: each document's within-document chains
    # (resolve/entities ``Chain.to_dict``), written once when the document is first saved
    # resolved. The state used to be one JSON value in resolver_state rewritten whole at
    # every save (21.8 MB per 1k BBC articles); the resolver replays these rows, in ingest
    # order, with the analyst's edits from entity_edits. An old store's JSON value moves
    # here the first time the corpus resolver loads it.
    """
    CREATE TABLE entity_chains (
        seq INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    """
)


MIGRATIONS.append(
    # 10: an entity's mentions in ingest order without reading its documents' rows: the
    # sort keys of a document by its id, in one index (a hub entity named in 100k
    # articles sorted its mentions by reading 100k large document rows, ~0.6 s a page).
    """
    CREATE INDEX documents_id_order ON documents(id, ingested_at, path);
    """
)


MIGRATIONS.append(
    # 11: how many stored articles of a site hold each normalised line (ingest/clean's
    # ``LineIndex``; key = 64-bit hash of site and line). It was counted in memory per
    # ingest run, so a second run — or the rerun of a killed one — cleaned the same
    # article with other evidence than one uninterrupted run; rows change in the same
    # transaction as the articles they count.
    """
    CREATE TABLE site_lines (
        line INTEGER PRIMARY KEY,
        articles INTEGER NOT NULL
    );
    """
)


MIGRATIONS.append(
    # 12: full-text search with English stemming (FTS5's ``porter`` over the same unicode61
    # tokenizer): "embassy attack" finds "attacks against its embassies". The index is
    # external-content over ``documents``, so it is dropped, made again with the new
    # tokenizer and rebuilt from the stored texts in this migration (about as long as
    # indexing them took at ingest).
    """
    DROP TABLE documents_fts;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='porter unicode61 remove_diacritics 2'
    );
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    """
)


MIGRATIONS.append(
    # 13: what an entity mention is — ``name``, ``description`` ("the company") or
    # ``pronoun`` ("he", "its") — and the rule that linked a description or pronoun found
    # in the text (resolve/entities/referring.py; empty for names). Rows written before
    # are names: the pipeline linked nothing else then.
    """
    ALTER TABLE entity_mentions ADD COLUMN kind TEXT NOT NULL DEFAULT 'name';
    ALTER TABLE entity_mentions ADD COLUMN rule TEXT NOT NULL DEFAULT '';
    """
)


MIGRATIONS.append(
    # 14: French full-text search with French stemming. FTS5's only stemmer is English
    # (``porter``) and Python cannot register a tokenizer, so French documents get a second,
    # contentless index of their title and text as Snowball French stems
    # (``store/fts_french.py``, applied by the SQL function ``fr_stem`` every connection
    # registers); searches match a stemmed query there besides the English index. Existing
    # French documents are indexed here.
    """
    CREATE VIRTUAL TABLE documents_fts_fr USING fts5(
        title, text, content='', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO documents_fts_fr(rowid, title, text)
        SELECT rowid, fr_stem(coalesce(title, '')), fr_stem(text) FROM documents WHERE language = 'fr';
    """
)


MIGRATIONS.append(
    # 15: the event resolver's and the story index's state as rows (store/state_rows.py):
    # each large container of the pickled state one row per item, rewritten only when
    # the item changes; ``resolver_state`` keeps the small rest and the layout. The state
    # used to be pickled whole there and rewritten in full at every save. An old store's
    # pickles still load and are written as rows at the next save.
    """
    CREATE TABLE resolver_rows (
        stage TEXT NOT NULL,
        part TEXT NOT NULL,
        key BLOB NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (stage, part, key)
    ) WITHOUT ROWID;
    """
)


MIGRATIONS.append(
    # 16: how a mention no model tagged was found (``Mention.rule``): an article in a
    # language no pipeline reads is read partially (nlp/partial.py) and its names are found
    # by capitalisation or by the gazetteer and name tables (``known-name``,
    # ``capitalised-sequence``, ``capitalised-word``, ``acronym``, ``part-of-name``). Empty
    # for a model's entities, as every row written before.
    """
    ALTER TABLE mentions ADD COLUMN rule TEXT NOT NULL DEFAULT '';
    """
)


MIGRATIONS.append(
    # 17: whether an entity has a name (``Entity.named``). An unnamed referent
    # (resolve/entities/unnamed.py: "a gunman … the gunman … he", one document's participant
    # the text never names) is stored as an entity whose mentions are descriptions and
    # pronouns; the entity list shows named entities unless asked. Rows written before are
    # named: nothing else was stored then.
    """
    ALTER TABLE entities ADD COLUMN named INTEGER NOT NULL DEFAULT 1;
    """
)


MIGRATIONS.append(
    # 18: names in document titles (resolve/entities/headline.py), linked to entities as the
    # text's mentions are, in a table of their own: their offsets point into the document's
    # ``title``, not its clean ``text``, so no query over ``entity_mentions`` (highlighting,
    # event arguments, the mention lookup, the export's ``mentions``) can slice the text
    # with them. ``entities.mention_count`` keeps counting the text's mentions. A store
    # written before has no title mentions until its documents are ingested again.
    """
    CREATE TABLE entity_title_mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        text TEXT NOT NULL, label TEXT NOT NULL,
        method TEXT NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (doc_id, start, "end")
    );
    CREATE INDEX entity_title_mentions_entity ON entity_title_mentions(entity_id);
    """
)
