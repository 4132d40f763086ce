"""What a flight parser hands over: tracks of point rows, per-row warnings, quality flags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.errors import CorruptFile
from casefile.importers.flights import plausible
from casefile.model.flights import ParsedTrack

if TYPE_CHECKING:   # numpy and the state model load where tracks are prepared
    from casefile.flights.store import PreparedTrack

MAX_WARNINGS = 200

@dataclass
class ParsedFlights:
    """What a flight importer's parse() hands to store(): tracks plus per-row warnings."""

    format: str
    tracks: list[ParsedTrack] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    #: each track's points file and legs, worked out by the importer's prepare() (in the worker)
    prepared: list[PreparedTrack] = field(default_factory=list)

    def warn(self, path: Path, where: str, message: str) -> None:
        """Record a row that was skipped (counted always, text kept for the first few hundred)."""
        self.skipped += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(f"{path.name}: {where}: {message}")


_T, _LAT, _LON, _GROUND, _SRC = (itemgetter(k) for k in (0, 1, 2, 5, 10))
_ALT, _GS = itemgetter(3), itemgetter(6)
_FIVE = ("t", "lat", "lon", "ground", "src")


def _alt_gs(rows: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """The reported altitudes and speeds of rows (the quality check asks only when needed)."""
    return list(map(_ALT, rows)), list(map(_GS, rows))


def _known_alt_gs(alts: list[Any], gss: list[Any]) -> tuple[list[Any], list[Any]]:
    return alts, gss


def finish(path: Path, parsed: ParsedFlights) -> ParsedFlights:
    """Flag quality problems and refuse a file with no readable position at all."""
    from casefile.flights.quality import flag_points  # numpy: loaded where points are flagged

    parsed.tracks = [t for t in parsed.tracks if t.size()]
    for trk in parsed.tracks:
        # NaN, 1e308 ft, year 1653: flagged (unless the reader showed no column holds any)
        if not trk.screened:   # the screen may change rows: columns taken out before are stale
            trk.rows = trk.point_rows()
            trk.columns = {}
        bad = {} if trk.screened else plausible.screen(path, trk, parsed.notes)
        rows = trk.rows
        n = trk.size()
        known = trk.columns if all(len(trk.columns.get(c, ())) == n for c in _FIVE) else {}
        times: list[Any] = known["t"] if known else list(map(_T, rows))
        idx: Sequence[int] = range(n)
        timed = rows
        if None in times or bad:
            if not rows:   # columns only: the rows kept are picked below
                rows = trk.rows = trk.point_rows()
            idx = [k for k, t in enumerate(times) if t is not None and k not in bad]
            timed = [rows[k] for k in idx]
            times = [times[k] for k in idx]
        if known and timed is rows:
            lats, lons, grounds, srcs = (known[c] for c in _FIVE[1:])
        else:
            lats, lons, grounds, srcs = (list(map(get, timed)) for get in (_LAT, _LON, _GROUND, _SRC))
        alt_gs: Callable[[], tuple[list[Any], list[Any]]] = partial(_alt_gs, timed)
        if known and timed is rows and all(len(known.get(c, ())) == n for c in ("alt_ft", "gs_kt")):
            alt_gs = partial(_known_alt_gs, known["alt_ft"], known["gs_kt"])
        flags = flag_points(times, lats, lons, grounds, srcs, alt_gs)
        if timed is rows:   # every row kept: these are the track's columns as stored
            trk.columns = {**trk.columns, "t": times, "lat": lats, "lon": lons, "ground": grounds,
                           "src": srcs}
        else:
            trk.columns = {}
        if trk.planned:
            trk.quality = ["planned-route"] * n
        elif len(idx) == n:
            trk.quality = flags
        else:
            trk.quality = ["no-time"] * n
            for k, flag in zip(idx, flags, strict=True):
                trk.quality[k] = flag
            for k, why in bad.items():
                trk.quality[k] = why
    if not parsed.tracks and parsed.skipped:
        first = parsed.warnings[0] if parsed.warnings else ""
        raise CorruptFile(f"no readable position in {parsed.skipped} row(s) (first problem: "
                          f"{first.split(': ', 1)[-1]})", path)
    return parsed
