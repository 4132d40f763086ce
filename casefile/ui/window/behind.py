"""What the window reads behind its first view, with its progress in the status bar.

A case opens on All evidence at once; then a worker reads what the Map and the Timeline show (every
flight track, the aircraft, airports and photo positions; the dated events), saying what it is at
("Loading the map: flight tracks 3/12…"), so those views open without waiting. The label goes
when all is read. Anything that changes the case forgets what was read (the views read again).
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel

from casefile.errors import CasefileError
from casefile.store import Case
from casefile.ui.operations import quietgc
from casefile.ui.views import mapdata, timeline

#: told what a step is reading: (what, how many done, of how many)
Say = Callable[[str, int, int], None]
#: the views read behind the first one, in order: key, the words the label uses, how to read it
STEPS: list[tuple[str, str, Callable[[Case, Say], Any]]] = [
    ("map", "the map", lambda case, say: mapdata.gather(case, say)),
    ("timeline", "the timeline", lambda case, say: _timeline(case, say)),
]
def _timeline(case: Case, say: Say) -> list[timeline.Event]:
    say("dated events", 0, 1)
    return timeline.gather(case)


START_AFTER_MS = 400            # the first view is drawn and settles before the worker starts reading
SAY_EVERY = 0.1                 # seconds between two progress reports


class _Stopped(Exception):
    """The case closed or changed: stop reading."""


class _Signals(QObject):
    progress = Signal(int, str, str, int, int)     # ticket, step words, what, done, total
    loaded = Signal(int, str, object, str)         # ticket, key, result, error
    finished = Signal(int)


class _Job(QRunnable):
    def __init__(self, case: Case, ticket: int, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.case, self.ticket, self.signals, self.stop = case, ticket, signals, stop
        self._last = 0.0

    def _say(self, words: str) -> Say:
        def say(what: str, done: int, total: int) -> None:
            if self.stop.is_set():
                raise _Stopped
            quietgc.tidy()
            now = time.monotonic()
            if now - self._last >= SAY_EVERY or done == 0:
                self._last = now
                self.signals.progress.emit(self.ticket, words, what, done, total)
        return say

    def run(self) -> None:
        worker: Case | None = None
        quietgc.hold()                  # no collector pass in the worker while the window waits
        try:
            worker = self.case.connect_again()
            for key, words, read in STEPS:
                if self.stop.is_set():
                    break
                try:
                    result = read(worker, self._say(words))
                except _Stopped:
                    break
                except CasefileError as exc:
                    self.signals.loaded.emit(self.ticket, key, None, str(exc))
                except Exception as exc:  # noqa: BLE001 - shown in the view that asks for it
                    traceback.print_exc()
                    self.signals.loaded.emit(self.ticket, key, None, f"{type(exc).__name__}: {exc}")
                else:
                    self.signals.loaded.emit(self.ticket, key, result, "")
        except CasefileError as exc:        # the case could not be opened again: the views read it
            self.signals.loaded.emit(self.ticket, "", None, str(exc))
        finally:
            if worker is not None:
                worker.close()
            quietgc.release()
            self.signals.finished.emit(self.ticket)


class BehindLoader(QObject):
    """Reads the rest of an open case in a worker; `label` shows how far it is while it reads."""

    def __init__(self, label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.label.hide()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.progress.connect(self._progress)
        self._signals.loaded.connect(self._loaded)
        self._signals.finished.connect(self._finished)
        self._ticket = 0
        self._stop = threading.Event()
        self.results: dict[str, Any] = {}          # key -> what was read, for the current case
        self.pending: set[str] = set()             # keys still being read
        self._waiting: dict[str, list[Callable[[Any, str], None]]] = {}
        self._start = QTimer(self)
        self._start.setSingleShot(True)
        self._start.timeout.connect(self._begin)
        self._case: Case | None = None

    @property
    def loading(self) -> bool:
        """Whether the rest of the case is still being read (the label shows how far)."""
        return bool(self.pending)

    def start(self, case: Case) -> None:
        """Read the rest of `case` once the first view is drawn."""
        self.forget()
        self._case = case
        self.pending = {key for key, _w, _r in STEPS}
        self.label.setText("Loading the rest of the case…")
        self.label.show()
        self._start.start(START_AFTER_MS)

    def _begin(self) -> None:
        if self._case is None or not self.pending:
            return
        self._stop = threading.Event()
        self.pool.start(_Job(self._case, self._ticket, self._signals, self._stop))

    def forget(self) -> None:
        """Drop what was read and stop reading (the case closed or changed)."""
        self._ticket += 1
        self._stop.set()
        self._start.stop()
        self._case = None
        self.results.clear()
        self.pending.clear()
        self._waiting.clear()
        self.label.hide()

    def deliver(self, key: str, done: Callable[[Any, str], None]) -> bool:
        """Hand what was read for `key` to done(result, error) from the event loop, now if it was
        read, when it arrives if it is being read; False when it is neither (the caller reads it)."""
        if key in self.results:
            result = self.results[key]
            QTimer.singleShot(0, self, lambda: done(result, ""))
            return True
        if key in self.pending:
            self._waiting.setdefault(key, []).append(done)
            return True
        return False

    def wait(self, msecs: int = 30000) -> bool:
        self.forget()
        return self.pool.waitForDone(msecs)

    def _progress(self, ticket: int, words: str, what: str, done: int, total: int) -> None:
        if ticket != self._ticket:
            return
        count = f" {done:,}/{total:,}" if total > 1 else ""
        self.label.setText(f"Loading {words}: {what}{count}…")

    def _loaded(self, ticket: int, key: str, result: Any, error: str) -> None:
        if ticket != self._ticket:
            return
        if not key:                       # nothing could be read: every view reads for itself
            waiting = list(self._waiting.items())
            self.pending.clear()
            self._waiting.clear()
            for _k, callbacks in waiting:
                for cb in callbacks:
                    cb(None, error)
            return
        self.pending.discard(key)
        if not error:
            self.results[key] = result
        for cb in self._waiting.pop(key, []):
            cb(result, error)

    def _finished(self, ticket: int) -> None:
        if ticket == self._ticket:
            self.pending.clear()
            self._waiting.clear()
            self.label.hide()
