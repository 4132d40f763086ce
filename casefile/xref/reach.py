"""Reachability: where an aircraft can have been between (and beyond) its observed positions.

Between two observations the aircraft lies in a space–time prism: at time t it is within
v·(t − t_before) of the position before and v·(t_after − t) of the one after, where v is the
fastest ground speed its type allows (maximum true airspeed plus a wind margin, from
`casefile.reference.aircraft_types.performance`). Before the first and after the last
observation only one of the two cones applies. A place no such path reaches at any moment of a
claimed window rules the claim out, with the distance and the speed it would need; a place that
is reachable is only that: reachable, not shown.

Distances are taken to the edge of the place as a claim counts it (an airport's runways, a
city's reach or its airports, a country's territorial sea), so the test is never stricter than
the matching it backs.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from casefile.geo import distances_km
from casefile.present.times import people_time
from casefile.reference import airports, places
from casefile.reference.aircraft_types import performance
from casefile.reference.places import Place
from casefile.xref.trackindex import AircraftTrack

KT_KMH = 1.852
#: At most this many positions of a window are tested (every one at the window's edges and
#: around its gaps, evenly spaced ones between): fewer positions only make more places reachable.
MAX_POINTS = 400


@dataclass(frozen=True)
class Reach:
    """Whether the place is reachable inside the window, and if not, by how much it is not."""

    reachable: bool
    max_kt: float
    need_kt: float | None = None      # the slowest speed that would reach it (None: reachable)
    km: float | None = None           # distance from the deciding observation(s) to the place
    anchor: str = ""                  # which observation(s) decide it, in words
    basis: str = ""                   # where the speed comes from

    def sentence(self, label: str, place: str) -> str:
        if self.reachable:
            return (f"{label} could have reached {place} in the claimed time at up to "
                    f"{self.max_kt:.0f} kt ground speed ({self.basis}); reachable is not shown")
        return (f"{label} could not have been at {place} in the claimed time: {self.anchor} it was "
                f"{self.km:,.1f} km from the nearest point that counts as there, which would need "
                f"{self.need_kt:,.0f} kt, over the {self.max_kt:.0f} kt its type can make good "
                f"({self.basis})")


def edge_km(area: Place, lats: list[float], lons: list[float]) -> np.ndarray:
    """km from each position to the nearest point that counts as at the place (0 inside)."""
    if not lats:
        return np.zeros(0)
    if area.is_area:
        inside = places.inside(area, lats, lons)
        out = np.zeros(len(lats))
        for k, ok in enumerate(inside):
            if not ok:
                out[k] = max(0.0, places.distance_to(area, lats[k], lons[k]) - places.TERRITORIAL_KM)
        return out
    reach = places.AIRPORT_UNNAMED_KM if area.kind == "airport" else area.radius_km
    best = np.maximum(distances_km(area.lat, area.lon, lats, lons) - reach, 0.0)
    for code in area.airports:
        ap = airports.airport(code)
        if ap and code != area.key:
            d = distances_km(float(ap["lat"]), float(ap["lon"]), lats, lons)
            best = np.minimum(best, np.maximum(d - places.AIRPORT_UNNAMED_KM, 0.0))
    return best


def _pick(t: list[float], i: int, j: int) -> list[int]:
    """Indices i..j-1 to test: all when few, else the ends, both sides of every long gap and an
    even spread."""
    if j - i <= MAX_POINTS:
        return list(range(i, j))
    keep = {i, j - 1}
    dt = np.diff(np.asarray(t[i:j]))
    for k in np.flatnonzero(dt > 60.0).tolist()[:MAX_POINTS // 2]:
        keep |= {i + k, i + k + 1}
    keep |= set(np.linspace(i, j - 1, MAX_POINTS // 2).astype(int).tolist())
    return sorted(keep)


def reach(track: AircraftTrack, area: Place, lo: float, hi: float, max_kt: float,
          basis: str) -> Reach | None:
    """Whether some path at up to max_kt puts the aircraft at the place at some moment of
    [lo, hi], given its observed positions (None: no position at all, nothing bounds it)."""
    p = track.points
    if p is None or not p.t:
        return None
    v = max_kt * KT_KMH / 3600.0                      # km per second
    i = max(bisect_left(p.t, lo) - 1, 0)
    j = min(bisect_right(p.t, hi) + 1, len(p.t))
    idx = _pick(p.t, i, j)
    ts = [p.t[k] for k in idx]
    d = edge_km(area, [p.lat[k] for k in idx], [p.lon[k] for k in idx]).tolist()
    # the moments each observation allows: [t_a + d_a / v, t_b - d_b / v] between neighbours
    # (earliest, latest, need_kt, anchor: the observation(s) it is set by, worded for the one that
    # decides)
    bounds: list[tuple[float, float, float, tuple[str, float, float]]] = []
    if ts[0] > lo:   # before the first observation: only the cone back from it
        need = d[0] / max(ts[0] - lo, 1e-9) / v * max_kt if d[0] > 0 else 0.0
        bounds.append((lo, ts[0] - d[0] / v, need,
                       ("first" if ts[0] == p.t[0] else "at", ts[0], ts[0])))
    for a in range(len(ts) - 1):
        ta, tb, da, db = ts[a], ts[a + 1], d[a], d[a + 1]
        if tb < lo or ta > hi:
            continue
        span = tb - ta
        need = (da + db) / max(span, 1e-9) / v * max_kt if da + db > 0 else 0.0
        # the window may cut the prism: then the speed is set at the window's edge
        t_star = ta + (da / (da + db)) * span if da + db > 0 else ta
        if not lo <= t_star <= hi:
            edge = lo if t_star < lo else hi
            need = max(da / max(edge - ta, 1e-9), db / max(tb - edge, 1e-9)) / v * max_kt
        bounds.append((ta + da / v, tb - db / v, need, ("between", ta, tb)))
    if ts[-1] < hi:   # after the last observation: only the cone forward from it
        need = d[-1] / max(hi - ts[-1], 1e-9) / v * max_kt if d[-1] > 0 else 0.0
        bounds.append((ts[-1] + d[-1] / v, hi, need,
                       ("last" if ts[-1] == p.t[-1] else "at", ts[-1], ts[-1])))
    for early, late, _, _ in bounds:
        if max(early, lo) <= min(late, hi):
            return Reach(True, max_kt, basis=basis)
    if not bounds:
        return Reach(True, max_kt, basis=basis)
    k = min(range(len(bounds)), key=lambda n: bounds[n][2])
    anchor = _anchor_words(*bounds[k][3])
    km = _km_for(anchor, ts, d)
    return Reach(False, max_kt, round(bounds[k][2]), km, anchor, basis)


def _km_for(anchor: str, ts: list[float], d: list[float]) -> float:
    """The distance the deciding observation(s) put between the aircraft and the place."""
    for n, t in enumerate(ts):
        if _at(t) in anchor:
            return d[n]
    return min(d)


def _anchor_words(how: str, ta: float, tb: float) -> str:
    if how == "between":
        return f"between its positions at {_at(ta)} and {_at(tb)}"
    if how == "first":
        return f"at {_at(ta)} (its first position)"
    if how == "last":
        return f"at {_at(ta)} (its last position)"
    return f"at {_at(ta)}"


@lru_cache(maxsize=4096)
def _at(t: float) -> str:
    return people_time(t, seconds_too=True)


def max_ground_speed(type_code: str | None) -> tuple[float, str]:
    """The fastest ground speed reachability allows for a type (its cruise plus a tail-wind
    margin, from the one performance table), and where the figure comes from."""
    perf = performance(type_code)
    speeds = (f"{perf.max_tas_kt:.0f} kt true airspeed + {perf.wind_margin_kt:.0f} kt wind "
              "margin")
    if perf.designator is None:   # its basis already says the type is unknown
        return perf.max_gs_kt, f"{speeds}; {perf.basis}"
    return perf.max_gs_kt, f"{perf.designator}, {perf.category}: {speeds}; {perf.basis}"
