"""GeoJSON (RFC 7946): tracks as LineStrings with their point times, photos and airports as Points."""

from __future__ import annotations

import json
from typing import Any

from casefile.flights.query import GAP_S, field_elevation
from casefile.model.flights import Point
from casefile.report.geodata import FT_TO_M, GeoData, alt_m


def abs_alt_m(p: Point) -> float | None:
    """Altitude above sea level in metres where known: a point on the ground (flagged so, or
    reported at altitude 0) is at its field's elevation when a field is near; None when unknown."""
    if p.on_ground or (p.alt_ft is not None and p.alt_ft <= 0 and not p.geo_alt_ft):
        elev = field_elevation(p.lat, p.lon)
        if elev is not None:
            return round(elev * FT_TO_M, 1)
    return alt_m(p)


def split_stretches(points: list[Point]) -> tuple[list[list[Point]], list[Point]]:
    """A track's usable points as continuous stretches (split where no position came for longer
    than GAP_S, as flights.query.stretches does), and its flagged points apart (drawn, never
    joined into the line)."""
    parts: list[list[Point]] = []
    flagged = [p for p in points if p.quality]
    for p in sorted((p for p in points if not p.quality), key=lambda p: p.at):
        if parts and p.at - parts[-1][-1].at <= GAP_S:
            parts[-1].append(p)
        else:
            parts.append([p])
    return parts, flagged


def _coord(p: Point, with_alt: bool) -> list[float]:
    """[lon, lat], or [lon, lat, metres] when asked and known."""
    alt = abs_alt_m(p)
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
        known = all(abs_alt_m(p) is not None for p in t.points)
        stretches, flagged = split_stretches(t.points)
        lines: list[list[list[float]]] = []
        times: list[list[str]] = []
        alone: list[Point] = list(flagged)
        for part in stretches:
            if len(part) < 2:
                alone.extend(part)        # a lone position between two gaps: a point, not a line
                continue
            k = 0
            for piece in _split([_coord(p, known) for p in part]):   # RFC 7946 §3.1.9
                lines.append(piece)
                times.append([p.time_utc for p in part[k:k + len(piece)]])
                k += len(piece)
        props = {"kind": "track", "aircraft_id": t.aircraft_id, "label": t.label,
                 "track_id": t.track_id, "item_id": t.item_id, "points": sum(map(len, lines)),
                 "altitude": "metres above sea level (geometric if known, else barometric; on "
                             "the ground the field's elevation)" if known else "omitted"}
        if lines:   # one line per continuous stretch: a coverage gap is drawn as a gap
            features.append({"type": "Feature", "geometry": {
                "type": "MultiLineString", "coordinates": lines}, "properties": {
                **props, "times_utc": times, "stretches": len(lines)}})
        if alone:
            alone.sort(key=lambda p: (p.t is not None, p.t or 0.0))   # untimed first
            features.append({"type": "Feature", "geometry": {
                "type": "MultiPoint", "coordinates": [_coord(p, known) for p in alone]},
                "properties": {**props, "kind": "track-points-apart", "points": len(alone),
                               "times_utc": [p.time_utc for p in alone],
                               "why": [p.quality or "a lone position between coverage gaps"
                                       for p in alone]}})
    for pl in data.places:
        features.append({"type": "Feature",
                         "geometry": {"type": "Point",
                                      "coordinates": [round(pl.lon, 6), round(pl.lat, 6)]},
                         "properties": {"kind": pl.kind, "id": pl.id, "name": pl.name, **pl.props}})
    doc = {"type": "FeatureCollection", "name": title, "features": features}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
