"""The case write lock: one writing process at a time; a dead holder's lock is recovered safely.

The lock is an OS file lock (`platform_io.try_lock`) which the operating system releases when the
holder dies, so a stale file left by a crash never blocks anyone. `case.lock` also names the
holder (host, pid) for the message the next process shows.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from casefile.errors import CaseLocked
from casefile.store import platform_io

LOCK_NAME = "case.lock"


class CaseLock:
    def __init__(self, case_dir: Path) -> None:
        self.path = case_dir / LOCK_NAME
        self._held: platform_io.HeldLock | None = None

    @property
    def held(self) -> bool:
        return self._held is not None

    def acquire(self) -> None:
        held = platform_io.try_lock(self.path)
        if held is None:
            holder = self._read_holder()
            if not holder:   # no writer's note: a reader holds it (verify, a report, a listing)
                raise CaseLocked("case is being read by another Casefile (a verify, report or "
                                 "listing); try again when it has finished", self.path.parent)
            raise CaseLocked(
                f"case is open in another Casefile (host {holder.get('host', '?')}, "
                f"pid {holder.get('pid', '?')})", self.path.parent)
        try:
            held.write_note(json.dumps({"host": socket.gethostname(), "pid": os.getpid()}))
        except BaseException:
            held.release()
            raise
        self._held = held

    def _read_holder(self) -> dict[str, object]:
        try:
            found = json.loads(self.path.read_bytes().decode() or "{}")
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def release(self) -> None:
        if self._held is None:
            return
        try:
            self._held.write_note("")
        finally:
            self._held.release()
            self._held = None
