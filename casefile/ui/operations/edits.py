"""Analyst edits from the window: each a core call run off the UI thread, undoable, in the ledger.

An `Edit` pairs a change made through a part's public API (the same function the command line
calls) with its recorded inverse (also through the core, with the reason "undo"): undo never
deletes silently, it is one more ledger event. Edits run one at a time, in order, on one worker
thread with its own connection; the cross-reference is brought up to date after a batch of edits
without a manual step.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from casefile.errors import CasefileError
from casefile.store import Case
from casefile.xref.query import run_xref

UNDO_REASON = "undo"


def _nothing(_result: Any) -> str | None:
    return None


@dataclass
class Edit:
    """One analyst change and how to take it back."""

    text: str                                        # what the Edit menu says ("Grade S2 as B")
    apply: Callable[[Case], Any]                     # runs in the worker; its result feeds revert
    revert: Callable[[Case, Any], object]            # the recorded inverse
    select: Callable[[Any], str | None] = _nothing   # the record to select afterwards (a new one)
    xref: bool = True                                # the cross-reference reads what this changes


class _Signals(QObject):
    done = Signal(object, str, str)       # command (or None for the xref run), direction, error


class _Job(QRunnable):
    def __init__(self, case: Case, fn: Callable[[Case], None], cmd: EditCommand | None,
                 direction: str, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.case, self.fn, self.cmd, self.direction, self.signals = case, fn, cmd, direction, signals

    def run(self) -> None:
        worker: Case | None = None
        error = ""
        try:
            worker = self.case.connect_again()
            self.fn(worker)
        except CasefileError as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost in a log
            traceback.print_exc()
            error = f"{type(exc).__name__}: {exc}"
        finally:
            if worker is not None:
                worker.close()
        self.signals.done.emit(self.cmd, self.direction, error)


class EditRunner(QObject):
    """Runs edits in order on one worker thread; reports each when done (on the UI thread)."""

    edited = Signal(object, str, str)      # command, "redo"/"undo", error ("" when it worked)
    xrefDone = Signal(str)                 # error ("" when the findings are up to date)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)      # one at a time, in the order they were asked for
        self.case: Case | None = None
        self.pending = 0
        self.xref_due = False
        self.xref_runs = 0
        self._signals = _Signals()
        self._signals.done.connect(self._done)

    @property
    def idle(self) -> bool:
        return self.pending == 0

    def submit(self, cmd: EditCommand, direction: str) -> None:
        if self.case is None:
            return
        self.pending += 1
        self.pool.start(_Job(self.case, cmd.step(direction), cmd, direction, self._signals))

    def run_xref_now(self) -> None:
        """Recompute every finding (after edits, or when asked from the menu)."""
        if self.case is None:
            return
        self.xref_due = False
        self.pending += 1

        def fn(case: Case) -> None:
            run_xref(case)

        self.pool.start(_Job(self.case, fn, None, "xref", self._signals))

    def _done(self, cmd: EditCommand | None, direction: str, error: str) -> None:
        self.pending -= 1
        if cmd is None:
            self.xref_runs += 1
            self.xrefDone.emit(error)
            return
        if not error and cmd.edit.xref:
            self.xref_due = True
        self.edited.emit(cmd, direction, error)
        if self.pending == 0 and self.xref_due:
            self.run_xref_now()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


class EditCommand(QUndoCommand):
    """One Edit on the undo stack: redo applies it in the worker, undo runs its inverse."""

    def __init__(self, runner: EditRunner, edit: Edit) -> None:
        super().__init__(edit.text)
        self.runner, self.edit = runner, edit
        self.result: Any = None
        self.applied = False
        self.failed = False

    def step(self, direction: str) -> Callable[[Case], None]:
        """The worker's part of a redo or undo (reads this command's state when it runs)."""
        def forward(case: Case) -> None:
            if not self.failed:
                self.result = self.edit.apply(case)
                self.applied = True

        def back(case: Case) -> None:
            if self.applied:
                self.applied = False
                self.edit.revert(case, self.result)

        return forward if direction == "redo" else back

    def redo(self) -> None:
        self.runner.submit(self, "redo")

    def undo(self) -> None:
        self.runner.submit(self, "undo")


def drop_failed(stack: QUndoStack, cmd: EditCommand) -> None:
    """Take a command whose first run failed off the stack (its undo does nothing)."""
    cmd.failed = True
    if stack.count() and stack.command(stack.index() - 1) is cmd:
        cmd.setObsolete(True)
        stack.undo()                      # an obsolete command is removed, not kept for redo


EDITABLE = {"notes", "sensitive"}
EditValue = str | int | None          # notes text (or None), sensitive flag 0/1


class EditItemCommand(QUndoCommand):
    """Change one field of an item (notes, sensitive flag); undo writes the old value back."""

    def __init__(self, case: Case, item_id: str, field: str, value: EditValue, text: str,
                 on_change: Callable[[str], None], on_error: Callable[[str], None]) -> None:
        super().__init__(text)
        if field not in EDITABLE:
            raise ValueError(f"{field} is not an analyst-editable item field")
        self.case, self.item_id, self.field = case, item_id, field
        self.old: EditValue = case.get_row("items", item_id)[field]
        self.new = value
        self.on_change, self.on_error = on_change, on_error
        self._first = True

    def _apply(self, value: EditValue, *, action: str, reason: str | None) -> bool:
        try:
            with self.case.transaction():
                self.case.update("items", self.item_id, {self.field: value}, action=action,
                                 item_id=self.item_id, reason=reason)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the stack stays truthful
            self.on_error(f"Could not save the change to {self.field}: {exc}")
            return False
        self.on_change(self.item_id)
        return True

    def redo(self) -> None:
        ok = self._apply(self.new, action="edited", reason=None if self._first else "redo")
        if not ok and self._first:
            self.setObsolete(True)
        self._first = False

    def undo(self) -> None:
        self._apply(self.old, action="edited", reason="undo")
