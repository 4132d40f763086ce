"""The main window's long operations: import, verify, ELA, report; progress, Cancel and results."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.errors import CasefileError
from casefile.store import Case, VerifyReport
from casefile.ui.operations import jobs
from casefile.ui.operations.runner import Changes, OpContext, Operation
from casefile.ui.window import verified

if TYPE_CHECKING:
    from casefile.ui.window.case import CaseWindow


def run_op(win: CaseWindow, title: str, fn: Callable[[Case, OpContext], Changes], *,
           on_done: Callable[[Changes], None] | None = None, cancellable: bool = True) -> Operation | None:
    """Run fn(case, ctx) in a worker; progress in the status bar; errors in a dialog."""
    if win.case is None:
        win.notify(title, "Open or create a case first.", error=True)
        return None
    op = win.ops.run(win.case, title, fn, cancellable=cancellable)
    op.finished.connect(lambda ch: _done(win, op, ch, on_done))
    op.failed.connect(lambda msg: _failed(win, op, msg))
    return op


def op_started(win: CaseWindow, op: Operation) -> None:
    """Show the progress bar (and Cancel) for an operation that has just started."""
    win.progress.setRange(0, 0)
    win.progress.setFormat(op.title + " %p%")
    win.progress.show()
    win.cancel_button.setVisible(op.cancellable)
    win.cancel_button.setEnabled(True)
    op.progress.connect(lambda done, total, text: _progress(win, done, total, text))
    win.statusBar().showMessage(op.title + "…")


def _progress(win: CaseWindow, done: int, total: int, text: str) -> None:
    win.progress.setRange(0, max(total, 1))
    win.progress.setValue(done)
    win.progress.setToolTip(text)
    now = time.monotonic()
    if now - win.last_live > 2.0:       # counts of what has arrived so far
        win.last_live = now
        # Counts only, read in a worker: reloading a table view on the UI thread during an
        # import stalled the event loop (the table refreshes when the import finishes).
        win.update_counts(later=True)


def _finish_ui(win: CaseWindow) -> None:
    if not win.ops.busy:
        win.progress.hide()
        win.cancel_button.hide()


def _done(win: CaseWindow, op: Operation, changes: Changes,
          on_done: Callable[[Changes], None] | None) -> None:
    _finish_ui(win)
    win.statusBar().showMessage(changes.message, 10000)
    if changes.items or changes.meta:
        win.refresh(later=True)
    if on_done:
        on_done(changes)
    elif changes.errors:
        win.notify(op.title, changes.message, details="\n".join(changes.errors), error=True)


def _failed(win: CaseWindow, op: Operation, message: str) -> None:
    _finish_ui(win)
    win.statusBar().showMessage(f"{op.title} failed", 10000)
    win.notify(op.title, message, error=True)


def import_files(win: CaseWindow, paths: list[str], *, workers: int | None = None) -> Operation | None:
    """Import files or folders (content decides the kind)."""
    return run_op(win, "Import", jobs.import_op(paths, workers=workers))


def verify(win: CaseWindow, item_id: str | None = None) -> Operation | None:
    """Verify the whole case or one item; the outcome shows in the status bar or the item's panel."""
    return run_op(win, "Verify this item" if item_id else "Verify integrity", jobs.verify_op(item_id),
                  on_done=lambda ch: _verified(win, item_id, ch), cancellable=False)


def _verified(win: CaseWindow, item_id: str | None, changes: Changes) -> None:
    report = changes.result
    assert isinstance(report, VerifyReport)
    problems = [p.message for p in report.problems]
    if item_id:
        win.provenance.show_result(item_id, report.ok, problems)
        win.provenance.show_item(win.case, item_id, win.td)
        win.provenance.show_result(item_id, report.ok, problems)
        return
    win.last_verify = report
    verified.note_verified(win.status_verify, win.case, win.td, report)
    win.mark_problems()
    win.notify("Verify integrity", changes.message, details="\n".join(problems), error=not report.ok)


def compute_ela(win: CaseWindow, item_id: str) -> None:
    """Make the Error Level Analysis copy of a photo, then show it in the metadata panel."""
    def show(_changes: Changes) -> None:
        if win.case is not None:
            win.metadata.show_ela(win.case, item_id)

    run_op(win, "Error Level Analysis", jobs.ela_op(item_id), on_done=show)


def export_report(win: CaseWindow, out: str) -> Operation | None:
    """Write the case report to `out` (PDF or DOCX, as its extension says)."""
    return run_op(win, "Export report", jobs.report_op(Path(out)))


def demo_command(folder: Path) -> list[str]:
    """The command that builds the demo case (the demo builder sits above the GUI, so it runs as
    the command line does: `casefile demo --no-gui`)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "demo", "--no-gui", "--json", "--dir", str(folder)]
    return [sys.executable, "-m", "casefile", "demo", "--no-gui", "--json", "--dir", str(folder)]


def open_demo(win: CaseWindow, folder: Path | None = None) -> None:
    """Build the training case (in the background), then open it."""
    folder = folder or Path.home() / "casefile-demo"

    def build() -> str:
        done = subprocess.run(demo_command(folder), capture_output=True, text=True, timeout=600,
                              check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["the demo could not be built"])[-1]
            raise CasefileError(last)
        return str(json.loads(done.stdout)["case"])

    def built(case_path: object, error: str) -> None:
        win.progress.hide()
        if error:
            win.notify("Open the demo case", error, error=True)
        elif isinstance(case_path, str):
            win.open_case(case_path)

    win.statusBar().showMessage(f"Building the demo case in {folder}…")
    win.progress.setRange(0, 0)
    win.progress.setFormat("Building the demo case")
    win.progress.show()
    win.tasks.run(build, built)
