"""Events inside a leg that are not its take-off or landing: a touch-and-go, a low approach, a
go-around. Each has a time window (the first and last position of the low stretch), the field
it happened at and the positions that show it; none is ever a landing.

Read from the leg's own points: a stretch of positions near a field (within FIELD_KM of it)
and low over it (at most EVENT_MAX_AGL_FT above its elevation, pressure altitude; see
casefile.flights.state for the datum band) that the aircraft descends into and climbs out of
without a stop. Kind: the source or the state model had it on the runway at speed
(`touch-and-go`); it came down over the runway (within OVER_RUNWAY_KM of a runway end) to
PASS_MAX_AGL_FT or lower (`low-approach`: a pressure altitude at or below the field is low, not
on the ground); else it turned away further out on the approach (`go-around`).

A pass needs a descent to low height on an approach: at most PASS_MAX_AGL_FT over the field, or
within GLIDE_BAND_FT of a 3° descent to the nearest runway end (OurAirports' runway ends; the
field's reference point where none are listed). An overhead pass higher than both (a calibration
flight crossing the field at 700 ft) is no event.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from casefile.flights import movement as M
from casefile.flights import state as S
from casefile.flights.probable import glide_ft
from casefile.geo import distance_km
from casefile.reference import runways
from casefile.reference.airports import index as airport_index
from casefile.timeutil import from_epoch

#: a low stretch is at most this high (ft) above the field's elevation ...
EVENT_MAX_AGL_FT = 1000.0
#: ... and the aircraft climbs at least this much (ft) above its lowest point after it (and was
#: this much higher before it)
CLIMB_AWAY_FT = 300.0
#: within this long (s) either side
AROUND_S = 300.0
#: at most this high (ft) over the field: a pass low enough to be a low approach
PASS_MAX_AGL_FT = 500.0
#: ... or within this much (ft) of a 3° descent to the nearest runway end: on an approach
GLIDE_BAND_FT = 300.0
#: the lowest point within this distance (km) of a runway end is over the runway (a low approach;
#: further out on the approach, a go-around)
OVER_RUNWAY_KM = 1.0
#: the event's window: the positions within this much (ft) of its lowest point
WINDOW_ABOVE_FT = 200.0
#: points of a low stretch more than this far apart in time (s) are two stretches
SPLIT_S = 120.0

TOUCH_AND_GO = "touch-and-go"
LOW_APPROACH = "low-approach"
GO_AROUND = "go-around"


@dataclass
class Event:
    kind: str
    window: tuple[float, float]
    airport_icao: str | None
    airport_name: str | None
    distance_km: float | None
    note: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def _json(self) -> dict[str, Any]:
        return {"kind": self.kind, "window_utc": [from_epoch(x) for x in self.window],
                "airport_icao": self.airport_icao, "airport_name": self.airport_name,
                "distance_km": self.distance_km, "note": self.note, "evidence": self.evidence}


def as_json(events: list[Event]) -> str:
    """A leg's events as stored with it (a JSON list; casefile.flights.query reads it back)."""
    return json.dumps([e._json() for e in events], ensure_ascii=False)


def find(t: np.ndarray, lat: np.ndarray, lon: np.ndarray, alt: np.ndarray,
         touched: np.ndarray, first: int, last: int) -> list[Event]:
    """The events of the leg made of points first..last (inclusive). `touched`: per point, on a
    runway at speed by the source's flag or the state model (a touch-and-go's sign)."""
    if last - first < 2:
        return []
    sl = slice(first, last + 1)
    tt, la, lo = t[sl], lat[sl], lon[sl]
    a = np.where(M.altitude_outliers(tt, alt[sl]), math.nan, alt[sl])
    elev = np.full(len(tt), math.nan)
    with np.errstate(invalid="ignore"):
        cand = np.flatnonzero(a < 15000.0)
    if len(cand):        # one look-up per 0.01-degree cell (field_elevation's own grid)
        cells, back = np.unique(np.stack((np.round(la[cand], 2), np.round(lo[cand], 2)), axis=1),
                                axis=0, return_inverse=True)
        found = [S.field_elevation(float(x), float(y)) for x, y in cells]
        vals = np.array([math.nan if e is None else e for e in found], dtype=np.float64)
        elev[cand] = vals[np.asarray(back).reshape(-1)]
    with np.errstate(invalid="ignore"):
        low = (a - elev <= EVENT_MAX_AGL_FT) | (touched[sl] & ~np.isnan(elev))
    idx = np.flatnonzero(low)
    if len(idx) == 0:
        return []
    cuts = np.flatnonzero((np.diff(idx) > 1) & (np.diff(tt[idx]) > SPLIT_S)) + 1
    out: list[Event] = []
    for grp in np.split(idx, cuts):
        i0, i1 = int(grp[0]), int(grp[-1])
        if i0 == 0 or i1 == len(tt) - 1:       # the leg's own take-off or landing
            continue
        run = a[i0:i1 + 1]
        if np.all(np.isnan(run)):
            continue
        m = i0 + int(np.nanargmin(run))
        before = a[(tt >= tt[i0] - AROUND_S) & (np.arange(len(tt)) < i0)]
        after = a[(tt <= tt[i1] + AROUND_S) & (np.arange(len(tt)) > i1)]
        if not (_above(before, a[m]) and _above(after, a[m])):
            continue
        e = _event(tt, la, lo, a, elev, touched[sl], i0, i1, m, first)
        if e is not None:
            out.append(e)
    return out


def _to_runway_km(lat: float, lon: float, icao: str | None) -> float | None:
    """Distance (km) from a position to the nearest runway end of a field (OurAirports), or
    None when the field lists none."""
    f = runways.field(icao)
    ends = [x for r in (f.runways if f else ()) for x in r.ends if x is not None]
    return min((distance_km(lat, lon, x.lat, x.lon) for x in ends), default=None)


def _above(values: np.ndarray, floor: float) -> bool:
    with np.errstate(invalid="ignore"):
        return bool(np.any(values >= floor + CLIMB_AWAY_FT))


def _event(t: np.ndarray, lat: np.ndarray, lon: np.ndarray, alt: np.ndarray, elev: np.ndarray,
           touched: np.ndarray, i0: int, i1: int, m: int, first: int) -> Event | None:
    """The event of a low stretch, or None for a pass too high to be one (see module doc)."""
    agl = float(alt[m] - elev[m]) if not math.isnan(elev[m]) else math.nan
    hit = airport_index().nearest(float(lat[m]), float(lon[m]), S.FIELD_KM)
    ap, km = (hit[0], hit[1]) if hit else (None, None)
    rw_km = _to_runway_km(float(lat[m]), float(lon[m]), ap.icao if ap else None)
    to_end = rw_km if rw_km is not None else km
    on_glide = to_end is not None and agl - glide_ft(to_end) <= GLIDE_BAND_FT
    if touched[i0:i1 + 1].any():
        kind = TOUCH_AND_GO
    elif not (agl <= PASS_MAX_AGL_FT or on_glide):
        return None            # an overhead pass high above the field, not on an approach
    elif agl <= PASS_MAX_AGL_FT and (to_end is None or to_end <= OVER_RUNWAY_KM):
        kind = LOW_APPROACH
    else:
        kind = GO_AROUND
    with np.errstate(invalid="ignore"):
        near = np.flatnonzero(alt[i0:i1 + 1] <= alt[m] + WINDOW_ABOVE_FT) + i0
    w0, w1 = (int(near[0]), int(near[-1])) if len(near) else (i0, i1)
    w0, w1 = max(w0 - 1, i0), min(w1 + 1, i1)      # the positions either side bound the pass
    what = {TOUCH_AND_GO: "touch-and-go", LOW_APPROACH: "low approach",
            GO_AROUND: "go-around"}[kind]
    at = f" at {ap.icao} ({ap.name})" if ap else ""
    note = (f"{what}{at} between {from_epoch(t[w0])[11:19]} and {from_epoch(t[w1])[11:19]} UTC: "
            f"lowest {alt[m]:.0f} ft pressure altitude ({agl:+.0f} ft against the field's "
            f"elevation), then climbing away; not a landing")
    ev = {"lowest": {"seq_index": first + m, "t": float(t[m]), "lat": float(lat[m]),
                     "lon": float(lon[m]), "alt_ft": float(alt[m])},
          "points": i1 - i0 + 1,
          "runway_end_km": None if rw_km is None else round(rw_km, 2)}
    return Event(kind, (float(t[w0]), float(t[w1])), ap.icao if ap else None,
                 ap.name if ap else None, round(km, 2) if km is not None else None, note, ev)
