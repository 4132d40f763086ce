"""Writes the metadata the demo photos carry: an EXIF (TIFF) block with its IFDs, XMP, IPTC in a
Photoshop APP13 segment, a JPEG comment and a C2PA-labelled JUMBF box, spliced into a JPEG.

Written here (not with Pillow's EXIF writer) so the demo controls every byte a check looks at:
which IFD a tag sits in, the embedded thumbnail (IFD1), and segments Pillow does not write.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

ASCII, SHORT, LONG, RATIONAL, UNDEFINED, SRATIONAL, BYTE = 2, 3, 4, 5, 7, 10, 1
_SIZES = {BYTE: 1, ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1, SRATIONAL: 8}

EXIF_IFD_POINTER, GPS_IFD_POINTER = 0x8769, 0x8825
THUMB_OFFSET, THUMB_LENGTH = 0x0201, 0x0202


Rational = tuple[int, int]
#: str or bytes (ASCII), bytes or int (UNDEFINED/BYTE), int or tuple of ints (SHORT/LONG),
#: one (num, den) pair or a list of them (RATIONAL/SRATIONAL).
TagValue = str | bytes | int | tuple[int, ...] | list[Rational]


@dataclass
class Tag:
    tag: int
    type: int
    value: TagValue


@dataclass
class ExifSpec:
    ifd0: list[Tag] = field(default_factory=list)
    exif: list[Tag] = field(default_factory=list)
    gps: list[Tag] = field(default_factory=list)
    thumbnail: bytes | None = None      # a JPEG, written in IFD1


def _wrong(t: Tag) -> TypeError:
    return TypeError(f"tag 0x{t.tag:04X} of type {t.type} cannot hold {t.value!r}")


def _payload(t: Tag) -> tuple[int, bytes]:
    """(count, little-endian bytes) of a tag's value."""
    v = t.value
    if t.type == ASCII:
        if not isinstance(v, (str, bytes)):
            raise _wrong(t)
        raw = (v.encode("ascii") if isinstance(v, str) else v) + b"\x00"
        return len(raw), raw
    if t.type in (UNDEFINED, BYTE):
        if not isinstance(v, (bytes, int)):
            raise _wrong(t)
        raw = v if isinstance(v, bytes) else bytes([v])
        return len(raw), raw
    if t.type in (RATIONAL, SRATIONAL):
        if isinstance(v, tuple) and len(v) == 2:
            pairs = [(v[0], v[1])]
        elif isinstance(v, list):
            pairs = v
        else:
            raise _wrong(t)
        fmt = "<II" if t.type == RATIONAL else "<ii"
        return len(pairs), b"".join(struct.pack(fmt, n, d) for n, d in pairs)
    if isinstance(v, int):
        vals: list[int] = [v]
    elif isinstance(v, tuple):
        vals = list(v)
    else:
        raise _wrong(t)
    fmt = "<H" if t.type == SHORT else "<I"
    return len(vals), b"".join(struct.pack(fmt, x) for x in vals)


def _ifd_size(tags: list[Tag]) -> int:
    data = 0
    for t in tags:
        n, raw = _payload(t)
        if len(raw) > 4:
            data += len(raw) + (len(raw) & 1)
    return 2 + 12 * len(tags) + 4 + data


def _write_ifd(tags: list[Tag], at: int, next_ifd: int) -> bytes:
    """Serialise one IFD placed at offset `at`; values longer than 4 bytes follow the entries."""
    tags = sorted(tags, key=lambda t: t.tag)
    entries, data = b"", b""
    data_at = at + 2 + 12 * len(tags) + 4
    for t in tags:
        count, raw = _payload(t)
        if len(raw) <= 4:
            field_ = raw.ljust(4, b"\x00")
        else:
            field_ = struct.pack("<I", data_at + len(data))
            data += raw + (b"\x00" if len(raw) & 1 else b"")
        entries += struct.pack("<HHI", t.tag, t.type, count) + field_
    return struct.pack("<H", len(tags)) + entries + struct.pack("<I", next_ifd) + data


def tiff_block(spec: ExifSpec) -> bytes:
    """The TIFF structure of an EXIF segment (without the 'Exif\\0\\0' header)."""
    ifd0 = list(spec.ifd0)
    if spec.exif:
        ifd0.append(Tag(EXIF_IFD_POINTER, LONG, 0))
    if spec.gps:
        ifd0.append(Tag(GPS_IFD_POINTER, LONG, 0))
    thumbnail = spec.thumbnail
    ifd1: list[Tag] = []
    if thumbnail is not None:
        ifd1 = [Tag(0x0103, SHORT, 6), Tag(0x011A, RATIONAL, (72, 1)), Tag(0x011B, RATIONAL, (72, 1)),
                Tag(0x0128, SHORT, 2), Tag(THUMB_OFFSET, LONG, 0),
                Tag(THUMB_LENGTH, LONG, len(thumbnail))]
    off0 = 8
    off_exif = off0 + _ifd_size(ifd0)
    off_gps = off_exif + (_ifd_size(spec.exif) if spec.exif else 0)
    off1 = off_gps + (_ifd_size(spec.gps) if spec.gps else 0)
    off_thumb = off1 + (_ifd_size(ifd1) if ifd1 else 0)
    for t in ifd0:
        if t.tag == EXIF_IFD_POINTER:
            t.value = off_exif
        elif t.tag == GPS_IFD_POINTER:
            t.value = off_gps
    for t in ifd1:
        if t.tag == THUMB_OFFSET:
            t.value = off_thumb
    out = b"II*\x00" + struct.pack("<I", off0)
    out += _write_ifd(ifd0, off0, off1 if ifd1 else 0)
    if spec.exif:
        out += _write_ifd(spec.exif, off_exif, 0)
    if spec.gps:
        out += _write_ifd(spec.gps, off_gps, 0)
    if thumbnail is not None:
        out += _write_ifd(ifd1, off1, 0) + thumbnail
    return out


def segment(marker: int, payload: bytes) -> bytes:
    """One JPEG marker segment (APPn, COM)."""
    if len(payload) + 2 > 0xFFFF:
        raise ValueError(f"segment too long for a JPEG marker: {len(payload)} bytes")
    return struct.pack(">HH", 0xFF00 | marker, len(payload) + 2) + payload


def exif_segment(spec: ExifSpec) -> bytes:
    return segment(0xE1, b"Exif\x00\x00" + tiff_block(spec))


def xmp_segment(xml: str) -> bytes:
    return segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xml.encode("utf-8"))


def comment_segment(text: str) -> bytes:
    return segment(0xFE, text.encode("latin-1"))


def iptc_record(record: int, dataset: int, value: bytes) -> bytes:
    return struct.pack(">BBBH", 0x1C, record, dataset, len(value)) + value


def photoshop_segment(iptc: bytes) -> bytes:
    """APP13 'Photoshop 3.0' with one 8BIM resource 0x0404 holding IPTC-IIM data."""
    body = iptc + (b"\x00" if len(iptc) & 1 else b"")
    res = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc)) + body
    return segment(0xED, b"Photoshop 3.0\x00" + res)


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


_C2PA_UUID = bytes.fromhex("6332706100110010800000AA00389B71")
_JSON_UUID = bytes.fromhex("6A736F6E00110010800000AA00389B71")


def c2pa_segment(note: str) -> bytes:
    """APP11 JUMBF superbox labelled 'c2pa' holding only a JSON note: a marker, not a signed manifest."""
    json_box = _box(b"jumb", _box(b"jumd", _JSON_UUID + b"\x03" + b"casefile.demo.note\x00")
                    + _box(b"json", note.encode("utf-8")))
    store = _box(b"jumb", _box(b"jumd", _C2PA_UUID + b"\x03" + b"c2pa\x00") + json_box)
    return segment(0xEB, b"JP" + struct.pack(">HI", 1, 1) + store)


def splice(jpeg: bytes, segments: list[bytes], trailer: bytes = b"") -> bytes:
    """Insert segments after SOI (and after a JFIF APP0 if present); append bytes after EOI."""
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG (no SOI marker)")
    pos = 2
    if jpeg[2:4] == b"\xff\xe0":
        pos = 4 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:pos] + b"".join(segments) + jpeg[pos:] + trailer


def rational(x: float, den: int = 10000) -> tuple[int, int]:
    return (int(round(abs(x) * den)), den)


def dms(deg: float) -> list[tuple[int, int]]:
    """Degrees as EXIF degrees/minutes/seconds rationals."""
    deg = abs(deg)
    d = int(deg)
    m = int((deg - d) * 60)
    s = (deg - d - m / 60) * 3600
    return [(d, 1), (m, 1), (int(round(s * 1000)), 1000)]
