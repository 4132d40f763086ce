"""Core tables: case metadata, evidence items, acquisitions, derived files, the custody ledger."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from casefile.store.headfile import META_KEY, NAME
from casefile.store.schema import MigratingCase, migration, track

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


@migration("core", 1, "case, items, acquisitions, derived, ledger")
def _core_1(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE case_meta (
        key TEXT PRIMARY KEY, value TEXT)""")
    db.execute("""CREATE TABLE items (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,                -- file, photo, flight-record, capture, ...
        sha256 TEXT NOT NULL UNIQUE,
        md5 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mime TEXT NOT NULL,
        blob_path TEXT NOT NULL,
        original_name TEXT,
        created_at TEXT NOT NULL,
        importer TEXT,
        notes TEXT,
        sensitive INTEGER NOT NULL DEFAULT 0,
        removed_at TEXT,
        removed_reason TEXT)""")
    db.execute("""CREATE TABLE acquisitions (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        acquired_at TEXT NOT NULL,
        acquired_by TEXT NOT NULL,
        method TEXT NOT NULL,
        original_path TEXT,
        source_url TEXT,
        original_mtime TEXT,
        note TEXT)""")
    db.execute("CREATE INDEX acquisitions_item ON acquisitions(item_id)")
    db.execute("""CREATE TABLE derived (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        kind TEXT NOT NULL,                -- thumbnail, preview, ela, conversion, ...
        blob_path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mime TEXT,
        tool TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        params TEXT NOT NULL,              -- canonical JSON
        created_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX derived_item ON derived(item_id, kind)")
    db.execute("""CREATE TABLE ledger (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        item_id TEXT,
        target_table TEXT,
        target_id TEXT,
        row_digest TEXT,
        details TEXT NOT NULL,             -- canonical JSON
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE)""")
    db.execute("CREATE INDEX ledger_target ON ledger(target_table, target_id, seq)")
    db.execute("CREATE INDEX ledger_item ON ledger(item_id, seq)")
    db.execute("""CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the custody ledger is append-only'); END""")
    db.execute("""CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the custody ledger is append-only'); END""")


@migration("core", 2, "the ledger head is also kept in a file beside the database", with_case=True)
def _core_2(case: MigratingCase) -> None:
    """Say in the case that it keeps ledger-head.json (written after every commit from now on),
    so that a missing head file is a problem verify names. A new case says so when created."""
    if case.db.execute("SELECT 1 FROM ledger LIMIT 1").fetchone() is None:
        return
    if case.db.execute("SELECT 1 FROM case_meta WHERE key = ?", [META_KEY]).fetchone() is None:
        case.insert("case_meta", {"key": META_KEY, "value": NAME}, action="meta-set")


@migration("core", 3, "derived tables are vouched for by the ledger")
def _core_3(db: sqlite_utils.Database) -> None:
    """Nothing to change in the tables: after migrating, the Case records the derived tables no
    event vouches for yet, as found (see Case._seal_as_found)."""


track("case_meta", pk="key")
track("items")
track("acquisitions")
track("derived")


#: how the first day's Casefile (before 2026-11-25 15:26 UTC) digested a group of bulk rows
FIRST_GROUP_FORM = ("SHA-256 over repr(sorted (column, value) pairs, NULLs left out) + newline "
                    "of each row in key order (Casefile of 2026-11-25 before 15:26 UTC)")


def first_group_digest(db: sqlite_utils.Database, table: str, group: str, pk: str,
                       value: object) -> tuple[str, int]:
    """A group's digest in the first day's form (see FIRST_GROUP_FORM), to check old events."""
    h = hashlib.sha256()
    n = 0
    cur = db.execute(f"SELECT * FROM [{table}] WHERE [{group}] = ? ORDER BY [{pk}]", [value])
    cols = [d[0] for d in cur.description]
    while batch := cur.fetchmany(10000):
        for values in batch:
            h.update(repr(sorted((k, v) for k, v in zip(cols, values) if v is not None))
                     .encode("utf-8"))
            h.update(b"\n")
            n += 1
    return h.hexdigest(), n


@migration("core", 4, "bulk rows digested in the first day's form are vouched for in today's",
           with_case=True)
def _core_4(case: MigratingCase) -> None:
    """The first day's Casefile digested a group of bulk rows (a track's points) differently; its
    ledger events keep that digest, which today's Casefile cannot compare. Each such group is
    checked against its last event in the old form, and only when it matches is the same group
    recorded in today's form, by a new event naming the old event and both digests. The old events
    stay as they are (history is never rewritten): anyone can recompute both digests from the rows.
    A group that matches neither form is left alone for verify to name."""
    from casefile.store import schema
    from casefile.store.ledger import group_digest

    tables = set(case.db.table_names())
    for tracked in schema.TRACKED.values():
        if not tracked.group or tracked.table not in tables:
            continue
        last = case.db.execute(
            "SELECT target_id, seq, row_digest, item_id FROM ledger l WHERE target_table = ? AND "
            "seq = (SELECT max(seq) FROM ledger m WHERE m.target_table = l.target_table AND "
            "m.target_id = l.target_id) AND row_digest IS NOT NULL", [tracked.table]).fetchall()
        for target, seq, recorded, item_id in last:
            value = case.db.execute(f"SELECT [{tracked.group}] FROM [{tracked.table}] WHERE "
                                    f"CAST([{tracked.group}] AS TEXT) = ? LIMIT 1",
                                    [target]).fetchone()
            if value is None:
                continue
            new, count = group_digest(case.db, tracked, value[0])
            if new == recorded:
                continue
            old, _n = first_group_digest(case.db, tracked.table, tracked.group, tracked.pk,
                                         value[0])
            if old != recorded:
                continue   # changed behind Casefile's back: not vouched for, verify names it
            case.log("digest-form-migrated", item_id=item_id, target_table=tracked.table,
                     target_id=target, row_digest=new, details={
                         "rows": count, "event": seq, "old_digest": old, "old_form": FIRST_GROUP_FORM,
                         "why": "the rows match the digest event "
                                f"{seq} recorded in the first day's form; recorded again in "
                                "today's form (the old event is kept as it is)"})
