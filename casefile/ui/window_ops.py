"""The main window's long operations: import, verify, ELA, report; progress, Cancel and results."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.ui import caseops
from casefile.ui.ops import Changes, Operation

if TYPE_CHECKING:
    from casefile.ui.mainwindow import MainWindow


class OperationsMixin:
    """Mixed into MainWindow: every long operation goes through run_op (a worker via ops.py)."""

    # ---- operations -------------------------------------------------------------------------
    def run_op(self: MainWindow, title: str, fn: Any, *, on_done: Any = None,
               cancellable: bool = True) -> Operation | None:
        """Run fn(case, ctx) in a worker; progress in the status bar; errors in a dialog."""
        if self.case is None:
            self.notify(title, "Open or create a case first.", error=True)
            return None
        op = self.ops.run(self.case, title, fn, cancellable=cancellable)
        op.finished.connect(lambda ch: self._op_done(op, ch, on_done))
        op.failed.connect(lambda msg: self._op_failed(op, msg))
        return op

    def _op_started(self: MainWindow, op: Operation) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(op.title + " %p%")
        self.progress.show()
        self.cancel_button.setVisible(op.cancellable)
        self.cancel_button.setEnabled(True)
        op.progress.connect(self._op_progress)
        self.statusBar().showMessage(op.title + "…")

    def _op_progress(self: MainWindow, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setToolTip(text)
        now = time.monotonic()
        if now - getattr(self, "_last_live", 0.0) > 2.0:       # counts of what has arrived so far
            self._last_live = now
            # Only cheap COUNT queries here: reloading a table view on the UI thread during an
            # import stalled the event loop (the table refreshes when the import finishes).
            self.update_counts()

    def _op_finish_ui(self: MainWindow) -> None:
        if not self.ops.busy:
            self.progress.hide()
            self.cancel_button.hide()

    def _op_done(self: MainWindow, op: Operation, changes: Changes, on_done: Any) -> None:
        self._op_finish_ui()
        self.statusBar().showMessage(changes.message, 10000)
        if changes.items or changes.meta:
            self.refresh()
        if on_done:
            on_done(changes)
        elif changes.errors:
            self.notify(op.title, changes.message, details="\n".join(changes.errors), error=True)

    def _op_failed(self: MainWindow, op: Operation, message: str) -> None:
        self._op_finish_ui()
        self.statusBar().showMessage(f"{op.title} failed", 10000)
        self.notify(op.title, message, error=True)

    def import_files(self: MainWindow, paths: list[str], *, workers: int | None = None) -> Operation | None:
        """Import files or folders (content decides the kind)."""
        return self.run_op("Import", caseops.import_op(paths, workers=workers))

    def verify(self: MainWindow, item_id: str | None = None) -> Operation | None:
        return self.run_op("Verify this item" if item_id else "Verify integrity", caseops.verify_op(item_id),
                           on_done=lambda ch: self._verified(item_id, ch), cancellable=False)

    def _verified(self: MainWindow, item_id: str | None, changes: Changes) -> None:
        report = changes.result
        problems = [p.message for p in report.problems]
        if item_id:
            self.provenance.show_result(item_id, report.ok, problems)
            self.provenance.show_item(self.case, item_id, self.td)
            self.provenance.show_result(item_id, report.ok, problems)
            return
        self.last_verify = report
        self.status_verify.setText("Last verification: " + ("intact" if report.ok else
                                                            f"{len(problems)} problem(s)"))
        self.status_verify.setStyleSheet("" if report.ok else "color: #c62828; font-weight: bold;")
        self._mark_problems()
        self.notify("Verify integrity", changes.message, details="\n".join(problems), error=not report.ok)

    def _mark_problems(self: MainWindow) -> None:
        probs: dict[str, str] = {}
        if self.last_verify is not None:
            for p in self.last_verify.problems:
                if p.item_id:
                    probs.setdefault(p.item_id, p.message)
        self.records.model.set_problems(probs)

    def compute_ela(self: MainWindow, item_id: str) -> None:
        self.run_op("Error Level Analysis", caseops.ela_op(item_id),
                    on_done=lambda ch: self.case and self.metadata.show_ela(self.case, item_id))

    def export_report(self: MainWindow, out: str) -> Operation | None:
        return self.run_op("Export report", caseops.report_op(Path(out)))

