"""Crash recovery on open: drop staged files and blobs that no committed row refers to.

Blobs are written before the transaction that records them, so a crash in between leaves a file
nobody refers to. Such a file was never part of the case; the Case records its removal in the
ledger.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from casefile.store import platform_io


def remove_uncommitted(case_dir: Path, db: sqlite_utils.Database) -> list[str]:
    """Remove leftovers of imports that never committed: staged files (never evidence) and the
    blobs no committed row refers to, which it returns as paths relative to the case folder."""
    tmp = case_dir / "tmp"
    if tmp.is_dir():
        for entry in tmp.iterdir():
            if entry.is_file():
                platform_io.remove_read_only(entry)
    referenced = {r[0] for r in db.execute(
        "SELECT blob_path FROM items UNION SELECT blob_path FROM derived")}
    orphans = []
    for folder in ("evidence", "derived"):
        root = case_dir / folder
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                rel = os.path.relpath(os.path.join(dirpath, name), case_dir).replace(os.sep, "/")
                if rel not in referenced:
                    orphans.append(rel)
    for rel in orphans:
        platform_io.remove_read_only(case_dir / rel)
    return sorted(orphans)
