"""No cyclic-collector pass while the window's workers run (a pass holds the GIL, so the window waits).

A pass is one C call over every young object: after a worker has stored a large flight file, one
generation-0 pass in the worker held the window's event loop for 0.6 s (benchmarks/gui.py). While
anything holds the collector (an operation in a worker, map playback), automatic passes are off;
what is alive is moved out of the collector's way with gc.freeze() (constant time, nothing
scanned) whenever a worker reports progress, and when the last hold ends everything goes back to
the oldest generation, again without a pass. Reference counting still frees memory all along; only
garbage in reference cycles waits for the collector's next full pass. The switch itself is
casefile.gcpause's one counter, shared with the importers' pauses.
"""

from __future__ import annotations

import gc
import threading

from casefile import gcpause

_lock = threading.Lock()
_holds = 0


def hold() -> None:
    """Stop automatic passes until the matching release()."""
    global _holds
    with _lock:
        _holds += 1
        gcpause.pause()
        gc.freeze()


def tidy() -> None:
    """From any thread (a worker between two files): move the young objects aside."""
    with _lock:
        if _holds:
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
        gcpause.resume()


def held() -> bool:
    return _holds > 0
