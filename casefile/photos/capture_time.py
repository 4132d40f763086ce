"""When a photo was taken, in UTC, with how the zone was decided and how sure we are.

Order of evidence: EXIF offset tags > the GPS UTC stamp > the time zone at the photo's position
(offline lookup) > the case's default zone > unknown (a local time; never silently treated as UTC).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from casefile.model.photos import PhotoMeta
from casefile.timeutil import TimeValue, camera_local, get_zone, iso_z, parse_offset

#: XMP creation times, most specific first (used only when the EXIF has no capture time).
XMP_TIMES = ("exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate", "xap:CreateDate")


def _xmp_time(meta: PhotoMeta) -> TimeValue | None:
    """The XMP creation time (ISO 8601), for files without an EXIF one; an offset in it is used."""
    name = next((n for n in XMP_TIMES if meta.times.get(f"XMP {n}")), None)
    if name is None:
        return None
    raw = meta.times[f"XMP {name}"]
    try:
        dt = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None or len(raw.strip()) < 16:
        return None      # no offset (or date only): left to the EXIF rules, not guessed here
    return TimeValue(raw=f"XMP {name} {raw.strip()}", utc=iso_z(dt), basis="exif-offset", uncertainty_s=1.0,
                     local=dt.replace(tzinfo=None).isoformat(timespec="milliseconds"),
                     zone=dt.strftime("%z") or None)


def capture_time(meta: PhotoMeta, *, default_tz: str | None = None,
                 place_zone: str | None = None, place_source: str = "exif") -> TimeValue | None:
    """The best-founded UTC capture time of a photo, or None when it carries no capture time."""
    cam = camera_local(meta.times)
    if cam is None:
        xmp_time = _xmp_time(meta)
        if xmp_time is not None:
            return xmp_time
        if meta.gps.utc:
            return TimeValue(raw=f"GPS {meta.gps.date_raw} {meta.gps.time_raw}", utc=meta.gps.utc,
                             basis="gps-utc", uncertainty_s=1.0, zone="UTC")
        return None
    tag, local, offset_text = cam
    raw = meta.times[tag]
    local_iso = local.isoformat(timespec="milliseconds")
    offset = parse_offset(offset_text)
    if offset_text is not None and offset is not None:
        utc = local.replace(tzinfo=timezone(timedelta(seconds=offset)))
        return TimeValue(raw=f"{raw} {offset_text.strip()}", utc=iso_z(utc), basis="exif-offset",
                         uncertainty_s=1.0, local=local_iso, zone=offset_text.strip())
    if meta.gps.utc:
        # The GPS receiver's UTC clock, not the camera's; the camera-clock check compares the two.
        return TimeValue(raw=f"GPS {meta.gps.date_raw} {meta.gps.time_raw}", utc=meta.gps.utc,
                         basis="gps-utc", uncertainty_s=1.0, local=local_iso, zone="UTC")
    zone_name, basis = None, "unknown"
    if meta.gps.tz_at_position and place_source == "exif":
        zone_name, basis = meta.gps.tz_at_position, "location-tz"
    elif place_zone:
        zone_name, basis = place_zone, "location-tz"
    elif default_tz:
        zone_name, basis = default_tz, "case-default"
    if zone_name is None:
        # The camera clock's own uncertainty; TimeValue.window() adds every zone on Earth.
        return TimeValue(raw=raw, utc=None, basis="unknown", uncertainty_s=1.0, local=local_iso)
    zone = get_zone(zone_name)
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    gap = abs((first.utcoffset() or timedelta(0)) - (second.utcoffset() or timedelta(0)))
    # A wall time that falls in a DST change is ambiguous (or skipped) by the size of the change.
    return TimeValue(raw=raw, utc=iso_z(first), basis=basis, uncertainty_s=1.0 + gap.total_seconds(),
                     local=local_iso, zone=zone_name)
