"""Canon CIFF (the 'HEAPJPGM' APP0 block of early Canon PowerShot JPEGs): camera make and model."""

from __future__ import annotations

from typing import Literal

ByteOrder = Literal["little", "big"]

_MAKE_MODEL = 0x080A
_MAX_DEPTH = 6


def _heap(block: bytes, start: int, end: int, order: ByteOrder, depth: int) -> tuple[str, str] | None:
    if depth > _MAX_DEPTH or end - start < 6 or end > len(block):
        return None
    table = start + int.from_bytes(block[end - 4:end], order)
    if not start <= table < end - 2:
        return None
    count = int.from_bytes(block[table:table + 2], order)
    for i in range(min(count, 256)):
        e = table + 2 + 10 * i
        if e + 10 > end:
            return None
        tag = int.from_bytes(block[e:e + 2], order)
        size = int.from_bytes(block[e + 2:e + 6], order)
        off = start + int.from_bytes(block[e + 6:e + 10], order)
        if tag & 0xC000:          # value stored in the entry itself
            continue
        if off + size > end:
            continue
        if tag & 0x3FFF == _MAKE_MODEL:
            parts = block[off:off + size].split(b"\x00")
            if len(parts) >= 2:
                return (parts[0].decode("latin-1").strip(), parts[1].decode("latin-1").strip())
        if (tag >> 8) & 0x38 in (0x28, 0x30):   # a sub-heap
            found = _heap(block, off, off + size, order, depth + 1)
            if found:
                return found
    return None


def make_model(app0_payload: bytes) -> tuple[str, str] | None:
    """(make, model) from a CIFF APP0 payload ('II' + header length + 'HEAPJPGM'), or None."""
    if len(app0_payload) < 14 or app0_payload[6:14] != b"HEAPJPGM":
        return None
    order: ByteOrder = "little" if app0_payload[:2] == b"II" else "big"
    header = int.from_bytes(app0_payload[2:6], order)
    return _heap(app0_payload, header, len(app0_payload), order, 0)
