"""Assemble the report, write it atomically, sign it if asked, and record the export in the ledger."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from casefile.errors import CasefileError
from casefile.report import adapters
from casefile.report.context import Context, ReportOptions
from casefile.report.pdf import evidence, media, sections
from casefile.report.pdf.doc import ReportDoc
from casefile.report.pdf.styles import register_fonts, scrubbing
from casefile.store import Case


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


def _story(ctx: Context) -> tuple[list[Flowable], list[str]]:
    case = ctx.case
    notes: list[str] = []
    story: list[Flowable] = sections.cover(ctx)
    done: list[str] = []
    claims = srcs = found = ph = fl = tl = None
    failed: set[str] = set()

    def pull(what: str, fn: Any) -> Any:
        try:
            return fn(case)
        except Exception as exc:  # noqa: BLE001 - another part failed: say so in the report
            failed.add(fn.__name__)
            notes.append(f"The {what} could not be read ({type(exc).__name__}: {exc}); the "
                         "report leaves it out.")
            return None

    if ctx.wants("summary") or ctx.wants("sources"):
        claims, srcs = pull("claims", adapters.claims), pull("sources", adapters.sources)
    if ctx.wants("findings") or ctx.wants("limitations"):
        found = pull("cross-reference findings", adapters.findings)
    if ctx.wants("photos") or ctx.wants("flights") or ctx.wants("limitations"):
        ph = pull("photo records", adapters.photos)
    if ctx.wants("flights") or ctx.wants("limitations"):
        fl = pull("flight records", adapters.flights)
    if ctx.wants("timeline"):
        tl = pull("timeline", adapters.timeline)
    parts: list[tuple[str, Any, Any]] = [
        ("summary", claims, lambda: evidence.summary(ctx, claims, srcs)),
        ("findings", found, lambda: evidence.findings(ctx, found)),
        ("sources", srcs, lambda: evidence.sources(ctx, srcs)),
        ("photos", ph, lambda: media.photos(ctx, ph)),
        ("flights", fl, lambda: media.flights(ctx, fl, ph)),
        ("timeline", tl, lambda: evidence.timeline(ctx, tl)),
    ]
    for name, data, make in parts:
        if not ctx.wants(name):
            continue
        if name in failed or (name == "summary" and "claims" in failed):
            continue
        if not data or (isinstance(data, adapters.Flights) and not data.aircraft):
            notes.append(f"No {name} section: " + ("this build has no such data source."
                                                   if data is None else "the case holds none."))
            continue
        story += make() + [PageBreak()]
        done.append(name)
    if ctx.wants("limitations"):
        story += sections.limitations(ctx, notes + _gaps(ctx, found, ph, fl)) + [PageBreak()]
        done.append("limitations")
    if ctx.wants("custody"):
        story += sections.custody(ctx) + [PageBreak()]
        done.append("custody")
    if ctx.wants("methods"):
        story += sections.methods(ctx, _thresholds())
        done.append("methods")
    if story and isinstance(story[-1], PageBreak):
        story.pop()
    return story, done


def _gaps(ctx: Context, found: Any, ph: Any, fl: Any) -> list[str]:
    """Automatic limitation notes from the data itself."""
    notes = []
    undetermined = [f for f in found or [] if adapters.get(f, "verdict") == "undetermined"
                    and ctx.shows(adapters.get(f, "item_ids"))]
    if undetermined:
        notes.append(f"{len(undetermined)} cross-reference finding(s) are undetermined: the "
                     "evidence could neither confirm nor contradict them.")
    shown = [e for e in ph or [] if adapters.get(e.info, "item_id") in ctx.item_ids]
    no_time = [e for e in shown if adapters.get(e.info, "capture") is None]
    no_gps = [e for e in shown if adapters.get(e.info, "gps") is None]
    if no_time:
        notes.append(f"{len(no_time)} photo(s) carry no capture time (metadata stripped or "
                     "never written).")
    if no_gps:
        notes.append(f"{len(no_gps)} photo(s) carry no usable position.")
    if fl is not None and fl.gaps:
        notes.append(f"{len(fl.gaps)} coverage gap(s) in the flight tracks: where the aircraft was "
                     "during a gap is not known from tracking data.")
    return notes


# Modules whose numeric module-level constants are the thresholds behind legs, gaps and findings.
THRESHOLD_MODULES = ("casefile.flights.legs", "casefile.flights.quality", "casefile.xref.common",
                     "casefile.xref.claims", "casefile.xref.photo_track", "casefile.xref.sanity",
                     "casefile.xref.sun", "casefile.xref.duplicates", "casefile.photos.capture_time")


def _thresholds() -> dict[str, Any]:
    """Every numeric constant (UPPER_CASE) of the modules that decide legs, gaps and findings."""
    out: dict[str, Any] = {}
    for name in THRESHOLD_MODULES:
        mod = adapters._module(name)
        if mod is None:
            continue
        short = name.removeprefix("casefile.")
        values = getattr(mod, "THRESHOLDS", None)
        if isinstance(values, dict):
            out.update({f"{short}.{k}": v for k, v in values.items()})
        for key, value in vars(mod).items():
            if key.isupper() and not key.startswith("_") and isinstance(value, (int, float)) \
                    and not isinstance(value, bool):
                out[f"{short}.{key}"] = value
        version = getattr(mod, "ENGINE_VERSION", None)
        if version is not None:
            out[f"{short}.ENGINE_VERSION"] = version
    return out


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


def _other_redacted(ctx: Context) -> dict[str, list[Any]]:
    """Values of redacted fields held by other parts (source collectors and authors, serials)."""
    r = ctx.options.redact
    out: dict[str, list[Any]] = {}
    if r & {"collected_by", "author"}:
        srcs = adapters.sources(ctx.case) or []
        out["collected_by"] = [adapters.get(s, "collected_by") for s in srcs]
        out["author"] = [adapters.get(s, "author") for s in srcs]
    if "serial" in r:
        out["serial"] = [adapters.get(e.info, "serial") for e in adapters.photos(ctx.case) or []]
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
