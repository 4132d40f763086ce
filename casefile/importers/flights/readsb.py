"""ADS-B Exchange / readsb / tar1090 trace JSON (trace_full_<hex>.json), plain or gzip."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from itertools import compress, repeat, zip_longest
from operator import add
from pathlib import Path
from typing import Any

from casefile.errors import CorruptFile
from casefile.flights.posquality import REPORTED, with_accuracy
from casefile.gcpause import paused
from casefile.importers.flights.fields import Bad, drop_bad_rows, num, position
from casefile.importers.flights.gz import plain_head
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.flights.plausible import columns_clean
from casefile.importers.registry import register
from casefile.model.flights import COLUMNS, ParsedTrack, PointRow


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
        trk.screened = True
        # the points are handed over as columns only (no row per point)
        trk.columns = {name: [] for name in COLUMNS}
        for lo in range(0, len(trace), CHUNK):
            part = trace[lo:lo + CHUNK]
            trace[lo:lo + CHUNK] = [None] * len(part)   # each chunk's points freed once converted
            _rows, bad, callsign, clean = convert_chunk(part, base, callsign, trk.columns,
                                                        rows=False)
            trk.screened = trk.screened and clean
            for k, message in bad:
                out.warn(path, f"trace[{lo + k}]", f"skipped: {message}")
            del part
        if not trk.screened:   # the point-by-point screen reads (and may clean) rows
            trk.rows = trk.point_rows()
        return finish(path, out)


#: points converted at a time (each chunk is transposed to columns)
CHUNK = 32768
_NUMS = (int, float)
_NUMERIC = frozenset((int, float, type(None)))
_SHORT = "a trace point needs at least 8 fields"
#: an altitude as stored, and the ground flag it implies ("ground" -> None/True, None -> None/None)
_ALT = {"ground": None, None: None}
_GROUND = {"ground": True, None: None}



def convert_chunk(part: list[Any], base: float, callsign: str | None,
                  into: dict[str, list[Any]] | None = None, *, rows: bool = True,
                  ) -> tuple[list[PointRow], list[tuple[int, str]], str | None, bool]:
    """Convert trace points column by column (in C where every value is well-formed).

    A point is a list of at least 8 fields: time offset, lat, lon, altitude (feet, "ground" or
    null), ground speed, track, flags, vertical rate, then optionally details (a dict that may name
    the flight), source and geometric altitude. A malformed point is skipped and named, with the
    first problem it has; each column is checked in C first and value by value only when that
    check fails. Returns (rows, [(index in part, problem)] in order, the callsign in force after,
    whether the columns hold no value no aircraft reports (plausible.columns_clean)); with `into`
    (name -> list, as in COLUMNS), each column of the rows is appended to its list too, and with
    `rows=False` as well, no rows are made (the columns are all the caller wants).
    """
    bad: Bad = {}
    kept: list[int] | None = None   # indices into part of the points that have the right shape
    if set(map(type, part)) != {list} or min(map(len, part), default=8) < 8:
        kept = [k for k, p in enumerate(part) if type(p) is list and len(p) >= 8]
        bad.update((k, _SHORT) for k in set(range(len(part))).difference(kept))
        part = [part[k] for k in kept]
    if not part:
        return [], sorted(bad.items()), callsign, True
    col_bad: Bad = {}
    widths = set(map(len, part))
    cols = list(zip(*part, strict=True) if len(widths) == 1 else zip_longest(*part))
    n = len(part)
    lat, lon = _positions(cols[1], cols[2], col_bad)
    dt = _time_offsets(cols[0], col_bad)
    alts, grounds = _altitudes(cols[3], col_bad)
    geo = cols[10] if len(cols) > 10 else (None,) * n
    _check_numbers((cols[4], cols[5], cols[7], geo), col_bad)
    f = cols[6]
    if set(map(type, f)) == {int}:
        leg_flag = {v: 1 if v & 2 else 0 for v in set(f)}
        new_leg: Sequence[int] = list(map(leg_flag.__getitem__, f))
    else:
        new_leg = [1 if type(v) is int and v & 2 else 0 for v in f]
    det = cols[8] if len(cols) > 8 else (None,) * n
    src = cols[9] if len(cols) > 9 else (None,) * n
    columns: list[Sequence[Any]] = [dt, lat, lon, alts, geo, grounds, cols[4], cols[5], cols[7],
                                    new_leg, det, src]
    columns = drop_bad_rows(columns, col_bad, kept, bad)
    n = len(columns[0])
    t_off, la, lo, alt_ft, geo_ft, on_ground, gs, track, vr, leg, details, source = columns
    callsigns: Any = repeat(callsign, n)
    if any(details):
        callsigns = []
        start = 0
        for k in compress(range(n), details):
            d = details[k]
            if type(d) is dict and d.get("flight"):
                now = str(d["flight"]).strip() or callsign
                callsigns += [callsign] * (k - start)
                callsign, start = now, k
        callsigns += [callsign] * (n - start)
        source = _with_accuracy(source, details)
    times = list(map(add, repeat(base, n), t_off))
    if into is not None:
        if type(callsigns) is repeat:
            callsigns = [callsign] * n
        for name, col in zip(COLUMNS, (times, la, lo, alt_ft, geo_ft, on_ground, gs, track, vr,
                                       callsigns, source, leg), strict=True):
            into[name].extend(col)
    made = list(zip(times, la, lo, alt_ft, geo_ft, on_ground, gs, track, vr, callsigns, source,
                    leg)) if rows or into is None else []
    # positions were checked finite and in range above (or the point was skipped)
    clean = columns_clean({"t": t_off, "alt_ft": alt_ft, "geo_alt_ft": geo_ft, "gs_kt": gs,
                           "track_deg": track, "vrate_fpm": vr}, base)
    return made, sorted(bad.items()), callsign, clean


def _with_accuracy(source: Sequence[Any], details: Sequence[Any]) -> Sequence[Any]:
    """Each ADS-B point's source with the NACp and NIC the latest details state (readsb repeats
    its details when they change; a details dict without them ends them), as
    casefile.flights.posquality reads them. Carried within a chunk, not across chunks."""
    if not any(type(d) is dict and ("nac_p" in d or "nic" in d) for d in details):
        return source
    out = list(source)
    nacp = nic = None
    for k, d in enumerate(details):
        if type(d) is dict:
            nacp, nic = d.get("nac_p"), d.get("nic")
        if type(out[k]) is str and out[k] in REPORTED and (nacp is not None or nic is not None):
            out[k] = with_accuracy(out[k], nacp, nic)
    return out


def _positions(lat: Sequence[Any], lon: Sequence[Any], bad: Bad) -> tuple[Sequence[Any], Sequence[Any]]:
    """Latitudes and longitudes: floats in range as they are, anything else through position()."""
    if (set(map(type, lat)) == {float} == set(map(type, lon))
            and math.isfinite(sum(lat)) and math.isfinite(sum(lon))
            and -90.0 <= min(lat) and max(lat) <= 90.0 and -180.0 <= min(lon) and max(lon) <= 180.0):
        return lat, lon
    lat, lon = list(lat), list(lon)
    for j, (la, lo) in enumerate(zip(lat, lon, strict=True)):
        if type(la) is float and type(lo) is float and -90.0 <= la <= 90.0 and -180.0 <= lo <= 180.0:
            continue
        try:
            lat[j], lon[j] = position(la, lo)
        except ValueError as exc:
            bad.setdefault(j, str(exc))
    return lat, lon


def _time_offsets(dt: Sequence[Any], bad: Bad) -> Sequence[Any]:
    """Seconds after the trace's base time: numbers as they are, text read as a number."""
    if set(map(type, dt)) <= {int, float}:
        return dt
    out = list(dt)
    for j, d in enumerate(dt):
        if type(d) in _NUMS:
            continue
        try:
            x = num(d, "time offset")
            if x is None:
                raise ValueError("time offset is empty")
            out[j] = x
        except ValueError as exc:
            bad.setdefault(j, str(exc))
    return out


def _altitudes(alt: Sequence[Any], bad: Bad) -> tuple[Sequence[Any], Sequence[Any]]:
    """(altitude in feet or None, on ground) per point, from a number, "ground" or null."""
    types = set(map(type, alt))
    if types <= _NUMERIC:
        if type(None) not in types:
            return alt, (False,) * len(alt)
    elif not (types <= _NUMERIC | {str} and list(map(type, alt)).count(str) == alt.count("ground")):
        alts = list(alt)
        grounds: list[bool | None] = [False] * len(alt)
        for j, a in enumerate(alt):
            if a == "ground" or a is None:
                alts[j], grounds[j] = None, _GROUND[a]
            elif type(a) not in _NUMS:
                try:
                    alts[j] = num(a, "altitude")
                except ValueError as exc:
                    bad.setdefault(j, str(exc))
        return alts, grounds
    return list(map(_ALT.get, alt, alt)), list(map(_GROUND.get, alt, repeat(False)))


def _check_numbers(cols: tuple[Sequence[Any], ...], bad: Bad) -> None:
    """Ground speed, track, vertical rate and geometric altitude must be numbers (or null)."""
    wrong: set[int] = set()
    for c in cols:
        if not set(map(type, c)) <= _NUMERIC:
            wrong.update(j for j, v in enumerate(c) if type(v) not in _NUMERIC)
    for j in sorted(wrong):
        value = next(c[j] for c in cols if type(c[j]) not in _NUMERIC)
        bad.setdefault(j, f"{value!r} is not a number (ground speed, track, vertical rate "
                          "and geometric altitude must be numbers)")


register(ReadsbTrace())
