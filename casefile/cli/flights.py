"""Flight commands: `flights` (aircraft, legs, gaps), `where`, `flight add` (a reported flight)."""

from __future__ import annotations

from typing import Any

import click

from casefile.cli.base import Out, cli, command, group
from casefile.cli.naming import add_ref, add_refs
from casefile.cli.output import print_table, print_zone_notes
from casefile.errors import NotFound
from casefile.present.aircraft import aircraft_name
from casefile.store import Case

flight = group(cli, "flight", help="flights entered by hand")


def _when(end: dict[str, Any]) -> str:
    """A leg end's time; a reported one as the window it is known to (a date: its whole day)."""
    from casefile.present.times import describe
    from casefile.timeutil import TimeValue

    tv = TimeValue.from_dict((end.get("evidence") or {}).get("time")) if not end["observed"] else None
    if tv is not None:
        return describe(tv)
    return end["time_utc"] or "unknown"


def _airport(end: dict[str, Any]) -> str:
    code = end["airport_icao"] or "unknown"
    if end["airport_icao"] and not end["observed"]:
        code += " (not observed)"
    return code


@command(cli, "flights", help="aircraft, flight legs with airports and times, coverage gaps")
@click.option("--aircraft", metavar="AIRCRAFT", help="only this aircraft (registration, hex, "
              "callsign it was recorded with, or a flight record or entity reference: F2, E3)")
def flights(case: Case, aircraft: str | None) -> Out:
    from casefile.flights import query as Q

    only = _aircraft_id(case, aircraft) if aircraft else None
    planes = [a for a in Q.list_aircraft(case) if only is None or a.id == only]
    data = {"aircraft": [a.to_dict() | {"name": aircraft_name(a)} for a in planes],
            "legs": add_refs(case, [leg.to_dict() for leg in Q.legs(case, only)], "item_id",
                             "item_ref"),
            "gaps": [g.to_dict() for g in Q.gaps(case, only)],
            "ground": Q.ground_stays(case, only),
            "tracks": add_refs(case, [{k: t[k] for k in (
                "id", "item_id", "aircraft_id", "format", "callsigns", "points", "flagged", "skipped",
                "untimed", "first_utc", "last_utc", "quality", "warnings", "points_sha256")}
                for t in Q.tracks(case, only)], "item_id", "item_ref")}
    return Out(data, _print_flights)


def _print_flights(d: dict[str, Any]) -> None:
    names = {a["id"]: a["name"] for a in d["aircraft"]}
    print_table([(a["name"], a["type_code"], a["description"], a["operator"], a["country"],
                  "yes" if a["military"] else "") for a in d["aircraft"]],
                ["AIRCRAFT", "TYPE", "DESCRIPTION", "OPERATOR", "COUNTRY", "MILITARY"])
    print()
    print_table([(names.get(leg["aircraft_id"]) or leg.get("aircraft_ref") or leg["aircraft_id"],
                  "reported" if leg["reported"] else "tracked",
                  _airport(leg["takeoff"]), _when(leg["takeoff"]), _airport(leg["landing"]),
                  _when(leg["landing"]), leg["landing"]["note"] if not leg["landing"]["observed"]
                  else "") for leg in d["legs"]],
                ["AIRCRAFT", "KIND", "FROM", "TAKE-OFF", "TO", "LANDING", "NOTE"],
                max_width=90)
    if d["gaps"]:
        print()
        print_table([(names.get(g["aircraft_id"]), g["start_utc"], g["end_utc"], g["note"])
                     for g in d["gaps"]], ["AIRCRAFT", "GAP FROM", "GAP TO", "NOTE"])
    flagged = [(t["format"], t["points"], t["flagged"], t["skipped"],
                ", ".join(f"{k}: {v}" for k, v in t["quality"].items())) for t in d["tracks"]
               if t["flagged"] or t["skipped"]]
    if flagged:
        print()
        print_table(flagged, ["TRACK FORMAT", "POINTS", "FLAGGED", "SKIPPED ROWS", "WHY"])
    notes = [w for t in d["tracks"] for w in t["warnings"]]
    if notes:
        print()
        for w in notes[:10]:
            print(f"note: {w}")
        if len(notes) > 10:
            print(f"... and {len(notes) - 10} more (see --json)")


@command(cli, "where", help="where an aircraft was at a time, per its track records")
@click.option("--aircraft", required=True, metavar="AIRCRAFT",
              help="registration, hex, recorded callsign, or a flight record or entity reference")
@click.option("--at", "at", required=True, metavar="TIME",
              help="e.g. 2019-03-23T14:05Z or 2019-03-23 10:05 with --tz")
@click.option("--tz", metavar="ZONE", help="zone for a time typed without one (IANA name)")
def where(case: Case, aircraft: str, at: str, tz: str | None) -> Out:
    # not casefile.flights.query: one instant is answered from the where index, with no numpy
    from casefile.errors import InvalidInput
    from casefile.flights.reported import all_reported
    from casefile.flights.wherecore import mention_reported
    from casefile.flights.wherefast import where_at
    from casefile.timeutil import parse_analyst_time

    tv = parse_analyst_time(at, tz=tz, default_tz=case.default_tz, field="--at")
    if tv.utc is None:
        raise InvalidInput(f"{at!r} has no time zone; add one (e.g. Z or -04:00) or --tz",
                           field="--at")
    aircraft_id = _aircraft_id(case, aircraft)
    w = mention_reported(where_at(case, aircraft_id, tv.utc), aircraft_id,
                         lambda: all_reported(case), tv.utc)
    return Out(w.to_dict() | {"time": tv.to_dict()}, _print_where)


def _aircraft_id(case: Case, text: str) -> str:
    """An aircraft by registration, hex or a name it was recorded with, or by the reference of a
    flight record (F2: its aircraft) or an aircraft entity (E3: its registration); unknown ones
    get the closest aircraft in the case."""
    from casefile.analyst import names
    from casefile.flights.aircraft import find
    from casefile.store import refs

    parsed = refs.parse(text)
    if parsed and parsed[0] in "FE":
        target = names.resolve(case, text, parsed[0])
        if parsed[0] == "F":
            found = {r[0] for r in case.db.execute("SELECT aircraft_id FROM tracks WHERE item_id = ?",
                                                   [target])}
            if len(found) == 1 and None not in found:
                return str(found.pop())
            raise NotFound(f"flight record {text.strip()} holds {len(found)} aircraft; name one by "
                           "registration or hex")
        entity = case.db.execute("SELECT ref, name FROM entities WHERE id = ?", [target]).fetchone()
        text = entity[0] or entity[1]
    return find(case, text).id


def _print_where(d: dict[str, Any]) -> None:
    print_zone_notes(time=d["time"])
    print(f"at {d['t_utc']}: {d['status'].upper()}")
    if d["lat"] is not None:
        alt = f", {d['alt_ft']:.0f} ft" if d["alt_ft"] is not None else ""
        print(f"  position {d['lat']:.5f}, {d['lon']:.5f}{alt}")
    if d["airport_icao"]:
        print(f"  airport {d['airport_icao']}")
    print(f"  {d['reason']}")
    for key in ("nearest_before", "nearest_after"):
        p = d[key]
        if p:
            print(f"  {key.replace('_', ' ')}: {p['time_utc']} {p['lat']:.5f}, {p['lon']:.5f}"
                  + (f" {p['alt_ft']:.0f} ft" if p["alt_ft"] is not None else "")
                  + (" (ground)" if p["on_ground"] else ""))


@command(flight, "add", help="record a reported flight (reported, not tracked)", write=True)
@click.option("--aircraft", required=True, help="registration, hex or type as reported")
@click.option("--from", "from_icao", metavar="ICAO", help="departure airport (e.g. UUMU)")
@click.option("--to", "to_icao", metavar="ICAO", help="arrival airport (e.g. SVMI)")
@click.option("--departed", metavar="TIME", help="departure time as reported")
@click.option("--arrived", metavar="TIME", help="arrival time as reported")
@click.option("--departed-window", type=float, metavar="HOURS",
              help="± hours around the departure time (a date alone means the whole day)")
@click.option("--arrived-window", type=float, metavar="HOURS", help="± hours around arrival")
@click.option("--tz", metavar="ZONE", help="zone of times typed without one (IANA name)")
@click.option("--departed-tz", "--dep-tz", "departed_tz", metavar="ZONE",
              help="zone of the departure time (else --tz), e.g. Europe/Moscow")
@click.option("--arrived-tz", "--arr-tz", "arrived_tz", metavar="ZONE",
              help="zone of the arrival time (else --tz), e.g. America/Caracas")
@click.option("--source", metavar="SOURCE", help="the source (report) it comes from, e.g. S1")
@click.option("--note", metavar="TEXT", help="where the report comes from")
def flight_add(case: Case, aircraft: str, from_icao: str | None, to_icao: str | None,
               departed: str | None, arrived: str | None, departed_window: float | None,
               arrived_window: float | None, tz: str | None, departed_tz: str | None,
               arrived_tz: str | None, source: str | None, note: str | None) -> Out:
    from casefile.commands import FlightAdd, submit
    from casefile.flights.query import reported_flights

    done = submit(case, FlightAdd(aircraft=aircraft, from_icao=from_icao, to_icao=to_icao,
                                  departed=departed, arrived=arrived, tz=tz,
                                  departed_window_h=departed_window, arrived_window_h=arrived_window,
                                  note=note, departed_tz=departed_tz, arrived_tz=arrived_tz,
                                  source=source))
    rf = next(r for r in reported_flights(case) if r.id == done.record_id)
    return Out(add_ref(case, rf.to_dict()), _print_reported)


def _print_reported(d: dict[str, Any]) -> None:
    from casefile.reference.aircraft_types import type_name

    what = d["aircraft_ref"]
    if d["aircraft_id"]:
        what += " (an aircraft in the case)"
    elif d["aircraft_type"]:
        what += f" (type {d['aircraft_type']}, {type_name(d['aircraft_type']) or 'known type'})"
    else:
        what += " (not resolved to an aircraft or a type)"
    print(f"recorded reported flight {d['ref']}: {what} {d['from_icao'] or '?'} -> "
          f"{d['to_icao'] or '?'} (reported, not tracked)")
    for end in ("departed", "arrived"):
        if d[f"{end}_when"]:
            print(f"  {end:<9} {d[f'{end}_when']}")
    print_zone_notes(departed=d["departed"], arrived=d["arrived"])
