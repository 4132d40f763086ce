"""The flights section: map, aircraft, legs (observed or inferred ends), coverage gaps and
hand-entered flights."""

from __future__ import annotations

from reportlab.platypus import Flowable

from casefile.flights import query as flights_query
from casefile.model.flights import Aircraft, Leg, LegEnd
from casefile.reference.airports import airport
from casefile.report.context import Context
from casefile.report.gather import Flights, PhotoEntry, world_land
from casefile.report.pdf.figures import MapData, MapTrack, map_figure
from casefile.report.pdf.formatting import dur, fmt_time
from casefile.report.pdf.styles import p, pm
from casefile.report.pdf.tables import grid


def map_data(ctx: Context, fl: Flights | None, entries: list[PhotoEntry] | None) -> MapData:
    """Tracks, airports and photo positions to draw."""
    data = MapData()
    if fl is not None:
        for a in fl.aircraft:
            parts = [[(pt.lat, pt.lon) for pt in part] for part in fl.stretches.get(a.id, [])]
            data.tracks.append(MapTrack(aircraft_name(a), parts, flights_query.aircraft_color(a)))
        seen: set[str] = set()
        for leg in fl.legs:
            for end in (leg.takeoff, leg.landing):
                code = end.airport_icao
                if code and code not in seen:
                    seen.add(code)
                    row = airport(code)
                    if row:
                        data.airports.append((code, row["lat"], row["lon"]))
    for e in entries or []:
        gps = e.info.gps
        if gps is not None and e.info.item_id in ctx.item_ids:
            data.photos.append(("", gps.lat, gps.lon))
    return data


def flights(ctx: Context, fl: Flights, entries: list[PhotoEntry] | None) -> list[Flowable]:
    """Map, aircraft, legs (observed or inferred ends) and coverage gaps."""
    out: list[Flowable] = [pm("Flights", "H1")]
    fig = map_figure(map_data(ctx, fl, entries), world_land())
    if fig is not None:
        out += [fig, p("Map: equirectangular, north up; land outlines from Natural Earth.",
                       "Small")]
    out += [pm("Aircraft", "H2"), grid(
        ["Registration or name", "ICAO 24-bit", "Type", "Operator", "Country", "Points"],
        [(a.registration or a.label or "not known", a.icao24, a.type_code,
          a.operator or "not known", a.country, len(fl.points.get(a.id, [])))
         for a in fl.aircraft],
        (80, 70, 60, 140, 80, 65))]
    names = {a.id: aircraft_name(a) for a in fl.aircraft}
    names.update({r.id: f"{r.aircraft_ref or '?'} (reported)" for r in fl.reported})
    out += [pm("Legs", "H2"), p("An end marked 'inferred' was not observed in the data (the "
                                "track starts or ends in the air or in a coverage gap).", "Small")]
    if fl.legs:
        out.append(grid(["Aircraft", "Takeoff (UTC)", "From", "Landing (UTC)", "To", "Basis"],
                        [_leg_row(names, leg) for leg in fl.legs], (55, 95, 85, 95, 85, 80),
                        mono=(1, 3)))
    else:
        out.append(p("No legs."))
    out.append(pm("Coverage gaps", "H2"))
    if fl.gaps:
        out.append(grid(["Aircraft", "From (UTC)", "To (UTC)", "Note"],
                        [(names.get(g.aircraft_id), g.start_utc, g.end_utc, g.note)
                         for g in fl.gaps], (60, 95, 95, 245), mono=(1, 2)))
    else:
        out.append(p("No coverage gaps found."))
    if fl.reported:
        out += [pm("Reported, not tracked", "H2"),
                p("Flights entered by hand from a report; no track data backs them.", "Small"),
                grid(["Aircraft", "From → to", "Departed", "Arrived", "Source and note"],
                     [(r.aircraft_ref, f"{r.from_icao or '?'} → {r.to_icao or '?'}",
                       fmt_time(r.departed), fmt_time(r.arrived),
                       f"{r.source_note or ''} (entered {r.created_at} by "
                       f"{ctx.red('actor', r.created_by)})") for r in fl.reported],
                     (55, 60, 110, 110, 160))]
    return out


def _end(end: LegEnd) -> tuple[str, str]:
    where = end.airport_icao or "unknown"
    if end.airport_name:
        where += f" {end.airport_name}"
    if end.distance_km is not None:
        where += f" ({end.distance_km:.1f} km)"
    unc = end.evidence.get("time", {}) or {}
    unc_s = unc.get("uncertainty_s") if isinstance(unc, dict) else None
    when = end.time_utc or "unknown"
    return (f"{when}\n± {dur(float(unc_s))}" if unc_s else when), where


def _leg_row(names: dict[str, str], leg: Leg) -> tuple[str | None, str, str, str, str, str]:
    t0, a0 = _end(leg.takeoff)
    t1, a1 = _end(leg.landing)
    basis = "/".join("observed" if e.observed else "inferred" for e in (leg.takeoff, leg.landing))
    if leg.reported:
        basis += ", reported"
    who = names.get(leg.aircraft_id) or names.get(leg.id)
    return (who, t0, a0, t1, a1, basis)


def aircraft_name(a: Aircraft) -> str:
    """Registration (or ICAO 24-bit address) and type, as the map key and the tables name it."""
    name = a.registration or a.icao24 or a.label or a.id
    return f"{name} ({a.type_code})" if a.type_code else name
