"""The one model of aircraft state: on the ground or airborne at each observed point, decided from
evidence, and what can be said between points (a stop possible in a gap, or not).

Legs, `where`, the timeline and the photo ↔ track cross-reference all read this module, so they
cannot disagree. Ground comes from evidence: height above the nearest field's elevation
(airportsdata), speed, vertical rate and duration. A source's on-ground flag is debounced, and a
flag that contradicts altitude and speed is counted, not obeyed. A source without a flag
(Flightradar24 with altitude 0, KML, GPX, some OpenSky records) follows the same rule.

Datums: a reported (barometric) altitude is pressure altitude, off the height above sea level by
about 30 ft per hPa of the day's QNH: DATUM_BAND_FT (±600 ft, ±20 hPa) either side of a field's
elevation is "low", never "on the ground" by itself; the ground needs a flag that altitude and
speed do not contradict, a slow speed (the positions' own speed where the reported one is frozen),
or a stop (a short run at speed between airborne stretches is a touch-and-go or a low pass, see
TOUCH_MAX_S). Geometric altitude is above the ellipsoid, not sea level (the geoid differs by up to
about 100 m), so it does not decide the ground either.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from casefile.flights import movement as M

# the words and gap rules live apart (no numpy), for `where` from the where index; re-exported
from casefile.flights.statebase import AIRBORNE as AIRBORNE
from casefile.flights.statebase import AIRBORNE_NO_POSITION as AIRBORNE_NO_POSITION
from casefile.flights.statebase import FIELD_KM as FIELD_KM
from casefile.flights.statebase import GAP_S as GAP_S
from casefile.flights.statebase import GROUND as GROUND
from casefile.flights.statebase import PROBABLY_STOPPED as PROBABLY_STOPPED
from casefile.flights.statebase import STOP_FAST_KT as STOP_FAST_KT
from casefile.flights.statebase import STOP_MIN_S as STOP_MIN_S
from casefile.flights.statebase import STOP_VRATE_FPM as STOP_VRATE_FPM
from casefile.flights.statebase import UNKNOWN as UNKNOWN
from casefile.flights.statebase import WHY_FLAG as WHY_FLAG
from casefile.flights.statebase import WHY_UNKNOWN as WHY_UNKNOWN
from casefile.flights.statebase import needed_for_stop as needed_for_stop
from casefile.flights.statebase import stop_possible as stop_possible
from casefile.geo import KM_PER_NM, distance_km
from casefile.reference.airports import index as airport_index

#: pressure altitude within this much (ft) of a field's elevation is "low" (about ±20 hPa of QNH)
DATUM_BAND_FT = 600.0
#: slower than this counts as on the ground ...
GROUND_SPEED_KT = 40.0
#: ... unless higher than this above the field (slow flight, a hover, a glider thermalling)
SLOW_MAX_AGL_FT = 1500.0
#: away from any known field, slow while climbing or sinking at least this fast (ft/min) is a
#: hover or slow flight, not a stop (a parked or taxiing aircraft reports no climb)
HOVER_VRATE_FPM = 150.0
#: a reported speed is checked against the positions' own only over at most this long (s)
PACE_MAX_S = 120.0
#: a stop on the ground: slow and at most this high above the field (an airborne flag there is
#: contradicted)
ROLL_MAX_AGL_FT = 50.0
#: a take-off or landing roll (a reported altitude of 0): slower than this ...
ROLL_MAX_KT = 180.0
#: ... and not climbing or sinking faster than this (ft/min)
ROLL_MAX_VRATE_FPM = 400.0
#: an on-ground flag above this height over the field (or any field, when none is near) or faster
#: than this contradicts the flag
FLAG_MAX_AGL_FT = 2000.0
FLAG_MAX_KT = 250.0
#: with no field near, an altitude above this (the highest runways are below 15,000 ft) is airborne
NO_FIELD_MAX_ALT_FT = 15000.0
#: a ground or airborne stretch this short (and of at most DEBOUNCE_POINTS points) between two of
#: the other state is noise (a flapping flag, one bad altitude), not a landing or a take-off
DEBOUNCE_S = 10.0
DEBOUNCE_POINTS = 3
#: a landing needs a stop or time on the ground: a ground run shorter than this (s), between
#: airborne stretches with no silence either side, that never slows below TOUCH_MIN_KT is a
#: touch-and-go (or a low pass read as ground), not a landing and a take-off
TOUCH_MAX_S = 60.0
TOUCH_MIN_KT = 50.0

#: why a point's state is what it is
WHY_SPEED = "speed"
WHY_ROLL = "a reported altitude of 0 and speed"
WHY_AIR = "altitude and speed"
WHY_FLAG_CONTRADICTED = "an on-ground flag contradicted by altitude and speed"
WHY_AIR_FLAG_CONTRADICTED = "an airborne flag contradicted by altitude and speed"
WHY_DEBOUNCED = "a short run between runs of the other state (noise)"
WHY_STILL = M.WHY_STILL
WHY_TOUCH = ("on the runway at speed for seconds, between two airborne stretches, with no stop: "
             "a touch-and-go or a low pass, not a landing")


#: why-codes (one small integer per point, so a million points cost a megabyte)
WHYS = (WHY_FLAG, WHY_SPEED, WHY_ROLL, WHY_AIR, WHY_FLAG_CONTRADICTED, WHY_AIR_FLAG_CONTRADICTED,
        WHY_DEBOUNCED, WHY_UNKNOWN, WHY_STILL, WHY_TOUCH)
_CODE = {w: np.int8(k) for k, w in enumerate(WHYS)}


class Whys:
    """Why each point's state is what it is: why[i] gives the reason in words."""

    def __init__(self, codes: np.ndarray) -> None:
        self.codes = codes

    def __getitem__(self, i: int) -> str:
        return WHYS[int(self.codes[i])]

    def __len__(self) -> int:
        return len(self.codes)


@dataclass
class GroundCalls:
    """On the ground or not at each point, and why (indices match the track's points)."""

    ground: list[bool]
    why: Whys = field(default_factory=lambda: Whys(np.zeros(0, np.int8)))
    #: counts of flags not obeyed and of points flipped as noise, for the track's record
    contradicted: int = 0
    debounced: int = 0
    #: `ground` as an array (for callers that work on arrays)
    array: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    #: per point: airborne in a run that shows a flight (casefile.flights.movement); an airborne
    #: run without it (one sighting, a few seconds) makes no leg
    proven: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    #: airborne calls turned to ground because the position stayed put with no climb
    still: int = 0
    #: per point: on a runway at speed inside a flight (a touch-and-go's sign, for the events)
    touched: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    #: the positions as arrays (made once for the calls; legs and events reuse them)
    lat: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lon: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def inferred(self, i: int) -> bool:
        """Whether point i's state was inferred (not the source's own flag)."""
        return self.why[i] != WHY_FLAG


@lru_cache(maxsize=1 << 16)
def _field(lat_r: float, lon_r: float) -> tuple[float | None, str | None]:
    hit = airport_index().nearest(lat_r, lon_r, FIELD_KM)
    if hit is None:
        return None, None
    return hit[0].elevation_ft, hit[0].icao


def field_elevation(lat: float, lon: float) -> float | None:
    """The elevation (ft) of the airport within FIELD_KM of a place, or None (looked up on a
    0.01-degree grid: within a field, the nearest airport and its elevation do not change)."""
    return _field(round(lat, 2), round(lon, 2))[0]


Column = Sequence[float | None] | np.ndarray
#: times and coordinates: never missing for a usable point
Coords = Sequence[float] | np.ndarray


def _arr(values: Sequence[float | None] | np.ndarray) -> np.ndarray:
    """Floats with NaN for "no value" (from a list with None, or a stored float column)."""
    if isinstance(values, np.ndarray):
        return values.astype(np.float64, copy=False)
    return np.array(values, dtype=np.float64)   # numpy reads None as NaN for a float array


def _flags(values: Sequence[bool | None] | np.ndarray) -> np.ndarray:
    """1.0 / 0.0 / NaN from flags (bool or None, or a stored column: 1, 0, -1 for none)."""
    if isinstance(values, np.ndarray):
        f = values.astype(np.float64)
        f[f < 0] = math.nan
        return f
    return np.array(values, dtype=np.float64)   # True/False/None as 1.0/0.0/NaN


def implied_speeds(t: Coords, lat: Coords, lon: Coords, at: np.ndarray) -> np.ndarray:
    """Speed (kt) implied by the distance to the previous point (else the next) within GAP_S, at
    the points `at` (indices); NaN when no neighbour is near enough."""
    out = np.full(len(at), math.nan)
    n = len(t)
    for k, i in enumerate(at.tolist()):
        for j in (i - 1, i + 1):
            if 0 <= j < n and 0 < abs(float(t[i]) - float(t[j])) <= GAP_S:
                km = distance_km(float(lat[j]), float(lon[j]), float(lat[i]), float(lon[i]))
                out[k] = km / KM_PER_NM / abs(float(t[i]) - float(t[j])) * 3600.0
                break
    return out


def ground_calls(t: Coords, lat: Coords, lon: Coords, alt: Column,
                 flag: Sequence[bool | None] | np.ndarray, gs: Column, vrate: Column) -> GroundCalls:
    """On the ground or airborne at each point (time order), from the evidence (see module doc)."""
    n = len(t)
    if n == 0:
        return GroundCalls([])
    alt_a, gs_a, fl = _arr(alt), _arr(gs), _flags(flag)
    # times and positions as arrays, once (callers that have them pass arrays: no copy)
    ta, la, lo = (np.asarray(x, dtype=np.float64) for x in (t, lat, lon))
    ground = fl == 1.0
    why = np.zeros(n, np.int8)                     # the source's flag
    with np.errstate(invalid="ignore"):
        # the points a rule other than the flag can decide: no flag, an on-ground flag (it may be
        # contradicted), slow or no speed, a reported altitude of 0. An airborne flag at speed stands
        idx = np.flatnonzero(np.isnan(fl) | ground | ~(gs_a >= GROUND_SPEED_KT) | (alt_a <= 0))
    contradicted = 0
    speed = gs_a
    if len(idx):
        vr = (_arr(vrate)[idx] if isinstance(vrate, np.ndarray)
              else np.array([vrate[i] for i in idx.tolist()], dtype=np.float64))
        g, w, contradicted, used = _decide(idx, ta, la, lo, alt_a[idx], gs_a[idx], fl[idx], vr,
                                           alt_a)
        ground[idx] = g
        why[idx] = w
        speed = gs_a.copy()
        speed[idx] = used
    noise = _debounce(ground, why, t)
    touch = _touch_and_go(ground, speed, ta)
    # a touch only where the source said "on the ground"; a pressure altitude at or below the
    # field read as a roll is low, not a touch (a low approach)
    touched = (touch & (fl == 1.0)) | ((fl == 1.0) & ~ground)
    if touch.any():
        ground[touch] = False
        why[touch] = _CODE[WHY_TOUCH]
    proven, still = M.judge(ta, la, lo, alt_a, ground, field_elevation)
    if still.any():
        ground[still] = True
        why[still] = _CODE[WHY_STILL]
    return GroundCalls(ground.tolist(), Whys(why), contradicted=contradicted, debounced=noise,
                       array=ground, proven=proven, still=int(still.sum()),
                       touched=touched, lat=la, lon=lo)


def _touch_and_go(ground: np.ndarray, speed: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Ground runs that are no landing: short, at speed throughout, airborne right before and
    right after (see TOUCH_MAX_S)."""
    out = np.zeros(len(ground), bool)
    for a, b in M.airborne_runs(~ground):          # the ground runs
        if a == 0 or b == len(ground) or t[a] - t[a - 1] > TOUCH_MAX_S or t[b] - t[b - 1] > TOUCH_MAX_S:
            continue
        v = speed[a:b]
        if t[b - 1] - t[a] < TOUCH_MAX_S and not np.isnan(v).all() and np.nanmin(v) >= TOUCH_MIN_KT:
            out[a:b] = True
    return out


def _decide(idx: np.ndarray, t: Coords, lat: Coords, lon: Coords, alt_a: np.ndarray,
            gs_a: np.ndarray, fl: np.ndarray, vr_a: np.ndarray,
            alt_full: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    """The calls at the points idx (their altitude, speed, flag and vertical rate given): ground
    or not, why (codes), and how many flags were contradicted."""
    # the speed the positions imply: where none is reported, or the reported one is frozen or
    # garbage (see casefile.flights.movement); the vertical rate likewise from the altitudes
    ta, la, lo = (np.asarray(x, dtype=np.float64) for x in (t, lat, lon))   # arrays: no copy
    # (positions minutes apart say nothing of the speed at either: it may have stopped between)
    gs_a, _off = M.trusted_speeds(gs_a, M.window_speeds(ta, la, lo, idx, max_s=PACE_MAX_S))
    if alt_full is not None:
        vr_a = M.trusted_vrates(ta, alt_full, vr_a, idx)
    # the field's elevation, only where an altitude could decide (low enough to be at a field)
    elev = np.full(len(idx), math.nan)
    has_alt = ~np.isnan(alt_a)
    with np.errstate(invalid="ignore"):
        need = has_alt & (alt_a < NO_FIELD_MAX_ALT_FT)
    for k in np.flatnonzero(need).tolist():
        i = int(idx[k])
        e = field_elevation(float(lat[i]), float(lon[i]))
        if e is not None:
            elev[k] = e
    near_field = ~np.isnan(elev)
    agl = np.where(near_field, alt_a - elev, alt_a)         # no field near: above sea level
    with np.errstate(invalid="ignore"):
        slow = gs_a < GROUND_SPEED_KT
        low_for_slow = ~has_alt | (agl <= SLOW_MAX_AGL_FT) | (alt_a <= 0)
        level = np.isnan(vr_a) | (np.abs(vr_a) <= ROLL_MAX_VRATE_FPM)
        # a reported altitude of 0 (or below) is how Flightradar24 and others say "on the
        # ground"; a barometric altitude near the field's height is not (it is off by the day's
        # pressure: calibration passes over a runway read below the field's elevation)
        rolling = has_alt & (alt_a <= 0) & ~(gs_a >= ROLL_MAX_KT) & level
        # away from any known field, slow but climbing or sinking is a hover or slow flight (a
        # helicopter over a fire), not a stop: the height above the ground there is unknown
        hovering = ~near_field & has_alt & (alt_a > 0) & (np.abs(vr_a) >= HOVER_VRATE_FPM)
        evidence_ground = (slow & low_for_slow & ~hovering) | rolling
        too_high = has_alt & np.where(near_field, agl > FLAG_MAX_AGL_FT,
                                      alt_a > NO_FIELD_MAX_ALT_FT)
        evidence_air = too_high | (gs_a > FLAG_MAX_KT)
        flag_true, flag_false = fl == 1.0, fl == 0.0
        bad_true = flag_true & evidence_air
        # an airborne flag at a stop on the ground: slow and at (or below) the field's height,
        # or a reported 0 on a runway
        bad_false = flag_false & ((slow & has_alt & ((alt_a <= 0)
                                                     | (near_field & (agl <= ROLL_MAX_AGL_FT))))
                                  | (rolling & near_field))
    no_flag = np.isnan(fl)
    ground = np.where(no_flag, evidence_ground, flag_true)
    ground = np.where(bad_true, False, np.where(bad_false, True, ground))
    code = _CODE
    why = np.where(no_flag, np.where(evidence_ground, np.where(slow, code[WHY_SPEED],
                                                               code[WHY_ROLL]), code[WHY_AIR]),
                   code[WHY_FLAG]).astype(np.int8)
    why[bad_true] = code[WHY_FLAG_CONTRADICTED]
    why[bad_false] = code[WHY_AIR_FLAG_CONTRADICTED]
    why[no_flag & ~evidence_ground & np.isnan(gs_a) & ~has_alt] = code[WHY_UNKNOWN]
    return ground, why, int(bad_true.sum() + bad_false.sum()), gs_a


def _debounce(ground: np.ndarray, why: np.ndarray, t: Coords) -> int:
    """Flip short runs between two runs of the other state (flapping flags, a stray altitude), in
    place; returns how many points were flipped."""
    flipped = 0
    for _ in range(8):                 # a flip can merge runs: look again, a few times at most
        if len(ground) < 3:
            break
        starts = np.flatnonzero(ground[1:] != ground[:-1]) + 1
        if len(starts) < 2:
            break
        bounds = [0, *starts.tolist(), len(ground)]
        changed = False
        k = 1
        while k < len(bounds) - 2:
            a, b = bounds[k], bounds[k + 1]           # the run [a, b)
            if (b - a <= DEBOUNCE_POINTS and t[b - 1] - t[a] < DEBOUNCE_S
                    # the other state around it, with no long silence on either side
                    and t[a] - t[a - 1] <= DEBOUNCE_S * 3 and t[b] - t[b - 1] <= DEBOUNCE_S * 3):
                ground[a:b] = ~ground[a:b]
                why[a:b] = _CODE[WHY_DEBOUNCED]
                flipped += b - a
                changed = True
                k += 2                                # the next run has just merged with this one
            else:
                k += 1
        if not changed:
            break
    return flipped
