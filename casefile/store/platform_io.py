"""Platform-specific file I/O, in one place: the exclusive case lock, direct I/O, folder fsync.

Everything else in Casefile uses these functions and never imports `fcntl` or names `O_DIRECT`.
Each has a portable fallback, so Casefile imports and runs where `fcntl` does not exist (Windows):
- the lock is `fcntl.flock` where there is one; elsewhere SQLite's own file locking (an exclusive
  transaction held on a companion file), which the operating system also drops when the holder
  dies, so a crashed process never leaves a case locked;
- direct I/O only where `O_DIRECT` exists and can be switched off again (`fcntl`);
- a folder's entry is fsynced where folders can be opened (not on Windows, where NTFS journals it).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Protocol

try:
    import fcntl
    HAVE_FCNTL = True
except ImportError:  # Windows (or a Python built without it): the fallbacks below take over
    HAVE_FCNTL = False

#: direct I/O: only where it can be turned off again mid-file (the last, partial block)
DIRECT = getattr(os, "O_DIRECT", 0) if HAVE_FCNTL else 0
#: block alignment direct I/O needs for buffers, offsets and lengths
ALIGN = 4096
_CAN_SYNC_FOLDERS = os.name != "nt"


class HeldLock(Protocol):
    """An exclusive lock this process holds until release() (or until it dies)."""

    def write_note(self, text: str) -> None:
        """Replace the locked file's content (e.g. who holds the lock), durably."""

    def release(self) -> None: ...


class _Flock:
    """fcntl.flock on an open descriptor (one per open file: a second open in-process is refused)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write_note(self, text: str) -> None:
        # through the locked descriptor: where flock is emulated with record locks (NFS),
        # closing any other descriptor of the file would drop the lock
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, text.encode())
        os.fsync(self._fd)

    def release(self) -> None:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)


class _SqliteLock:
    """An exclusive SQLite transaction on a companion file: SQLite locks the file portably
    (LockFileEx on Windows, record locks elsewhere) and the OS drops the lock with the process.
    Nothing else may open that file (closing any descriptor of it drops a POSIX record lock)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path

    def write_note(self, text: str) -> None:
        with open(self._path, "wb") as f:
            f.write(text.encode())
            f.flush()
            os.fsync(f.fileno())

    def release(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        finally:
            self._conn.close()


def try_lock(path: Path) -> HeldLock | None:
    """Lock `path` exclusively without waiting; None when another holder has it.

    With the fallback the lock lives on `<path>-sqlite` and `path` holds only the note.
    """
    if HAVE_FCNTL:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return _Flock(fd)
    conn = sqlite3.connect(path.with_name(path.name + "-sqlite"), timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")   # no journal file: nothing is ever written
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            return None
        raise
    return _SqliteLock(conn, path)


def try_shared_lock(path: Path) -> int | None:
    """A shared lock on an existing lock file, opened read-only (nothing is written); the
    descriptor, to close when done. None when a writer holds it, it does not exist, or the
    platform has no flock."""
    if not HAVE_FCNTL:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def open_new(path: Path, *, direct: bool) -> tuple[int, bool]:
    """Create and open a new file for writing, with direct I/O if asked and the filesystem allows
    it. Returns (fd, whether direct I/O is on)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(
        os, "O_BINARY", 0)
    if direct and DIRECT:
        try:
            return os.open(path, flags | DIRECT, 0o600), True
        except OSError as exc:
            if exc.errno != errno.EINVAL:  # EINVAL: no direct I/O on this filesystem (tmpfs)
                raise
    return os.open(path, flags, 0o600), False


def direct_off(fd: int) -> None:
    """Switch a descriptor opened by open_new(direct=True) to ordinary buffered writes."""
    if DIRECT:
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~DIRECT)


def make_read_only(fd: int, path: Path, mode: int) -> None:
    """Set an open file's permission bits (through the descriptor where the platform can)."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:
        os.chmod(path, mode)


def remove_read_only(path: Path) -> None:
    """Delete a file we made read-only (Windows refuses to delete a read-only file)."""
    if os.name == "nt":
        try:
            os.chmod(path, 0o600)
        except FileNotFoundError:
            return
    path.unlink(missing_ok=True)


# Windows flushes a file only through a handle that may write, which a read-only file refuses:
# there a derived file is fsynced when written, before it is made read-only.
CAN_SYNC_READ_ONLY = os.name != "nt"


def fsync_file(path: Path) -> None:
    """Make a written (read-only) file's data durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (a new or renamed file) durable, where the platform can."""
    if not _CAN_SYNC_FOLDERS:
        return
    dir_fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def process_alive(pid: int) -> bool:
    """Whether a process with this id may still be running (one that is not ours to signal is).
    Where signal 0 does not exist (Windows, where os.kill ends the process), every process counts
    as alive: what it left behind is kept, never removed under a living writer."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:      # it exists but is not ours to signal
        return True
    return True
