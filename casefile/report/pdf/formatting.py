"""How the report writes times, durations and numbers."""

from __future__ import annotations

from casefile.timeutil import TimeValue


def fmt_time(tv: TimeValue | None) -> str:
    """A TimeValue as 'UTC (basis, ± uncertainty)', never hiding an unknown zone."""
    if tv is None:
        return "unknown"
    basis = tv.basis or "unknown"
    unc = tv.uncertainty_s or 0
    pm = f", ± {dur(unc)}" if unc else ""
    if tv.utc:
        return f"{tv.utc} ({basis}{pm})"
    if not tv.local and not tv.raw:
        return "not stated"
    local = tv.local or tv.raw or "?"
    return f"{local} local, zone unknown ({basis}{pm})"


def dur(seconds: float) -> str:
    """A duration in the unit a reader takes in at a glance."""
    s = float(seconds)
    if s < 120:
        return f"{s:g} s"
    if s < 7200:
        return f"{s / 60:.0f} min"
    return f"{s / 3600:.1f} h"


def fmt_num(value: float | None, digits: int = 5) -> str:
    """A number as text: floats to `digits` places, anything else as written."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)
