"""Portable case bundles: one zip with a consistent database snapshot, originals, working copies and
a manifest of SHA-256 hashes plus the ledger head; verified in place, restored safely."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile import __version__
from casefile.errors import CasefileError
from casefile.report.bundle_safety import FORMAT, MANIFEST
from casefile.report.pdf.build import output_error, part_name, remove_stale_parts
from casefile.store import Case, VerifyReport, headfile
from casefile.store.canonical import canonical_json
from casefile.store.case import DB_NAME

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass
class BundleResult:
    path: str
    sha256: str
    size: int
    members: int
    head_seq: int
    head_hash: str
    fingerprint: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def snapshot_db(case: Case, dest: Path) -> None:
    """A consistent copy of the case database (SQLite backup API), as one self-contained file."""
    dst = sqlite3.connect(dest)
    try:
        case.db.conn.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()


def _sha_file(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()


def _add(zf: zipfile.ZipFile, name: str, path: Path, compress: int) -> None:
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = compress
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    with open(path, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)


def bundle_case(case: Case, out: str | Path) -> BundleResult:
    """Write the case as one zip; records a 'bundled' custody event when the case is writable."""
    out = Path(out)
    # a read-only case: the snapshot goes beside the output instead of the case's tmp/
    remove_stale_parts(out)
    tmp_dir = case.path / "tmp" if case.writable else out.resolve().parent
    tmp_dir.mkdir(exist_ok=True)
    prefix = ".casefile-" if case.writable else f".{out.name}.{os.getpid()}.snapshot-"
    with tempfile.TemporaryDirectory(dir=tmp_dir, prefix=prefix) as td:
        db_copy = Path(td) / DB_NAME
        snapshot_db(case, db_copy)
        snap = sqlite3.connect(db_copy)
        try:
            files = sorted({r[0] for r in snap.execute(
                "SELECT blob_path FROM items UNION SELECT blob_path FROM derived")})
            seq, head = snap.execute(
                "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone() or (0, "0" * 64)
            meta = dict(snap.execute("SELECT key, value FROM case_meta").fetchall())
        finally:
            snap.close()
        members = [(DB_NAME, db_copy)] + [(rel, case.path / rel) for rel in files]
        entries = []
        for name, path in members:
            if not path.is_file():
                raise CasefileError(f"cannot bundle: {name} is missing from the case "
                                    "(run casefile verify)", case.path)
            entries.append({"name": name, "sha256": _sha_file(path), "size": path.stat().st_size})
        manifest = {"format": FORMAT, "format_version": 1, "casefile_version": __version__,
                    "case_id": meta.get("case_id"), "title": meta.get("title"),
                    "ledger_head": {"seq": seq, "hash": head,
                                    "fingerprint": headfile.fingerprint(seq, head)}, "members": entries}
        part = part_name(out)
        try:
            with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
                mf = zipfile.ZipInfo(MANIFEST, ZIP_TIME)
                mf.external_attr = (stat.S_IFREG | 0o644) << 16
                zf.writestr(mf, canonical_json(manifest).encode("utf-8"), zipfile.ZIP_DEFLATED)
                for name, path in members:
                    _add(zf, name, path, zipfile.ZIP_DEFLATED)
            with open(part, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(part, out)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise output_error(out, exc, sum(int(e["size"]) for e in entries)) from exc
    sha = _sha_file(out)
    result = BundleResult(str(out), sha, out.stat().st_size, len(entries) + 1, seq, head,
                          headfile.fingerprint(seq, head))
    if case.writable:
        with case.transaction():
            case.log("bundled", details={"sha256": sha, "size": result.size,
                                         "path": str(out.resolve()), "members": len(entries),
                                         "ledger_head": head})
    return result


def verify_bundle(path: str | Path, *, expect: str | None = None) -> VerifyReport:
    """Verify a bundle without unpacking it to disk: members against the manifest, then the
    database (opened in memory) with the same checks as `casefile verify`."""
    from casefile.report.bundle_verify import verify_open_bundle

    path = Path(path)
    report = VerifyReport()
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        report.add("bundle-unreadable", f"{path}: not a readable zip file ({exc})")
        return report
    with zf:
        verify_open_bundle(zf, path, report, expect=expect)
    return report


def unbundle(path: str | Path, dest: str | Path) -> dict[str, Any]:
    """Restore a bundle into a new case folder (see bundle_restore): refuses what is not the
    case's own and leaves nothing behind when it refuses or is killed."""
    from casefile.report.bundle_restore import unbundle as restore

    return restore(path, dest)
