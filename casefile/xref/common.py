"""Shared helpers: finding ids, time windows, distances, airports and zones of places."""

from __future__ import annotations

import hashlib
import json
import math
import time
from functools import lru_cache
from typing import Any

from casefile.model.findings import Finding
from casefile.timeutil import TimeValue, parse_z

#: Bumped when the engine's rules change, so stored findings are known to be stale.
ENGINE_VERSION = "1"


def epoch(text: str | None) -> float | None:
    """UTC text (timeutil format) to epoch seconds."""
    return None if not text else parse_z(text).timestamp()


@lru_cache(maxsize=1 << 16)
def _z(t: float) -> str:
    us = round(t * 1e6)
    secs, rest = divmod(us, 1_000_000)
    tm = time.gmtime(secs)
    return (f"{tm.tm_year:04d}-{tm.tm_mon:02d}-{tm.tm_mday:02d}T{tm.tm_hour:02d}:{tm.tm_min:02d}:"
            f"{tm.tm_sec:02d}.{rest // 1000:03d}Z")


def z(t: float | None) -> str | None:
    """Epoch seconds to UTC text (the same text as timeutil.iso_z, faster)."""
    return None if t is None else _z(t)


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
            "window_utc": [z(w[0]), z(w[1])] if w else None}


def time_basis_note(tv: TimeValue) -> str | None:
    """The assumption to state when a time's zone is unknown or only assumed."""
    if tv.utc is None:
        return (f"The time {tv.raw!r} has no time zone (basis: unknown), so it was widened to every "
                f"zone on Earth (UTC-12 to UTC+14); it was not assumed to be UTC.")
    if tv.basis == "case-default":
        return f"The time {tv.raw!r} had no zone; the case's default zone {tv.zone} was assumed."
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _airports() -> dict[str, dict[str, Any]]:
    from casefile.reference.airports import table

    return table()


def airport(icao: str | None) -> dict[str, Any] | None:
    """The airportsdata record of an ICAO code, or None."""
    if not icao:
        return None
    return _airports().get(icao.strip().upper())


@lru_cache(maxsize=1)
def _tzfinder() -> Any:
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


@lru_cache(maxsize=4096)
def zone_of_place(lat: float, lon: float) -> str | None:
    """The IANA zone at a coordinate (offline), or None at sea."""
    return _tzfinder().timezone_at(lat=lat, lng=lon)


def zone_of_airport(icao: str | None) -> str | None:
    """The IANA zone of an airport (airportsdata), or None."""
    rec = airport(icao)
    return rec.get("tz") if rec else None


def finding_id(kind: str, items: list[str] | tuple[str, ...], inputs_text: str,
               assumptions: list[str] | tuple[str, ...] = ()) -> str:
    """Stable id: SHA-256 of the kind, items, canonical inputs and assumptions (same case, same id)."""
    h = hashlib.sha256()
    for part in (ENGINE_VERSION, kind, "\x1f".join(items), inputs_text, "\x1f".join(assumptions)):
        h.update(part.encode())
        h.update(b"\x1e")
    return "F" + h.hexdigest()[:24]


def inputs_json(f: Finding) -> str:
    """The finding's inputs as JSON, exactly as hashed into its id (kept on the finding when made here)."""
    text = getattr(f, "_inputs_json", None)
    return text if text is not None else json.dumps(f.inputs, separators=(",", ":"), default=str)


def make_finding(kind: str, verdict: str, confidence: float, explanation: str,
                 item_ids: list[str] | tuple[str, ...], inputs: dict[str, Any],
                 assumptions: list[str] | tuple[str, ...] = ()) -> Finding:
    """A Finding whose id hashes its kind, items, verdict inputs and assumptions."""
    items = tuple(dict.fromkeys(i for i in item_ids if i))
    # Key order is the order the engine builds its dicts in (fixed in code), so no sort is needed.
    text = json.dumps(inputs, separators=(",", ":"), default=str)
    fid = finding_id(kind, items, text, tuple(assumptions))
    f = Finding(id=fid, kind=kind, verdict=verdict, confidence=round(float(confidence), 3),
                explanation=explanation, item_ids=items, inputs=inputs, assumptions=tuple(assumptions))
    object.__setattr__(f, "_inputs_json", text)   # not a field: storing reuses the hashed text
    return f


def fmt_window(lo: float, hi: float) -> str:
    """A short human window: '2019-03-23 14:05 to 15:05 UTC'."""
    a, b = _z(lo), _z(hi)
    if a[:10] == b[:10]:
        return f"{a[:10]} {a[11:16]} to {b[11:16]} UTC"
    return f"{a[:10]} {a[11:16]} to {b[:10]} {b[11:16]} UTC"
