"""The case folder: creation, opening, schema versions, lock, evidence blobs, derived files."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.errors import CaseExists, CaseLocked, NotACase, SchemaTooNew
from casefile.importers.pipeline import import_paths
from casefile.store import Case, verify_case


def test_create_lays_out_the_case_folder(tmp_path: Path) -> None:
    case = Case.create(tmp_path / "inquiry", "Flights to Caracas", investigator="A. Analyst",
                       default_tz="America/Caracas")
    try:
        assert case.path.name == "inquiry.casefile"
        for sub in ("evidence", "derived", "case.sqlite"):
            assert (case.path / sub).exists()
        assert case.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert case.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        meta = case.meta()
        assert meta["title"] == "Flights to Caracas"
        assert meta["created_by"] == "A. Analyst"
        assert meta["default_tz"] == "America/Caracas"
    finally:
        case.close()


def test_refuses_to_create_over_existing_content(tmp_path: Path) -> None:
    target = tmp_path / "x.casefile"
    target.mkdir()
    (target / "something").write_text("x")
    with pytest.raises(CaseExists, match="x.casefile"):
        Case.create(target, "t")


def test_open_rejects_a_folder_that_is_not_a_case(tmp_path: Path) -> None:
    with pytest.raises(NotACase, match=str(tmp_path)):
        Case.open(tmp_path)


def test_open_without_suffix_finds_the_case(fresh_case: Case) -> None:
    path = fresh_case.path
    fresh_case.close()
    with Case.open(path.with_name("test"), write=False) as again:
        assert again.path == path


def test_case_from_newer_schema_is_refused(fresh_case: Case) -> None:
    path = fresh_case.path
    fresh_case.close()
    conn = sqlite3.connect(path / "case.sqlite")
    conn.execute("INSERT INTO _schema VALUES ('core', 999, 'from the future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer Casefile"):
        Case.open(path)


def test_second_writer_in_another_process_is_told_who_holds_the_lock(fresh_case: Case) -> None:
    code = ("import sys\nfrom casefile.store import Case\n"
            "try:\n    Case.open(sys.argv[1])\nexcept Exception as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code, str(fresh_case.path)], capture_output=True,
                         text=True, timeout=60).stdout
    assert "case is open in another Casefile" in out
    assert f"pid {os.getpid()}" in out


def test_stale_lock_from_a_dead_process_is_recovered(tmp_path: Path) -> None:
    case = Case.create(tmp_path / "c", "t")
    case.close()
    # A process takes the lock and dies without releasing it.
    code = f"import os\nfrom casefile.store import Case\nc = Case.open(r'{case.path}')\nos._exit(0)\n"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert (case.path / "case.lock").exists()
    with Case.open(case.path) as again:
        assert again.writable


def test_lock_refused_in_same_process_for_second_handle(fresh_case: Case) -> None:
    with pytest.raises(CaseLocked):
        Case.open(fresh_case.path)


def test_blobs_are_content_addressed_read_only_and_deduplicated(fresh_case: Case, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "copy-of-a.txt"
    a.write_bytes(b"the same bytes\n")
    b.write_bytes(b"the same bytes\n")
    report = import_paths(fresh_case, [a, b], importer="file")
    assert [o.status for o in report.outcomes] == ["imported", "duplicate"]
    items = fresh_case.items()
    assert len(items) == 1
    item = items[0]
    blob = fresh_case.blob_path(item)
    assert blob.name == item["sha256"]
    assert not blob.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    acqs = fresh_case.acquisitions(item["id"])
    assert [Path(a_["original_path"]).name for a_ in acqs] == ["a.txt", "copy-of-a.txt"]
    assert len(list((fresh_case.path / "evidence").rglob("*"))) == 2  # one shard dir + one blob
    actions = [e["action"] for e in fresh_case.events(item["id"])]
    assert actions == ["imported", "acquired", "acquired-again"]


def test_item_records_hashes_mime_by_content_and_who(fresh_case: Case, tmp_path: Path) -> None:
    import hashlib

    p = tmp_path / "looks-like.txt"
    data = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    p.write_bytes(data)
    import_paths(fresh_case, [p], importer="file", source_url="https://example.org/x",
                 note="from a chat group")
    item = fresh_case.items()[0]
    assert item["sha256"] == hashlib.sha256(data).hexdigest()
    assert item["md5"] == hashlib.md5(data).hexdigest()
    assert item["mime"] == "image/png"
    assert item["size"] == len(data)
    acq = fresh_case.acquisitions(item["id"])[0]
    assert acq["acquired_by"] == "Test Investigator"
    assert acq["source_url"] == "https://example.org/x"
    assert acq["method"] == "file-import"
    assert acq["acquired_at"].endswith("Z")


def test_derived_copy_records_parent_tool_and_params(fresh_case: Case, tmp_path: Path) -> None:
    p = tmp_path / "f.bin"
    p.write_bytes(b"original")
    import_paths(fresh_case, [p], importer="file")
    item = fresh_case.items()[0]
    row = fresh_case.add_derived(item["id"], b"a working copy", kind="conversion", tool="test-tool",
                                 tool_version="1.0", params={"scale": 0.5}, mime="text/plain")
    stored = fresh_case.derivations(item["id"])
    assert [d["id"] for d in stored] == [row["id"]]
    assert stored[0]["params"] == '{"scale":0.5}'
    assert (fresh_case.path / stored[0]["blob_path"]).read_bytes() == b"a working copy"
    assert verify_case(fresh_case).ok


def test_migrations_recorded_and_idempotent(fresh_case: Case) -> None:
    from casefile.store import schema

    applied = schema.applied_versions(fresh_case.db)
    assert applied == schema.known_versions()
    path = fresh_case.path
    fresh_case.close()
    with Case.open(path) as again:
        assert schema.pending(again.db) == []


def test_worker_connection_closes_without_releasing_the_lock(fresh_case: Case) -> None:
    import threading

    errors = []

    def worker() -> None:
        try:
            with fresh_case.connect_again() as mine:
                with mine.transaction():
                    mine.insert("case_meta", {"key": "from-worker", "value": "x"})
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert errors == []
    assert fresh_case.meta()["from-worker"] == "x"
    assert fresh_case.writable
    with pytest.raises(CaseLocked):
        Case.open(fresh_case.path)


def test_a_reader_keeps_writers_out_and_says_so(fresh_case: Case) -> None:
    """A read-only opening of a still case (no writer, no WAL) reads the file as it is under a
    shared lock: a writer meanwhile is told a reader has it, not a stale host and pid."""
    path = fresh_case.path
    fresh_case.close()
    with Case.open(path, write=False) as reader:
        assert reader.read_only_how == "still"
        code = ("import sys\nfrom casefile.store import Case\n"
                "try:\n    Case.open(sys.argv[1])\nexcept Exception as e:\n    print(e)\n")
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                             text=True, timeout=60).stdout
        assert "being read by another Casefile" in out
    assert not (path / "case.sqlite-wal").exists()
    with Case.open(path) as writer:                 # once the reader is gone, writing works
        assert writer.writable
