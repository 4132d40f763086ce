"""What flight records show at a claim's place and time: take-offs, landings, stops, positions.

The place is a resolved `reference.places.Place`: an airport or city reaches a radius around its
point, a country is its outline (a shapely polygon test). The aircraft a claim names are resolved
to airframes (registration, hex, callsign) or to a type (ICAO designator or common name), and a
type matches every aircraft of that type.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypedDict

from casefile.reference import places
from casefile.reference.aircraft_types import designator, type_name
from casefile.reference.airports import airport
from casefile.reference.places import Place
from casefile.timeutil import APPROX_S, from_epoch
from casefile.xref.model import AircraftIn, EndIn, LegIn, ReportedIn
from casefile.xref.trackindex import GROUND, PARKED, AircraftTrack, FleetIndex, end_place

#: Take-offs/landings at the claimed place within this many hours of the window are reported as
#: near misses (e.g. the claimed day is off by one).
NEAR_MISS_H = 48
#: News rounds times: a claimed moment matches an event this far outside the claim's window (on
#: top of both the claim's stated precision and the event's own window). Stated in Methods.
REPORT_TOL_S = 120.0
#: Beyond the combined tolerance but within this many times it, a miss is undetermined (the gap
#: is stated in minutes); only further away is it a contradiction.
NEAR_FACTOR = 3.0
#: the case settings (case_meta keys) that override the defaults above, and APPROX_S
SETTINGS = {"claims.report_tolerance_s": "report_tol_s", "claims.near_factor": "near_factor",
            "claims.about_s": "approx_s"}


class Sighting(TypedDict, total=False):
    """What a flight record shows at a claim's place (a finding keeps these among its inputs): a
    take-off or landing (`match_events`: leg, event, time, airport, distance, and how far outside
    the claimed window), or the aircraft seen low or on the ground there (`presence`)."""

    leg_id: str
    event: str                   # takeoff | landing
    time_utc: str
    airport_icao: str | None
    distance_km: float
    aircraft_id: str | None
    item_id: str | None
    uncertainty_s: float
    window_utc: list[str]
    probable: bool               # the take-off or landing was inferred, not observed
    minutes_outside: float
    hours_outside_window: float
    near: bool                   # a near miss: undetermined, never a contradiction
    observed_low_at_place: int   # positions low or on the ground at the place
    observed_inside_place: int   # positions inside the place (transit)
    first: str
    last: str
    on_ground_from: str
    to: str
    note: str
    probably: str
    field: str                   # elsewhere: the field actually used, by name


@dataclass(frozen=True)
class Tolerances:
    """The tolerances a case's claim verdicts use (the defaults unless the case sets its own)."""

    report_tol_s: float = REPORT_TOL_S
    near_factor: float = NEAR_FACTOR
    approx_s: float = APPROX_S

    @classmethod
    def of(cls, meta: dict[str, str]) -> Tolerances:
        """From a case's settings (`case_meta`); an unreadable value keeps the default."""
        got: dict[str, float] = {}
        for key, name in SETTINGS.items():
            try:
                value = float(meta[key])
            except (KeyError, ValueError):
                continue
            if value >= 0:
                got[name] = value
        return cls(**got)


#: The altitude under which an observed position counts as at a place (not flying over it).
LOW_FT = 2000.0


@dataclass
class Named:
    """The aircraft a claim names, as typed and as resolved."""

    ids: list[str] = field(default_factory=list)          # airframes matched
    types: set[str] = field(default_factory=set)          # ICAO designators named or implied
    rows: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


def aircraft_type(fleet: FleetIndex, aircraft_id: str) -> str | None:
    """An aircraft's ICAO type designator from its recorded type, model or label."""
    return type_of(fleet.tracks[aircraft_id].aircraft)


def type_of(a: AircraftIn) -> str | None:
    """An aircraft's ICAO type designator from its recorded type, model or label."""
    for r in (*a.refs, a.label):
        d = designator(r)
        if d:
            return d
    return None


def resolve_named(refs: Sequence[str], fleet: FleetIndex) -> Named:
    """Each reference resolved to airframes, else to a type (and every aircraft of that type)."""
    out = Named()
    types_of = {aid: aircraft_type(fleet, aid) for aid in fleet.tracks}
    for ref in refs:
        d = designator(ref)
        found = fleet.resolve(ref)
        if d is not None:
            found = sorted(set(found) | {a for a, t in types_of.items() if t == d})
            out.types.add(d)
            row = {"typed": ref, "resolved_to": "type", "type": d, "type_name": type_name(d),
                   "aircraft": [fleet.tracks[a].aircraft.label for a in found]}
        elif found:
            row = {"typed": ref, "resolved_to": "aircraft",
                   "aircraft": [fleet.tracks[a].aircraft.label for a in found]}
            out.types |= {t for a in found if (t := types_of.get(a))}
        else:
            row = {"typed": ref, "resolved_to": None, "aircraft": []}
            out.unresolved.append(ref)
        out.rows.append(row)
        out.ids += [a for a in found if a not in out.ids]
    out.ids.sort()
    return out


def reported_named(r: ReportedIn, named: Named, fleet: FleetIndex) -> bool:
    """Whether a reported flight is of an aircraft the claim names (the airframe or its type)."""
    if r.aircraft_id is not None and r.aircraft_id in named.ids:
        return True
    rtype = r.aircraft_type or designator(r.aircraft_ref)
    if rtype and rtype in named.types:
        return True
    return bool(set(fleet.resolve(r.aircraft_ref)) & set(named.ids))


def end_distance(end: EndIn, area: Place) -> float | None:
    """km from a take-off/landing to the place (0 inside a country or at the same airport)."""
    if area.kind == "airport" and end.airport_icao and end.airport_icao.upper() == area.key:
        return 0.0
    lat, lon = end_place(end)
    if lat is None or lon is None:
        return None
    return places.distance_to(area, lat, lon)


def _events(kind: str, leg: LegIn | ReportedIn) -> list[tuple[str, EndIn]]:
    if kind == "departure":
        return [("takeoff", leg.takeoff)]
    if kind == "arrival":
        return [("landing", leg.landing)]
    return [("takeoff", leg.takeoff), ("landing", leg.landing)]


def time_gap(lo: float, hi: float, t: float, unc: float) -> float:
    """Seconds between a claim's window [lo, hi] and an event's window t ± unc (0 if they meet)."""
    return max(0.0, (t - unc) - hi, lo - (t + unc))


def match_events(kind: str, legs: Sequence[LegIn | ReportedIn], area: Place, lo: float,
                 hi: float, claim_unc: float = 0.0, tol_s: float = REPORT_TOL_S,
                 near_factor: float = NEAR_FACTOR
                 ) -> tuple[list[Sighting], list[Sighting]]:
    """Take-offs/landings at the place whose window meets the claimed window (within the
    reporting tolerance), and the near misses outside it. A near miss within NEAR_FACTOR × the
    combined tolerance (the claim's precision + the event's window + the reporting tolerance) is
    marked `near` (undetermined, never a contradiction)."""
    hits: list[Sighting] = []
    misses: list[Sighting] = []
    for leg in legs:
        for what, end in _events(kind, leg):
            if end.time is None:
                continue
            d = end_distance(end, area)
            if d is None or not _at(area, end, d):
                continue
            row: Sighting = {"leg_id": leg.id, "event": what, "time_utc": from_epoch(end.time),
                                   "airport_icao": end.airport_icao, "distance_km": round(d, 2),
                                   "aircraft_id": leg.aircraft_id}
            row["item_id"] = leg.item_id if isinstance(leg, LegIn) else None
            if end.uncertainty_s:
                row["uncertainty_s"] = end.uncertainty_s
                row["window_utc"] = [from_epoch(end.time - end.uncertainty_s),
                                     from_epoch(end.time + end.uncertainty_s)]
            if not end.observed:
                row["probable"] = True
            gap = time_gap(lo, hi, end.time, end.uncertainty_s)
            combined = claim_unc + end.uncertainty_s + tol_s
            if gap <= tol_s:
                if gap > 0:
                    row["minutes_outside"] = round(gap / 60, 1)
                hits.append(row)
            elif lo - NEAR_MISS_H * 3600 <= end.time <= hi + NEAR_MISS_H * 3600:
                row["hours_outside_window"] = round(
                    (lo - end.time if end.time < lo else end.time - hi) / 3600, 1)
                row["minutes_outside"] = round(gap / 60, 1)
                row["near"] = gap + claim_unc + end.uncertainty_s <= near_factor * combined
                misses.append(row)
    return hits, misses


def _at(area: Place, end: EndIn, d: float) -> bool:
    """Whether a take-off or landing counts as at the place (see `places.end_at`)."""
    return places.end_at(area, end.airport_icao, d)


def _points_in(track: AircraftTrack, lo: float, hi: float, area: Place,
               low_only: bool) -> list[tuple[float, float, float]]:
    """Observed positions of the track in [lo, hi] that count as at the place."""
    p = track.low if low_only else track.points
    if p is None or not p.t:
        return []
    i, j = bisect_left(p.t, lo), bisect_right(p.t, hi)
    if i >= j:
        return []
    lats, lons = p.lat[i:j], p.lon[i:j]
    if low_only:
        keep = [k for k in range(j - i)
                if p.ground[i + k] or (p.alt_ft[i + k] is not None and (p.alt_ft[i + k] or 0) <= LOW_FT)]
        lats, lons = [lats[k] for k in keep], [lons[k] for k in keep]
        ts = [p.t[i + k] for k in keep]
    else:
        ts = p.t[i:j]
    if area.kind == "airport":   # a named airport: its own extent, not the neighbourhood
        area = replace(area, radius_km=places.AIRPORT_UNNAMED_KM)
    inside = places.inside(area, lats, lons)
    return [(t, a, b) for t, a, b, ok in zip(ts, lats, lons, inside, strict=True) if ok]


def presence(track: AircraftTrack, lo: float, hi: float, area: Place,
             low_only: bool = True) -> list[Sighting]:
    """Where the track shows the aircraft at the place in [lo, hi]: low positions (or any, for a
    transit), and ground spans there."""
    out: list[Sighting] = []
    pts = _points_in(track, lo, hi, area, low_only)
    items = sorted({s.item_id for s in track.query(lo, hi) if s.item_id})
    if pts:
        seen: Sighting = {"aircraft_id": track.aircraft.id}
        if low_only:
            seen["observed_low_at_place"] = len(pts)
        else:
            seen["observed_inside_place"] = len(pts)
        seen.update({"first": from_epoch(pts[0][0]), "last": from_epoch(pts[-1][0]),
                     "item_id": items[0] if items else None})
        out.append(seen)
    for s in track.query(lo, hi):
        if s.state in (GROUND, PARKED) and s.lat is not None and s.lon is not None:
            d = places.distance_to(area, s.lat, s.lon)
            if places.end_at(area, s.airport_icao, d):
                row: Sighting = {"aircraft_id": track.aircraft.id, "on_ground_from": from_epoch(s.start),
                       "to": from_epoch(s.end), "airport_icao": s.airport_icao,
                       "distance_km": round(d, 2), "item_id": s.item_id}
                if s.note:
                    row["note"] = s.note
                if s.state == PARKED:
                    row["probably"] = ("seen on the ground at the same spot before and after a "
                                       "coverage gap: probably still there, not observed")
                out.append(row)
    return out


def _elsewhere(kind: str, legs: Sequence[LegIn], area: Place, lo: float, hi: float,
              tol_s: float = REPORT_TOL_S) -> list[Sighting]:
    """The named aircraft's take-offs (departure) or landings (arrival) in the claimed time that
    were somewhere else: the field actually used and its distance from the claimed place."""
    if kind not in ("departure", "arrival"):
        return []
    out: list[Sighting] = []
    for leg in legs:
        what, end = _events(kind, leg)[0]
        if end.time is None or time_gap(lo, hi, end.time, end.uncertainty_s) > tol_s:
            continue
        d = end_distance(end, area)
        if d is None or _at(area, end, d):
            continue
        name = None
        if end.airport_icao:
            rec = airport(end.airport_icao)
            name = f"{rec['name']} ({end.airport_icao})" if rec else end.airport_icao
        out.append({"leg_id": leg.id, "event": what, "aircraft_id": leg.aircraft_id,
                    "item_id": leg.item_id, "time_utc": from_epoch(end.time),
                    "uncertainty_s": end.uncertainty_s,
                    "window_utc": [from_epoch(end.time - end.uncertainty_s),
                                   from_epoch(end.time + end.uncertainty_s)],
                    "airport_icao": end.airport_icao,
                    "field": name or "a place no airport was attributed to",
                    "distance_km": round(d, 2), "probable": not end.observed})
    return out
