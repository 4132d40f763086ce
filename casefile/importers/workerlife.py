"""Worker processes exit with the process that started them: a killed `casefile add` (or window)
leaves no worker parsing on behind it."""

from __future__ import annotations

import os
import threading
import time

from casefile.store.platform_io import process_alive

POLL_S = 0.5


def watch_parent(parent_pid: int) -> None:
    """Pool initializer: a daemon thread ends this worker as soon as `parent_pid` is gone."""
    def watch() -> None:
        while process_alive(parent_pid):
            time.sleep(POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="casefile-parent-watch", daemon=True).start()
