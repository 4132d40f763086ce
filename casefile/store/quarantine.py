"""Quarantine: files in the case that no row refers to are moved aside, never deleted.

A restored older `case.sqlite`, a sync conflict or a copy taken mid-write can leave originals in
`evidence/` that the database does not know. Casefile moves each to `quarantine/` (keeping its
path under it), records it with its SHA-256 in `quarantine/index.json` and in the ledger, and
`verify` reports it until the investigator re-attaches it (imports it again) or confirms its
deletion with a reason.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from casefile.errors import InvalidInput, NotFound
from casefile.store import blobs, platform_io
from casefile.timeutil import now_z

FOLDER = "quarantine"
INDEX = "index.json"


@dataclass(frozen=True)
class Quarantined:
    """One file set aside: where it is now, where it was, its hash and size, when and why."""

    file: str            # relative to the case folder: quarantine/evidence/ab/<sha>
    was: str             # evidence/ab/<sha> or derived/ab/<sha>
    sha256: str
    size: int
    at: str
    why: str

    @property
    def name(self) -> str:
        """A short name a person can type: the first 12 hex digits of its SHA-256."""
        return self.sha256[:12]

    @property
    def is_original(self) -> bool:
        return self.was.startswith("evidence/")

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "name": self.name}


def _index_path(case_dir: Path) -> Path:
    return case_dir / FOLDER / INDEX


def entries(case_dir: Path) -> list[Quarantined]:
    """What the quarantine holds, by its index, plus any file in it the index does not list."""
    listed: dict[str, Quarantined] = {}
    try:
        raw = json.loads(_index_path(case_dir).read_text(encoding="utf-8"))
        for e in raw if isinstance(raw, list) else []:
            q = Quarantined(**{k: e[k] for k in ("file", "was", "sha256", "size", "at", "why")})
            if (case_dir / q.file).is_file():
                listed[q.file] = q
    except (OSError, ValueError, KeyError, TypeError):
        pass
    root = case_dir / FOLDER
    if root.is_dir():
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                rel = _rel(case_dir, Path(dirpath) / name)
                if rel == f"{FOLDER}/{INDEX}" or rel in listed:
                    continue
                sha, size = blobs.hash_file(case_dir / rel)
                listed[rel] = Quarantined(rel, rel.removeprefix(FOLDER + "/"), sha, size, now_z(),
                                          "found in the quarantine folder without an index entry")
    return sorted(listed.values(), key=lambda q: q.file)


def _rel(case_dir: Path, path: Path) -> str:
    return os.path.relpath(path, case_dir).replace(os.sep, "/")


def _write_index(case_dir: Path, found: list[Quarantined]) -> None:
    path = _index_path(case_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps([q.to_dict() for q in found], indent=1), encoding="utf-8")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    platform_io.fsync_dir(path.parent)


def unreferenced(case_dir: Path, referenced: set[str]) -> list[str]:
    """Files under evidence/ and derived/ that no row refers to (paths relative to the case)."""
    out = []
    for folder in ("evidence", "derived"):
        root = case_dir / folder
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                rel = _rel(case_dir, Path(dirpath) / name)
                if rel not in referenced:
                    out.append(rel)
    return sorted(out)


def move_in(case_dir: Path, rels: list[str], why: str) -> list[Quarantined]:
    """Move files to the quarantine, hashing each; returns what was moved."""
    if not rels:
        return []
    found = {q.file: q for q in entries(case_dir)}
    moved = []
    for rel in rels:
        src = case_dir / rel
        sha, size = blobs.hash_file(src)
        dest_rel = f"{FOLDER}/{rel}"
        dest = case_dir / dest_rel
        if dest.exists():   # the same path set aside before: keep both, never overwrite
            dest_rel = f"{FOLDER}/{rel}.{os.urandom(3).hex()}"
            dest = case_dir / dest_rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
        q = Quarantined(dest_rel, rel, sha, size, now_z(), why)
        found[dest_rel] = q
        moved.append(q)
    _write_index(case_dir, sorted(found.values(), key=lambda q: q.file))
    platform_io.fsync_dir(case_dir / FOLDER)
    return moved


def find(case_dir: Path, name: str) -> Quarantined:
    """A quarantined file by the start of its SHA-256 (6+ hex digits) or its path."""
    name = name.strip().lower()
    found = entries(case_dir)
    exact = [q for q in found if name in (q.file.lower(), q.was.lower())]
    if exact:
        return exact[0]
    if len(name) < 6:
        raise InvalidInput(f"give at least 6 hex digits of the file's SHA-256, not {name!r}")
    hits = [q for q in found if q.sha256.startswith(name)]
    if not hits:
        listing = ", ".join(q.name for q in found) or "the quarantine is empty"
        raise NotFound(f"no quarantined file {name!r} ({listing})")
    if len(hits) > 1:
        raise InvalidInput(f"{name!r} matches {len(hits)} quarantined files; give more digits")
    return hits[0]


def remove(case_dir: Path, q: Quarantined) -> None:
    """Take a file out of the quarantine (after it was re-attached, or its deletion confirmed)."""
    platform_io.remove_read_only(case_dir / q.file)
    _write_index(case_dir, [e for e in entries(case_dir) if e.file != q.file])


def summary(found: list[Quarantined]) -> str:
    """One line for verify: how many files, of which originals, and what to do."""
    n = len(found)
    originals = sum(1 for q in found if q.is_original)
    what = f"{n} file{'s' if n != 1 else ''} not referenced by the database"
    if originals:
        what += f" ({originals} original{'s' if originals != 1 else ''})"
    return (f"{what}: restored an older case.sqlite or a backup? They are kept in "
            f"{FOLDER}/; see `casefile quarantine list`, then re-attach them "
            "(`casefile quarantine reattach`) or confirm their deletion with a reason "
            "(`casefile quarantine delete --reason ...`)")
