"""Flight tables: aircraft, tracks, track points (bulk), reported flights; legs and gaps as caches."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from casefile import __version__
from casefile.errors import CasefileError
from casefile.store.schema import MigratingCase, derived_table, migration, track

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


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


#: a track's points as a column file (casefile.store.columns), seq = row number in the file
POINT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("t", "f8"), ("lat", "f8"), ("lon", "f8"), ("alt_ft", "f8"), ("geo_alt_ft", "f8"),
    ("ground", "b1"), ("gs_kt", "f8"), ("track_deg", "f8"), ("vrate_fpm", "f8"),
    ("callsign", "str"), ("src", "str"), ("new_leg", "b1"), ("quality", "str"))
POINTS_KIND = "track-points"
POINTS_MIME = "application/x-casefile-columns"


def quality_counts(quality: Iterable[str | None]) -> str:
    """The tracks row's quality_counts: JSON {flag: points}, flags sorted."""
    return json.dumps(Counter(q for q in quality if q is not None), sort_keys=True)


@migration("flights", 2, "track points move from table rows to a column file per track",
           with_case=True)
def _flights_2(case: MigratingCase) -> None:
    """Each track's points become one derived column file, vouched for by the track's row.

    A million points were a million SQLite rows (slow to write, slow to vouch for); now they are
    one file whose SHA-256 the tracks row records. Each group is checked against the ledger before
    it moves (a case whose points were edited behind Casefile's back is refused, not laundered),
    the move is recorded per track, and gaps point at points by their number in the track.
    """
    from casefile.store import columns  # numpy: loaded only when this migration runs

    db = case.db
    db.execute("ALTER TABLE tracks ADD COLUMN points_sha256 TEXT")   # the points' column file
    db.execute("ALTER TABLE tracks ADD COLUMN quality_counts TEXT")  # JSON {flag: count}
    names = [n for n, _ in POINT_COLUMNS]
    tracks = db.execute("SELECT id, item_id FROM tracks ORDER BY id").fetchall()
    counts = {}
    for tid, _item in tracks:   # check every track before anything is written
        digest, counts[tid] = case.group_digest("track_points", tid)
        last = db.execute("SELECT row_digest FROM ledger WHERE target_table = 'track_points' AND "
                          "target_id = ? ORDER BY seq DESC LIMIT 1", [tid]).fetchone()
        if last is None or last[0] != digest:
            raise CasefileError(f"the points of track {tid} differ from the custody ledger; "
                                "this Casefile will not move them. Run `casefile verify` with "
                                "the Casefile that wrote the case", case.path)
    for tid, item_id in tracks:
        count = counts[tid]
        sel = ", ".join("coalesce(new_leg, 0)" if n == "new_leg" else n for n in names)
        rows = db.execute(f"SELECT {sel} FROM track_points WHERE track_id = ? ORDER BY seq",
                          [tid]).fetchall()
        cols = dict(zip(names, zip(*rows, strict=True))) if rows else {n: () for n in names}
        data = columns.encode(POINT_COLUMNS, {n: list(v) for n, v in cols.items()}, len(rows))
        d = case.add_derived(item_id, data, kind=POINTS_KIND, tool="casefile",
                             tool_version=__version__, mime=POINTS_MIME,
                             params={"track_id": tid, "columns": names,
                                     "from": "track_points rows (flights schema 1)"})
        case.update("tracks", tid, {"points_sha256": d["sha256"],
                                    "quality_counts": quality_counts(cols["quality"])},
                    action="points-moved", item_id=item_id,
                    reason="points moved from table rows to a column file (flights schema 2)")
        case.log("deleted", item_id=item_id, target_table="track_points", target_id=tid,
                 details={"rows": count, "reason": f"moved to derived column file {d['sha256']}"})
    for end in ("before", "after"):
        db.execute(f"UPDATE flight_gaps SET {end}_id = {end}_id - (SELECT min(id) FROM track_points "
                   "p WHERE p.track_id = flight_gaps.track_id)")
        db.execute(f"ALTER TABLE flight_gaps RENAME COLUMN {end}_id TO {end}_seq")
    db.execute("DROP TABLE track_points")


@migration("flights", 3, "tracks keep what their file states about the flight flown")
def _flights_3(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE tracks ADD COLUMN flight TEXT")   # JSON: number, callsign, route...


@migration("flights", 4, "reported flights: the source they came from and the aircraft type named")
def _flights_4(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE reported_flights ADD COLUMN source_id TEXT")       # sources(id)
    db.execute("ALTER TABLE reported_flights ADD COLUMN aircraft_type TEXT")   # ICAO designator


@migration("flights", 5, "legs keep their events: touch-and-go, low approach, go-around")
def _flights_5(db: sqlite_utils.Database) -> None:
    # JSON list of LegEvent; NULL for legs derived before (no events looked for)
    db.execute("ALTER TABLE flight_segments ADD COLUMN events TEXT")


track("aircraft")
track("tracks")
# flights schema 1 kept points as rows vouched for per track; migration 2 reads them through this
track("track_points", pk="id", group="track_id")
track("reported_flights")
_FLIGHTS = ("restore the case from a bundle, or remove and re-import the flight record (its legs "
            "are recomputed from its points)")
# legs, ground stays and coverage gaps: recomputed from each track's points
derived_table("flight_segments", "legs and ground stays", _FLIGHTS)
derived_table("flight_gaps", "coverage gaps", _FLIGHTS)


@migration("flights", 10, "the where index: each aircraft's usable points in time order and the "
           "state model's call at each, so `where` at one instant reads two points, not a track")
def _flights_10(db: sqlite_utils.Database) -> None:
    # A cache (casefile.flights.whereindex): what `where` reads when it matches the aircraft's
    # tracks (`tracks`), else `where` runs the state model over the points itself.
    db.execute("""CREATE TABLE where_index (
        aircraft_id TEXT PRIMARY KEY,
        tracks TEXT NOT NULL,              -- JSON [[track id, points_sha256], ...] by track id
        points INTEGER NOT NULL,           -- usable points, in (time, track id, seq) order
        which BLOB,                        -- per point: index into tracks (uint16 LE); NULL: one track
        seq BLOB NOT NULL,                 -- per point: its position in its track's points file (uint32 LE)
        calls BLOB NOT NULL,               -- per point: index into whys, +128 when on the ground
        whys TEXT NOT NULL,                -- JSON list: why a point's state is what it is, in words
        spoofed TEXT NOT NULL,             -- JSON [[t0, t1, points], ...]: spoofed stretches
        rotor INTEGER NOT NULL)            -- 1: flies as a helicopter (casefile.flights.helipads)""")


derived_table("where_index", "the where index (each aircraft's points in time order and states)",
              _FLIGHTS)
