"""EXIF (TIFF) structure validation: the kind of problems `exiftool -validate` reports.

Walks IFD0, IFD1, the EXIF, GPS and Interoperability IFDs and notes offsets past the end of the
block, unknown value types, IFD loops, tags that belong to another IFD and badly formed date fields.
Never raises: a broken structure is the finding.
"""

from __future__ import annotations

import re
from typing import Literal

_TYPE_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
_POINTERS = {0x8769: "ExifIFD", 0x8825: "GPS", 0xA005: "InteropIFD"}
#: Tags that belong in the EXIF sub-IFD, not in IFD0.
_EXIF_ONLY = {0x9003: "DateTimeOriginal", 0x9004: "DateTimeDigitized", 0x829A: "ExposureTime",
              0x829D: "FNumber", 0x9000: "ExifVersion", 0xA002: "ExifImageWidth",
              0xA003: "ExifImageHeight", 0x927C: "MakerNote", 0x9010: "OffsetTime",
              0x9011: "OffsetTimeOriginal", 0xA434: "LensModel", 0xA431: "BodySerialNumber"}
#: Tags that belong in IFD0, not in the EXIF sub-IFD.
_IFD0_ONLY = {0x010F: "Make", 0x0110: "Model", 0x0131: "Software", 0x0132: "ModifyDate",
              0x0112: "Orientation", 0x0100: "ImageWidth", 0x0101: "ImageHeight"}
_DATE_TAGS = {0x0132: "ModifyDate", 0x9003: "DateTimeOriginal", 0x9004: "DateTimeDigitized"}
_DATE_RE = re.compile(rb"^(\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}|    :  :     :  :  |\x20{19}"
                      rb"|0000:00:00 00:00:00)\x00?$")
MAX_PROBLEMS = 20


def tiff_block(exif: bytes | None) -> bytes | None:
    """The TIFF structure inside an EXIF payload (strips a leading 'Exif\\0\\0')."""
    if not exif:
        return None
    if exif.startswith(b"Exif\x00\x00"):
        exif = exif[6:]
    return exif if exif[:4] in (b"II*\x00", b"MM\x00*") else None


def validate(block: bytes) -> list[str]:
    """Problems in an EXIF TIFF block, one plain sentence each (empty list if it follows the standard)."""
    problems: list[str] = []
    if len(block) < 8 or block[:4] not in (b"II*\x00", b"MM\x00*"):
        return ["EXIF block has no valid TIFF header"]
    order: Literal["little", "big"] = "little" if block[:2] == b"II" else "big"
    n = len(block)

    def u16(o: int) -> int:
        return int.from_bytes(block[o:o + 2], order)

    def u32(o: int) -> int:
        return int.from_bytes(block[o:o + 4], order)

    seen: set[int] = set()
    todo: list[tuple[str, int]] = [("IFD0", u32(4))]
    while todo and len(problems) < MAX_PROBLEMS:
        name, off = todo.pop(0)
        if off == 0:
            continue
        if off in seen:
            problems.append(f"{name} offset {off} points back to an IFD already read (loop)")
            continue
        seen.add(off)
        if off + 2 > n:
            problems.append(f"{name} offset {off} is past the end of the EXIF block ({n} bytes)")
            continue
        count = u16(off)
        if count == 0 or count > 1000 or off + 2 + 12 * count > n:
            problems.append(f"{name} at offset {off} claims {count} entries, more than the block holds")
            continue
        last_tag = -1
        for i in range(count):
            e = off + 2 + 12 * i
            tag, typ, cnt = u16(e), u16(e + 2), u32(e + 4)
            if tag <= last_tag:
                problems.append(f"{name} tag 0x{tag:04X} is out of ascending order")
            last_tag = tag
            if typ not in _TYPE_SIZE:
                problems.append(f"{name} tag 0x{tag:04X} has unknown value type {typ}")
                continue
            size = _TYPE_SIZE[typ] * cnt
            value_off = u32(e + 8) if size > 4 else e + 8
            if size > 4 and value_off + size > n:
                problems.append(f"{name} tag 0x{tag:04X} value at offset {value_off} "
                                f"({size} bytes) runs past the end of the EXIF block")
                continue
            if name == "IFD0" and tag in _EXIF_ONLY:
                problems.append(f"{_EXIF_ONLY[tag]} is in IFD0; the standard puts it in the EXIF IFD")
            if name == "ExifIFD" and tag in _IFD0_ONLY:
                problems.append(f"{_IFD0_ONLY[tag]} is in the EXIF IFD; the standard puts it in IFD0")
            if tag in _DATE_TAGS and name in ("IFD0", "ExifIFD"):
                raw = block[value_off:value_off + size]
                if typ != 2 or cnt not in (19, 20) or not _DATE_RE.match(raw):
                    shown = raw.rstrip(b"\x00").decode("latin-1", "replace")[:40]
                    problems.append(f"{_DATE_TAGS[tag]} {shown!r} is not a well-formed EXIF date "
                                    "(YYYY:MM:DD HH:MM:SS)")
            if tag in _POINTERS and name in ("IFD0", "ExifIFD"):
                todo.append((_POINTERS[tag], u32(e + 8)))
        if name == "IFD0":
            nxt_at = off + 2 + 12 * count
            if nxt_at + 4 <= n:
                todo.append(("IFD1", u32(nxt_at)))
    return problems[:MAX_PROBLEMS]
