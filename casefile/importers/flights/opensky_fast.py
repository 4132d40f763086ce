"""OpenSky state-vector CSV: converting a chunk of well-formed rows column-wise (in C where it can).

A chunk qualifies when every row has the header's width, a numeric position in range, a readable
time, a 24-bit address and a true/false ground flag, and every number is finite. Anything else
returns None and the importer reads that chunk row by row, which names each bad row; both ways
give the same points.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from casefile.importers.flights.common import FPM_PER_MS, FT_PER_M, KT_PER_MS
from casefile.reference.icao24 import normalise_hex

_BOOL = {"true": True, "false": False, "1": True, "0": False, "": None}
_MISSING = object()


@dataclass(frozen=True)
class Cols:
    """Column positions (None: the file has no such column)."""

    t: int
    hexa: int
    lat: int
    lon: int
    pos_t: int | None
    vel: int | None
    hdg: int | None
    vr: int | None
    cs: int | None
    gnd: int | None
    baro: int | None
    geo: int | None


def _finite(values: list[float | None]) -> bool:
    try:
        return math.isfinite(math.fsum(filter(None, values)))
    except (ValueError, OverflowError):   # inf - inf, or finite values summing past the range
        return False


def _numbers(col: Sequence[str]) -> list[float | None] | None:
    """Finite floats, None for empty fields (as common.num reads them); None if any is not one."""
    try:
        values: list[float | None] = list(map(float, col))
    except ValueError:
        try:
            values = [float(v) if v else None for v in col]
        except ValueError:
            return None
    return values if _finite(values) else None


def _scaled(col: Sequence[str] | None, factor: float, n: int) -> Any:
    if col is None:
        return repeat(None, n)
    values = _numbers(col)
    if values is None:
        return None
    return [None if x is None else x * factor for x in values]


def fast_chunk(rows: list[list[str]], width: int, c: Cols) -> list[tuple[str, list[tuple]]] | None:
    """[(icao24, points)] in order of first appearance, or None when the chunk needs row by row."""
    n = len(rows)
    if not n or set(map(len, rows)) != {width}:
        return None
    cols = list(zip(*rows, strict=True))
    lat, lon = _numbers(cols[c.lat]), _numbers(cols[c.lon])
    if (lat is None or lon is None or None in lat or None in lon
            or not (-90.0 <= min(lat) and max(lat) <= 90.0)           # type: ignore[type-var]
            or not (-180.0 <= min(lon) and max(lon) <= 180.0)):       # type: ignore[type-var]
        return None
    hex_of = {h: normalise_hex(h) for h in set(cols[c.hexa])}
    if None in hex_of.values():
        return None
    t = _numbers(cols[c.pos_t] if c.pos_t is not None else cols[c.t])
    if t is not None and c.pos_t is not None and None in t:   # no position time: the row's time
        when = _numbers(cols[c.t])
        t = None if when is None else [a if a is not None else b
                                       for a, b in zip(t, when, strict=True)]
    if t is None or None in t:
        return None
    ground: Any = repeat(None, n)
    if c.gnd is not None:
        flag_of = {v: _BOOL.get(v.strip().lower(), _MISSING) for v in set(cols[c.gnd])}
        if _MISSING in flag_of.values():
            return None
        ground = map(flag_of.__getitem__, cols[c.gnd])
    callsign: Any = repeat(None, n)
    if c.cs is not None:
        cs_of = {v: v.strip() or None for v in set(cols[c.cs])}
        callsign = map(cs_of.__getitem__, cols[c.cs])
    baro, geo, vel, vr = (_scaled(None if k is None else cols[k], f, n)
                          for k, f in ((c.baro, FT_PER_M), (c.geo, FT_PER_M), (c.vel, KT_PER_MS),
                                       (c.vr, FPM_PER_MS)))
    hdg: Any = repeat(None, n) if c.hdg is None else _numbers(cols[c.hdg])
    if baro is None or geo is None or vel is None or vr is None or hdg is None:
        return None
    points = list(zip(t, lat, lon, baro, geo, ground, vel, hdg, vr, callsign, repeat("opensky", n),
                      repeat(0, n)))
    hexes = list(map(hex_of.__getitem__, cols[c.hexa]))
    if len(hex_of) == 1 or len(set(hexes)) == 1:
        return [(hexes[0], points)]
    groups: dict[str, list[tuple]] = {}
    for h, p in zip(hexes, points, strict=True):
        groups.setdefault(h, []).append(p)
    return list(groups.items())
