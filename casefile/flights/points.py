"""Track points as stored: one column file per track (see casefile.store.columns), read as arrays.

A track's points live in a derived file whose SHA-256 the track's row records (and so the custody
ledger vouches for). A file is read and checked against that hash once per process and kept while
it is in use: content-addressed files never change, so a cached copy is never stale.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from casefile.errors import CasefileError
from casefile.model.flights import Point
from casefile.store import Case, columns
from casefile.store.blobs import blob_relpath
from casefile.store.schemas.flights import POINT_COLUMNS
from casefile.timeutil import from_epoch

NAMES = tuple(n for n, _ in POINT_COLUMNS)
_CACHE_BYTES = 768 << 20    # keep up to this much point data in memory
_cache: OrderedDict[str, columns.Columns] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class TrackPoints:
    """One track's points (seq = position in the file), with the ids they belong to."""

    track_id: str
    aircraft_id: str
    sha256: str
    cols: columns.Columns

    def __len__(self) -> int:
        return self.cols.rows

    def array(self, name: str) -> np.ndarray:
        return self.cols.arrays[name]

    def usable(self) -> np.ndarray:
        """Indexes of the points legs and `where` use: not flagged, with a time."""
        return np.flatnonzero((self.array("quality") < 0) & ~np.isnan(self.array("t")))

    def point(self, seq: int) -> Point:
        return next(self.points([seq]))

    def points(self, seqs: Sequence[int] | np.ndarray) -> Iterator[Point]:
        """Points at `seqs`, built column-wise (much faster than one by one)."""
        idx = np.asarray(seqs, dtype=np.int64)
        num = {n: self.cols.numbers(n, idx) for n in NUMBERS}
        txt = {n: self.cols.texts(n, idx) for n in ("callsign", "src", "quality")}
        ground = self.cols.flags("ground", idx)
        lat, lon = present(num["lat"], self.track_id), present(num["lon"], self.track_id)
        for k, seq in enumerate(idx.tolist()):
            t = num["t"][k]
            yield Point(track_id=self.track_id, aircraft_id=self.aircraft_id, seq=seq, t=t,
                        time_utc=from_epoch(t) if t is not None else "", lat=lat[k],
                        lon=lon[k], alt_ft=num["alt_ft"][k], geo_alt_ft=num["geo_alt_ft"][k],
                        on_ground=ground[k], gs_kt=num["gs_kt"][k],
                        track_deg=num["track_deg"][k], vrate_fpm=num["vrate_fpm"][k],
                        callsign=txt["callsign"][k], source=txt["src"][k],
                        quality=txt["quality"][k])


#: the number columns of a point
NUMBERS = ("t", "lat", "lon", "alt_ft", "geo_alt_ft", "gs_kt", "track_deg", "vrate_fpm")


def present(values: list[float | None], track_id: str) -> list[float]:
    """Values every point of these has: positions (the importers keep no point without one) and
    the times of usable points; a missing one means the file is not what was written."""
    out = [v for v in values if v is not None]
    if len(out) != len(values):
        raise CasefileError("a stored track point lacks a position or time it must have: the "
                            "points file is damaged", f"track {track_id}")
    return out


def read_columns(case: Case, sha256: str, *, where: str) -> columns.Columns:
    """A column file by its hash, checked against it on first read in this process."""
    with _cache_lock:
        hit = _cache.get(sha256)
        if hit is not None:
            _cache.move_to_end(sha256)
            return hit
    path = case.path / blob_relpath(sha256, "derived")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CasefileError(f"the points file of {where} cannot be read ({exc.strerror or exc}); "
                            "run `casefile verify`", path) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise CasefileError(f"the points file of {where} does not match the hash the case "
                            "recorded for it; run `casefile verify`", path)
    cols = columns.decode(data, where=str(path))
    with _cache_lock:
        _cache[sha256] = cols
        total = sum(map(_nbytes, _cache.values()))
        while total > _CACHE_BYTES and len(_cache) > 1:
            _sha, old = _cache.popitem(last=False)
            total -= _nbytes(old)
    return cols


def _nbytes(cols: columns.Columns) -> int:
    return sum(a.nbytes for a in cols.arrays.values())


def load(case: Case, track_id: str) -> TrackPoints:
    """One track's points."""
    row = case.db.execute("SELECT aircraft_id, points_sha256 FROM tracks WHERE id = ?",
                          [track_id]).fetchone()
    if row is None:
        raise CasefileError(f"no track {track_id}", case.path)
    return TrackPoints(track_id, row[0], row[1], read_columns(case, row[1], where=f"track {track_id}"))


def load_many(case: Case, *, aircraft_id: str | None = None,
              item_id: str | None = None) -> list[TrackPoints]:
    """Tracks (of one aircraft and/or from one item), in track id order."""
    sql, params = "SELECT id, aircraft_id, points_sha256 FROM tracks WHERE 1 = 1", []
    if aircraft_id:
        sql += " AND aircraft_id = ?"
        params.append(aircraft_id)
    if item_id:
        sql += " AND item_id = ?"
        params.append(item_id)
    return [TrackPoints(tid, aid, sha, read_columns(case, sha, where=f"track {tid}"))
            for tid, aid, sha in case.db.execute(sql + " ORDER BY id", params).fetchall()]


@dataclass(frozen=True)
class Merged:
    """Points of several tracks of one aircraft in (time, track, seq) order: for each position in
    that order, which track (index into `tracks`) and which point of it."""

    tracks: list[TrackPoints]
    which: np.ndarray     # track index per point
    seq: np.ndarray       # seq within that track
    t: np.ndarray         # time (NaN first when untimed points are included)

    def __len__(self) -> int:
        return len(self.seq)

    def column(self, name: str) -> np.ndarray:
        """One column in merged order."""
        if len(self.tracks) == 1:
            one: np.ndarray = self.tracks[0].array(name)[self.seq]
            return one
        parts = [tp.array(name) for tp in self.tracks]
        out = np.empty(len(self.seq), dtype=parts[0].dtype) if parts else np.empty(0)
        for k, arr in enumerate(parts):
            mine = self.which == k
            out[mine] = arr[self.seq[mine]]
        return out

    def points(self) -> Iterator[Point]:
        runs = np.flatnonzero(np.diff(self.which)) + 1   # where the next point is another track's
        for lo, hi in zip([0, *runs.tolist()], [*runs.tolist(), len(self.seq)], strict=True):
            if hi > lo:
                yield from self.tracks[int(self.which[lo])].points(self.seq[lo:hi])

    def point(self, k: int) -> Point:
        return self.tracks[int(self.which[k])].point(int(self.seq[k]))


def merge(tracks: list[TrackPoints], *, include_flagged: bool = False) -> Merged:
    """Usable points (or all of them) of these tracks in (time, track id, seq) order, as
    `ORDER BY t, track_id, seq` would give with untimed points first."""
    tracks = sorted(tracks, key=lambda tp: tp.track_id)
    whichs, seqs, times = [], [], []
    for k, tp in enumerate(tracks):
        idx = np.arange(len(tp)) if include_flagged else tp.usable()
        whichs.append(np.full(len(idx), k, dtype=np.int32))
        seqs.append(idx)
        times.append(tp.array("t")[idx])
    if not tracks:
        return Merged([], np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros(0))
    which, seq, t = np.concatenate(whichs), np.concatenate(seqs), np.concatenate(times)
    key = np.where(np.isnan(t), -np.inf, t)
    if len(tracks) > 1 or bool(np.any(key[1:] < key[:-1])):   # usually one file, in time order
        order = np.lexsort((seq, which, key))
        which, seq, t = which[order], seq[order], t[order]
    return Merged(tracks, which, seq, t)


_merged_cache: dict[tuple[Any, ...], Merged] = {}


def aircraft_points(case: Case, aircraft_id: str) -> Merged:
    """One aircraft's usable points over all its tracks, in time order (cached while unchanged)."""
    tps = load_many(case, aircraft_id=aircraft_id)
    key = (aircraft_id, tuple((tp.track_id, tp.sha256) for tp in tps))
    hit = _merged_cache.get(key)
    if hit is None:
        hit = merge(tps)
        if len(_merged_cache) >= 4:   # each holds its tracks alive: keep few
            _merged_cache.clear()
        _merged_cache[key] = hit
    return hit
