"""One exception family for the whole core; each carries the path it is about and a user message."""

from __future__ import annotations

from pathlib import Path


class CasefileError(Exception):
    """Base error: `str(err)` is a one-line message fit for a user, naming the file when there is one."""

    def __init__(self, message: str, path: str | Path | None = None, *, line: int | None = None,
                 field: str | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
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
