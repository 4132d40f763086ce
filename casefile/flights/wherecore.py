"""The answer `where` gives from the two usable points around an instant and the state model's
call at each: on the ground at X, airborne (at an interpolated position, or in a coverage gap no
stop fits in), or unknown, with why.

No numpy: the same words come from the whole-track path (casefile.flights.where, which runs the
state model) and from the where index (casefile.flights.wherefast, which reads the calls the state
model made when the track was stored), so the two cannot word or decide anything differently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from casefile.flights import posquality
from casefile.flights import statebase as S
from casefile.geo import distance_km, intermediate
from casefile.model.flights import Point, ReportedFlight, Whereabouts
from casefile.timeutil import from_epoch, parse_z

if TYPE_CHECKING:   # helipads loads the runway tables: only when a ground position is named
    from casefile.flights import helipads

#: times in the API have millisecond resolution: a point this close to the asked time is "at" it
SAME_TIME_S = 0.0005


@dataclass(frozen=True)
class Side:
    """A usable point next to the asked instant and the state model's call there."""

    point: Point
    why: str                 # why its state is what it is (casefile.flights.state.WHYS)
    ground: bool

    @property
    def state(self) -> str:
        if self.why == S.WHY_UNKNOWN:
            return S.UNKNOWN
        return S.GROUND if self.ground else S.AIRBORNE


def airport_near(lat: float, lon: float, rotor: helipads.Rotor | bool = False
                 ) -> helipads.Named | None:
    """Where a ground position is: an airport, else (a helicopter's: `rotor`) a heliport right
    there (casefile.flights.helipads), or None."""
    from casefile.flights import helipads as fields

    return fields.ground_field(lat, lon, rotor)


def with_quality(w: Whereabouts) -> Whereabouts:
    """The answer with the quality of the positions it rests on (casefile.flights.posquality): a
    tracker's estimate is never an observation; MLAT, TIS-B or a poor NACp widen the uncertainty."""
    if w.lat is None:
        return w
    pts = [p for p in (w.nearest_before, w.nearest_after) if p is not None]
    t = parse_z(w.t_utc).timestamp() if w.t_utc else None
    at = [p for p in pts if t is not None and abs(p.at - t) <= SAME_TIME_S]
    pts = at[:1] or pts        # a position at the time answers alone
    qs = [posquality.of(p.source) for p in pts]
    known = [q.uncertainty_m for q in qs if q.uncertainty_m is not None]
    reason = w.reason
    if any(q.estimated for q in qs):
        reason = reason.replace("an observed position", "a position estimated by the tracker "
                                "(an interpolation, not observed)")
        reason += "; the tracker estimated the position, no receiver observed it"
    weak = list(dict.fromkeys(q.words() for q in qs if q.weak and not q.estimated))
    if weak:
        reason += f"; from {' and '.join(weak)} positions, not positions the aircraft reported"
    return replace(w, reason=reason, uncertainty_m=max(known) if known else None)


def _field_elevation(p: Point) -> float | None:
    """The elevation (ft) of the airport within FIELD_KM of a point, or None."""
    from casefile.reference.airports import index

    hit = index().nearest(p.lat, p.lon, S.FIELD_KM)
    return hit[0].elevation_ft if hit is not None else None


def stop_between(pb: Point, pa: Point) -> bool:
    """Whether the hole between two airborne points is one the legs end and start at (as
    casefile.flights.legs.low_stop and field_stop read it, from the reported vertical rates): long
    enough for a stop, entered descending low and left climbing low, or left climbing out of a
    field at a take-off's climb."""
    span = pa.at - pb.at
    if span < S.STOP_MIN_S or pb.alt_ft is None or pa.alt_ft is None:
        return False
    if not S.stop_possible(span, distance_km(pb.lat, pb.lon, pa.lat, pa.lon), pb.alt_ft,
                           pa.alt_ft):
        return False
    ea = _field_elevation(pa)
    low_a = pa.alt_ft - (ea or 0.0) <= S.LOW_STOP_FT
    if ea is not None and low_a and (pa.vrate_fpm or 0.0) >= S.TAKEOFF_CLIMB_FPM:
        return True
    low_b = pb.alt_ft - (_field_elevation(pb) or 0.0) <= S.LOW_STOP_FT
    return low_a and low_b and (pb.vrate_fpm or 0.0) < 0 < (pa.vrate_fpm or 0.0)


def _how(*sides: Side) -> str:
    """How the states at these points were decided, when not simply the source's flag."""
    whys = [s.why for s in sides if s.why not in (S.WHY_FLAG, S.WHY_UNKNOWN)]
    if not whys:
        return ""
    return f" (decided from {' and '.join(dict.fromkeys(whys))}, not a flag of the source)"


def spoofed_words(points: int, t0: float, t1: float) -> str:
    """A spoofed stretch as people read it."""
    return (f"{points} positions between {from_epoch(t0)[11:19]} and {from_epoch(t1)[11:19]} UTC "
            "jump out of the path and back (spoofed or jammed): they are kept and shown, not taken "
            "as where the aircraft was")


def in_spoofed(w: Whereabouts, stretch: str, *, gap_s: float = S.GAP_S) -> Whereabouts:
    """The answer inside a spoofed stretch (described by `stretch`): from the genuine points
    around it, and saying so; no position when those are a coverage gap apart."""
    keep = w.nearest_before is not None and w.nearest_after is not None and (
        w.nearest_after.at - w.nearest_before.at <= gap_s)
    return replace(w, reason=f"inside a spoofed stretch: {stretch}; from the genuine "
                   f"positions around it: {w.reason}",
                   lat=w.lat if keep else None, lon=w.lon if keep else None,
                   alt_ft=w.alt_ft if keep else None)


def mention_reported(w: Whereabouts, aircraft_id: str, flights: Callable[[], list[ReportedFlight]],
                     t_utc: str) -> Whereabouts:
    """When the tracks cannot say, a reported (not tracked) flight covering the time is mentioned
    (`flights`: the case's reported flights, asked for only then)."""
    if w.status != "unknown":
        return w
    hits = [rf for rf in flights() if rf.aircraft_id == aircraft_id and _covers(rf, w.t_utc or t_utc)]
    if not hits:
        return w
    rf = hits[0]
    return replace(w, reason=w.reason + f"; a reported (not tracked) flight "
                   f"{rf.from_icao or '?'} -> {rf.to_icao or '?'} covers this time")


def _covers(rf: ReportedFlight, t_utc: str) -> bool:
    """Whether t falls between the reported departure and arrival windows."""
    dep = rf.departed.window() if rf.departed else None
    arr = rf.arrived.window() if rf.arrived else None
    if dep is None or arr is None:
        return False
    return dep[0] <= parse_z(t_utc) <= arr[1]


def decide(aircraft_id: str, t: float, b: Side | None, a: Side | None, *,
           new_leg_between: Callable[[Point, Point], bool], gap_s: float = S.GAP_S,
           rotor: helipads.Rotor | bool = False) -> Whereabouts:
    """Where the aircraft was at t (epoch seconds), from the last usable point at or before it
    (`b`) and the first at or after it (`a`); `new_leg_between` says whether the source starts a
    new leg between two points of one track; `rotor`, whether the aircraft is a helicopter (a
    ground position may then be at a heliport)."""

    def airport(lat: float, lon: float) -> helipads.Named | None:
        return airport_near(lat, lon, rotor)

    iso = from_epoch(t)
    before = b.point if b else None
    after = a.point if a else None

    def out(status: str, reason: str, lat: float | None = None, lon: float | None = None,
            alt: float | None = None, icao: str | None = None) -> Whereabouts:
        return Whereabouts(status, lat, lon, alt, icao, reason, before, after, aircraft_id, iso)

    if b is None and a is None:
        return out("unknown", "no usable position of this aircraft in the case")
    if b is None:
        assert a is not None
        return out("unknown", f"before the first record ({a.point.time_utc})")
    if a is None:
        return out("unknown", f"after the last record ({b.point.time_utc})")
    pb, pa = b.point, a.point
    s_b, s_a = b.state, a.state
    for side in (b, a):
        p, st = side.point, side.state
        if abs(p.at - t) <= SAME_TIME_S:
            ap = airport(p.lat, p.lon) if st == S.GROUND else None
            why = "an observed position at this time"
            if st == S.UNKNOWN:
                why += " (the source gives no flag, speed or altitude to tell ground from air)"
            return out(st, why + _how(side), p.lat, p.lon, p.alt_ft, ap.icao if ap else None)
    span = pa.at - pb.at
    km = distance_km(pb.lat, pb.lon, pa.lat, pa.lon)
    if span > gap_s:
        hole = (f"no position for {span / 60:.0f} min between {pb.time_utc} and "
                f"{pa.time_utc}")
        if s_b == s_a == S.AIRBORNE and not S.stop_possible(span, km, pb.alt_ft, pa.alt_ft):
            need = S.needed_for_stop(km, pb.alt_ft, pa.alt_ft)
            return out("airborne", f"airborne, position unknown: {hole}; airborne on both sides, "
                       f"{km:.0f} km apart, and a landing and take-off in between would need at "
                       f"least {need / 60:.0f} min" + _how(b, a))
        reason = f"in a coverage gap: {hole}; whereabouts unknown, not absent"
        if s_b == s_a == S.GROUND:
            a1, a2 = airport(pb.lat, pb.lon), airport(pa.lat, pa.lon)
            if a1 and a2 and a1.icao == a2.icao:
                reason += f" (seen on the ground at {a1.icao} on both sides of the gap)"
        return out("unknown", reason)
    if new_leg_between(pb, pa):
        return out("unknown", "between two legs the source separates (new-leg flag)")
    if s_b == s_a == S.AIRBORNE and stop_between(pb, pa):
        return out("unknown", f"no position for {span / 60:.0f} min between {pb.time_utc} "
                   f"and {pa.time_utc}: a landing and a take-off fit in between (the legs end "
                   "and start there), so whether it was on the ground or airborne then is not "
                   "known" + _how(b, a))
    if S.UNKNOWN in (s_b, s_a):
        return out("unknown", "the source gives no flag, speed or altitude to tell ground from air "
                   f"between positions {span:.0f} s apart")
    if s_b != s_a:
        what, b_is, a_is = (("taking off", "on the ground", "airborne") if s_b == S.GROUND
                            else ("landing", "airborne", "on the ground"))
        return out("unknown", f"{what} between {pb.time_utc} ({b_is}) and {pa.time_utc} "
                   f"({a_is}), {span:.0f} s apart: which it was at this time is not known"
                   + _how(b, a))
    f = (t - pb.at) / span
    lat, lon = intermediate(pb.lat, pb.lon, pa.lat, pa.lon, f)
    if s_b == S.GROUND:
        ap = airport(lat, lon)
        where = f" at {ap.icao} ({ap.name})" if ap else ""
        return out("ground", f"on the ground{where}: between two ground positions {span:.0f} s "
                   f"apart" + _how(b, a), lat, lon, None, ap.icao if ap else None)
    alt = None
    if pb.alt_ft is not None and pa.alt_ft is not None:
        alt = pb.alt_ft + f * (pa.alt_ft - pb.alt_ft)
    return out("airborne", "airborne: great-circle interpolation between positions "
               f"{span:.0f} s apart" + _how(b, a), lat, lon, alt)
