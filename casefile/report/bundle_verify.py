"""Verify an open bundle in place: every member against the manifest, then the database snapshot
(deserialised into memory, never written to disk) with the store's own checks."""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
import zlib
from pathlib import Path

import sqlite_utils

from casefile.report.bundle_restore import case_member_problem, database_problem, referenced
from casefile.report.bundle_safety import MANIFEST, hash_member, read_manifest, structure_problems
from casefile.store import Case, VerifyReport, verify_case
from casefile.store import schema as store_schema
from casefile.store.case import DB_NAME
from casefile.store.rows import DerivedRow, ItemRow

_BLOB_KINDS = {"original-changed", "derived-changed"}


def verify_open_bundle(zf: zipfile.ZipFile, path: Path, report: VerifyReport, *,
                       expect: str | None = None) -> None:
    """Fill `report` with every problem found in the bundle."""
    for name, why in structure_problems(zf):
        report.add("bundle-unsafe", f"{path}: member {name!r}: {why}", target=name)
    try:
        manifest = read_manifest(zf)
    except ValueError as exc:
        report.add("bundle-manifest", f"{path}: {exc}")
        return
    expected = {m["name"]: m for m in manifest["members"]}
    actual = {i.filename: i for i in zf.infolist() if not i.is_dir()}
    hashes: dict[str, str] = {}
    for name in sorted(set(actual) - set(expected) - {MANIFEST}):
        report.add("bundle-extra", f"{path}: member {name} is not listed in the manifest",
                   target=name)
    for name in sorted(expected):
        if problem := case_member_problem(name):
            report.add("bundle-unsafe", f"{path}: member {name!r}: {problem}", target=name)
    for name, entry in sorted(expected.items()):
        info = actual.get(name)
        if info is None:
            report.add("bundle-missing", f"{path}: {name} is listed in the manifest but missing",
                       target=name)
            continue
        try:
            sha, size = hash_member(zf, info, entry["size"])
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            report.add("bundle-member-damaged", f"{path}: {name} cannot be read intact ({exc})",
                       target=name)
            continue
        hashes[name] = sha
        if size != entry["size"] or info.file_size != entry["size"]:
            report.add("bundle-member-size", f"{path}: {name} is {max(size, info.file_size)} bytes, "
                       f"the manifest says {entry['size']}", target=name)
        elif sha != entry["sha256"]:
            report.add("bundle-member-changed", f"{path}: {name} has changed: SHA-256 {sha}, the "
                       f"manifest says {entry['sha256']}", target=name)
    report.counts["members"] = len(expected)
    if DB_NAME not in hashes:
        report.add("bundle-database", f"{path}: no readable {DB_NAME} in the bundle")
        return
    _verify_database(zf, path, report, manifest, hashes, expect)


def _verify_database(zf: zipfile.ZipFile, path: Path, report: VerifyReport, manifest: dict,
                     hashes: dict[str, str], expect: str | None = None) -> None:
    """The database is streamed (size-checked against the manifest) into a temporary file and
    opened read-only there: a multi-GiB database costs disk, not memory."""
    size = next(m["size"] for m in manifest["members"] if m["name"] == DB_NAME)
    with tempfile.TemporaryDirectory(prefix="casefile-verify-") as td:
        copy = Path(td) / DB_NAME
        try:
            with open(copy, "xb") as out:
                _sha, got = hash_member(zf, zf.getinfo(DB_NAME), size, sink=out)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            report.add("bundle-database", f"{path}: {DB_NAME} cannot be read ({exc})")
            return
        if got != size:
            report.add("bundle-database", f"{path}: {DB_NAME} is not the size the manifest says")
            return
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            db = sqlite_utils.Database(conn)
            why = database_problem(db)
        except sqlite3.DatabaseError as exc:
            why = f"{DB_NAME} is not a readable database ({exc})"
        if why:
            conn.close()
            report.add("bundle-database", f"{path}: {why}: not a case bundle")
            return
        store_schema.known_versions()  # registers every part's tracked tables
        case = Case(path, sqlite_utils.Database(conn), None, "verify")
        try:
            inner = verify_case(case, record=False, head_file=False, expect=expect)
            _check_bundle_blobs(case, path, report, hashes)
            for name in sorted(set(hashes) - referenced(case.db) - {DB_NAME}):
                report.add("bundle-unreferenced", f"{path}: member {name} is listed but no row of "
                           "the database refers to it (not this case's file)", target=name)
        finally:
            case.close()
    for p in inner.problems:
        if p.kind not in _BLOB_KINDS:
            report.problems.append(p)
            report.ok = False
    report.counts.update({k: v for k, v in inner.counts.items() if k != "members"})
    report.head_hash = inner.head_hash
    report.fingerprint = inner.fingerprint
    head = manifest.get("ledger_head") or {}
    if head.get("hash") != inner.head_hash:
        report.add("bundle-head", f"{path}: the manifest names ledger head {head.get('hash')}, the "
                   f"database's ledger ends at {inner.head_hash}")


def _check_bundle_blobs(case: Case, path: Path, report: VerifyReport,
                        hashes: dict[str, str]) -> None:
    """Every original and working copy the database names is in the bundle with its recorded hash."""
    files = [("items", "original", r["id"], r["id"], r["blob_path"], r["sha256"])
             for r in case.select(ItemRow, "SELECT * FROM items")]
    files += [("derived", "derived", r["id"], r["item_id"], r["blob_path"], r["sha256"])
              for r in case.select(DerivedRow, "SELECT * FROM derived")]
    for table, kind, row_id, iid, blob_path, sha256 in files:
        got = hashes.get(blob_path)
        if got is None:
            report.add(f"{kind}-missing", f"{path}: {kind} file {blob_path} of item {iid} "
                       "is not in the bundle (or could not be read)", item_id=iid, table=table,
                       target=row_id)
        elif got != sha256:
            report.add(f"{kind}-changed", f"{path}: {kind} file {blob_path} has SHA-256 "
                       f"{got}, the case recorded {sha256}", item_id=iid, table=table,
                       target=row_id)
