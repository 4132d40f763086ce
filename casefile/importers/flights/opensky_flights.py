"""OpenSky flight-list CSV (callsign, icao24, origin, destination, first/last seen, positions)."""

from __future__ import annotations

import csv
import math
from pathlib import Path

from casefile.importers.flights.fields import (
    FT_PER_M,
    csv_lines,
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
from casefile.timeutil import utc_iso_epoch

SOURCE = "the OpenSky flight list"


def _time(text: str, name: str) -> float:
    """Epoch seconds, or an ISO time; OpenSky states these in UTC, so a time without zone is UTC."""
    text = text.strip()
    try:
        x = num(text, name)
    except ValueError:
        try:
            return utc_iso_epoch(text, name)[0]
        except ValueError:
            raise ValueError(f"{name} {text!r} is neither epoch seconds nor an ISO time") from None
    if x is None:
        raise ValueError(f"{name} is empty")
    return x


def _time_of(row: PointRow) -> float:
    return math.inf if row[0] is None else row[0]


class OpenSkyFlightList(FlightImporter):
    name = "opensky-flights-csv"
    extensions = (".csv",)

    def score(self, path: Path, head: bytes, mime: str) -> float:
        cols = header_columns(head)
        if {"icao24", "firstseen", "lastseen"} <= cols:
            return 0.92
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        text = utf8_text(path, self.read(path, data))
        reader = csv.reader(csv_lines(path, text))
        header = next(reader, [])
        col = require_columns(path, header, ("icao24", "firstseen", "lastseen"),
                              "OpenSky flight-list CSV")
        g = col.get
        out = ParsedFlights("opensky-flights-csv")
        tracks: dict[str, ParsedTrack] = {}
        width = len(header)

        def cell(row: list[str], name: str) -> str:
            i = g(name)
            return row[i].strip() if i is not None else ""

        for row in reader:
            if not row:
                continue
            try:
                if len(row) != width:
                    raise ValueError(f"{len(row)} fields, the header has {width}")
                hexa = normalise_hex(cell(row, "icao24"))
                if hexa is None:
                    raise ValueError(f"icao24 {cell(row, 'icao24')!r} is not a 24-bit hex address")
                first, last = _time(cell(row, "firstseen"), "firstseen"), _time(cell(row, "lastseen"),
                                                                               "lastseen")
                if last < first:
                    raise ValueError("lastseen is before firstseen")
                cs = cell(row, "callsign") or None
                points = []
                for k, t in (("1", first), ("2", last)):
                    lat, lon = cell(row, f"latitude_{k}"), cell(row, f"longitude_{k}")
                    if lat or lon:
                        la, lo = position(lat, lon)
                        alt = num(cell(row, f"altitude_{k}"), f"altitude_{k}")
                        points.append((t, la, lo, None if alt is None else alt * FT_PER_M, None,
                                       None, None, None, None, cs, "opensky-flights", 0))
                stated = {"firstseen": first, "lastseen": last, "origin": cell(row, "origin") or None,
                          "destination": cell(row, "destination") or None, "callsign": cs,
                          "number": cell(row, "number") or None, "source": SOURCE}
            except ValueError as exc:
                out.warn(path, f"line {reader.line_num}", f"skipped: {exc}")
                continue
            trk = tracks.get(hexa)
            if trk is None:
                trk = tracks[hexa] = ParsedTrack("opensky-flights-csv", icao24=hexa,
                                                 registration=cell(row, "registration") or None,
                                                 type_code=cell(row, "typecode") or None)
            trk.rows.extend(points)
            trk.stated.append(stated)
            if not points:
                out.notes.append(f"line {reader.line_num}: flight {cs or hexa} has no positions; "
                                 "its stated origin/destination are kept with the track")
        for trk in tracks.values():
            trk.rows.sort(key=_time_of)  # a list of flights, not a time series
        out.tracks = list(tracks.values())
        return finish(path, out)


register(OpenSkyFlightList())
