"""Places on Earth."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeoPoint:
    lat: float
    lon: float
    alt_m: float | None = None
    direction_deg: float | None = None
    source: str = "exif"       # exif | analyst | track | airport
