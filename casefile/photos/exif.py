"""Raw exifread tags to normalised fields: camera, times (raw text kept), GPS with bogus values rejected."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from typing import Any, TypeAlias

from casefile.model.photos import GpsReading, PhotoMeta
from casefile.timeutil import iso_z, parse_exif_datetime

#: exifread's tags by name ("EXIF DateTimeOriginal"): its IfdTag objects (printable text and
#: values), or plain values where a reader builds them itself
ExifTags: TypeAlias = Mapping[str, object]

#: Normalised time field -> exifread tag names that may hold it (first found wins).
TIME_TAGS = {
    "DateTimeOriginal": ("EXIF DateTimeOriginal", "Image DateTimeOriginal"),
    "DateTimeDigitized": ("EXIF DateTimeDigitized",),
    "ModifyDate": ("Image DateTime",),
    "SubSecTimeOriginal": ("EXIF SubSecTimeOriginal",),
    "SubSecTimeDigitized": ("EXIF SubSecTimeDigitized",),
    "SubSecTime": ("EXIF SubSecTime",),
    "OffsetTimeOriginal": ("EXIF OffsetTimeOriginal",),
    "OffsetTimeDigitized": ("EXIF OffsetTimeDigitized",),
    "OffsetTime": ("EXIF OffsetTime",),
}


def text(tags: ExifTags, *names: str) -> str | None:
    """The first of these tags as stripped printable text, or None if absent or blank."""
    for name in names:
        tag = tags.get(name)
        if tag is None:
            continue
        value = str(getattr(tag, "printable", tag)).replace("\x00", "").strip()
        if value:
            return value
    return None


def _num(v: Any) -> float | None:
    try:
        if isinstance(v, Fraction) or hasattr(v, "denominator"):
            if v.denominator == 0:
                return None
            return float(Fraction(v.numerator, v.denominator))
        return float(v)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None


def _values(tags: ExifTags, name: str) -> list[Any] | None:
    tag = tags.get(name)
    if tag is None:
        return None
    vals = getattr(tag, "values", tag)
    if isinstance(vals, (list, tuple)):
        return list(vals)
    return [vals]


def _dms(tags: ExifTags, name: str, limit: float) -> tuple[float | None, str | None]:
    vals = _values(tags, name)
    if vals is None:
        return None, None
    read = [_num(v) for v in vals]
    nums = [x for x in read if x is not None]
    if not nums or len(nums) < len(read) or len(nums) > 3:
        return None, (f"{name.split()[-1]} {text(tags, name)!r} is not a readable "
                      "degrees/minutes/seconds value")
    while len(nums) < 3:
        nums.append(0.0)
    d, m, s = nums
    # 60 seconds is accepted: writers that round 59.99.. up leave it (ExifTool reads it too).
    if d < 0 or m < 0 or s < 0 or m >= 60 or s > 60 or d > limit or d + m / 60 + s / 3600 > limit:
        return None, f"{name.split()[-1]} {text(tags, name)} is outside the possible range (0..{limit:g}°)"
    return d + m / 60 + s / 3600, None


def read_gps(tags: ExifTags) -> GpsReading:
    """GPS position, altitude, direction and UTC stamp; an impossible position is rejected, not shown."""
    g = GpsReading()
    gps_tags = {k: v for k, v in tags.items() if k.startswith("GPS ")}
    g.present = bool(gps_tags) or "Image GPSInfo" in tags
    g.raw = {k: text(tags, k) or "" for k in gps_tags}
    if not g.present:
        return g
    problems: list[str] = []
    lat, p1 = _dms(tags, "GPS GPSLatitude", 90)
    lon, p2 = _dms(tags, "GPS GPSLongitude", 180)
    problems += [p for p in (p1, p2) if p]
    lat_ref = (text(tags, "GPS GPSLatitudeRef") or "").upper()[:1]
    lon_ref = (text(tags, "GPS GPSLongitudeRef") or "").upper()[:1]
    if lat is None and lon is None and not problems:
        problems.append("the GPS block holds no latitude or longitude (position stripped or never fixed)")
    elif lat is None or lon is None:
        if not problems:
            problems.append("only one of latitude / longitude is present")
    else:
        if lat_ref not in ("N", "S") or lon_ref not in ("E", "W"):
            problems.append(f"latitude/longitude reference missing or invalid ({lat_ref or 'none'}/"
                            f"{lon_ref or 'none'}): the hemisphere is unknown")
        elif lat == 0 and lon == 0:
            problems.append("position 0°, 0° is the placeholder a device writes without a fix")
        else:
            g.lat = -lat if lat_ref == "S" else lat
            g.lon = -lon if lon_ref == "W" else lon
    g.problem = "; ".join(problems) or None
    alt_vals = _values(tags, "GPS GPSAltitude")
    if alt_vals:
        alt = _num(alt_vals[0])
        ref = _values(tags, "GPS GPSAltitudeRef")
        if alt is not None and -1000 <= alt <= 100000:
            g.alt_m = -alt if ref and str(ref[0]) in ("1", "b'\\x01'") else alt
    dir_vals = _values(tags, "GPS GPSImgDirection")
    if dir_vals:
        d = _num(dir_vals[0])
        if d is not None and 0 <= d <= 360:
            g.direction_deg = d
    g.date_raw = text(tags, "GPS GPSDate")
    g.time_raw = text(tags, "GPS GPSTimeStamp")
    g.utc = _gps_utc(g.date_raw, _values(tags, "GPS GPSTimeStamp"))
    return g


def _gps_utc(date_raw: str | None, time_vals: list[Any] | None) -> str | None:
    if not date_raw or not time_vals or len(time_vals) != 3:
        return None
    m = re.match(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})", date_raw)
    nums = [x for x in (_num(v) for v in time_vals) if x is not None]
    if not m or len(nums) != 3:
        return None
    h, mi, s = nums
    if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 61):
        return None
    try:
        day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=UTC)
    except ValueError:
        return None
    return iso_z(day + timedelta(hours=h, minutes=mi, seconds=s))


def _int(tags: ExifTags, *names: str) -> int | None:
    for name in names:
        vals = _values(tags, name)
        if vals:
            n = _num(vals[0])
            if n is not None and n >= 0:
                return int(n)
    return None


def normalise(tags: ExifTags, meta: PhotoMeta) -> None:
    """Fill the camera, time and GPS fields of meta from exifread's tags."""
    exif_keys = [k for k in tags if k.split(" ", 1)[0] in ("Image", "EXIF", "GPS", "Interoperability",
                                                             "MakerNote", "Thumbnail")]
    meta.has_exif = bool(exif_keys)
    meta.exif_tag_count = len(exif_keys)
    meta.make = text(tags, "Image Make")
    meta.model = text(tags, "Image Model")
    meta.lens = text(tags, "EXIF LensModel", "MakerNote LensModel", "EXIF LensMake")
    meta.serial = text(tags, "EXIF BodySerialNumber", "MakerNote SerialNumber",
                       "MakerNote InternalSerialNumber")
    meta.software = text(tags, "Image Software", "Image ProcessingSoftware")
    meta.orientation = _int(tags, "Image Orientation")
    meta.exif_width = _int(tags, "EXIF ExifImageWidth")
    meta.exif_height = _int(tags, "EXIF ExifImageLength")
    for field_name, names in TIME_TAGS.items():
        raw = text(tags, *names)
        if raw is not None:
            meta.times[field_name] = raw
    for field_name in ("DateTimeOriginal", "DateTimeDigitized", "ModifyDate"):
        raw = meta.times.get(field_name)
        if raw is not None and parse_exif_datetime(raw) is None and raw.strip(" :0"):
            meta.exif_problems.append(f"{field_name} {raw!r} is not a valid EXIF date "
                                      "(YYYY:MM:DD HH:MM:SS)")
    meta.gps = read_gps(tags)
    if meta.gps.date_raw:
        meta.times["GPSDateStamp"] = meta.gps.date_raw
    if meta.gps.time_raw:
        meta.times["GPSTimeStamp"] = meta.gps.time_raw


def raw_tag_texts(tags: ExifTags) -> dict[str, str]:
    """Every exifread tag as printable text (binary thumbnails left out: they are kept as derived)."""
    out: dict[str, str] = {}
    for name, tag in tags.items():
        if name in ("JPEGThumbnail", "TIFFThumbnail"):
            continue
        try:
            value = str(getattr(tag, "printable", tag))
        except Exception:  # noqa: BLE001 - a tag that cannot be printed is shown as such
            value = "<unprintable>"
        out[name] = value.replace("\x00", "")[:2000]
    return out
