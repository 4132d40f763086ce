"""Every place in a photo file that gives its capture time, zone, position or camera, and the order
in which Casefile believes them.

Capture time ("original" family first, then "digitized"; within a family, camera-written places
before editor- or app-written ones):

    EXIF DateTimeOriginal > maker note > CIFF > APP12 picture info > Samsung trailer (UTC) >
    XMP exif:DateTimeOriginal >
    XMP photoshop:DateCreated > IPTC DateCreated+TimeCreated >
    EXIF DateTimeDigitized > XMP xmp:CreateDate > XMP exif:DateTimeDigitized >
    IPTC DigitalCreationDate+DigitalCreationTime

Which XMP and IPTC fields pair with which EXIF field follows the Metadata Working Group's
guidelines (DateTimeOriginal = photoshop:DateCreated = IPTC DateCreated; DateTimeDigitized =
xmp:CreateDate = IPTC DigitalCreationDate). Position: EXIF GPS > XMP exif:GPSLatitude/Longitude.
Camera: EXIF IFD0 > CIFF > XMP tiff: > XMP exif:. Values that cannot be used are kept with why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone

from casefile.model.photos import FoundValue, JpegStructure, PhotoMeta
from casefile.timeutil import iso_z, parse_exif_datetime, parse_offset

ASCII_DIGITS = frozenset("0123456789")   # metadata digits: never other scripts' or superscripts

#: (kind, place, tag) in the order Casefile believes them; the first usable one is chosen.
TIME_ORDER: tuple[tuple[str, str, str | None], ...] = (
    ("original", "exif", "DateTimeOriginal"), ("original", "makernote", None),
    ("original", "ciff", None), ("original", "pictureinfo", None), ("original", "trailer", None),
    ("original", "xmp", "exif:DateTimeOriginal"), ("original", "xmp", "photoshop:DateCreated"),
    ("original", "iptc", None),
    ("digitized", "exif", "DateTimeDigitized"), ("digitized", "xmp", "xmp:CreateDate"),
    ("digitized", "xmp", "exif:DateTimeDigitized"), ("digitized", "iptc", None))
NAME_ORDER = ("exif", "ciff", "xmp")
#: XMP properties read as times: property -> kind.
XMP_TIMES = {"exif:DateTimeOriginal": "original", "photoshop:DateCreated": "original",
             "xmp:CreateDate": "digitized", "exif:DateTimeDigitized": "digitized"}
_ISO = re.compile(r"^\s*(\d{4})(?:[-:](\d{2})(?:[-:](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
                  r")?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?\s*$")


def _offset_text(text: str | None) -> str | None:
    """'Z', '+1:00', '+0100', '-04:00' as '+HH:MM'; None if absent or not an offset in use."""
    if not text:
        return None
    text = text.strip()
    if text == "Z":
        return "+00:00"
    m = re.match(r"^([+-])(\d{1,2}):?(\d{2})?$", text)
    if not m:
        return None
    norm = f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"
    return norm if parse_offset(norm) is not None else None


def read_time(text: str) -> tuple[str | None, str | None, str | None]:
    """An XMP/ISO-style time as (local value, offset, problem); a date alone stays a date."""
    m = _ISO.match(text)
    if not m:
        return None, None, "not a date and time in a known form"
    y, mo, d, h, mi, s, frac, off = m.groups()
    if mo is None or d is None:
        return None, None, "gives only a year or a month, not a day"
    try:
        day = datetime(int(y), int(mo), int(d))
        if h is None:
            return day.date().isoformat(), None, None
        local = day.replace(hour=int(h), minute=int(mi), second=int(s or 0))
    except ValueError:
        return None, None, "not a possible date and time"
    value = local.isoformat() + (f".{frac[:3].ljust(3, '0')}" if frac else "")
    offset = _offset_text(off)
    if off and offset is None:
        return value, None, f"offset {off!r} is not one in use on Earth (ignored)"
    return value, offset, None


def _exif_time(meta: PhotoMeta, kind: str, tag: str, off_tag: str, sub_tag: str) -> FoundValue | None:
    raw = meta.times.get(tag)
    if raw is None:
        return None
    local = parse_exif_datetime(raw)
    if local is None:
        return FoundValue(kind, "exif", tag, raw, problem="not a valid EXIF date (YYYY:MM:DD HH:MM:SS)")
    digits = "".join(ch for ch in meta.times.get(sub_tag, "") if ch in ASCII_DIGITS)[:3]
    value = local.isoformat() + (f".{digits.ljust(3, '0')}" if digits else "")
    offset_raw = meta.times.get(off_tag) or meta.times.get("OffsetTime")
    offset = _offset_text(offset_raw)
    return FoundValue(kind, "exif", tag, raw, value=value, offset=offset,
                      problem=f"offset {offset_raw!r} is not one in use on Earth (ignored)"
                      if offset_raw and offset is None else None)


def exif_values(meta: PhotoMeta) -> list[FoundValue]:
    """The EXIF places: DateTimeOriginal, DateTimeDigitized (with their offset and sub-second tags),
    the GPS position (accepted or rejected) and the IFD0 camera names."""
    out = [v for v in (_exif_time(meta, "original", "DateTimeOriginal", "OffsetTimeOriginal",
                                  "SubSecTimeOriginal"),
                       _exif_time(meta, "digitized", "DateTimeDigitized", "OffsetTimeDigitized",
                                  "SubSecTimeDigitized")) if v is not None]
    g = meta.gps
    if g.present and (g.lat is not None or g.problem):
        raw = ", ".join(f"{k.split()[-1]} {v}" for k, v in g.raw.items()
                        if "Latitude" in k or "Longitude" in k) or "GPS block"
        out.append(FoundValue("position", "exif", "GPS", raw[:400],
                              value=f"{g.lat},{g.lon}" if g.lat is not None and g.lon is not None
                              else None, problem=g.problem))
    for kind, name in (("make", meta.make), ("model", meta.model)):
        if name:
            out.append(FoundValue(kind, "exif", "Make" if kind == "make" else "Model", name, value=name))
    return out


def xmp_coordinate(text: str, limit: float) -> float | None:
    """An XMP GPS coordinate 'DDD,MM,SSk' or 'DDD,MM.mmk' (k = N/S/E/W) in signed degrees."""
    m = re.match(r"^\s*(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEW])\s*$", text.upper())
    if not m:
        return None
    deg, mins, secs = float(m.group(1)), float(m.group(2)), float(m.group(3) or 0)
    if mins >= 60 or secs >= 60:
        return None
    value = deg + mins / 60 + secs / 3600
    if value > limit:
        return None
    return -value if m.group(4) in "SW" else value


def xmp_values(props: Mapping[str, str]) -> list[FoundValue]:
    """Times, position and camera names in an XMP packet's exif:, xmp:, photoshop: and tiff: fields."""
    out = []
    for name, kind in XMP_TIMES.items():
        raw = props.get(name)
        if raw:
            value, offset, problem = read_time(raw)
            out.append(FoundValue(kind, "xmp", name, raw, value=value, offset=offset, problem=problem))
    stamp = props.get("exif:GPSTimeStamp")
    if stamp:
        value, offset, problem = read_time(stamp)
        out.append(FoundValue("gps-time", "xmp", "exif:GPSTimeStamp", stamp, value=value, offset=offset,
                              problem=problem or (None if offset or not value else
                                                  "no zone stated (XMP GPS times are UTC with 'Z')")))
    lat_raw, lon_raw = props.get("exif:GPSLatitude"), props.get("exif:GPSLongitude")
    if lat_raw or lon_raw:
        lat = xmp_coordinate(lat_raw or "", 90)
        lon = xmp_coordinate(lon_raw or "", 180)
        ok = lat is not None and lon is not None and (lat, lon) != (0.0, 0.0)
        out.append(FoundValue("position", "xmp", "exif:GPSLatitude/GPSLongitude",
                              f"{lat_raw or '-'} {lon_raw or '-'}",
                              value=f"{lat},{lon}" if ok and lat is not None and lon is not None
                              else None,
                              problem=None if ok else "not a possible position (or 0°, 0°, a no-fix "
                              "placeholder)"))
    for kind, names in (("make", ("tiff:Make", "exif:Make")), ("model", ("tiff:Model", "exif:Model"))):
        for name in names:
            if props.get(name, "").strip():
                out.append(FoundValue(kind, "xmp", name, props[name], value=props[name].strip()))
    return out


def _iptc_text(info: Mapping[tuple[int, int], object], ds: int) -> str | None:
    value = info.get((2, ds))
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bytes):
        return value.decode("latin-1", "replace").strip("\x00 ") or None
    return None


def iptc_values(info: Mapping[tuple[int, int], object]) -> list[FoundValue]:
    """IPTC IIM DateCreated (2:55) + TimeCreated (2:60), DigitalCreationDate (2:62) + Time (2:63)."""
    out = []
    for kind, date_ds, time_ds, tag in (("original", 55, 60, "DateCreated+TimeCreated"),
                                        ("digitized", 62, 63, "DigitalCreationDate+DigitalCreationTime")):
        date, clock = _iptc_text(info, date_ds), _iptc_text(info, time_ds)
        if not date:
            continue
        raw = f"{date} {clock}" if clock else date
        m = re.match(r"^(\d{4})(\d{2})(\d{2})$", date)
        t = re.match(r"^(\d{2})(\d{2})(\d{2})([+-]\d{4})?$", clock or "")
        if not m:
            out.append(FoundValue(kind, "iptc", tag, raw, problem="date is not CCYYMMDD"))
            continue
        iso = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        if t:
            iso += f"T{t.group(1)}:{t.group(2)}:{t.group(3)}" + (t.group(4) or "")
        value, offset, problem = read_time(iso)
        if clock and not t:
            problem = "time is not HHMMSS±HHMM (the date alone is used)"
        out.append(FoundValue(kind, "iptc", tag, raw, value=value, offset=offset, problem=problem))
    return out


def instant(value: str, offset: str | None) -> str | None:
    """A local value with its offset as UTC text (iso_z), or None without an offset."""
    minutes = parse_offset(offset)
    if minutes is None:
        return None
    local = datetime.fromisoformat(value)
    return iso_z(local.replace(tzinfo=timezone(timedelta(seconds=minutes))))


def _epoch_wall(seconds: int) -> str | None:
    """Seconds since 1970 that a camera counted on its own (local) clock, as a wall-clock reading."""
    try:
        wall = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
        return wall.replace(tzinfo=None).isoformat()
    except OverflowError:
        return None


def container_values(jpeg: JpegStructure | None) -> list[FoundValue]:
    """Canon CIFF (capture time, zone, camera) and the APP12 picture-info capture time."""
    if jpeg is None:
        return []
    out = []
    if jpeg.ciff_taken and jpeg.ciff_taken[0]:
        secs, code, flag = jpeg.ciff_taken
        wall = _epoch_wall(secs)
        out.append(FoundValue("original", "ciff", "TimeStamp", str(secs), value=wall,
                              problem=None if wall else "not a possible time"))
        if flag & 0x80000000 and code % 900 == 0:
            minutes = code // 60
            out.append(FoundValue("zone", "ciff", "TimeZoneCode", str(code),
                                  value=f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:"
                                        f"{abs(minutes) % 60:02d}"))
    if jpeg.ciff_make_model:
        out += [FoundValue(k, "ciff", "MakeModel", v, value=v)
                for k, v in zip(("make", "model"), jpeg.ciff_make_model, strict=False) if v]
    stamp = (jpeg.picture_info or {}).get("TimeDate")
    if stamp:
        # ASCII digits only: '¹' (byte 0xB9 read as Latin-1) passes str.isdigit() and int() refuses it
        wall = _epoch_wall(int(stamp)) if stamp.isascii() and stamp.isdigit() else None
        out.append(FoundValue("original", "pictureinfo", "TimeDate", stamp, value=wall,
                              problem=None if wall else "not a count of seconds"))
    return out


#: After the times: the other kinds, each with its places in the order Casefile believes them.
OTHER_ORDER = {"zone": ("makernote", "ciff"), "position": ("exif", "xmp"), "make": NAME_ORDER,
               "model": NAME_ORDER}


def _rank(v: FoundValue) -> tuple[int, int]:
    """Sort key: times in TIME_ORDER, then zones, positions and names, each by place order."""
    for i, (kind, place, tag) in enumerate(TIME_ORDER):
        if v.kind == kind and v.place == place and (tag is None or v.tag == tag):
            return 0, i
    if v.kind not in OTHER_ORDER:
        return len(OTHER_ORDER) + 1, 0
    places = OTHER_ORDER[v.kind]
    return list(OTHER_ORDER).index(v.kind) + 1, places.index(v.place) if v.place in places else len(places)


def ordered(found: list[FoundValue]) -> list[FoundValue]:
    """Every value in the order Casefile believes them (stable: a place's own order is kept)."""
    return sorted(found, key=_rank)


def time_values(meta: PhotoMeta) -> list[FoundValue]:
    """Every capture-time value in the order Casefile believes them (stored metadata from before
    places were kept is read from its EXIF and XMP times)."""
    found = meta.found or ordered(legacy_values(meta))
    return [v for v in found if v.kind in ("original", "digitized")]


def legacy_values(meta: PhotoMeta) -> list[FoundValue]:
    """The places of metadata stored by an earlier Casefile: its EXIF fields and XMP times."""
    xmp = {k[4:]: v for k, v in meta.times.items() if k.startswith("XMP ")}
    return exif_values(meta) + xmp_values({("xmp" + k[3:] if k.startswith("xap:") else k): v
                                           for k, v in xmp.items()})


def chosen_time(meta: PhotoMeta) -> FoundValue | None:
    """The capture time Casefile uses: the first usable one in TIME_ORDER."""
    return next((v for v in time_values(meta) if v.value), None)


def chosen(found: list[FoundValue], kind: str, order: tuple[str, ...]) -> FoundValue | None:
    """The first usable value of a kind, by place in the given order."""
    usable = [v for v in found if v.kind == kind and v.value and v.place in order]
    return min(usable, key=lambda v: order.index(v.place), default=None)


def zone_values(meta: PhotoMeta) -> list[FoundValue]:
    """UTC offsets a camera setting states (maker note, CIFF)."""
    return [v for v in meta.found if v.kind == "zone" and v.value]


def position(found: list[FoundValue]) -> FoundValue | None:
    return chosen(found, "position", ("exif", "xmp"))


def read_from(v: FoundValue) -> str:
    """Where a value was read, as a person names it: 'xmp photoshop:DateCreated'."""
    return v.where
