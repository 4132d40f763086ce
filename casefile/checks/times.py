"""Time checks: modified after capture, capture in the future or after acquisition, camera clock vs GPS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from casefile.checks.base import CheckInput, finding
from casefile.model.findings import CheckFinding
from casefile.timeutil import (
    TimeValue,
    camera_local,
    get_zone,
    parse_exif_datetime,
    parse_offset,
    parse_z,
    shift,
)

#: Differences below this many seconds are clock jitter, not findings.
SLACK_S = 60


def _fmt(seconds: float) -> str:
    s = abs(int(round(seconds)))
    d, rem = divmod(s, 86400)
    h, rem = divmod(rem, 3600)
    m, sec = divmod(rem, 60)
    parts = [f"{d} d"] if d else []
    parts += [f"{h} h"] if h else []
    parts += [f"{m} min"] if m else []
    parts += [f"{sec} s"] if sec or not parts else []
    return " ".join(parts)


def modified_after_original(inp: CheckInput) -> list[CheckFinding]:
    t = inp.meta.times
    orig, mod = parse_exif_datetime(t.get("DateTimeOriginal")), parse_exif_datetime(t.get("ModifyDate"))
    if orig is None or mod is None:
        return []
    o_off, m_off = parse_offset(t.get("OffsetTimeOriginal")), parse_offset(t.get("OffsetTime"))
    delta = (mod - orig).total_seconds()
    if o_off is not None and m_off is not None:
        delta -= m_off - o_off
    if delta <= SLACK_S:
        return []
    return [finding(inp, "modified-after-capture", "notice", "Modified after it was taken",
                    f"The file's ModifyDate is {_fmt(delta)} after the time the picture was taken, "
                    "so something rewrote the file later.",
                    "Rotating, rating or adding a caption in a photo manager updates ModifyDate "
                    "without changing the picture.",
                    DateTimeOriginal=t.get("DateTimeOriginal"), ModifyDate=t.get("ModifyDate"),
                    OffsetTimeOriginal=t.get("OffsetTimeOriginal"), OffsetTime=t.get("OffsetTime"),
                    difference_s=delta)]


def _earliest(cap: TimeValue | None) -> datetime | None:
    """The earliest UTC instant a capture time allows (a local time of unknown zone: at UTC+14)."""
    if cap is None:
        return None
    if cap.utc is not None:
        return shift(parse_z(cap.utc), -cap.uncertainty_s)
    if cap.local is None:
        return None
    # Not TimeValue.window(): for an unknown zone it adds uncertainty_s on top of the zone span.
    return shift(datetime.fromisoformat(cap.local).replace(tzinfo=UTC), -14 * 3600)


def capture_after_acquisition(inp: CheckInput) -> list[CheckFinding]:
    cap = inp.capture
    earliest = _earliest(cap)
    if earliest is None:
        return []
    refs = ((inp.now, "now (when the check ran)", "capture-in-future"),
            (inp.acquired_at, "when the file was acquired", "capture-after-acquisition"))
    for ref, label, check_id in refs:
        if not ref:
            continue
        limit = parse_z(ref)
        if earliest > shift(limit, SLACK_S):
            return [finding(inp, check_id, "warning", "Capture time is impossible",
                            f"Even at the earliest the metadata allows ({earliest.isoformat()}), the "
                            f"picture would have been taken after {label} ({ref}), so the camera "
                            "clock or the metadata is wrong.",
                            "A camera whose clock was never set, or was set to the wrong year, "
                            "writes such times without any editing.",
                            capture=cap.to_dict() if cap else None, reference=ref,
                            earliest_utc=earliest.astimezone(UTC).isoformat())]
    return []


def gps_vs_camera_clock(inp: CheckInput) -> list[CheckFinding]:
    m = inp.meta
    cam = camera_local(m.times)
    if cam is None or not m.gps.utc:
        return []
    tag, local, offset_text = cam
    gps = parse_z(m.gps.utc)
    offset = parse_offset(offset_text)
    how = "the EXIF offset tag"
    if offset is None and m.gps.tz_at_position:
        zone = get_zone(m.gps.tz_at_position)
        offset = int((zone.utcoffset(local) or timedelta(0)).total_seconds())
        how = f"the time zone at the photo's position ({m.gps.tz_at_position})"
    if offset is None:
        diff = (local.replace(tzinfo=UTC) - gps).total_seconds()
        nearest = round(diff / 900) * 900            # zones are whole quarter hours from UTC
        if -12 * 3600 <= nearest <= 14 * 3600:
            offset = nearest
            how = f"the nearest plausible zone offset ({nearest / 3600:+.2f} h)"
        else:
            offset = 0
            how = "no zone (the difference is larger than any zone offset)"
    camera_utc = local.replace(tzinfo=timezone(timedelta(seconds=offset)))
    clock_offset = (camera_utc - gps).total_seconds()
    if abs(clock_offset) <= SLACK_S:
        return []
    direction = "ahead of" if clock_offset > 0 else "behind"
    return [finding(inp, "camera-clock-offset", "notice", "Camera clock and GPS time disagree",
                    f"The camera clock was about {_fmt(clock_offset)} {direction} the GPS time "
                    f"(zone from {how}), so times read from this camera need that correction.",
                    "Camera clocks drift and are often set by hand; the GPS stamp can also be the "
                    "time of an older satellite fix.",
                    camera_tag=tag, camera_local=local.isoformat(), camera_offset=offset_text,
                    zone_offset_s=offset, gps_utc=m.gps.utc, gps_date=m.gps.date_raw,
                    gps_time=m.gps.time_raw, clock_offset_s=clock_offset)]


CHECKS = (modified_after_original, capture_after_acquisition, gps_vs_camera_clock)
