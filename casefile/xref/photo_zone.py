"""A photo's offset tag against the zone at its own GPS position on that date.

A camera's offset tag (EXIF OffsetTimeOriginal) is set by hand or by a phone that may not have
changed zone yet; the zone at the GPS position (timezonefinder, with that date's daylight saving)
is another reading of the same wall-clock time. Where they disagree, the GPS time stamp
(GPSDateStamp + GPSTimeStamp, UTC), when present, is an independent clock that settles it. Until
settled, both readings remain possible: the photo's time becomes a window spanning both, so every
finding that uses it is consistent or inconsistent only where both readings agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from casefile.model.findings import Finding
from casefile.reference.zones import zone_at
from casefile.timeutil import TimeValue, from_epoch, get_zone, iso_z, parse_offset
from casefile.xref.confidence import stated
from casefile.xref.findings import make_finding
from casefile.xref.model import PhotoIn

KIND = "photo-zone"
#: a GPS stamp this close to one reading (and not the other) settles which zone the camera used
GPS_SETTLES_S = 300.0
_NUM = re.compile(r"(\d+)(?:/(\d+))?")


@dataclass(frozen=True)
class ZoneReadings:
    """The two readings of a photo's wall-clock time and what the GPS clock says."""

    tag: str                  # the offset tag as found ("-06:00")
    tag_utc: float
    zone: str                 # the IANA zone at the position
    zone_offset: str          # its offset that day ("-07:00")
    zone_utc: float
    gps_utc: float | None     # the GPS stamp, when present
    settled: str | None       # "tag" | "zone" | None


def gps_stamp(times: dict[str, str]) -> float | None:
    """GPSDateStamp + GPSTimeStamp as UTC epoch seconds (None when absent or unreadable)."""
    date, clock = times.get("GPSDateStamp"), times.get("GPSTimeStamp")
    if not date or not clock:
        return None
    d = re.match(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})", date)
    parts = [int(a) / int(b or 1) for a, b in _NUM.findall(clock)][:3]
    if d is None or len(parts) < 3:
        return None
    try:
        base = datetime(int(d.group(1)), int(d.group(2)), int(d.group(3)), tzinfo=UTC)
    except ValueError:
        return None
    return base.timestamp() + parts[0] * 3600 + parts[1] * 60 + parts[2]


def _offset_text(seconds: float) -> str:
    m = round(seconds / 60)
    sign = "-" if m < 0 else "+"
    return f"{sign}{abs(m) // 60:02d}:{abs(m) % 60:02d}"


def readings(photo: PhotoIn) -> ZoneReadings | None:
    """The tag's and the position's readings when they disagree (None when they agree or when
    the photo has no offset tag, no local time or no GPS position of its own)."""
    cap = photo.capture
    pos = photo.file_place or (photo.place if photo.place and photo.place.source == "exif" else None)
    if cap is None or cap.basis != "exif-offset" or not cap.local or not cap.zone or pos is None:
        return None
    tag = parse_offset(cap.zone)
    zone = zone_at(pos.lat, pos.lon)
    if tag is None or zone is None:
        return None
    local = datetime.fromisoformat(cap.local)
    off = local.replace(tzinfo=get_zone(zone)).utcoffset()
    if off is None or off.total_seconds() == tag:
        return None
    naive = local.replace(tzinfo=UTC).timestamp()
    tag_utc, zone_utc = naive - tag, naive - off.total_seconds()
    gps = photo.gps_utc
    settled = None
    if gps is not None:
        dt, dz = abs(gps - tag_utc), abs(gps - zone_utc)
        if dt <= GPS_SETTLES_S < dz:
            settled = "tag"
        elif dz <= GPS_SETTLES_S < dt:
            settled = "zone"
    return ZoneReadings(cap.zone, tag_utc, zone, _offset_text(off.total_seconds()), zone_utc, gps,
                        settled)


def weighed(photo: PhotoIn, r: ZoneReadings | None) -> PhotoIn:
    """The photo as every other finding should use it: the settled reading, else a window that
    spans both readings (so a verdict holds only where both agree)."""
    cap = photo.capture
    if r is None or cap is None or r.settled == "tag":
        return photo
    if r.settled == "zone":
        tv = replace(cap, utc=from_epoch(r.zone_utc), zone=r.zone_offset, basis="location-tz",
                     read_from=f"{cap.read_from or 'exif'}; zone at its GPS position ({r.zone}), "
                               "confirmed by its GPS time stamp")
        return replace(photo, capture=tv)
    lo, hi = sorted((r.tag_utc, r.zone_utc))
    mid = (lo + hi) / 2
    tv = TimeValue(raw=cap.raw, utc=iso_z(datetime.fromtimestamp(mid, UTC)), basis=cap.basis,
                   uncertainty_s=(hi - lo) / 2 + cap.uncertainty_s, local=cap.local,
                   zone=f"{r.tag} or {r.zone_offset}", read_from=(
                       f"{cap.read_from or 'exif'}; the offset tag ({r.tag}) and the zone at its "
                       f"GPS position ({r.zone}, {r.zone_offset}) disagree: both readings kept"))
    return replace(photo, capture=tv)


def zone_finding(photo: PhotoIn, r: ZoneReadings, names: dict[str, str]) -> Finding:
    """The check naming both offsets, and what the GPS clock settles."""
    name = names.get(photo.item_id) or photo.label or "the photo"
    base = (f"{name}'s offset tag says {r.tag}, but the zone at its own GPS position "
            f"({r.zone}) was {r.zone_offset} on that date: read with the tag it was taken at "
            f"{from_epoch(r.tag_utc)[:19]}Z, in the zone of its position at "
            f"{from_epoch(r.zone_utc)[:19]}Z.")
    if r.settled == "zone":
        verdict = "inconsistent"
        expl = base + (" Its GPS time stamp (UTC, an independent clock) agrees with the zone of "
                       "its position, so the tag is wrong and the findings use that reading.")
        conf = stated(0.85, "the GPS clock settles which reading is right")
    elif r.settled == "tag":
        verdict = "consistent"
        expl = base + (" Its GPS time stamp agrees with the tag (the camera kept the zone it was "
                       "set to), so the findings use the tag's reading.")
        conf = stated(0.8, "the GPS clock settles which reading is right")
    else:
        verdict = "undetermined"
        expl = base + (" Nothing in the file settles which is right (no GPS time stamp, or one "
                       "that matches neither), so findings that use its time weigh both readings "
                       "and take a side only where both agree. A GPS time stamp or the camera's "
                       "zone setting would settle it.")
        conf = stated(0.5, "two readings of the time remain possible")
    inputs: dict[str, Any] = {
        "photo": {"item_id": photo.item_id, "local": photo.capture and photo.capture.local},
        "offset_tag": r.tag, "zone_at_position": r.zone, "zone_offset": r.zone_offset,
        "tag_utc": from_epoch(r.tag_utc), "zone_utc": from_epoch(r.zone_utc),
        "gps_utc": from_epoch(r.gps_utc) if r.gps_utc is not None else None,
        "settled_by_gps": r.settled, "reference_data": "timezonefinder (zone boundaries)"}
    return make_finding(KIND, verdict, conf, expl, [photo.item_id], inputs,
                        [f"A GPS time stamp within {GPS_SETTLES_S / 60:g} min of one reading and "
                         "not the other settles which zone the camera used."])


def reading(photo: PhotoIn, r: ZoneReadings, which: str) -> PhotoIn:
    """The photo read with one of the two offsets ("tag" or "zone")."""
    cap = photo.capture_found or photo.capture
    assert cap is not None
    utc, zone = (r.tag_utc, r.tag) if which == "tag" else (r.zone_utc, r.zone_offset)
    return replace(photo, capture=replace(cap, utc=from_epoch(utc), zone=zone))


def weigh(found_tag: list[Finding], found_zone: list[Finding], r: ZoneReadings) -> list[Finding]:
    """Findings made with each reading of the photo's time: where both readings give the same
    verdict it stands (said so); where they differ the finding is undetermined, saying why and
    naming every record either reading rests on."""
    pairs: list[tuple[Finding | None, Finding | None]] = []
    rest = list(found_zone)
    for t in found_tag:
        z = next((x for x in rest if (x.kind, x.item_ids) == (t.kind, t.item_ids)), None) or \
            next((x for x in rest if x.kind == t.kind), None)
        if z is not None:
            rest.remove(z)
        pairs.append((t, z))
    pairs += [(None, z) for z in rest]
    out = []
    for f, g in pairs:
        if f is not None and g is not None and f.verdict == g.verdict:
            out.append(replace(f, assumptions=(*f.assumptions, (
                f"Read with the offset tag ({r.tag}) or in the zone of its GPS position "
                f"({r.zone}, {r.zone_offset}), the verdict is the same."))))
            continue
        base = f or g
        assert base is not None
        with_tag = f"{f.verdict}: {f.explanation}" if f is not None else "no finding."
        with_zone = f"{g.verdict}: {g.explanation}" if g is not None else "no finding."
        expl = (f"The photo's time has two readings that give different verdicts, so this is "
                f"undetermined. With its offset tag ({r.tag}): {with_tag} In the zone of its GPS "
                f"position ({r.zone}, {r.zone_offset}): {with_zone} A GPS time stamp would settle "
                f"which zone the camera used.")
        items = tuple(dict.fromkeys((*(f.item_ids if f else ()), *(g.item_ids if g else ()))))
        conf = min(base.confidence, 0.5)
        out.append(replace(base, verdict="undetermined", confidence=conf, explanation=expl,
                           item_ids=items, confidence_note=stated(
                               conf, "two readings of the photo's time give different verdicts"
                           ).sentence,
                           inputs={**base.inputs, "zone_readings": {
                               "offset_tag": r.tag, "zone": r.zone, "zone_offset": r.zone_offset,
                               "verdict_with_tag": f.verdict if f else None,
                               "verdict_with_zone": g.verdict if g else None}}))
    return out
