"""GPX 1.0/1.1 tracks (trk/trkseg/trkpt) and routes (rte/rtept); elevation metres -> feet."""

from __future__ import annotations

from pathlib import Path

from casefile.errors import CorruptFile
from casefile.importers.flights.fields import FT_PER_M, KT_PER_MS, num, position
from casefile.importers.flights.gz import plain_head
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.flights.xmlsafe import child_text, children, local, parse_xml
from casefile.importers.registry import register
from casefile.importers.sniff import sniff_mime
from casefile.model.flights import ParsedTrack
from casefile.timeutil import utc_iso_epoch


class Gpx(FlightImporter):
    name = "gpx"
    extensions = (".gpx",)
    xml = True

    def score(self, path: Path, head: bytes, mime: str) -> float:
        if mime == "application/gpx+xml":
            return 0.9
        if mime == "application/gzip" and sniff_mime(plain_head(head)) == "application/gpx+xml":
            return 0.9
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        root = parse_xml(path, self.read(path, data))
        if local(root.tag) != "gpx":
            raise CorruptFile(f"root element is <{local(root.tag)}>, not <gpx>", path)
        out = ParsedFlights("gpx")
        meta = next(iter(children(root, "metadata")), None)
        title = (child_text(meta, "name") if meta is not None else None) or child_text(root, "name")
        parts = [(f"track {i + 1}", trk, [p for seg in children(trk, "trkseg")
                                          for p in children(seg, "trkpt")])
                 for i, trk in enumerate(children(root, "trk"))]
        parts += [(f"route {i + 1}", rte, children(rte, "rtept"))
                  for i, rte in enumerate(children(root, "rte"))]
        n_wpt = len(children(root, "wpt"))
        if n_wpt:
            out.notes.append(f"{n_wpt} waypoint(s) (<wpt>) are places, not positions of the "
                             "aircraft; not imported as track points")
        naive_times = 0
        for what, el, pts in parts:
            name = child_text(el, "name") or what
            planned = what.startswith("route")
            trk = ParsedTrack("gpx", label=f"GPX {name} ({title or path.name})", planned=planned)
            if planned:
                out.notes.append(f"{what}: a route is a plan, not where the aircraft was: its points "
                                 "are kept (flagged 'planned-route') but not used for legs or 'where'")
            for k, p in enumerate(pts):
                try:
                    lat, lon = position(p.get("lat"), p.get("lon"))
                    ele = num(child_text(p, "ele"), "ele")
                    when = child_text(p, "time")
                    t = None
                    if when:
                        t, naive = utc_iso_epoch(when, "time")
                        naive_times += naive
                    speed = num(child_text(p, "speed"), "speed")
                    course = num(child_text(p, "course"), "course")
                    trk.rows.append((t, lat, lon, None if ele is None else ele * FT_PER_M, None, None,
                                     None if speed is None else speed * KT_PER_MS, course, None,
                                     None, "gpx-route" if planned else "gpx", 0))
                except ValueError as exc:
                    out.warn(path, f"{what} point {k + 1}", f"skipped: {exc}")
            if trk.rows and not planned and any(r[0] is None for r in trk.rows):
                out.notes.append(f"{what}: {sum(r[0] is None for r in trk.rows)} point(s) without "
                                 "a time: kept, but not used for legs or 'where'")
            out.tracks.append(trk)
        if naive_times:
            out.notes.append(f"{naive_times} time(s) without a zone read as UTC, as the GPX "
                             "specification defines")
        if not any(t.rows for t in out.tracks) and not out.skipped:
            out.notes.append("no track or route points in this GPX file")
        return finish(path, out)


register(Gpx())
