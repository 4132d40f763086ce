"""Writing a parsed track into the case and deriving its legs and gaps (a recomputable cache)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import count, islice
from operator import add, gt, itemgetter
from typing import Any

from casefile.ids import new_id
from casefile.reference.airports import data_version
from casefile.store import Case
from casefile.tracks import legs as L
from casefile.tracks.aircraft import resolve
from casefile.tracks.times import utc_text

#: a parsed point row, as the importers build it (casefile.importers.flights.common.COLUMNS)
_ROW_COLS = ("t", "lat", "lon", "alt_ft", "geo_alt_ft", "ground", "gs_kt", "track_deg", "vrate_fpm",
             "callsign", "src", "new_leg")
_T, _GROUND = itemgetter(0), itemgetter(5)


def store_track(case: Case, item_id: str, trk: Any, *, warnings: list[str], skipped: int) -> str:
    """Insert one parsed track (aircraft, track row, points as one ledger group) and its legs/gaps."""
    aircraft_id = resolve(case, item_id=item_id, icao24=trk.icao24, registration=trk.registration,
                          type_code=trk.type_code, description=trk.description,
                          operator=trk.operator, military=trk.military, label=trk.label)
    track_id = new_id()
    times = [t for t in map(_T, trk.rows) if t is not None]
    flagged = len(trk.quality) - trk.quality.count(None) - trk.quality.count("no-time")
    case.insert("tracks", {
        "id": track_id, "item_id": item_id, "aircraft_id": aircraft_id, "format": trk.format,
        "callsigns": json.dumps(trk.callsigns()), "points": len(trk.rows), "flagged": flagged,
        "skipped": skipped, "untimed": len(trk.rows) - len(times),
        "first_utc": utc_text(min(times)) if times else None,
        "last_utc": utc_text(max(times)) if times else None,
        "warnings": json.dumps(warnings, ensure_ascii=False),
        "stated": json.dumps(trk.stated) if trk.stated else None},
        action="track-imported", item_id=item_id)
    first_id = _insert_points(case, track_id, aircraft_id, trk.rows, trk.quality)
    case.record_group("track_points", track_id, action="imported", item_id=item_id,
                      details={"format": trk.format, "flagged": flagged})
    derive(case, track_id, data=_usable(trk.rows, trk.quality, first_id))
    return track_id


def _usable(rows: list[tuple], quality: list[str | None], first_id: int) -> tuple[L.TrackData, list[int]]:
    """The same TrackData track_data() would read back, built from the rows just inserted."""
    picked: Sequence[tuple] = rows
    seqs: list[int] = list(range(len(rows)))
    times = list(map(_T, rows))
    if quality.count(None) != len(quality) or None in times:
        seqs = [seq for seq, q in enumerate(quality) if q is None and times[seq] is not None]
        picked = [rows[seq] for seq in seqs]
        times = [times[seq] for seq in seqs]
    if any(map(gt, times, islice(times, 1, None))):   # only untimed-mixed GPX
        order = sorted(range(len(seqs)), key=lambda k: (times[k], seqs[k]))
        seqs = [seqs[k] for k in order]
        picked = [picked[k] for k in order]
        times = [times[k] for k in order]
    data = L.from_columns(seqs, times, *(map(itemgetter(k), picked) for k in (1, 2, 3)),
                          list(map(_GROUND, picked)), *(map(itemgetter(k), picked) for k in (6, 8, 11)))
    return data, [first_id + seq for seq in seqs]


def _sql_text(value: str) -> str:
    """A string as an SQL literal."""
    return "'" + value.replace("'", "''") + "'"


def _insert_points(case: Case, track_id: str, aircraft_id: str, rows: list[tuple],
                   quality: list[str | None]) -> int:
    """Bulk insert with one executemany streaming the rows (no per-row Python code).

    Each parameter tuple is a parsed row plus (quality, id, seq), glued in C by map(add, ...);
    the track and aircraft ids, the same in every row, are literals in the statement; new_leg 0
    is stored as NULL. The caller records the group digest right after, in the same
    transaction, so the ledger vouches for exactly these rows (as `Case.insert_group` would).
    """
    first_id = case.db.execute("SELECT coalesce(max(id), 0) + 1 FROM track_points").fetchone()[0]
    sql = (f"INSERT INTO track_points ({', '.join(_ROW_COLS)}, quality, id, seq, track_id, "
           f"aircraft_id) VALUES ({'?, ' * (len(_ROW_COLS) - 1)}nullif(?, 0), ?, ?, ?, "
           f"{_sql_text(track_id)}, {_sql_text(aircraft_id)})")
    if len(quality) != len(rows) or not set(map(len, rows)) <= {len(_ROW_COLS)}:
        raise ValueError(f"each parsed point row needs {len(_ROW_COLS)} values "
                         f"({', '.join(_ROW_COLS)}) and one quality flag")
    case.db.conn.executemany(sql, map(add, rows, zip(quality, count(first_id), count())))
    return first_id


def track_data(case: Case, track_id: str) -> tuple[L.TrackData, list[int]]:
    """Usable points of a track in time order, and their row ids."""
    cur = case.db.execute(
        "SELECT seq, t, lat, lon, alt_ft, ground, gs_kt, vrate_fpm, new_leg, id FROM track_points "
        "WHERE track_id = ? AND quality IS NULL ORDER BY t, seq", [track_id])
    rows = cur.fetchall()
    return L.from_rows([r[:9] for r in rows]), [r[9] for r in rows]


def _end(e: L.End | None) -> str | None:
    if e is None:
        return None
    return json.dumps({"time_utc": utc_text(e.t) if e.t is not None else None,
                       "airport_icao": e.airport_icao, "airport_name": e.airport_name,
                       "distance_km": e.distance_km, "observed": e.observed, "note": e.note,
                       "evidence": e.evidence}, ensure_ascii=False)


def derive(case: Case, track_id: str, *,
           data: tuple[L.TrackData, list[int]] | None = None) -> tuple[int, int]:
    """(Re)compute a track's legs, ground stays and gaps; returns (legs, gaps)."""
    info = case.rows("SELECT item_id, aircraft_id, stated FROM tracks WHERE id = ?", [track_id])[0]
    d, ids = data if data is not None else track_data(case, track_id)
    params = json.dumps({"gap_s": L.GAP_S, "leg_gap_s": L.LEG_GAP_S,
                         "ground_airport_km": L.GROUND_AIRPORT_KM,
                         "probable_airport_km": L.PROBABLE_AIRPORT_KM,
                         "airportsdata": data_version()})
    with case.transaction():
        case.db.execute("DELETE FROM flight_segments WHERE track_id = ?", [track_id])
        case.db.execute("DELETE FROM flight_gaps WHERE track_id = ?", [track_id])
        if info["stated"]:
            from casefile.tracks.stated import stated_segments
            segs = stated_segments(d, json.loads(info["stated"]))
        else:
            segs = L.split(d)
        seg_rows = []
        for s in segs:
            start = s.takeoff.t if s.takeoff and s.takeoff.t is not None else d.t[s.first]
            end = s.landing.t if s.landing and s.landing.t is not None else d.t[s.last]
            seg_rows.append((new_id(), track_id, info["aircraft_id"], info["item_id"], s.kind,
                             min(start, d.t[s.first]), max(end, d.t[s.last]), s.last - s.first + 1,
                             s.airport_icao, _end(s.takeoff), _end(s.landing), params))
        case.db.conn.executemany("INSERT INTO flight_segments VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                                 seg_rows)
        gaps = L.find_gaps(d)
        case.db.conn.executemany(
            "INSERT INTO flight_gaps (track_id, aircraft_id, item_id, before_id, after_id, start_t, "
            "end_t, note) VALUES (?,?,?,?,?,?,?,?)",
            [(track_id, info["aircraft_id"], info["item_id"], ids[g.before], ids[g.after],
              d.t[g.before], d.t[g.after], g.note) for g in gaps])
    return sum(1 for s in segs if s.kind == "leg"), len(gaps)
