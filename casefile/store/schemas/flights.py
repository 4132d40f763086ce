"""Flight tables: aircraft, tracks, track points (bulk), reported flights; legs and gaps as caches."""

from __future__ import annotations

import sqlite_utils

from casefile.store.schema import migration, track


@migration("flights", 1, "aircraft, tracks, track points, reported flights, leg and gap caches")
def _flights_1(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE aircraft (
        id TEXT PRIMARY KEY,
        icao24 TEXT,                       -- six lower-case hex digits, NULL when unknown
        registration TEXT,
        type_code TEXT,
        description TEXT,
        operator TEXT,
        country TEXT,                      -- from the ICAO 24-bit allocation block
        military INTEGER,                  -- 1/0 when a source says so, NULL when unknown
        label TEXT,                        -- how to name it when no hex or registration is known
        created_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX aircraft_icao24 ON aircraft(icao24)")
    db.execute("CREATE INDEX aircraft_reg ON aircraft(registration)")
    db.execute("""CREATE TABLE tracks (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        aircraft_id TEXT NOT NULL REFERENCES aircraft(id),
        format TEXT NOT NULL,
        callsigns TEXT,                    -- JSON list as found
        points INTEGER NOT NULL,           -- stored points (usable + flagged)
        flagged INTEGER NOT NULL,          -- kept out of legs: duplicate/out-of-order/impossible speed
        skipped INTEGER NOT NULL,          -- rows that could not be read at all (see warnings)
        untimed INTEGER NOT NULL DEFAULT 0,-- points without a time (GPX without <time>)
        first_utc TEXT,
        last_utc TEXT,
        warnings TEXT NOT NULL,            -- JSON list of per-row warnings (first 200)
        stated TEXT)                       -- JSON: legs the source states (e.g. OpenSky flight list)""")
    db.execute("CREATE INDEX tracks_item ON tracks(item_id)")
    db.execute("CREATE INDEX tracks_aircraft ON tracks(aircraft_id)")
    db.execute("""CREATE TABLE track_points (
        id INTEGER PRIMARY KEY,
        track_id TEXT NOT NULL,
        aircraft_id TEXT NOT NULL,
        seq INTEGER NOT NULL,              -- order in the source file
        t REAL,                            -- UTC epoch seconds
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        alt_ft REAL,                       -- barometric altitude
        geo_alt_ft REAL,                   -- geometric (GNSS) altitude
        ground INTEGER,
        gs_kt REAL,
        track_deg REAL,
        vrate_fpm REAL,
        callsign TEXT,
        src TEXT,                          -- adsb_icao, mlat, ...
        new_leg INTEGER,
        quality TEXT)                      -- NULL = usable""")
    # (track_id) alone: entries run in rowid order within a track, so the ledger's per-track
    # digest (ORDER BY id) and seq ranges (id = first id + seq) need no sort
    db.execute("CREATE INDEX track_points_track ON track_points(track_id)")
    db.execute("CREATE INDEX track_points_where ON track_points(aircraft_id, t) WHERE quality IS NULL")
    db.execute("""CREATE TABLE flight_segments (
        id TEXT PRIMARY KEY,
        track_id TEXT NOT NULL,
        aircraft_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL,                -- leg | ground
        start_t REAL NOT NULL,
        end_t REAL NOT NULL,
        points INTEGER NOT NULL,
        airport_icao TEXT,
        takeoff TEXT,                      -- JSON LegEnd
        landing TEXT,
        params TEXT NOT NULL)              -- thresholds and airportsdata version used""")
    db.execute("CREATE INDEX flight_segments_ac ON flight_segments(aircraft_id, start_t)")
    db.execute("""CREATE TABLE flight_gaps (
        id INTEGER PRIMARY KEY,
        track_id TEXT NOT NULL,
        aircraft_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        before_id INTEGER NOT NULL,
        after_id INTEGER NOT NULL,
        start_t REAL NOT NULL,
        end_t REAL NOT NULL,
        note TEXT)""")
    db.execute("CREATE INDEX flight_gaps_ac ON flight_gaps(aircraft_id, start_t)")
    db.execute("""CREATE TABLE reported_flights (
        id TEXT PRIMARY KEY,
        aircraft_ref TEXT NOT NULL,
        aircraft_id TEXT,
        from_icao TEXT,
        to_icao TEXT,
        departed TEXT,                     -- JSON TimeValue
        arrived TEXT,
        source_note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL)""")


track("aircraft")
track("tracks")
track("track_points", pk="id", group="track_id")
track("reported_flights")
