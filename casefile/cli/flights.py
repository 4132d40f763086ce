"""Flight commands: `flights` (aircraft, legs, gaps), `where`, `flight add` (a reported flight)."""

from __future__ import annotations

import argparse
from typing import Any

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import emit, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("flights", help="aircraft, flight legs with airports and times, coverage gaps")
    add_case_arg(p)
    p.add_argument("--aircraft", metavar="REG_OR_HEX", help="only this aircraft")
    add_json_arg(p)
    p.set_defaults(func=cmd_flights)

    p = sub.add_parser("where", help="where an aircraft was at a time, per its track records")
    add_case_arg(p)
    p.add_argument("--aircraft", required=True, metavar="REG_OR_HEX")
    p.add_argument("--at", required=True, metavar="TIME",
                   help="e.g. 2019-03-23T14:05Z or 2019-03-23 10:05 with --tz")
    p.add_argument("--tz", metavar="ZONE", help="zone for a time typed without one (IANA name)")
    add_json_arg(p)
    p.set_defaults(func=cmd_where)

    p = sub.add_parser("flight", help="flights entered by hand")
    fsub = p.add_subparsers(dest="flight_command", metavar="SUBCOMMAND", required=True)
    a = fsub.add_parser("add", help="record a reported flight (reported, not tracked)")
    add_case_arg(a)
    a.add_argument("--aircraft", required=True, help="registration, hex or type as reported")
    a.add_argument("--from", dest="from_icao", metavar="ICAO", help="departure airport (e.g. UUMU)")
    a.add_argument("--to", dest="to_icao", metavar="ICAO", help="arrival airport (e.g. SVMI)")
    a.add_argument("--departed", metavar="TIME", help="departure time as reported")
    a.add_argument("--arrived", metavar="TIME", help="arrival time as reported")
    a.add_argument("--departed-window", type=float, metavar="HOURS",
                   help="± hours around the departure time (a date alone means the whole day)")
    a.add_argument("--arrived-window", type=float, metavar="HOURS", help="± hours around arrival")
    a.add_argument("--tz", metavar="ZONE", help="zone of times typed without one (IANA name)")
    a.add_argument("--note", metavar="TEXT", help="where the report comes from")
    add_json_arg(a)
    a.set_defaults(func=cmd_flight_add)


def _when(end: dict[str, Any]) -> str:
    return end["time_utc"] or "?"


def _airport(end: dict[str, Any]) -> str:
    code = end["airport_icao"] or "unknown"
    if end["airport_icao"] and not end["observed"]:
        code += " (not observed)"
    return code


def cmd_flights(args: argparse.Namespace) -> int:
    from casefile.flights import query as Q

    with open_case(args, write=False) as case:
        only = Q.find_aircraft(case, args.aircraft).id if args.aircraft else None
        aircraft = [a for a in Q.list_aircraft(case) if only is None or a.id == only]
        data = {"aircraft": [a.to_dict() | {"name": a.display()} for a in aircraft],
                "legs": [leg.to_dict() for leg in Q.legs(case, only)],
                "gaps": [g.to_dict() for g in Q.gaps(case, only)],
                "ground": Q.ground_stays(case, only),
                "tracks": [{k: t[k] for k in ("id", "item_id", "aircraft_id", "format", "callsigns",
                                               "points", "flagged", "skipped", "untimed",
                                               "first_utc", "last_utc", "quality", "warnings",
                                               "points_sha256")}
                           for t in Q.tracks(case, only)]}
    emit(args, data, _print_flights)
    return 0


def _print_flights(d: dict[str, Any]) -> None:
    names = {a["id"]: a["name"] for a in d["aircraft"]}
    print_table([(a["name"], a["type_code"], a["description"], a["operator"], a["country"],
                  "yes" if a["military"] else "") for a in d["aircraft"]],
                ["AIRCRAFT", "TYPE", "DESCRIPTION", "OPERATOR", "COUNTRY", "MILITARY"])
    print()
    print_table([(names.get(leg["aircraft_id"], leg["aircraft_id"] or "?"),
                  "reported" if leg["reported"] else "tracked",
                  _airport(leg["takeoff"]), _when(leg["takeoff"]), _airport(leg["landing"]),
                  _when(leg["landing"]), leg["landing"]["note"] if not leg["landing"]["observed"]
                  else "") for leg in d["legs"]],
                ["AIRCRAFT", "KIND", "FROM", "TAKE-OFF (UTC)", "TO", "LANDING (UTC)", "NOTE"],
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


def cmd_where(args: argparse.Namespace) -> int:
    from casefile.errors import InvalidInput
    from casefile.flights import query as Q
    from casefile.timeutil import parse_analyst_time

    with open_case(args, write=False) as case:
        tv = parse_analyst_time(args.at, tz=args.tz, default_tz=case.default_tz, field="--at")
        if tv.utc is None:
            raise InvalidInput(f"{args.at!r} has no time zone; add one (e.g. Z or -04:00) or --tz",
                               field="--at")
        w = Q.where(case, args.aircraft, tv.utc)
        data = w.to_dict() | {"time": tv.to_dict()}
    emit(args, data, _print_where)
    return 0


def _print_where(d: dict[str, Any]) -> None:
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


def cmd_flight_add(args: argparse.Namespace) -> int:
    from casefile.flights.reported import add_reported_flight

    def hours(h: float | None) -> float | None:
        return None if h is None else h * 3600.0

    with open_case(args, write=True) as case:
        rf = add_reported_flight(case, aircraft=args.aircraft, from_icao=args.from_icao,
                                 to_icao=args.to_icao, departed=args.departed, arrived=args.arrived,
                                 tz=args.tz, departed_uncertainty_s=hours(args.departed_window),
                                 arrived_uncertainty_s=hours(args.arrived_window), note=args.note)
    emit(args, rf.to_dict(), lambda d: print(
        f"recorded reported flight {d['id']}: {d['aircraft_ref']} {d['from_icao'] or '?'} -> "
        f"{d['to_icao'] or '?'} (reported, not tracked)"))
    return 0
