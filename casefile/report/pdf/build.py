"""Assemble the PDF report from its sections, write it atomically, sign it if asked, and record
the export in the ledger."""

from __future__ import annotations

import glob
import hashlib
import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.analyst import query as analyst_query
from casefile.errors import CasefileError
from casefile.photos import query as photos_query
from casefile.report.context import Context, ReportOptions
from casefile.report.pdf.doc import ReportDoc
from casefile.report.pdf.render import stream
from casefile.report.pdf.styles import register_fonts, scrubbing
from casefile.report.story import build_story
from casefile.store import Case
from casefile.store.platform_io import process_alive


@dataclass
class ExportResult:
    """What an export wrote and recorded."""

    path: str
    sha256: str
    size: int
    pages: int = 0
    sections: list[str] = field(default_factory=list)
    ledger_seq: int | None = None
    fingerprint: str = ""        # the ledger event the report describes, for `verify --expect`

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def render_report(case: Case, options: ReportOptions) -> tuple[bytes, list[str], int]:
    """The unsigned PDF bytes, the sections included, and the page count."""
    register_fonts()
    ctx = Context(case, options)
    with scrubbing(ctx.redacted_values(other_redacted(ctx))):
        story = build_story(ctx)
        buf = io.BytesIO()
        doc = ReportDoc(buf, title=ctx.title, author=str(ctx.investigator or ""),
                        subject=options.marking, marking=options.marking)
        pages = doc.render(stream(story.blocks))
    return buf.getvalue(), story.sections, pages


def other_redacted(ctx: Context) -> dict[str, list[str | None]]:
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
    result = ExportResult(str(out), sha, len(data), pages, done, fingerprint=report_fingerprint(case))
    result.ledger_seq = record_export(case, "pdf", out, sha, len(data), options.to_dict())
    return result


def report_fingerprint(case: Case) -> str:
    """The fingerprint of the ledger event a report describes (printed on its cover)."""
    from casefile.report.context import content_head
    from casefile.store.headfile import fingerprint

    head = content_head(case)
    return fingerprint(int(head["seq"]), str(head["hash"]))


def part_name(out: Path) -> Path:
    """The temporary sibling an output is written to before its rename."""
    return out.with_name(f".{out.name}.{os.getpid()}.part")


def remove_stale_parts(out: Path) -> list[Path]:
    """Remove what earlier writers of this output left when they were killed (`.NAME.PID.part`
    files and `.NAME.PID.snapshot-*` folders of a process that is gone); a living writer's are
    left alone."""
    removed = []
    try:
        found = list(out.parent.glob(f".{glob.escape(out.name)}.*"))
    except OSError:
        return []
    for left in found:
        pid, _, rest = left.name[len(out.name) + 2:].partition(".")
        if not (rest == "part" or rest.startswith("snapshot-")) or not pid.isascii() \
                or not pid.isdigit() or int(pid) == os.getpid() or process_alive(int(pid)):
            continue
        try:
            if left.is_dir() and not left.is_symlink():
                shutil.rmtree(left)
            else:
                left.unlink()
            removed.append(left)
        except OSError:
            pass
    return removed


def write_atomic(out: Path, data: bytes) -> None:
    """Write a file via a temporary sibling and a rename, so a reader never sees half of it."""
    if out.exists() and out.is_dir():
        raise CasefileError("the output is a folder", out)
    remove_stale_parts(out)
    tmp = part_name(out)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise output_error(out, exc, len(data)) from exc


def output_error(out: Path, exc: OSError, needed: int | None) -> CasefileError:
    """One line for an output that could not be written: a full disk names the disk and the space
    needed, a read-only place says so."""
    from casefile.store.access import EXPLAINED, explain

    if exc.errno in EXPLAINED:
        return explain(out, exc, needed=needed)
    return CasefileError(f"cannot write the output: {exc.strerror or exc}", out)


def record_export(case: Case, fmt: str, out: Path, sha: str, size: int,
                  options: dict[str, Any]) -> int | None:
    """Append the 'exported' event (when the case is open for writing)."""
    if not case.writable:
        return None
    with case.transaction():
        return case.log("exported", details={"format": fmt, "sha256": sha, "size": size,
                                             "path": str(out.resolve()), "options": options})
