"""The map figure: flight tracks, airports and photo positions on a lat/lon grid (and land outlines
from the offline world map when it is available)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from casefile.report.pdf.styles import SANS, shape

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
Ring = list[tuple[float, float]]


@dataclass
class MapData:
    tracks: list[tuple[str, list[tuple[float, float]]]] = field(default_factory=list)  # label, (lat, lon)
    airports: list[tuple[str, float, float]] = field(default_factory=list)
    photos: list[tuple[str, float, float]] = field(default_factory=list)

    def points(self) -> list[tuple[float, float]]:
        pts = [pt for _, tr in self.tracks for pt in tr]
        pts += [(lat, lon) for _, lat, lon in self.airports + self.photos]
        return [(a, b) for a, b in pts if _valid(a, b)]


def _valid(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def _bounds(pts: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    lats = [a for a, _ in pts]
    lons = [b for _, b in pts]
    s, n, w, e = min(lats), max(lats), min(lons), max(lons)
    pad = max(0.5, (n - s) * 0.08, (e - w) * 0.08)
    s, n, w, e = max(-90, s - pad), min(90, n + pad), max(-180, w - pad), min(180, e + pad)
    return s, n, w, e


def _step(span: float) -> float:
    for step in (0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 45, 60, 90):
        if span / step <= 8:
            return step
    return 90


def map_figure(data: MapData, land: Sequence[Ring] | None, width: float = 495,
               height: float = 330) -> Drawing | None:
    """An equirectangular map fitted to the data; None when nothing has a position."""
    pts = data.points()
    if not pts:
        return None
    s, n, w, e = _bounds(pts)
    kx = math.cos(math.radians((s + n) / 2))
    scale = min(width / max((e - w) * kx, 1e-6), height / max(n - s, 1e-6))
    dw, dh = (e - w) * kx * scale, (n - s) * scale
    d = Drawing(width, dh + (26 if data.tracks else 14))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - w) * kx * scale, (lat - s) * scale

    d.add(Rect(0, 0, dw, dh, fillColor=colors.HexColor("#eef4fa"), strokeColor=colors.grey,
               strokeWidth=0.5))
    for ring in land or []:
        clipped = _clip(ring, w, e, s, n)
        if len(clipped) >= 3:
            d.add(Polygon([c for lon, lat in clipped for c in xy(lat, lon)],
                          fillColor=colors.HexColor("#e4e0d4"), strokeColor=colors.HexColor("#b0a890"),
                          strokeWidth=0.3))
    step = _step(max(n - s, e - w))
    _grid(d, xy, s, n, w, e, step, dw, dh)
    for i, (_label, track) in enumerate(data.tracks):
        color = colors.HexColor(PALETTE[i % len(PALETTE)])
        for part in split_antimeridian([pt for pt in track if _valid(*pt)]):
            coords = [c for lat, lon in part for c in xy(lat, lon)]
            if len(coords) >= 4:
                d.add(PolyLine(coords, strokeColor=color, strokeWidth=0.9))
            if part:      # a dot at the last point keeps a short track (e.g. taxiing) visible
                x, y = xy(*part[-1])
                d.add(Circle(x, y, 1.6, fillColor=color, strokeColor=None))
    for code, lat, lon in data.airports:
        if _valid(lat, lon):
            x, y = xy(lat, lon)
            d.add(Rect(x - 2.2, y - 2.2, 4.4, 4.4, fillColor=colors.black, strokeColor=None))
            d.add(String(x + 3.5, y + 2, shape(code), fontName=SANS, fontSize=6))
    for _label, lat, lon in data.photos:
        if _valid(lat, lon):
            x, y = xy(lat, lon)
            d.add(Circle(x, y, 2.6, fillColor=colors.HexColor("#f59e0b"), strokeColor=colors.black,
                         strokeWidth=0.4))
    legend = "Lines: tracks (one colour per aircraft)  ■ airports  ● photo positions"
    d.add(String(0, dh + 4, legend, fontName=SANS, fontSize=6.5))
    _track_key(d, [label for label, _ in data.tracks], dh + 15, width)
    return d


def _track_key(d: Drawing, labels: list[str], y: float, width: float) -> None:
    """One coloured line and label per track, in the colours the map draws them."""
    x = 0.0
    for i, label in enumerate(labels):
        text = shape(label)
        room = 22 + len(text) * 6.5 * 0.62 + 12      # DejaVu Sans is at most ~0.62 em a character
        if x + room > width:
            break
        color = colors.HexColor(PALETTE[i % len(PALETTE)])
        d.add(Line(x, y + 2.2, x + 18, y + 2.2, strokeColor=color, strokeWidth=1.6))
        d.add(String(x + 22, y, text, fontName=SANS, fontSize=6.5))
        x += room


def split_antimeridian(track: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a (lat, lon) track where it crosses ±180° so no line runs across the whole map."""
    parts: list[list[tuple[float, float]]] = []
    for pt in track:
        if parts and parts[-1] and abs(pt[1] - parts[-1][-1][1]) <= 180:
            parts[-1].append(pt)
        else:
            parts.append([pt])
    return parts


def _grid(d: Drawing, xy: Callable[[float, float], tuple[float, float]], s: float, n: float,
          w: float, e: float, step: float, dw: float, dh: float) -> None:
    grey = colors.HexColor("#9aa7b4")
    lat = math.ceil(s / step) * step
    while lat <= n:
        _, y = xy(lat, w)
        d.add(Line(0, y, dw, y, strokeColor=grey, strokeWidth=0.25, strokeDashArray=[1, 2]))
        d.add(String(2, y + 1.5, f"{lat:g}°", fontName=SANS, fontSize=5.5, fillColor=grey))
        lat += step
    lon = math.ceil(w / step) * step
    while lon <= e:
        x, _ = xy(s, lon)
        d.add(Line(x, 0, x, dh, strokeColor=grey, strokeWidth=0.25, strokeDashArray=[1, 2]))
        d.add(String(x + 1.5, 2, f"{lon:g}°", fontName=SANS, fontSize=5.5, fillColor=grey))
        lon += step


def _clip(ring: Ring, w: float, e: float, s: float, n: float) -> Ring:
    """Clip a (lon, lat) ring to the map's box (Sutherland–Hodgman)."""
    edges = [(0, w, True), (0, e, False), (1, s, True), (1, n, False)]
    out = list(ring)
    for axis, bound, keep_above in edges:
        if not out:
            break
        src, out = out, []

        def inside(pt: tuple[float, float], axis: int = axis, bound: float = bound,
                   keep_above: bool = keep_above) -> bool:
            return pt[axis] >= bound if keep_above else pt[axis] <= bound

        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(_cross(prev, cur, axis, bound))
                out.append(cur)
            elif inside(prev):
                out.append(_cross(prev, cur, axis, bound))
            prev = cur
    return out


def _cross(a: tuple[float, float], b: tuple[float, float], axis: int,
           bound: float) -> tuple[float, float]:
    t = (bound - a[axis]) / ((b[axis] - a[axis]) or 1e-12)
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
