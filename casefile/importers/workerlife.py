"""Worker processes exit with the process that started them: a killed `casefile add` (or window)
leaves no worker parsing on behind it."""

from __future__ import annotations

import os
import threading
import time

POLL_S = 0.5


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:      # it exists but is not ours to signal
        return True
    return True


def watch_parent(parent_pid: int) -> None:
    """Pool initializer: a daemon thread ends this worker as soon as `parent_pid` is gone."""
    def watch() -> None:
        while _alive(parent_pid):
            time.sleep(POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="casefile-parent-watch", daemon=True).start()
