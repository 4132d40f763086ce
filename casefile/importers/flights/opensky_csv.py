"""OpenSky state vectors CSV (historical-dataset columns; SI units, converted to ft, kt, ft/min)."""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import Path

from casefile.flights.gcpause import paused
from casefile.importers.flights.common import (
    FPM_PER_MS,
    FT_PER_M,
    KT_PER_MS,
    FlightImporter,
    ParsedFlights,
    ParsedTrack,
    finish,
    num,
    num_scaled,
    position,
    require_columns,
)
from casefile.importers.flights.fr24_csv import decode
from casefile.importers.flights.gz import plain_head
from casefile.importers.flights.opensky_fast import _BOOL, Cols, fast_chunk
from casefile.importers.registry import register
from casefile.reference.icao24 import normalise_hex


class OpenSkyStatesCsv(FlightImporter):
    name = "opensky-states-csv"
    extensions = (".csv",)

    def score(self, path: Path, head: bytes, mime: str) -> float:
        first = plain_head(head).lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].lower().decode("latin-1")
        cols = {c.strip() for c in first.split(",")}
        if {"time", "icao24", "lat", "lon"} <= cols:
            return 0.9
        return 0.0

    @paused
    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        text = decode(path, self.read(path, data))
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, [])
        col = require_columns(path, header, ("time", "icao24", "lat", "lon"), "OpenSky state-vector CSV")
        g = col.get
        c_t, c_hex, c_lat, c_lon = col["time"], col["icao24"], col["lat"], col["lon"]
        c_pos_t = g("lastposupdate")
        c_vel, c_hdg, c_vr, c_cs = g("velocity"), g("heading"), g("vertrate"), g("callsign")
        c_gnd, c_baro, c_geo = g("onground"), g("baroaltitude"), g("geoaltitude")
        out = ParsedFlights("opensky-states-csv")
        tracks: dict[str, ParsedTrack] = {}
        width = len(header)
        no_position = 0
        cols = Cols(c_t, c_hex, c_lat, c_lon, c_pos_t, c_vel, c_hdg, c_vr, c_cs, c_gnd, c_baro, c_geo)
        while True:
            chunk: list[list[str]] = []
            lines: list[int] = []
            for row in islice(reader, CHUNK):
                chunk.append(row)
                lines.append(reader.line_num)
            if not chunk:
                break
            fast = fast_chunk(chunk, width, cols)
            if fast is None:   # row by row, naming each bad row
                fast, skipped = self._rows(path, out, chunk, lines, width, cols)
                no_position += skipped
            for hexa, points in fast:
                trk = tracks.get(hexa)
                if trk is None:
                    trk = tracks[hexa] = ParsedTrack("opensky-states-csv", icao24=hexa)
                trk.rows.extend(points)
        if no_position:
            out.notes.append(f"{no_position} state vector(s) without a position (not positions, "
                             "not errors) were left out")
        out.tracks = list(tracks.values())
        return finish(path, out)

    @staticmethod
    def _rows(path: Path, out: ParsedFlights, chunk: list[list[str]], lines: list[int], width: int,
              c: Cols) -> tuple[list[tuple[str, list[tuple]]], int]:
        """([(icao24, points)] in order of first appearance, rows without a position) of a chunk
        read row by row; each bad row is skipped with a warning naming its line."""
        groups: dict[str, list[tuple]] = {}
        no_position = 0
        for row, line in zip(chunk, lines, strict=True):
            if not row:
                continue
            try:
                if len(row) != width:
                    raise ValueError(f"{len(row)} fields, the header has {width}")
                if not row[c.lat].strip() and not row[c.lon].strip():
                    no_position += 1
                    continue
                hexa = normalise_hex(row[c.hexa])
                if hexa is None:
                    raise ValueError(f"icao24 {row[c.hexa]!r} is not a 24-bit hex address")
                t = num(row[c.pos_t], "lastposupdate") if c.pos_t is not None else None
                if t is None:
                    t = num(row[c.t], "time")
                if t is None:
                    raise ValueError("time is empty")
                lat, lon = position(row[c.lat], row[c.lon])
                gnd = None
                if c.gnd is not None:
                    key = row[c.gnd].strip().lower()
                    if key not in _BOOL:
                        raise ValueError(f"onground {row[c.gnd]!r} is not true/false")
                    gnd = _BOOL[key]
                cs = row[c.cs].strip() if c.cs is not None else ""
                point = (t, lat, lon,
                         num_scaled(row[c.baro], "baroaltitude", FT_PER_M) if c.baro is not None else None,
                         num_scaled(row[c.geo], "geoaltitude", FT_PER_M) if c.geo is not None else None,
                         gnd,
                         num_scaled(row[c.vel], "velocity", KT_PER_MS) if c.vel is not None else None,
                         num(row[c.hdg], "heading") if c.hdg is not None else None,
                         num_scaled(row[c.vr], "vertrate", FPM_PER_MS) if c.vr is not None else None,
                         cs or None, "opensky", 0)
            except ValueError as exc:
                out.warn(path, f"line {line}", f"skipped: {exc}")
                continue
            groups.setdefault(hexa, []).append(point)
        return list(groups.items()), no_position


#: rows converted at a time (the column-wise fast path transposes one chunk)
CHUNK = 32768


register(OpenSkyStatesCsv())
