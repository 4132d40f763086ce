"""One entry point for the data exports; each is written atomically and logged in the ledger."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from casefile.errors import InvalidInput
from casefile.report import csv_json, geodata
from casefile.report.context import Context, ReportOptions
from casefile.report.docx_writer import write_blocks
from casefile.report.geojson import to_geojson
from casefile.report.kml import to_kml
from casefile.report.pdf.build import (
    ExportResult,
    build_report,
    other_redacted,
    record_export,
    report_fingerprint,
    write_atomic,
)
from casefile.report.pdf.styles import register_fonts, scrubbing
from casefile.report.story import build_story
from casefile.store import Case

FORMATS = ("kml", "geojson", "csv", "json")
REPORT_SUFFIXES = (".pdf", ".docx")


def write_report(case: Case, out: str | Path, options: ReportOptions | None = None) -> ExportResult:
    """The case report in the format the file name asks for: .pdf (signable) or .docx (the
    editable copy with the same content and references)."""
    suffix = Path(out).suffix.lower()
    if suffix == ".docx":
        return build_docx(case, out, options)
    if suffix in (".pdf", ""):
        return build_report(case, out, options)
    raise InvalidInput(f"cannot write a report as {suffix!r}: name the file .pdf or .docx",
                       field="output")


def build_docx(case: Case, out: str | Path, options: ReportOptions | None = None) -> ExportResult:
    """Write the DOCX copy (atomically) and record an 'exported' custody event."""
    options = options or ReportOptions()
    if options.sign_cert:
        raise InvalidInput("only the PDF can be signed; write report.pdf to sign it",
                           field="sign_cert")
    out = Path(out)
    register_fonts()
    ctx = Context(case, options)
    with scrubbing(ctx.redacted_values(other_redacted(ctx))):
        story = build_story(ctx)
        data = write_blocks(ctx, story.blocks)
    write_atomic(out, data)
    sha = hashlib.sha256(data).hexdigest()
    result = ExportResult(str(out), sha, len(data), 0, story.sections,
                          fingerprint=report_fingerprint(case))
    result.ledger_seq = record_export(case, "docx", out, sha, len(data), options.to_dict())
    return result


def export(case: Case, fmt: str, out: str | Path, *, what: str = "items",
           exclude_sensitive: bool = False) -> dict[str, Any]:
    """Write one export file; returns path, sha256, size and how many records it holds."""
    out = Path(out)
    extra: dict[str, int | str]
    if fmt in ("kml", "geojson"):
        data = geodata.gather(case, exclude_sensitive=exclude_sensitive)
        body = (to_kml if fmt == "kml" else to_geojson)(data, case.title)
        records = len(data.tracks) + len(data.places)
        extra = {"tracks": len(data.tracks), "track_points": data.point_count,
                 "places": len(data.places)}
    elif fmt in ("csv", "json"):
        if what not in ("items", "findings"):
            raise InvalidInput(f"cannot export {what!r} (items or findings)", field="what")
        rows = (csv_json.item_records if what == "items" else csv_json.finding_records)(
            case, exclude_sensitive=exclude_sensitive)
        body = csv_json.to_csv(rows, what) if fmt == "csv" else csv_json.to_json(rows, what, case)
        records, extra = len(rows), {"what": what}
    else:
        raise InvalidInput(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})",
                           field="format")
    write_atomic(out, body)
    sha = hashlib.sha256(body).hexdigest()
    options = {"exclude_sensitive": exclude_sensitive, **extra}
    seq = record_export(case, fmt, out, sha, len(body), options)
    return {"path": str(out), "format": fmt, "sha256": sha, "size": len(body),
            "records": records, "ledger_seq": seq, **extra}
