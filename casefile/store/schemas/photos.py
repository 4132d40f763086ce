"""Photo tables: normalised metadata (tracked), analyst aircraft tags (tracked), check findings (cache)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from casefile.store.canonical import row_digest
from casefile.store.schema import MigratingCase, derived_table, migration, track

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


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


_EXIF_TIME = re.compile(r"^\s*\d{4}:\d{2}:\d{2}[ T]\d{2}:\d{2}:\d{2}")


def _old_read_from(capture: Mapping[str, object], times: Mapping[str, str]) -> str | None:
    """Where photos schema 1 read a capture time, from the raw text it stored: 'XMP <name> ...',
    'GPS ...', or the first valid-looking of EXIF DateTimeOriginal, DateTimeDigitized."""
    raw = str(capture.get("raw") or "")
    if raw.startswith("XMP "):
        return f"xmp {raw.split(' ')[1]}"
    if raw.startswith("GPS "):
        return "exif GPSDateStamp+GPSTimeStamp"
    for tag in ("DateTimeOriginal", "DateTimeDigitized"):
        if _EXIF_TIME.match(times.get(tag) or ""):
            return f"exif {tag}"
    return None


@migration("photos", 2, "where each capture time was read (capture.read_from, capture_from)",
           with_case=True)
def _photos_2(case: MigratingCase) -> None:
    """Add capture_from (a copy of capture.read_from, for filtering) and name, for each photo
    stored before, the place its capture time came from. Only the naming is added: the times
    themselves are not re-read. A row that differs from what the ledger last recorded is left as it
    is (so `verify` still reports it), never rewritten over."""
    db = case.db
    db.execute("ALTER TABLE photos ADD COLUMN capture_from TEXT")
    cols = [r[1] for r in db.execute("PRAGMA table_info(photos)").fetchall()]
    for values in db.execute("SELECT * FROM photos WHERE capture IS NOT NULL ORDER BY item_id").fetchall():
        row = dict(zip(cols, values, strict=True))
        last = db.execute("SELECT row_digest FROM ledger WHERE target_table = 'photos' AND target_id = ? "
                          "ORDER BY seq DESC LIMIT 1", [row["item_id"]]).fetchone()
        if last is None or last[0] != row_digest(row):
            continue
        capture = json.loads(row["capture"])
        if capture.get("read_from"):
            continue
        read_from = _old_read_from(capture, (json.loads(row["meta"]) or {}).get("times") or {})
        if read_from is None:
            continue
        capture["read_from"] = read_from
        case.update("photos", row["item_id"],
                    {"capture": json.dumps(capture, sort_keys=True, ensure_ascii=False,
                                           separators=(",", ":")), "capture_from": read_from},
                    action="capture-source-named", item_id=row["item_id"],
                    reason="where the capture time was read, named for a photo stored before "
                           "places were kept (photos schema 2); the time is unchanged")


track("photos", pk="item_id")
track("photo_aircraft")

_CHECKS = "open the case with Casefile (the checks are recomputed when what they read changes)"
derived_table("photo_checks", "photo metadata check findings", _CHECKS)
derived_table("photo_checks_state", "the photo checks' fingerprint", _CHECKS)
