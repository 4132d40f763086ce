"""Data-quality flags on a track's points: duplicated or out-of-order times and impossible speeds.

Flagged points stay in the case (and are counted) but are kept out of legs, gaps and `where`.
Speed limits follow readsb's own position speed check: about 900 kt airborne and 120 kt on the
surface, with extra allowance for MLAT positions, plus a fixed distance tolerance for position noise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from casefile.tracks.geo import EARTH_RADIUS_KM, KM_PER_NM, distance_km

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


def flag_points(t: Sequence[float], lat: Sequence[float], lon: Sequence[float],
                ground: Sequence[bool | None], source: Sequence[str | None]) -> list[str | None]:
    """One flag per point in file order (None = usable)."""
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
    for i in range(n):
        ti = t[i]
        if ti <= max_t:
            flags[i] = OUT_OF_ORDER if ti < max_t else DUPLICATE
            continue
        max_t = ti
        la, lo, gi = lat[i], lon[i], ground[i]
        mlat = source[i] == "mlat"
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
                flags[i] = IMPOSSIBLE_SPEED
                misses += 1
                if misses < REANCHOR_AFTER:
                    continue
        ref, misses = i, 0
        rt, rlat, rlon, rground, rmlat = ti, la, lo, gi, mlat
    return flags


_KM_PER_DEG = math.pi * EARTH_RADIUS_KM / 180.0


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
