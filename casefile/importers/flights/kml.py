"""KML flight tracks: Flightradar24 KML export (Route points) and gx:Track KML (e.g. FlightAware)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.etree.ElementTree import Element

from casefile.errors import CorruptFile
from casefile.importers.flights.fields import FT_PER_M, num, position
from casefile.importers.flights.gz import plain_head
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.flights.xmlsafe import child_text, children, local, parse_xml, walk
from casefile.importers.registry import register
from casefile.model.flights import ParsedTrack
from casefile.timeutil import parse_z


def _when(text: str | None) -> float:
    if not text:
        raise ValueError("no <when> time")
    try:
        return parse_z(text.strip()).timestamp()
    except ValueError:
        raise ValueError(f"time {text.strip()!r} is not an ISO time with a zone") from None


def _is_kml(head: bytes, mime: str) -> str | None:
    head = plain_head(head)
    if mime != "application/vnd.google-earth.kml+xml" and b"<kml" not in head[:2048]:
        return None
    return head.decode("utf-8", "replace").lower()


_ALT = re.compile(r"Altitude:.*?(-?[\d,]+)\s*ft", re.S)
_SPEED = re.compile(r"Speed:.*?(\d[\d,]*)\s*kt", re.S)
_HEADING = re.compile(r"Heading:.*?(\d+)", re.S)


def _grab(rx: re.Pattern, text: str, name: str) -> float | None:
    m = rx.search(text)
    return num(m.group(1).replace(",", ""), name) if m else None


class FR24Kml(FlightImporter):
    name = "fr24-kml"
    extensions = (".kml",)
    xml = True

    def score(self, path: Path, head: bytes, mime: str) -> float:
        low = _is_kml(head, mime)
        return 0.95 if low and "flightradar24" in low else 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        root = parse_xml(path, self.read(path, data))
        doc = next(iter(walk(root, "Document")), root)
        name = child_text(doc, "name") or ""
        desc = html.unescape(child_text(doc, "description") or "")
        callsign = name.split("/")[-1].strip() or None
        reg = re.search(r"/reg/([A-Za-z0-9-]+)", desc)
        typ = re.search(r"Aircraft<span[^>]*>\((\w+)\)</span>", desc)
        model = re.search(r"Aircraft<span[^>]*>.*?</span><br>\s*<span[^>]*>([^<]+)</span>", desc, re.S)
        oper = re.search(r"</a></span>\s*/\s*[\w ]+<br/>([^<]+)</div>", desc)
        trk = ParsedTrack("fr24-kml", registration=reg.group(1).upper() if reg else None,
                          type_code=typ.group(1) if typ else None,
                          description=model.group(1).strip() if model else None,
                          operator=oper.group(1).strip() if oper else None,
                          label=f"flight {name} (Flightradar24 KML {path.name})")
        out = ParsedFlights("fr24-kml", [trk])
        route = [f for f in walk(root, "Folder") if (child_text(f, "name") or "").lower() == "route"]
        if not route:
            raise CorruptFile("no 'Route' folder: not a Flightradar24 KML track export", path)
        for k, pm in enumerate(children(route[0], "Placemark")):
            try:
                ts = next(iter(walk(pm, "when")), None)
                t = _when(ts.text if ts is not None else None)
                coords = next(iter(walk(pm, "coordinates")), None)
                parts = (coords.text or "").strip().split(",") if coords is not None else []
                if len(parts) < 2:
                    raise ValueError("no <coordinates>")
                lat, lon = position(parts[1], parts[0])
                text = html.unescape(child_text(pm, "description") or "")
                trk.rows.append((t, lat, lon, _grab(_ALT, text, "Altitude"), None, None,
                                 _grab(_SPEED, text, "Speed"), _grab(_HEADING, text, "Heading"),
                                 None, callsign, None, 0))
            except ValueError as exc:
                out.warn(path, f"Route placemark {k + 1}", f"skipped: {exc}")
        return finish(path, out)


class GxTrackKml(FlightImporter):
    name = "kml-gx-track"
    extensions = (".kml",)
    xml = True

    def score(self, path: Path, head: bytes, mime: str) -> float:
        low = _is_kml(head, mime)
        if not low:
            return 0.0
        if "flightaware" in low or "gx:track" in low:
            return 0.9
        return 0.5 if "google.com/kml/ext" in low else 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        root = parse_xml(path, self.read(path, data))
        doc = next(iter(walk(root, "Document")), root)
        out = ParsedFlights("kml-gx-track")
        tracks = walk(root, "Track")
        if not tracks:
            raise CorruptFile("no <gx:Track> in this KML", path)
        title = child_text(doc, "name") or path.name
        for n, gx in enumerate(tracks):
            owner = _placemark_of(root, gx)
            callsign = (child_text(owner, "name") if owner is not None else None) or None
            trk = ParsedTrack("kml-gx-track", label=f"{callsign or 'track'} ({title})")
            whens = [c for c in gx if local(c.tag) == "when"]
            coords = [c for c in gx if local(c.tag) == "coord"]
            if len(whens) != len(coords):
                out.notes.append(f"track {n + 1}: {len(whens)} <when> but {len(coords)} <gx:coord>; "
                                 f"only the first {min(len(whens), len(coords))} pairs are used")
            for k, (w, c) in enumerate(zip(whens, coords, strict=False)):
                try:
                    t = _when(w.text)
                    parts = (c.text or "").split()
                    if len(parts) < 2:
                        raise ValueError(f"<gx:coord> {c.text!r} needs 'lon lat [alt]'")
                    lat, lon = position(parts[1], parts[0])
                    alt = num(parts[2], "altitude") if len(parts) > 2 else None
                    trk.rows.append((t, lat, lon, None if alt is None else alt * FT_PER_M, None, None,
                                     None, None, None, callsign, None, 0))
                except ValueError as exc:
                    out.warn(path, f"track {n + 1} point {k + 1}", f"skipped: {exc}")
            out.tracks.append(trk)
        out.notes.append("gx:Track altitudes are metres (KML), stored as feet; KML does not say "
                         "whether they are barometric or GNSS")
        return finish(path, out)


def _placemark_of(root: Element, target: Element) -> Element | None:
    for pm in walk(root, "Placemark"):
        if any(e is target for e in pm.iter()):
            return pm
    return None


register(FR24Kml())
register(GxTrackKml())
