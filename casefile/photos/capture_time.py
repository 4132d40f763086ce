"""When a photo was taken, in UTC, where in the file that was read, how the zone was decided and how
sure we are.

The wall-clock time: the first usable place in `places.TIME_ORDER` (EXIF, maker note, CIFF, picture
info, XMP, IPTC). Its zone: an offset the same place states (EXIF offset tags, an XMP or IPTC
offset) > the camera's zone setting (maker note, CIFF) > the camera's own UTC reading of the same
moment (Olympus DateTimeUTC, Samsung trailer) > the GPS UTC stamp > an offset another place
states for the same wall-clock time (e.g. XMP written by an editor) > the time zone at the photo's
position (offline lookup) > the case's default zone > unknown (a local time; never treated as UTC).
A date alone is that whole local day (noon, +-12 h).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from casefile.model.photos import FoundValue, PhotoMeta
from casefile.photos import places
from casefile.timeutil import TimeValue, get_zone, iso_z_or_none, parse_offset

DAY_S = 12 * 3600.0


def _gps_time(meta: PhotoMeta, local_iso: str | None = None) -> TimeValue | None:
    if not meta.gps.utc:
        return None
    where = meta.gps.utc_read_from or "exif GPSDateStamp+GPSTimeStamp"
    raw = meta.gps.time_raw if meta.gps.utc_read_from else f"GPS {meta.gps.date_raw} {meta.gps.time_raw}"
    return TimeValue(raw=raw or "", utc=meta.gps.utc, basis="gps-utc", uncertainty_s=1.0, local=local_iso,
                     zone="UTC", read_from=where)


def _stated_offset(meta: PhotoMeta, best: FoundValue) -> tuple[str, str] | None:
    """(offset, where) from another place that gives the same wall-clock time with an offset."""
    for v in places.time_values(meta):
        if v is not best and v.offset and v.value and best.value and v.value[:19] == best.value[:19]:
            return v.offset, places.read_from(v)
    return None


def _camera_utc(meta: PhotoMeta, best: FoundValue, local: datetime) -> tuple[str, str] | None:
    """(offset, where) from the camera's own UTC reading of the same moment (Olympus DateTimeUTC,
    Samsung's trailer): the wall clock minus it, when that is a whole quarter hour in use on Earth."""
    for v in places.time_values(meta):
        if v is best or v.place not in ("makernote", "trailer") or v.offset != "+00:00" or not v.value \
                or len(v.value) < 19:
            continue
        diff = (local - datetime.fromisoformat(v.value)).total_seconds()
        quarters = round(diff / 900)
        if abs(diff - quarters * 900) <= 60 and -48 <= quarters <= 56:   # a save may lag the shot
            minutes = quarters * 15
            sign = "-" if minutes < 0 else "+"
            return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}", v.where
    return None


def capture_time(meta: PhotoMeta, *, default_tz: str | None = None,
                 place_zone: str | None = None, place_source: str = "exif") -> TimeValue | None:
    """The best-founded UTC capture time of a photo, or None when it carries no capture time."""
    best = places.chosen_time(meta)
    if best is None or best.value is None:
        return _gps_time(meta)
    date_only = len(best.value) == 10
    local = datetime.fromisoformat(best.value + ("T12:00:00" if date_only else ""))
    unc = DAY_S if date_only else 1.0
    local_iso = local.isoformat(timespec="milliseconds")
    where = places.read_from(best)
    raw = best.raw

    def fixed(offset_text: str, read_from: str, own: bool = False) -> TimeValue:
        offset = parse_offset(offset_text)
        assert offset is not None      # places keeps only offsets in use
        utc = local.replace(tzinfo=timezone(timedelta(seconds=offset)))
        # EXIF keeps the offset in its own tag: shown beside the time it belongs to.
        shown = f"{raw} {offset_text}" if own and best.place == "exif" else raw
        return TimeValue(raw=shown, utc=iso_z_or_none(utc), basis="exif-offset", uncertainty_s=unc,
                         local=local_iso, zone=offset_text, read_from=read_from)

    if best.offset:
        return fixed(best.offset, where, own=True)
    setting = next(iter(places.zone_values(meta)), None)
    if setting is not None and setting.value and not date_only:
        return fixed(setting.value, f"{where}; zone from {places.read_from(setting)}")
    camera_utc = None if date_only else _camera_utc(meta, best, local)
    if camera_utc is not None:
        return fixed(camera_utc[0], f"{where}; zone from the camera's UTC clock ({camera_utc[1]})")
    if not date_only and (gps := _gps_time(meta, local_iso)) is not None:
        # The GPS receiver's UTC clock, not the camera's; the camera-clock check compares the two.
        return gps
    other = _stated_offset(meta, best)
    if other is not None:
        return fixed(other[0], f"{where}; offset from {other[1]}")
    zone_name, basis = None, "unknown"
    if meta.gps.tz_at_position and place_source == "exif":
        zone_name, basis = meta.gps.tz_at_position, "location-tz"
    elif place_zone:
        zone_name, basis = place_zone, "location-tz"
    elif default_tz:
        zone_name, basis = default_tz, "case-default"
    if zone_name is None:
        # The camera clock's own uncertainty; TimeValue.window() adds every zone on Earth.
        return TimeValue(raw=raw, utc=None, basis="unknown", uncertainty_s=unc, local=local_iso,
                         read_from=where)
    zone = get_zone(zone_name)
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    gap = abs((first.utcoffset() or timedelta(0)) - (second.utcoffset() or timedelta(0)))
    # A wall time that falls in a DST change is ambiguous (or skipped) by the size of the change.
    return TimeValue(raw=raw, utc=iso_z_or_none(first), basis=basis, uncertainty_s=unc + gap.total_seconds(),
                     local=local_iso, zone=zone_name, read_from=where)
