"""Write journals: which blobs a writer moved into the case that no committed row refers to yet.

Before a blob is renamed to its content address, its path is appended to the journal of the
writing thread (`tmp/journal-<pid>-<thread>.txt`); the journal is emptied when that thread's
transaction commits (the rows now refer to the files). After a crash, recovery removes only the
files a journal lists and no row refers to: they were written by an import that never committed.
Any other file nobody refers to is quarantined, never deleted (see `quarantine`).

A journal line is on disk before the rename (a killed process loses neither); after a power loss
a rename may outlive its journal line, and that file is quarantined: the safe direction.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.store import platform_io

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

PREFIX = "journal-"
_local = threading.local()


def _path(case_dir: Path) -> Path:
    return case_dir / "tmp" / f"{PREFIX}{os.getpid()}-{threading.get_ident()}.txt"


def note(case_dir: Path, rel: str) -> None:
    """Record, before the rename, that this thread is writing blob `rel` into the case."""
    path = _path(case_dir)
    try:
        f = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        f = open(path, "a", encoding="utf-8")  # noqa: SIM115
    with f:
        f.write(rel + "\n")
    dirty: set[Path] = getattr(_local, "dirty", set())
    dirty.add(case_dir)
    _local.dirty = dirty


def committed(case_dir: Path) -> None:
    """This thread's transaction committed: every journalled blob is now referenced (or shared)."""
    dirty: set[Path] = getattr(_local, "dirty", set())
    if case_dir in dirty:
        dirty.discard(case_dir)
        path = _path(case_dir)
        if path.exists():
            path.unlink()


def rolled_back(case_dir: Path, db: sqlite_utils.Database) -> list[str]:
    """This thread's transaction rolled back: remove what it wrote that no row refers to."""
    dirty: set[Path] = getattr(_local, "dirty", set())
    if case_dir not in dirty:
        return []
    dirty.discard(case_dir)
    path = _path(case_dir)
    removed = remove_unreferenced(case_dir, db, _read(path))
    if path.exists():
        path.unlink()
    return removed


def _read(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    return [line for line in text.splitlines() if _safe_rel(line)]


def _safe_rel(rel: str) -> bool:
    """Only blob paths (evidence/ab/<sha>, derived/ab/<sha>): a journal never names anything else."""
    parts = rel.split("/")
    return (len(parts) == 3 and parts[0] in ("evidence", "derived") and len(parts[1]) == 2
            and len(parts[2]) == 64 and all(c in "0123456789abcdef" for c in parts[2])
            and parts[2].startswith(parts[1]))


def referenced(db: sqlite_utils.Database) -> set[str]:
    return {r[0] for r in db.execute(
        "SELECT blob_path FROM items UNION SELECT blob_path FROM derived")}


def remove_unreferenced(case_dir: Path, db: sqlite_utils.Database, rels: list[str]) -> list[str]:
    if not rels:
        return []
    refs = referenced(db)
    removed = []
    for rel in sorted(set(rels) - refs):
        target = case_dir / rel
        if target.is_file():
            platform_io.remove_read_only(target)
            removed.append(rel)
    return removed


def leftovers(case_dir: Path) -> tuple[list[str], list[Path]]:
    """Every blob path in journals left behind (by writers that are gone), and the journal files."""
    tmp = case_dir / "tmp"
    if not tmp.is_dir():
        return [], []
    files = sorted(p for p in tmp.iterdir() if p.name.startswith(PREFIX) and p.is_file())
    rels = [rel for p in files for rel in _read(p)]
    return rels, files
