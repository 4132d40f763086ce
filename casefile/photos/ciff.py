"""Canon CIFF (the 'HEAPJPGM' APP0 block of early Canon PowerShot JPEGs): make, model, capture time.

Read by hand: no maintained Python library reads CIFF. Layout (Canon's CIFF 1.0r4 spec, as ExifTool
documents it): a heap ends with a 4-byte offset to its table; the table is a 2-byte count and 10-byte
entries (tag, size, offset); tags 0x28xx/0x30xx are sub-heaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ByteOrder = Literal["little", "big"]

_MAKE_MODEL = 0x080A
_TIME_STAMP = 0x180E        # int32u[3]: capture time (local seconds since 1970), zone code, zone flag
_WANTED = (_MAKE_MODEL, _TIME_STAMP)
_MAX_DEPTH = 6


@dataclass
class CiffRecords:
    make_model: tuple[str, str] | None = None
    taken: list[int] | None = None        # [local seconds, zone code (s), 0x80000000 if code valid]


def _heap(block: bytes, start: int, end: int, order: ByteOrder, depth: int,
          out: dict[int, bytes]) -> None:
    if depth > _MAX_DEPTH or end - start < 6 or end > len(block):
        return
    table = start + int.from_bytes(block[end - 4:end], order)
    if not start <= table < end - 2:
        return
    count = int.from_bytes(block[table:table + 2], order)
    for i in range(min(count, 256)):
        e = table + 2 + 10 * i
        if e + 10 > end:
            return
        tag = int.from_bytes(block[e:e + 2], order)
        size = int.from_bytes(block[e + 2:e + 6], order)
        off = start + int.from_bytes(block[e + 6:e + 10], order)
        if tag & 0xC000:          # value stored in the entry itself
            continue
        if off + size > end:
            continue
        if tag & 0x3FFF in _WANTED:
            out.setdefault(tag & 0x3FFF, block[off:off + size])
        elif (tag >> 8) & 0x38 in (0x28, 0x30):   # a sub-heap
            _heap(block, off, off + size, order, depth + 1, out)


def read(app0_payload: bytes) -> CiffRecords | None:
    """Make, model and capture-time record from a CIFF APP0 payload ('II' + length + 'HEAPJPGM')."""
    if len(app0_payload) < 14 or app0_payload[6:14] != b"HEAPJPGM":
        return None
    order: ByteOrder = "little" if app0_payload[:2] == b"II" else "big"
    header = int.from_bytes(app0_payload[2:6], order)
    found: dict[int, bytes] = {}
    _heap(app0_payload, header, len(app0_payload), order, 0, found)
    rec = CiffRecords()
    parts = found.get(_MAKE_MODEL, b"").split(b"\x00")
    if len(parts) >= 2:
        rec.make_model = (parts[0].decode("latin-1").strip(), parts[1].decode("latin-1").strip())
    stamp = found.get(_TIME_STAMP, b"")
    if len(stamp) >= 12:
        rec.taken = [int.from_bytes(stamp[0:4], order),
                     int.from_bytes(stamp[4:8], order, signed=True),
                     int.from_bytes(stamp[8:12], order)]
    return rec


def make_model(app0_payload: bytes) -> tuple[str, str] | None:
    """(make, model) from a CIFF APP0 payload, or None."""
    rec = read(app0_payload)
    return rec.make_model if rec else None
