"""The time zone of a place, offline: the one module that reads timezonefinder's boundaries."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _finder() -> Any:
    """timezonefinder's finder (untyped library), loaded once per process."""
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


@lru_cache(maxsize=4096)
def zone_at(lat: float, lon: float) -> str | None:
    """The IANA zone at a position (timezonefinder's bundled boundaries); None at sea or off the map."""
    try:
        zone = _finder().timezone_at(lat=lat, lng=lon)
    except (ValueError, OSError):
        return None
    return str(zone) if zone else None
