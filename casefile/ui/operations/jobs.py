"""The long operations the window runs through runner.py: each is `fn(case, ctx) -> Changes`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.commands import after_import
from casefile.photos.query import make_ela
from casefile.store import Case, verify_case
from casefile.ui.operations.runner import Changes, OpContext

if TYPE_CHECKING:   # the importers load when the first import runs, not when the window opens
    from casefile.importers.pipeline import FileOutcome


def import_op(paths: Sequence[str | Path], *, workers: int | None = None,
              recursive: bool = True) -> Callable[[Case, OpContext], Changes]:
    """Import files/folders and bring derived data up to date; the result is the ImportReport,
    errors are one line per file."""

    def run(case: Case, ctx: OpContext) -> Changes:
        from casefile.importers.pipeline import import_paths

        def progress(done: int, total: int, outcome: FileOutcome) -> None:
            ctx.progress(done, total, Path(outcome.path).name)

        report = import_paths(case, paths, recursive=recursive, workers=workers,
                              progress=progress, cancel=ctx.cancel)
        ctx.progress(len(report.outcomes), len(report.outcomes), "bringing findings up to date")
        after_import(case, report)          # checks and findings current before it says done
        parts = [f"{report.count('imported')} imported"]
        for status, word in (("duplicate", "already in the case"), ("error", "failed"),
                             ("cancelled", "cancelled")):
            if report.count(status):
                parts.append(f"{report.count(status)} {word}")
        return Changes(items=True, message="Import: " + ", ".join(parts),
                       errors=[o.message or o.path for o in report.errors], result=report)

    return run


def verify_op(item_id: str | None = None) -> Callable[[Case, OpContext], Changes]:
    """Verify the whole case or one item; the result is the VerifyReport."""

    def run(case: Case, ctx: OpContext) -> Changes:
        ctx.progress(0, 1, "verifying")
        report = verify_case(case, item_id=item_id)
        ctx.progress(1, 1, "done")
        what = "this item" if item_id else "case"
        msg = (f"Verified {what}: intact" if report.ok
               else f"Verified {what}: {len(report.problems)} problem(s) found")
        return Changes(message=msg, errors=[p.message for p in report.problems], result=report)

    return run


def ela_op(item_id: str, quality: int = 90) -> Callable[[Case, OpContext], Changes]:
    """Make the Error Level Analysis working copy of a photo."""

    def run(case: Case, ctx: OpContext) -> Changes:
        row = make_ela(case, item_id, quality=quality)
        return Changes(items=False, message="Error Level Analysis ready", result=row)

    return run


def report_op(out: Path) -> Callable[[Case, OpContext], Changes]:
    """Export the report through the report part (default sections, unmarked); .docx writes DOCX."""

    def run(case: Case, ctx: OpContext) -> Changes:
        # imported here, in the worker: the PDF machinery is heavy and only needed for an export
        from casefile.report.context import ReportOptions
        from casefile.report.exports import write_report

        ctx.progress(0, 1, "writing the report")
        result = write_report(case, out, ReportOptions())
        ctx.progress(1, 1, "done")
        return Changes(message=f"Report written to {out}", result=result)

    return run
