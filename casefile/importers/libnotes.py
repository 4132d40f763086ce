"""Library messages (Pillow, libtiff, pypdf, exifread ...) caught while one file is parsed and
kept as that file's notes, instead of lines on the terminal that name no file.

Python warnings and log records are caught in any process; what C libraries write straight to
the stderr descriptor (libtiff) is caught only in a worker process, where nothing else shares it.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import tempfile
import warnings
from collections.abc import Iterator

MAX_NOTES = 10


class _Collect(logging.Handler):
    def __init__(self, notes: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("casefile"):
            self.notes.append(f"{record.name.split('.')[0]}: {record.getMessage()}")


@contextlib.contextmanager
def _stderr_fd(notes: list[str]) -> Iterator[None]:
    if multiprocessing.parent_process() is None:   # the main process: stderr is shared
        yield
        return
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read(64 * 1024).decode("utf-8", "replace")
            notes.extend(f"library: {line.strip()}" for line in text.splitlines() if line.strip())


@contextlib.contextmanager
def caught(notes: list[str]) -> Iterator[None]:
    """Collect what libraries say while the block runs into `notes` (one line each, distinct,
    at most MAX_NOTES)."""
    found: list[str] = []
    handler = _Collect(found)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as seen, _stderr_fd(found):
            warnings.simplefilter("always")
            yield
        found.extend(f"{w.category.__name__}: {w.message}" for w in seen)
    finally:
        root.removeHandler(handler)
        for line in dict.fromkeys(found):
            if len(notes) < MAX_NOTES:
                notes.append(line[:300])
