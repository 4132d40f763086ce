"""Places in one file that disagree: capture time, time zone, position or camera as EXIF, XMP, IPTC,
maker notes or CIFF give them (an editor rewrote one of them, or a setting was never changed).

Times are compared like with like (the Metadata Working Group's pairs: EXIF DateTimeOriginal with
XMP photoshop:DateCreated and IPTC DateCreated; EXIF DateTimeDigitized with xmp:CreateDate), as
instants where the zone is known and as wall-clock readings where it is not. Reads the places kept
at import (PhotoMeta.found, already in the order Casefile believes them: photos.places); a photo
stored before places were kept gives nothing here.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from casefile.checks.base import CheckInput, finding
from casefile.geo import distance_km
from casefile.model.findings import CheckFinding
from casefile.model.photos import FoundValue
from casefile.timeutil import TimeValue, get_zone, parse_offset

#: Differences up to this many seconds are clock rounding, not disagreements.
SLACK_S = 60
#: Positions closer than this are the same place written twice (rounding, another app's precision).
SAME_PLACE_M = 100
FAMILY = {"original": "when the picture was taken", "digitized": "when the file was created"}


def _times(inp: CheckInput) -> list[FoundValue]:
    return [v for v in inp.meta.found if v.kind in ("original", "digitized")]


def _shown(v: FoundValue) -> dict[str, str | None]:
    return {"place": v.where, "raw": v.raw, "value": v.value, "offset": v.offset}


def _instant(v: FoundValue, capture: TimeValue | None) -> tuple[datetime, bool] | None:
    """The value as an aware instant (its own offset, else the capture time's zone), or as a wall
    clock reading (flag False) when no zone is known; a date alone is its noon."""
    if not v.value:
        return None
    local = datetime.fromisoformat(v.value if len(v.value) > 10 else v.value + "T12:00:00")
    offset = parse_offset(v.offset)
    if offset is not None:
        return local.replace(tzinfo=timezone(timedelta(seconds=offset))), True
    if capture is not None and capture.utc is not None and capture.zone:
        fixed = parse_offset(capture.zone)
        if fixed is not None:
            return local.replace(tzinfo=timezone(timedelta(seconds=fixed))), True
        if capture.zone != "UTC" or capture.basis != "gps-utc":
            return local.replace(tzinfo=get_zone(capture.zone)), True
    return local, False


def _gap(a: FoundValue, b: FoundValue, capture: TimeValue | None) -> float | None:
    """Seconds from a to b, or None if they agree (a date alone agrees with any time that day)."""
    ta, tb = _instant(a, capture), _instant(b, capture)
    if ta is None or tb is None:
        return None
    if len(a.value or "") == 10 or len(b.value or "") == 10:
        return None if (a.value or "")[:10] == (b.value or "")[:10] else \
            (tb[0].replace(tzinfo=None) - ta[0].replace(tzinfo=None)).total_seconds()
    if ta[1] and tb[1]:
        gap = (tb[0] - ta[0]).total_seconds()
    else:
        gap = (tb[0].replace(tzinfo=None) - ta[0].replace(tzinfo=None)).total_seconds()
    return gap if abs(gap) > SLACK_S else None


def _span(seconds: float) -> str:
    s = abs(int(round(seconds)))
    d, rem = divmod(s, 86400)
    h, rem = divmod(rem, 3600)
    m, sec = divmod(rem, 60)
    parts = [f"{n} {u}" for n, u in ((d, "d"), (h, "h"), (m, "min"), (sec, "s")) if n]
    return " ".join(parts) or "0 s"


def time_places_disagree(inp: CheckInput) -> list[CheckFinding]:
    out = []
    values = _times(inp)
    for family, meaning in FAMILY.items():
        usable = [v for v in values if v.kind == family and v.value]
        if len(usable) < 2:
            continue
        first = usable[0]
        # The same wall-clock reading with another offset is the zone check's to report.
        differ = [(v, gap) for v in usable[1:] if (v.value or "")[:19] != (first.value or "")[:19]
                  and (gap := _gap(first, v, inp.capture)) is not None]
        if not differ:
            continue
        said = "; ".join(f"{v.where} says {v.raw} ({_span(gap)} "
                         f"{'later' if gap > 0 else 'earlier'})" for v, gap in differ)
        used = (f" Casefile takes the capture time from {first.where} (EXIF first, then "
                "maker notes, CIFF, XMP, IPTC)." if family == "original" else "")
        out.append(finding(inp, "places-disagree", "notice", "Places in the file disagree on the time",
                           f"The file gives {meaning} in several places that do not agree: "
                           f"{first.where} says {first.raw}; {said}.{used}",
                           "Editors and photo managers rewrite XMP and IPTC dates when they import, "
                           "convert or caption a picture, and a file converted from RAW or scanned "
                           "gets the time of the conversion.",
                           field="capture time" if family == "original" else "creation time",
                           values=[_shown(first)] + [_shown(v) for v, _ in differ],
                           differences_s=[gap for _, gap in differ]))
    return out


def zone_places_disagree(inp: CheckInput) -> list[CheckFinding]:
    """Offsets stated for the capture time (by its own place, others for the same wall clock, and
    the camera's zone setting) that are not all the same."""
    best = next((v for v in _times(inp) if v.value), None)     # the capture time Casefile uses
    if best is None or best.value is None:
        return []
    stated = [v for v in _times(inp) if v.offset and v.value and v.value[:19] == best.value[:19]]
    stated += [v for v in inp.meta.found if v.kind == "zone" and v.value]
    offsets = {v.offset or v.value for v in stated}
    if len(offsets) < 2:
        return []
    listing = "; ".join(f"{v.where} says {v.offset or v.value}" for v in stated)
    return [finding(inp, "places-disagree", "notice", "Places in the file disagree on the time zone",
                    f"The same capture time is given with different UTC offsets: {listing}, so the "
                    "moment it stands for is uncertain by the difference.",
                    "A camera's time-zone setting is often left at the factory or home value while "
                    "travelling, and an editor writes its own computer's zone into XMP.",
                    field="time zone", values=[_shown(v) for v in stated], capture=inp.capture.to_dict()
                    if inp.capture else None)]


def position_places_disagree(inp: CheckInput) -> list[CheckFinding]:
    usable = [v for v in inp.meta.found if v.kind == "position" and v.value]
    if len(usable) < 2:
        return []
    a, b = usable[0], usable[1]
    (lat1, lon1), (lat2, lon2) = ((float(x) for x in v.value.split(",")) for v in (a, b) if v.value)
    metres = distance_km(lat1, lon1, lat2, lon2) * 1000
    if metres <= SAME_PLACE_M:
        return []
    return [finding(inp, "places-disagree", "warning", "Places in the file disagree on the position",
                    f"{a.where} puts the photo at {lat1:.5f}, {lon1:.5f} and "
                    f"{b.where} at {lat2:.5f}, {lon2:.5f}, {metres / 1000:.1f} km apart; "
                    f"Casefile uses {a.where}.",
                    "A photo manager that lets people place photos on a map writes its own "
                    "position into XMP and may leave the camera's GPS untouched.",
                    field="position", values=[_shown(a), _shown(b)], distance_m=round(metres, 1))]


def _name(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def camera_places_disagree(inp: CheckInput) -> list[CheckFinding]:
    out = []
    for kind in ("make", "model"):
        named = [v for v in inp.meta.found if v.kind == kind and v.value]
        differ = [v for v in named[1:] if _name(v.value) != _name(named[0].value)]
        if not differ:
            continue
        listing = "; ".join(f"{v.where} says {v.value!r}" for v in [named[0], *differ])
        out.append(finding(inp, "places-disagree", "notice",
                           f"Places in the file disagree on the camera {kind}",
                           f"The camera {kind} differs between places in the file: {listing}.",
                           "Some editors copy the camera name into XMP in their own spelling, and a "
                           "file assembled from two pictures can carry both cameras' names.",
                           field=f"camera {kind}", values=[_shown(v) for v in [named[0], *differ]]))
    return out


CHECKS = (time_places_disagree, zone_places_disagree, position_places_disagree, camera_places_disagree)
