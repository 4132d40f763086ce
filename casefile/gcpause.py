"""Pause Python's cyclic garbage collector around bulk work (a track's points; the window's workers).

A million-point track allocates millions of tuples and floats; each allocation counts toward the
collector's thresholds, so the collector runs hundreds of times over ever more live objects that
hold no reference cycles (about 15 % of an import). Reference counting still frees everything as
usual; only the cycle search waits until the outermost pause ends. Nesting and threads are safe:
the collector is switched back on when the last pause ends, and only if it was on at the first.
The one counter serves the importers and the window (ui.operations.quietgc), so neither switches
collection back on while the other still needs it off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

_lock = threading.Lock()
_depth = 0
_was_enabled = False

P = ParamSpec("P")
R = TypeVar("R")


def pause() -> None:
    """Switch automatic cycle collection off until the matching resume() (nests; any thread)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def resume() -> None:
    """End one pause(); the last one switches collection back on if it was on at the first."""
    global _depth
    with _lock:
        if _depth == 0:
            return
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees memory)."""
    pause()
    try:
        yield
    finally:
        resume()


def paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of gc_paused()."""
    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return fn(*args, **kwargs)
    return run
