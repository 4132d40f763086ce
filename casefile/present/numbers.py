"""Numbers with their units as a person reads them: 8, 0.85, 12,000; 4 min 10 s; 8.4 km; 10.5979° N."""

from __future__ import annotations

MINUS = "\u2212"


def number(v: float) -> str:
    """A number without trailing noise: 8, 0.85, 50.28, 12,000."""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def signed(text: str) -> str:
    """Text with its hyphen-minus signs as true minus signs."""
    return text.replace("-", MINUS)


def duration(seconds: float) -> str:
    """Seconds as "1 s", "4 min 10 s", "16 h 40 min", "3 d 2 h"."""
    s = abs(float(seconds))
    if s < 60:
        return f"{number(round(s, 1))} s"
    if s < 3600:
        m, r = divmod(round(s), 60)
        return f"{m} min" + (f" {r} s" if r else "")
    if s < 2 * 86400:
        h, r = divmod(round(s / 60), 60)
        return f"{h} h" + (f" {r} min" if r else "")
    d, r = divmod(round(s / 3600), 24)
    return f"{d} d" + (f" {r} h" if r else "")


def km(v: float) -> str:
    """A distance in km, rounded to what it can mean (0.35 km, 8.4 km, 2,016 km)."""
    v = float(v)
    if v == 0:
        return "0 km"
    if v < 10:
        return f"{number(round(v, 2))} km"
    if v < 100:
        return f"{number(round(v, 1))} km"
    return f"{round(v):,} km"


def coords(lat: float | None, lon: float | None) -> str:
    """Latitude and longitude to 4 decimals (about 11 m), with hemispheres: '10.5979° N, 66.9881° W'."""
    if lat is None or lon is None:
        return "no position"
    return (f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.4f}° {'E' if lon >= 0 else 'W'}")


def shorten(text: str | None, limit: int = 120) -> str:
    """Text on one line, cut to `limit` characters with "…" (unchanged when it fits)."""
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"
