"""A case written with track points as table rows (flights schema 1) opens with them moved into a
column file per track: same points, gaps re-pointed, every step in the ledger, and a case whose
point rows were edited behind Casefile's back refused rather than laundered."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casefile.errors import CasefileError
from casefile.flights import query as Q
from casefile.flights.aircraft import resolve
from casefile.importers.pipeline import import_paths
from casefile.store import Case, verify_case

T0 = 1553212800.0
ROWS = [  # t, lat, lon, alt_ft, geo_alt_ft, ground, gs_kt, track_deg, vrate_fpm, callsign, src, new_leg
    (T0, 10.60, -66.99, None, None, 1, 5.0, 90.0, None, "RFF7075", "adsb_icao", None),
    (T0 + 60, 10.61, -66.98, 1500.0, 1525.0, 0, 160.0, 91.5, 1800.0, "RFF7075", "mlat", None),
    (T0 + 60, 10.61, -66.98, 1500.0, None, 0, 160.0, 91.5, None, None, "mlat", None),
    (T0 + 7260, 11.50, -65.00, 30000.0, None, 0, 450.0, 92.0, 0.0, "RFF7075", "adsb_icao", 1),
]
QUALITY = [None, None, "duplicate-time", None]


def _legacy_case(tmp_path: Path, schema_at, *, tamper: bool = False) -> tuple[Path, str]:
    """A case at flights schema 1 with one track of four points (one flagged) and one gap."""
    with schema_at("flights", 1):
        case = Case.create(tmp_path / "legacy", "legacy", investigator="T")
        src = tmp_path / "trace.txt"
        src.write_text("stands for the original flight file")
        [outcome] = import_paths(case, [src], importer="file").outcomes
        item = outcome.item_id
        with case.transaction():
            ac = resolve(case, item_id=item, icao24="154042", registration="RA-82014")
            case.insert("tracks", {"id": "TRK1", "item_id": item, "aircraft_id": ac,
                                   "format": "readsb", "callsigns": '["RFF7075"]', "points": 4,
                                   "flagged": 1, "skipped": 0, "untimed": 0,
                                   "first_utc": "2019-03-22T00:00:00.000Z",
                                   "last_utc": "2019-03-22T02:01:00.000Z", "warnings": "[]"},
                        action="track-imported", item_id=item)
            case.db.conn.executemany(
                "INSERT INTO track_points (t, lat, lon, alt_ft, geo_alt_ft, ground, gs_kt, "
                "track_deg, vrate_fpm, callsign, src, new_leg, quality, id, seq, track_id, "
                "aircraft_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'TRK1',?)",
                [(*r, q, 500 + k, k, ac) for k, (r, q) in enumerate(zip(ROWS, QUALITY))])
            case.record_group("track_points", "TRK1", action="imported", item_id=item)
            case.db.execute("INSERT INTO flight_gaps (track_id, aircraft_id, item_id, before_id, "
                            "after_id, start_t, end_t) VALUES ('TRK1', ?, ?, 501, 503, ?, ?)",
                            [ac, item, T0 + 60, T0 + 7260])
        case.close()
    if tamper:
        conn = sqlite3.connect(tmp_path / "legacy.casefile" / "case.sqlite")
        conn.execute("UPDATE track_points SET lat = 10.7 WHERE seq = 1")
        conn.commit()
        conn.close()
    return tmp_path / "legacy.casefile", ac


def test_legacy_points_move_into_a_column_file(tmp_path: Path, schema_at) -> None:
    path, ac = _legacy_case(tmp_path, schema_at)
    with Case.open(path, investigator="T") as case:
        assert "track_points" not in case.db.table_names()
        [track] = Q.tracks(case)
        assert track["points_sha256"] and track["quality"] == {"duplicate-time": 1}
        pts = list(Q.track_points(case, ac, include_flagged=True))
        assert [(p.seq, p.t, p.lat, p.alt_ft, p.geo_alt_ft, p.on_ground, p.callsign, p.source,
                 p.quality) for p in pts] == [
            (k, r[0], r[1], r[3], r[4], bool(r[5]), r[9], r[10], q)
            for k, (r, q) in enumerate(zip(ROWS, QUALITY))]
        assert [p.seq for p in Q.track_points(case, ac)] == [0, 1, 3]
        [gap] = Q.gaps(case, ac)
        assert (gap.before.seq, gap.after.seq) == (1, 3) and gap.after.lat == 11.50
        actions = [(e["action"], e["target_table"]) for e in case.events()]
        assert ("points-moved", "tracks") in actions and ("deleted", "track_points") in actions
        assert ("derived", "derived") in actions
        assert verify_case(case, record=False).ok


def test_legacy_points_edited_behind_our_back_are_refused(tmp_path: Path, schema_at) -> None:
    path, _ = _legacy_case(tmp_path, schema_at, tamper=True)
    with pytest.raises(CasefileError, match="points of track TRK1 differ from the custody ledger"):
        Case.open(path, investigator="T")
    # nothing was changed: the case is still at flights schema 1, its rows where they were
    conn = sqlite3.connect(path / "case.sqlite")
    assert conn.execute("SELECT max(number) FROM _schema WHERE \"group\" = 'flights'").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM track_points").fetchone() == (4,)
    conn.close()
    assert [p for p in (path / "derived").rglob("*") if p.is_file()] == []  # nothing half-moved
