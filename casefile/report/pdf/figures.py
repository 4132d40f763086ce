"""The map figure: flight tracks, airports and photo positions on a lat/lon grid (and land outlines
from the offline world map when it is available)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from casefile.report.mapdata import MapData, MapTrack, Ring, valid
from casefile.report.pdf.styles import SANS, register_fonts, shape

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]


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


KEY_SIZE = 6.5
KEY_ROW = 10.0


def _key_rows(labels: list[str], width: float) -> list[list[tuple[int, str, float]]]:
    """The key's entries (index, text, x) laid out in rows that fit `width`: every one is shown."""
    rows: list[list[tuple[int, str, float]]] = [[]]
    x = 0.0
    for i, label in enumerate(labels):
        text = shape(label)
        room = 22 + stringWidth(text, SANS, KEY_SIZE) + 12
        if x and x + room > width:
            rows.append([])
            x = 0.0
        rows[-1].append((i, text, x))
        x += room
    return rows if rows[0] else []


def track_color(track: MapTrack, i: int) -> colors.Color:
    return colors.HexColor(track.color or PALETTE[i % len(PALETTE)])


def map_figure(data: MapData, land: Sequence[Ring] | None, width: float = 495,
               height: float = 330) -> Drawing | None:
    """An equirectangular map fitted to the data, with a key naming every aircraft in its
    colour; None when nothing has a position."""
    pts = data.points()
    if not pts:
        return None
    register_fonts()
    s, n, w, e = _bounds(pts)
    kx = math.cos(math.radians((s + n) / 2))
    scale = min(width / max((e - w) * kx, 1e-6), height / max(n - s, 1e-6))
    dw, dh = (e - w) * kx * scale, (n - s) * scale
    rows = _key_rows([t.label for t in data.tracks], width)
    d = Drawing(width, dh + 14 + KEY_ROW * len(rows) + (2 if rows else 0))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - w) * kx * scale, (lat - s) * scale

    d.add(Rect(0, 0, dw, dh, fillColor=colors.HexColor("#eef4fa"), strokeColor=colors.grey,
               strokeWidth=0.5))
    for ring in land or []:
        for clipped in land_pieces(ring, w, e, s, n):
            d.add(Polygon([c for lon, lat in clipped for c in xy(lat, lon)],
                          fillColor=colors.HexColor("#e4e0d4"),
                          strokeColor=colors.HexColor("#b0a890"), strokeWidth=0.3))
    step = _step(max(n - s, e - w))
    _grid(d, xy, s, n, w, e, step, dw, dh)
    n = len(data.tracks)
    for i, track in enumerate(data.tracks):
        color = track_color(track, i)
        # earlier tracks a little wider, so two aircraft on one route both stay visible
        line_w = 0.9 + (1.2 * (n - 1 - i) / (n - 1) if 1 < n <= 6 else 0.0)
        last: tuple[float, float] | None = None
        for stretch in track.stretches:
            good = [pt for pt in stretch if valid(*pt)]
            if not good:
                continue
            if last is not None and abs(good[0][1] - last[1]) <= 180:
                # a coverage gap: dotted and thin, so it never reads as a flown path
                d.add(Line(*xy(*last), *xy(*good[0]), strokeColor=color, strokeWidth=0.6,
                           strokeDashArray=[1, 2.5]))
            for part in split_antimeridian(good):
                coords = [c for lat, lon in part for c in xy(lat, lon)]
                if len(coords) >= 4:
                    d.add(PolyLine(coords, strokeColor=color, strokeWidth=line_w))
                if part:      # a dot at the last point keeps a short track (e.g. taxiing) visible
                    x, y = xy(*part[-1])
                    d.add(Circle(x, y, 1.6, fillColor=color, strokeColor=None))
            last = good[-1]
    for code, lat, lon in data.airports:
        if valid(lat, lon):
            x, y = xy(lat, lon)
            d.add(Rect(x - 2.2, y - 2.2, 4.4, 4.4, fillColor=colors.black, strokeColor=None))
            d.add(String(x + 3.5, y + 2, shape(code), fontName=SANS, fontSize=6))
    for label, lat, lon in data.photos:
        if valid(lat, lon):
            x, y = xy(lat, lon)
            d.add(Circle(x, y, 2.6, fillColor=colors.HexColor("#f59e0b"), strokeColor=colors.black,
                         strokeWidth=0.4))
            if label:
                d.add(String(x - 3, y - 8.5, shape(label), fontName=SANS, fontSize=5.5,
                             textAnchor="end"))
    legend = ("Solid lines: tracks, one colour per aircraft; dotted: a coverage gap (no position "
              "received)  ■ airports  ● photo positions")
    d.add(String(0, dh + 4, legend, fontName=SANS, fontSize=KEY_SIZE))
    for r, row in enumerate(rows):
        y = dh + 14 + KEY_ROW * (len(rows) - 1 - r)
        for i, text, x in row:
            color = track_color(data.tracks[i], i)
            d.add(Line(x, y + 2.2, x + 18, y + 2.2, strokeColor=color, strokeWidth=1.6))
            d.add(String(x + 22, y, text, fontName=SANS, fontSize=KEY_SIZE))
    return d


def land_pieces(ring: Ring, w: float, e: float, s: float, n: float) -> list[Ring]:
    """A (lon, lat) land ring clipped to the box. A ring that crosses ±180° (Russia, Antarctica)
    is first made continuous and drawn once per 360° copy that meets the box, so no edge runs
    across the whole map (the band that once crossed the Atlantic near 70°N)."""
    flat = unwrap(ring)
    lo, hi = min(x for x, _ in flat), max(x for x, _ in flat)
    out = []
    for shift in (-360.0, 0.0, 360.0):
        if hi + shift < w or lo + shift > e:
            continue
        clipped = _clip([(x + shift, y) for x, y in flat], w, e, s, n)
        if len(clipped) >= 3:
            out.append(clipped)
    return out


def unwrap(ring: Ring) -> Ring:
    """The ring with longitudes made continuous (steps over 180° taken the short way round)."""
    if not ring:
        return []
    out = [ring[0]]
    off = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        if x1 - x0 > 180:
            off -= 360
        elif x0 - x1 > 180:
            off += 360
        out.append((x1 + off, y1))
    return out


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
