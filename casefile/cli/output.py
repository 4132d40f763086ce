"""What commands print: JSON, tables (rich), sizes, and an import progress bar on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import Any

from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
)
from rich.table import Table
from rich.text import Text


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")


def _console() -> Console:
    """A console on the current stdout; piped or captured output is never wrapped or cut."""
    tty = sys.stdout.isatty()
    return Console(file=sys.stdout, highlight=False, soft_wrap=not tty,
                   width=None if tty else 10_000)


def _cell(value: Any) -> Text:
    return Text("" if value is None else str(value).replace("\n", " "))


def print_table(rows: Iterable[Sequence[Any]], headers: Sequence[str], *, max_width: int = 60) -> None:
    """An aligned table; cells longer than `max_width` end with an ellipsis."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for h in headers:
        table.add_column(h, max_width=max_width, overflow="ellipsis", no_wrap=True)
    for r in rows:
        table.add_row(*(_cell(c) for c in r))
    _console().print(table)


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


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


def zone_note(what: str, tv: dict[str, Any] | None) -> str | None:
    """One line saying which zone a typed time without one was read in, and why; None when the
    time carried its own offset or the analyst gave --tz."""
    if not tv or tv.get("basis") not in ("case-default", "unknown"):
        return None
    if tv["basis"] == "case-default":
        return (f"note: {what} '{tv['raw']}' has no zone: read in {tv['zone']}, the case's default "
                "zone (give an offset such as Z or -04:00, or --tz, to say otherwise)")
    return (f"note: {what} '{tv['raw']}' has no zone and the case has no default zone: kept as "
            "local time, so comparisons widen it to every zone on Earth (give an offset or --tz "
            "to settle it)")


def print_zone_notes(**times: dict[str, Any] | None) -> None:
    """`zone_note` for each named time, printed."""
    for what, tv in times.items():
        note = zone_note(what.replace("_", " "), tv)
        if note:
            print(note)
