"""`casefile demo`: build the training case on the reference scenario, then open it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casefile.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="build a training case (illustrative data) and open it",
                       description="Build a training case on the reference scenario (Russian Air "
                       "Force flights to Caracas, March 2019) from illustrative flight records and "
                       "synthetic photos generated on this machine, run the cross-reference, and "
                       "open it in the desktop application.")
    p.add_argument("--dir", default="casefile-demo", metavar="DIR",
                   help="folder for the new case and its generated inputs (default: ./casefile-demo; "
                        "an earlier demo there is kept, the new one gets the next free name)")
    p.add_argument("--report", metavar="OUT.pdf", help="also write the PDF case report")
    p.add_argument("--no-gui", action="store_true", help="do not open the desktop application")
    p.add_argument("--screenshot", metavar="PNG",
                   help="open the application, save a picture of its window, and exit")
    p.add_argument("--json", action="store_true", help="print what was built as JSON")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from casefile.demo.builder import build_demo

    say = (lambda s: print(s, file=sys.stderr)) if args.json else print
    result = build_demo(Path(args.dir), report=args.report, investigator=args.investigator, say=say)
    for err in result.errors:
        print(f"casefile: error: {err}", file=sys.stderr)
    if args.json:
        print_json({"case": str(result.case_path), "inputs": str(result.inputs),
                    "items": result.items, "errors": result.errors, "sources": result.sources,
                    "claims": result.claims, "verdicts": result.verdicts,
                    "finding_kinds": result.finding_kinds,
                    "report": str(result.report) if result.report else None})
    else:
        print(f"demo case: {result.case_path}")
    if result.errors:
        return 1
    if args.no_gui and not args.screenshot:
        return 0
    from casefile.cli.core_cmds import cmd_gui

    return cmd_gui(argparse.Namespace(case=str(result.case_path), screenshot=args.screenshot,
                                      investigator=args.investigator))
