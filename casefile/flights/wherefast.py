"""`where` at one instant from the where index (casefile.flights.whereindex), in plain Python.

The index lists an aircraft's usable points in time order (which track, which point of it) and
the state model's call at each; a binary search over it finds the last point at or before the
instant and the first at or after, and only those two are read from the tracks' points files (each
file checked against the hash the case recorded for it, once per process). No numpy, and nothing
computed over the whole track: a question costs a few dozen reads whatever the track's length.
When the index is missing or was made from other tracks than the aircraft has now, the answer
comes from casefile.flights.where, which runs the state model over the points.
"""

from __future__ import annotations

import hashlib
import json
import sys
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from casefile.errors import CasefileError
from casefile.flights import statebase as S
from casefile.flights import wherecore as W
from casefile.model.flights import Point, Whereabouts
from casefile.timeutil import from_epoch, parse_z

if TYPE_CHECKING:
    from casefile.store import Case

#: a column file's first line and its column types (casefile.store.columns): float64, int8, int32
_MAGIC = b"CASEFILE-COLUMNS/1\n"
_FORMAT = ("f8", "b1", "str")
_GROUND_BIT = 128
_KEEP_FILES = 8
_files: OrderedDict[str, _PointsFile] = OrderedDict()


class _Db(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


@dataclass(frozen=True)
class _PointsFile:
    """A track's points file, checked against its hash: columns as memoryviews (no copy)."""

    track_id: str
    cols: dict[str, memoryview[Any]]
    strings: dict[str, list[str]]

    def value(self, name: str, i: int) -> Any:
        x = self.cols[name][i]
        table = self.strings.get(name)
        if table is not None:
            return None if x < 0 else table[x]
        if type(x) is float:
            return None if x != x else x
        return None if x < 0 else bool(x)

    def point(self, aircraft_id: str, seq: int) -> Point:
        v = self.value
        t = self.cols["t"][seq]
        return Point(track_id=self.track_id, aircraft_id=aircraft_id, seq=seq, t=t,
                     time_utc=from_epoch(t), lat=v("lat", seq), lon=v("lon", seq),
                     alt_ft=v("alt_ft", seq), geo_alt_ft=v("geo_alt_ft", seq),
                     on_ground=v("ground", seq), gs_kt=v("gs_kt", seq),
                     track_deg=v("track_deg", seq), vrate_fpm=v("vrate_fpm", seq),
                     callsign=v("callsign", seq), source=v("src", seq),
                     quality=v("quality", seq))


def _read(case_path: Path, track_id: str, sha256: str) -> _PointsFile:
    hit = _files.get(sha256)
    if hit is not None and hit.track_id == track_id:
        _files.move_to_end(sha256)
        return hit
    path = case_path / "derived" / sha256[:2] / sha256      # casefile.store.blobs.blob_relpath
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CasefileError(f"the points file of track {track_id} cannot be read "
                            f"({exc.strerror or exc}); run `casefile verify`", path) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise CasefileError(f"the points file of track {track_id} does not match the hash the "
                            "case recorded for it; run `casefile verify`", path)
    if not data.startswith(_MAGIC):
        raise CasefileError("not a Casefile column file (wrong first line)", path)
    end = data.find(b"\n", len(_MAGIC))
    try:
        header = json.loads(data[len(_MAGIC):end])
        start = end + 1 + (-(end + 1) % 8)
        rows = int(header["rows"])
        view = memoryview(data)
        cols: dict[str, memoryview[Any]] = {}
        strings: dict[str, list[str]] = {}
        for c in header["columns"]:
            kind, raw = c["type"], view[start + c["offset"]:start + c["offset"] + c["length"]]
            if kind not in _FORMAT:
                raise ValueError(f"column {c['name']}: unknown type {kind!r}")
            col: memoryview[Any] = (raw.cast("d") if kind == "f8" else raw.cast("b") if kind == "b1"
                               else raw.cast("i"))
            if len(col) != rows:
                raise ValueError(f"column {c['name']} holds {c['length']} bytes for {rows} rows")
            cols[c["name"]] = col
            if c["type"] == "str":
                strings[c["name"]] = list(c["strings"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CasefileError(f"damaged column file: {exc}", path) from None
    got = _PointsFile(track_id, cols, strings)
    _files[sha256] = got
    while len(_files) > _KEEP_FILES:
        _files.popitem(last=False)
    return got


class _Times:
    """The index's points' times, in its order, as a sequence bisect can search."""

    def __init__(self, files: list[_PointsFile], which: memoryview | None, seq: memoryview) -> None:
        self.t = [f.cols["t"] for f in files]
        self.which, self.seq = which, seq

    def __len__(self) -> int:
        return len(self.seq)

    def __getitem__(self, k: int) -> float:
        w = self.which[k] if self.which is not None else 0
        return float(self.t[w][self.seq[k]])


_Index = tuple["memoryview[int] | None", "memoryview[int]", "memoryview[int]", list[str], list[Any],
               bool]
#: indexes read, by aircraft and the tracks they were made from (what a row holds for these never
#: changes: the index is made from the tracks' points, which a hash fixes)
_indexes: OrderedDict[tuple[str, str], _Index] = OrderedDict()


def _index(db: _Db, aircraft_id: str, tracks: str) -> _Index | None:
    key = (aircraft_id, tracks)
    hit = _indexes.get(key)
    if hit is not None:
        _indexes.move_to_end(key)
        return hit
    row = db.execute("SELECT points, which, seq, calls, whys, spoofed, rotor FROM where_index "
                     "WHERE aircraft_id = ? AND tracks = ?", [aircraft_id, tracks]).fetchone()
    if row is None:
        return None
    n = int(row[0])
    which = memoryview(row[1]).cast("H") if row[1] is not None else None
    seq, calls = memoryview(row[2]).cast("I"), memoryview(row[3]).cast("B")
    if len(seq) != n or len(calls) != n or (which is not None and len(which) != n):
        return None
    got: _Index = (which, seq, calls, json.loads(row[4]), json.loads(row[5]), bool(row[6]))
    _indexes[key] = got
    while len(_indexes) > _KEEP_FILES:
        _indexes.popitem(last=False)
    return got


def where_indexed(db: _Db, case_path: Path, aircraft_id: str, t_utc: str, *,
                  gap_s: float = S.GAP_S) -> Whereabouts | None:
    """The answer from the where index, or None when the aircraft has none that matches its
    tracks (the caller then asks casefile.flights.where)."""
    if sys.byteorder != "little":   # the index and points files are little-endian
        return None
    try:
        made = db.execute("SELECT tracks FROM where_index WHERE aircraft_id = ?",
                          [aircraft_id]).fetchone()
    except Exception as exc:  # noqa: BLE001 - a case from before the index: no table yet
        if "no such table" in str(exc):
            return None
        raise
    if made is None:
        return None
    tracks = json.loads(made[0])
    now = [[tid, sha] for tid, sha in db.execute(
        "SELECT id, points_sha256 FROM tracks WHERE aircraft_id = ? ORDER BY id", [aircraft_id])]
    if tracks != now or not tracks:
        return None
    index = _index(db, aircraft_id, made[0])
    if index is None:
        return None
    which, seq, calls, whys, spoofed, rotor = index
    n = len(seq)
    files = [_read(case_path, tid, sha) for tid, sha in tracks]
    t = parse_z(t_utc).timestamp()
    times = _Times(files, which, seq)
    i = bisect_right(times, t + W.SAME_TIME_S) - 1
    j = bisect_left(times, t - W.SAME_TIME_S)

    def side(k: int) -> W.Side | None:
        if not 0 <= k < n:
            return None
        f = files[which[k] if which is not None else 0]
        c = calls[k]
        return W.Side(f.point(aircraft_id, seq[k]), whys[c & ~_GROUND_BIT], bool(c & _GROUND_BIT))

    def new_leg_between(a: Point, b: Point) -> bool:
        if a.track_id != b.track_id:
            return False
        f = next(f for f in files if f.track_id == b.track_id)
        lo, hi = sorted((a.seq, b.seq))
        leg, quality = f.cols["new_leg"], f.cols["quality"]
        return any(leg[s] == 1 and quality[s] < 0 for s in range(lo + 1, hi + 1))

    w = W.with_quality(W.decide(aircraft_id, t, side(i), side(j), gap_s=gap_s, rotor=rotor,
                                new_leg_between=new_leg_between))
    stretch = next((s for s in spoofed if s[0] <= t <= s[1]), None)
    if stretch is None:
        return w
    return W.in_spoofed(w, W.spoofed_words(int(stretch[2]), stretch[0], stretch[1]), gap_s=gap_s)


def where_at(case: Case, aircraft_id: str, t_utc: str, *, gap_s: float = S.GAP_S) -> Whereabouts:
    """Where the aircraft was at t_utc: from the where index when it matches the aircraft's
    tracks, else from the state model run over its points (casefile.flights.where)."""
    w = where_indexed(case.db, case.path, aircraft_id, t_utc, gap_s=gap_s)
    if w is None:
        from casefile.flights.where import where_at as from_points

        w = from_points(case, aircraft_id, t_utc, gap_s=gap_s)
    return w
