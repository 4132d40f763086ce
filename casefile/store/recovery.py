"""Crash recovery on open: drop staged files and blobs that no committed row refers to.

Blobs are written before the transaction that records them, so a crash in between leaves a file
nobody refers to. Such a file was never part of the case; removing it is recorded in the ledger.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from casefile.store import platform_io

if TYPE_CHECKING:
    from casefile.store.case import Case


def recover(case: Case) -> list[str]:
    removed: list[str] = []
    tmp = case.path / "tmp"
    if tmp.is_dir():
        for entry in tmp.iterdir():
            if entry.is_file():
                platform_io.remove_read_only(entry)
                removed.append(f"tmp/{entry.name}")
    referenced = {r[0] for r in case.db.execute(
        "SELECT blob_path FROM items UNION SELECT blob_path FROM derived")}
    orphans = []
    for folder in ("evidence", "derived"):
        root = case.path / folder
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                rel = os.path.relpath(os.path.join(dirpath, name), case.path).replace(os.sep, "/")
                if rel not in referenced:
                    orphans.append(rel)
    for rel in orphans:
        platform_io.remove_read_only(case.path / rel)
    if orphans:
        with case.transaction():
            case.log("recovered", details={"removed_uncommitted_blobs": sorted(orphans),
                                           "why": "written by an import that never committed"})
    return removed + orphans
