"""GeoJSON (RFC 7946): tracks as LineStrings with their point times, photos and airports as Points."""

from __future__ import annotations

import json
from typing import Any

from casefile.model.flights import Point
from casefile.report.geodata import GeoData, alt_m


def _coord(p: Point, with_alt: bool) -> list[float]:
    """[lon, lat], or [lon, lat, metres] when asked and known."""
    alt = alt_m(p)
    xy = [round(p.lon, 6), round(p.lat, 6)]
    return [*xy, alt] if with_alt and alt is not None else xy


def _split(coords: list[list[float]]) -> list[list[list[float]]]:
    parts: list[list[list[float]]] = []
    for c in coords:
        if parts and abs(c[0] - parts[-1][-1][0]) <= 180:
            parts[-1].append(c)
        else:
            parts.append([c])
    return parts


def to_geojson(data: GeoData, title: str) -> bytes:
    """A FeatureCollection; coordinates are [lon, lat] or [lon, lat, metres]."""
    features: list[dict[str, Any]] = []
    for t in data.tracks:
        known = all(alt_m(p) is not None for p in t.points)
        coords = [_coord(p, known) for p in t.points]
        parts = _split(coords)
        geom: dict[str, Any] | None
        if len(parts) > 1:   # RFC 7946 §3.1.9: cut at the antimeridian
            geom = {"type": "MultiLineString", "coordinates": parts}
        elif len(coords) >= 2:
            geom = {"type": "LineString", "coordinates": coords}
        else:
            geom = {"type": "Point", "coordinates": coords[0]} if coords else None
        features.append({"type": "Feature", "geometry": geom, "properties": {
            "kind": "track", "aircraft_id": t.aircraft_id, "label": t.label,
            "track_id": t.track_id, "item_id": t.item_id, "points": len(coords),
            "times_utc": [p.time_utc for p in t.points],
            "altitude": "metres (geometric if known, else barometric)" if known else "omitted"}})
    for pl in data.places:
        features.append({"type": "Feature",
                         "geometry": {"type": "Point",
                                      "coordinates": [round(pl.lon, 6), round(pl.lat, 6)]},
                         "properties": {"kind": pl.kind, "id": pl.id, "name": pl.name, **pl.props}})
    doc = {"type": "FeatureCollection", "name": title, "features": features}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
