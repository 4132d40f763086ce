"""Where an aircraft was at a time: on the ground at X, airborne (at an interpolated position, or in
a coverage gap no stop fits in), or unknown — decided by the state model (casefile.flights.state)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from casefile.flights import helipads, points, posquality, spoof
from casefile.flights import state as S
from casefile.geo import distance_km, intermediate
from casefile.model.flights import Point, Whereabouts
from casefile.store import Case
from casefile.timeutil import from_epoch, parse_z

#: times in the API have millisecond resolution: a point this close to the asked time is "at" it
SAME_TIME_S = 0.0005

_calls_cache: dict[int, tuple[points.Merged, S.GroundCalls]] = {}


def aircraft_calls(m: points.Merged) -> S.GroundCalls:
    """The state model's call at each of an aircraft's usable points (cached with its points)."""
    hit = _calls_cache.get(id(m))
    if hit is not None and hit[0] is m:
        return hit[1]
    calls = S.ground_calls(m.t, m.column("lat"), m.column("lon"), m.column("alt_ft"),
                           m.column("ground"), m.column("gs_kt"), m.column("vrate_fpm"))
    if len(_calls_cache) >= 4:
        _calls_cache.clear()
    _calls_cache[id(m)] = (m, calls)
    return calls


def _airport(lat: float, lon: float,
             rotor: helipads.Rotor | bool = False) -> helipads.Named | None:
    """Where a ground position is: an airport, else (a helicopter's) a heliport right there."""
    return helipads.ground_field(lat, lon, rotor)


def _new_leg_between(case: Case, a: Point, b: Point) -> bool:
    """Whether the source starts a new leg at a usable point after a, up to b (same track)."""
    if a.track_id != b.track_id:
        return False
    lo, hi = sorted((a.seq, b.seq))
    tp = points.load(case, b.track_id)
    return bool(np.any((tp.array("new_leg")[lo + 1:hi + 1] == 1)
                       & (tp.array("quality")[lo + 1:hi + 1] < 0)))


def _state(calls: S.GroundCalls, k: int) -> str:
    if calls.why[k] == S.WHY_UNKNOWN:
        return S.UNKNOWN
    return S.GROUND if calls.ground[k] else S.AIRBORNE


def _how(calls: S.GroundCalls, *ks: int) -> str:
    """How the states at these points were decided, when not simply the source's flag."""
    whys = [calls.why[k] for k in ks if calls.inferred(k) and calls.why[k] != S.WHY_UNKNOWN]
    if not whys:
        return ""
    return f" (decided from {' and '.join(dict.fromkeys(whys))}, not a flag of the source)"


def where_at(case: Case, aircraft_id: str, t_utc: str, *, gap_s: float = S.GAP_S) -> Whereabouts:
    """Position and state at t_utc from the aircraft's usable points (all its tracks). Inside a
    spoofed stretch the answer comes from the genuine points around it, and says so."""
    w = _with_quality(_where_at(case, aircraft_id, t_utc, gap_s=gap_s))
    stretch = spoof.at(case, aircraft_id, parse_z(t_utc).timestamp())
    if stretch is None:
        return w
    keep = w.nearest_before is not None and w.nearest_after is not None and (
        w.nearest_after.t - w.nearest_before.t <= gap_s)
    return replace(w, reason=f"inside a spoofed stretch: {stretch.describe()}; from the genuine "
                   f"positions around it: {w.reason}",
                   lat=w.lat if keep else None, lon=w.lon if keep else None,
                   alt_ft=w.alt_ft if keep else None)


def _with_quality(w: Whereabouts) -> Whereabouts:
    """The answer with the quality of the positions it rests on (casefile.flights.posquality): a
    tracker's estimate is never an observation; MLAT, TIS-B or a poor NACp widen the uncertainty."""
    if w.lat is None:
        return w
    pts = [p for p in (w.nearest_before, w.nearest_after) if p is not None]
    t = parse_z(w.t_utc).timestamp() if w.t_utc else None
    at = [p for p in pts if t is not None and abs(p.t - t) <= SAME_TIME_S]
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


def _where_at(case: Case, aircraft_id: str, t_utc: str, *, gap_s: float = S.GAP_S) -> Whereabouts:
    t = parse_z(t_utc).timestamp()
    iso = from_epoch(t)
    m = points.aircraft_points(case, aircraft_id)
    i = int(np.searchsorted(m.t, t + SAME_TIME_S, side="right")) - 1
    j = int(np.searchsorted(m.t, t - SAME_TIME_S, side="left"))
    before = m.point(i) if i >= 0 else None
    after = m.point(j) if j < len(m) else None

    def out(status: str, reason: str, lat: float | None = None, lon: float | None = None,
            alt: float | None = None, icao: str | None = None) -> Whereabouts:
        return Whereabouts(status, lat, lon, alt, icao, reason, before, after, aircraft_id, iso)

    if before is None and after is None:
        return out("unknown", "no usable position of this aircraft in the case")
    if before is None:
        assert after is not None
        return out("unknown", f"before the first record ({after.time_utc})")
    if after is None:
        return out("unknown", f"after the last record ({before.time_utc})")
    calls = aircraft_calls(m)
    rotor = helipads.Rotor(None, lambda: m.column("gs_kt"), calls.array)   # asked rarely
    s_b, s_a = _state(calls, i), _state(calls, j)
    for p, k, st in ((before, i, s_b), (after, j, s_a)):
        if abs(p.t - t) <= SAME_TIME_S:
            ap = _airport(p.lat, p.lon, rotor) if st == S.GROUND else None
            why = "an observed position at this time"
            if st == S.UNKNOWN:
                why += " (the source gives no flag, speed or altitude to tell ground from air)"
            return out(st, why + _how(calls, k), p.lat, p.lon, p.alt_ft, ap.icao if ap else None)
    span = after.t - before.t
    km = distance_km(before.lat, before.lon, after.lat, after.lon)
    if span > gap_s:
        hole = (f"no position for {span / 60:.0f} min between {before.time_utc} and "
                f"{after.time_utc}")
        if s_b == s_a == S.AIRBORNE and not S.stop_possible(span, km, before.alt_ft, after.alt_ft):
            need = S.needed_for_stop(km, before.alt_ft, after.alt_ft)
            return out("airborne", f"airborne, position unknown: {hole}; airborne on both sides, "
                       f"{km:.0f} km apart, and a landing and take-off in between would need at "
                       f"least {need / 60:.0f} min" + _how(calls, i, j))
        reason = f"in a coverage gap: {hole}; whereabouts unknown, not absent"
        if s_b == s_a == S.GROUND:
            a1, a2 = (_airport(before.lat, before.lon, rotor),
                      _airport(after.lat, after.lon, rotor))
            if a1 and a2 and a1.icao == a2.icao:
                reason += f" (seen on the ground at {a1.icao} on both sides of the gap)"
        return out("unknown", reason)
    if _new_leg_between(case, before, after):
        return out("unknown", "between two legs the source separates (new-leg flag)")
    if S.UNKNOWN in (s_b, s_a):
        return out("unknown", "the source gives no flag, speed or altitude to tell ground from air "
                   f"between positions {span:.0f} s apart")
    if s_b != s_a:
        what, b_is, a_is = (("taking off", "on the ground", "airborne") if s_b == S.GROUND
                            else ("landing", "airborne", "on the ground"))
        return out("unknown", f"{what} between {before.time_utc} ({b_is}) and {after.time_utc} "
                   f"({a_is}), {span:.0f} s apart: which it was at this time is not known"
                   + _how(calls, i, j))
    f = (t - before.t) / span
    lat, lon = intermediate(before.lat, before.lon, after.lat, after.lon, f)
    if s_b == S.GROUND:
        ap = _airport(lat, lon, rotor)
        where = f" at {ap.icao} ({ap.name})" if ap else ""
        return out("ground", f"on the ground{where}: between two ground positions {span:.0f} s "
                   f"apart" + _how(calls, i, j), lat, lon, None, ap.icao if ap else None)
    alt = None
    if before.alt_ft is not None and after.alt_ft is not None:
        alt = before.alt_ft + f * (after.alt_ft - before.alt_ft)
    return out("airborne", "airborne: great-circle interpolation between positions "
               f"{span:.0f} s apart" + _how(calls, i, j), lat, lon, alt)
