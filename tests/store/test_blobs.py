"""Staging copies: every byte lands in the copy and in both digests, whatever the size."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import io
import os
import stat
from pathlib import Path

import pytest

from casefile.store.blobs import CHUNK, stage_stream


class Trickle(io.RawIOBase):
    """A stream that hands out at most `step` bytes per read, like a pipe or a socket."""

    def __init__(self, data: bytes, step: int) -> None:
        self._src = io.BytesIO(data)
        self._step = step

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[override]
        piece = self._src.read(min(len(buf), self._step))
        buf[:len(piece)] = piece
        return len(piece)


SIZES = [1, 4095, 4096, 4097, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 12345]


def _check(tmp: Path, data: bytes, stream, *, keep: bool = False) -> None:
    staged, kept = stage_stream(stream, tmp, keep_bytes=keep)
    assert staged.tmp_path.read_bytes() == data
    assert staged.size == len(data)
    assert staged.sha256 == hashlib.sha256(data).hexdigest()
    assert staged.md5 == hashlib.md5(data).hexdigest()
    assert staged.head == data[:8192]
    assert kept == (data if keep else None)


@pytest.mark.parametrize("size", SIZES)
def test_file_copies_are_exact_at_block_and_chunk_boundaries(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    src = tmp_path / "src.bin"
    src.write_bytes(data)
    with open(src, "rb") as f:
        _check(tmp_path / "tmp", data, f, keep=size < CHUNK)


@pytest.mark.parametrize("size", [5000, CHUNK + 7])
def test_short_reads_still_fill_whole_blocks(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    _check(tmp_path, data, Trickle(data, 1000), keep=True)


@pytest.mark.parametrize("size", [5000, CHUNK + 4097])   # refused on a short first chunk too
@pytest.mark.parametrize("refused_at", ["open", "write"])
def test_staging_where_the_filesystem_refuses_direct_io(tmp_path: Path, monkeypatch,
                                                        refused_at: str, size: int) -> None:
    """Some filesystems refuse O_DIRECT when opening, others only on the first write."""
    direct = getattr(os, "O_DIRECT", 0)
    if not direct:
        pytest.skip("no direct I/O on this platform")
    real_open, real_write = os.open, os.write
    direct_fds: set[int] = set()

    def fake_open(path, flags, *args):
        if flags & direct and refused_at == "open":
            raise OSError(errno.EINVAL, "Invalid argument")
        fd = real_open(path, flags, *args)
        if flags & direct:
            direct_fds.add(fd)
        return fd

    def fake_write(fd, data):
        if fd in direct_fds and fcntl.fcntl(fd, fcntl.F_GETFL) & direct:
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "write", fake_write)
    data = os.urandom(size)
    _check(tmp_path, data, io.BytesIO(data))


def test_staged_copy_is_read_only_from_the_start(tmp_path: Path) -> None:
    staged, _ = stage_stream(io.BytesIO(b"evidence"), tmp_path)
    assert stat.S_IMODE(staged.tmp_path.stat().st_mode) & 0o222 == 0


def test_on_head_sees_the_first_bytes_and_decides_what_is_kept(tmp_path: Path) -> None:
    data = os.urandom(CHUNK + 100)
    seen: list[bytes] = []

    def decide(head: bytes) -> bool:
        seen.append(head)
        return True

    staged, kept = stage_stream(io.BytesIO(data), tmp_path, on_head=decide)
    assert seen == [data[:8192]]
    assert kept == data and staged.tmp_path.read_bytes() == data


def test_a_refusal_in_on_head_leaves_no_staging_file(tmp_path: Path) -> None:
    def refuse(head: bytes) -> bool:
        raise ValueError("no importer")

    with pytest.raises(ValueError):
        stage_stream(io.BytesIO(b"x" * 10000), tmp_path, on_head=refuse)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_no_staging_file(tmp_path: Path, monkeypatch) -> None:
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError):
        stage_stream(io.BytesIO(b"x" * 10000), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_buffer_reuse_never_mixes_files(tmp_path: Path) -> None:
    """The staging buffer is reused: a short file after a long one holds only its own bytes."""
    long, short = os.urandom(CHUNK), os.urandom(5000)
    stage_stream(io.BytesIO(long), tmp_path)
    staged, kept = stage_stream(io.BytesIO(short), tmp_path, keep_bytes=True)
    assert staged.tmp_path.read_bytes() == short and kept == short
    assert staged.sha256 == hashlib.sha256(short).hexdigest()
