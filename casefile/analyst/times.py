"""Times an analyst types for sources and claims: complete dates only, weekdays checked.

A claim's time must come from the source, never from the day it was typed: incomplete dates
are refused (`timeutil.read_typed_time`), and a date written without a clock time covers that
whole local day (a window's start at 00:00, its end at 23:59:59.999).
"""

from __future__ import annotations

from dataclasses import replace

from casefile.errors import InvalidInput
from casefile.timeutil import APPROX_S, TimeValue, parse_analyst_time, read_typed_time, strip_approx


def analyst_time(text: str, *, tz: str | None, default_tz: str | None, field: str,
                 bound: str = "point", approx: bool = False,
                 approx_s: float = APPROX_S) -> TimeValue:
    """A typed time as a TimeValue, keeping its precision. Without a clock time, a date is its
    whole local day: for a window's start its 00:00, for its end 23:59:59.999, for a single
    point noon +- 12 h. "about"/"around" (or `approx`) widens it by APPROX_S."""
    raw = text.strip()
    if not raw:
        raise InvalidInput("empty time", field=field)
    bare, said_about = strip_approx(raw)
    approx = approx or said_about
    when, has_clock = read_typed_time(bare.strip(), field)
    if has_clock or bound == "point":
        return parse_analyst_time(raw, tz=tz, default_tz=default_tz, field=field, approx=approx,
                                  approx_s=approx_s)
    day = when.date().isoformat()
    clock = "T23:59:59.999" if bound == "end" else "T00:00:00"
    tv = parse_analyst_time(day + clock, tz=tz, default_tz=default_tz, field=field,
                            uncertainty_s=approx_s if approx else 0.0)
    return replace(tv, raw=raw, precision="day", approx=approx)
