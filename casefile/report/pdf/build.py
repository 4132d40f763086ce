"""Assemble the PDF report from its sections, write it atomically, sign it if asked, and record
the export in the ledger."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from reportlab.platypus import Flowable, PageBreak

from casefile.analyst import query as analyst_query
from casefile.errors import CasefileError
from casefile.model.analyst import Claim, Source
from casefile.model.findings import Finding
from casefile.photos import query as photos_query
from casefile.report import gather
from casefile.report.context import Context, ReportOptions
from casefile.report.gather import Flights, PhotoEntry
from casefile.report.pdf.claims import summary
from casefile.report.pdf.cover import cover
from casefile.report.pdf.custody import custody
from casefile.report.pdf.doc import ReportDoc
from casefile.report.pdf.findings import findings
from casefile.report.pdf.flights import flights
from casefile.report.pdf.limitations import data_notes, limitations
from casefile.report.pdf.methods import methods
from casefile.report.pdf.photos import photos
from casefile.report.pdf.sources import sources
from casefile.report.pdf.styles import register_fonts, scrubbing
from casefile.report.pdf.timeline import timeline
from casefile.store import Case
from casefile.xref import query as xref_query
from casefile.xref.query import TimelineEvent


@dataclass
class ExportResult:
    """What an export wrote and recorded."""

    path: str
    sha256: str
    size: int
    pages: int = 0
    sections: list[str] = field(default_factory=list)
    ledger_seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


T = TypeVar("T")


def _story(ctx: Context) -> tuple[list[Flowable], list[str]]:
    case = ctx.case
    notes: list[str] = []
    story: list[Flowable] = cover(ctx)
    done: list[str] = []
    failed: set[str] = set()

    def pull(key: str, what: str, read: Callable[[Case], T]) -> T | None:
        try:
            return read(case)
        except Exception as exc:  # noqa: BLE001 - another part failed: say so in the report
            failed.add(key)
            notes.append(f"The {what} could not be read ({type(exc).__name__}: {exc}); the "
                         "report leaves it out.")
            return None

    claims: list[Claim] | None = None
    srcs: list[Source] | None = None
    found: list[Finding] | None = None
    ph: list[PhotoEntry] | None = None
    fl: Flights | None = None
    tl: list[TimelineEvent] | None = None
    if ctx.wants("summary") or ctx.wants("sources"):
        claims = pull("claims", "claims", analyst_query.list_claims)
        srcs = pull("sources", "sources", analyst_query.list_sources)
    if ctx.wants("findings") or ctx.wants("limitations"):
        found = pull("findings", "cross-reference findings", gather.findings)
    if ctx.wants("photos") or ctx.wants("flights") or ctx.wants("limitations"):
        ph = pull("photos", "photo records", gather.photos)
    if ctx.wants("flights") or ctx.wants("limitations"):
        fl = pull("flights", "flight records", gather.flights)
    if ctx.wants("timeline"):
        tl = pull("timeline", "timeline", xref_query.timeline)
    # Each section: its name, the part it reads (skipped when that failed), whether the case
    # holds anything for it, and how to draw it.
    parts: list[tuple[str, str, bool, Callable[[], list[Flowable]]]] = [
        ("summary", "claims", bool(claims), lambda: summary(ctx, claims or [], srcs)),
        ("findings", "findings", bool(found), lambda: findings(ctx, found or [])),
        ("sources", "sources", bool(srcs), lambda: sources(ctx, srcs or [])),
        ("photos", "photos", bool(ph), lambda: photos(ctx, ph or [])),
        ("flights", "flights", fl is not None and bool(fl.aircraft),
         lambda: flights(ctx, fl, ph) if fl is not None else []),
        ("timeline", "timeline", bool(tl), lambda: timeline(ctx, tl or [])),
    ]
    for name, source, has_data, make in parts:
        if not ctx.wants(name) or source in failed:
            continue
        if not has_data:
            notes.append(f"No {name} section: the case holds none.")
            continue
        story += make() + [PageBreak()]
        done.append(name)
    if ctx.wants("limitations"):
        story += limitations(ctx, notes + data_notes(ctx, found, ph, fl)) + [PageBreak()]
        done.append("limitations")
    if ctx.wants("custody"):
        story += custody(ctx) + [PageBreak()]
        done.append("custody")
    if ctx.wants("methods"):
        story += methods(ctx)
        done.append("methods")
    if story and isinstance(story[-1], PageBreak):
        story.pop()
    return story, done


def render_report(case: Case, options: ReportOptions) -> tuple[bytes, list[str], int]:
    """The unsigned PDF bytes, the sections included, and the page count."""
    register_fonts()
    ctx = Context(case, options)
    with scrubbing(ctx.redacted_values(_other_redacted(ctx))):
        story, done = _story(ctx)
        buf = io.BytesIO()
        doc = ReportDoc(buf, title=ctx.title, author=str(ctx.investigator or ""),
                        subject=options.marking, marking=options.marking)
        pages = doc.render(story)
    return buf.getvalue(), done, pages


def _other_redacted(ctx: Context) -> dict[str, list[str | None]]:
    """Values of redacted fields held by other parts (source collectors and authors, serials)."""
    r = ctx.options.redact
    out: dict[str, list[str | None]] = {}
    if r & {"collected_by", "author"}:
        srcs = analyst_query.list_sources(ctx.case)
        out["collected_by"] = [s.collected_by for s in srcs]
        out["author"] = [s.author for s in srcs]
    if "serial" in r:
        out["serial"] = [p.serial for p in photos_query.list_photos(ctx.case)]
    return out


def build_report(case: Case, out: str | Path, options: ReportOptions | None = None) -> ExportResult:
    """Write the report to `out` (atomically) and record an 'exported' custody event."""
    options = options or ReportOptions()
    out = Path(out)
    data, done, pages = render_report(case, options)
    if options.sign_cert:
        from casefile.report.sign import sign_pdf

        data = sign_pdf(data, options.sign_cert, options.sign_key or "", options.sign_password)
    write_atomic(out, data)
    sha = hashlib.sha256(data).hexdigest()
    result = ExportResult(str(out), sha, len(data), pages, done)
    result.ledger_seq = record_export(case, "pdf", out, sha, len(data), options.to_dict())
    return result


def write_atomic(out: Path, data: bytes) -> None:
    """Write a file via a temporary sibling and a rename, so a reader never sees half of it."""
    if out.exists() and out.is_dir():
        raise CasefileError("the output is a folder", out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CasefileError(f"cannot write the output: {exc.strerror or exc}", out) from exc


def record_export(case: Case, fmt: str, out: Path, sha: str, size: int,
                  options: dict[str, Any]) -> int | None:
    """Append the 'exported' event (when the case is open for writing)."""
    if not case.writable:
        return None
    with case.transaction():
        return case.log("exported", details={"format": fmt, "sha256": sha, "size": size,
                                             "path": str(out.resolve()), "options": options})
