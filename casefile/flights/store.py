"""Writing a parsed track into the case and deriving its legs and gaps (a recomputable cache)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, islice
from operator import gt, itemgetter
from typing import TYPE_CHECKING, Any

from casefile import __version__
from casefile.flights import events as E
from casefile.flights import legs as L
from casefile.flights import points, spoof, whereindex
from casefile.flights import state as S
from casefile.flights.aircraft import resolve
from casefile.flights.points import NAMES, TrackPoints
from casefile.ids import new_id
from casefile.model.flights import COLUMNS, ParsedTrack, PointRow
from casefile.reference import corrections, runways
from casefile.reference.aircraft_types import Performance, performance
from casefile.reference.airports import data_version
from casefile.store import Case, columns
from casefile.store.blobs import discard_blob
from casefile.store.rows import AircraftRow, TrackRow
from casefile.store.schemas.flights import POINT_COLUMNS, POINTS_KIND, POINTS_MIME, quality_counts
from casefile.timeutil import epoch_text, from_epoch

if TYPE_CHECKING:
    from casefile.flights.stated import StatedFlight


@dataclass
class Derived:
    """A track's legs, ground stays and gaps as rows, without the ids the case gives them."""

    params: str
    #: (kind, start_t, end_t, points, airport_icao, takeoff, landing, events) per segment
    segments: list[tuple[Any, ...]]
    #: (before_seq, after_seq, start_t, end_t, note) per gap
    gaps: list[tuple[Any, ...]]
    legs: int


@dataclass
class PreparedTrack:
    """What storing a track works out from its points alone, before any case is touched: the
    points file and the legs for the aircraft type the file names. An import worker prepares it
    (`prepare_track`), in parallel with the others, so recording a track only writes rows."""

    data: bytes                 # the points file (casefile.store.columns)
    points: int
    flagged: int
    untimed: int
    first_t: float | None
    last_t: float | None
    callsigns: list[str]
    quality_counts: str
    #: the performance the legs were derived with (the file's type code); a case that knows the
    #: aircraft as another type derives them again from the stored points
    perf: Performance
    calls: S.GroundCalls
    derived: Derived


def prepare_track(trk: ParsedTrack) -> PreparedTrack:
    """The points file, counts and legs of a parsed track (no case needed)."""
    n = trk.size()
    cols = _point_columns(trk.rows, trk.quality, trk.columns)
    times = [t for t in cols["t"] if t is not None]
    flagged = len(trk.quality) - trk.quality.count(None) - trk.quality.count("no-time")
    data = columns.encode(POINT_COLUMNS, cols, n)
    d, ids = _usable(cols)
    perf = performance(trk.type_code)
    calls = L.calls(d)
    stated = json.loads(json.dumps(trk.stated)) if trk.stated else None   # as the row keeps it
    return PreparedTrack(data=data, points=n, flagged=flagged, untimed=n - len(times),
                         first_t=min(times) if times else None, last_t=max(times) if times else None,
                         callsigns=trk.callsigns(), quality_counts=quality_counts(trk.quality),
                         perf=perf, calls=calls, derived=_derive(d, ids, stated, perf, calls))


def store_track(case: Case, item_id: str, trk: ParsedTrack, *, warnings: list[str], skipped: int,
                prepared: PreparedTrack | None = None) -> str:
    """Insert one parsed track (aircraft, track row, its points as a column file) and its legs/gaps
    (`prepared`: what an import worker already worked out from the track, else worked out here)."""
    p = prepared if prepared is not None else prepare_track(trk)
    track_id = new_id()
    sha = None
    try:
        with case.transaction():   # a savepoint: on failure the points file goes with the rows
            aircraft_id = resolve(case, item_id=item_id, icao24=trk.icao24,
                                  registration=trk.registration, type_code=trk.type_code,
                                  description=trk.description, operator=trk.operator,
                                  military=trk.military, label=trk.label)
            derived = case.add_derived(item_id, p.data, kind=POINTS_KIND, tool="casefile",
                                       tool_version=__version__, mime=POINTS_MIME,
                                       params={"track_id": track_id, "format": trk.format,
                                               "columns": list(NAMES)})
            sha = derived["sha256"]
            case.insert("tracks", {
                "id": track_id, "item_id": item_id, "aircraft_id": aircraft_id,
                "format": trk.format, "callsigns": json.dumps(p.callsigns),
                "points": p.points, "flagged": p.flagged, "skipped": skipped,
                "untimed": p.untimed,
                "first_utc": from_epoch(p.first_t) if p.first_t is not None else None,
                "last_utc": from_epoch(p.last_t) if p.last_t is not None else None,
                "warnings": json.dumps(warnings, ensure_ascii=False),
                "stated": json.dumps(trk.stated) if trk.stated else None,
                "flight": json.dumps(trk.flight, ensure_ascii=False) if trk.flight else None,
                "points_sha256": sha, "quality_counts": p.quality_counts},
                action="track-imported", item_id=item_id)
            if _performance_of(case, aircraft_id) == p.perf:
                _write_derived(case, track_id, aircraft_id, item_id, p.derived)
            else:   # the case knows the aircraft as another type: its legs, from the stored points
                derive(case, track_id)
            _index_where(case, aircraft_id, TrackPoints(track_id, aircraft_id, sha,
                                                        columns.decode(p.data)), p.calls)
    except BaseException:
        if sha is not None and not case.db.execute("SELECT 1 FROM derived WHERE sha256 = ?",
                                                   [sha]).fetchone():
            discard_blob(case.path, sha, "derived")
        raise
    return track_id


def _index_where(case: Case, aircraft_id: str, tp: TrackPoints, calls: S.GroundCalls) -> None:
    """The where index of the aircraft, when this is its only track (from the calls its legs
    were derived with); else it is remade from all its tracks at the end of the import batch."""
    others = case.db.execute("SELECT count(*) FROM tracks WHERE aircraft_id = ? AND id != ?",
                             [aircraft_id, tp.track_id]).fetchone()[0]
    m = points.merge([tp])
    if others or len(m) != len(calls.ground):
        case.db.execute("DELETE FROM where_index WHERE aircraft_id = ?", [aircraft_id])
        return
    whereindex.write(case, aircraft_id, m, calls, spoof.of_track(tp))


def _point_columns(rows: list[PointRow], quality: list[str | None],
                   known: dict[str, list[Any]] | None = None) -> dict[str, list[Any]]:
    """Parsed point rows (casefile.model.flights.COLUMNS order) and their quality
    flags as columns, named as in the points file (`known`: columns already taken out of
    these rows, used as they are when their length matches; with no rows, the columns alone)."""
    known = known or {}
    if not rows and quality and all(len(known.get(n, ())) == len(quality) for n in COLUMNS):
        return {**{n: known[n] for n in COLUMNS}, "quality": quality}   # columns only
    if len(quality) != len(rows) or not set(map(len, rows)) <= {len(COLUMNS)}:
        raise ValueError(f"each parsed point row needs {len(COLUMNS)} values "
                         f"({', '.join(COLUMNS)}) and one quality flag")
    # one C-level pass per column (zip(*rows) over a million rows is several times slower)
    cols = {n: known[n] if len(known.get(n, ())) == len(rows) else list(map(itemgetter(k), rows))
            for k, n in enumerate(COLUMNS)}
    cols["quality"] = quality
    return cols


def _usable(cols: dict[str, list[Any]]) -> tuple[L.TrackData, list[int]]:
    """The same TrackData track_data() would read back, built from the columns just stored."""
    times, quality = cols["t"], cols["quality"]
    names = ("lat", "lon", "alt_ft", "ground", "gs_kt", "vrate_fpm", "new_leg")
    seqs: list[int] = list(range(len(times)))
    picked = [cols[n] for n in names]
    if quality.count(None) != len(quality) or None in times:
        keep = [q is None and t is not None for q, t in zip(quality, times)]
        seqs = list(compress(seqs, keep))
        times = list(compress(times, keep))
        picked = [list(compress(c, keep)) for c in picked]
    if any(map(gt, times, islice(times, 1, None))):   # only untimed-mixed GPX
        order = sorted(range(len(seqs)), key=lambda k: (times[k], seqs[k]))
        seqs = [seqs[k] for k in order]
        times = [times[k] for k in order]
        picked = [[c[k] for k in order] for c in picked]
    d = L.from_columns(seqs, times, *picked)
    src = cols["src"]
    d.src_at = lambda i: src[seqs[i]]
    return d, seqs


def track_data(case: Case, track_id: str) -> tuple[L.TrackData, list[int]]:
    """Usable points of a track in time order (ties in file order), and their seqs."""
    tp = points.load(case, track_id)
    seqs = points.merge([tp]).seq
    c = {n: tp.cols.numbers(n, seqs) for n in ("t", "lat", "lon", "alt_ft", "gs_kt", "vrate_fpm")}
    must = {n: points.present(c[n], track_id) for n in ("t", "lat", "lon")}   # usable points
    d = L.from_columns(seqs.tolist(), must["t"], must["lat"], must["lon"], c["alt_ft"],
                       tp.cols.flags("ground", seqs), c["gs_kt"], c["vrate_fpm"],
                       tp.cols.flags("new_leg", seqs))
    d.src_at = lambda i: tp.cols.text("src", int(seqs[i]))
    return d, seqs.tolist()


def _end(e: L.End | None) -> str | None:
    if e is None:
        return None
    return json.dumps({"time_utc": epoch_text(e.t),
                       "airport_icao": e.airport_icao, "airport_name": e.airport_name,
                       "distance_km": e.distance_km, "observed": e.observed, "note": e.note,
                       "evidence": e.evidence,
                       "window_utc": [epoch_text(x) for x in e.window] if e.window else None},
                      ensure_ascii=False)


def _performance_of(case: Case, aircraft_id: str | None) -> Performance:
    type_rows = case.select(AircraftRow, "SELECT * FROM aircraft WHERE id = ?", [aircraft_id])
    return performance(type_rows[0]["type_code"] if type_rows else None)


def derive(case: Case, track_id: str, *, data: tuple[L.TrackData, list[int]] | None = None,
           calls: S.GroundCalls | None = None) -> tuple[int, int]:
    """(Re)compute a track's legs, ground stays and gaps; returns (legs, gaps). `calls`: the state
    model's calls at `data`'s points, when already made."""
    info = case.select(TrackRow, "SELECT * FROM tracks WHERE id = ?", [track_id])[0]
    perf = _performance_of(case, info["aircraft_id"])
    d, ids = data if data is not None else track_data(case, track_id)
    stated = json.loads(info["stated"]) if info["stated"] else None
    dv = _derive(d, ids, stated, perf, calls if calls is not None else L.calls(d))
    _write_derived(case, track_id, info["aircraft_id"], info["item_id"], dv)
    return dv.legs, len(dv.gaps)


def _derive(d: L.TrackData, ids: list[int], stated: Sequence[StatedFlight] | None, perf: Performance,
            ground_calls: S.GroundCalls) -> Derived:
    """Legs, ground stays and gaps of usable points `d` (`ids`: their seqs in the points file)."""
    params = json.dumps({"gap_s": L.GAP_S, "leg_gap_s": L.LEG_GAP_S,
                         "ground_airport_km": L.GROUND_AIRPORT_KM,
                         "probable_airport_km": L.PROBABLE_AIRPORT_KM,
                         "airportsdata": data_version(),
                         # the runway table probable ends were ranked with, the aircraft type's
                         # needs, and the airport points corrected by the runways
                         "ourairports": runways.DATA_VERSION,
                         "airport_corrections": corrections.version(),
                         "aircraft_type": perf.designator, "min_runway_m": perf.min_runway_m,
                         # ground flags not obeyed (altitude and speed say otherwise) and points
                         # taken as noise (a short run between runs of the other state)
                         "flags_contradicted": ground_calls.contradicted,
                         "noise_points": ground_calls.debounced})
    if stated:
        from casefile.flights.stated import stated_segments
        segs = stated_segments(d, stated)
    else:
        segs = L.split(d, ground_calls=ground_calls, perf=perf)
    seg_rows = []
    for s in segs:
        start = s.takeoff.t if s.takeoff and s.takeoff.t is not None else d.t[s.first]
        end = s.landing.t if s.landing and s.landing.t is not None else d.t[s.last]
        events = E.as_json(s.events) if s.kind == "leg" else None
        seg_rows.append((s.kind, min(start, d.t[s.first]), max(end, d.t[s.last]),
                         s.last - s.first + 1, s.airport_icao, _end(s.takeoff), _end(s.landing),
                         events))
    gaps = [(ids[g.before], ids[g.after], d.t[g.before], d.t[g.after], g.note)
            for g in L.find_gaps(d)]
    return Derived(params, seg_rows, gaps, sum(1 for s in segs if s.kind == "leg"))


def _write_derived(case: Case, track_id: str, aircraft_id: str | None, item_id: str,
                   dv: Derived) -> None:
    """Replace a track's legs, ground stays and gaps with these."""
    with case.transaction():
        case.db.execute("DELETE FROM flight_segments WHERE track_id = ?", [track_id])
        case.db.execute("DELETE FROM flight_gaps WHERE track_id = ?", [track_id])
        case.db.conn.executemany(
            "INSERT INTO flight_segments (id, track_id, aircraft_id, item_id, kind, start_t, end_t, "
            "points, airport_icao, takeoff, landing, params, events) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(new_id(), track_id, aircraft_id, item_id, kind, start, end, n, icao, takeoff, landing,
              dv.params, events)
             for kind, start, end, n, icao, takeoff, landing, events in dv.segments])
        case.db.conn.executemany(
            "INSERT INTO flight_gaps (track_id, aircraft_id, item_id, before_seq, after_seq, start_t, "
            "end_t, note) VALUES (?,?,?,?,?,?,?,?)",
            [(track_id, aircraft_id, item_id, *g) for g in dv.gaps])
