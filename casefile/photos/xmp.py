"""XMP packets: find them, and read the creator tool and edit history without a full RDF parser."""

from __future__ import annotations

import mmap
import re

_PACKET = re.compile(rb"<x:xmpmeta.*?</x:xmpmeta>", re.S)
_ATTR = re.compile(r"\b([A-Za-z][\w-]*):([A-Za-z][\w-]*)=\"([^\"]*)\"")
_ELEM = re.compile(r"<([A-Za-z][\w-]*):([A-Za-z][\w-]*)>([^<]+)</\1:\2>")
_EVT = re.compile(r"stEvt:(action|softwareAgent|when|changed)(?:=\"([^\"]*)\"|>([^<]*)<)")


def find_packet(data: bytes | mmap.mmap, info_xmp: bytes | str | None = None,
                limit: int = 4 << 20) -> str | None:
    """The XMP packet text, from Pillow's info if it has one, else searched for in the file's start."""
    raw: bytes | None = None
    if isinstance(info_xmp, str):
        raw = info_xmp.encode("utf-8", "replace")
    elif isinstance(info_xmp, bytes) and info_xmp:
        raw = info_xmp
    if raw is None or b"xmpmeta" not in raw:
        m = _PACKET.search(data[:limit])
        raw = m.group(0) if m else raw
    if not raw:
        return None
    return raw.decode("utf-8", errors="replace").strip("\x00")


def properties(packet: str) -> dict[str, str]:
    """Simple properties of the packet as 'prefix:Name' -> value (first occurrence)."""
    out: dict[str, str] = {}
    for rx in (_ATTR, _ELEM):
        for prefix, name, value in rx.findall(packet):
            if prefix in ("xmlns", "x", "rdf", "xml"):
                continue
            out.setdefault(f"{prefix}:{name}", value.strip())
    return out


def history(packet: str) -> list[str]:
    """The xmpMM:History events as 'action by softwareAgent at when' lines."""
    events: list[dict[str, str]] = []
    for chunk in re.split(r"<rdf:li\b", packet)[1:]:
        found = {k: (a or b).strip() for k, a, b in _EVT.findall(chunk)}
        if found:
            events.append(found)
    lines = []
    for ev in events:
        line = ev.get("action", "event")
        if ev.get("softwareAgent"):
            line += f" by {ev['softwareAgent']}"
        if ev.get("when"):
            line += f" at {ev['when']}"
        lines.append(line)
    return lines
