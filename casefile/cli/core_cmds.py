"""Core commands: new, add, items, log, verify, gui."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import Progress, emit, human_size, print_json, print_table
from casefile.store import Case, VerifyReport, verify_case


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a case")
    p.add_argument("case", metavar="CASE", help="folder to create (.casefile is added)")
    p.add_argument("--title", required=True)
    p.add_argument("--tz", dest="default_tz", metavar="ZONE",
                   help="the case's default time zone (IANA name) for times without one")
    add_json_arg(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("add", help="import files as evidence (content decides the kind)")
    add_case_arg(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--recursive", "-r", action="store_true", help="import folders' contents")
    p.add_argument("--source-url", metavar="URL", help="where the files were obtained")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--as", dest="importer", metavar="IMPORTER",
                   help="force an importer (e.g. 'file' to keep a file as plain evidence)")
    p.add_argument("--workers", type=int, default=None, help="parallel workers (default: cores)")
    add_json_arg(p)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("items", help="list evidence items")
    add_case_arg(p)
    p.add_argument("--kind")
    add_json_arg(p)
    p.set_defaults(func=cmd_items)

    p = sub.add_parser("log", help="show the custody ledger")
    add_case_arg(p)
    p.add_argument("--item", metavar="ID", help="only the events of one item")
    add_json_arg(p)
    p.set_defaults(func=cmd_log)

    p = sub.add_parser("verify", help="check every original, derived file, ledger event and row")
    p.add_argument("case", metavar="CASE", help="a case folder or a case bundle (.zip)")
    p.add_argument("--item", metavar="ID", help="only one item")
    add_json_arg(p)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("gui", help="open the desktop application")
    p.add_argument("case", nargs="?", metavar="CASE")
    p.add_argument("--screenshot", metavar="PNG", help="render once, save the window, and exit")
    p.set_defaults(func=cmd_gui)


def cmd_new(args: argparse.Namespace) -> int:
    case = Case.create(args.case, args.title, investigator=args.investigator,
                       default_tz=args.default_tz)
    with case:
        data = {"path": str(case.path), "title": case.title, "case_id": case.meta()["case_id"],
                "investigator": case.actor, "default_tz": case.default_tz}
    emit(args, data, lambda d: print(f"created {d['path']} ({d['title']})"))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from casefile.importers.pipeline import import_paths

    with open_case(args, write=True) as case:
        report = import_paths(case, args.paths, recursive=args.recursive,
                              source_url=args.source_url, note=args.note, importer=args.importer,
                              workers=args.workers,
                              progress=None if args.json else Progress("importing"))
    if args.json:
        print_json(report.to_dict())
    else:
        for o in report.outcomes:
            if o.status == "imported":
                print(f"imported  {o.item_id}  {o.kind:<13} {o.path}")
            elif o.status == "duplicate":
                print(f"duplicate {o.item_id}  {o.kind:<13} {o.path} (already in the case; "
                      "acquisition recorded)")
        for o in report.errors:
            print(f"casefile: error: {o.message}", file=sys.stderr)
        print(f"{report.count('imported')} imported, {report.count('duplicate')} duplicate, "
              f"{report.count('error')} failed" +
              (f", {report.count('cancelled')} cancelled" if report.count("cancelled") else ""))
    return 1 if report.errors else 0


def item_dict(case: Case, item: dict[str, Any]) -> dict[str, Any]:
    acqs = case.acquisitions(item["id"])
    return {"id": item["id"], "kind": item["kind"], "original_name": item["original_name"],
            "mime": item["mime"], "size": item["size"], "sha256": item["sha256"],
            "md5": item["md5"], "created_at": item["created_at"], "importer": item["importer"],
            "notes": item["notes"], "sensitive": bool(item["sensitive"]),
            "blob_path": item["blob_path"],
            "acquisitions": [{k: a[k] for k in ("id", "acquired_at", "acquired_by", "method",
                                                "original_path", "source_url", "original_mtime",
                                                "note")} for a in acqs]}


def cmd_items(args: argparse.Namespace) -> int:
    with open_case(args, write=False) as case:
        data = [item_dict(case, i) for i in case.items(args.kind)]

    def human(rows: list[dict]) -> None:
        print_table([(r["id"], r["kind"], r["mime"], human_size(r["size"]), r["sha256"][:16],
                      r["acquisitions"][0]["acquired_by"] if r["acquisitions"] else "",
                      r["original_name"]) for r in rows],
                    ["ID", "KIND", "MIME", "SIZE", "SHA-256", "ACQUIRED BY", "NAME"])
        print(f"{len(rows)} items")

    emit(args, data, human)
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    with open_case(args, write=False) as case:
        item_id = case.resolve_item(args.item)["id"] if args.item else None
        events = case.events(item_id)

    def human(rows: list[dict]) -> None:
        print_table([(e["seq"], e["at"], e["actor"], e["action"], e["item_id"] or "",
                      (e["target_table"] or "") + (f":{e['target_id']}" if e["target_id"] else ""),
                      e["hash"][:16]) for e in rows],
                    ["SEQ", "AT (UTC)", "ACTOR", "ACTION", "ITEM", "TARGET", "HASH"])

    emit(args, events, human)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    if args.case.endswith(".zip"):
        from casefile.report.bundle import verify_bundle

        report = verify_bundle(args.case)
    else:
        with open_case(args, write=True) as case:
            item_id = case.resolve_item(args.item)["id"] if args.item else None
            report = verify_case(case, item_id=item_id)

    def human(r: VerifyReport) -> None:
        for p in r.problems:
            print(f"FAIL {p.kind}: {p.message}")
        counts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
        print(("OK" if r.ok else f"FAILED ({len(r.problems)} problems)") + f": checked {counts}")
        print(f"ledger head {r.head_hash}")

    emit(args, report.to_dict() if args.json else report, human)
    return 0 if report.ok else 1


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from casefile.ui.app import run
    except ImportError as exc:
        # Only a missing GUI (the Qt binding or its system libraries) is reported this way.
        if not (exc.name or "").startswith(("casefile.ui", "PySide", "shiboken")):
            raise
        print(f"casefile: error: the desktop application is not available ({exc}); "
              "use the subcommands (casefile --help)", file=sys.stderr)
        return 1
    return run(args.case, screenshot=args.screenshot, investigator=args.investigator)
