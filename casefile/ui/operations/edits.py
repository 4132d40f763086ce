"""Analyst edits from the window: the undo-stack glue around the core's commands.

An `Edit` is a core command (casefile.commands) and the text the Edit menu shows. Pushed on the
window's QUndoStack, it is submitted in a worker with its own connection; Undo and Redo ask the
core to undo or redo that command (`commands.undo(case, seq)`), which records the inverse as a
command of its own and brings findings, checks and the search index up to date before it returns.
The window keeps no column lists and writes nothing itself. Edits run one at a time, in order.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from casefile.commands import Command, Done, redo, submit, undo
from casefile.errors import CasefileError
from casefile.store import Case
from casefile.xref.query import run_xref


@dataclass
class Edit:
    """One analyst change: the core command and what the Edit menu calls it."""

    text: str                                        # "Grade S2 as B"
    command: Command


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
        """Recompute every finding when asked from the menu (edits keep them current themselves)."""
        if self.case is None:
            return
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
        self.edited.emit(cmd, direction, error)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


class EditCommand(QUndoCommand):
    """One Edit on the undo stack: the first redo submits it, undo and redo ask the core."""

    def __init__(self, runner: EditRunner, edit: Edit) -> None:
        super().__init__(edit.text)
        self.runner, self.edit = runner, edit
        self.done: Done | None = None
        self.applied = False
        self.failed = False
        self.hold = False        # the next undo() or redo() only moves the stack (see keep_in_place)

    def step(self, direction: str) -> Callable[[Case], None]:
        """The worker's part of a redo or undo (reads this command's state when it runs)."""
        def forward(case: Case) -> None:
            if self.failed:
                return
            if self.done is None:
                self.done = submit(case, self.edit.command)
            else:
                redo(case, self.done.seq)
            self.applied = True

        def back(case: Case) -> None:
            if self.applied and self.done is not None:
                undo(case, self.done.seq)
                self.applied = False

        return forward if direction == "redo" else back

    def redo(self) -> None:
        if self.hold:
            self.hold = False
            return
        self.runner.submit(self, "redo")

    def undo(self) -> None:
        if self.hold:
            self.hold = False
            return
        self.runner.submit(self, "undo")


def drop_failed(stack: QUndoStack, cmd: EditCommand) -> None:
    """Take a command whose first run failed off the stack (its undo does nothing)."""
    cmd.failed = True
    if stack.count() and stack.command(stack.index() - 1) is cmd:
        cmd.setObsolete(True)
        stack.undo()                      # an obsolete command is removed, not kept for redo


def keep_in_place(stack: QUndoStack, cmd: EditCommand) -> bool:
    """An undo the core refused (a later command relies on it, or its records changed since): the
    edit is still in effect, so move the stack's index back over it without asking the core again,
    leaving Undo and Redo as they were. False when the stack has moved on meanwhile."""
    if stack.index() < stack.count() and stack.command(stack.index()) is cmd:
        cmd.hold = True
        stack.redo()
        return True
    return False
