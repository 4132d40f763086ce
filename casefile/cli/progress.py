"""The import progress bar (rich) on stderr: files done, rate and time left."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
)
from rich.text import Text


def _rate(task: Task) -> float | None:
    """Files per second since the import started (steadier than rich's short-window estimate)."""
    elapsed = task.elapsed
    return task.completed / elapsed if elapsed and task.completed else None


class _Rate(ProgressColumn):
    """Files per second."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        return Text(f"{rate:.1f} files/s" if rate else "", style="progress.data.speed")


class _Left(ProgressColumn):
    """Time left at the rate so far."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if not rate or task.total is None:
            return Text("")
        left = int((task.total - task.completed) / rate)
        return Text(f"{left // 60}:{left % 60:02d} left", style="progress.remaining")


class ImportProgress:
    """A progress bar with rate and time left on stderr when it is a terminal; silent otherwise.

    Called as `progress(done, total, outcome)` by the import pipeline; use as a context manager.
    """

    def __init__(self, label: str, *, console: Console | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        console = console or Console(stderr=True)
        self.enabled = console.is_terminal
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             _Rate(), _Left(), console=console, transient=False,
                             disable=not self.enabled, get_time=clock)
        self._task = self._bar.add_task(label, total=None)

    def __enter__(self) -> ImportProgress:
        if self.enabled:
            self._bar.start()
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.enabled:
            self._bar.stop()

    def __call__(self, done: int, total: int, *_: Any) -> None:
        if self.enabled:
            self._bar.update(self._task, completed=done, total=total)
