"""The flights section: the map (every aircraft in the key, in its GUI colour, gaps as gaps),
aircraft, legs with UTC and the airport's local time, coverage gaps and hand-entered flights."""

from __future__ import annotations

from casefile.model.flights import LegEnd
from casefile.present.aircraft import aircraft_name
from casefile.present.numbers import duration
from casefile.present.times import when, with_local
from casefile.reference.airports import airport
from casefile.report.blocks import Block, Figure, grid, h1, h2, para
from casefile.report.gather import Flights, world_land
from casefile.report.mapdata import MapData, MapTrack
from casefile.report.sections.body import Body

__all__ = ["flights", "map_data", "world_land"]


def map_data(body: Body, fl: Flights | None) -> MapData:
    """Tracks (as continuous stretches), the airports legs touch, and photo positions."""
    data = MapData()
    if fl is not None:
        for a in fl.aircraft:
            parts = [[(pt.lat, pt.lon) for pt in part] for part in fl.stretches.get(a.id, [])]
            data.tracks.append(MapTrack(aircraft_name(a), parts, fl.colors[a.id]))
        seen: set[str] = set()
        for leg in fl.legs:
            for end in (leg.takeoff, leg.landing):
                code = end.airport_icao
                if code and code not in seen:
                    seen.add(code)
                    row = airport(code)
                    if row:
                        data.airports.append((code, row["lat"], row["lon"]))
    for e in body.photos:
        gps = e.info.gps
        if gps is not None and e.info.item_id in body.ctx.item_ids:
            data.photos.append(("", gps.lat, gps.lon))
    return data


_EVENT_NAMES = {"touch-and-go": "touch-and-go", "low-approach": "low approach",
                "go-around": "go-around"}


def _zone(code: str | None) -> str | None:
    row = airport(code) if code else None
    return str(row["tz"]) if row and row.get("tz") else None


def _end(end: LegEnd) -> tuple[str, str]:
    where = end.airport_icao or "unknown"
    if end.airport_name:
        where += f" {end.airport_name}"
    if end.distance_km is not None and end.distance_km >= 0.05:
        where += f" ({end.distance_km:.1f} km away)"
    unc = end.evidence.get("time", {}) or {}
    unc_s = unc.get("uncertainty_s") if isinstance(unc, dict) else None
    t = with_local(end.time_utc, _zone(end.airport_icao)) if end.time_utc else "not known"
    w = end.window_utc
    if w and w[0] != w[1] and not unc_s:   # between the positions either side of it
        b = w[1][11:19] if w[0][:10] == w[1][:10] else f"{w[1][:10]} {w[1][11:19]}"
        return f"between {w[0][:10]} {w[0][11:19]} and {b} UTC\n(about {t})", where
    return (f"{t}\n± {duration(float(unc_s))}" if unc_s else t), where


def flights(body: Body) -> list[Block]:
    fl = body.flights
    if fl is None:
        return []
    out: list[Block] = [h1("Flights")]
    data = map_data(body, fl)
    if data.points():
        out.append(Figure(data, "Map: equirectangular, north up; land outlines from Natural "
                                "Earth. Each aircraft has the same colour as in the Casefile "
                                "window."))
    out += [h2("Aircraft"), grid(
        ["Aircraft", "Callsigns / flights", "ICAO 24-bit", "Type", "Operator", "Country", "Positions"],
        [(aircraft_name(a), ", ".join(fl.calls.get(a.id, [])) or "none recorded", a.icao24,
          a.type_code, a.operator or "not known", a.country, len(fl.points.get(a.id, [])))
         for a in fl.aircraft],
        (80, 70, 55, 45, 110, 75, 60))]
    names = {a.id: aircraft_name(a, fl.calls.get(a.id, [])[:1]) for a in fl.aircraft}
    names.update({r.id: f"{r.aircraft_ref or '?'} (reported)" for r in fl.reported})
    out += [h2("Legs"), para("Times are UTC with the airport's local time beside them. An end "
                             "marked 'inferred' was not observed in the data (the track starts or "
                             "ends in the air or in a coverage gap).", style="small")]
    if fl.legs:
        rows = []
        for leg in fl.legs:
            t0, a0 = _end(leg.takeoff)
            t1, a1 = _end(leg.landing)
            basis = "/".join("observed" if e.observed else "inferred"
                             for e in (leg.takeoff, leg.landing))
            if leg.reported:
                basis += ", reported"
            rows.append((names.get(leg.aircraft_id) or names.get(leg.id), t0, a0, t1, a1, basis))
        out.append(grid(["Aircraft", "Take-off", "From", "Landing", "To", "Ends"], rows,
                        (62, 95, 80, 95, 80, 83)))
    else:
        out.append(para("No legs."))
    events = [(leg, e) for leg in fl.legs for e in leg.events]
    if events or fl.spoofed:
        out += [h2("Low passes and spoofed positions"),
                para("A touch-and-go, a low approach or a go-around is part of a flight, never a "
                     "landing. Spoofed positions jump out of the path and back: they are kept and "
                     "drawn, never used as where the aircraft was.", style="small")]
        ev_rows: list[tuple[str | None, str, str, str, str]] = [
            (names.get(leg.aircraft_id), _EVENT_NAMES.get(e.kind, e.kind),
             f"{e.window_utc[0][11:19]}–{e.window_utc[1][11:19]} UTC {e.window_utc[0][:10]}",
             e.airport_icao or "no airfield near", e.note) for leg, e in events]
        ev_rows += [(names.get(s.aircraft_id), "spoofed positions",
                     f"{s.start_utc[11:19]}–{s.end_utc[11:19]} UTC {s.start_utc[:10]}",
                     f"{s.points} positions", s.note) for s in fl.spoofed]
        out.append(grid(["Aircraft", "What", "When", "Where", "Note"], ev_rows,
                        (62, 70, 95, 60, 208)))
    out.append(h2("Coverage gaps"))
    if fl.gaps:
        out.append(grid(["Aircraft", "From (UTC)", "To (UTC)", "Length", "Note"],
                        [(names.get(g.aircraft_id), with_local(g.start_utc, None),
                          with_local(g.end_utc, None), duration(g.seconds), g.note)
                         for g in fl.gaps], (70, 90, 90, 50, 195)))
    else:
        out.append(para("No coverage gaps found."))
    if fl.reported:
        out += [h2("Reported, not tracked"),
                para("Flights entered by hand from a report; no track data backs them.",
                     style="small"),
                grid(["Aircraft", "From → to", "Departed", "Arrived", "Source and note"],
                     [(r.aircraft_ref, f"{r.from_icao or '?'} → {r.to_icao or '?'}",
                       when(r.departed, _zone(r.from_icao)), when(r.arrived, _zone(r.to_icao)),
                       body.names.text(r.source_note or "")) for r in fl.reported],
                     (55, 60, 120, 120, 140))]
    return out
