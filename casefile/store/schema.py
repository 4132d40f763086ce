"""Numbered schema migrations, in groups so each part of Casefile owns its own tables.

Each group ("core", "photos", "flights", ...) numbers its migrations 1, 2, 3...; the case records
what it has applied in `_schema`. A case holding a group or a number this Casefile does not know
was written by a newer Casefile and is refused rather than misread.

Schema modules (`schema_core`, `schemas/<group>.py`) register their migrations here when they are
imported; importing `casefile.store` imports them all.

Tables whose rows the custody ledger vouches for are registered with `track()`: `verify` compares
each row (or each group of rows, for bulk data such as track points) with the state the ledger last
recorded for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeGuard, TypeVar

from casefile.errors import CasefileError, SchemaTooNew
from casefile.store.rows import DerivedRow, Row, SqlValue
from casefile.timeutil import now_z

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


class MigratingCase(Protocol):
    """What a migration registered with_case uses of the open Case (the store's own API, so the
    data it moves is recorded in the ledger)."""

    @property
    def db(self) -> sqlite_utils.Database: ...

    @property
    def path(self) -> Path: ...

    def insert(self, table: str, row: Mapping[str, object], *, action: str = ...,
               item_id: str | None = ..., details: Mapping[str, object] | None = ...) -> str: ...

    def update(self, table: str, pk_value: str | int, changes: Mapping[str, object], *,
               action: str = ..., item_id: str | None = ..., reason: str | None = ...) -> Row: ...

    def log(self, action: str, *, item_id: str | None = ..., target_table: str | None = ...,
            target_id: str | int | None = ..., row_digest: str | None = ...,
            details: Mapping[str, object] | None = ...) -> int: ...

    def group_digest(self, table: str, group_value: SqlValue) -> tuple[str, int]: ...

    def add_derived(self, item_id: str, data: bytes, *, kind: str, tool: str, tool_version: str,
                    params: Mapping[str, object], mime: str | None = ...) -> DerivedRow: ...


DbMigration: TypeAlias = "Callable[[sqlite_utils.Database], None]"
CaseMigration = Callable[[MigratingCase], None]
#: a migration: gets the database, or the open case when registered with_case
MigrationFn: TypeAlias = "DbMigration | CaseMigration"
_M = TypeVar("_M", "DbMigration", CaseMigration)
_MIGRATIONS: dict[str, dict[int, tuple[str, MigrationFn]]] = {}
#: migrations registered with_case: they get the open Case, not the bare database
_WITH_CASE: set[MigrationFn] = set()


@dataclass(frozen=True)
class Tracked:
    table: str
    pk: str = "id"
    group: str | None = None  # rows vouched for together, by this column's value


TRACKED: dict[str, Tracked] = {}


@dataclass(frozen=True)
class DerivedTable:
    """A table computed from tracked data (a cache a report or answer reads): its digest is
    recorded in the ledger whenever a transaction changes it (see `sealing`) and `verify`
    compares. `what` names it for a person; `remedy` says how to recompute it."""

    table: str
    what: str
    remedy: str
    where: str | None = None           # only these rows are derived (SQL condition)


DERIVED: dict[str, DerivedTable] = {}


def derived_table(table: str, what: str, remedy: str, *, where: str | None = None) -> None:
    DERIVED[table] = DerivedTable(table, what, remedy, where)


def migration(group: str, number: int, name: str, *,
              with_case: bool = False) -> Callable[[_M], _M]:
    """Register a migration. `with_case`: it gets the open Case (to move data with ledger events
    through the store) instead of the bare database."""

    def register(fn: _M) -> _M:
        if with_case:
            _WITH_CASE.add(fn)
        steps = _MIGRATIONS.setdefault(group, {})
        if number in steps:
            raise RuntimeError(f"duplicate migration {group} {number}")
        steps[number] = (name, fn)
        return fn

    return register


def track(table: str, pk: str = "id", group: str | None = None) -> None:
    TRACKED[table] = Tracked(table, pk, group)


def known_versions() -> dict[str, int]:
    return {group: max(steps) for group, steps in _MIGRATIONS.items()}


def applied_versions(db: sqlite_utils.Database) -> dict[str, int]:
    if "_schema" not in db.table_names():
        return {}
    rows = db.execute('SELECT "group", max(number) FROM _schema GROUP BY "group"').fetchall()
    return {g: n for g, n in rows}


def _applied_steps(db: sqlite_utils.Database) -> set[tuple[str, int]]:
    if "_schema" not in db.table_names():
        return set()
    return {(g, n) for g, n in db.execute('SELECT "group", number FROM _schema').fetchall()}


def check_not_newer(db: sqlite_utils.Database, where: str) -> None:
    known = known_versions()
    for group, number in applied_versions(db).items():
        if group not in known or number > known[group]:
            mine = known.get(group, 0)
            raise SchemaTooNew(
                f"case was written by a newer Casefile (schema '{group}' version {number}, this "
                f"Casefile knows up to {mine}); upgrade Casefile to open it", where)


def needs_upgrade(db: sqlite_utils.Database, where: object) -> CasefileError:
    """The refusal of a reader that does not migrate (verify changes nothing, not even the schema)."""
    steps = pending(db)
    named = ", ".join(f"{g} {n}" for g, n, _name, _fn in steps[:6]) + (" …" if len(steps) > 6 else "")
    return CasefileError(f"the case was written by an older Casefile and its schema needs "
                         f"{len(steps)} upgrade step{'s' if len(steps) != 1 else ''} ({named}); "
                         "verify changes nothing, so run `casefile upgrade CASE` first (each "
                         "step is recorded in the ledger) and verify again", str(where))


def pending(db: sqlite_utils.Database) -> list[tuple[str, int, str, MigrationFn]]:
    """The registered steps the case has not applied. Each group's numbers are shared out among
    parts of the work in ranges (docs/shapes.md), so a lower number may land after a higher one:
    a step is pending when the case does not record it, not only when it is above the highest."""
    known = known_versions()
    done = _applied_steps(db)
    todo = []
    # core first (every table refers to items), refs last (its triggers sit on the other groups' tables)
    for group in sorted(known, key=lambda g: (g == "refs", g != "core", g)):
        for number in sorted(_MIGRATIONS[group]):
            if (group, number) not in done:
                name, fn = _MIGRATIONS[group][number]
                todo.append((group, number, name, fn))
    return todo


def _takes_case(fn: MigrationFn) -> TypeGuard[CaseMigration]:
    return fn in _WITH_CASE


def _takes_db(fn: MigrationFn) -> TypeGuard[DbMigration]:
    return fn not in _WITH_CASE


def apply(db: sqlite_utils.Database, group: str, number: int, name: str, fn: MigrationFn, *,
          case: MigratingCase | None = None) -> None:
    """Run one migration; the caller holds the transaction (and passes the Case it belongs to,
    which a migration registered with_case gets instead of the database)."""
    if "_schema" not in db.table_names():
        db.execute('CREATE TABLE _schema ("group" TEXT NOT NULL, number INTEGER NOT NULL, '
                   'name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY ("group", number))')
    if _takes_case(fn):
        if case is None:
            raise RuntimeError(f"migration {group} {number} needs the open case")
        fn(case)
    elif _takes_db(fn):
        fn(db)
    db.execute('INSERT INTO _schema ("group", number, name, applied_at) VALUES (?, ?, ?, ?)',
               [group, number, name, now_z()])
