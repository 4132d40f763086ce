"""Crash recovery on open: undo what imports that never committed left behind, and nothing else.

Blobs are written before the transaction that records them, so a crash in between leaves a file
nobody refers to. Recovery removes only those its writer's journal lists (see `journal`); any
other file no row refers to goes to the quarantine (a restored older database, a sync conflict),
never deleted. The Case records both in the ledger.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.store import journal, platform_io, quarantine

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


@dataclass
class Recovered:
    removed: list[str] = field(default_factory=list)      # journalled, never committed
    quarantined: list[quarantine.Quarantined] = field(default_factory=list)


def recover(case_dir: Path, db: sqlite_utils.Database) -> Recovered:
    """Remove staged files and journalled uncommitted blobs; quarantine other unreferenced files."""
    tmp = case_dir / "tmp"
    rels, _journals = journal.leftovers(case_dir)
    out = Recovered(removed=journal.remove_unreferenced(case_dir, db, rels))
    if tmp.is_dir():   # staged copies (never evidence), the journals just read, and the
        for entry in tmp.iterdir():   # snapshot folders of bundles that were killed
            if entry.is_file() or entry.is_symlink():
                platform_io.remove_read_only(entry)
            elif entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
    strays = quarantine.unreferenced(case_dir, journal.referenced(db))
    out.quarantined = quarantine.move_in(
        case_dir, strays, "no row of the database refers to it (found when the case was opened)")
    return out
