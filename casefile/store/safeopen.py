"""Opening a file to import without following links or reading what is not a file.

A symbolic link (or a Windows junction) is not followed: it is recorded as what it is, its target
path, unless the investigator asks to follow links to files (a link to a folder is always kept
as a link: following folders could loop or leave the imported folder). Devices, named pipes and
sockets are never read (a FIFO would block, a device could be endless or be the disk itself).
The file is opened with `O_NOFOLLOW | O_NONBLOCK` and checked through the open descriptor
(`fstat`), so nothing can swap it between the check and the read. A file with other hard links is noted.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from casefile.errors import UnsupportedFile

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_REPARSE = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)


@dataclass
class Opened:
    """A regular file opened for reading (`file`), or a link that was not followed (`link_to`)."""

    path: Path
    st: os.stat_result
    file: io.FileIO | None = None
    link_to: str | None = None          # the link's target path, as the link holds it
    hard_links: int = 1


def is_link(path: Path, st: os.stat_result | None = None) -> bool:
    """A symbolic link, or a junction / other reparse point on Windows."""
    st = st or os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        return True
    return bool(getattr(st, "st_file_attributes", 0) & _REPARSE)


def what_it_is(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def open_for_import(path: Path, *, follow_links: bool = False) -> Opened:
    """The file opened for reading, or the link it is; UnsupportedFile for anything else."""
    lst = os.lstat(path)
    if is_link(path, lst) and (not follow_links or os.path.isdir(path)):
        try:
            target = os.readlink(path)
        except OSError:   # a junction Python cannot read as a link
            target = "(a reparse point whose target cannot be read)"
        return Opened(path, lst, link_to=target)
    if not stat.S_ISREG(lst.st_mode) and not is_link(path, lst):
        raise UnsupportedFile(f"{what_it_is(lst.st_mode)}, not a file: not read", path)
    flags = os.O_RDONLY | NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= NOFOLLOW
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise UnsupportedFile("cannot read the file (permission denied)", path) from None
    except OSError as exc:
        if NOFOLLOW and exc.errno in (getattr(os, "ELOOP", 40), 40):   # became a link meanwhile
            raise UnsupportedFile("became a link while being imported: not read", path) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsupportedFile(f"{what_it_is(st.st_mode)}, not a file: not read", path)
        if not follow_links and (st.st_dev, st.st_ino) != (lst.st_dev, lst.st_ino):
            raise UnsupportedFile("was replaced while being imported: not read", path)
        if NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        file = io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise
    return Opened(path, st, file=file, hard_links=int(st.st_nlink))


def link_record(opened: Opened) -> bytes:
    """What a link's item holds: its target path, as bytes (never the target's content)."""
    assert opened.link_to is not None
    return os.fsencode(opened.link_to)
