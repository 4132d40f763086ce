"""The case write lock: one writing process at a time; a dead holder's lock is recovered safely.

The lock is an fcntl.flock on `case.lock`, which the kernel releases when the holder dies, so a
stale file left by a crash never blocks anyone. The file also names the holder (host, pid) for the
message the next process shows.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from pathlib import Path

from casefile.errors import CaseLocked

LOCK_NAME = "case.lock"


class CaseLock:
    def __init__(self, case_dir: Path) -> None:
        self.path = case_dir / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._read_holder(fd)
            os.close(fd)
            raise CaseLocked(
                f"case is open in another Casefile (host {holder.get('host', '?')}, "
                f"pid {holder.get('pid', '?')})", self.path.parent) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"host": socket.gethostname(), "pid": os.getpid()}).encode(), 0)
        os.fsync(fd)
        self._fd = fd

    @staticmethod
    def _read_holder(fd: int) -> dict:
        try:
            return json.loads(os.pread(fd, 4096, 0).decode() or "{}")
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None
