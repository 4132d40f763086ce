"""Safe XML for KML and GPX: defusedxml refuses entity expansion, external entities and DTDs."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from casefile.errors import CorruptFile
from casefile.importers.flights.gz import XmlRuns, too_long_run


def parse_xml(path: Path, raw: bytes) -> Element:
    """The document's root element, or CorruptFile naming the line (or the refused construct).

    Checked first for an overlong stretch without markup (a huge comment or text node), which
    the parser would otherwise buffer and re-scan for minutes.
    """
    runs = XmlRuns()
    view = memoryview(raw)
    for start in range(0, len(view), 16 << 20):
        if not runs.feed(view[start:start + (16 << 20)]):
            raise too_long_run(path)
    try:
        return DET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise CorruptFile(f"refused unsafe XML ({type(exc).__name__}: entity declarations and "
                          "external references are not read)", path) from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise CorruptFile(f"not well-formed XML ({exc.msg if hasattr(exc, 'msg') else exc})",
                          path, line=line) from None


def local(tag: str) -> str:
    """A tag without its namespace: '{http://...}when' -> 'when'."""
    return tag.rsplit("}", 1)[-1]


def children(el: Element, name: str) -> list[Element]:
    return [c for c in el if local(c.tag) == name]


def child_text(el: Element, name: str) -> str | None:
    for c in el:
        if local(c.tag) == name:
            return (c.text or "").strip()
    return None


def walk(el: Element, name: str) -> list[Element]:
    """Every descendant with this local name, in document order."""
    return [e for e in el.iter() if local(e.tag) == name]
