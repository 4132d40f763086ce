"""Data-quality flags on a track's points: duplicated or out-of-order times and impossible speeds.

Flagged points stay in the case (and are counted) but are kept out of legs, gaps and `where`.
Speed limits follow readsb's own position speed check: about 900 kt airborne and 120 kt on the
surface, with extra allowance for MLAT positions, plus a fixed distance tolerance for position noise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import eq

import numpy as np

from casefile.flights import posquality
from casefile.geo import EARTH_RADIUS_KM, KM_PER_NM, distance_km

AIRBORNE_LIMIT_KT = 900.0
SURFACE_LIMIT_KT = 120.0
MLAT_FACTOR = 1.5
NOISE_KM = 1.0
#: after this many points in a row fail the speed check against one reference, the reference is
#: the suspect one: re-anchor on the newest point (the failed ones stay flagged)
REANCHOR_AFTER = 4

DUPLICATE = "duplicate-time"
OUT_OF_ORDER = "out-of-order"
IMPOSSIBLE_SPEED = "impossible-speed"
#: a stretch of positions that jumps out of the path and back (spoofed or jammed): kept, shown,
#: never served as where the aircraft was
SPOOFED = "spoofed"
#: a stretch left out is named spoofed when it has at least this many points over this long (s)
SPOOF_MIN_POINTS = 5
SPOOF_MIN_S = 30.0
#: values no aircraft flies: this slow (kt) this high (ft) ...
SLOW_KT = 100.0
HIGH_FT = 15000.0
#: ... or moving this differently (kt, and this many times) from the speed it reports
SPEED_OFF_KT = 100.0
SPEED_OFF_FACTOR = 2.0

#: a weak position counts this much of a reported one toward the kept path: weak positions alone
#: never outweigh reported ones
WEAK_WEIGHT = 0.01

AltGs = Callable[[], tuple[Sequence[float | None], Sequence[float | None]]]


def flag_points(t: Sequence[float], lat: Sequence[float], lon: Sequence[float],
                ground: Sequence[bool | None], source: Sequence[str | None],
                alt_gs: AltGs | None = None) -> list[str | None]:
    """One flag per point in file order (None = usable). `alt_gs` gives the reported altitudes
    and speeds (asked for only when a position jumps): a stretch whose values no aircraft flies
    loses against the path before and after it."""
    n = len(t)
    flags: list[str | None] = [None] * n
    max_t = float("-inf")
    ref = -1
    misses = 0
    # the reference point's values, kept in locals (this loop runs once per point of a file)
    rt = rlat = rlon = 0.0
    rground: bool | None = None
    rmlat = False
    k_deg = _KM_PER_DEG
    cos, radians = math.cos, math.radians
    stops = _unsure_pairs(t, lat, lon, ground, source)
    si = 0
    i = 0
    while i < n:
        if misses == 0 and 0 <= ref == i - 1:
            # the point before is the reference: skip the run of pairs that surely pass
            while stops[si] < i:
                si += 1
            if stops[si] > i:
                ref = i = stops[si]
                ref -= 1
                max_t = rt = t[ref]
                rlat, rlon, rground, rmlat = lat[ref], lon[ref], ground[ref], source[ref] == "mlat"
                continue
        ti = t[i]
        i += 1
        if ti <= max_t:
            flags[i - 1] = OUT_OF_ORDER if ti < max_t else DUPLICATE
            continue
        max_t = ti
        la, lo, gi = lat[i - 1], lon[i - 1], ground[i - 1]
        mlat = source[i - 1] == "mlat"
        if ref >= 0:
            limit = SURFACE_LIMIT_KT if (gi and rground) else AIRBORNE_LIMIT_KT
            if mlat or rmlat:
                limit *= MLAT_FACTOR
            allowed = NOISE_KM + limit * KM_PER_NM * (ti - rt) / 3600.0
            # _far() inlined: the cheap bounds settle nearly every point
            dlat = abs(la - rlat) * k_deg
            if dlat > allowed:
                far = True
            else:
                dlon = abs(lo - rlon)
                if dlon > 180.0:
                    dlon = 360.0 - dlon
                far = (dlat + dlon * k_deg * cos(radians(max(abs(rlat), abs(la)))) > allowed
                       and distance_km(rlat, rlon, la, lo) > allowed)
            if far:
                flags[i - 1] = IMPOSSIBLE_SPEED
                misses += 1
                if misses < REANCHOR_AFTER:
                    continue
        ref, misses = i - 1, 0
        rt, rlat, rlon, rground, rmlat = ti, la, lo, gi, mlat
    if IMPOSSIBLE_SPEED in flags:
        _keep_largest_consistent_path(flags, t, lat, lon, ground, source,
                                      alt_gs() if alt_gs is not None else None)
    return flags


#: how many runs back a run may join onto (bounds the work on a badly broken file)
LOOK_BACK_RUNS = 200


def _step_ok(t: Sequence[float], lat: Sequence[float], lon: Sequence[float],
             ground: Sequence[bool | None], source: Sequence[str | None], a: int, b: int,
             since: dict[int, float]) -> bool:
    """Whether point b can follow point a at a possible speed (the same limits as above), timing
    a from when its position was new (`since`: a position repeated unchanged is an old one)."""
    limit = SURFACE_LIMIT_KT if (ground[a] and ground[b]) else AIRBORNE_LIMIT_KT
    if source[a] == "mlat" or source[b] == "mlat":
        limit *= MLAT_FACTOR
    allowed = NOISE_KM + limit * KM_PER_NM * (t[b] - since.get(a, t[a])) / 3600.0
    return not _far(lat[a], lon[a], lat[b], lon[b], allowed)


def _keep_largest_consistent_path(flags: list[str | None], t: Sequence[float],
                                  lat: Sequence[float], lon: Sequence[float],
                                  ground: Sequence[bool | None],
                                  source: Sequence[str | None],
                                  alt_gs: tuple[Sequence[float | None],
                                                Sequence[float | None]] | None = None) -> None:
    """Re-decide the impossible-speed flags: keep the path of points each possible after the
    one before that carries the most believable points, flag the rest. A run of points whose
    values no aircraft flies (50 kt at FL380; moving at a speed far from the one it reports)
    counts for nothing, so a long spoofed stretch loses against the genuine flight before and
    after it, which a check anchored on the last good point would otherwise flag. A stretch left
    out between kept points, long enough, is flagged spoofed (it jumped out and back)."""
    idx = [i for i, f in enumerate(flags) if f is None or f == IMPOSSIBLE_SPEED]
    since: dict[int, float] = {}       # a repeated position is as old as its first report
    for a, b in zip(idx, idx[1:], strict=False):
        if lat[b] == lat[a] and lon[b] == lon[a]:
            since[b] = since.get(a, t[a])
    runs: list[list[int]] = []
    for i in idx:                      # runs of points each possible after the one before
        if runs and _step_ok(t, lat, lon, ground, source, runs[-1][-1], i, since):
            runs[-1].append(i)
        else:
            runs.append([i])
    weight = [_believable(run, t, lat, lon, alt_gs, source) for run in runs]
    best: list[float] = []
    prev: list[int] = []
    for k, run in enumerate(runs):
        score, link = weight[k], -1
        for j in range(k - 1, max(-1, k - 1 - LOOK_BACK_RUNS), -1):
            if best[j] + weight[k] > score and _step_ok(t, lat, lon, ground, source,
                                                        runs[j][-1], run[0], since):
                score, link = best[j] + weight[k], j
        best.append(score)
        prev.append(link)
    keep: set[int] = set()
    k = max(range(len(runs)), key=lambda r: (best[r], -r)) if runs else -1
    while k >= 0:
        keep.update(runs[k])
        k = prev[k]
    kept = sorted(keep)
    for run in runs:
        if run[0] in keep:
            continue
        # out of the path and back: kept points before and after, long enough to be a stretch
        between = bool(kept) and kept[0] < run[0] and kept[-1] > run[-1]
        spoof = (between and len(run) >= SPOOF_MIN_POINTS and t[run[-1]] - t[run[0]] >= SPOOF_MIN_S)
        for i in run:
            flags[i] = SPOOFED if spoof else IMPOSSIBLE_SPEED
    for i in kept:
        flags[i] = None


def _believable(run: list[int], t: Sequence[float], lat: Sequence[float], lon: Sequence[float],
                alt_gs: tuple[Sequence[float | None], Sequence[float | None]] | None,
                source: Sequence[str | None] = ()) -> float:
    """How much a run counts toward the kept path: its points (a weak one, MLAT, TIS-B or a poor
    NACp, as WEAK_WEIGHT of one: casefile.flights.posquality), or nothing when its values are
    ones no aircraft flies (slower than SLOW_KT above HIGH_FT for most of it, or moving at a
    speed far from the one it reports)."""
    count = float(len(run))
    if source:
        weak = sum(1 for i in run if posquality.of(source[i]).weak)
        count -= weak * (1.0 - WEAK_WEIGHT)
    if alt_gs is None or len(run) < 2:
        return count
    alt, gs = alt_gs
    a = np.array([alt[i] for i in run], dtype=np.float64)
    v = np.array([gs[i] for i in run], dtype=np.float64)
    with np.errstate(invalid="ignore"):
        slow_high = int(np.sum((a >= HIGH_FT) & (v < SLOW_KT)))
    if slow_high * 2 > len(run):
        return 0.0
    dt = t[run[-1]] - t[run[0]]
    reported = float(np.nanmedian(v)) if not np.isnan(v).all() else math.nan
    if dt >= SPOOF_MIN_S and not math.isnan(reported):
        km = sum(distance_km(lat[i], lon[i], lat[j], lon[j]) for i, j in zip(run, run[1:]))
        moved = km / KM_PER_NM / dt * 3600.0
        if abs(moved - reported) > SPEED_OFF_KT and (moved > reported * SPEED_OFF_FACTOR
                                                     or reported > moved * SPEED_OFF_FACTOR):
            return 0.0
    return count


_KM_PER_DEG = math.pi * EARTH_RADIUS_KM / 180.0
#: a pair passes "surely" only this far inside its allowance (covers rounding in numpy's cosine)
_SURE = 1.0 - 1e-9


def _unsure_pairs(t: Sequence[float], lat: Sequence[float], lon: Sequence[float],
                  ground: Sequence[bool | None], source: Sequence[str | None]) -> list[int]:
    """Indices i whose step from point i-1 is not surely fine, ascending, then len(t).

    Surely fine: later in time, and within the speed allowance by the distance upper bound of
    _far() with a margin, taking point i-1 as the reference, computed for all pairs at once.
    Every other pair (and everything, when the values are not plain numbers) goes through the
    exact check one point at a time, so the flags never depend on this shortcut.
    """
    n = len(t)
    try:
        ta = np.asarray(t, dtype=np.float64)
        la = np.asarray(lat, dtype=np.float64)
        lo = np.asarray(lon, dtype=np.float64)
    except (TypeError, ValueError):
        return list(range(1, n + 1))   # every pair checked one at a time
    on_ground = np.fromiter(map(bool, ground), dtype=bool, count=n)
    mlat = np.fromiter(map(eq, source, repeat("mlat")), dtype=bool, count=n)
    limit = np.where(on_ground[1:] & on_ground[:-1], SURFACE_LIMIT_KT, AIRBORNE_LIMIT_KT)
    limit = np.where(mlat[1:] | mlat[:-1], limit * MLAT_FACTOR, limit)
    dt = ta[1:] - ta[:-1]
    allowed = NOISE_KM + limit * KM_PER_NM * dt / 3600.0
    dlon = np.abs(lo[1:] - lo[:-1])
    dlon = np.where(dlon > 180.0, 360.0 - dlon, dlon)
    cos_lat = np.cos(np.radians(np.maximum(np.abs(la[1:]), np.abs(la[:-1]))))
    bound = np.abs(la[1:] - la[:-1]) * _KM_PER_DEG + dlon * _KM_PER_DEG * cos_lat
    with np.errstate(invalid="ignore"):
        sure = (dt > 0) & (bound <= allowed * _SURE)
    return [*(np.flatnonzero(~sure) + 1).tolist(), n]


def _far(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """Whether two points are more than km apart, with haversine only when the bounds can't tell.

    Lower bound: the north-south separation. Upper bound: going along the parallel of the
    poleward point, then along the meridian (a real path, so never shorter than the great circle).
    """
    dlat = abs(lat2 - lat1) * _KM_PER_DEG
    if dlat > km:
        return True
    dlon = abs(lon2 - lon1)
    dlon = min(dlon, 360.0 - dlon) * _KM_PER_DEG * math.cos(math.radians(max(abs(lat1), abs(lat2))))
    if dlat + dlon <= km:
        return False
    return distance_km(lat1, lon1, lat2, lon2) > km
