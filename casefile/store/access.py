"""Whether a case can be written, and reading one that cannot.

A case on read-only media (a write-blocked drive, a DVD, a read-only share) or in a folder this
user may not write opens read-only: SQLite's `mode=ro` (the reader writes nothing to the
database), or `immutable=1` where the WAL's shared-memory file cannot be created beside it. No lock
file is written. What cannot write says "the case is read-only (…)", and a full disk says which
disk and how much is needed, never "damaged".
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from casefile.errors import CasefileError, damaged, disk_full, read_only
from casefile.store import platform_io, sqlite_lib
from casefile.store.lock import LOCK_NAME

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

#: errno values meaning "this place cannot be written"
_READ_ONLY = {errno.EROFS: "it is on a read-only file system (a write-blocked drive, a DVD, a "
              "read-only share or mount)",
              errno.EACCES: "this user may not write the case folder",
              errno.EPERM: "this user may not write the case folder"}
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
#: errno values `explain` turns into a one-line message of their own
EXPLAINED = frozenset(_READ_ONLY) | _FULL


def why_read_only(case_dir: Path) -> str | None:
    """Why the case folder cannot be written, or None when it can (as far as can be told
    without writing)."""
    try:
        if hasattr(os, "statvfs") and os.statvfs(case_dir).f_flag & getattr(os, "ST_RDONLY", 1):
            return _READ_ONLY[errno.EROFS]
    except OSError:
        pass
    if not os.access(case_dir, os.W_OK):
        return _READ_ONLY[errno.EACCES]
    db = case_dir / "case.sqlite"
    if db.exists() and not os.access(db, os.W_OK):
        return "case.sqlite is marked read-only"
    return None


def explain(path: Path | str | None, exc: BaseException, *, needed: int | None = None
            ) -> CasefileError:
    """The one-line error for an OS or SQLite failure: read-only, disk full, or damaged."""
    where = Path(path) if path is not None else Path.cwd()
    if isinstance(exc, OSError):
        if exc.errno in _FULL:
            return disk_full(exc.filename or where, needed)
        if exc.errno in _READ_ONLY:
            return read_only(path, _READ_ONLY[exc.errno])
        return CasefileError(f"cannot write: {exc.strerror or exc}", exc.filename or path)
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        text = str(exc)
        if name == "SQLITE_FULL" or "database or disk is full" in text:
            return disk_full(where, needed)
        if name.startswith("SQLITE_READONLY") or "readonly database" in text:
            why = why_read_only(where) if where.is_dir() else None
            return read_only(path, why or "the database cannot be written here")
        if name.startswith("SQLITE_IOERR") and where.is_dir() and why_read_only(where):
            return read_only(path, why_read_only(where) or "")
        return damaged(path, exc)
    return CasefileError(str(exc), path)


def _uri(db_path: Path, immutable: bool) -> str:
    uri = "file:" + quote(str(db_path.resolve()), safe="/:") + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


@dataclass
class ReadOnly:
    """A read-only connection and what to release with it."""

    db: sqlite_utils.Database
    how: str                    # "still", "ro", "immutable" or "copy"
    held: int | None = None     # a shared-lock descriptor on case.lock
    scratch: Path | None = None  # a private copy of database and WAL (removed on close)

    def release(self) -> None:
        if self.held is not None:
            os.close(self.held)
            self.held = None
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


def _open(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True, timeout=30)
    try:
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def connect_read_only(db_path: Path) -> ReadOnly:
    """A connection that cannot write the database, and how it was opened.

    "still": no writer has the case open (no WAL file; a shared lock on `case.lock` keeps writers
    out meanwhile), so SQLite reads the file as it is (`immutable=1`) and creates nothing beside
    it. "ro": a writer may be at work; SQLite's read-only mode reads through the WAL.
    On read-only media, where `mode=ro` cannot create the WAL index: "immutable" when there is no
    WAL to read, else "copy" (database and WAL copied to a private temporary folder and read
    there, so the last committed transactions are not lost to the reader).
    """
    wal = db_path.with_name(db_path.name + "-wal")
    if not wal.exists():
        held = platform_io.try_shared_lock(db_path.with_name(LOCK_NAME))
        if held is not None and not wal.exists():
            try:
                return ReadOnly(sqlite_lib.database(_open(_uri(db_path, True))), "still", held)
            except sqlite3.Error:
                os.close(held)
                raise
        if held is not None:   # a writer got in between
            os.close(held)
    try:
        return ReadOnly(sqlite_lib.database(_open(_uri(db_path, False))), "ro")
    except sqlite3.OperationalError:
        if not why_read_only(db_path.parent):
            raise
    if not wal.exists() or wal.stat().st_size == 0:
        return ReadOnly(sqlite_lib.database(_open(_uri(db_path, True))), "immutable")
    scratch = Path(tempfile.mkdtemp(prefix="casefile-read-"))
    try:
        shutil.copyfile(db_path, scratch / db_path.name)
        shutil.copyfile(wal, scratch / wal.name)
        return ReadOnly(sqlite_lib.database(_open(_uri(scratch / db_path.name, False))), "copy",
                        scratch=scratch)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
