"""ADS-B Exchange / readsb / tar1090 trace JSON (trace_full_<hex>.json), plain or gzip."""

from __future__ import annotations

import json
import zlib
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
from casefile.importers.registry import register

MAX_INFLATED = 2 << 30
_GZIP = b"\x1f\x8b"


def _inflate(path: Path, data: bytes) -> bytes:
    """Gunzip with a ceiling, so a gzip bomb is refused rather than filling memory."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, MAX_INFLATED)
    except zlib.error as exc:
        raise CorruptFile(f"broken gzip data: {exc}", path) from None
    if d.unconsumed_tail:
        raise CorruptFile(f"gzip data inflates to more than {MAX_INFLATED >> 20} MiB; refused", path)
    if not d.eof:
        raise CorruptFile("gzip data is truncated (the file ends early)", path)
    return out


def _head_text(head: bytes) -> str:
    if head.startswith(_GZIP):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
        except zlib.error:
            return ""
    return head[:4096].decode("utf-8", "replace")


class ReadsbTrace(FlightImporter):
    name = "readsb-trace"
    extensions = (".json", ".gz")

    def score(self, path: Path, head: bytes, mime: str) -> float:
        text = _head_text(head)
        if text.lstrip().startswith("{") and '"trace"' in text and '"icao"' in text:
            return 0.95
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        raw = self.read(path, data)
        if raw.startswith(_GZIP):
            raw = _inflate(path, raw)
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
        for i, p in enumerate(doc["trace"]):
            try:
                if not isinstance(p, list) or len(p) < 7:
                    raise ValueError("a trace point needs at least 7 fields")
                dt, lat, lon, alt = p[0], p[1], p[2], p[3]
                if type(lat) is not float or type(lon) is not float or not (
                        -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                    lat, lon = position(lat, lon)
                if type(dt) not in (float, int):
                    dt = num(dt, "time offset")
                    if dt is None:
                        raise ValueError("time offset is empty")
                if alt == "ground":
                    alt, ground = None, True
                elif alt is None:
                    ground = None
                else:
                    alt, ground = num(alt, "altitude"), False
                det = p[8] if len(p) > 8 else None
                if det and isinstance(det, dict) and det.get("flight"):
                    callsign = str(det["flight"]).strip() or callsign
                geo = p[10] if len(p) > 10 else None
                for name, v in (("ground speed", p[4]), ("track", p[5]), ("vertical rate", p[7]),
                                ("geometric altitude", geo)):
                    if v is not None and type(v) not in (int, float):
                        raise ValueError(f"{name} {v!r} is not a number")
                f = p[6] if type(p[6]) is int else 0
                append((base + dt, lat, lon, alt, geo, ground,
                        p[4], p[5], p[7], callsign, p[9] if len(p) > 9 else None,
                        1 if f & 2 else 0))
            except (ValueError, TypeError) as exc:
                out.warn(path, f"trace[{i}]", f"skipped: {exc}")
        return finish(path, out)




register(ReadsbTrace())
