"""One exception family for the whole core; each carries the path it is about and a user message."""

from __future__ import annotations

from pathlib import Path

from casefile.textsafe import printable


class CasefileError(Exception):
    """Base error: `str(err)` is a one-line message fit for a user, naming the file when there is one."""

    def __init__(self, message: str, path: str | Path | None = None, *, line: int | None = None,
                 field: str | None = None) -> None:
        self.message = message
        self.path = printable(str(path)) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        if self.field:
            return f"{where}{self.field}: {self.message}"
        return f"{where}{self.message}"


class NotACase(CasefileError):
    """The path is not a Casefile case folder."""


class CaseExists(CasefileError):
    """Refusing to create a case over an existing folder."""


class CaseLocked(CasefileError):
    """Another process holds the case open for writing."""


class DamagedCase(CasefileError):
    """The case database cannot be read (damaged on disk); the originals are not touched."""


def damaged(path: str | Path | None, exc: BaseException) -> DamagedCase:
    """The one line a damaged case.sqlite gets: what is wrong and what to do."""
    return DamagedCase(f"case.sqlite is damaged ({exc}); nothing was changed. Restore the case from "
                       "a bundle (`casefile unbundle BUNDLE.zip NEW-FOLDER`) or a backup copy of "
                       "the folder; the originals in evidence/ can be re-imported", path)


class ReadOnlyCase(CasefileError):
    """The case cannot be written (read-only media, a read-only share, no permission): it can be
    listed, searched, verified, reported and exported elsewhere, never changed."""

    why = ""


class DiskFull(CasefileError):
    """The disk a write needs is full: the message names the disk and the space needed."""


def read_only(path: str | Path | None, why: str) -> ReadOnlyCase:
    """The one line a write to a read-only case gets."""
    exc = ReadOnlyCase(f"the case is read-only ({why}); it can be listed, searched, verified, "
                       "reported and exported to another folder, not changed", path)
    exc.why = why
    return exc


def disk_full(where: str | Path, needed: int | None = None) -> DiskFull:
    """The one line a full disk gets: which disk (its mount point), how much is free and needed."""
    import shutil

    place = Path(where)
    probe = place if place.exists() else place.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        free = None
    mount = _mount_point(probe)
    have = f"{_size(free)} free" if free is not None else "no space left"
    need = f"; about {_size(needed)} is needed" if needed else ""
    return DiskFull(f"the disk holding {mount} is full ({have}{need}); free space there or write "
                    "to another disk: nothing was half-written", where)


def _mount_point(path: Path) -> str:
    p = path.resolve() if path.exists() else path
    while not p.is_mount() and p != p.parent:
        p = p.parent
    return str(p)


def _size(n: int | None) -> str:
    value = float(n or 0)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


class SchemaTooNew(CasefileError):
    """The case was written by a newer Casefile than this one."""


class UnsupportedFile(CasefileError):
    """No importer reads this file, or the path cannot be imported (directory, empty, unreadable)."""


class CorruptFile(CasefileError):
    """The file claims a known format but cannot be parsed."""


class InvalidInput(CasefileError):
    """An analyst-entered value (time, grade, id, ...) is not acceptable."""


class NotFound(CasefileError):
    """A referenced item, row or file does not exist."""


class UnknownReference(NotFound):
    """A short reference (S2, C4, ...) or name that matches no record; the message suggests the
    closest ones. `suggestions` holds them for callers that present them differently."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        self.suggestions = list(suggestions or [])
        super().__init__(message)


class Cancelled(CasefileError):
    """The user cancelled a long operation."""
