"""No cyclic-collector pass while the window's workers run (a pass holds the GIL, so the window waits).

A pass is one C call over every young object: after a worker has stored a large flight file, one
generation-0 pass in the worker held the window's event loop for 0.6 s (benchmarks/gui.py). While
anything holds the collector (an operation in a worker, map playback), automatic passes are off;
what is alive is moved out of the collector's way with gc.freeze() (constant time, nothing
scanned) whenever a worker reports progress, and when the last hold ends everything goes back to
the oldest generation, again without a pass. Reference counting still frees memory all along; only
garbage in reference cycles waits for the collector's next full pass.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_holds = 0
_was_enabled = True


def hold() -> None:
    """Stop automatic passes until the matching release()."""
    global _holds, _was_enabled
    with _lock:
        if _holds == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holds += 1
        gc.freeze()


def tidy() -> None:
    """From any thread (a worker between two files): move the young objects aside, and keep the
    passes off even if a block that paused them re-enabled them on its way out."""
    with _lock:
        if _holds:
            gc.disable()
            gc.freeze()


def release() -> None:
    """End one hold; the last one hands every object back to the collector, scanning none."""
    global _holds
    with _lock:
        if _holds == 0:
            return
        _holds -= 1
        if _holds == 0:
            gc.freeze()        # the young ones too: gen-0's count starts again from nothing
            gc.unfreeze()
            if _was_enabled:
                gc.enable()


def held() -> bool:
    return _holds > 0
