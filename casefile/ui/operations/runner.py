"""Every long operation runs here: `fn(case, ctx) -> Changes` in a worker thread with its own
SQLite connection, progress reported to the window, and Cancel through a threading.Event."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import forkserver
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from casefile.errors import CasefileError
from casefile.store import Case
from casefile.ui.operations import quietgc

#: seconds between two progress reports of a worker (the window redraws its progress bar on each)
PROGRESS_EVERY = 0.25


@dataclass
class Changes:
    """What an operation changed, so the views know what to refresh."""

    items: bool = False
    meta: bool = False
    message: str = ""
    errors: list[str] = field(default_factory=list)
    result: object = None


class OpContext:
    """Handed to the operation: report progress, check for Cancel."""

    def __init__(self, signals: _Signals) -> None:
        self.cancel = threading.Event()
        self._signals = signals
        self._last = 0.0

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress (at most a few times a second, so the UI thread is not flooded)."""
        quietgc.tidy()
        now = time.monotonic()
        if done >= total or now - self._last > PROGRESS_EVERY:
            self._last = now
            self._signals.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


_workers_lowered = False


def background_priority() -> None:
    """Start the import's worker processes at a lower CPU priority than the window (Linux: nice 10),
    once per process. Best effort only.

    The thread that records their results keeps its priority: it shares the GIL with the UI thread,
    and a low-priority thread the system leaves waiting while it holds the GIL holds the window with
    it (stalls of 240 ms in which the whole process used 15 ms of CPU, under a load of 16). So a
    short-lived thread of lower priority starts the process the workers are forked from (the
    multiprocessing forkserver), and they inherit its priority.
    """
    global _workers_lowered
    if _workers_lowered or not hasattr(os, "setpriority") or sys.platform != "linux" \
            or "forkserver" not in multiprocessing.get_all_start_methods():
        return
    _workers_lowered = True

    def start() -> None:
        try:
            tid = threading.get_native_id()
            if os.getpriority(os.PRIO_PROCESS, tid) < 10:
                os.setpriority(os.PRIO_PROCESS, tid, 10)      # this thread only
            multiprocessing.get_context("forkserver").set_forkserver_preload(["casefile.importers.pipeline"])
            forkserver.ensure_running()
        except (OSError, ValueError):
            pass

    helper = threading.Thread(target=start, name="casefile-lower-workers", daemon=True)
    helper.start()
    helper.join()


class _Job(QRunnable):
    def __init__(self, case: Case, fn: Callable[[Case, OpContext], Changes], signals: _Signals,
                 ctx: OpContext) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.case, self.fn, self.signals, self.ctx = case, fn, signals, ctx

    def run(self) -> None:
        worker_case: Case | None = None
        background_priority()
        try:
            worker_case = self.case.connect_again()
            changes = self.fn(worker_case, self.ctx)
        except CasefileError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never lost in a log
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(changes)
        finally:
            if worker_case is not None:
                worker_case.close()  # its own connection only: the lock stays with the window


class Operation(QObject):
    """One running operation; emits progress, then finished(Changes) or failed(message)."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, title: str, cancellable: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.cancellable = cancellable
        self._signals = _Signals()
        self.ctx = OpContext(self._signals)
        self.done = False
        self.changes: Changes | None = None
        self.error: str | None = None
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)

    def cancel(self) -> None:
        self.ctx.cancel.set()

    def _on_finished(self, changes: Changes) -> None:
        self.done, self.changes = True, changes
        self.finished.emit(changes)

    def _on_failed(self, message: str) -> None:
        self.done, self.error = True, message
        self.failed.emit(message)


class OpRunner(QObject):
    """Starts operations on a small private thread pool and tracks the one in progress."""

    started = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.running: list[Operation] = []

    @property
    def busy(self) -> bool:
        return any(not op.done for op in self.running)

    def run(self, case: Case, title: str, fn: Callable[[Case, OpContext], Changes], *,
            cancellable: bool = True) -> Operation:
        """Start fn(worker_case, ctx) in the pool and return its Operation."""
        op = Operation(title, cancellable, self)
        if not self.busy:
            # no collector pass while it runs: a pass holds the GIL, and one in the worker after a
            # large flight file held the event loop for 0.6 s (quietgc.py)
            quietgc.hold()
        self.running.append(op)
        op.finished.connect(lambda _c, o=op: self._forget(o))
        op.failed.connect(lambda _m, o=op: self._forget(o))
        self.started.emit(op)
        self.pool.start(_Job(case, fn, op._signals, op.ctx))
        return op

    def _forget(self, op: Operation) -> None:
        if op in self.running:
            self.running.remove(op)
            if not self.busy:
                quietgc.release()   # collectable again once the window is idle

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used on close and in tests)."""
        return self.pool.waitForDone(msecs)


class _LoadSignals(QObject):
    done = Signal(str, int, object, str)       # key, request number, result, error


class _LoadJob(QRunnable):
    def __init__(self, case: Case, key: str, number: int, fn: Callable[[Case], Any],
                 signals: _LoadSignals) -> None:
        super().__init__()
        self.case, self.key, self.number, self.fn, self.signals = case, key, number, fn, signals

    def run(self) -> None:
        worker_case: Case | None = None
        try:
            worker_case = self.case.connect_again()
            result = self.fn(worker_case)
        except Exception as exc:  # noqa: BLE001 - shown in the view that asked
            self.signals.done.emit(self.key, self.number, None, f"{type(exc).__name__}: {exc}"
                                   if not isinstance(exc, CasefileError) else str(exc))
        else:
            self.signals.done.emit(self.key, self.number, result, "")
        finally:
            if worker_case is not None:
                worker_case.close()


class Loader(QObject):
    """Reads what a view shows off the UI thread; only the newest request per view is delivered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _LoadSignals()
        self._signals.done.connect(self._done)
        self._latest: dict[str, int] = {}
        self._callbacks: dict[str, Callable[[Any, str], None]] = {}
        self._count = 0
        self._out = 0                  # reads started whose result has not come back yet

    @property
    def busy(self) -> bool:
        """Whether a read is still on its way."""
        return self._out > 0

    def load(self, case: Case, key: str, fn: Callable[[Case], Any],
             on_done: Callable[[Any, str], None]) -> None:
        """Run fn(worker_case); on_done(result, error) runs on the UI thread."""
        self._count += 1
        self._latest[key] = self._count
        self._callbacks[key] = on_done
        self._out += 1
        self.pool.start(_LoadJob(case, key, self._count, fn, self._signals))

    def forget(self) -> None:
        """Deliver none of the results still on their way (the case they were read from closed)."""
        self._latest.clear()

    def _done(self, key: str, number: int, result: Any, error: str) -> None:
        self._out -= 1
        if self._latest.get(key) == number:
            self._callbacks[key](result, error)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


class _TaskSignals(QObject):
    done = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        try:
            result = self.fn()
        except CasefileError as exc:
            self.signals.done.emit(None, str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.signals.done.emit(None, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(result, "")


class Tasks(QObject):
    """Work that needs no case (checking or restoring a bundle), off the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pending = 0

    def run(self, fn: Callable[[], Any], done: Callable[[Any, str], None]) -> None:
        signals = _TaskSignals(self)

        def finished(result: Any, error: str) -> None:
            self.pending -= 1
            done(result, error)

        signals.done.connect(finished)
        self.pending += 1
        self.pool.start(_Task(fn, signals))
