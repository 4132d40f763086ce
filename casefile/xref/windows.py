"""Time windows: the UTC interval a TimeValue may lie in, and how the engine states it."""

from __future__ import annotations

from functools import lru_cache
from typing import TypedDict

from casefile.timeutil import TimeValue, from_epoch


@lru_cache(maxsize=1 << 16)
def tv_window(tv: TimeValue | None) -> tuple[float, float] | None:
    """The UTC interval a TimeValue may lie in (every zone on Earth when its zone is unknown)."""
    if tv is None:
        return None
    w = tv.window()
    if w is None:
        return None
    return w[0].timestamp(), w[1].timestamp()


class TimeInput(TypedDict):
    """A time as a finding keeps it among its inputs."""

    raw: str
    utc: str | None
    basis: str
    uncertainty_s: float
    local: str | None
    zone: str | None
    window_utc: list[str] | None


def describe_time(tv: TimeValue | None) -> TimeInput | None:
    """A TimeValue as finding input: raw text, UTC reading, basis, uncertainty and window."""
    if tv is None:
        return None
    w = tv_window(tv)
    return {"raw": tv.raw, "utc": tv.utc, "basis": tv.basis, "uncertainty_s": tv.uncertainty_s,
            "local": tv.local, "zone": tv.zone,
            "window_utc": [from_epoch(w[0]), from_epoch(w[1])] if w else None}
