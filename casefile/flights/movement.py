"""Whether a stretch the state model calls airborne is a real flight: airborne evidence.

A flag or a speed alone is not evidence (flags flap and speeds freeze at a parked aircraft). A
run of airborne calls (between two ground calls, or at a track's ends) is a flight shown by
evidence when it climbs well above the field (CLIMB_FT over the lowest of the fields near its
ends, its own lowest altitude and the ground either side; altitudes that jump further than any
aircraft climbs are left out as garbage), or stays high (HIGH_FT, above any runway), or covers
real distance at an airborne speed (MOVE_KM at MOVE_KT or more, from the positions, not the
reported speed). A run with neither whose position stays put (slower than STILL_KT from the
positions) is on the ground: the calls are turned over, and why says so. Any other run without
evidence (one sighting, a few seconds) stays airborne but shows no flight: it makes no leg.
Everything here works on arrays; only the runs are looked at one by one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from casefile.geo import EARTH_RADIUS_KM, KM_PER_NM, distances_km

#: a climb this far above the field (ft) is airborne evidence
CLIMB_FT = 500.0
#: at least this many points must show it (one altitude is not a climb)
CLIMB_POINTS = 2
#: altitudes this high (ft) are above every runway: airborne
HIGH_FT = 15000.0
#: real displacement (km) ...
MOVE_KM = 2.0
#: ... at an airborne speed (kt) implied by the positions
MOVE_KT = 40.0
#: a run slower than this (kt, from the positions) over at least STILL_MIN_S stays put: ground
STILL_KT = 30.0
STILL_MIN_S = 10.0
#: a step longer than this (s) crosses a coverage hole (casefile.flights.state.GAP_S)
HOLE_S = 600.0
#: positions further apart than this (s) say nothing about the pace in between
PACE_STEP_S = 60.0
#: a climb or descent at least this fast (ft/min) is an aircraft's, not a walker's or a car's
CLIMB_RATE_FPM = 150.0
#: an altitude that differs from both neighbours by more than this rate (ft/min) is garbage
ALT_JUMP_FPM = 8000.0
#: slack for altitude rounding and one-second timing (ft)
ALT_SLACK_FT = 300.0

WHY_STILL = ("airborne by flag or speed, but the position stays put and no climb shows: "
             "not a flight")


def altitude_outliers(t: np.ndarray, alt: np.ndarray) -> np.ndarray:
    """Points whose altitude jumps away from the altitudes either side faster than any aircraft
    climbs or descends (a stale 38,000 ft record at a parked aircraft); True = garbage."""
    n = len(alt)
    out = np.zeros(n, bool)
    has = ~np.isnan(alt)
    if has.sum() < 2:
        return out
    k = np.flatnonzero(has)
    a, tt = alt[k], t[k]
    dt = np.maximum(np.diff(tt), 1.0)
    jump = np.abs(np.diff(a)) > ALT_SLACK_FT + ALT_JUMP_FPM * dt / 60.0
    bad = np.zeros(len(k), bool)
    if len(k) >= 3:
        bad[1:-1] = jump[:-1] & jump[1:]
    bad[0] = jump[0] and (len(k) < 3 or not jump[1])
    bad[-1] = jump[-1] and (len(k) < 3 or not jump[-2])
    out[k[bad]] = True
    return out


def _steps_km(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Haversine distance (km) from each point to the next."""
    p1, p2 = np.radians(lat[:-1]), np.radians(lat[1:])
    dl = np.radians(lon[1:] - lon[:-1])
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h))))


def airborne_runs(ground: np.ndarray) -> list[tuple[int, int]]:
    """The runs [a, b) of consecutive airborne calls."""
    if len(ground) == 0:
        return []
    air = (~ground).astype(np.int8)
    edges = np.diff(np.concatenate(([0], air, [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(),
                    strict=True))


def judge(t: np.ndarray, lat: np.ndarray, lon: np.ndarray, alt: np.ndarray, ground: np.ndarray,
          elevation: Callable[[float, float], float | None]) -> tuple[np.ndarray, np.ndarray]:
    """(proven, still): per point, whether its airborne run is a flight shown by evidence, and
    whether its run stays put without evidence (to be called ground). `ground` is not changed."""
    n = len(t)
    proven = np.zeros(n, bool)
    still = np.zeros(n, bool)
    if n == 0:
        return proven, still
    good_alt = np.where(altitude_outliers(t, alt), math.nan, alt)
    for a, b in airborne_runs(ground):
        with np.errstate(invalid="ignore"):
            if int(np.sum(good_alt[a:b] >= HIGH_FT)) >= CLIMB_POINTS:   # high: no more to look at
                proven[a:b] = True
                continue
        # steps across a silence say nothing about pace (the aircraft flew unseen): only steps
        # between positions at most PACE_STEP_S apart count
        dt = np.diff(t[a:b])
        seen = dt <= PACE_STEP_S
        dur = float(np.sum(dt[seen]))
        km = float(np.sum(_steps_km(lat[a:b], lon[a:b])[seen])) if b - a > 1 else 0.0
        path_kt = km / KM_PER_NM / dur * 3600.0 if dur > 0 else math.nan
        if _evidence(t, lat, lon, good_alt, a, b, path_kt, elevation):
            proven[a:b] = True
        elif dur >= STILL_MIN_S and path_kt < STILL_KT:
            still[a:b] = True
    return proven, still


def _evidence(t: np.ndarray, lat: np.ndarray, lon: np.ndarray, alt: np.ndarray, a: int, b: int,
              path_kt: float, elevation: Callable[[float, float], float | None]) -> bool:
    run = alt[a:b]
    has = ~np.isnan(run)
    known = run[has]
    if len(known) >= CLIMB_POINTS:
        if int(np.sum(known >= HIGH_FT)) >= CLIMB_POINTS:
            return True
        refs = [float(np.min(known))]
        for i in (a - 1, b):                 # the ground either side
            if 0 <= i < len(alt) and not math.isnan(alt[i]):
                refs.append(float(alt[i]))
        for i in (a - 1, a, b - 1, b):       # a field near the run's ends and the ground
            e = elevation(float(lat[i]), float(lon[i])) if 0 <= i < len(lat) else None
            if e is not None:
                refs.append(e)
        if int(np.sum(known >= min(refs) + CLIMB_FT)) >= CLIMB_POINTS:
            # at an aircraft's pace: moving at an airborne speed, or climbing or descending
            # faster than a walker or a car on a mountain road ever does
            tk = t[a:b][has]
            lo, hi = int(np.argmin(known)), int(np.argmax(known))
            dt = abs(float(tk[hi] - tk[lo]))
            rate = (known[hi] - known[lo]) / dt * 60.0 if dt > 0 else math.inf
            if not path_kt < MOVE_KT or rate >= CLIMB_RATE_FPM:
                return True
    if b - a >= 2 and not path_kt < MOVE_KT:
        km = distances_km(float(lat[a]), float(lon[a]), lat[a:b].tolist(), lon[a:b].tolist())
        if float(np.max(km)) >= MOVE_KM:
            return True
    return False


#: speeds and vertical rates implied by positions and altitudes over this many seconds either side
WINDOW_S = 10.0
#: positions closer in time than this (s) say too little about speed
MIN_WINDOW_S = 5.0
#: a reported speed this far (kt) and this many times off the speed the positions imply is not
#: trusted (frozen at 135 kt on a taxiway, 0 kt on a take-off roll): the positions' speed is used
SPEED_OFF_KT = 40.0
SPEED_OFF_FACTOR = 2.0
#: a reported vertical rate this far (ft/min) off the altitudes' own rate is not trusted
VRATE_OFF_FPM = 600.0


def _window(t: np.ndarray, at: np.ndarray, half_s: float) -> tuple[np.ndarray, np.ndarray]:
    """For each index in `at`: the first and last index within half_s seconds, widened to the
    neighbours either side so every point has a span."""
    n = len(t)
    lo = np.searchsorted(t, t[at] - half_s, side="left")
    hi = np.searchsorted(t, t[at] + half_s, side="right") - 1
    lo = np.minimum(lo, np.maximum(at - 1, 0))
    hi = np.maximum(hi, np.minimum(at + 1, n - 1))
    return lo, hi


def window_speeds(t: np.ndarray, lat: np.ndarray, lon: np.ndarray, at: np.ndarray,
                  max_s: float = HOLE_S) -> np.ndarray:
    """Ground speed (kt) the positions imply around each point of `at` (WINDOW_S either side);
    NaN where no other point is near enough in time."""
    if len(at) == 0 or len(t) < 2:
        return np.full(len(at), math.nan)
    lo, hi = _window(t, at, WINDOW_S)
    dt = t[hi] - t[lo]
    p1, p2 = np.radians(lat[lo]), np.radians(lat[hi])
    dl = np.radians(lon[hi] - lon[lo])
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    with np.errstate(invalid="ignore", divide="ignore"):
        v = km / KM_PER_NM / dt * 3600.0
    v[(dt < MIN_WINDOW_S) | (dt > max_s)] = math.nan
    return np.asarray(v)


def trusted_speeds(gs: np.ndarray, implied: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(speed to use, replaced): the reported speed, or the positions' where none is reported or
    the two disagree beyond SPEED_OFF_KT and SPEED_OFF_FACTOR (a frozen or garbage speed)."""
    with np.errstate(invalid="ignore"):
        off = (np.abs(gs - implied) > SPEED_OFF_KT) & (
            (gs > implied * SPEED_OFF_FACTOR) | (implied > gs * SPEED_OFF_FACTOR))
    use = np.isnan(gs) | off
    return np.where(use & ~np.isnan(implied), implied, gs), off


def trusted_vrates(t: np.ndarray, alt: np.ndarray, vr: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The reported vertical rates at `at`, or the altitudes' own rate where both the rate from
    the altitudes before (WINDOW_S back, at least 5 s) and the rate from those after disagree
    with it by more than VRATE_OFF_FPM (a frozen or stale rate)."""
    if len(at) == 0 or len(t) < 2:
        return vr
    lo, hi = _window(t, at, max(WINDOW_S, 10.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        back_dt, fwd_dt = t[at] - t[lo], t[hi] - t[at]
        back = (alt[at] - alt[lo]) / back_dt * 60.0
        fwd = (alt[hi] - alt[at]) / fwd_dt * 60.0
        ok = ((back_dt >= 5.0) & (fwd_dt >= 5.0) & (back_dt <= 120.0) & (fwd_dt <= 120.0)
              & ~np.isnan(back) & ~np.isnan(fwd))
        off = ok & (np.abs(vr - back) > VRATE_OFF_FPM) & (np.abs(vr - fwd) > VRATE_OFF_FPM)
    return np.where(off, (back + fwd) / 2, vr)
