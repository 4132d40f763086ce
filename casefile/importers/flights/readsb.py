"""ADS-B Exchange / readsb / tar1090 trace JSON (trace_full_<hex>.json), plain or gzip."""

from __future__ import annotations

import json
from pathlib import Path

from casefile.errors import CorruptFile
from casefile.importers.flights.common import (
    FlightImporter,
    ParsedFlights,
    ParsedTrack,
    finish,
    num,
    position,
)
from casefile.importers.flights.gz import plain_head
from casefile.importers.registry import register
from casefile.tracks.gcpause import paused


def _head_text(head: bytes) -> str:
    return plain_head(head, 4096)[:4096].decode("utf-8", "replace")


class ReadsbTrace(FlightImporter):
    name = "readsb-trace"
    extensions = (".json", ".gz")

    def score(self, path: Path, head: bytes, mime: str) -> float:
        text = _head_text(head)
        if text.lstrip().startswith("{") and '"trace"' in text and '"icao"' in text:
            return 0.95
        return 0.0

    @paused
    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        raw = self.read(path, data)
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CorruptFile(f"not valid JSON ({exc.msg}, column {exc.colno}); the file may be "
                              "truncated", path, line=exc.lineno) from None
        except UnicodeDecodeError as exc:
            raise CorruptFile(f"not UTF-8 text ({exc.reason})", path) from None
        if not isinstance(doc, dict) or not isinstance(doc.get("trace"), list):
            raise CorruptFile("not a readsb trace: no 'trace' list at the top level", path)
        try:
            base = num(doc.get("timestamp"), "timestamp")
        except ValueError as exc:
            raise CorruptFile(str(exc), path, field="timestamp") from None
        if base is None:
            raise CorruptFile("no 'timestamp' (the trace's base time)", path, field="timestamp")
        icao = str(doc.get("icao") or "").strip().lower()
        flags = doc.get("dbFlags")
        military = True if isinstance(flags, int) and flags & 1 else None
        trk = ParsedTrack("readsb-trace", icao24=None if icao.startswith("~") else icao or None,
                          registration=doc.get("r") or None, type_code=doc.get("t") or None,
                          description=doc.get("desc") or None, operator=doc.get("ownOp") or None,
                          military=military,
                          label=f"non-ICAO address {icao}" if icao.startswith("~") else "")
        out = ParsedFlights("readsb-trace", [trk])
        rows = trk.rows
        append = rows.append
        callsign = None
        trace = doc.pop("trace")
        del doc
        trace.reverse()              # pop() from the end frees each point once it is converted
        pop = trace.pop
        nums = (int, float)
        for i in range(len(trace)):
            p = pop()
            try:
                if type(p) is not list or len(p) < 8:
                    raise ValueError("a trace point needs at least 8 fields")
                dt, lat, lon, alt, gs, track, f, vr = p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]
                n = len(p)
                det = p[8] if n > 8 else None
                src = p[9] if n > 9 else None
                geo = p[10] if n > 10 else None
                if type(lat) is not float or type(lon) is not float or not (
                        -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                    lat, lon = position(lat, lon)
                if type(dt) not in nums:
                    dt = num(dt, "time offset")
                    if dt is None:
                        raise ValueError("time offset is empty")
                if alt == "ground":
                    alt, ground = None, True
                elif alt is None:
                    ground = None
                else:
                    if type(alt) not in nums:
                        alt = num(alt, "altitude")
                    ground = False
                if ((gs is not None and type(gs) not in nums)
                        or (track is not None and type(track) not in nums)
                        or (vr is not None and type(vr) not in nums)
                        or (geo is not None and type(geo) not in nums)):
                    bad = next(v for v in (gs, track, vr, geo) if v is not None and type(v) not in nums)
                    raise ValueError(f"{bad!r} is not a number (ground speed, track, vertical rate "
                                     "and geometric altitude must be numbers)")
                if det and type(det) is dict and det.get("flight"):
                    callsign = str(det["flight"]).strip() or callsign
                append((base + dt, lat, lon, alt, geo, ground, gs, track, vr, callsign, src,
                        1 if type(f) is int and f & 2 else 0))
            except (ValueError, TypeError) as exc:
                out.warn(path, f"trace[{i}]", f"skipped: {exc}")
        return finish(path, out)




register(ReadsbTrace())
