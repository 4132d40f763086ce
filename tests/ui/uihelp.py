"""Helpers shared by the desktop application tests."""

from __future__ import annotations

GPS_PHOTOS = "exif-samples/jpg/gps"
TRACE = "flights/readsb/trace_full_ac134a.json"


def wait_op(qtbot, op, timeout: int = 60000):
    """Wait until an Operation has finished or failed; return it."""
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=timeout)
    qtbot.wait(10)          # let the window's own finished handlers run
    return op

