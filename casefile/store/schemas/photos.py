"""Photo tables: normalised metadata (tracked), analyst aircraft tags (tracked), check findings (cache)."""

from __future__ import annotations

import sqlite_utils

from casefile.store.schema import migration, track


@migration("photos", 1, "photo metadata, aircraft tags, check findings")
def _photos_1(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE photos (
        item_id TEXT PRIMARY KEY REFERENCES items(id),
        format TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        make TEXT, model TEXT, lens TEXT, serial TEXT, software TEXT,
        orientation INTEGER,
        capture TEXT,                      -- TimeValue as canonical JSON, or NULL
        capture_utc TEXT,                  -- copy of capture.utc for sorting
        lat REAL, lon REAL, alt_m REAL, direction_deg REAL,   -- accepted EXIF position
        gps_problem TEXT,                  -- why an EXIF position was rejected
        place_lat REAL, place_lon REAL, place_note TEXT,      -- analyst-set place
        phash TEXT, dhash TEXT,
        decode_problem TEXT,
        meta TEXT NOT NULL,                -- PhotoMeta as JSON (what the checks read)
        raw_tags TEXT NOT NULL,            -- every tag as found, JSON
        extractor TEXT NOT NULL)           -- tools and versions, JSON""")
    db.execute("CREATE INDEX photos_capture ON photos(capture_utc)")
    db.execute("""CREATE TABLE photo_aircraft (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        ref TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE(item_id, ref))""")
    # A cache: recomputed from the tracked tables whenever they change (see casefile.photos.findings).
    db.execute("""CREATE TABLE photo_checks (
        item_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        check_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        title TEXT NOT NULL,
        explanation TEXT NOT NULL,
        innocent_cause TEXT NOT NULL,
        fields TEXT NOT NULL,
        PRIMARY KEY (item_id, n))""")
    db.execute("CREATE TABLE photo_checks_state (key TEXT PRIMARY KEY, value TEXT)")


track("photos", pk="item_id")
track("photo_aircraft")
