"""Time rules: UTC instants as fixed-width ISO-8601 strings with Z, plus how the zone was decided."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateparser

from casefile.errors import InvalidInput

#: How the zone of a time was decided (see shared/GUIDE.md).
BASES = ("exif-offset", "gps-utc", "location-tz", "case-default", "analyst", "source-stated",
         "recorded-utc", "unknown")


def utc_now() -> datetime:
    """The current instant, zone-aware UTC."""
    return datetime.now(UTC)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)


#: the instants a time text can name: 0001-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z
MIN_MS = -62135596800000
MAX_MS = 253402300799999
_MIN_DT = datetime.min.replace(tzinfo=UTC)
_MAX_DT = datetime.max.replace(tzinfo=UTC)


class TimeOutOfRange(ValueError):
    """A time outside the years 0001–9999 in UTC (or not a finite number): kept as found by the
    caller, never formatted as a wrong or unsortable text."""


@lru_cache(maxsize=1 << 16)
def _ms_text(ms: int) -> str:
    """Whole milliseconds since the epoch as UTC text: the one formatter every other path uses.
    Always 24 characters (zero-padded year), so texts sort as the instants do."""
    if not MIN_MS <= ms <= MAX_MS:
        raise TimeOutOfRange(f"{ms / 1000:.0f} s from 1970 is outside the years 0001–9999 (UTC)")
    secs, rest = divmod(ms, 1000)
    tm = time.gmtime(secs)
    return (f"{tm.tm_year:04d}-{tm.tm_mon:02d}-{tm.tm_mday:02d}T{tm.tm_hour:02d}:{tm.tm_min:02d}:"
            f"{tm.tm_sec:02d}.{rest:03d}Z")


def _us_to_ms(us: int) -> int:
    """Microseconds to the nearest millisecond (a half rounds up, as the clock reads forward)."""
    return (us + 500) // 1000


def iso_z(dt: datetime) -> str:
    """Format an aware datetime as sortable UTC text, to the nearest ms: 2019-03-23T14:05:00.000Z."""
    if dt.tzinfo is None:
        raise ValueError("refusing to format a naive datetime as UTC")
    return _ms_text(_us_to_ms((dt - _EPOCH) // _US))


def iso_z_or_none(dt: datetime) -> str | None:
    """iso_z, or None for an instant outside the years 0001–9999 (its local reading is kept)."""
    try:
        return iso_z(dt)
    except (TimeOutOfRange, OverflowError):
        return None


def wall_text(dt: datetime) -> str:
    """A datetime's wall-clock reading as 'YYYY-MM-DD HH:MM:SS', the year zero-padded (strftime's
    %Y gives '1' for year 1 on some platforms)."""
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} {dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"


def now_z() -> str:
    return iso_z(utc_now())


_BEYOND = re.compile(r"^\s*(0000|[+-]?\d{5,})-")


def parse_z(text: str) -> datetime:
    """Parse text written by iso_z (or any ISO time with an offset) back to an aware datetime.

    A stored UTC text in year 0000 or past 9999 (written by an older Casefile for a camera time
    in year 0001 or 9999) reads as the first or last representable instant, never a crash.
    """
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        m = _BEYOND.match(text)
        if not m:
            raise
        return _MIN_DT if m.group(1) == "0000" or m.group(1).startswith("-") else _MAX_DT
    if dt.tzinfo is None:
        raise ValueError(f"time has no zone: {text!r}")
    return dt


@lru_cache(maxsize=1 << 17)
def from_epoch(seconds: float) -> str:
    """Epoch seconds to UTC text, to the nearest ms (the same text iso_z gives for that instant).

    A computed instant past the calendar's edge (a window widened around year 0001 or 9999)
    reads as the edge; importers flag such times in the data before anything computes with them.
    TimeOutOfRange for NaN. Cached: the engine states the same span ends for many photos.
    """
    if math.isnan(seconds):
        raise TimeOutOfRange("NaN is not a time")
    return _ms_text(min(max(MIN_MS, math.floor(seconds * 1000 + 0.5)), MAX_MS) if math.isfinite(
        seconds) else (MAX_MS if seconds > 0 else MIN_MS))   # rounded once: no double rounding


def shift(dt: datetime, seconds: float) -> datetime:
    """dt moved by seconds, stopping at the first or last representable instant (a window
    widened around year 0001 or 9999 ends at the calendar's edge instead of overflowing)."""
    try:
        return dt + timedelta(seconds=seconds)
    except OverflowError:
        edge = _MAX_DT if seconds > 0 else _MIN_DT
        return edge if dt.tzinfo is not None else edge.replace(tzinfo=None)


def epoch_text(seconds: float | None) -> str | None:
    """from_epoch, passing None through (an unknown time stays unknown)."""
    return None if seconds is None else from_epoch(seconds)


def epoch(text: str | None) -> float | None:
    """UTC text (or any ISO time with an offset) to epoch seconds; None stays None."""
    return None if not text else parse_z(text).timestamp()


def utc_iso_epoch(text: str, name: str) -> tuple[float, bool]:
    """Epoch seconds of an ISO 8601 time stated in UTC, and whether it had no zone (read as UTC,
    as GPX and OpenSky define their times); ValueError naming the field otherwise."""
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{name} {text!r} is not an ISO 8601 time") from None
    if dt.tzinfo is not None:
        return dt.timestamp(), False
    return dt.replace(tzinfo=UTC).timestamp(), True


def get_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput(f"unknown time zone {name!r} (use an IANA name such as America/Caracas)") from exc


@dataclass(frozen=True)
class TimeValue:
    """A point in time as evidence gives it: the raw text, the UTC reading, and how sure we are.

    `utc` is None when the zone is unknown; then `local` holds the wall-clock reading and
    `window()` spans every zone on Earth (UTC-12 .. UTC+14), so nothing silently treats it as
    UTC. `uncertainty_s` is only the clock's or the source's own uncertainty, never the zone's.
    """

    raw: str
    utc: str | None
    basis: str
    uncertainty_s: float = 0.0
    local: str | None = None
    zone: str | None = None
    read_from: str | None = None    # where in the evidence the time was read ("exif DateTimeOriginal")
    #: how precisely a person typed it: year | month | day | hour | minute | second; None when the
    #: time was not typed by a person (EXIF, a track), where uncertainty_s says it all
    precision: str | None = None
    #: the person said "about" / "around": the window is widened (see docs/shapes.md)
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> TimeValue | None:
        if not data:
            return None
        known = {k: v for k, v in data.items() if k in _TV_FIELDS}   # older or newer fields
        return cls(**known)

    def window(self) -> tuple[datetime, datetime] | None:
        """The UTC interval this time could be in, widened to every zone if the zone is unknown."""
        if self.utc is not None:
            centre = parse_z(self.utc)
        elif self.local is not None:
            centre = datetime.fromisoformat(self.local).replace(tzinfo=UTC)
        else:
            return None
        pad = self.uncertainty_s
        if self.utc is None:
            # local wall time L is UTC L-14h .. L+12h
            return shift(centre, -14 * 3600 - pad), shift(centre, 12 * 3600 + pad)
        return shift(centre, -pad), shift(centre, pad)


_TV_FIELDS = ("raw", "utc", "basis", "uncertainty_s", "local", "zone", "read_from", "precision",
              "approx")

#: "about" / "around" widens a typed time by this much either way (stated in Methods)
APPROX_S = 15 * 60.0
#: how far a typed time may be off either way, by how precisely it was given (half its unit)
PRECISION_S = {"second": 0.0, "minute": 30.0, "hour": 1800.0, "day": 12 * 3600.0}
_APPROX_WORDS = re.compile(r"^\s*(about|around|approx(?:imately|\.)?|roughly|circa|ca\.|c\.|~)\s*",
                           re.IGNORECASE)
_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}|T\d{6}")
_MINUTES = re.compile(r"\d{1,2}:\d{2}|\d{1,2}h\d{2}\b|T\d{4}(?!\d)|\b\d{3,4}\s*(?:z|utc|lt)\b",
                      re.IGNORECASE)


def strip_approx(text: str) -> tuple[str, bool]:
    """A typed time without a leading "about"/"around"/"~", and whether it had one."""
    m = _APPROX_WORDS.match(text)
    return (text[m.end():], True) if m else (text, False)


def typed_precision(raw: str, has_clock: bool) -> str:
    """How precisely a typed time was given: second, minute, hour or day."""
    if not has_clock:
        return "day"
    if _SECONDS.search(raw):
        return "second"
    if _MINUTES.search(raw):
        return "minute"
    return "hour"


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_PARTIAL_ISO = re.compile(r"^\d{4}(-\d{2})?$")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b")
_DEFAULT_A = datetime(1904, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(1905, 2, 2, 13, 7, 0)


def read_typed_time(raw: str, field: str = "time") -> tuple[datetime, bool]:
    """Read a typed date/time: (what was written, whether a clock time was written).

    Nothing is filled in from today: "March 2019" or "Saturday" alone are refused, as are
    ambiguous day/month forms ("03/04/2019") and a weekday that does not match the date.
    """
    m = _NUMERIC.search(raw)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        raise InvalidInput(f"{raw!r} could be day/month or month/day: write 2019-03-04 or "
                           "4 March 2019", field=field)
    if _PARTIAL_ISO.match(raw):
        raise InvalidInput(f"{raw!r} is not a full date: give year, month and day", field=field)
    try:
        dt = dateparser.isoparse(raw)
        return dt, ("T" in raw.upper() or " " in raw.strip())
    except (ValueError, OverflowError):
        pass
    try:
        a = dateparser.parse(raw, default=_DEFAULT_A)
        b = dateparser.parse(raw, default=_DEFAULT_B)
    except (ValueError, OverflowError) as exc:
        raise InvalidInput(f"cannot read {raw!r} as a time (try 2019-03-23T14:05-04:00)",
                           field=field) from exc
    if a.date() != b.date():
        raise InvalidInput(f"{raw!r} is not a full date (year, month and day are all needed; "
                           "nothing is filled in from today): e.g. 2019-03-23", field=field)
    day = _WEEKDAY_RE.search(raw)
    if day:
        named = next(i for i, d in enumerate(_WEEKDAYS) if d.startswith(day.group(1).lower()))
        if a.weekday() != named:
            raise InvalidInput(f"{a.date().isoformat()} was a {_WEEKDAYS[a.weekday()].title()}, "
                               f"not a {_WEEKDAYS[named].title()} ({raw!r})", field=field)
    # a clock time was written when the hour does not depend on the default ("10pm" is 22:00,
    # to the hour); the minutes and seconds not written read as 0 (a's defaults)
    has_clock = a.hour == b.hour
    return a, has_clock


def parse_analyst_time(text: str, *, tz: str | None = None, default_tz: str | None = None,
                       field: str = "time", uncertainty_s: float | None = None,
                       approx: bool = False, approx_s: float = APPROX_S) -> TimeValue:
    """Parse a time typed by an analyst: explicit offset > --tz > the case default zone > unknown.

    The time keeps its precision (docs/shapes.md §2): a minute is ±30 s, an hour ±30 min, a date
    alone ("2019-03-23") that whole local day (noon ±12 h); "about"/"around" (or `approx`) adds
    APPROX_S. Incomplete or inconsistent dates are refused (see read_typed_time).
    """
    raw = text.strip()
    if not raw:
        raise InvalidInput("empty time", field=field)
    bare, said_about = strip_approx(raw)
    approx = approx or said_about
    if not bare.strip():
        raise InvalidInput(f"{raw!r} gives no time", field=field)
    dt, has_clock = read_typed_time(bare.strip(), field)
    precision = typed_precision(bare, has_clock)
    date_only = not has_clock
    unc = uncertainty_s if uncertainty_s is not None else (
        PRECISION_S[precision] + (approx_s if approx else 0.0))
    if date_only:
        dt = dt.replace(hour=12, minute=0, second=0, microsecond=0)
    try:
        if dt.tzinfo is not None:
            return TimeValue(raw=raw, utc=iso_z(dt), basis="analyst", uncertainty_s=unc,
                             zone=dt.strftime("%z") or None, precision=precision, approx=approx)
        for zone_name, basis in ((tz, "analyst"), (default_tz, "case-default")):
            if zone_name:
                zone = get_zone(zone_name)
                return TimeValue(raw=raw, utc=iso_z(dt.replace(tzinfo=zone)), basis=basis,
                                 uncertainty_s=unc, zone=zone_name, precision=precision,
                                 approx=approx)
    except (TimeOutOfRange, OverflowError):
        raise InvalidInput(f"{raw!r} is outside the years 0001–9999 in UTC", field=field) from None
    return TimeValue(raw=raw, utc=None, basis="unknown", uncertainty_s=unc,
                     local=dt.replace(tzinfo=None).isoformat(), precision=precision, approx=approx)


def in_zone(tv: TimeValue, zone_name: str, basis: str = "location-tz") -> TimeValue:
    """A time typed without a zone, read in the zone of its place (basis says how it was chosen);
    a time that has a zone is returned as it is."""
    if tv.utc is not None or tv.local is None:
        return tv
    local = datetime.fromisoformat(tv.local)
    try:
        utc = iso_z(local.replace(tzinfo=get_zone(zone_name)))
    except (TimeOutOfRange, OverflowError, InvalidInput):
        return tv
    return TimeValue(raw=tv.raw, utc=utc, basis=basis, uncertainty_s=tv.uncertainty_s,
                     local=tv.local, zone=zone_name, read_from=tv.read_from,
                     precision=tv.precision, approx=tv.approx)


# ---- EXIF times: wall-clock readings and offsets as cameras write them --------------------------
_EXIF_DT = re.compile(r"^\s*(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")


def parse_exif_datetime(raw: str | None) -> datetime | None:
    """'2008:10:22 16:28:39' as a naive wall-clock datetime; None for blank or impossible values."""
    if not raw:
        return None
    m = _EXIF_DT.match(raw)
    if not m:
        return None
    try:
        year, month, day, hour, minute, second = (int(g) for g in m.groups())
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def parse_offset(raw: str | None) -> int | None:
    """'+02:00' as seconds east of UTC; None when absent or not an offset in use on Earth."""
    if not raw:
        return None
    m = _OFFSET.match(raw)
    if not m:
        return None
    secs = (int(m.group(2)) * 60 + int(m.group(3))) * 60
    secs = -secs if m.group(1) == "-" else secs
    return secs if -12 * 3600 <= secs <= 14 * 3600 else None


#: Which offset and sub-second tag goes with each time tag.
_PAIRS = (("DateTimeOriginal", "OffsetTimeOriginal", "SubSecTimeOriginal"),
          ("DateTimeDigitized", "OffsetTimeDigitized", "SubSecTimeDigitized"))


def _subsec(text: str | None) -> timedelta:
    digits = "".join(ch for ch in (text or "") if ch in "0123456789")[:6]   # ASCII only
    return timedelta(microseconds=int(digits.ljust(6, "0"))) if digits else timedelta(0)


def camera_local(times: Mapping[str, str]) -> tuple[str, datetime, str | None] | None:
    """A camera's wall-clock capture time from EXIF tags: (tag used, naive datetime, its offset text)."""
    for tag, off_tag, sub_tag in _PAIRS:
        local = parse_exif_datetime(times.get(tag))
        if local is not None:
            offset = times.get(off_tag) or times.get("OffsetTime")
            return tag, local + _subsec(times.get(sub_tag)), offset
    return None


# ---- how a time reads to a person: a date is a day, never a made-up clock time -------------
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\s*(am|pm)\b|T\d{2}", re.IGNORECASE)


def is_date_only(tv: TimeValue | None) -> bool:
    """Whether a time was given as a date without a clock time (it stands for that whole day)."""
    return tv is not None and bool(tv.raw.strip()) and not _CLOCK.search(tv.raw)
