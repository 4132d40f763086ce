"""Time rules: UTC instants as fixed-width ISO-8601 strings with Z, plus how the zone was decided."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateparser

from casefile.errors import InvalidInput

#: How the zone of a time was decided (see shared/GUIDE.md).
BASES = ("exif-offset", "gps-utc", "location-tz", "case-default", "analyst", "source-stated",
         "recorded-utc", "unknown")

#: Widest offset from UTC in use anywhere (UTC-12 .. UTC+14), for times whose zone is unknown.
UNKNOWN_ZONE_UNCERTAINTY_S = 14 * 3600


def utc_now() -> datetime:
    """The current instant, zone-aware UTC."""
    return datetime.now(UTC)


def iso_z(dt: datetime) -> str:
    """Format an aware datetime as sortable UTC text: 2019-03-23T14:05:00.000Z."""
    if dt.tzinfo is None:
        raise ValueError("refusing to format a naive datetime as UTC")
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def now_z() -> str:
    return iso_z(utc_now())


def parse_z(text: str) -> datetime:
    """Parse text written by iso_z (or any ISO time with an offset) back to an aware datetime."""
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        raise ValueError(f"time has no zone: {text!r}")
    return dt


def from_epoch(seconds: float) -> str:
    return iso_z(datetime.fromtimestamp(seconds, UTC))


def get_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput(f"unknown time zone {name!r} (use an IANA name such as America/Caracas)") from exc


@dataclass(frozen=True)
class TimeValue:
    """A point in time as evidence gives it: the raw text, the UTC reading, and how sure we are.

    `utc` is None when the zone is unknown; then `local` holds the wall-clock reading and
    `uncertainty_s` covers every zone on Earth, so nothing silently treats it as UTC.
    """

    raw: str
    utc: str | None
    basis: str
    uncertainty_s: float = 0.0
    local: str | None = None
    zone: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> TimeValue | None:
        return cls(**data) if data else None

    def window(self) -> tuple[datetime, datetime] | None:
        """The UTC interval this time could be in, widened to every zone if the zone is unknown."""
        if self.utc is not None:
            centre = parse_z(self.utc)
        elif self.local is not None:
            centre = datetime.fromisoformat(self.local).replace(tzinfo=UTC)
        else:
            return None
        pad = timedelta(seconds=self.uncertainty_s)
        if self.utc is None:
            # local wall time L is UTC L-14h .. L+12h
            return centre - timedelta(hours=14) - pad, centre + timedelta(hours=12) + pad
        return centre - pad, centre + pad


def parse_analyst_time(text: str, *, tz: str | None = None, default_tz: str | None = None,
                       field: str = "time", uncertainty_s: float | None = None) -> TimeValue:
    """Parse a time typed by an analyst: explicit offset > --tz > the case default zone > unknown.

    A date alone ("2019-03-23") means that whole local day: the centre is noon, +-12 h.
    """
    raw = text.strip()
    if not raw:
        raise InvalidInput("empty time", field=field)
    try:
        dt = dateparser.isoparse(raw)
    except (ValueError, OverflowError):
        try:
            dt = dateparser.parse(raw, dayfirst=False)
        except (ValueError, OverflowError) as exc:
            raise InvalidInput(f"cannot read {raw!r} as a time (try 2019-03-23T14:05-04:00)",
                               field=field) from exc
    date_only = len(raw) <= 10 and ":" not in raw
    unc = uncertainty_s if uncertainty_s is not None else (12 * 3600.0 if date_only else 0.0)
    if date_only:
        dt = dt.replace(hour=12, minute=0, second=0)
    if dt.tzinfo is not None:
        return TimeValue(raw=raw, utc=iso_z(dt), basis="analyst", uncertainty_s=unc,
                         zone=dt.strftime("%z") or None)
    for zone_name, basis in ((tz, "analyst"), (default_tz, "case-default")):
        if zone_name:
            zone = get_zone(zone_name)
            return TimeValue(raw=raw, utc=iso_z(dt.replace(tzinfo=zone)), basis=basis,
                             uncertainty_s=unc, zone=zone_name)
    return TimeValue(raw=raw, utc=None, basis="unknown", uncertainty_s=unc,
                     local=dt.replace(tzinfo=None).isoformat())
