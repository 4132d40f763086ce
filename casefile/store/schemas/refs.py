"""Short references: S2, C4, P3 ... one number per record and kind, given when the row is inserted.

A reference never changes and is never reused: the `refs` row outlives the record (a removed item
keeps its P number; a finding recomputed with the same id keeps its X number). Numbers are given
by AFTER INSERT triggers, so every way a row is written (CLI, GUI, import, migration) gets one.
This group runs after all others (see `schema.pending`), so the tables it watches exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.store.schema import derived_table, migration

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

#: table -> (SQL giving the kind letter from NEW, ORDER BY for numbering rows that already exist)
WATCHED: dict[str, tuple[str, str]] = {
    "items": ("CASE NEW.kind WHEN 'photo' THEN 'P' WHEN 'flight-record' THEN 'F' ELSE 'D' END",
              "created_at, id"),
    "sources": ("'S'", "created_at, id"),
    "claims": ("'C'", "created_at, id"),
    "entities": ("'E'", "created_at, id"),
    "reported_flights": ("'R'", "created_at, id"),
    "xref_findings": ("'X'", "computed_at, id"),
}
#: tables numbered by a later migration (same rules)
WATCHED_2: dict[str, tuple[str, str]] = {
    "notes": ("'N'", "created_at, id"),
}


def trigger_sql(table: str) -> str:
    """The trigger that numbers a new row of `table` (also what `verify` compares against)."""
    kind_sql, _ = {**WATCHED, **WATCHED_2}[table]
    # No conflict clause of its own: an outer INSERT OR REPLACE would impose REPLACE on it and
    # renumber the record, so a record that has a number is skipped by the WHERE instead.
    return (f"CREATE TRIGGER refs_{table} AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO refs (kind, n, target_id) SELECT k, "
            f"COALESCE((SELECT MAX(n) FROM refs WHERE kind = k), 0) + 1, NEW.id "
            f"FROM (SELECT {kind_sql} AS k) "
            f"WHERE NOT EXISTS (SELECT 1 FROM refs WHERE target_id = NEW.id); END")


@migration("refs", 1, "short references (S2, C4, P3 ...) for every record")
def _refs_1(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE refs (
        kind TEXT NOT NULL,                -- S C E P F D R X
        n INTEGER NOT NULL,
        target_id TEXT NOT NULL UNIQUE,
        PRIMARY KEY (kind, n))""")
    _number(db, WATCHED)


def _number(db: sqlite_utils.Database, tables: dict[str, tuple[str, str]]) -> None:
    for table, (kind_sql, order) in tables.items():
        # existing rows first, in the order they were made, so old cases get stable numbers too
        rows = db.execute(f"SELECT id, {kind_sql.replace('NEW.', '')} FROM {table} "
                          f"ORDER BY {order}").fetchall()
        for target_id, kind in rows:
            db.execute("INSERT OR IGNORE INTO refs (kind, n, target_id) SELECT ?, "
                       "COALESCE((SELECT MAX(n) FROM refs WHERE kind = ?), 0) + 1, ?",
                       [kind, kind, target_id])
        db.execute(trigger_sql(table))


@migration("refs", 2, "short references for notes (N1, N2 ...)")
def _refs_2(db: sqlite_utils.Database) -> None:
    _number(db, WATCHED_2)


# Findings are written in bulk (not through Case.insert, whose events carry each record's
# reference): their references are vouched for with the findings.
derived_table("refs", "short references of findings (X1, X2 ...)", "restore the case from a "
              "bundle (references are given once, when a record is made)",
              where="kind = 'X'")
