"""OpenSky state vectors CSV (historical-dataset columns; SI units, converted to ft, kt, ft/min).

Rows are read a chunk at a time and converted column by column: each column is checked in C and
read value by value only when that check fails, so a malformed row is skipped with a warning
naming its line (and its first problem) while the rest of its chunk converts as usual.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, islice, repeat
from pathlib import Path
from typing import Any, cast

from casefile.gcpause import paused
from casefile.importers.flights.fields import (
    FPM_PER_MS,
    FT_PER_M,
    KT_PER_MS,
    Bad,
    csv_lines,
    drop_bad_rows,
    num,
    position,
    require_columns,
    utf8_text,
)
from casefile.importers.flights.gz import header_columns
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.registry import register
from casefile.model.flights import ParsedTrack, PointRow
from casefile.reference.icao24 import normalise_hex

#: rows converted at a time (each chunk is transposed to columns)
CHUNK = 32768
_BOOL = {"true": True, "false": False, "1": True, "0": False, "": None}



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


class OpenSkyStatesCsv(FlightImporter):
    name = "opensky-states-csv"
    extensions = (".csv",)

    def score(self, path: Path, head: bytes, mime: str) -> float:
        cols = header_columns(head)
        if {"time", "icao24", "lat", "lon"} <= cols:
            return 0.9
        return 0.0

    @paused
    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        text = utf8_text(path, self.read(path, data))
        reader = csv.reader(csv_lines(path, text))
        header = next(reader, [])
        col = require_columns(path, header, ("time", "icao24", "lat", "lon"), "OpenSky state-vector CSV")
        g = col.get
        cols = Cols(col["time"], col["icao24"], col["lat"], col["lon"], g("lastposupdate"),
                    g("velocity"), g("heading"), g("vertrate"), g("callsign"), g("onground"),
                    g("baroaltitude"), g("geoaltitude"))
        out = ParsedFlights("opensky-states-csv")
        tracks: dict[str, ParsedTrack] = {}
        no_position = 0
        while True:
            chunk: list[list[str]] = []
            lines: list[int] = []
            for row in islice(reader, CHUNK):
                chunk.append(row)
                lines.append(reader.line_num)
            if not chunk:
                break
            groups, bad, unplaced = convert_chunk(chunk, len(header), cols)
            no_position += unplaced
            for k, message in bad:
                out.warn(path, f"line {lines[k]}", f"skipped: {message}")
            for hexa, points in groups:
                trk = tracks.get(hexa)
                if trk is None:
                    trk = tracks[hexa] = ParsedTrack("opensky-states-csv", icao24=hexa)
                trk.rows.extend(points)
        if no_position:
            out.notes.append(f"{no_position} state vector(s) without a position (not positions, "
                             "not errors) were left out")
        out.tracks = list(tracks.values())
        return finish(path, out)


def convert_chunk(rows: list[list[str]], width: int, c: Cols,
                  ) -> tuple[list[tuple[str, list[PointRow]]], list[tuple[int, str]], int]:
    """Convert CSV rows column by column.

    Returns ([(icao24, points)] in order of first appearance, [(row index, problem)] of the
    skipped rows in order, how many rows had no position). Blank lines are passed over; a row
    with neither latitude nor longitude is a state vector without a position, counted, not an
    error.
    """
    bad: Bad = {}
    kept: list[int] | None = None   # indices into rows of the rows still in play
    if set(map(len, rows)) != {width}:
        kept = []
        for k, row in enumerate(rows):
            if len(row) == width:
                kept.append(k)
            elif row:
                bad[k] = f"{len(row)} fields, the header has {width}"
        rows = [rows[k] for k in kept]
    if not rows:
        return [], sorted(bad.items()), 0
    cols = list(zip(*rows, strict=True))
    unplaced = _without_position(cols[c.lat], cols[c.lon])
    if unplaced:
        placed = [j not in unplaced for j in range(len(rows))]
        cols = [tuple(compress(col, placed)) for col in cols]
        kept = [k for k, keep in zip(kept or range(len(rows)), placed, strict=True) if keep]
    if not cols or not cols[0]:
        return [], sorted(bad.items()), len(unplaced)
    n = len(cols[0])
    col_bad: Bad = {}
    hex_of = {h: normalise_hex(h) for h in set(cols[c.hexa])}
    if None in hex_of.values():
        col_bad.update((j, f"icao24 {h!r} is not a 24-bit hex address")
                       for j, h in enumerate(cols[c.hexa]) if hex_of[h] is None)
    t = _times(cols[c.t], None if c.pos_t is None else cols[c.pos_t], col_bad)
    lat, lon = _positions(cols[c.lat], cols[c.lon], col_bad)
    ground: Sequence[bool | None] = (None,) * n
    if c.gnd is not None:
        ground = _ground_flags(cols[c.gnd], col_bad)
    callsign: Sequence[str | None] = (None,) * n
    if c.cs is not None:
        cs_of = {v: v.strip() or None for v in set(cols[c.cs])}
        callsign = list(map(cs_of.__getitem__, cols[c.cs]))
    baro, geo, vel, hdg, vr = (
        (None,) * n if k is None else _numbers(cols[k], name, factor, col_bad)
        for k, name, factor in ((c.baro, "baroaltitude", FT_PER_M), (c.geo, "geoaltitude", FT_PER_M),
                                (c.vel, "velocity", KT_PER_MS), (c.hdg, "heading", None),
                                (c.vr, "vertrate", FPM_PER_MS)))
    columns: list[Sequence[Any]] = [t, lat, lon, baro, geo, ground, vel, hdg, vr, callsign,
                                    cols[c.hexa]]
    columns = drop_bad_rows(columns, col_bad, kept, bad)
    n = len(columns[0])
    *values, raw_hex = columns
    points: list[PointRow] = list(zip(*values, repeat("opensky", n), repeat(0, n)))
    hex_ok = {h: x for h, x in hex_of.items() if x is not None}
    hexes = list(map(hex_ok.__getitem__, raw_hex))
    if len(set(hexes)) <= 1:
        groups = [(hexes[0], points)] if points else []
    else:
        by_hex: dict[str, list[PointRow]] = {}
        for h, p in zip(hexes, points, strict=True):
            by_hex.setdefault(h, []).append(p)
        groups = list(by_hex.items())
    return groups, sorted(bad.items()), len(unplaced)


def _without_position(lat: Sequence[str], lon: Sequence[str]) -> set[int]:
    """Rows whose latitude and longitude are both blank."""
    blank_lat = {v for v in set(lat) if not v.strip()}
    blank_lon = {v for v in set(lon) if not v.strip()}
    if not blank_lat or not blank_lon:
        return set()
    return {j for j, (a, b) in enumerate(zip(lat, lon, strict=True))
            if a in blank_lat and b in blank_lon}


def _finite(values: list[float | None]) -> bool:
    try:
        return math.isfinite(math.fsum(filter(None, values)))
    except (ValueError, OverflowError):   # inf - inf, or finite values summing past the range
        return False


def _numbers(col: Sequence[str], name: str, factor: float | None, bad: Bad) -> list[float | None]:
    """Finite numbers (None for empty fields) in our units; a row with anything else goes in bad."""
    values: list[float | None] | None
    try:
        values = list(map(float, col))
    except ValueError:
        try:
            values = [float(v) if v else None for v in col]
        except ValueError:
            values = None
    if values is None or not _finite(values):
        values = []
        for j, v in enumerate(col):
            try:
                values.append(num(v, name))
            except ValueError as exc:
                bad.setdefault(j, str(exc))
                values.append(None)
    if factor is None:
        return values
    return [None if x is None else x * factor for x in values]


def _times(when: Sequence[str], pos_t: Sequence[str] | None, bad: Bad) -> list[float | None]:
    """The position's time (lastposupdate) where given, else the row's time."""
    if pos_t is None:
        t = _numbers(when, "time", None, bad)
    else:
        t = _numbers(pos_t, "lastposupdate", None, bad)
        if None in t:
            row_bad: Bad = {}
            row_t = _numbers(when, "time", None, row_bad)
            for j in [j for j, x in enumerate(t) if x is None]:
                if j in row_bad:
                    bad.setdefault(j, row_bad[j])
                t[j] = row_t[j]
    if None in t:
        for j, x in enumerate(t):
            if x is None:
                bad.setdefault(j, "time is empty")
    return t


def _positions(lat: Sequence[str], lon: Sequence[str], bad: Bad) -> tuple[list[Any], list[Any]]:
    """Checked latitudes and longitudes; a row with a missing or impossible one goes in bad."""
    la, lo = _numbers(lat, "latitude", None, {}), _numbers(lon, "longitude", None, {})
    if None not in la and None not in lo:
        fla, flo = cast(list[float], la), cast(list[float], lo)
        if -90.0 <= min(fla) and max(fla) <= 90.0 and -180.0 <= min(flo) and max(flo) <= 180.0:
            return la, lo
    for j, (a, b) in enumerate(zip(lat, lon, strict=True)):
        try:
            la[j], lo[j] = position(a, b)
        except ValueError as exc:
            bad.setdefault(j, str(exc))
    return la, lo


def _ground_flags(col: Sequence[str], bad: Bad) -> list[bool | None]:
    """On-ground flags (true/false/1/0, empty for unknown); a row with anything else goes in bad."""
    flag_of: dict[str, bool | None] = {}
    wrong: set[str] = set()
    for v in set(col):
        key = v.strip().lower()
        if key in _BOOL:
            flag_of[v] = _BOOL[key]
        else:
            flag_of[v] = None
            wrong.add(v)
    if wrong:
        for j, v in enumerate(col):
            if v in wrong:
                bad.setdefault(j, f"onground {v!r} is not true/false")
    return list(map(flag_of.__getitem__, col))


register(OpenSkyStatesCsv())
