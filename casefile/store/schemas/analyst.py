"""Analyst tables: sources, claims, entities, notes, tags, capture text, and the full-text index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.store.schema import derived_table, migration, track

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


@migration("analyst", 1, "sources, claims, entities, notes, tags, capture text, search")
def _analyst_1(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        url TEXT, title TEXT, publisher TEXT, author TEXT,
        published TEXT,                    -- TimeValue as canonical JSON
        published_utc TEXT,                -- for sorting; NULL when the zone is unknown
        collected_at TEXT, collected_by TEXT,
        reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A','B','C','D','E','F')),
        reliability_rationale TEXT,
        archive_urls TEXT NOT NULL DEFAULT '[]',   -- JSON list
        note TEXT,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL)""")
    db.execute("""CREATE TABLE source_items (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id),
        item_id TEXT NOT NULL REFERENCES items(id),
        role TEXT NOT NULL,                -- capture | screenshot | published-photo | attachment
        added_at TEXT NOT NULL,
        UNIQUE (source_id, item_id))""")
    db.execute("CREATE INDEX source_items_item ON source_items(item_id)")
    db.execute("""CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('aircraft','person','organisation','place')),
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',        -- JSON list
        ref TEXT, lat REAL, lon REAL, tz TEXT, note TEXT,
        created_at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        quoted INTEGER NOT NULL DEFAULT 0,
        window_start TEXT NOT NULL, window_end TEXT NOT NULL,   -- TimeValues as JSON
        start_utc TEXT, end_utc TEXT,
        place_text TEXT, place_icao TEXT, place_lat REAL, place_lon REAL,
        credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
        status TEXT NOT NULL DEFAULT 'unverified',
        kind TEXT NOT NULL DEFAULT 'other',
        aircraft_refs TEXT NOT NULL DEFAULT '[]',  -- JSON list
        note TEXT,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL)""")
    db.execute("""CREATE TABLE claim_sources (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        source_id TEXT NOT NULL REFERENCES sources(id),
        UNIQUE (claim_id, source_id))""")
    db.execute("""CREATE TABLE claim_entities (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        entity_id TEXT NOT NULL REFERENCES entities(id),
        UNIQUE (claim_id, entity_id))""")
    db.execute("""CREATE TABLE claim_links (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        item_id TEXT NOT NULL REFERENCES items(id),
        relation TEXT NOT NULL CHECK (relation IN ('supports','contradicts','context')),
        note TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (claim_id, item_id))""")
    db.execute("CREATE INDEX claim_links_item ON claim_links(item_id)")
    db.execute("""CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        target_kind TEXT NOT NULL,         -- item | source | claim | entity | case
        target_id TEXT,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL)""")
    db.execute("CREATE INDEX notes_target ON notes(target_id)")
    db.execute("""CREATE TABLE tags (
        id TEXT PRIMARY KEY,
        target_kind TEXT NOT NULL,
        target_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (target_id, tag))""")
    db.execute("CREATE INDEX tags_tag ON tags(tag)")
    db.execute("""CREATE TABLE capture_texts (
        item_id TEXT PRIMARY KEY REFERENCES items(id),
        format TEXT NOT NULL,              -- html | mhtml | pdf | text | warc | wacz
        text TEXT NOT NULL,
        suggestion TEXT NOT NULL,          -- what the file says about itself, JSON
        tool TEXT NOT NULL,
        truncated INTEGER NOT NULL DEFAULT 0)""")
    # The search index is a cache rebuilt from the tracked tables above (not ledger-tracked).
    db.execute("""CREATE TABLE search_docs (
        rowid INTEGER PRIMARY KEY,
        doc_key TEXT NOT NULL UNIQUE,      -- kind:id
        kind TEXT NOT NULL, ref_id TEXT NOT NULL, item_id TEXT,
        title TEXT, body TEXT)""")
    db.execute("""CREATE VIRTUAL TABLE search_docs_fts USING fts5(
        title, body, content=search_docs, content_rowid=rowid,
        tokenize='unicode61 remove_diacritics 2')""")
    db.execute("""CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_docs_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END""")
    db.execute("""CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_docs_fts (search_docs_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body); END""")
    db.execute("""CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
        INSERT INTO search_docs_fts (search_docs_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
        INSERT INTO search_docs_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END""")


@migration("analyst", 2, "source relations (cites, derived from); claim places with their kind")
def _analyst_2(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE source_relations (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id),   -- this source ...
        other_id TEXT NOT NULL REFERENCES sources(id),    -- ... cites / is derived from this one
        relation TEXT NOT NULL CHECK (relation IN ('cites','derived-from')),
        note TEXT,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL,
        UNIQUE (source_id, other_id, relation))""")
    db.execute("CREATE INDEX source_relations_other ON source_relations(other_id)")
    # what the place text was resolved to (casefile.reference.places); NULL: resolved when read
    db.execute("ALTER TABLE claims ADD COLUMN place_kind TEXT")   # airport | city | country | point
    db.execute("ALTER TABLE claims ADD COLUMN place_key TEXT")    # ICAO | GeoNames id | ISO2 | lat,lon


@migration("analyst", 9, "a transit claim's leg, named by where it left and where it went")
def _analyst_9(db: sqlite_utils.Database) -> None:
    # as typed (an airport code or a city), checked when entered; NULL: the claim names no leg
    db.execute("ALTER TABLE claims ADD COLUMN leg_from TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN leg_to TEXT")


for _table in ("source_relations", "sources", "source_items", "entities", "claims",
               "claim_sources", "claim_entities", "claim_links", "notes", "tags"):
    track(_table)
track("capture_texts", pk="item_id")
derived_table("search_docs", "the search index", "rebuild the search index")
