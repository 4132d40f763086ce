"""Restoring a bundle into a new case folder: only what is a case's own (its database, and the
files its rows refer to, each with the manifest's hash and the database's ledger head), checked
before anything lands; a refusal or a killed restore leaves nothing behind."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
import stat
import sys
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from casefile.errors import CorruptFile, InvalidInput
from casefile.report.bundle_safety import (
    MANIFEST,
    hash_member,
    read_manifest,
    structure_problems,
    unsafe_name,
)
from casefile.store import Case, VerifyReport, headfile, verify_case
from casefile.store import schema as store_schema
from casefile.store.case import DB_NAME
from casefile.store.platform_io import process_alive

#: staging folders are named so that a later restore finds and removes one a killed restore left
STAGING = ".casefile-unbundle-"


def case_member_problem(name: str) -> str | None:
    """Why a manifest member is not a case's own file, or None."""
    why = unsafe_name(name)
    if why is None and name != DB_NAME and not name.startswith(("evidence/", "derived/")):
        why = ("not a case file (only case.sqlite, evidence/ and derived/ belong in a bundle; a "
               "-wal or -shm file would change the database after its hash was checked)")
    return why


def database_problem(db: sqlite_utils.Database) -> str | None:
    """Why this SQLite file is not a Casefile case database, or None."""
    names = set(db.table_names())
    missing = {"_schema", "ledger", "items", "derived", "case_meta"} - names
    if missing:
        return f"{DB_NAME} is not a Casefile case database (no {', '.join(sorted(missing))} table)"
    return None


def referenced(db: sqlite_utils.Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT blob_path FROM items UNION SELECT blob_path FROM derived")}


def head_of(db: sqlite_utils.Database) -> tuple[int, str]:
    row = db.execute("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "0" * 64)


def remove_stale_staging(parent: Path) -> list[str]:
    """Staging folders of restores whose process is gone (killed): removed."""
    removed: list[str] = []
    if not parent.is_dir():
        return removed
    for entry in parent.iterdir():
        if not entry.name.startswith(STAGING) or not entry.is_dir():
            continue
        try:
            pid = int(entry.name[len(STAGING):].split(".", 1)[0])
        except ValueError:
            continue
        if pid != os.getpid() and not process_alive(pid):
            remove_tree(entry)
            removed.append(entry.name)
    return removed


@contextlib.contextmanager
def _janitor(staging: Path) -> Iterator[None]:
    """A watcher process that removes the staging folder if this process dies before it is done
    (SIGKILL included): it waits on a pipe that only this process holds open. The folder is made
    only once the janitor has its own session (it says so on a second pipe), so a kill of the
    restore's whole process group can never catch the janitor before it left the group."""
    if not hasattr(os, "fork") or sys.platform == "win32":
        staging.mkdir(mode=0o700)
        yield
        return
    read_fd, write_fd = os.pipe()
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:   # the janitor: its own session, so a signal to the restore's group spares it
        try:
            os.close(write_fd)
            os.close(ready_r)
            os.setsid()
            os.write(ready_w, b"1")
            os.close(ready_w)
            while os.read(read_fd, 1):
                pass
            if staging.exists():
                remove_tree(staging)
        finally:
            os._exit(0)
    os.close(read_fd)
    os.close(ready_w)
    os.read(ready_r, 1)
    os.close(ready_r)
    staging.mkdir(mode=0o700)
    try:
        yield
    finally:
        os.close(write_fd)   # the janitor wakes, finds the folder gone (or removes it) and exits
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def unbundle(path: str | Path, dest: str | Path) -> dict[str, Any]:
    """Restore a bundle into a new case folder; refuses what is not the case's own (unsafe or
    unlisted members, files no row refers to, a -wal file, a database that is not a case's or
    whose ledger head is not the manifest's) and leaves nothing behind when it refuses."""
    path, dest = Path(path), Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise InvalidInput("the destination exists and is not an empty folder", dest)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise CorruptFile(f"not a readable zip file ({exc})", path) from exc
    with zf:
        expected = _checked_members(zf, path)
        parent = dest.parent
        parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(parent)
        staging = parent / f"{STAGING}{os.getpid()}.{secrets.token_hex(6)}"
        with _janitor(staging):
            try:
                report = _restore_into(zf, path, staging, expected)
                if dest.exists():
                    dest.rmdir()
                os.replace(staging, dest)
            except BaseException:
                if staging.exists():
                    remove_tree(staging)
                raise
    return {"path": str(dest), "members": len(expected), "ledger_head": report[1],
            "verify": report[0].to_dict()}


def _checked_members(zf: zipfile.ZipFile, path: Path) -> dict[str, dict[str, Any]]:
    bad = next(structure_problems(zf), None)
    if bad:
        raise CorruptFile(f"refused: member {bad[0]!r}: {bad[1]}", path)
    try:
        manifest = read_manifest(zf)
    except ValueError as exc:
        raise CorruptFile(f"refused: {exc}", path) from None
    expected = {m["name"]: m for m in manifest["members"]}
    names = {i.filename for i in zf.infolist() if not i.is_dir()} - {MANIFEST}
    for name in sorted(names - set(expected)):
        raise CorruptFile(f"refused: member {name!r} is not listed in the manifest", path)
    for name in sorted(set(expected) - names):
        raise CorruptFile(f"refused: member {name!r} listed in the manifest is missing", path)
    for name in sorted(expected):
        why = case_member_problem(name)
        if why:
            raise CorruptFile(f"refused: manifest member {name!r}: {why}", path)
    if DB_NAME not in expected:
        raise CorruptFile(f"refused: no {DB_NAME} in the bundle (not a case bundle)", path)
    head = manifest.get("ledger_head")
    if not isinstance(head, dict) or not isinstance(head.get("hash"), str):
        raise CorruptFile("refused: the manifest names no ledger head", path)
    return {**expected, MANIFEST: {"ledger_head": head}}


def _restore_into(zf: zipfile.ZipFile, path: Path, staging: Path,
                  expected: dict[str, dict[str, Any]]) -> tuple[VerifyReport, dict[str, Any]]:
    head = expected.pop(MANIFEST)["ledger_head"]
    restore_member(zf, path, staging, DB_NAME, expected[DB_NAME])
    conn = sqlite3.connect(f"{(staging / DB_NAME).resolve().as_uri()}?mode=ro", uri=True)
    try:
        db = sqlite_utils.Database(conn)
        try:
            why = database_problem(db)
            seq, head_hash = head_of(db) if why is None else (0, "")
            refs = referenced(db) if why is None else set()
        except sqlite3.DatabaseError as exc:
            why = f"{DB_NAME} is not a readable database ({exc})"
        if why:
            raise CorruptFile(f"refused: {why}", path)
        if head_hash != head["hash"]:
            raise CorruptFile(f"refused: the manifest names ledger head {head['hash'][:16]}…, the "
                              f"database's ledger ends at event {seq} ({head_hash[:16]}…): the "
                              "bundle was altered after it was made", path)
        extra = sorted(set(expected) - refs - {DB_NAME})
        if extra:
            raise CorruptFile(f"refused: {len(extra)} member(s) no row of the database refers to, "
                              f"e.g. {extra[0]!r} (not this case's file)", path)
    finally:
        conn.close()
    for name in sorted(expected):
        if name != DB_NAME:
            restore_member(zf, path, staging, name, expected[name])
    (staging / "tmp").mkdir(exist_ok=True)
    report = verify_restored(staging)
    if not report.ok:
        first = report.problems[0]
        raise CorruptFile(f"refused: the restored case does not verify ({len(report.problems)} "
                          f"problem(s); first: {first.message})", path)
    return report, {"seq": seq, "hash": head_hash}


def verify_restored(root: Path) -> VerifyReport:
    """Verify the restored case through a read-only connection (which leaves the file untouched,
    so the restored database stays bit-for-bit the bundled one), then keep its head file."""
    store_schema.known_versions()
    conn = sqlite3.connect(f"{(root / DB_NAME).resolve().as_uri()}?mode=ro", uri=True)
    case = Case(root, sqlite_utils.Database(conn), None, "verify")
    try:
        report = verify_case(case, record=False, head_file=False)
        headfile.write(root, case.db, force=True)   # the restored ledger's head, kept beside it from now on
        return report
    finally:
        case.close()


def restore_member(zf: zipfile.ZipFile, bundle: Path, root: Path, name: str,
                   entry: dict[str, Any]) -> None:
    info = zf.getinfo(name)
    if info.file_size != entry["size"]:
        raise CorruptFile(f"refused: member {name!r} is {info.file_size} bytes, the manifest says "
                          f"{entry['size']}", bundle)
    target = root / name
    if root.resolve() not in target.resolve().parents:
        raise CorruptFile(f"refused: member {name!r} would land outside the destination", bundle)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "xb") as out:
            sha, size = hash_member(zf, info, entry["size"], sink=out)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise CorruptFile(f"refused: member {name!r} is damaged ({exc})", bundle) from None
    if size != entry["size"]:
        raise CorruptFile(f"refused: member {name!r} holds more or fewer bytes than the manifest "
                          f"says ({entry['size']})", bundle)
    if sha != entry["sha256"]:
        raise CorruptFile(f"refused: member {name!r} has SHA-256 {sha}, the manifest says "
                          f"{entry['sha256']}", bundle)
    if name.startswith(("evidence/", "derived/")):
        os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def remove_tree(root: Path) -> None:
    def writable(fn: Any, p: str, _exc: Any) -> None:
        os.chmod(p, 0o700 if os.path.isdir(p) else 0o600)
        fn(p)

    shutil.rmtree(root, onerror=writable)
