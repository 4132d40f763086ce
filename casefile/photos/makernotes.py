"""Capture times and camera time zones inside maker notes (the camera maker's private EXIF block).

Nikon's WorldTime is read through exifread (it decodes Nikon maker notes); the rest by hand, where
no maintained Python library reads them: Canon TimeInfo (exifread reads it at the offset an editor
left stale; Canon's footer gives the right one), Reconyx HyperFire / UltraFire / HyperFire 2 trail
cameras, Panasonic TimeInfo, Sony ShotInfo and Olympus / OM System DateTimeUTC. Layouts follow
ExifTool's tag documentation. Fujifilm and Apple maker notes carry no wall-clock time or position
in still photos; Sony's other time tags are enciphered and Samsung phones keep theirs in a trailer
after the image, so those are not read.
Never raises: a block that does not parse gives nothing.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from casefile.model.photos import FoundValue
from casefile.photos.exif import ExifTags

Order = Literal["little", "big"]
_EXIF_POINTER, _MAKERNOTE = 0x8769, 0x927C
_EXIF_DT = re.compile(r"^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})")


def _u(block: bytes, off: int, size: int, order: Order, signed: bool = False) -> int:
    return int.from_bytes(block[off:off + size], order, signed=signed)


def find_makernote(tiff: bytes) -> tuple[int, bytes] | None:
    """(offset in the TIFF block, bytes) of the MakerNote in the EXIF IFD, or None."""
    if len(tiff) < 8 or tiff[:4] not in (b"II*\x00", b"MM\x00*"):
        return None
    order: Order = "little" if tiff[:2] == b"II" else "big"
    ifd = _entries(tiff, _u(tiff, 4, 4, order), order)
    exif = ifd.get(_EXIF_POINTER)
    if exif is None:
        return None
    note = _entries(tiff, _u(tiff, exif[2], 4, order), order).get(_MAKERNOTE)
    if note is None:
        return None
    _typ, count, at = note
    off = _u(tiff, at, 4, order) if count > 4 else at
    if off + count > len(tiff) or count > 1 << 20:
        return None
    return off, tiff[off:off + count]


def _entries(block: bytes, off: int, order: Order, base: int = 0) -> dict[int, tuple[int, int, int]]:
    """An IFD's entries: tag -> (type, count, offset of the entry's value field) in block."""
    off += base
    if off <= 0 or off + 2 > len(block):
        return {}
    n = _u(block, off, 2, order)
    if n == 0 or n > 512 or off + 2 + 12 * n > len(block):
        return {}
    out: dict[int, tuple[int, int, int]] = {}
    for i in range(n):
        e = off + 2 + 12 * i
        entry = (_u(block, e + 2, 2, order), _u(block, e + 4, 4, order), e + 8)
        out.setdefault(_u(block, e, 2, order), entry)
    return out


def _entries_any(block: bytes, off: int, first: Order) -> tuple[dict[int, tuple[int, int, int]], Order]:
    """An IFD whose byte order is not stated (Panasonic, Sony): the order whose entries have known
    value types, the TIFF block's own order first."""
    best: tuple[int, dict[int, tuple[int, int, int]], Order] = (0, {}, first)
    for order in (first, "big" if first == "little" else "little"):
        found = _entries(block, off, order)
        valid = sum(1 for typ, _c, _a in found.values() if 1 <= typ <= 13)
        if valid > best[0]:
            best = (valid, found, order)
    return best[1], best[2]


def _zone(minutes: int, tag: str, raw: str) -> FoundValue:
    ok = -12 * 60 <= minutes <= 14 * 60
    sign = "-" if minutes < 0 else "+"
    text = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return FoundValue(kind="zone", place="makernote", tag=tag, raw=raw, value=text if ok else None,
                      problem=None if ok else f"{text} is not a zone offset in use on Earth")


def _time(values: tuple[int, int, int, int, int, int], tag: str, raw: str) -> FoundValue:
    """A maker-note wall-clock time (year, month, day, hour, minute, second) as a found value."""
    try:
        local = datetime(*values).isoformat()
        problem = None
    except ValueError:
        local, problem = None, "not a possible date and time"
    return FoundValue(kind="original", place="makernote", tag=tag, raw=raw, value=local, problem=problem)


def canon(tiff: bytes, note_off: int, note: bytes) -> list[FoundValue]:
    """Canon TimeInfo (tag 0x0035: size, TimeZone min, TimeZoneCity, DaylightSavings min).

    Offsets count from the TIFF header where the camera wrote the note; an editor that moved the
    note leaves the camera's offset in Canon's 8-byte footer, so values are read relative to that.
    """
    order: Order = "little" if tiff[:2] == b"II" else "big"
    base = 0
    if len(note) > 8 and note[-8:-4] in (b"II*\x00", b"MM\x00*"):
        base = note_off - _u(note, len(note) - 4, 4, "little" if note[-8:-6] == b"II" else "big")
    entry = _entries(tiff, note_off, order).get(0x0035)
    if entry is None or entry[0] not in (4, 9) or entry[1] < 4:
        return []
    at = _u(tiff, entry[2], 4, order) + base
    if at < 0:
        return []
    if at + 16 > len(tiff):
        return []
    _size, tz, city, dst = (_u(tiff, at + 4 * i, 4, order, signed=True) for i in range(4))
    if dst not in (0, 60):
        return []
    return [_zone(tz + dst, "Canon TimeInfo TimeZone+DaylightSavings",
                  f"TimeZone {tz} min, DaylightSavings {dst} min, TimeZoneCity {city}")]


def nikon(tags: ExifTags, note: bytes) -> list[FoundValue]:
    """Nikon WorldTime as exifread reads it: int16s zone (min), DST flag, date display format."""
    tag = tags.get("MakerNote WorldTime")
    vals = list(getattr(tag, "values", []) or [])
    if len(vals) < 3 or not note.startswith(b"Nikon\x00") or not all(isinstance(v, int) for v in vals):
        return []
    order: Order = "big" if note[10:12] == b"MM" else "little"
    tz = int.from_bytes(bytes(vals[:2]), order, signed=True)
    dst = vals[2]
    if dst not in (0, 1):
        return []
    return [_zone(tz + 60 * dst, "Nikon WorldTime TimeZone+DaylightSavings",
                  f"TimeZone {tz} min, DaylightSavings {'yes' if dst else 'no'}")]


def reconyx(note: bytes, make: str | None) -> list[FoundValue]:
    """Reconyx trail cameras: the capture time in the binary maker note (three layouts)."""
    le: Order = "little"
    if note.startswith(b"RECONYXUF\x00") and len(note) >= 0x42:       # UltraFire: int8u[7]
        s, mi, h, d, mo, y0, y1 = note[0x3B:0x42]
        return [_time((y0 + 256 * y1, mo, d, h, mi, s), "Reconyx UltraFire DateTimeOriginal",
                      " ".join(str(b) for b in note[0x3B:0x42]))]
    if note.startswith(b"RECONYXH2\x00") and len(note) >= 0x4A:       # HyperFire 2: int16u[6]
        s, mi, h, d, mo, y = (_u(note, 0x3E + 2 * i, 2, le) for i in range(6))
        return [_time((y, mo, d, h, mi, s), "Reconyx HyperFire2 DateTimeOriginal",
                      " ".join(str(v) for v in (s, mi, h, d, mo, y)))]
    versioned = note[2:4] in (b"\x02\x00", b"\x03\x00")
    if note[:2] == b"\x01\xf1" and (versioned or (make or "").upper() == "RECONYX") and len(note) >= 0x22:
        vals = [_u(note, 0x16 + 2 * i, 2, le) for i in range(6)]       # HyperFire: int16u[6] at word 0x0b
        if vals[0] & 0xFF00 and not vals[0] & 0xFF:    # seen written big-endian in a little-endian note
            vals = [((v >> 8) | ((v & 0xFF) << 8)) for v in vals]
        s, mi, h, mo, d, y = vals
        return [_time((y, mo, d, h, mi, s), "Reconyx HyperFire DateTimeOriginal",
                      " ".join(str(v) for v in vals))]
    return []


def panasonic(tiff: bytes, note_off: int, note: bytes) -> list[FoundValue]:
    """Panasonic TimeInfo (tag 0x2003): the capture time as BCD digits YYYYMMDDHHMMSScc."""
    if not note.startswith(b"Panasonic\x00"):
        return []
    found, order = _entries_any(tiff, note_off + 12, "little" if tiff[:2] == b"II" else "big")
    entry = found.get(0x2003)
    if entry is None or entry[1] < 8:
        return []
    at = _u(tiff, entry[2], 4, order) if entry[1] > 4 else entry[2]
    digits = tiff[at:at + 8].hex()
    if not digits.isdigit() or digits.startswith("00"):
        return []
    nums = (int(digits[0:4]), int(digits[4:6]), int(digits[6:8]), int(digits[8:10]),
            int(digits[10:12]), int(digits[12:14]))
    found_value = _time(nums, "Panasonic TimeInfo PanasonicDateTime", digits)
    if found_value.value:
        found_value.value += f".{digits[14:16]}0"
    return [found_value]


def _exif_text_time(raw: bytes, tag: str, offset: str | None = None) -> FoundValue | None:
    """A 'YYYY:MM:DD HH:MM:SS' string value as a found capture time (None when blank)."""
    text = raw.split(b"\x00")[0].decode("latin-1").strip()
    if not text or not text.strip(" :0"):
        return None
    m = _EXIF_DT.match(text)
    value = None
    if m:
        try:
            y, mo, d, h, mi, sec = (int(g) for g in m.groups())
            value = datetime(y, mo, d, h, mi, sec).isoformat()
        except ValueError:
            value = None
    return FoundValue(kind="original", place="makernote", tag=tag, raw=text, value=value, offset=offset,
                      problem=None if value else "not a date and time (YYYY:MM:DD HH:MM:SS)")


def _value_bytes(block: bytes, entry: tuple[int, int, int], order: Order, base: int) -> bytes:
    typ, count, at = entry
    size = count * {1: 1, 2: 1, 3: 2, 4: 4, 7: 1, 13: 4}.get(typ, 1)
    start = at if size <= 4 else base + _u(block, at, 4, order)
    return block[start:start + size] if 0 <= start and size <= 1 << 16 else b""


def sony(tiff: bytes, note_off: int, note: bytes, make: str | None) -> list[FoundValue]:
    """Sony ShotInfo (tag 0x3000, not enciphered): SonyDateTime, the camera's capture time."""
    if note.startswith((b"SONY DSC ", b"SONY CAM ", b"SONY MOBILE")):
        start = 12
    elif (make or "").upper().startswith("SONY"):
        start = 0                      # some models write the IFD with no header
    else:
        return []
    found, order = _entries_any(tiff, note_off + start, "little" if tiff[:2] == b"II" else "big")
    entry = found.get(0x3000)
    if entry is None:
        return []
    block = _value_bytes(tiff, entry, order, 0)
    shot = _exif_text_time(block[6:26], "Sony ShotInfo SonyDateTime") if len(block) >= 26 else None
    return [shot] if shot else []


def olympus(note: bytes) -> list[FoundValue]:
    """Olympus / OM System CameraSettings DateTimeUTC (tag 0x0908): the capture time in UTC."""
    if note.startswith(b"OLYMPUS\x00"):
        head = 12
    elif note.startswith(b"OM SYSTEM\x00"):
        head = 16
    else:
        return []
    order: Order = "little" if note[head - 4:head - 2] == b"II" else "big"
    main = _entries(note, head, order)
    entry = main.get(0x2020)
    if entry is None:
        return []
    # A pointer (LONG / IFD) or an embedded block (UNDEFINED): either way the value field holds
    # where the sub-IFD starts, counted from the start of the maker note.
    utc = _entries(note, _u(note, entry[2], 4, order), order).get(0x0908)
    if utc is None or utc[0] != 2:
        return []
    found = _exif_text_time(_value_bytes(note, utc, order, 0), "Olympus CameraSettings DateTimeUTC",
                            offset="+00:00")
    return [found] if found else []


def read(tiff: bytes | None, tags: ExifTags, make: str | None) -> list[FoundValue]:
    """Every maker-note time and zone Casefile reads from this EXIF block."""
    if not tiff:
        return []
    located = find_makernote(tiff)
    if located is None:
        return []
    off, note = located
    out = (reconyx(note, make) + nikon(tags, note) + panasonic(tiff, off, note) + olympus(note)
           + sony(tiff, off, note, make))
    if (make or "").lower().startswith("canon"):
        out += canon(tiff, off, note)
    return out
