"""Derived tables vouched for by the ledger, at the cost of what changed.

A derived table's digest is a multiset hash: the sum, modulo 2**256, of the SHA-256 of each row's
text (its columns' SQL `quote()`s in name order). Temporary triggers on this connection note every
row a transaction touches, with its text before the first change; at commit the digest moves by
the rows' hashes now minus their hashes before, and the new digest is logged. `verify` sums every
row from scratch. Another connection's triggers are not there, so a change made behind Casefile's
back never reaches the ledger and is found.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from casefile.store.schema import DERIVED, DerivedTable

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

MOD = 1 << 256
#: actions of transactions that only recompute or read (their seals are `derived-recorded`)
RECOMPUTING = frozenset({"xref-run", "verified", "exported", "bundled", "derived-recorded",
                         "derived-updated"})
SEAL_ACTIONS = ("derived-recorded", "derived-updated")
TOUCHED = "_casefile_touched"


def row_text_sql(db: sqlite_utils.Database, d: DerivedTable, prefix: str = "") -> str:
    """SQL giving one row's text (NULL for a row the table's `where` leaves out)."""
    names = sorted(c.name for c in db[d.table].columns)
    text = " || char(31) || ".join(f"quote({prefix}[{n}])" for n in names)
    if d.where:
        cond = d.where if not prefix else _prefixed(d.where, names, prefix)
        return f"(CASE WHEN {cond} THEN {text} END)"
    return f"({text})"


def _prefixed(cond: str, names: list[str], prefix: str) -> str:
    return re.sub(r"\b(" + "|".join(map(re.escape, names)) + r")\b", lambda m: prefix + m.group(1),
                  cond)


HASH_FN = "casefile_row_hash"


def _hex(text: str | None) -> str | None:
    """A row text's SHA-256 (hex), computed inside SQLite: a trigger keeps 64 characters per
    touched row, not the row."""
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def _h(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")


def as_hex(value: int) -> str:
    return f"{value % MOD:064x}"


def full_digest(db: sqlite_utils.Database, d: DerivedTable) -> tuple[str, int]:
    """The digest of every row, and how many rows count."""
    total, n = 0, 0
    cur = db.execute(f"SELECT {row_text_sql(db, d)} FROM [{d.table}]")
    while batch := cur.fetchmany(10000):
        for (text,) in batch:
            if text is not None:
                total += _h(text)
                n += 1
    return as_hex(total), n


def install(db: sqlite_utils.Database) -> None:
    """Temporary triggers on this connection noting every derived row a transaction touches."""
    # a row removed by INSERT OR REPLACE fires the delete trigger only with recursive triggers on
    db.execute("PRAGMA recursive_triggers = ON")
    # and a DELETE without WHERE skips row triggers (truncate optimisation) unless the authorizer
    # says IGNORE for it, which SQLite documents as "delete row by row"
    derived = set(DERIVED)

    def authorize(action: int, arg1: str | None, *_rest: object) -> int:
        if action == sqlite3.SQLITE_DELETE and arg1 in derived:
            return sqlite3.SQLITE_IGNORE
        return sqlite3.SQLITE_OK

    db.conn.set_authorizer(authorize)
    db.conn.create_function(HASH_FN, 1, _hex, deterministic=True)
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {TOUCHED} (tbl TEXT NOT NULL, rid INTEGER NOT NULL, "
               "before TEXT, PRIMARY KEY (tbl, rid))")
    tables = set(db.table_names())
    for d in DERIVED.values():
        if d.table in tables:
            _triggers(db, d)


def _triggers(db: sqlite_utils.Database, d: DerivedTable) -> None:
    """(Re)create the temporary triggers noting the rows of one derived table."""
    old = f"{HASH_FN}({row_text_sql(db, d, 'OLD.')})"
    t = d.table
    _drop_triggers(db, t)
    db.execute(f"CREATE TEMP TRIGGER _cf_{t}_i AFTER INSERT ON main.[{t}] BEGIN "
               f"{_note(t, 'NEW', 'NULL')}; END")
    db.execute(f"CREATE TEMP TRIGGER _cf_{t}_u AFTER UPDATE ON main.[{t}] BEGIN "
               f"{_note(t, 'OLD', old)}; {_note(t, 'NEW', 'NULL')}; END")
    db.execute(f"CREATE TEMP TRIGGER _cf_{t}_d AFTER DELETE ON main.[{t}] BEGIN "
               f"{_note(t, 'OLD', old)}; END")


def _drop_triggers(db: sqlite_utils.Database, table: str) -> None:
    for k in "iud":
        db.execute(f"DROP TRIGGER IF EXISTS temp._cf_{table}_{k}")


@contextlib.contextmanager
def bulk(db: sqlite_utils.Database, tables: Iterable[str]) -> Iterator[None]:
    """Rewrite derived tables in bulk (inside a transaction): instead of a trigger noting each row
    as it is touched, every row is noted once before (with its text's hash, unless already noted
    in this transaction) and once after, so the commit's digest moves exactly as the triggers
    would have moved it."""
    ds = [DERIVED[t] for t in tables]
    for d in ds:
        _note_all(db, d, f"{HASH_FN}({row_text_sql(db, d)})")
        _drop_triggers(db, d.table)
    try:
        yield
        for d in ds:
            _note_all(db, d, "NULL")
    finally:
        for d in ds:
            _triggers(db, d)


def _note_all(db: sqlite_utils.Database, d: DerivedTable, before: str) -> None:
    """Note every row of a derived table not yet noted in this transaction."""
    t = d.table
    db.execute(f"INSERT INTO {TOUCHED} (tbl, rid, before) SELECT '{t}', rowid, {before} FROM "
               f"main.[{t}] WHERE rowid NOT IN (SELECT rid FROM {TOUCHED} WHERE tbl = '{t}')")


def _note(table: str, which: str, before: str) -> str:
    """Note a row's first touch in this transaction. No conflict clause: an outer INSERT OR
    REPLACE would impose REPLACE on it and overwrite the text from before; a WHERE skips it."""
    return (f"INSERT INTO {TOUCHED} (tbl, rid, before) SELECT '{table}', {which}.rowid, {before} "
            f"WHERE NOT EXISTS (SELECT 1 FROM {TOUCHED} WHERE tbl = '{table}' AND "
            f"rid = {which}.rowid)")


def last_sealed(db: sqlite_utils.Database, table: str) -> tuple[str, int] | None:
    row = db.execute("SELECT row_digest, details FROM ledger WHERE action IN (?, ?) AND "
                     "target_table = ? AND target_id = '*' ORDER BY seq DESC LIMIT 1",
                     [*SEAL_ACTIONS, table]).fetchone()
    if row is None:
        return None
    return str(row[0]), int(json.loads(row[1]).get("rows", 0))


def touched(db: sqlite_utils.Database) -> dict[str, tuple[str, int]]:
    """For each derived table this transaction changed: its new digest and row count, moved from
    the last recorded one by the touched rows. Clears the notes."""
    if db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?", [TOUCHED]).fetchone() is None:
        return {}
    tables = [r[0] for r in db.execute(f"SELECT DISTINCT tbl FROM temp.{TOUCHED}")]
    out: dict[str, tuple[str, int]] = {}
    for tbl in sorted(tables):
        d = DERIVED[tbl]
        # never recorded: the table was empty when made (an older case's were recorded as found
        # when it was migrated); rows written behind Casefile's back stay out of the sum
        prev = last_sealed(db, tbl) or (as_hex(0), 0)
        total, n = int(prev[0], 16), prev[1]
        for (before,) in db.execute(f"SELECT before FROM temp.{TOUCHED} WHERE tbl = ? AND "
                                    "before IS NOT NULL", [tbl]):
            total -= int(before, 16)
            n -= 1
        # the touched rows as they are now (one query: the notes name them by rowid)
        for (digest,) in db.execute(f"SELECT {HASH_FN}({row_text_sql(db, d)}) FROM [{tbl}] WHERE "
                                    f"rowid IN (SELECT rid FROM temp.{TOUCHED} WHERE tbl = ?)",
                                    [tbl]):
            if digest is not None:
                total += int(digest, 16)
                n += 1
        if (as_hex(total), n) != prev:   # rows the table's `where` leaves out change nothing
            out[tbl] = (as_hex(total), n)
    if tables:
        db.execute(f"DELETE FROM temp.{TOUCHED}")
    return out

