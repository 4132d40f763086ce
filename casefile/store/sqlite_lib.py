"""A case's database: plain sqlite3 for what reading a case needs, sqlite_utils for the rest.

`LazyDatabase` answers `execute`, `conn` and `table_names()` itself; anything else of
sqlite_utils.Database's API (db[table], db.table(...), ...: the writes and the schema's tools)
goes to a `sqlite_utils.Database` over the same connection, made on first use. So a command that
only reads (`items`, `where`) never imports sqlite_utils, whose import compiles dozens of regular
expressions (about as long as starting Python).

sqlite_utils itself is loaded without numpy: it imports numpy (when it is installed) only to map
numpy scalar types to column types when it creates a table from Python values. The case never
does: every table is created by a migration's SQL and rows are written with SQL, so nothing
changes, and numpy (most of the library's import time, about 0.1-0.2 s) is loaded by the parts
that use it, where they use it. When numpy or sqlite_utils is already loaded this does nothing.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    import sqlite_utils


def load() -> None:
    """Import sqlite_utils (once), without numpy."""
    if "sqlite_utils" in sys.modules:
        return
    blocked = [m for m in ("numpy", "pandas") if m not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]   # makes `import numpy` fail at once
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


class LazyDatabase:
    """A sqlite3 connection with the reading part of sqlite_utils.Database's API in plain sqlite3,
    and the rest through a sqlite_utils.Database made on first use (see the module doc)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: sqlite_utils.Database | None = None
        conn.execute("PRAGMA recursive_triggers=on;")   # as sqlite_utils.Database sets it

    def execute(self, sql: str,
                parameters: Sequence[object] | Mapping[str, object] | None = None) -> sqlite3.Cursor:
        """As sqlite_utils.Database.execute (with no tracer)."""
        if parameters is not None:
            return self.conn.execute(sql, parameters)
        return self.conn.execute(sql)

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        """As sqlite_utils.Database.table_names."""
        if fts4 or fts5:
            return self.full().table_names(fts4=fts4, fts5=fts5)
        return [r[0] for r in self.conn.execute("select name from sqlite_master where type = 'table'")]

    def full(self) -> sqlite_utils.Database:
        """The sqlite_utils.Database over this connection (no third-party plugins run on it)."""
        if self._full is None:
            load()
            import sqlite_utils

            self._full = sqlite_utils.Database(self.conn, execute_plugins=False,
                                               recursive_triggers=False)   # set already
        return self._full

    def __getattr__(self, name: str) -> object:
        if name.startswith("__") or name in ("conn", "_full"):
            raise AttributeError(name)
        return getattr(self.full(), name)

    def __getitem__(self, table: str) -> object:
        return self.full()[table]


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """A case's database over `conn` (a LazyDatabase, typed as what it stands for)."""
    return cast("sqlite_utils.Database", LazyDatabase(conn))
