"""The flights read API other parts use (see docs/interfaces.md): aircraft, legs, gaps, where, points."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypedDict

import numpy as np

from casefile.flights import legs as leg_rules
from casefile.flights import points as P
from casefile.flights import quality as quality_rules
from casefile.flights import state as state_rules
from casefile.flights.aircraft import all_aircraft, find, recorded_names
from casefile.flights.palette import case_colors
from casefile.flights.refs import AircraftRefs as AircraftRefs  # re-exported: the public API
from casefile.flights.refs import RefIndex as RefIndex
from casefile.flights.refs import norm_ref as norm_ref
from casefile.flights.refs import references as references
from casefile.flights.reported import add_reported_flight as add_reported_flight  # the window's edit
from casefile.flights.reported import all_reported
from casefile.flights.spoof import SpoofedStretch as SpoofedStretch  # re-exported: the public API
from casefile.flights.state import GAP_S as GAP_S  # re-exported: the coverage-gap threshold
from casefile.flights.state import field_elevation as field_elevation  # re-exported
from casefile.flights.stated import StatedFacts, StatedFlight
from casefile.flights.where import aircraft_calls
from casefile.flights.wherecore import mention_reported
from casefile.flights.wherefast import where_at
from casefile.gcpause import gc_paused
from casefile.model.flights import (
    Aircraft,
    Gap,
    Leg,
    LegEnd,
    LegEvent,
    Point,
    ReportedFlight,
    Whereabouts,
)
from casefile.present.aircraft import aircraft_name
from casefile.present.times import describe
from casefile.store import Case
from casefile.store.columns import flags_of, floats_of
from casefile.store.rows import FlightGapRow, FlightSegmentRow, TrackRow
from casefile.timeutil import from_epoch


def list_aircraft(case: Case) -> list[Aircraft]:
    """Every aircraft in the case, oldest first."""
    return all_aircraft(case)


def aircraft_colors(case: Case) -> dict[str, str]:
    """Aircraft id -> its colour on every map and chart of this case (the GUI's and the PDF's)."""
    return case_colors(all_aircraft(case))


def recorded_refs(case: Case) -> dict[str, list[str]]:
    """Per aircraft id, the callsigns and flight numbers it was recorded with (they name it too)."""
    return recorded_names(case)


class _TrackCalls(TypedDict):
    id: str
    callsigns: str | None              # JSON list
    flight: str | None                 # JSON object


def track_calls(case: Case) -> dict[str, list[str]]:
    """Per track id, the callsigns and the flight number its file recorded (the stated ones first)."""
    out: dict[str, list[str]] = {}
    for r in case.select(_TrackCalls, "SELECT id, callsigns, flight FROM tracks"):
        flight = json.loads(r["flight"]) if r["flight"] else {}
        stated = [str(flight[k]) for k in ("callsign", "number") if flight.get(k)]
        out[r["id"]] = list(dict.fromkeys(stated + [c for c in json.loads(r["callsigns"] or "[]") if c]))
    return out


#: How an aircraft is named (for the window, which reads flights through this module).
aircraft_title = aircraft_name


def find_aircraft(case: Case, ref: str) -> Aircraft:
    """An aircraft by registration, ICAO hex or id (NotFound otherwise)."""
    return find(case, ref)


def _end(text: str | None) -> LegEnd:
    d = json.loads(text) if text else {}
    return LegEnd(time_utc=d.get("time_utc"), airport_icao=d.get("airport_icao"),
                  airport_name=d.get("airport_name"), distance_km=d.get("distance_km"),
                  observed=bool(d.get("observed")), note=d.get("note", ""),
                  evidence=d.get("evidence", {}),
                  window_utc=tuple(d["window_utc"]) if d.get("window_utc") else None)


def _events(text: str | None) -> tuple[LegEvent, ...]:
    """A leg's touch-and-go, low approach and go-around events (none stored: none looked for)."""
    return tuple(LegEvent(kind=e["kind"], window_utc=(e["window_utc"][0], e["window_utc"][1]),
                          airport_icao=e.get("airport_icao"), airport_name=e.get("airport_name"),
                          distance_km=e.get("distance_km"), note=e.get("note", ""),
                          evidence=e.get("evidence", {}))
                 for e in (json.loads(text) if text else []))


def _reported_end(code: str | None, tv: Any, what: str) -> LegEnd:
    from casefile.reference.airports import index

    ap = index().get(code) if code else None
    when = f": {describe(tv)}" if tv is not None else ""
    return LegEnd(time_utc=tv.utc if tv is not None else None, airport_icao=code,
                  airport_name=ap.name if ap else None, distance_km=None, observed=False,
                  note=f"reported, not tracked: {what}{' ' + code if code else ''}{when}",
                  evidence={"time": tv.to_dict() if tv is not None else None})


def legs(case: Case, aircraft_id: str | None = None, *, include_reported: bool = True) -> list[Leg]:
    """Derived legs (from tracks) and reported flights, in time order."""
    sql = "SELECT * FROM flight_segments WHERE kind = 'leg'"
    params: list[Any] = []
    if aircraft_id:
        sql += " AND aircraft_id = ?"
        params.append(aircraft_id)
    out = [Leg(id=r["id"], aircraft_id=r["aircraft_id"], item_id=r["item_id"],
               takeoff=_end(r["takeoff"]), landing=_end(r["landing"]), reported=False,
               track_id=r["track_id"], first_seen_utc=from_epoch(r["start_t"]),
               last_seen_utc=from_epoch(r["end_t"]), points=r["points"],
               events=_events(r["events"]))
           for r in case.select(FlightSegmentRow, sql + " ORDER BY start_t, id", params)]
    if include_reported:
        for rf in reported_flights(case):
            if aircraft_id and rf.aircraft_id != aircraft_id:
                continue
            named = rf.aircraft_ref + (f" ({rf.aircraft_type})" if rf.aircraft_type and
                                       rf.aircraft_type != rf.aircraft_ref.upper() else "")
            out.append(Leg(id=rf.id, aircraft_id=rf.aircraft_id or "", item_id=None,
                           takeoff=_reported_end(rf.from_icao, rf.departed, "departed"),
                           landing=_reported_end(rf.to_icao, rf.arrived, "arrived"), reported=True,
                           aircraft_ref=named))
    out.sort(key=lambda leg: leg.takeoff.time_utc or leg.first_seen_utc or leg.landing.time_utc or "")
    return out


class GroundStay(TypedDict):
    """A stretch an aircraft was observed on the ground, at an airport when one is within reach."""

    aircraft_id: str
    track_id: str
    item_id: str
    start_utc: str
    end_utc: str
    points: int
    airport_icao: str | None


def ground_stays(case: Case, aircraft_id: str | None = None) -> list[GroundStay]:
    """Stretches observed on the ground (airport when one is within reach)."""
    sql = "SELECT * FROM flight_segments WHERE kind = 'ground'"
    params: list[str] = []
    if aircraft_id:
        sql += " AND aircraft_id = ?"
        params.append(aircraft_id)
    return [GroundStay(aircraft_id=r["aircraft_id"], track_id=r["track_id"], item_id=r["item_id"],
                       start_utc=from_epoch(r["start_t"]), end_utc=from_epoch(r["end_t"]),
                       points=r["points"], airport_icao=r["airport_icao"])
            for r in case.select(FlightSegmentRow, sql + " ORDER BY start_t", params)]


def _point(case: Case, track_id: str, seq: int) -> Point:
    return P.load(case, track_id).point(seq)


def gaps(case: Case, aircraft_id: str | None = None) -> list[Gap]:
    """Coverage gaps: no position for longer than the threshold; whereabouts unknown inside."""
    sql = "SELECT * FROM flight_gaps"
    params: list[Any] = []
    if aircraft_id:
        sql += " WHERE aircraft_id = ?"
        params.append(aircraft_id)
    return [Gap(aircraft_id=r["aircraft_id"], start_utc=from_epoch(r["start_t"]),
                end_utc=from_epoch(r["end_t"]), before=_point(case, r["track_id"], r["before_seq"]),
                after=_point(case, r["track_id"], r["after_seq"]), note=r["note"] or "",
                track_id=r["track_id"], item_id=r["item_id"])
            for r in case.select(FlightGapRow, sql + " ORDER BY start_t", params)]


def where(case: Case, aircraft_ref: str, t_utc: str) -> Whereabouts:
    """Where the aircraft (registration, hex or id) was at t_utc, per its usable points.

    When the tracks cannot say, a reported (not tracked) flight covering the time is mentioned.
    """
    ac = find(case, aircraft_ref)
    return mention_reported(where_at(case, ac.id, t_utc), ac.id, lambda: reported_flights(case),
                            t_utc)


def track_points(case: Case, aircraft_id: str | None = None, item_id: str | None = None, *,
                 include_flagged: bool = False) -> Iterator[Point]:
    """Points in time order (usable ones unless include_flagged), for maps and exports.

    Aircraft by id, then time (untimed points first), track, position in the file.
    """
    by_aircraft: dict[str, list[P.TrackPoints]] = {}
    for tp in P.load_many(case, aircraft_id=aircraft_id, item_id=item_id):
        by_aircraft.setdefault(tp.aircraft_id, []).append(tp)
    for aid in sorted(by_aircraft):
        yield from P.merge(by_aircraft[aid], include_flagged=include_flagged).points()


def stretches(case: Case, track_id: str, *, gap_s: float = leg_rules.GAP_S) -> list[list[Point]]:
    """One track's continuous stretches: its usable points in time order, split wherever no
    position came for longer than `gap_s` (a coverage gap), so a map draws a gap as a gap.

    Flagged points (bad positions, duplicate times) are left out, as from legs and `where`; a
    stretch may hold a single point. Every usable point of the track is in exactly one stretch.
    """
    tp = P.load(case, track_id)
    m = P.merge([tp])
    if not len(m):
        return []
    cuts = (np.flatnonzero(np.diff(m.t) > gap_s) + 1).tolist()
    pts = list(tp.points(m.seq))
    return [pts[a:b] for a, b in zip([0, *cuts], [*cuts, len(pts)], strict=True)]


@dataclass
class PointColumns:
    """One aircraft's usable points in time order, as parallel lists (see track_columns)."""

    aircraft_id: str
    t: list[float] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    alt_ft: list[float | None] = field(default_factory=list)
    ground: list[bool | None] = field(default_factory=list)   # None: the source did not say
    gs_kt: list[float | None] = field(default_factory=list)
    #: on the ground as the state model decides (casefile.flights.state): what every part uses
    on_ground: list[bool] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.t)


def track_columns(case: Case, aircraft_id: str | None = None) -> dict[str, PointColumns]:
    """Usable points per aircraft (one aircraft, or every one), column-wise and in time order.

    The same points, in the same order, as track_points(case, aircraft_id) gives, without building
    a Point per row. Keyed by aircraft id, in list_aircraft order.
    """
    ids = [aircraft_id] if aircraft_id else [a.id for a in all_aircraft(case)]
    out: dict[str, PointColumns] = {}
    with gc_paused():
        for aid in ids:
            m = P.aircraft_points(case, aid)
            cols = PointColumns(aid)
            if len(m):
                cols.t = m.t.tolist()
                cols.lat = m.column("lat").tolist()
                cols.lon = m.column("lon").tolist()
                cols.alt_ft = floats_of(m.column("alt_ft"))
                cols.gs_kt = floats_of(m.column("gs_kt"))
                cols.ground = flags_of(m.column("ground"))
                cols.on_ground = aircraft_calls(m).ground
            out[aid] = cols
    return out


def reported_flights(case: Case) -> list[ReportedFlight]:
    """Flights entered by hand ("reported, not tracked")."""
    return all_reported(case)


class TrackInfo(TypedDict):
    """A track as `tracks` gives it: its row with the JSON read, the points' quality flags counted,
    and how the state model read its ground flags."""

    id: str
    item_id: str
    aircraft_id: str
    format: str
    callsigns: list[str]
    points: int
    flagged: int
    skipped: int
    untimed: int
    first_utc: str | None
    last_utc: str | None
    warnings: list[str]
    stated: list[StatedFlight] | None
    points_sha256: str | None
    flight: StatedFacts | None        # number, callsign, origin, destination as the file states
    quality: dict[str, int]           # flag -> points
    ground_flags_contradicted: int
    noise_points: int


def tracks(case: Case, aircraft_id: str | None = None) -> list[TrackInfo]:
    """Track rows (one per aircraft per file) with counts of flagged and skipped rows and warnings."""
    sql, params = "SELECT * FROM tracks", []
    if aircraft_id:
        sql += " WHERE aircraft_id = ?"
        params.append(aircraft_id)
    out: list[TrackInfo] = []
    for r in case.select(TrackRow, sql + " ORDER BY first_utc, id", params):
        seg = case.db.execute("SELECT params FROM flight_segments WHERE track_id = ? LIMIT 1",
                              [r["id"]]).fetchone()
        made = json.loads(seg[0]) if seg and seg[0] else {}
        out.append({
            "id": r["id"], "item_id": r["item_id"], "aircraft_id": r["aircraft_id"],
            "format": r["format"], "callsigns": json.loads(r["callsigns"] or "[]"),
            "points": r["points"], "flagged": r["flagged"], "skipped": r["skipped"],
            "untimed": r["untimed"], "first_utc": r["first_utc"], "last_utc": r["last_utc"],
            "warnings": json.loads(r["warnings"] or "[]"),
            "stated": json.loads(r["stated"]) if r["stated"] else None,
            "points_sha256": r["points_sha256"],
            "flight": json.loads(r["flight"]) if r["flight"] else None,
            "quality": json.loads(r["quality_counts"] or "{}"),
            # how the state model read the points: flags it did not obey, points taken as noise
            "ground_flags_contradicted": made.get("flags_contradicted", 0),
            "noise_points": made.get("noise_points", 0)})
    return out


def count_legs(case: Case) -> int:
    """How many legs legs(case) gives, reported flights included (COUNT queries, cheap during an import)."""
    return int(case.db.execute("SELECT (SELECT COUNT(*) FROM flight_segments WHERE kind = 'leg') "
                               "+ (SELECT COUNT(*) FROM reported_flights)").fetchone()[0])


#: The settings that decide legs, coverage gaps and flagged points, named by the module that holds
#: them (the report lists them under Methods).
THRESHOLDS: dict[str, float | int] = {
    "flights.legs.GAP_S": leg_rules.GAP_S,
    "flights.legs.GROUND_AIRPORT_KM": leg_rules.GROUND_AIRPORT_KM,
    "flights.state.GROUND_SPEED_KT": state_rules.GROUND_SPEED_KT,
    "flights.state.SLOW_MAX_AGL_FT": state_rules.SLOW_MAX_AGL_FT,
    "flights.state.ROLL_MAX_AGL_FT": state_rules.ROLL_MAX_AGL_FT,
    "flights.state.ROLL_MAX_KT": state_rules.ROLL_MAX_KT,
    "flights.state.ROLL_MAX_VRATE_FPM": state_rules.ROLL_MAX_VRATE_FPM,
    "flights.state.FLAG_MAX_AGL_FT": state_rules.FLAG_MAX_AGL_FT,
    "flights.state.FLAG_MAX_KT": state_rules.FLAG_MAX_KT,
    "flights.state.DEBOUNCE_S": state_rules.DEBOUNCE_S,
    "flights.state.DEBOUNCE_POINTS": state_rules.DEBOUNCE_POINTS,
    "flights.state.STOP_FAST_KT": state_rules.STOP_FAST_KT,
    "flights.state.STOP_VRATE_FPM": state_rules.STOP_VRATE_FPM,
    "flights.state.STOP_MIN_S": state_rules.STOP_MIN_S,
    "flights.legs.LEG_GAP_S": leg_rules.LEG_GAP_S,
    "flights.legs.PROBABLE_AIRPORT_KM": leg_rules.PROBABLE_AIRPORT_KM,
    "flights.legs.PROBABLE_MAX_AGL_FT": leg_rules.PROBABLE_MAX_AGL_FT,
    "flights.quality.AIRBORNE_LIMIT_KT": quality_rules.AIRBORNE_LIMIT_KT,
    "flights.quality.MLAT_FACTOR": quality_rules.MLAT_FACTOR,
    "flights.quality.NOISE_KM": quality_rules.NOISE_KM,
    "flights.quality.REANCHOR_AFTER": quality_rules.REANCHOR_AFTER,
    "flights.quality.SURFACE_LIMIT_KT": quality_rules.SURFACE_LIMIT_KT,
}


def spoofed_stretches(case: Case, aircraft_id: str | None = None) -> list[SpoofedStretch]:
    """Stretches of positions that jump out of the path and back (spoofed or jammed), kept and
    shown as such, never used as where the aircraft was: track, aircraft, start and end (UTC),
    how many positions, a sentence, and the path (lat, lon) to draw."""
    from casefile.flights import spoof

    tps = {tp.track_id: tp for tp in P.load_many(case, aircraft_id=aircraft_id)}
    return [s.shown(tps.get(s.track_id)) for s in spoof.stretches(case, aircraft_id)]


def leg_events(case: Case, aircraft_id: str | None = None) -> list[tuple[Leg, LegEvent]]:
    """Every touch-and-go, low approach and go-around with its leg, in time order (never
    landings)."""
    out = [(leg, e) for leg in legs(case, aircraft_id, include_reported=False) for e in leg.events]
    return sorted(out, key=lambda le: le[1].window_utc[0])
