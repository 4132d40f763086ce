"""Position records as the `traffic` library writes them (JSON, plain or gzip): a list of records,
or a table by column (pandas' default `to_json`), one record per position report.

Fields: `timestamp` (epoch ms, or an ISO time), `icao24`, `callsign`, `latitude`, `longitude`,
`altitude` (barometric ft), `geoaltitude`, `groundspeed` (kt), `track`, `vertical_rate` (ft/min),
`onground`, sometimes `last_position` (epoch ms of the last real position) and `origin` /
`destination`. Nulls occur. One track per ICAO address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from casefile.errors import CorruptFile
from casefile.importers.flights.fields import num, position
from casefile.importers.flights.fr24_json import load_json
from casefile.importers.flights.gz import plain_head
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.registry import register
from casefile.model.flights import ParsedTrack, PointRow
from casefile.reference.icao24 import normalise_hex
from casefile.timeutil import utc_iso_epoch

FORMAT = "traffic-json"
#: the fields that make a record a position report (at least these must be named)
NEEDED = ("timestamp", "icao24", "latitude", "longitude")
#: a position older than its record's time by more than this is stale (repeated, not new)
STALE_S = 0.5


#: every field a record may have (a column table names one of these first)
FIELDS = frozenset((*NEEDED, "callsign", "altitude", "geoaltitude", "groundspeed", "track",
                    "vertical_rate", "onground", "last_position", "squawk", "alert", "spi", "hour",
                    "origin", "destination", "flight_id"))
_COLUMN_TABLE = re.compile(r'\{\s*"(\w+)"\s*:\s*\{\s*"0"\s*:')


def looks_like_records(text: str) -> bool:
    """Whether a JSON head names the fields of a position record (or opens a column table of one)."""
    if all(f'"{k}"' in text for k in NEEDED):
        return True
    m = _COLUMN_TABLE.match(text)
    return m is not None and m.group(1) in FIELDS


def _records(doc: Any, path: Path) -> Iterator[tuple[str, Any]]:
    """(where, record) for each record of a list, or of a column table ({column: {row: value}})."""
    if isinstance(doc, list):
        for i, r in enumerate(doc):
            yield f"record {i}", r
        return
    if isinstance(doc, dict) and all(isinstance(v, dict) for v in doc.values()):
        missing = [k for k in NEEDED if k not in doc]
        if missing:
            raise CorruptFile(f"a column table without column(s) {', '.join(missing)}", path)
        keys = list(doc["timestamp"])
        for k in keys:
            yield f"row {k}", {c: col.get(k) for c, col in doc.items()}
        return
    raise CorruptFile("not a list of position records nor a table of columns", path)


def _epoch(v: Any, name: str) -> float | None:
    """Epoch seconds from epoch milliseconds/seconds or an ISO time (UTC when no zone)."""
    if isinstance(v, str) and not v.strip().lstrip("-").replace(".", "", 1).isdigit():
        return utc_iso_epoch(v.strip(), name)[0]
    x = num(v, name)
    if x is None:
        return None
    return x / 1000.0 if abs(x) > 1e11 else x   # epoch ms (traffic's own) or seconds


def _row(r: Any) -> tuple[str, PointRow, float]:
    """(hex, point row, the record's own time): a stale position is timed at its last update."""
    if not isinstance(r, dict):
        raise ValueError("a record must be an object")
    hexa = normalise_hex(str(r.get("icao24") or ""))
    if hexa is None:
        raise ValueError(f"icao24 {r.get('icao24')!r} is not a 24-bit hex address")
    t = _epoch(r.get("timestamp"), "timestamp")
    if t is None:
        raise ValueError("no timestamp")
    lat, lon = position(r.get("latitude"), r.get("longitude"))
    t_record = t
    if r.get("last_position") is not None:
        tp = _epoch(r.get("last_position"), "last_position")
        if tp is not None and t - tp > STALE_S:
            t = tp      # the position is from its last update, not from the record's time
    ground = r.get("onground")
    if ground not in (True, False, None):
        raise ValueError(f"onground {ground!r} is not true/false")
    cs = r.get("callsign")
    return hexa, (t, lat, lon, num(r.get("altitude"), "altitude"),
                  num(r.get("geoaltitude"), "geoaltitude"), ground,
                  num(r.get("groundspeed"), "groundspeed"), num(r.get("track"), "track"),
                  num(r.get("vertical_rate"), "vertical_rate"),
                  # the record does not say how the position was found (OpenSky's records mix
                  # ADS-B and MLAT): the format's name, not a position source
                  str(cs).strip() or None if cs is not None else None, "traffic", 0), t_record


class TrafficJson(FlightImporter):
    name = FORMAT
    extensions = (".json", ".gz")

    def score(self, path: Path, head: bytes, mime: str) -> float:
        text = plain_head(head)[:8192].decode("utf-8", "replace").lstrip()
        if text[:1] in "[{" and looks_like_records(text) and '"trace"' not in text:
            return 0.85
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        doc = load_json(path, self.read(path, data))
        out = ParsedFlights(FORMAT)
        by_hex: dict[str, ParsedTrack] = {}
        record_t: dict[str, list[float]] = {}
        stale = repeats = 0
        for where, r in _records(doc, path):
            try:
                hexa, row, t_record = _row(r)
            except ValueError as exc:
                out.warn(path, where, f"skipped: {exc}")
                continue
            trk = by_hex.get(hexa)
            if trk is None:
                trk = by_hex[hexa] = ParsedTrack(FORMAT, icao24=hexa)
                out.tracks.append(trk)
                record_t[hexa] = []
            if not trk.flight and isinstance(r, dict) and (r.get("origin") or r.get("destination")):
                trk.flight = {"source": "the traffic record", "callsign": row[9],
                              "origin": {"icao": r.get("origin")},
                              "destination": {"icao": r.get("destination")}}
            stale += row[0] != t_record
            if trk.rows and row[0] == t_record and row[1:9] == trk.rows[-1][1:9]:
                # every value the same as the record before (data resampled, or a transponder's
                # last report repeated): kept at its own time, a repeat, not bad data: it shows
                # the aircraft was still reported there (last seen, `where`)
                repeats += 1
            trk.rows.append(row)
            record_t[hexa].append(t_record)
        if stale:
            out.notes.append(f"{stale} record(s) repeat an older position (last_position before "
                             "timestamp): each is timed at its last update, so a repeat shows as "
                             "a duplicate or out-of-order time and is kept out of legs")
        if repeats:
            out.notes.append(f"{repeats} record(s) repeat the record before in every value "
                             "(position, altitude, speed, track, vertical rate): counted as "
                             "repeats, kept at their own times: the aircraft was still reported "
                             "there (they add no movement)")
        for trk in out.tracks:
            times = record_t[trk.icao24 or ""]
            if any(b < a for a, b in zip(times, times[1:], strict=False)):
                order = sorted(range(len(times)), key=times.__getitem__)
                trk.rows = [trk.rows[k] for k in order]
                out.notes.append(f"the records of {trk.icao24} are not in time order in the file; "
                                 "they were read in time order")
        return finish(path, out)


register(TrafficJson())
