"""Spoofed stretches: runs of positions the quality check left out because they jump out of the
path and back (casefile.flights.quality.SPOOFED). They stay in the case and are shown as such;
`where` inside one says so and never serves them as where the aircraft was."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from casefile.flights import points
from casefile.flights.quality import SPOOFED
from casefile.flights.wherecore import spoofed_words
from casefile.store import Case
from casefile.timeutil import from_epoch

_cache: dict[tuple[str, str], list[Stretch]] = {}


@dataclass(frozen=True)
class Stretch:
    track_id: str
    aircraft_id: str
    t0: float
    t1: float
    seqs: tuple[int, ...]

    def describe(self) -> str:
        return spoofed_words(len(self.seqs), self.t0, self.t1)

    def shown(self, tp: points.TrackPoints | None = None) -> SpoofedStretch:
        """As the read API gives it: times in UTC, a sentence, and the path (lat, lon) to draw."""
        path: tuple[tuple[float, float], ...] = ()
        if tp is not None:
            idx = np.asarray(self.seqs, dtype=np.int64)
            path = tuple(zip(points.present(tp.cols.numbers("lat", idx), tp.track_id),
                             points.present(tp.cols.numbers("lon", idx), tp.track_id), strict=True))
        return SpoofedStretch(self.track_id, self.aircraft_id, from_epoch(self.t0),
                              from_epoch(self.t1), len(self.seqs), self.describe(), path)


@dataclass(frozen=True)
class SpoofedStretch:
    """A spoofed stretch for readers (map, report, CLI)."""

    track_id: str
    aircraft_id: str
    start_utc: str
    end_utc: str
    points: int
    note: str
    path: tuple[tuple[float, float], ...] = ()


def of_track(tp: points.TrackPoints) -> list[Stretch]:
    """The spoofed stretches of one track (positions in file order, cut at other points)."""
    key = (tp.track_id, tp.sha256)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    q = tp.array("quality")
    flagged = np.flatnonzero(q >= 0)
    out: list[Stretch] = []
    if len(flagged):
        names = tp.cols.texts("quality", flagged)
        spoofed = flagged[np.asarray([n == SPOOFED for n in names], dtype=bool)]
        if len(spoofed):
            t = tp.array("t")
            cuts = np.flatnonzero(np.diff(spoofed) > 1) + 1
            for grp in np.split(spoofed, cuts):
                tt = t[grp]
                out.append(Stretch(tp.track_id, tp.aircraft_id, float(np.nanmin(tt)),
                                   float(np.nanmax(tt)), tuple(grp.tolist())))
    if len(_cache) > 256:
        _cache.clear()
    _cache[key] = out
    return out


def stretches(case: Case, aircraft_id: str | None = None) -> list[Stretch]:
    """Every spoofed stretch of an aircraft (or of the case), in time order."""
    out = [s for tp in points.load_many(case, aircraft_id=aircraft_id) for s in of_track(tp)]
    return sorted(out, key=lambda s: s.t0)


def at(case: Case, aircraft_id: str, t: float) -> Stretch | None:
    """The spoofed stretch of the aircraft that spans time t, if any."""
    return next((s for s in stretches(case, aircraft_id) if s.t0 <= t <= s.t1), None)
