"""Report and export commands: report (PDF), export (KML/GeoJSON/CSV/JSON), bundle, unbundle."""

from __future__ import annotations

import click

from casefile.cli.base import Out, cli, command
from casefile.cli.output import human_size
from casefile.errors import InvalidInput
from casefile.report.context import SECTIONS
from casefile.store import Case

FORMATS = ("kml", "geojson", "csv", "json")


def _list(text: str | None) -> list[str]:
    return [s.strip() for s in (text or "").split(",") if s.strip()]


@command(cli, "report", help="write the case report: PDF, or an editable DOCX copy", write="prefer")
@click.option("-o", "--output", required=True, metavar="PDF|DOCX")
@click.option("--sections", metavar="LIST",
              help=f"comma-separated sections (default all: {','.join(SECTIONS)})")
@click.option("--marking", default="UNMARKED", show_default=True,
              help='handling marking on every page, e.g. "TLP:AMBER"')
@click.option("--redact", metavar="FIELDS", default="",
              help="comma-separated fields to redact: acquired_by, actor, author, "
                   "collected_by, investigator, note, notes, original_name, original_path, "
                   "serial, source_url, or 'collector' (everyone who handled the evidence); "
                   "their values are also blanked wherever they appear in other text")
@click.option("--exclude-sensitive", is_flag=True,
              help="leave out items marked sensitive and every finding that involves them")
@click.option("--generated-at", metavar="UTC",
              help="the generated-at time to print (default: time of the last case change, "
                   "which keeps the report reproducible)")
@click.option("--sign-cert", metavar="PEM", help="sign with this certificate (PAdES)")
@click.option("--sign-key", metavar="PEM", help="the certificate's private key")
@click.option("--sign-password", metavar="TEXT", help="password of the private key")
def report(case: Case, output: str, sections: str | None, marking: str, redact: str,
           exclude_sensitive: bool, generated_at: str | None, sign_cert: str | None,
           sign_key: str | None, sign_password: str | None) -> Out:
    from casefile.report.context import ReportOptions
    from casefile.report.exports import write_report as build_report  # .pdf or .docx by suffix
    from casefile.timeutil import parse_analyst_time

    generated = None
    if generated_at:
        tv = parse_analyst_time(generated_at, tz="UTC")
        if not tv.utc:
            raise InvalidInput("the generated-at time needs a date and time", field="generated-at")
        generated = tv.utc
    options = ReportOptions(sections=tuple(_list(sections)) or SECTIONS, marking=marking,
                            redact=frozenset(_list(redact)), exclude_sensitive=exclude_sensitive,
                            generated_at=generated, sign_cert=sign_cert, sign_key=sign_key,
                            sign_password=sign_password)
    result = build_report(case, output, options)
    note = _not_recorded(case)      # now: the case is closed by the time the result is printed
    return Out(result.to_dict(), lambda r: print(
        f"wrote {r['path']} ({str(r['pages']) + ' pages, ' if r['pages'] else ''}"
        f"{human_size(r['size'])}, sections: "
        f"{', '.join(r['sections'])})\nsha256 {r['sha256']}\n"
        f"fingerprint {r['fingerprint']} (`casefile verify CASE --expect {r['fingerprint']}`)"
        + note))


@command(cli, "export", help="export tracks, positions, items or findings", write="prefer")
@click.option("--format", "fmt", required=True, type=click.Choice(FORMATS))
@click.option("--what", type=click.Choice(("items", "findings")), default="items",
              show_default=True, help="for csv/json: which table")
@click.option("-o", "--output", required=True, metavar="FILE")
@click.option("--exclude-sensitive", is_flag=True)
def export(case: Case, fmt: str, what: str, output: str, exclude_sensitive: bool) -> Out:
    from casefile.report.exports import export

    result = export(case, fmt, output, what=what, exclude_sensitive=exclude_sensitive)
    note = _not_recorded(case)
    return Out(result, lambda r: print(f"wrote {r['path']} ({r['records']} records)\n"
                                       f"sha256 {r['sha256']}" + note))


@command(cli, "bundle", help="write the case as one portable, verifiable zip", write="prefer")
@click.option("-o", "--output", required=True, metavar="ZIP")
def bundle(case: Case, output: str) -> Out:
    from casefile.report.bundle import bundle_case

    done = bundle_case(case, output).to_dict()
    note = _not_recorded(case)
    return Out(done, lambda r: print(
        f"wrote {r['path']} ({r['members']} members, {human_size(r['size'])})\n"
        f"sha256 {r['sha256']}\nledger head #{r['head_seq']} {r['head_hash']}\n"
        f"fingerprint {r['fingerprint']} (`casefile verify BUNDLE --expect {r['fingerprint']}`)"
        + note))


def _not_recorded(case: Case) -> str:
    return ("" if case.writable else
            f"\nnot recorded in the custody ledger: the case is read-only ({case.read_only_reason})")


def _unbundle_human(r: dict) -> None:
    print(f"restored {r['members']} files into {r['path']}")
    for p in r["verify"]["problems"]:
        print(f"FAIL {p['kind']}: {p['message']}")
    print("verified OK" if r["verify"]["ok"] else
          f"the restored case FAILED verification ({len(r['verify']['problems'])} problems)")


@command(cli, "unbundle", help="restore a case bundle into a new folder", case="none")
@click.argument("bundle_path", metavar="ZIP")
@click.argument("dest", metavar="DIR")
def unbundle(bundle_path: str, dest: str) -> Out:
    from casefile.report.bundle import unbundle

    result = unbundle(bundle_path, dest)
    return Out(result, _unbundle_human, 0 if result["verify"]["ok"] else 1)
