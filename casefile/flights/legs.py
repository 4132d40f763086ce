"""Split a track's usable points into legs (airborne) and ground stays, and find coverage gaps.

Pure functions over point arrays: no case access. A leg is a maximal airborne stretch; stretches
break at ground segments, the readsb "new leg" flag and long gaps. Leg ends are matched to the
nearest airport; an end that is not observed says so and gives the evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import numpy as np

from casefile.flights import events as E
from casefile.flights import helipads as H
from casefile.flights import posquality as PQ
from casefile.flights import probable as P
from casefile.flights import state as S
from casefile.flights import statebase as SB
from casefile.geo import distance_km
from casefile.reference.aircraft_types import Performance
from casefile.reference.airports import index as airport_index
from casefile.timeutil import from_epoch

#: no position for longer than this: a coverage gap (whereabouts unknown inside)
GAP_S = S.GAP_S
#: a gap this long ends a leg, when a stop fits in it (see state.stop_possible)
LEG_GAP_S = 1800.0
#: an airport must be this close to a ground point to be named as where it was
GROUND_AIRPORT_KM = S.FIELD_KM
#: an unobserved take-off or landing is only inferred this close to an airport ...
PROBABLE_AIRPORT_KM = 15.0
#: ... and this low above its elevation
PROBABLE_MAX_AGL_FT = 5000.0
#: a gap entered descending and left climbing, both at most this high (ft), with time for a stop,
#: ends a leg even when shorter than LEG_GAP_S (a landing not observed)
LOW_STOP_FT = SB.LOW_STOP_FT
#: climbing at least this fast (ft/min) low near a field, just out of a gap: a take-off's climb
TAKEOFF_CLIMB_FPM = SB.TAKEOFF_CLIMB_FPM
#: a take-off or landing between two positions further apart than this is given as a window
WINDOW_NOTE_S = 30.0


@dataclass
class TrackData:
    """The usable points of one track in time order, as parallel lists."""

    seq: list[int]
    t: list[float]
    lat: list[float]
    lon: list[float]
    alt: list[float | None]
    ground: list[bool | None]
    gs: list[float | None]
    vrate: list[float | None]
    new_leg: list[bool]
    #: the stored `src` of point i (how its position was found: casefile.flights.posquality),
    #: looked up only where a leg end needs it
    src_at: Callable[[int], str | None] = field(default=lambda i: None, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.t)

    def times(self) -> np.ndarray:
        """The times as an array (made once: legs and gaps both need it)."""
        cached = self.__dict__.get("_times")
        if cached is None or len(cached) != len(self.t):
            cached = self.__dict__["_times"] = np.asarray(self.t, dtype=np.float64)
        return cached


@dataclass
class End:
    """A leg end as computed (times as epoch seconds)."""

    t: float | None
    airport_icao: str | None
    airport_name: str | None
    distance_km: float | None
    observed: bool
    note: str
    evidence: dict[str, Any] = field(default_factory=dict)
    #: an observed end lies between two positions: (last before, first after), epoch seconds
    window: tuple[float, float] | None = None


#: a stretch seen airborne that shows no flight (see casefile.flights.movement): no leg
SIGHTING = "sighting"


@dataclass
class Segment:
    kind: str                  # leg | ground | sighting
    first: int                 # index into TrackData
    last: int
    takeoff: End | None = None
    landing: End | None = None
    airport_icao: str | None = None   # for ground stays
    airport_name: str | None = None
    distance_km: float | None = None
    #: touch-and-go, low approach, go-around inside a leg
    events: list[E.Event] = field(default_factory=list)


@dataclass
class GapSpan:
    before: int
    after: int
    note: str


def calls(d: TrackData) -> S.GroundCalls:
    """The state model's ground/airborne call at each point (see casefile.flights.state)."""
    return S.ground_calls(d.times(), d.lat, d.lon, d.alt, d.ground, d.gs, d.vrate)


def ground_states(d: TrackData) -> list[bool]:
    """On the ground or not, per point, as the state model decides from the evidence."""
    return calls(d).ground


def find_gaps(d: TrackData, gap_s: float = GAP_S) -> list[GapSpan]:
    """Every pair of neighbouring usable points more than gap_s apart."""
    if len(d) < 2:
        return []
    t = d.times()
    return [GapSpan(k, k + 1, f"no position for {_dur(d.t[k + 1] - d.t[k])}")
            for k in np.flatnonzero(t[1:] - t[:-1] > gap_s).tolist()]


def _dur(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    minutes = int(round(seconds / 60))
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def split(d: TrackData, *, gap_s: float = GAP_S, leg_gap_s: float = LEG_GAP_S,
          ground_calls: S.GroundCalls | None = None,
          perf: Performance | None = None) -> list[Segment]:
    """Legs and ground stays in time order; every usable point is in exactly one of them.
    perf: the aircraft type's needs (runway length, surface): probable ends rank only fields it
    can use."""
    n = len(d)
    if n == 0:
        return []
    gc = ground_calls or calls(d)
    ground = gc.ground
    segs: list[Segment] = []
    start = 0
    for i in _breaks(d, ground, gc.array if len(gc.array) == n else None, gap_s, leg_gap_s):
        segs.append(Segment("ground" if ground[start] else "leg", start, i - 1))
        start = i
    segs.append(Segment("ground" if ground[start] else "leg", start, n - 1))
    if len(gc.proven) == n:
        for seg in segs:
            # airborne, but no flight shown (one sighting, seconds of data): not a leg
            if seg.kind == "leg" and not gc.proven[seg.first:seg.last + 1].any():
                seg.kind = SIGHTING
    rotor = H.Rotor(perf, d.gs, ground)   # worked out once, if an end or a stay needs it
    for seg in segs:
        if seg.kind == "ground":
            _name_ground(d, seg, rotor)
    arrays = None
    for k, seg in enumerate(segs):
        if seg.kind == "leg":
            prev = segs[k - 1] if k > 0 else None
            nxt = segs[k + 1] if k + 1 < len(segs) else None
            seg.takeoff = _takeoff(d, seg, prev, leg_gap_s, perf, rotor)
            seg.landing = _landing(d, seg, nxt, leg_gap_s, perf, rotor)
            if arrays is None:
                have = len(gc.lat) == n
                arrays = (d.times(), gc.lat if have else np.asarray(d.lat, dtype=np.float64),
                          gc.lon if have else np.asarray(d.lon, dtype=np.float64), S._arr(d.alt),
                          gc.touched if len(gc.touched) == n else np.zeros(n, bool))
            seg.events = E.find(*arrays, seg.first, seg.last)
    return segs


def _breaks(d: TrackData, ground: list[bool], ground_arr: np.ndarray | None, gap_s: float,
            leg_gap_s: float) -> list[int]:
    """The points that start a new segment: the state changes, the source starts a new leg, or a
    long gap a stop fits in (any long gap on the ground), or a gap entered descending low and left
    climbing low. Found with array operations; only the gaps are looked at one by one."""
    g = ground_arr if ground_arr is not None else np.asarray(ground, dtype=bool)
    t = d.times()
    dt = t[1:] - t[:-1]
    cut = g[1:] != g[:-1]
    if any(d.new_leg):
        cut |= np.asarray(d.new_leg[1:], dtype=bool)
    for k in np.flatnonzero(~cut & (dt > min(gap_s, leg_gap_s, S.STOP_MIN_S))).tolist():
        a, b = k, k + 1
        if dt[k] > leg_gap_s and (ground[a] or _stop_fits(d, a, b)):
            cut[k] = True
        elif not ground[a] and not ground[b] and (low_stop(d, a, b) or field_stop(d, a, b)):
            cut[k] = True
    return (np.flatnonzero(cut) + 1).tolist()


def _stop_fits(d: TrackData, a: int, b: int) -> bool:
    """Whether the aircraft, airborne at points a and b, could have landed and taken off between."""
    km = distance_km(d.lat[a], d.lon[a], d.lat[b], d.lon[b])
    return S.stop_possible(d.t[b] - d.t[a], km, d.alt[a], d.alt[b])


def low_stop(d: TrackData, a: int, b: int) -> bool:
    """A gap the aircraft went into descending low and came out of climbing low (LOW_STOP_FT
    above the field near it, or above sea level with none near), with time for a stop: a landing
    not observed (at a field, or away from one: a ship, a helipad, a field)."""
    if d.t[b] - d.t[a] < S.STOP_MIN_S:
        return False
    if not (_low(d, a) and _low(d, b)):
        return False
    down, up = _trend(d, a, -1), _trend(d, b, +1)
    return (down is not None and down < 0 and up is not None and up > 0
            and _stop_fits(d, a, b))


def field_stop(d: TrackData, a: int, b: int) -> bool:
    """A gap with time for a stop that the aircraft came out of climbing out of a field (low
    near it, at a take-off's climb): it landed and took off there out of sight."""
    return (d.t[b] - d.t[a] >= S.STOP_MIN_S and _climbing_out(d, b)
            and _stop_fits(d, a, b))


def _climbing_out(d: TrackData, i: int) -> bool:
    """Point i is within FIELD_KM of a field, at most LOW_STOP_FT above it, climbing at least
    TAKEOFF_CLIMB_FPM: just after a take-off from it."""
    alt = d.alt[i]
    elev = S.field_elevation(d.lat[i], d.lon[i])
    if alt is None or elev is None or alt - elev > LOW_STOP_FT:
        return False
    trend = _trend(d, i, +1)
    return trend is not None and trend >= TAKEOFF_CLIMB_FPM


def _low(d: TrackData, i: int) -> bool:
    """At most LOW_STOP_FT above the field near point i (above sea level with none near)."""
    alt = d.alt[i]
    if alt is None:
        return False
    if alt <= LOW_STOP_FT:
        return True
    return alt - (S.field_elevation(d.lat[i], d.lon[i]) or 0.0) <= LOW_STOP_FT


def in_flight_gap(d: TrackData, a: int, b: int, ground: list[bool]) -> bool:
    """A coverage gap between points a and b the aircraft spent airborne: airborne on both
    sides and no landing, stop and take-off fits in the time (see state.stop_possible)."""
    return not ground[a] and not ground[b] and not _stop_fits(d, a, b)


def _joined(d: TrackData, a: int, b: int, leg_gap_s: float) -> bool:
    """Points a and b (b = a + 1) are continuous: no long gap and no new-leg flag between them."""
    return not d.new_leg[b] and d.t[b] - d.t[a] <= leg_gap_s


def _name_ground(d: TrackData, seg: Segment, rotor: H.Rotor | bool = False) -> None:
    mid = (seg.first + seg.last) // 2
    hit = H.ground_field(d.lat[mid], d.lon[mid], rotor)
    if hit:
        seg.airport_icao, seg.airport_name, seg.distance_km = hit.icao, hit.name, round(hit.km, 2)


def _point(d: TrackData, i: int) -> dict[str, Any]:
    return {"seq": d.seq[i], "t": d.t[i], "lat": d.lat[i], "lon": d.lon[i], "alt_ft": d.alt[i],
            "vrate_fpm": d.vrate[i]}


def _observed(d: TrackData, ground_i: int, air_i: int, what: str,
              rotor: H.Rotor | bool = False) -> End:
    hit = airport_index().nearest(d.lat[ground_i], d.lon[ground_i], GROUND_AIRPORT_KM)
    # for a helicopter, a heliport nearer than any airport
    pad = H.nearest(d.lat[ground_i], d.lon[ground_i], H.HELIPAD_KM) if rotor else None
    lo, hi = sorted((d.t[ground_i], d.t[air_i]))
    t = (lo + hi) / 2
    ev: dict[str, Any] = {"last_ground" if what == "take-off" else "first_ground": _point(d, ground_i),
          "first_airborne" if what == "take-off" else "last_airborne": _point(d, air_i)}
    when = ""
    if hi - lo > WINDOW_NOTE_S:
        when = (f", between {from_epoch(lo)[11:19]} and {from_epoch(hi)[11:19]} UTC (the "
                f"positions either side are {_dur(hi - lo)} apart)")
    weak = [q for q in (PQ.of(d.src_at(ground_i)), PQ.of(d.src_at(air_i))) if q.weak]
    if len(weak) == 2:     # computed or estimated positions alone do not show where it happened
        ev["position_sources"] = [q.source for q in weak]
        near = (f", {hit[1]:.1f} km from {hit[0].icao} ({hit[0].name})" if hit else
                f", no airport within {GROUND_AIRPORT_KM:g} km")
        return End(None, None, None, None, False,
                   f"{what} not observed: the positions either side are {weak[0].words()} and "
                   f"{weak[1].words()}, not positions the aircraft reported{near}{when}",
                   {**ev, **({"candidate_airport": hit[0].icao} if hit else {})}, (lo, hi))
    if pad is not None and (hit is None or pad[0] < hit[1]):
        km, f = pad
        return End(t, f.code, f.name, round(km, 2), True,
                   f"{what} observed at {H.describe(f)}, {km:.1f} km from it{when}", ev, (lo, hi))
    if hit:
        ap, km = hit
        return End(t, ap.icao, ap.name, round(km, 2), True,
                   f"{what} observed at {ap.icao} ({ap.name}), {km:.1f} km from the airport{when}",
                   ev, (lo, hi))
    return End(t, None, None, None, True,
               f"{what} observed, but no airport within {GROUND_AIRPORT_KM:g} km{when}", ev, (lo, hi))


def _trend(d: TrackData, i: int, toward: int) -> float | None:
    """Vertical trend at point i: its vertical rate, else the altitude change toward a neighbour."""
    if d.vrate[i] is not None and d.vrate[i] != 0:
        return d.vrate[i]
    j = i + toward
    alt_i, alt_j = d.alt[i], (d.alt[j] if 0 <= j < len(d) else None)
    if alt_i is not None and alt_j is not None and d.t[j] != d.t[i]:
        return (alt_j - alt_i) / (d.t[j] - d.t[i]) * 60.0
    return None


def _elev(ap: Any) -> str:
    return f" (airport elevation {ap.elevation_ft:.0f} ft)" if ap.elevation_ft is not None else ""


def _others(cands: list[P.Candidate]) -> str:
    rest = [c.airport.icao for c in cands[1:4]]
    return f"; ranked above {', '.join(rest)}" if rest else ""


def _landing(d: TrackData, seg: Segment, nxt: Segment | None, leg_gap_s: float,
             perf: Performance | None = None, rotor: H.Rotor | bool = False) -> End:
    last = seg.last
    if nxt is not None and nxt.kind == "ground" and _joined(d, last, nxt.first, leg_gap_s):
        return _observed(d, nxt.first, last, "landing", rotor)
    ev: dict[str, Any] = {"last_seen": _point(d, last)}
    trend = _trend(d, last, -1)
    j = last + 1 if last + 1 < len(d) else None
    if trend is None or trend >= 0:
        if j is not None and _climbing_out(d, j) and _stop_fits(d, last, j):
            return _landing_before_takeoff(d, last, j, ev)
        return End(None, None, None, None, False, "unknown: the data ends while airborne", ev)
    climbing_again = j is not None and (d.ground[j] is True or (_trend(d, j, +1) or 0.0) > 0)
    cands = P.rank(d.lat[last], d.lon[last], d.alt[last],
                   (d.lat[last - 1], d.lon[last - 1]) if last > 0 else None,
                   dark_s=d.t[j] - d.t[last] if j is not None else None,
                   other=(d.lat[j], d.lon[j], d.alt[j]) if j is not None and climbing_again else None,
                   perf=perf)
    pad = H.nearest(d.lat[last], d.lon[last], alt_ft=d.alt[last]) if rotor else None
    if pad is not None and (not cands or pad[0] < cands[0].km):
        return _pad_landing(d, last, j, pad, ev)
    if not cands or (j is not None and low_stop(d, last, j) and cands[0].seen_again_km is None):
        if j is not None and low_stop(d, last, j):
            ev["next_seen"] = _point(d, j)
            km = distance_km(d.lat[last], d.lon[last], d.lat[j], d.lon[j])
            where = (f"no airfield within {P.SEARCH_KM:g} km fits" if not cands else
                     f"the nearest fitting airfield, {cands[0].airport.icao}, is "
                     f"{cands[0].km:.0f} km away and it was not seen again near it")
            return End(None, None, None, None, False,
                       f"probable landing away from an airfield (not observed): last seen "
                       f"descending at {d.alt[last]:.0f} ft, seen again {km:.1f} km away climbing "
                       f"at {d.alt[j]:.0f} ft after {_dur(d.t[j] - d.t[last])}; {where} (a ship, "
                       "a helipad or a field)", ev)
        return End(None, None, None, None, False, "unknown: the data ends while airborne", ev)
    best = cands[0]
    ap, km = best.airport, best.km
    ev["last_seen_distance_km"] = round(km, 2)
    ev["candidates"] = [c.to_dict() for c in cands[:5]]
    alt = d.alt[last]
    if j is not None and best.seen_again_km is not None:
        ev["next_seen"] = _point(d, j)
        ev["next_seen_distance_km"] = round(best.seen_again_km, 2)
        note = (f"probable landing at {ap.icao} ({ap.name}) (not observed): last seen descending "
                f"at {alt:.0f} ft{_elev(ap)}, {km:.1f} km away; seen again "
                f"{best.seen_again_km:.1f} km from it climbing out or on the ground after "
                f"{_dur(d.t[j] - d.t[last])}; chosen for: {best.reasons()}{_others(cands)}")
        return End(None, ap.icao, ap.name, round(km, 2), False, note, ev)
    ends = "data ends" if j is None else f"no position for {_dur(d.t[j] - d.t[last])} after it"
    note = (f"landing not observed: {ends}; last seen descending at {alt:.0f} ft, {km:.1f} km "
            f"from {ap.icao} ({ap.name}{_elev(ap)}), the best fit: {best.reasons()}")
    if j is None:
        note = (f"landing not observed: data ends descending at {alt:.0f} ft, {km:.1f} km from "
                f"{ap.icao} ({ap.name}{_elev(ap)}), the best fit: {best.reasons()}")
    return End(None, None, None, None, False, note, {**ev, "candidate_airport": ap.icao})


def _landing_before_takeoff(d: TrackData, last: int, j: int, ev: dict[str, Any]) -> End:
    """Last seen not descending, then, after a gap a stop fits in, seen climbing low out of a
    field: it landed there (not observed), as its next take-off shows."""
    hit = airport_index().nearest(d.lat[j], d.lon[j], GROUND_AIRPORT_KM)
    if hit is None:
        return End(None, None, None, None, False, "unknown: the data ends while airborne", ev)
    ap, km = hit
    ev["next_seen"] = _point(d, j)
    ev["next_seen_distance_km"] = round(km, 2)
    return End(None, ap.icao, ap.name, None, False,
               f"probable landing at {ap.icao} ({ap.name}) (not observed): last seen at "
               f"{d.alt[last] or 0:.0f} ft, not descending; after {_dur(d.t[j] - d.t[last])} "
               f"without a position seen climbing out of it at {d.alt[j] or 0:.0f} ft, "
               f"{km:.1f} km away", ev)


def _pad_landing(d: TrackData, last: int, j: int | None, pad: tuple[float, Any],
                 ev: dict[str, Any]) -> End:
    """A helicopter last seen descending near a heliport: a probable landing there when seen
    again near it, else the heliport as the landing's best candidate (not observed)."""
    km, f = pad
    ev["last_seen_distance_km"] = round(km, 2)
    seen = "data ends" if j is None else f"no position for {_dur(d.t[j] - d.t[last])}"
    again = None if j is None else distance_km(d.lat[j], d.lon[j], f.lat, f.lon)
    if j is not None and again is not None and again <= H.TAKEOFF_KM:
        ev["next_seen"] = _point(d, j)
        ev["next_seen_distance_km"] = round(again, 2)
        return End(None, f.code, f.name, round(km, 2), False,
                   f"probable landing at {H.describe(f)} (not observed): a helicopter last seen "
                   f"descending at {d.alt[last]:.0f} ft {km:.1f} km from it, seen again "
                   f"{again:.1f} km from it after {_dur(d.t[j] - d.t[last])}", ev)
    return End(None, None, None, None, False,
               f"landing not observed: {seen}; a helicopter last seen descending at "
               f"{d.alt[last]:.0f} ft, {km:.1f} km from {H.describe(f)}, nearer than any airport",
               {**ev, "candidate_airport": f.code})


def _takeoff(d: TrackData, seg: Segment, prev: Segment | None, leg_gap_s: float,
             perf: Performance | None = None, rotor: H.Rotor | bool = False) -> End:
    first = seg.first
    if prev is not None and prev.kind == "ground" and _joined(d, prev.last, first, leg_gap_s):
        return _observed(d, prev.last, first, "take-off", rotor)
    ev: dict[str, Any] = {"first_seen": _point(d, first)}
    trend = _trend(d, first, +1)
    if trend is None or trend <= 0:
        return End(None, None, None, None, False, "unknown: the data starts while airborne", ev)
    pad = H.nearest(d.lat[first], d.lon[first], H.TAKEOFF_KM, alt_ft=d.alt[first]) if rotor else None
    if pad is not None:
        near_ap = airport_index().nearest(d.lat[first], d.lon[first], GROUND_AIRPORT_KM)
        if near_ap is None or pad[0] < near_ap[1]:
            km, f = pad
            ev["first_seen_distance_km"] = round(km, 2)
            return End(None, f.code, f.name, round(km, 2), False,
                       f"probable take-off from {H.describe(f)} (not observed): a helicopter first "
                       f"seen climbing at {d.alt[first]:.0f} ft, {km:.1f} km from it", ev)
    before = first - 1 if first > 0 else None
    if before is not None:
        ev["previous_seen"] = _point(d, before)
        if low_stop(d, before, first) and not P.rank(
                d.lat[before], d.lon[before], d.alt[before], None, dark_s=d.t[first] - d.t[before],
                other=(d.lat[first], d.lon[first], d.alt[first]), perf=perf):
            km = distance_km(d.lat[before], d.lon[before], d.lat[first], d.lon[first])
            return End(None, None, None, None, False,
                       f"probable take-off away from an airfield (not observed): first seen "
                       f"climbing at {d.alt[first]:.0f} ft, {km:.1f} km from where it was last "
                       f"seen descending at {d.alt[before]:.0f} ft {_dur(d.t[first] - d.t[before])} "
                       f"before; no airfield within {P.SEARCH_KM:g} km fits (a ship, a helipad or "
                       "a field)", ev)
    cands = P.rank(d.lat[first], d.lon[first], d.alt[first],
                   (d.lat[first + 1], d.lon[first + 1]) if first + 1 < len(d) else None,
                   dark_s=d.t[first] - d.t[before] if before is not None else None, landing=False,
                   perf=perf)
    near = [c for c in cands if c.km <= PROBABLE_AIRPORT_KM and c.agl_ft <= PROBABLE_MAX_AGL_FT]
    if not near:
        return End(None, None, None, None, False, "unknown: the data starts while airborne", ev)
    best = near[0]
    ap, km = best.airport, best.km
    ev["first_seen_distance_km"] = round(km, 2)
    ev["candidates"] = [c.to_dict() for c in near[:5]]
    note = (f"probable take-off from {ap.icao} ({ap.name}) (not observed): first seen climbing "
            f"at {d.alt[first]:.0f} ft{_elev(ap)}, {km:.1f} km away; chosen for: "
            f"{best.reasons()}{_others(near)}")
    return End(None, ap.icao, ap.name, round(km, 2), False, note, ev)


#: one point as (seq, t, lat, lon, alt_ft, ground, gs_kt, vrate_fpm, new_leg); flags as bool or 0/1
PointTuple: TypeAlias = tuple[int, float, float, float, float | None, int | None, float | None,
                              float | None, int | None]


def from_rows(rows: Sequence[PointTuple]) -> TrackData:
    """TrackData from (seq, t, lat, lon, alt_ft, ground, gs_kt, vrate_fpm, new_leg) tuples."""
    cols = list(zip(*rows, strict=False)) if rows else [()] * 9
    return from_columns(*cols)


#: ground flags as bools (1 and 0 hash and compare like True and False)
_GROUND_OF: dict[int | None, bool | None] = {None: None, True: True, False: False}


def ground_flags(values: Sequence[int | None]) -> list[bool | None]:
    """Ground flags (bool, 0/1 or None) as True/False/None."""
    try:
        return list(map(_GROUND_OF.__getitem__, values))
    except (KeyError, TypeError):
        return [None if g is None else bool(g) for g in values]


def from_columns(seq: Iterable[int], t: Iterable[float], lat: Iterable[float], lon: Iterable[float],
                 alt: Iterable[float | None], ground: Sequence[int | None], gs: Iterable[float | None],
                 vrate: Iterable[float | None], new_leg: Iterable[int | None]) -> TrackData:
    """TrackData from columns (any iterables), ground flags made bool/None, new-leg flags bool."""
    return TrackData(seq=list(seq), t=list(t), lat=list(lat), lon=list(lon), alt=list(alt),
                     ground=ground_flags(ground), gs=list(gs), vrate=list(vrate),
                     new_leg=list(map(bool, new_leg)))
