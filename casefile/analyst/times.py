"""Times an analyst types for sources and claims: complete dates only, weekdays checked.

A claim's time must come from the source, never from the day it was typed: incomplete dates
are refused (`timeutil.read_typed_time`), and a date written without a clock time covers that
whole local day (a window's start at 00:00, its end at 23:59:59.999).
"""

from __future__ import annotations

from dataclasses import replace

from casefile.errors import InvalidInput
from casefile.timeutil import TimeValue, parse_analyst_time, read_typed_time


def analyst_time(text: str, *, tz: str | None, default_tz: str | None, field: str,
                 bound: str = "point") -> TimeValue:
    """A typed time as a TimeValue. Without a clock time, a date is its whole local day: for a
    window's start its 00:00, for its end 23:59:59.999, for a single point noon +- 12 h."""
    raw = text.strip()
    if not raw:
        raise InvalidInput("empty time", field=field)
    when, has_clock = read_typed_time(raw, field)
    if has_clock:
        return parse_analyst_time(raw, tz=tz, default_tz=default_tz, field=field)
    day = when.date().isoformat()
    if bound == "point":
        tv = parse_analyst_time(day, tz=tz, default_tz=default_tz, field=field)
    else:
        clock = "T23:59:59.999" if bound == "end" else "T00:00:00"
        tv = parse_analyst_time(day + clock, tz=tz, default_tz=default_tz, field=field)
    return replace(tv, raw=raw)
