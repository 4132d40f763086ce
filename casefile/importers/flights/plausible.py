"""Values no aircraft reports: a NaN or infinite field, an altitude of 1e308 ft, a speed of 1e300
kt, a time before powered flight or after today. Each such point is kept (a non-number as "no
value", anything else as found), flagged so legs, gaps and `where` leave it out, and named in
one note line per point: file, point number and time, field, value."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from functools import partial
from operator import is_not
from pathlib import Path
from typing import Any, cast

from casefile.model.flights import COLUMNS, ParsedTrack, PointRow
from casefile.timeutil import from_epoch

BAD_VALUE = "bad-value"
IMPLAUSIBLE_VALUE = "implausible-value"
IMPLAUSIBLE_TIME = "implausible-time"
#: 17 December 1903, the first powered flight
FIRST_FLIGHT = -2083190400.0
#: (lowest, highest) a reported value can be; beyond it the value is kept but not used
RANGES = {"alt_ft": (-2000.0, 200_000.0), "geo_alt_ft": (-2000.0, 200_000.0),
          "gs_kt": (0.0, 4000.0), "track_deg": (-360.0, 720.0), "vrate_fpm": (-60_000.0, 60_000.0)}
MAX_NOTES = 50
_NUMERIC = [(k, name) for k, name in enumerate(COLUMNS) if name in ("t", "lat", "lon", *RANGES)]


_not_none = partial(is_not, None)


def columns_clean(columns: Mapping[str, Sequence[Any]], t_base: float = 0.0) -> bool:
    """Whether whole columns of points hold nothing `screen` would flag, decided in C (sums,
    minima, maxima): True only when every value is a finite number in range (or null). Columns
    are named as in COLUMNS; "t" may be offsets from `t_base`. False means "look point by point",
    never that something is wrong."""
    latest = time.time() + 86400.0
    for name, col in columns.items():
        vals = list(filter(_not_none, col)) if None in col else col
        if not vals:
            continue
        try:
            if not math.isfinite(sum(vals)):
                return False
            lo, hi = (FIRST_FLIGHT - t_base, latest - t_base) if name == "t" else RANGES.get(
                name, (-math.inf, math.inf))
            if min(vals) < lo or max(vals) > hi:
                return False
        except TypeError:   # text or another non-number: the point-by-point screen names it
            return False
    return True


def screen(path: Path, trk: ParsedTrack, notes: list[str]) -> dict[int, str]:
    """Flag (and clean, in place) the points no aircraft reports; returns {point index: flag}."""
    latest = time.time() + 86400.0
    flags: dict[int, str] = {}
    rows = trk.rows
    for k, row in enumerate(rows):
        problem = None
        for c, name in _NUMERIC:
            v = row[c]
            if not isinstance(v, float):
                continue
            if not math.isfinite(v):
                problem = (BAD_VALUE, name, v, "not a number: kept as no value")
                fixed = list(row)
                fixed[c] = None
                row = rows[k] = cast(PointRow, tuple(fixed))
            elif name == "t" and not FIRST_FLIGHT <= v <= latest:
                problem = problem or (IMPLAUSIBLE_TIME, name, v, "before powered flight (1903) or "
                                      "after today: kept as found")
            elif name in RANGES and not RANGES[name][0] <= v <= RANGES[name][1]:
                problem = problem or (IMPLAUSIBLE_VALUE, name, v, "beyond what an aircraft "
                                      "reports: kept as found")
        if problem is None:
            continue
        flag, name, value, why = problem
        flags[k] = flag
        if len(notes) < MAX_NOTES:
            t = row[0]
            when = f" ({from_epoch(t)})" if isinstance(t, float) and name != "t" else ""
            notes.append(f"{path.name}: point {k + 1}{when}: {name} = {value!r}: {why}; flagged "
                         f"{flag}, left out of legs and positions")
    return flags
