"""KML for Google Earth and other GIS tools: tracks as gx:Track (every point), photos and airports
as placemarks."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from casefile.flights.query import GAP_S
from casefile.model.flights import Point
from casefile.report.geodata import GeoData
from casefile.report.geojson import abs_alt_m, split_stretches

KML = "http://www.opengis.net/kml/2.2"
GX = "http://www.google.com/kml/ext/2.2"
ET.register_namespace("", KML)
ET.register_namespace("gx", GX)


def _el(parent: ET.Element, tag: str, text: str | None = None, ns: str = KML) -> ET.Element:
    e = ET.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        e.text = text
    return e


def _track(parent: ET.Element, points: list[Point]) -> None:
    """A gx:Track: absolute altitudes when every point's is known (on the ground: the field's
    elevation), else clamped to the ground."""
    trk = _el(parent, "Track", ns=GX)
    alts = [abs_alt_m(p) for p in points]
    known = None not in alts
    _el(trk, "altitudeMode", "absolute" if known else "clampToGround")
    for p in points:
        _el(trk, "when", p.time_utc)
    for p, alt in zip(points, alts, strict=True):
        _el(trk, "coord", f"{p.lon:.6f} {p.lat:.6f} {(alt if known and alt is not None else 0.0):g}",
            ns=GX)


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
        stretches, flagged = split_stretches(t.points)
        source = f"from the flight record {t.item_label or 'of this track'}"
        for n, part in enumerate(stretches, 1):   # one line per continuous stretch: gaps stay gaps
            pm = _el(folder, "Placemark")
            _el(pm, "name", f"{t.label} part {n} of {len(stretches)} ({len(part)} points)")
            _el(pm, "description", f"{t.label}, {source}: positions {part[0].time_utc} to "
                                   f"{part[-1].time_utc}; no position for longer than "
                                   f"{GAP_S / 60:.0f} min before and after this part")
            _track(pm, part)
        if flagged:   # kept and shown, never joined into the line
            pm = _el(folder, "Placemark")
            _el(pm, "name", f"{t.label}: {len(flagged)} flagged point(s)")
            reasons = sorted({p.quality or "" for p in flagged})
            _el(pm, "description", f"{t.label}, {source}: positions kept out of legs and "
                                   f"`where` by the quality checks ({', '.join(reasons)})")
            multi = _el(pm, "MultiTrack", ns=GX)
            _el(multi, "interpolate", "0", ns=GX)
            for p in flagged:
                _track(multi, [p])
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
