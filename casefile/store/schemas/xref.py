"""Cross-reference findings: a recomputable cache, not tracked row by row (each run is logged)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.store.schema import derived_table, migration

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


@migration("xref", 1, "findings cache")
def _xref_1(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE xref_findings (
        id TEXT PRIMARY KEY,               -- stable hash of kind + inputs
        kind TEXT NOT NULL,
        verdict TEXT NOT NULL,             -- consistent | inconsistent | undetermined
        confidence REAL NOT NULL,
        explanation TEXT NOT NULL,
        item_ids TEXT NOT NULL,            -- JSON list
        inputs TEXT NOT NULL,              -- JSON
        assumptions TEXT NOT NULL,         -- JSON list
        computed_at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE xref_finding_items (
        finding_id TEXT NOT NULL REFERENCES xref_findings(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        PRIMARY KEY (finding_id, item_id))""")
    db.execute("CREATE INDEX xref_finding_items_item ON xref_finding_items(item_id)")
    db.execute("""CREATE TABLE xref_runs (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        mode TEXT NOT NULL,                -- full | items
        findings INTEGER NOT NULL,
        digest TEXT NOT NULL)""")


@migration("xref", 2, "problems of a run")
def _xref_2(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE xref_runs ADD COLUMN problems TEXT")   # JSON list of one-line messages


_AGAIN = "run the cross-reference again (`casefile xref`) to recompute them"
derived_table("xref_findings", "cross-reference findings", _AGAIN)
derived_table("xref_finding_items", "items of cross-reference findings", _AGAIN)
derived_table("xref_runs", "cross-reference runs", _AGAIN)
