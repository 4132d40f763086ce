"""OpenSky state vectors CSV (historical-dataset columns; SI units, converted to ft, kt, ft/min)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from casefile.importers.flights.common import (
    FPM_PER_MS,
    FT_PER_M,
    KT_PER_MS,
    FlightImporter,
    ParsedFlights,
    ParsedTrack,
    finish,
    num,
    position,
    require_columns,
)
from casefile.importers.flights.fr24_csv import decode
from casefile.importers.flights.gz import plain_head
from casefile.importers.registry import register
from casefile.reference.icao24 import normalise_hex
from casefile.tracks.gcpause import paused

_BOOL = {"true": True, "false": False, "1": True, "0": False, "": None}


def _scaled(value: str, name: str, factor: float) -> float | None:
    x = num(value, name)
    return None if x is None else x * factor


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
        for row in reader:
            if not row:
                continue
            try:
                if len(row) != width:
                    raise ValueError(f"{len(row)} fields, the header has {width}")
                if not row[c_lat].strip() and not row[c_lon].strip():
                    no_position += 1
                    continue
                hexa = normalise_hex(row[c_hex])
                if hexa is None:
                    raise ValueError(f"icao24 {row[c_hex]!r} is not a 24-bit hex address")
                t = num(row[c_pos_t], "lastposupdate") if c_pos_t is not None else None
                if t is None:
                    t = num(row[c_t], "time")
                if t is None:
                    raise ValueError("time is empty")
                lat, lon = position(row[c_lat], row[c_lon])
                gnd = None
                if c_gnd is not None:
                    key = row[c_gnd].strip().lower()
                    if key not in _BOOL:
                        raise ValueError(f"onground {row[c_gnd]!r} is not true/false")
                    gnd = _BOOL[key]
                cs = row[c_cs].strip() if c_cs is not None else ""
                point = (t, lat, lon,
                         _scaled(row[c_baro], "baroaltitude", FT_PER_M) if c_baro is not None else None,
                         _scaled(row[c_geo], "geoaltitude", FT_PER_M) if c_geo is not None else None,
                         gnd,
                         _scaled(row[c_vel], "velocity", KT_PER_MS) if c_vel is not None else None,
                         num(row[c_hdg], "heading") if c_hdg is not None else None,
                         _scaled(row[c_vr], "vertrate", FPM_PER_MS) if c_vr is not None else None,
                         cs or None, "opensky", 0)
            except ValueError as exc:
                out.warn(path, f"line {reader.line_num}", f"skipped: {exc}")
                continue
            trk = tracks.get(hexa)
            if trk is None:
                trk = tracks[hexa] = ParsedTrack("opensky-states-csv", icao24=hexa)
            trk.rows.append(point)
        if no_position:
            out.notes.append(f"{no_position} state vector(s) without a position (not positions, "
                             "not errors) were left out")
        out.tracks = list(tracks.values())
        return finish(path, out)


register(OpenSkyStatesCsv())
