"""Where an aircraft was at a time: on the ground at X, airborne at an interpolated position, or unknown."""

from __future__ import annotations

from typing import Any

import numpy as np

from casefile.flights import points
from casefile.flights.legs import GAP_S, GROUND_AIRPORT_KM, GROUND_SPEED_KT
from casefile.geo import KM_PER_NM, distance_km, intermediate
from casefile.model.flights import Point, Whereabouts
from casefile.reference.airports import index as airport_index
from casefile.store import Case
from casefile.timeutil import from_epoch, parse_z

#: times in the API have millisecond resolution: a point this close to the asked time is "at" it
SAME_TIME_S = 0.0005


def _neighbours(case: Case, aircraft_id: str, t: float) -> tuple[Point | None, Point | None]:
    """The last usable point at or before t and the first at or after it (ties: file order)."""
    m = points.aircraft_points(case, aircraft_id)
    i = int(np.searchsorted(m.t, t + SAME_TIME_S, side="right")) - 1
    j = int(np.searchsorted(m.t, t - SAME_TIME_S, side="left"))
    return (m.point(i) if i >= 0 else None), (m.point(j) if j < len(m) else None)


def _airport(lat: float, lon: float) -> Any:
    hit = airport_index().nearest(lat, lon, GROUND_AIRPORT_KM)
    return hit[0] if hit else None


def _on_ground(p: Point, implied_kt: float | None) -> tuple[bool | None, str]:
    """The source's on-ground flag, else the same speed rule the leg splitter uses."""
    if p.on_ground is not None:
        return p.on_ground, "flag"
    speed = p.gs_kt if p.gs_kt is not None else implied_kt
    if speed is None:
        return None, ""
    return speed < GROUND_SPEED_KT, "speed"


def _new_leg_between(case: Case, a: Point, b: Point) -> bool:
    """Whether the source starts a new leg at a usable point after a, up to b (same track)."""
    if a.track_id != b.track_id:
        return False
    lo, hi = sorted((a.seq, b.seq))
    tp = points.load(case, b.track_id)
    return bool(np.any((tp.array("new_leg")[lo + 1:hi + 1] == 1)
                       & (tp.array("quality")[lo + 1:hi + 1] < 0)))


def where_at(case: Case, aircraft_id: str, t_utc: str, *, gap_s: float = GAP_S) -> Whereabouts:
    """Position at t_utc from the aircraft's usable points (all its tracks), never across a gap."""
    t = parse_z(t_utc).timestamp()
    iso = from_epoch(t)
    before, after = _neighbours(case, aircraft_id, t)

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
    span = after.t - before.t
    implied = (distance_km(before.lat, before.lon, after.lat, after.lon) / KM_PER_NM / span * 3600.0
               if span > 0 else None)
    g_before, how_b = _on_ground(before, implied)
    g_after, how_a = _on_ground(after, implied)
    inferred = " (inferred from speed: the source has no on-ground flag)" if "speed" in (
        how_b + how_a) else ""
    for p, g in ((before, g_before), (after, g_after)):
        if abs(p.t - t) <= SAME_TIME_S:
            ap = _airport(p.lat, p.lon) if g else None
            status = "ground" if g else ("airborne" if g is False else "unknown")
            why = "an observed position at this time"
            if status == "unknown":
                why += " (the source does not say whether it was on the ground)"
            return out(status, why + (inferred if status != "unknown" else ""), p.lat, p.lon,
                       p.alt_ft, ap.icao if ap else None)
    if span > gap_s:
        reason = (f"in a coverage gap: no position for {span / 60:.0f} min between "
                  f"{before.time_utc} and {after.time_utc}; whereabouts unknown, not absent")
        if g_before and g_after:
            a1, a2 = _airport(before.lat, before.lon), _airport(after.lat, after.lon)
            if a1 and a2 and a1.icao == a2.icao:
                reason += f" (seen on the ground at {a1.icao} on both sides of the gap)"
        return out("unknown", reason)
    if _new_leg_between(case, before, after):
        return out("unknown", "between two legs the source separates (new-leg flag)")
    f = (t - before.t) / span
    lat, lon = intermediate(before.lat, before.lon, after.lat, after.lon, f)
    alt = None
    if before.alt_ft is not None and after.alt_ft is not None:
        alt = before.alt_ft + f * (after.alt_ft - before.alt_ft)
    if g_before and g_after:
        ap = _airport(lat, lon)
        where = f" at {ap.icao} ({ap.name})" if ap else ""
        return out("ground", f"on the ground{where}: between two ground positions {span:.0f} s "
                   f"apart{inferred}", lat, lon, None, ap.icao if ap else None)
    if g_before is False or g_after is False:
        what = ("airborne: great-circle interpolation between positions "
                f"{span:.0f} s apart")
        if g_before or g_after:
            what += " (between a ground and an airborne position: taking off or landing)"
        return out("airborne", what + inferred, lat, lon, alt)
    return out("unknown", "the source does not say whether it was on the ground; interpolated "
               f"position between points {span:.0f} s apart", lat, lon, alt)
