"""Everything with a position, gathered once for the KML and GeoJSON exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casefile.report import adapters
from casefile.report.adapters import get
from casefile.store import Case

FT_TO_M = 0.3048


@dataclass
class TrackOut:
    """One recorded track of one aircraft, every point in time order."""

    aircraft_id: str
    label: str
    track_id: str
    item_id: str | None
    points: list[Any] = field(default_factory=list)


@dataclass
class PlaceOut:
    kind: str                   # photo | airport
    id: str
    name: str
    lat: float
    lon: float
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class GeoData:
    tracks: list[TrackOut] = field(default_factory=list)
    places: list[PlaceOut] = field(default_factory=list)

    @property
    def point_count(self) -> int:
        return sum(len(t.points) for t in self.tracks)


def alt_m(pt: Any) -> float | None:
    """Altitude in metres: geometric when known, else barometric; None when unknown."""
    ft = get(pt, "geo_alt_ft")
    if ft is None:
        ft = get(pt, "alt_ft")
    return None if ft is None else round(float(ft) * FT_TO_M, 1)


def gather(case: Case, *, exclude_sensitive: bool = False) -> GeoData:
    """Tracks (split by source track), photo positions and the airports legs touch."""
    sensitive = {i["id"] for i in case.items() if i["sensitive"]} if exclude_sensitive else set()
    out = GeoData()
    fl = adapters.flights(case, every_point=True)
    if fl is not None:
        for a in fl.aircraft:
            label = a.display() if hasattr(a, "display") else (get(a, "registration") or get(a, "id"))
            by_track: dict[str, TrackOut] = {}
            for pt in fl.points.get(get(a, "id"), []):
                tid = str(get(pt, "track_id") or "track")
                if tid not in by_track:
                    by_track[tid] = TrackOut(get(a, "id"), str(label), tid, fl.track_items.get(tid))
                by_track[tid].points.append(pt)
            out.tracks += [t for t in by_track.values() if t.item_id not in sensitive]
        codes: set[str] = set()
        for leg in fl.legs:
            for end in (get(leg, "takeoff"), get(leg, "landing")):
                if end is not None and get(end, "airport_icao"):
                    codes.add(get(end, "airport_icao"))
        out.places += _airports(sorted(codes))
    for e in adapters.photos(case) or []:
        gps = get(e.info, "gps")
        iid = get(e.info, "item_id")
        if gps is None or iid in sensitive:
            continue
        cap = get(e.info, "capture")
        out.places.append(PlaceOut("photo", iid, iid, float(get(gps, "lat")), float(get(gps, "lon")),
                                   {"item_id": iid, "position_source": get(gps, "source"),
                                    "capture_utc": get(cap, "utc") if cap else None,
                                    "capture_basis": get(cap, "basis") if cap else None,
                                    "camera": " ".join(str(x) for x in (get(e.info, "make"),
                                                                        get(e.info, "model")) if x)}))
    return out


def _airports(codes: list[str]) -> list[PlaceOut]:
    if not codes:
        return []
    from casefile.reference.airports import table as airport_table

    table = airport_table()
    out = []
    for code in codes:
        row = table.get(code)
        if row:
            out.append(PlaceOut("airport", code, f"{code} {row['name']}", float(row["lat"]),
                                float(row["lon"]), {"icao": code, "name": row["name"],
                                                    "country": row["country"], "tz": row["tz"]}))
    return out
