"""Content-addressed evidence storage: write once (temp, fsync, rename), read-only, never modified."""

from __future__ import annotations

import errno
import hashlib
import mmap
import os
import stat
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from casefile.store import journal, platform_io

CHUNK = 1 << 20  # 1 MiB: big enough that hashlib releases the GIL and two files hash in parallel
#: a file smaller than this is written through the page cache, not with direct I/O: its fsync then
#: writes it with the journal commit, where a direct write would wait for the disk once more
#: (16 KiB files: about 6.6 ms a file against 9.4-10 ms direct on this machine's disk)
SMALL = 64 << 10
_READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


@dataclass(frozen=True)
class StagedBlob:
    """A file copied into the case's staging area with its digests, not yet committed."""

    tmp_path: Path
    sha256: str
    md5: str
    size: int
    head: bytes
    #: whether the copy is already durable; False: written through the page cache, to be fsynced
    #: where it is committed, with the other files of its batch (stage_stream(defer_sync=True))
    synced: bool = True

    def discard(self) -> None:
        """Remove the staged copy (it never became evidence)."""
        platform_io.remove_read_only(self.tmp_path)


def blob_relpath(sha256: str, folder: str = "evidence") -> str:
    return f"{folder}/{sha256[:2]}/{sha256}"


def _write_all(fd: int, data: memoryview) -> None:
    while data:
        data = data[os.write(fd, data):]


def _write_chunk(fd: int, chunk: memoryview, direct: bool) -> bool:
    """Write one chunk: with direct I/O its whole blocks, through the cache the rest (the tail of
    a short last chunk), or all of it once the filesystem refuses direct I/O (EINVAL, at any
    write). Returns whether direct I/O is still on."""
    if direct:
        start = os.lseek(fd, 0, os.SEEK_CUR)
        whole = len(chunk) - len(chunk) % platform_io.ALIGN
        try:
            _write_all(fd, chunk[:whole])
        except OSError as exc:
            if exc.errno != errno.EINVAL:
                raise
            os.lseek(fd, start, os.SEEK_SET)   # write this chunk again, through the cache
            whole = 0
        if whole == len(chunk):
            return True
        platform_io.direct_off(fd)
        chunk = chunk[whole:]
    _write_all(fd, chunk)
    return False


class Readable(Protocol):
    """A binary stream that reads into a buffer (a file opened "rb", BytesIO, a pipe)."""

    def readinto(self, buffer: memoryview, /) -> int | None: ...


def _fill(src: Readable, buf: memoryview) -> int:
    """Read until `buf` is full or the stream ends (short reads happen on pipes and sockets)."""
    filled = 0
    while filled < len(buf):
        n = src.readinto(buf[filled:])
        if not n:
            break
        filled += n
    return filled


_buffers = threading.local()


def _chunk_buffer() -> memoryview:
    """This thread's CHUNK-sized, page-aligned buffer (as direct I/O needs), made once and reused."""
    view = getattr(_buffers, "view", None)
    if view is None:
        view = _buffers.view = memoryview(mmap.mmap(-1, CHUNK))
    return view


def stage_stream(src: Readable, tmp_dir: Path, *, head_size: int = 8192, keep_bytes: bool = False,
                 on_head: Callable[[bytes], bool] | None = None, defer_sync: bool = False,
                 ) -> tuple[StagedBlob, bytes | None]:
    """Copy a stream into tmp_dir while hashing it (one read of each byte); fsync before returning.

    `on_head`, if given, is called with the first `head_size` bytes before anything is written
    and decides whether to keep the bytes in memory (instead of `keep_bytes`); if it raises, no
    staging file is made.
    `defer_sync`: a small file (written through the page cache) is not fsynced here but marked
    unsynced; `commit_blob` has it fsynced before the transaction that records it commits, at
    once with the rest of its batch (their fsyncs share the filesystem's journal commits).
    The staged copy is read-only from the start (evidence is never modified).
    """
    sha, md5 = hashlib.sha256(), hashlib.md5()
    size = 0
    view = _chunk_buffer()
    n = _fill(src, view)
    head = bytes(view[:min(n, head_size)])
    if on_head is not None:
        keep_bytes = on_head(head)
    kept: list[bytes] | None = [] if keep_bytes else None
    fd_path = tmp_dir / f"stage-{os.getpid()}-{os.urandom(6).hex()}.part"
    # direct I/O where the filesystem allows it: the copy goes straight from our buffer to the
    # disk, written once (the fsync has nothing left to flush), not crowding the page cache; a
    # small file (all read at once) goes through the cache (see SMALL)
    want_direct = n >= SMALL
    try:
        fd, direct = platform_io.open_new(fd_path, direct=want_direct)
    except FileNotFoundError:
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, direct = platform_io.open_new(fd_path, direct=want_direct)
    try:
        while n:
            chunk = view[:n]
            sha.update(chunk)
            md5.update(chunk)
            if kept is not None:
                kept.append(bytes(chunk))
            direct = _write_chunk(fd, chunk, direct)
            size += n
            n = _fill(src, view)
        platform_io.make_read_only(fd, fd_path, _READ_ONLY)  # before the fsync: as durable as the data
        synced = not (defer_sync and not direct and platform_io.CAN_SYNC_READ_ONLY)
        if synced:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        platform_io.remove_read_only(fd_path)
        raise
    os.close(fd)
    data = b"".join(kept) if kept is not None else None
    return StagedBlob(fd_path, sha.hexdigest(), md5.hexdigest(), size, head, synced), data


def commit_blob(case_dir: Path, staged: StagedBlob, folder: str = "evidence",
                later: Unsynced | None = None) -> tuple[str, bool]:
    """Move a staged file to its content address. Returns (relative path, whether it was new).

    The folder's entry (and the file, when it was staged unsynced) is made durable now, or by
    the caller before its COMMIT when it passes `later` to batch many files.
    """
    rel = blob_relpath(staged.sha256, folder)
    final = case_dir / rel
    if final.exists():
        staged.discard()
        return rel, False
    dirs = [final.parent]
    journal.note(case_dir, rel)   # before the rename: recovery knows whose file it was
    try:  # stage_stream made the staged copy read-only
        os.replace(staged.tmp_path, final)
    except FileNotFoundError:  # first blob in this shard folder: its entry must be durable too
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.tmp_path, final)
        dirs.append(final.parent.parent)
    if later is None:
        if not staged.synced:
            platform_io.fsync_file(final)
        for d in dirs:
            platform_io.fsync_dir(d)
    else:
        if not staged.synced:
            later.files.append(final)
        later.dirs.update(dirs)
    return rel, True


@dataclass
class Unsynced:
    """Files and folders written inside an open transaction whose fsync waits for its COMMIT: then
    all are fsynced together, concurrently (concurrent fsyncs share the filesystem's journal
    commits), before the database refers to them; one fsync each, but not one commit each."""

    files: list[Path] = field(default_factory=list)
    dirs: set[Path] = field(default_factory=set)

    def flush(self, pool: Executor | None = None) -> None:
        """fsync every file, then every folder, concurrently (in `pool`, else threads of its own)."""
        if not self.files and not self.dirs:
            return
        if pool is None:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=8, thread_name_prefix="fsync") as own:
                self.flush(own)
            return
        list(pool.map(platform_io.fsync_file, self.files))
        list(pool.map(platform_io.fsync_dir, self.dirs))
        self.clear()

    def clear(self) -> None:
        self.files, self.dirs = [], set()


def write_bytes_blob(case_dir: Path, data: bytes, folder: str, *, later: Unsynced | None = None
                     ) -> tuple[str, str, int]:
    """Stage and commit bytes made by the program (derived files). Returns (rel path, sha256, size).

    With `later` (inside a transaction) the file and its folder are fsynced at the transaction's
    COMMIT, with the others it wrote; else now."""
    if later is not None and platform_io.CAN_SYNC_READ_ONLY:
        return _write_bytes_later(case_dir, data, folder, later)
    import io

    staged, _ = stage_stream(io.BytesIO(data), case_dir / "tmp")
    rel, _new = commit_blob(case_dir, staged, folder)
    return rel, staged.sha256, staged.size


def _write_bytes_later(case_dir: Path, data: bytes, folder: str, later: Unsynced) -> tuple[str, str, int]:
    sha = hashlib.sha256(data).hexdigest()
    rel = blob_relpath(sha, folder)
    final = case_dir / rel
    if final.exists():
        return rel, sha, len(data)
    tmp = case_dir / "tmp" / f"derived-{os.getpid()}-{os.urandom(6).hex()}.part"
    try:
        f = open(tmp, "xb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        tmp.parent.mkdir(parents=True, exist_ok=True)
        f = open(tmp, "xb")  # noqa: SIM115
    with f:
        f.write(data)
    os.chmod(tmp, _READ_ONLY)
    dirs = [final.parent]
    journal.note(case_dir, rel)   # before the rename: a rollback or recovery removes it
    try:
        os.replace(tmp, final)
    except FileNotFoundError:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
        dirs.append(final.parent.parent)
    later.files.append(final)
    later.dirs.update(dirs)
    return rel, sha, len(data)


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a file, never through a link (O_NOFOLLOW: a link raises OSError)."""
    sha = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        while chunk := f.read(CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return sha.hexdigest(), size


def discard_blob(case_dir: Path, sha256: str, folder: str = "evidence") -> None:
    """Remove a blob whose recording transaction rolled back (it was never part of the case)."""
    final = case_dir / blob_relpath(sha256, folder)
    if final.exists():
        platform_io.remove_read_only(final)
