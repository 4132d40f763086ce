"""Report and export commands: report (PDF), export (KML/GeoJSON/CSV/JSON), bundle, unbundle."""

from __future__ import annotations

import argparse

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import emit, human_size
from casefile.errors import InvalidInput

FORMATS = ("kml", "geojson", "csv", "json")


def register(sub: argparse._SubParsersAction) -> None:
    from casefile.report.context import SECTIONS

    p = sub.add_parser("report", help="write the PDF case report")
    add_case_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="PDF")
    p.add_argument("--sections", metavar="LIST",
                   help=f"comma-separated sections (default all: {','.join(SECTIONS)})")
    p.add_argument("--marking", default="UNMARKED",
                   help='handling marking on every page, e.g. "TLP:AMBER"')
    p.add_argument("--redact", metavar="FIELDS", default="",
                   help="comma-separated fields to redact: acquired_by, actor, author, "
                        "collected_by, investigator, note, notes, original_name, original_path, "
                        "serial, source_url, or 'collector' (everyone who handled the evidence); "
                        "their values are also blanked wherever they appear in other text")
    p.add_argument("--exclude-sensitive", action="store_true",
                   help="leave out items marked sensitive and every finding that involves them")
    p.add_argument("--generated-at", metavar="UTC",
                   help="the generated-at time to print (default: time of the last case change, "
                        "which keeps the report reproducible)")
    p.add_argument("--sign-cert", metavar="PEM", help="sign with this certificate (PAdES)")
    p.add_argument("--sign-key", metavar="PEM", help="the certificate's private key")
    p.add_argument("--sign-password", metavar="TEXT", help="password of the private key")
    add_json_arg(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help="export tracks, positions, items or findings")
    add_case_arg(p)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--what", choices=("items", "findings"), default="items",
                   help="for csv/json: which table (default items)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--exclude-sensitive", action="store_true")
    add_json_arg(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("bundle", help="write the case as one portable, verifiable zip")
    add_case_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="ZIP")
    add_json_arg(p)
    p.set_defaults(func=cmd_bundle)

    p = sub.add_parser("unbundle", help="restore a case bundle into a new folder")
    p.add_argument("bundle", metavar="ZIP")
    p.add_argument("dest", metavar="DIR")
    add_json_arg(p)
    p.set_defaults(func=cmd_unbundle)


def _list(text: str | None) -> list[str]:
    return [s.strip() for s in (text or "").split(",") if s.strip()]


def cmd_report(args: argparse.Namespace) -> int:
    from casefile.report.context import SECTIONS, ReportOptions
    from casefile.report.pdf import build_report
    from casefile.timeutil import parse_analyst_time

    redact = set(_list(args.redact))
    generated = None
    if args.generated_at:
        tv = parse_analyst_time(args.generated_at, tz="UTC")
        if not tv.utc:
            raise InvalidInput("the generated-at time needs a date and time", field="generated-at")
        generated = tv.utc
    options = ReportOptions(sections=tuple(_list(args.sections)) or SECTIONS,
                            marking=args.marking, redact=frozenset(redact),
                            exclude_sensitive=args.exclude_sensitive, generated_at=generated,
                            sign_cert=args.sign_cert, sign_key=args.sign_key,
                            sign_password=args.sign_password)
    with open_case(args, write=True) as case:
        result = build_report(case, args.output, options)
    emit(args, result.to_dict(), lambda r: print(
        f"wrote {r['path']} ({r['pages']} pages, {human_size(r['size'])}, sections: "
        f"{', '.join(r['sections'])})\nsha256 {r['sha256']}"))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from casefile.report.exports import export

    with open_case(args, write=True) as case:
        result = export(case, args.format, args.output, what=args.what,
                        exclude_sensitive=args.exclude_sensitive)
    emit(args, result, lambda r: print(f"wrote {r['path']} ({r['records']} records)\n"
                                       f"sha256 {r['sha256']}"))
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from casefile.report.bundle import bundle_case

    with open_case(args, write=True) as case:
        result = bundle_case(case, args.output)
    emit(args, result.to_dict(), lambda r: print(
        f"wrote {r['path']} ({r['members']} members, {human_size(r['size'])})\n"
        f"sha256 {r['sha256']}\nledger head #{r['head_seq']} {r['head_hash']}"))
    return 0


def cmd_unbundle(args: argparse.Namespace) -> int:
    from casefile.report.bundle import unbundle

    result = unbundle(args.bundle, args.dest)

    def human(r: dict) -> None:
        print(f"restored {r['members']} files into {r['path']}")
        for p in r["verify"]["problems"]:
            print(f"FAIL {p['kind']}: {p['message']}")
        print("verified OK" if r["verify"]["ok"] else
              f"the restored case FAILED verification ({len(r['verify']['problems'])} problems)")

    emit(args, result, human)
    return 0 if result["verify"]["ok"] else 1
