"""KML for Google Earth and other GIS tools: tracks as gx:Track (every point), photos and airports
as placemarks."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from casefile.report.geodata import GeoData, alt_m

KML = "http://www.opengis.net/kml/2.2"
GX = "http://www.google.com/kml/ext/2.2"
ET.register_namespace("", KML)
ET.register_namespace("gx", GX)


def _el(parent: ET.Element, tag: str, text: str | None = None, ns: str = KML) -> ET.Element:
    e = ET.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        e.text = text
    return e


def to_kml(data: GeoData, title: str) -> bytes:
    """The KML document (UTF-8). Text goes through ElementTree, so it is always escaped."""
    root = ET.Element(f"{{{KML}}}kml")
    doc = _el(root, "Document")
    _el(doc, "name", title)
    for sid, color in (("photo", "ff0b9ef5"), ("airport", "ff000000")):
        st = _el(doc, "Style")
        st.set("id", sid)
        _el(_el(st, "IconStyle"), "color", color)
    folder = _el(doc, "Folder")
    _el(folder, "name", "Tracks")
    for t in data.tracks:
        pm = _el(folder, "Placemark")
        _el(pm, "name", f"{t.label} ({len(t.points)} points)")
        flagged = sum(1 for p in t.points if p.quality)
        _el(pm, "description", f"aircraft {t.aircraft_id}; track {t.track_id}; source item "
                               f"{t.item_id}; {flagged} point(s) flagged by quality checks")
        trk = _el(pm, "Track", ns=GX)
        known = all(alt_m(p) is not None for p in t.points)
        _el(trk, "altitudeMode", "absolute" if known else "clampToGround")
        for p in t.points:
            _el(trk, "when", p.time_utc)
        for p in t.points:
            alt = alt_m(p) if known else 0.0
            _el(trk, "coord", f"{p.lon:.6f} {p.lat:.6f} {alt:g}", ns=GX)
    for kind, label in (("photo", "Photos"), ("airport", "Airports")):
        f = _el(doc, "Folder")
        _el(f, "name", label)
        for pl in (p for p in data.places if p.kind == kind):
            pm = _el(f, "Placemark")
            _el(pm, "name", pl.name)
            _el(pm, "styleUrl", f"#{kind}")
            if pl.props.get("capture_utc"):
                _el(_el(pm, "TimeStamp"), "when", pl.props["capture_utc"])
            ext = _el(pm, "ExtendedData")
            for k, v in pl.props.items():
                d = _el(ext, "Data")
                d.set("name", k)
                _el(d, "value", "" if v is None else str(v))
            _el(_el(pm, "Point"), "coordinates", f"{pl.lon:.6f},{pl.lat:.6f}")
    ET.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
