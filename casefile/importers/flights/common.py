"""What every flight importer shares: the parsed-track shape, row checks, unit conversions, storing."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.errors import CorruptFile
from casefile.flights.gcpause import gc_paused
from casefile.flights.quality import flag_points

if TYPE_CHECKING:
    from casefile.store import Case, Ingested

FT_PER_M = 1 / 0.3048
KT_PER_MS = 3600 / 1852
FPM_PER_MS = 60 / 0.3048
MAX_WARNINGS = 200

#: column order of a parsed point row (quality is appended by finish())
COLUMNS = ("t", "lat", "lon", "alt_ft", "geo_alt_ft", "ground", "gs_kt", "track_deg", "vrate_fpm",
           "callsign", "src", "new_leg")


@dataclass
class ParsedTrack:
    """One aircraft's points from one file, plus what the file says about the aircraft."""

    format: str
    icao24: str | None = None
    registration: str | None = None
    type_code: str | None = None
    description: str | None = None
    operator: str | None = None
    military: bool | None = None
    label: str = ""
    rows: list[tuple] = field(default_factory=list)
    quality: list[str | None] = field(default_factory=list)
    stated: list[dict[str, Any]] = field(default_factory=list)
    #: planned positions (a GPX route), not observations: kept, never used for legs or `where`
    planned: bool = False

    def callsigns(self) -> list[str]:
        return [cs for cs in dict.fromkeys(map(itemgetter(9), self.rows)) if cs]


@dataclass
class ParsedFlights:
    """What a flight importer's parse() hands to store(): tracks plus per-row warnings."""

    format: str
    tracks: list[ParsedTrack] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def warn(self, path: Path, where: str, message: str) -> None:
        """Record a row that was skipped (counted always, text kept for the first few hundred)."""
        self.skipped += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(f"{path.name}: {where}: {message}")


def num(value: Any, name: str) -> float | None:
    """A finite float, None for empty/null; ValueError naming the field for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{name}: {value!r} is not a number")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: {value!r} is not a number") from None
    if not math.isfinite(x):
        raise ValueError(f"{name}: {value!r} is not a finite number")
    return x


def num_scaled(value: Any, name: str, factor: float) -> float | None:
    """num() converted to our units (e.g. OpenSky's metres to feet): None stays None."""
    x = num(value, name)
    return None if x is None else x * factor


def position(lat: Any, lon: Any) -> tuple[float, float]:
    """A checked latitude/longitude pair; ValueError says which one is wrong."""
    la, lo = num(lat, "latitude"), num(lon, "longitude")
    if la is None or lo is None:
        raise ValueError("no position (latitude/longitude empty)")
    if not -90.0 <= la <= 90.0:
        raise ValueError(f"latitude {la} is outside -90..90")
    if not -180.0 <= lo <= 180.0:
        raise ValueError(f"longitude {lo} is outside -180..180")
    return la, lo


def require_columns(path: Path, header: Sequence[str], needed: Iterable[str], fmt: str) -> dict[str, int]:
    """Column positions by name; CorruptFile naming the missing columns on line 1."""
    pos = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in needed if c not in pos]
    if missing:
        raise CorruptFile(f"not a {fmt} file: missing column(s) {', '.join(missing)} "
                          f"(header has: {', '.join(h.strip() for h in header) or 'nothing'})",
                          path, line=1)
    return pos


_T, _LAT, _LON, _GROUND, _SRC = (itemgetter(k) for k in (0, 1, 2, 5, 10))


def finish(path: Path, parsed: ParsedFlights) -> ParsedFlights:
    """Flag quality problems and refuse a file with no readable position at all."""
    parsed.tracks = [t for t in parsed.tracks if t.rows]
    for trk in parsed.tracks:
        rows = trk.rows
        times = list(map(_T, rows))
        idx: Sequence[int] = range(len(rows))
        timed = rows
        if None in times:
            idx = [k for k, t in enumerate(times) if t is not None]
            timed = [rows[k] for k in idx]
            times = [times[k] for k in idx]
        flags = flag_points(times, list(map(_LAT, timed)), list(map(_LON, timed)),
                            list(map(_GROUND, timed)), list(map(_SRC, timed)))
        if trk.planned:
            trk.quality = ["planned-route"] * len(trk.rows)
        elif len(idx) == len(trk.rows):
            trk.quality = flags
        else:
            trk.quality = ["no-time"] * len(trk.rows)
            for k, flag in zip(idx, flags, strict=True):
                trk.quality[k] = flag
    if not parsed.tracks and parsed.skipped:
        first = parsed.warnings[0] if parsed.warnings else ""
        raise CorruptFile(f"no readable position in {parsed.skipped} row(s) (first problem: "
                          f"{first.split(': ', 1)[-1]})", path)
    return parsed


def store_flights(case: Case, ingested: Ingested, parsed: ParsedFlights) -> None:
    """Write aircraft, tracks, points and derived legs/gaps inside the import transaction."""
    from casefile.flights.store import store_track

    with gc_paused():
        for trk in parsed.tracks:
            first = trk is parsed.tracks[0]
            store_track(case, ingested.item_id, trk,
                        warnings=parsed.notes + parsed.warnings if first else [],
                        skipped=parsed.skipped if first else 0)
    if not parsed.tracks:
        case.log("flight-record-empty", item_id=ingested.item_id,
                 details={"format": parsed.format, "notes": parsed.notes,
                          "warnings": parsed.warnings, "skipped": parsed.skipped})


class FlightImporter:
    """Base for flight importers: kind, memory limit and store() are the same for all."""

    name = "flight"
    kind = "flight-record"
    extensions: tuple[str, ...] = ()
    max_in_memory = 1 << 30

    def store(self, case: Case, ingested: Ingested, parsed: ParsedFlights) -> None:
        store_flights(case, ingested, parsed)

    @staticmethod
    def read(path: Path, data: bytes | None) -> bytes:
        """The file's content, gunzipped when it is gzip-compressed."""
        from casefile.importers.flights.gz import MAGIC, inflate

        raw = data if data is not None else path.read_bytes()
        return inflate(path, raw) if raw.startswith(MAGIC) else raw
