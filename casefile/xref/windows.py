"""Time windows: the UTC interval a TimeValue may lie in, and how the engine states it."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

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


def describe_time(tv: TimeValue | None) -> dict[str, Any] | None:
    """A TimeValue as finding input: raw text, UTC reading, basis, uncertainty and window."""
    if tv is None:
        return None
    w = tv_window(tv)
    return {"raw": tv.raw, "utc": tv.utc, "basis": tv.basis, "uncertainty_s": tv.uncertainty_s,
            "local": tv.local, "zone": tv.zone,
            "window_utc": [from_epoch(w[0]), from_epoch(w[1])] if w else None}


def time_basis_note(tv: TimeValue) -> str | None:
    """The assumption to state when a time's zone is unknown or only assumed."""
    if tv.utc is None:
        return (f"The time {tv.raw!r} has no time zone (basis: unknown), so it was widened to every "
                f"zone on Earth (UTC-12 to UTC+14); it was not assumed to be UTC.")
    if tv.basis == "case-default":
        return f"The time {tv.raw!r} had no zone; the case's default zone {tv.zone} was assumed."
    return None


def fmt_window(lo: float, hi: float) -> str:
    """A short human window: '2019-03-23 14:05 to 15:05 UTC'."""
    a, b = from_epoch(lo), from_epoch(hi)
    if a[:10] == b[:10]:
        return f"{a[:10]} {a[11:16]} to {b[11:16]} UTC"
    return f"{a[:10]} {a[11:16]} to {b[:10]} {b[11:16]} UTC"
