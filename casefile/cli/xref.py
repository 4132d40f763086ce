"""Cross-reference commands: xref (findings) and timeline."""

from __future__ import annotations

import argparse

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import emit, print_table
from casefile.errors import NotFound


def register(sub: argparse._SubParsersAction) -> None:
    """Add the xref and timeline commands."""
    p = sub.add_parser("xref", help="cross-reference photos, flights, claims and sources")
    add_case_arg(p)
    p.add_argument("--item", metavar="ID", help="only findings involving this item")
    p.add_argument("--verdict", choices=("consistent", "inconsistent", "undetermined"))
    p.add_argument("--no-run", action="store_true", help="show the stored findings, do not recompute")
    p.add_argument("--update", action="append", default=[], metavar="PHOTO",
                   help="re-evaluate only what involves this photo (repeat); the rest is kept")
    add_json_arg(p)
    p.set_defaults(func=cmd_xref)

    p = sub.add_parser("timeline", help="every dated thing in the case, in time order")
    add_case_arg(p)
    p.add_argument("--tz", metavar="ZONE|local",
                   help="show times in this IANA zone, or 'local' for each place's zone (default UTC)")
    p.add_argument("--lane", choices=("sources", "photos", "flights", "claims"))
    add_json_arg(p)
    p.set_defaults(func=cmd_timeline)


def cmd_xref(args: argparse.Namespace) -> int:
    """Recompute (or --update, or --no-run) and print the findings."""
    from casefile.xref.query import findings, last_run, run_xref, update_xref

    with open_case(args, write=not args.no_run) as case:
        if args.no_run:
            found = findings(case)
        elif args.update:
            update_xref(case, [case.resolve_item(ref)["id"] for ref in args.update])
            found = findings(case)
        else:
            run_xref(case)
            found = findings(case)
        if args.item:
            try:
                item = case.resolve_item(args.item)["id"]
            except NotFound:
                item = args.item          # a claim or source id, not an evidence item
            found = [f for f in found if item in f.item_ids]
        run = last_run(case)
    if args.verdict:
        found = [f for f in found if f.verdict == args.verdict]
    data = {"findings": [f.to_dict() for f in found], "digest": run and run["digest"],
            "problems": run["problems"] if run else []}

    def human(d: dict) -> None:
        for problem in d["problems"]:
            print(f"warning: {problem}")
        print_table([(f["id"][:10], f["kind"], f["verdict"], f"{f['confidence']:.2f}",
                      f["explanation"]) for f in d["findings"]],
                    ["ID", "KIND", "VERDICT", "CONF", "EXPLANATION"], max_width=100)
        print(f"{len(d['findings'])} findings; digest {d['digest']}")

    emit(args, data, human)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    """Print the case timeline in UTC, a zone, or local times."""
    from casefile.xref.query import timeline

    with open_case(args, write=False) as case:
        evs = timeline(case, args.tz)
    if args.lane:
        evs = [e for e in evs if e.lane == args.lane]
    data = {"tz": args.tz or "UTC", "events": [e.to_dict() for e in evs]}
    emit(args, data, lambda d: print_table(
        [(e["display"], e["lane"], e["kind"], e["label"]) for e in d["events"]],
        ["TIME", "LANE", "KIND", "EVENT"], max_width=90))
    return 0
