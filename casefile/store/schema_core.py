"""Core tables: case metadata, evidence items, acquisitions, derived files, the custody ledger."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from casefile.store.headfile import META_KEY, NAME
from casefile.store.schema import migration, track


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
def _core_2(case: Any) -> None:
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
