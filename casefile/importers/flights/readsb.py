"""ADS-B Exchange / readsb / tar1090 trace JSON (trace_full_<hex>.json), plain or gzip."""

from __future__ import annotations

import json
import math
from itertools import compress, repeat
from operator import add
from pathlib import Path
from typing import Any

from casefile.errors import CorruptFile
from casefile.flights.gcpause import paused
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
        trace = doc.pop("trace")
        del doc
        callsign: str | None = None
        for lo in range(0, len(trace), CHUNK):
            part = trace[lo:lo + CHUNK]
            trace[lo:lo + CHUNK] = [None] * len(part)   # each chunk's points freed once converted
            done, after = _fast_chunk(part, base, callsign, trk.rows)
            callsign = after if done else _slow_chunk(path, out, part, lo, base, callsign)
            del part
        return finish(path, out)


#: points converted at a time: the column-wise fast path transposes one chunk
CHUNK = 32768
_NUMS = (int, float)
_NUMERIC = frozenset((int, float, type(None)))
#: an altitude as stored, and the ground flag it implies ("ground" -> None/True, None -> None/None)
_ALT = {"ground": None, None: None}
_GROUND = {"ground": True, None: None}


def _fast_chunk(part: list[Any], base: float, callsign: str | None,
                rows: list[tuple]) -> tuple[bool, str | None]:
    """Convert a chunk column-wise (in C) when every point is well-formed; (False, _) otherwise.

    Well-formed: lists of one length >= 8, float positions in range, numeric time offsets, speeds,
    tracks, rates and geometric altitudes, altitudes numeric, null or "ground". Anything else goes
    point by point (_slow_chunk), which gives the same rows and names each bad point. Appends the
    rows and returns (True, the callsign in force after the chunk).
    """
    n = len(part)
    if not n or set(map(type, part)) != {list}:
        return False, callsign
    widths = set(map(len, part))
    width = widths.pop()
    if widths or width < 8:
        return False, callsign
    cols = list(zip(*part, strict=True))
    dt, lat, lon, alt, gs, track, f, vr = cols[:8]
    for c in (lat, lon):
        if set(map(type, c)) != {float} or not math.isfinite(sum(c)):
            return False, callsign
    if not (-90.0 <= min(lat) and max(lat) <= 90.0 and -180.0 <= min(lon) and max(lon) <= 180.0):
        return False, callsign
    if not set(map(type, dt)) <= _NUMERIC - {type(None)}:
        return False, callsign
    geo = cols[10] if width > 10 else repeat(None, n)
    for c in (gs, track, vr, *((geo,) if width > 10 else ())):
        if not set(map(type, c)) <= _NUMERIC:
            return False, callsign
    alt_types = set(map(type, alt))
    if not alt_types <= _NUMERIC | {str} or (
            str in alt_types and list(map(type, alt)).count(str) != alt.count("ground")):
        return False, callsign
    if str in alt_types or type(None) in alt_types:
        alts = list(map(_ALT.get, alt, alt))
        grounds: Any = list(map(_GROUND.get, alt, repeat(False)))
    else:
        alts, grounds = alt, repeat(False)
    if set(map(type, f)) == {int}:
        leg_flag = {v: 1 if v & 2 else 0 for v in set(f)}
        new_leg: Any = map(leg_flag.__getitem__, f)
    else:
        new_leg = [1 if type(v) is int and v & 2 else 0 for v in f]
    callsigns: Any = repeat(callsign, n)
    if width > 8 and any(cols[8]):
        callsigns = []
        det, start = cols[8], 0
        for k in compress(range(n), det):
            d = det[k]
            if type(d) is dict and d.get("flight"):
                now = str(d["flight"]).strip() or callsign
                callsigns += [callsign] * (k - start)
                callsign, start = now, k
        callsigns += [callsign] * (n - start)
    src = cols[9] if width > 9 else repeat(None, n)
    rows.extend(zip(map(add, repeat(base, n), dt), lat, lon, alts, geo, grounds, gs, track, vr,
                    callsigns, src, new_leg))
    return True, callsign


def _slow_chunk(path: Path, out: ParsedFlights, part: list[Any], lo: int, base: float,
                callsign: str | None) -> str | None:
    """Convert a chunk point by point, skipping (with a warning) each malformed point."""
    append = out.tracks[0].rows.append
    nums = _NUMS
    for k, p in enumerate(part):
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
            out.warn(path, f"trace[{lo + k}]", f"skipped: {exc}")
    return callsign


register(ReadsbTrace())
