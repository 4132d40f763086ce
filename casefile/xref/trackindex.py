"""Per-aircraft state over time (airborne, on the ground somewhere, coverage gap), indexed by time.

Built once from legs, gaps and observed points; a window query is a binary search, so checking a
photo never scans every leg or point. Time not covered by any record is "no data", which is
never read as "no flight".
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import compress

import numpy as np
import numpy.typing as npt

from casefile.flights.query import RefIndex, norm_ref
from casefile.flights.state import NO_FIELD_MAX_ALT_FT, field_elevation
from casefile.geo import distance_km
from casefile.reference.airports import airport
from casefile.xref.model import AircraftIn, EndIn, GapIn, LegIn, PointsIn

AIRBORNE, GROUND, GAP, NODATA = "airborne", "ground", "gap", "no-data"
#: How a ground span between a landing and the next take-off from the same place was inferred.
STAY_NOTE = ("inferred: landed here and next took off from here, so on the ground in between "
             "(unless a flight went unrecorded)")
#: How a ground span seen in the positions themselves (a ground stay) was found.
OBSERVED_NOTE = "observed on the ground (positions the state model calls ground)"
#: A gap that starts and ends on the ground at the same place: probably parked, not certainly.
PARKED = "parked-gap"
#: Take-off and landing places further apart than this are different places.
SAME_PLACE_KM = 5.0


#: An observed take-off or landing: (time, lat, lon, airport ICAO, "takeoff"|"landing", leg id, item id).
Event = tuple[float, float, float, str | None, str, str, str | None]
#: An observed point: (time, lat, lon, altitude ft, on the ground).
Fix = tuple[float, float, float, float | None, bool]


@dataclass(frozen=True)
class Span:
    """One stretch of an aircraft's record: what it was doing from start to end."""

    start: float
    end: float
    state: str                       # airborne | ground | gap | no-data
    lat: float | None = None         # where, for ground spans
    lon: float | None = None
    airport_icao: str | None = None
    leg_id: str | None = None
    item_id: str | None = None       # the record (flight file) it comes from
    note: str = ""


def end_place(end: EndIn) -> tuple[float | None, float | None]:
    """Coordinates of a take-off or landing: its own, else its airport's."""
    if end.lat is not None and end.lon is not None:
        return end.lat, end.lon
    rec = airport(end.airport_icao)
    if rec:
        return float(rec["lat"]), float(rec["lon"])
    return None, None


def _same_place(a: EndIn, b: EndIn) -> bool:
    if a.airport_icao and b.airport_icao:
        return a.airport_icao.upper() == b.airport_icao.upper()
    (la, lo), (lb, lob) = end_place(a), end_place(b)
    if la is None or lo is None or lb is None or lob is None:
        return False
    return distance_km(la, lo, lb, lob) <= SAME_PLACE_KM


def _merge_gaps(gaps: list[GapIn]) -> list[GapIn]:
    """Overlapping gaps as one; a merged gap is "parked" only if every part was."""
    out: list[GapIn] = []
    for g in sorted(gaps, key=lambda g: (g.start, g.end)):
        if out and g.start <= out[-1].end:
            last = out[-1]
            parked = last.parked_at if (last.parked_at and g.parked_at and distance_km(
                *last.parked_at, *g.parked_at) <= SAME_PLACE_KM) else None
            out[-1] = GapIn(last.aircraft_id, last.start, max(last.end, g.end),
                            "; ".join(dict.fromkeys(x for x in (last.note, g.note) if x)),
                            last.item_id or g.item_id, parked, last.before_at)
        else:
            out.append(g)
    return out


def _disjoint(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlaps clipped (records that contradict each other keep the earlier)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and s.start < out[-1].end:
            if s.end <= out[-1].end:
                continue
            s = Span(**{**s.__dict__, "start": out[-1].end})
        out.append(s)
    return out


def _subtract(spans: list[Span], gaps: list[GapIn]) -> list[Span]:
    """Cut coverage gaps out of the other spans and put gap spans in their place."""
    out: list[Span] = []
    gaps = _merge_gaps(gaps)
    for s in spans:
        pieces = [s]
        for g in gaps:
            if g.end <= s.start or g.start >= s.end:
                continue
            nxt = []
            for p in pieces:
                if g.end <= p.start or g.start >= p.end:
                    nxt.append(p)
                    continue
                if p.start < g.start:
                    nxt.append(Span(**{**p.__dict__, "end": g.start}))
                if g.end < p.end:
                    nxt.append(Span(**{**p.__dict__, "start": g.end}))
            pieces = nxt
        out.extend(pieces)
    for g in gaps:
        if g.parked_at is not None:
            out.append(Span(g.start, g.end, PARKED, g.parked_at[0], g.parked_at[1], item_id=g.item_id,
                            note=g.note or "coverage gap on the ground"))
        else:
            out.append(Span(g.start, g.end, GAP, item_id=g.item_id, note=g.note or "coverage gap"))
    out.sort(key=lambda s: (s.start, s.end))
    return out


class AircraftTrack:
    """The state spans of one aircraft, sorted and non-overlapping, plus its observed points."""

    def __init__(self, aircraft: AircraftIn, legs: Iterable[LegIn], gaps: Iterable[GapIn],
                 points: PointsIn | None = None) -> None:
        self.aircraft = aircraft
        self.points = points
        self.low = _low_points(points)
        legs = sorted((x for x in legs if not x.reported),
                      key=lambda x: next((t for t in (x.takeoff.time, x.first_seen, x.landing.time)
                                          if t is not None), 0.0))
        self.legs = legs
        spans: list[Span] = []
        times = [t for x in legs for t in (x.takeoff.time, x.landing.time, x.first_seen, x.last_seen)
                 if t is not None]
        if points is not None and points.t:
            times += [points.t[0], points.t[-1]]
        self.coverage = (min(times), max(times)) if times else None
        for i, leg in enumerate(legs):
            t0 = leg.takeoff.time if leg.takeoff.time is not None else leg.first_seen
            t1 = leg.landing.time if leg.landing.time is not None else leg.last_seen
            if t0 is not None and t1 is not None and t1 >= t0:
                spans.append(Span(t0, t1, AIRBORNE, leg_id=leg.id, item_id=leg.item_id))
            t1 = leg.landing.time
            if t1 is not None:
                lat, lon = end_place(leg.landing)
                nxt = legs[i + 1] if i + 1 < len(legs) else None
                stop: float | None
                if nxt is None:
                    stop = self.coverage[1] if self.coverage else t1
                    ok = True
                else:
                    stop = nxt.takeoff.time
                    ok = stop is not None and _same_place(leg.landing, nxt.takeoff)
                if ok and lat is not None and stop is not None and stop > t1:
                    spans.append(Span(t1, stop, GROUND, lat, lon, leg.landing.airport_icao,
                                      leg_id=leg.id, item_id=leg.item_id, note=STAY_NOTE))
        # observed ground stays (an aircraft seen only parked has no legs, but was there)
        spans += [Span(s.start, s.end, GROUND, s.lat, s.lon, s.airport_icao, item_id=s.item_id,
                       note=OBSERVED_NOTE) for s in (points.stays if points is not None else ())]
        if legs and self.coverage:
            first = legs[0]
            t0 = first.takeoff.time
            lat, lon = end_place(first.takeoff)
            if t0 is not None and lat is not None and self.coverage[0] < t0:
                spans.append(Span(self.coverage[0], t0, GROUND, lat, lon, first.takeoff.airport_icao,
                                  leg_id=first.id, item_id=first.item_id, note=STAY_NOTE))
        self.spans = _disjoint(_subtract(_disjoint(spans), list(gaps)))
        self._starts = [s.start for s in self.spans]
        self._ends = [s.end for s in self.spans]
        # observed take-offs and landings with a place: the aircraft was there at that instant
        self.events: list[Event] = []
        for leg in legs:
            for what, end in (("takeoff", leg.takeoff), ("landing", leg.landing)):
                elat, elon = end_place(end)
                if end.time is not None and elat is not None and elon is not None:
                    self.events.append((end.time, elat, elon, end.airport_icao, what, leg.id,
                                        leg.item_id))
        self.events.sort(key=lambda e: e[0])
        self._event_t = [e[0] for e in self.events]
        unc = {(leg.id, what): end.uncertainty_s for leg in legs
               for what, end in (("takeoff", leg.takeoff), ("landing", leg.landing))}
        self._event_unc = [unc.get((e[5], e[4]), 0.0) for e in self.events]
        self._widest = max(self._event_unc, default=0.0)

    @cached_property
    def arrays(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64],
                              npt.NDArray[np.float64]]:
        """The observed points' times, latitudes and longitudes as arrays (made on first use)."""
        p = self.points
        if p is None:
            empty = np.zeros(0, dtype=np.float64)
            return empty, empty, empty
        return (np.asarray(p.t, dtype=np.float64), np.asarray(p.lat, dtype=np.float64),
                np.asarray(p.lon, dtype=np.float64))

    def events_near(self, lo: float, hi: float, lat: float, lon: float, km: float) -> list[Event]:
        """Take-offs and landings whose time window meets [lo, hi], within km of a place (an end
        between two positions is a window: the event may be anywhere in it)."""
        i = bisect_left(self._event_t, lo - self._widest)
        j = bisect_right(self._event_t, hi + self._widest)
        return [e for e, u in zip(self.events[i:j], self._event_unc[i:j], strict=True)
                if e[0] - u <= hi and e[0] + u >= lo and distance_km(lat, lon, e[1], e[2]) <= km]

    def query(self, lo: float, hi: float) -> list[Span]:
        """The spans covering [lo, hi], clipped, with "no-data" spans for the uncovered parts."""
        i = bisect_right(self._ends, lo)
        while i > 0 and self._ends[i - 1] >= lo:
            i -= 1
        out: list[Span] = []
        cursor = lo
        for s in self.spans[i:]:
            if s.start > hi:
                break
            if s.end < lo:
                continue
            a, b = max(s.start, lo), min(s.end, hi)
            if a > cursor:
                out.append(Span(cursor, a, NODATA))
            if b >= a and (b > a or lo == hi):
                out.append(s if (a == s.start and b == s.end) else
                           Span(a, b, s.state, s.lat, s.lon, s.airport_icao, s.leg_id, s.item_id,
                                s.note))
            cursor = max(cursor, b)
        if cursor < hi or not out:
            out.append(Span(cursor, hi, NODATA))
        return out

    def points_near(self, lo: float, hi: float, lat: float, lon: float, km: float,
                    max_alt_ft: float = 2000.0) -> list[Fix]:
        """Observed points in [lo, hi] within km of a place and low (on the ground or near it)."""
        p = self.low
        if not p.t:
            return []
        i, j = bisect_left(p.t, lo), bisect_right(p.t, hi)
        out = []
        # a point further north or south than km allows is not near, whatever its longitude
        # (a degree of latitude is 111.19 km on this sphere): skipped before the exact distance
        dlat = km / 111.0
        for k in range(i, j):
            if abs(p.lat[k] - lat) > dlat:
                continue
            alt = p.alt_ft[k]
            if not p.ground[k] and (alt is None or (alt > max_alt_ft and not (
                    max_alt_ft == LOW_ALT_FT and low_above_field(alt, p.lat[k], p.lon[k])))):
                continue
            if distance_km(lat, lon, p.lat[k], p.lon[k]) <= km:
                out.append((p.t[k], p.lat[k], p.lon[k], alt, p.ground[k]))
        return out

    def points_around(self, lo: float, hi: float, reach_s: float) -> tuple[Fix | None, Fix | None]:
        """The last observed point before lo and the first after hi, each within reach_s."""
        p = self.points
        if p is None or not p.t:
            return None, None
        i, j = bisect_left(p.t, lo) - 1, bisect_right(p.t, hi)
        before = (p.t[i], p.lat[i], p.lon[i], p.alt_ft[i], p.ground[i]) \
            if i >= 0 and lo - p.t[i] <= reach_s else None
        after = (p.t[j], p.lat[j], p.lon[j], p.alt_ft[j], p.ground[j]) \
            if j < len(p.t) and p.t[j] - hi <= reach_s else None
        return before, after

    def holes(self) -> list[Span]:
        """Every stretch with no data (gaps, before/after coverage, unexplained stops)."""
        return [s for s in self.query(-math.inf, math.inf) if s.state in (GAP, NODATA, PARKED)]

    def nearest_point(self, t: float) -> Fix | None:
        """The observed point closest in time to t."""
        p = self.points
        if p is None or not p.t:
            return None
        i = bisect_left(p.t, t)
        best = min((k for k in (i - 1, i) if 0 <= k < len(p.t)), key=lambda k: abs(p.t[k] - t))
        return p.t[best], p.lat[best], p.lon[best], p.alt_ft[best], p.ground[best]


#: Points at or below this altitude (or on the ground) can show an aircraft at a place.
LOW_ALT_FT = 2000.0


def low_above_field(alt_ft: float | None, lat: float, lon: float) -> bool:
    """Whether an altitude is within LOW_ALT_FT of the ground there: above the nearest field's
    elevation (within 5 km), else above sea level."""
    if alt_ft is None or alt_ft > LOW_ALT_FT + NO_FIELD_MAX_ALT_FT:
        return False
    if alt_ft <= LOW_ALT_FT:
        return True
    return alt_ft - (field_elevation(lat, lon) or 0.0) <= LOW_ALT_FT


def _low_points(p: PointsIn | None) -> PointsIn:
    """The points on the ground or low enough to be "at" a place, in time order."""
    if p is None:
        return PointsIn("", [], [], [], [], [])
    keep = [g or low_above_field(a, la, lo)
            for g, a, la, lo in zip(p.ground, p.alt_ft, p.lat, p.lon, strict=False)]
    return PointsIn(p.aircraft_id, list(compress(p.t, keep)), list(compress(p.lat, keep)),
                    list(compress(p.lon, keep)), list(compress(p.alt_ft, keep)),
                    list(compress(p.ground, keep)))



CELL_DEG = 0.25
#: Distance the place index must cover around a photo (the "near" radius of the checks).
NEAR_CELL_KM = 10.0


def cell(lat: float, lon: float) -> tuple[int, int]:
    """The map cell (CELL_DEG squares) of a place."""
    return int(math.floor(lat / CELL_DEG)), int(math.floor(lon / CELL_DEG))


def cells_near(lat: float, lon: float, km: float) -> list[tuple[int, int]]:
    """The map cells within km of a place (wider in longitude towards the poles)."""
    ci, cj = cell(lat, lon)
    di = int(math.ceil(km / (111.0 * CELL_DEG)))
    coslat = max(math.cos(math.radians(min(89.0, abs(lat) + CELL_DEG * (di + 1)))), 1e-3)
    dj = min(int(math.ceil(km / (111.0 * CELL_DEG * coslat))), int(360 / CELL_DEG))
    wrap = int(360 / CELL_DEG)
    lo_j = -180 // CELL_DEG
    return [(i, int((j - lo_j) % wrap + lo_j)) for i in range(ci - di, ci + di + 1)
            for j in range(cj - dj, cj + dj + 1)]


class FleetIndex:
    """Every aircraft's track, plus lookup by any analyst reference."""

    def __init__(self, aircraft: list[AircraftIn], legs: list[LegIn], gaps: list[GapIn],
                 points: list[PointsIn]) -> None:
        by_legs: dict[str, list[LegIn]] = {}
        for leg in legs:
            by_legs.setdefault(leg.aircraft_id, []).append(leg)
        by_gaps: dict[str, list[GapIn]] = {}
        for g in gaps:
            by_gaps.setdefault(g.aircraft_id, []).append(g)
        by_pts = {p.aircraft_id: p for p in points}
        self.tracks = {a.id: AircraftTrack(a, by_legs.get(a.id, []), by_gaps.get(a.id, []),
                                           by_pts.get(a.id)) for a in aircraft}
        #: (label, id) of every aircraft, by label: lists of labels come out sorted when filtered
        self.by_label = sorted((t.aircraft.label, aid) for aid, t in self.tracks.items())
        self._refs = RefIndex()
        self._resolved: dict[str, list[str]] = {}
        for a in aircraft:
            self._refs.add(a.id, {norm_ref(x): "reference" for x in (a.id, *a.refs)})
        self._build_place_index()

    def _build_place_index(self) -> None:
        """Ground spans and low points by map cell, in time order; no-data stretches as arrays."""
        ground: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        low: dict[tuple[int, int], list[tuple[float, str]]] = {}
        starts, ends, owners = [], [], []
        self.ids = sorted(self.tracks)
        for n, aid in enumerate(self.ids):
            tr = self.tracks[aid]
            for s in tr.spans:
                if s.state in (GROUND, PARKED) and s.lat is not None and s.lon is not None:
                    ground.setdefault(cell(s.lat, s.lon), []).append((s.start, s.end, aid))
            for t, la, lo in zip(tr.low.t, tr.low.lat, tr.low.lon, strict=True):
                low.setdefault(cell(la, lo), []).append((t, aid))
            for e in tr.events:
                low.setdefault(cell(e[1], e[2]), []).append((e[0], aid))
            for h in tr.holes():
                starts.append(h.start)
                ends.append(h.end)
                owners.append(n)
        # per cell: entries sorted by start, their starts, and the longest span (bounds the search)
        self.ground_cells = {}
        for c, rows in ground.items():
            rows.sort()
            self.ground_cells[c] = (rows, [r[0] for r in rows], max(r[1] - r[0] for r in rows))
        self.low_cells = {}
        for c, pts in low.items():
            pts.sort()
            self.low_cells[c] = (pts, [p[0] for p in pts])
        self._h_start = np.array(starts, dtype=float)
        self._h_end = np.array(ends, dtype=float)
        self._h_owner = np.array(owners, dtype=np.int64)

    def candidates(self, lo: float, hi: float, lat: float, lon: float) -> set[str]:
        """Aircraft that may have been on the ground or low near a place in [lo, hi] (a superset)."""
        out: set[str] = set()
        for c in cells_near(lat, lon, NEAR_CELL_KM):
            g = self.ground_cells.get(c)
            if g is not None:
                rows, starts, longest = g
                for k in range(bisect_left(starts, lo - longest), bisect_right(starts, hi)):
                    if rows[k][1] >= lo:
                        out.add(rows[k][2])
            p = self.low_cells.get(c)
            if p is not None:
                pts, ts = p
                for k in range(bisect_left(ts, lo), bisect_right(ts, hi)):
                    out.add(pts[k][1])
        return out

    def without_data(self, lo: float, hi: float) -> set[str]:
        """Aircraft with a gap or no data somewhere in [lo, hi]."""
        if not len(self._h_start):
            return set()
        mask = (self._h_start <= hi) & (self._h_end >= lo)
        return {self.ids[i] for i in np.unique(self._h_owner[mask]).tolist()}

    def resolve(self, ref: str) -> list[str]:
        """Aircraft ids an analyst reference (registration, hex, type code, id) points to (the
        fleet does not change, so each reference is looked up once)."""
        found = self._resolved.get(ref)
        if found is None:
            found = self._resolved[ref] = self._refs.matches(ref)
        return list(found)
