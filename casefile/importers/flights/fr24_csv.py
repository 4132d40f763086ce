"""Flightradar24 CSV export: Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction (ft, kt)."""

from __future__ import annotations

import csv
from pathlib import Path

from casefile.importers.flights.fields import csv_lines, num, position, require_columns, utf8_text
from casefile.importers.flights.gz import header_line
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.registry import register
from casefile.model.flights import ParsedTrack
from casefile.timeutil import parse_z


class FR24Csv(FlightImporter):
    name = "fr24-csv"
    extensions = (".csv",)

    def score(self, path: Path, head: bytes, mime: str) -> float:
        if header_line(head).startswith("timestamp,utc,callsign,position"):
            return 0.95
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        text = utf8_text(path, self.read(path, data))
        reader = csv.reader(csv_lines(path, text))
        header = next(reader, [])
        col = require_columns(path, header, ("timestamp", "position", "altitude", "speed",
                                             "direction"), "Flightradar24 CSV")
        c_ts, c_pos, c_alt, c_gs, c_dir = (col[k] for k in ("timestamp", "position", "altitude",
                                                             "speed", "direction"))
        c_utc, c_cs = col.get("utc"), col.get("callsign")
        out = ParsedFlights("fr24-csv")
        trk = ParsedTrack("fr24-csv")
        width = len(header)
        for row in reader:
            line = reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            try:
                if len(row) != width:
                    raise ValueError(f"{len(row)} fields, the header has {width}")
                t = num(row[c_ts], "Timestamp")
                if t is None:
                    raise ValueError("Timestamp is empty")
                if c_utc is not None and row[c_utc].strip():
                    try:
                        stated = parse_z(row[c_utc].strip()).timestamp()
                    except ValueError:
                        raise ValueError(f"UTC {row[c_utc]!r} is not an ISO time") from None
                    if abs(stated - t) > 1:
                        raise ValueError(f"Timestamp {row[c_ts]} and UTC {row[c_utc]} disagree")
                lat_s, _, lon_s = row[c_pos].partition(",")
                lat, lon = position(lat_s, lon_s)
                cs = row[c_cs].strip() if c_cs is not None else ""
                trk.rows.append((t, lat, lon, num(row[c_alt], "Altitude"), None, None,
                                 num(row[c_gs], "Speed"), num(row[c_dir], "Direction"), None,
                                 cs or None, None, 0))
            except ValueError as exc:
                out.warn(path, f"line {line}", f"skipped: {exc}")
        callsigns = trk.callsigns()
        trk.label = f"callsign {', '.join(callsigns)} (Flightradar24 CSV {path.name})" if callsigns else \
            f"unidentified aircraft (Flightradar24 CSV {path.name})"
        out.tracks.append(trk)
        return finish(path, out)


register(FR24Csv())
