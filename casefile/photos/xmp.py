"""XMP packets: find them; read times, positions and camera names by namespace, the creator tool and
the edit history."""

from __future__ import annotations

import mmap
import re
import xml.etree.ElementTree as ET  # noqa: S405 - types and ParseError only; parsing is defusedxml's

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET

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


#: The namespaces whose times, positions and camera names Casefile reads, by their usual prefix.
NAMESPACES = {"http://ns.adobe.com/exif/1.0/": "exif", "http://ns.adobe.com/xap/1.0/": "xmp",
              "http://ns.adobe.com/photoshop/1.0/": "photoshop", "http://ns.adobe.com/tiff/1.0/": "tiff",
              "http://cipa.jp/exif/1.0/": "exifEX"}
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PREFIXES = {"xap": "xmp", **{p: p for p in NAMESPACES.values()}}


def _local(qname: str) -> tuple[str | None, str]:
    """'{uri}Name' -> (our prefix for uri or None, Name)."""
    if qname.startswith("{"):
        uri, _, name = qname[1:].partition("}")
        return NAMESPACES.get(uri), name
    return None, qname


def _text(elem: ET.Element) -> str | None:
    """A property element's value: its text, or the first rdf:li of an Alt/Seq/Bag inside it."""
    if elem.text and elem.text.strip():
        return elem.text.strip()
    for li in elem.iter(f"{{{_RDF}}}li"):
        if li.text and li.text.strip():
            return li.text.strip()
    return None


def named_values(packet: str) -> dict[str, str]:
    """Simple properties of the namespaces Casefile reads, as 'prefix:Name' with the usual prefix
    whatever prefix the packet chose ('xap:CreateDate' is 'xmp:CreateDate'); first one wins.

    Read as XML (namespace-aware); a packet that is not well-formed XML is read by prefix instead.
    """
    out: dict[str, str] = {}
    try:
        root = DefusedET.fromstring(packet.encode("utf-8"))
    except (ET.ParseError, DefusedXmlException, ValueError):
        for key, value in properties(packet).items():
            given, _, local = key.partition(":")
            if given in _PREFIXES:
                out.setdefault(f"{_PREFIXES[given]}:{local}", value)
        return out
    for desc in root.iter(f"{{{_RDF}}}Description"):
        for attr, attr_value in desc.attrib.items():
            prefix, name = _local(attr)
            if prefix and attr_value.strip():
                out.setdefault(f"{prefix}:{name}", attr_value.strip())
        for child in desc:
            prefix, name = _local(child.tag)
            text = _text(child) if prefix else None
            if prefix and text:
                out.setdefault(f"{prefix}:{name}", text)
    return out
