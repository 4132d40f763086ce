"""Small formatting helpers shared by the report sections."""

from __future__ import annotations

from typing import Any

from casefile.report.adapters import get


def fmt_time(tv: Any) -> str:
    """A TimeValue (or plain string) as 'UTC (basis, ± uncertainty)', never hiding an unknown zone."""
    if tv is None:
        return "unknown"
    if isinstance(tv, str):
        return tv
    utc, basis = get(tv, "utc"), get(tv, "basis") or "unknown"
    unc = get(tv, "uncertainty_s") or 0
    pm = f", ± {dur(unc)}" if unc else ""
    if utc:
        return f"{utc} ({basis}{pm})"
    if not get(tv, "local") and not get(tv, "raw"):
        return "not stated"
    local = get(tv, "local") or get(tv, "raw") or "?"
    return f"{local} local, zone unknown ({basis}{pm})"


def dur(seconds: float) -> str:
    """A duration in the unit a reader takes in at a glance."""
    s = float(seconds)
    if s < 120:
        return f"{s:g} s"
    if s < 7200:
        return f"{s / 60:.0f} min"
    return f"{s / 3600:.1f} h"


def fmt_num(value: Any, digits: int = 5) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def short_id(item_id: str | None) -> str:
    return item_id or ""
