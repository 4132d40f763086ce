"""Everything with a position, gathered once for the KML and GeoJSON exports."""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.model.flights import Point
from casefile.photos import query as photos_query
from casefile.present.aircraft import aircraft_name
from casefile.reference.airports import airport
from casefile.report import gather as parts
from casefile.store import Case
from casefile.store import refs as short_refs

FT_TO_M = 0.3048


@dataclass
class TrackOut:
    """One recorded track of one aircraft, every point in time order."""

    aircraft_id: str
    label: str
    track_id: str
    item_id: str | None
    points: list[Point] = field(default_factory=list)
    item_label: str = ""        # the flight record's short reference (F2), for what a person reads


@dataclass
class PlaceOut:
    kind: str                   # photo | airport
    id: str
    name: str
    lat: float
    lon: float
    props: dict[str, str | None] = field(default_factory=dict)


@dataclass
class GeoData:
    tracks: list[TrackOut] = field(default_factory=list)
    places: list[PlaceOut] = field(default_factory=list)

    @property
    def point_count(self) -> int:
        return sum(len(t.points) for t in self.tracks)


def alt_m(pt: Point) -> float | None:
    """Altitude in metres: geometric when known, else barometric; None when unknown."""
    ft = pt.geo_alt_ft
    if ft is None:
        ft = pt.alt_ft
    return None if ft is None else round(float(ft) * FT_TO_M, 1)


def gather(case: Case, *, exclude_sensitive: bool = False) -> GeoData:
    """Tracks (split by source track), photo positions and the airports legs touch."""
    sensitive = {i["id"] for i in case.items() if i["sensitive"]} if exclude_sensitive else set()
    out = GeoData()
    fl = parts.flights(case, every_point=True)
    for a in fl.aircraft:
        label = aircraft_name(a)
        by_track: dict[str, TrackOut] = {}
        for pt in fl.points.get(a.id, []):
            tid = pt.track_id or "track"
            if tid not in by_track:
                iid = fl.track_items.get(tid)
                by_track[tid] = TrackOut(a.id, label, tid, iid,
                                         item_label=(short_refs.ref_of(case, iid) or "") if iid else "")
            by_track[tid].points.append(pt)
        out.tracks += [t for t in by_track.values() if t.item_id not in sensitive]
    codes: set[str] = set()
    for leg in fl.legs:
        for end in (leg.takeoff, leg.landing):
            if end.airport_icao:
                codes.add(end.airport_icao)
    out.places += _airports(sorted(codes))
    for info in photos_query.list_photos(case):
        gps, iid, cap = info.gps, info.item_id, info.capture
        if gps is None or iid in sensitive:
            continue
        out.places.append(PlaceOut("photo", iid, iid, float(gps.lat), float(gps.lon),
                                   {"item_id": iid, "position_source": gps.source,
                                    "capture_utc": cap.utc if cap else None,
                                    "capture_basis": cap.basis if cap else None,
                                    "camera": " ".join(x for x in (info.make, info.model) if x)}))
    return out


def _airports(codes: list[str]) -> list[PlaceOut]:
    out = []
    for code in codes:
        row = airport(code)
        if row:
            out.append(PlaceOut("airport", code, f"{code} {row['name']}", float(row["lat"]),
                                float(row["lon"]), {"icao": code, "name": row["name"],
                                                    "country": row["country"], "tz": row["tz"]}))
    return out
