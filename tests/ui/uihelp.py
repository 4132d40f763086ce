"""Helpers shared by the desktop application tests."""

from __future__ import annotations

GPS_PHOTOS = "exif-samples/jpg/gps"
TRACE = "flights/readsb/trace_full_ac134a.json"


def wait_op(qtbot, op, timeout: int = 60000):
    """Wait until an Operation has finished or failed; return it."""
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=timeout)
    qtbot.wait(10)          # let the window's own finished handlers run
    win = op.parent().parent() if op.parent() is not None else None
    if win is not None and hasattr(win, "loading"):    # the views read again in a worker
        qtbot.waitUntil(lambda: not win.loading, timeout=timeout)
    return op

