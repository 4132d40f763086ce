"""Times an analyst types for sources and claims: complete dates only, weekdays checked.

`timeutil.parse_analyst_time` fills what the text leaves out from today's date ("March 2019"
becomes 2019-03-<today>, "Saturday" the coming Saturday). A claim's time must come from the
source, never from the day it was typed, so incomplete dates are refused here with a clear error,
and a date written without a clock time covers that whole local day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from dateutil import parser as dateparser

from casefile.errors import InvalidInput
from casefile.timeutil import TimeValue, parse_analyst_time

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_PARTIAL_ISO = re.compile(r"^\d{4}(-\d{2})?$")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b")
_A = datetime(1904, 1, 1, 0, 0, 0)
_B = datetime(1905, 2, 2, 13, 7, 0)


def _read(raw: str, field: str) -> tuple[datetime, bool]:
    """(the date and time written, whether a clock time was written); refuses incomplete dates."""
    m = _NUMERIC.search(raw)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        raise InvalidInput(f"{raw!r} could be day/month or month/day: write 2019-03-04 or "
                           "4 March 2019", field=field)
    if _PARTIAL_ISO.match(raw):
        raise InvalidInput(f"{raw!r} is not a full date: give year, month and day, or a window "
                           "(--start 2019-03-01 --end 2019-03-31)", field=field)
    try:
        a = dateparser.parse(raw, default=_A)
        b = dateparser.parse(raw, default=_B)
    except (ValueError, OverflowError):
        # forms only ISO parsing reads (week dates...): parse_analyst_time reads them or refuses
        parse_analyst_time(raw, tz="UTC", field=field)
        return _A, True
    if a.date() != b.date():
        raise InvalidInput(f"{raw!r} is not a full date (year, month and day are all needed; "
                           "nothing is filled in from today): e.g. 2019-03-23, or a window "
                           "--start 2019-03-01 --end 2019-03-31", field=field)
    day = _WEEKDAY_RE.search(raw)
    if day:
        named = next(i for i, d in enumerate(_WEEKDAYS) if d.startswith(day.group(1).lower()))
        if a.weekday() != named:
            raise InvalidInput(f"{a.date().isoformat()} was a {_WEEKDAYS[a.weekday()].title()}, "
                               f"not a {_WEEKDAYS[named].title()} ({raw!r})", field=field)
    return a, (a.hour, a.minute, a.second, a.microsecond) == (b.hour, b.minute, b.second,
                                                              b.microsecond)


def analyst_time(text: str, *, tz: str | None, default_tz: str | None, field: str,
                 bound: str = "point") -> TimeValue:
    """A typed time as a TimeValue. Without a clock time, a date is its whole local day: for a
    window's start its 00:00, for its end 23:59:59.999, for a single point noon +- 12 h."""
    raw = text.strip()
    if not raw:
        raise InvalidInput("empty time", field=field)
    when, has_clock = _read(raw, field)
    if has_clock:
        return parse_analyst_time(raw, tz=tz, default_tz=default_tz, field=field)
    day = when.date().isoformat()
    if bound == "point":
        tv = parse_analyst_time(day, tz=tz, default_tz=default_tz, field=field)
    else:
        clock = "T23:59:59.999" if bound == "end" else "T00:00:00"
        tv = parse_analyst_time(day + clock, tz=tz, default_tz=default_tz, field=field)
    return replace(tv, raw=raw)
