"""Times that phones keep after the end of the image: the Samsung 'SEFT' trailer's Image_UTC_Data
(milliseconds since 1970, UTC) written by Galaxy phones.

Read by hand (no Python library reads it). Layout as ExifTool documents it: the file ends with
blocks read backwards, each followed by its 4-byte length and 4-byte type; the 'SEFT' block holds
an 'SEFH' directory (version, count, then 12-byte entries: type, offset back from the directory,
size); each data block is its type, a name length, the name and the value. Never raises.
"""

from __future__ import annotations

import mmap
from datetime import UTC, datetime, timedelta

from casefile.model.photos import FoundValue

_UTC_DATA = 0x0A01
_MAX_BLOCKS = 8


def _u32(b: bytes, at: int) -> int:
    return int.from_bytes(b[at:at + 4], "little")


def samsung(data: bytes | mmap.mmap) -> list[FoundValue]:
    """The Samsung trailer's capture time (UTC), or nothing when the file has no such trailer."""
    end = len(data)
    if end < 16 or data[end - 6:end] != b"\x00\x00SEFT":
        return []
    for _ in range(_MAX_BLOCKS):
        length, kind = _u32(data[end - 8:end - 4], 0), bytes(data[end - 4:end])
        if not kind.isalnum() or not 4 <= length < 0x10000 or length + 8 >= end:
            return []
        start = end - 8 - length
        if kind != b"SEFT":
            end = start
            continue
        block = bytes(data[start:start + length])
        if not block.startswith(b"SEFH") or length < 12:
            return []
        count = _u32(block, 8)
        if 12 + 12 * count > length:
            return []
        for i in range(count):
            e = 12 + 12 * i
            typ = int.from_bytes(block[e + 2:e + 4], "little")
            back, size = _u32(block, e + 4), _u32(block, e + 8)
            if back > start or size > back or size < 8:
                return []
            if typ != _UTC_DATA:
                continue
            entry = bytes(data[start - back:start - back + size])
            name_len = _u32(entry, 4)
            if name_len + 8 > size:
                return []
            raw = entry[8 + name_len:].decode("latin-1").strip("\x00 ")
            return [_utc_value(raw)]
        return []
    return []


def _utc_value(raw: str) -> FoundValue:
    tag = "Samsung Image_UTC_Data"
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 15:
        return FoundValue("original", "trailer", tag, raw[:40], problem="not a count of milliseconds")
    try:
        utc = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=int(raw))
    except OverflowError:
        return FoundValue("original", "trailer", tag, raw, problem="not a possible time")
    return FoundValue("original", "trailer", tag, raw, offset="+00:00",
                      value=utc.replace(tzinfo=None).isoformat(timespec="milliseconds"))
