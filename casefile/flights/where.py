"""Where an aircraft was at a time: on the ground at X, airborne (at an interpolated position, or in
a coverage gap no stop fits in), or unknown — decided by the state model (casefile.flights.state)
over all the aircraft's points; worded by casefile.flights.wherecore."""

from __future__ import annotations

import numpy as np

from casefile.flights import helipads, points, spoof
from casefile.flights import state as S
from casefile.flights import wherecore as W
from casefile.flights.wherecore import SAME_TIME_S as SAME_TIME_S  # re-exported
from casefile.model.flights import Point, Whereabouts
from casefile.store import Case
from casefile.timeutil import parse_z

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


def _new_leg_between(case: Case, a: Point, b: Point) -> bool:
    """Whether the source starts a new leg at a usable point after a, up to b (same track)."""
    if a.track_id != b.track_id:
        return False
    lo, hi = sorted((a.seq, b.seq))
    tp = points.load(case, b.track_id)
    return bool(np.any((tp.array("new_leg")[lo + 1:hi + 1] == 1)
                       & (tp.array("quality")[lo + 1:hi + 1] < 0)))


def where_at(case: Case, aircraft_id: str, t_utc: str, *, gap_s: float = S.GAP_S) -> Whereabouts:
    """Position and state at t_utc from the aircraft's usable points (all its tracks). Inside a
    spoofed stretch the answer comes from the genuine points around it, and says so."""
    w = W.with_quality(_where_at(case, aircraft_id, t_utc, gap_s=gap_s))
    stretch = spoof.at(case, aircraft_id, parse_z(t_utc).timestamp())
    if stretch is None:
        return w
    return W.in_spoofed(w, stretch.describe(), gap_s=gap_s)


def _where_at(case: Case, aircraft_id: str, t_utc: str, *, gap_s: float = S.GAP_S) -> Whereabouts:
    t = parse_z(t_utc).timestamp()
    m = points.aircraft_points(case, aircraft_id)
    i = int(np.searchsorted(m.t, t + SAME_TIME_S, side="right")) - 1
    j = int(np.searchsorted(m.t, t - SAME_TIME_S, side="left"))
    calls = aircraft_calls(m) if i >= 0 and j < len(m) else None

    def side(k: int) -> W.Side | None:
        if not 0 <= k < len(m):
            return None
        if calls is None:   # only one side: no state is asked for
            return W.Side(m.point(k), S.WHY_UNKNOWN, False)
        return W.Side(m.point(k), calls.why[k], bool(calls.ground[k]))

    rotor = helipads.Rotor(None, lambda: m.column("gs_kt"), calls.array) if calls else False
    return W.decide(aircraft_id, t, side(i), side(j), gap_s=gap_s, rotor=rotor,
                    new_leg_between=lambda a, b: _new_leg_between(case, a, b))
