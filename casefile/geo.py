"""Great-circle math on a spherical Earth (good to ~0.5 %): the one home of distances in Casefile."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:   # numpy is loaded by distances_km, where used: one distance needs none
    import numpy as np
    import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088
KM_PER_NM = 1.852


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distances_km(lat: float, lon: float, lats: Sequence[float] | npt.NDArray[np.float64],
                 lons: Sequence[float] | npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Haversine distances in km from one point to many (the same formula as distance_km)."""
    import numpy as np

    p1 = math.radians(lat)
    p2 = np.radians(np.asarray(lats, dtype=np.float64))
    dl = np.radians(np.asarray(lons, dtype=np.float64) - lon)
    a = np.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a))), dtype=np.float64)


def intermediate(lat1: float, lon1: float, lat2: float, lon2: float, f: float) -> tuple[float, float]:
    """The point a fraction f (0..1) of the way along the great circle from point 1 to point 2."""
    if f <= 0:
        return lat1, lon1
    if f >= 1:
        return lat2, lon2
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    d = distance_km(lat1, lon1, lat2, lon2) / EARTH_RADIUS_KM
    if d < 1e-12:
        return lat1, lon1
    a = math.sin((1 - f) * d) / math.sin(d)
    b = math.sin(f * d) / math.sin(d)
    x = a * math.cos(p1) * math.cos(l1) + b * math.cos(p2) * math.cos(l2)
    y = a * math.cos(p1) * math.sin(l1) + b * math.cos(p2) * math.sin(l2)
    z = a * math.sin(p1) + b * math.sin(p2)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return lat, lon


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial course from point 1 to point 2, degrees true (0..360)."""
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    y = math.sin(l2 - l1) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(l2 - l1)
    return (math.degrees(math.atan2(y, x)) + 360) % 360


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point km along the great circle from (lat, lon) on an initial course (degrees true)."""
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    d = km / EARTH_RADIUS_KM
    p2 = math.asin(min(1.0, max(-1.0, math.sin(p1) * math.cos(d)
                                + math.cos(p1) * math.sin(d) * math.cos(b))))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def latlon_text(lat: float, lon: float, places: int = 4) -> str:
    """A position as people write it: '10.5979° N, 66.9881° W'."""
    return (f"{abs(lat):.{places}f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.{places}f}° {'E' if lon >= 0 else 'W'}")


class Located(Protocol):
    """Anything with a position (an airport, an airfield)."""

    @property
    def lat(self) -> float: ...

    @property
    def lon(self) -> float: ...


L = TypeVar("L", bound=Located)


class PointGrid(Generic[L]):
    """Things with a position in half-degree cells, built once: a radius search looks at the few
    cells the circle touches (wrapping at the antimeridian), not at every thing."""

    CELL_DEG = 0.5

    def __init__(self, things: Iterable[L]) -> None:
        self._cells: dict[tuple[int, int], list[L]] = {}
        for t in things:
            self._cells.setdefault(self._cell(t.lat, t.lon), []).append(t)

    @classmethod
    def _cell(cls, lat: float, lon: float) -> tuple[int, int]:
        return int(math.floor(lat / cls.CELL_DEG)), int(math.floor(lon / cls.CELL_DEG))

    def within(self, lat: float, lon: float, radius_km: float,
               tie: Callable[[L], str]) -> list[tuple[float, L]]:
        """The things within radius_km of a point with their distances, nearest first (equal
        distances in the order of `tie`)."""
        dlat = radius_km / 111.0
        dlon = min(180.0, radius_km / (111.0 * max(math.cos(math.radians(lat)), 0.01)))
        (i0, j0), (i1, j1) = self._cell(lat - dlat, lon - dlon), self._cell(lat + dlat, lon + dlon)
        ncols = int(360 / self.CELL_DEG)
        cols = range(j0, j1 + 1) if j1 - j0 < ncols else range(-ncols // 2, ncols // 2)
        out = []
        for i in range(i0, i1 + 1):
            for j in cols:
                for t in self._cells.get((i, (j + ncols // 2) % ncols - ncols // 2), ()):
                    d = distance_km(lat, lon, t.lat, t.lon)
                    if d <= radius_km:
                        out.append((d, t))
        out.sort(key=lambda x: (x[0], tie(x[1])))
        return out
