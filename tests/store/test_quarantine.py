"""Evidence is never deleted by Casefile: files no row refers to are quarantined and reported;
recovery removes only what an import's own journal says it wrote."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from casefile.importers.pipeline import import_paths
from casefile.store import Case, blobs, quarantine, quarantine_ops, verify_case


def _files(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for name in names:
        p = folder / name
        p.write_text(f"{name}: a document the investigator collected\n" * 40)
        out.append(p)
    return out


def _backup(case_path: Path, dest: Path) -> None:
    src, dst = sqlite3.connect(case_path / "case.sqlite"), sqlite3.connect(dest)
    src.backup(dst)
    src.close()
    dst.close()


def _restore(case_path: Path, backup: Path) -> None:
    for extra in ("case.sqlite-wal", "case.sqlite-shm"):
        (case_path / extra).unlink(missing_ok=True)
    shutil.copyfile(backup, case_path / "case.sqlite")


def _sha_on_disk(case_path: Path) -> set[str]:
    return {blobs.hash_file(p)[0] for p in case_path.rglob("*")
            if p.is_file() and ("evidence" in p.parts or "quarantine" in p.parts)
            and p.name != quarantine.INDEX}


def test_restoring_an_older_database_loses_no_original(tmp_path: Path) -> None:
    case = Case.create(tmp_path / "restore", "restore test")
    path = case.path
    import_paths(case, _files(tmp_path / "in", ["a.txt", "b.txt"]), workers=1, importer="file")
    case.close()
    _backup(path, tmp_path / "old.sqlite")
    with Case.open(path) as case:
        import_paths(case, _files(tmp_path / "in", ["c.txt", "d.txt"]), workers=1, importer="file")
        originals = {i["sha256"] for i in case.items()}
    assert len(originals) == 4
    _restore(path, tmp_path / "old.sqlite")

    with Case.open(path) as case:          # opening for writing (as verify does) deletes nothing
        assert _sha_on_disk(path) == originals
        report = verify_case(case)
        assert not report.ok
        kinds = {p.kind: p.message for p in report.problems}
        assert "2 files not referenced by the database (2 originals)" in kinds["quarantined"]
        assert "restored an older case.sqlite" in kinds["quarantined"]
        assert "events were removed" in kinds["head-file"]   # the head file outside the database
        held = quarantine.entries(path)
        assert {q.was for q in held} == {blobs.blob_relpath(q.sha256) for q in held}
        logged = [e for e in case.events() if e["action"] == "quarantined"]
        assert {f["sha256"] for f in logged[0]["details"]["files"]} == {q.sha256 for q in held}

        for q in held:                      # re-attach: import the bytes again, then release
            import_paths(case, [path / q.file], workers=1, importer="file")
            quarantine_ops.reattached(case, q)
        case.accept_ledger_head("restored case.sqlite from the backup of the first import")
        report = verify_case(case)
        assert report.ok, [p.message for p in report.problems]
        assert {i["sha256"] for i in case.items()} == originals
    assert _sha_on_disk(path) == originals   # every original present, in evidence/
    assert all((path / blobs.blob_relpath(s)).is_file() for s in originals)


def test_deleting_a_quarantined_file_needs_a_reason_and_is_logged(fresh_case: Case,
                                                                   tmp_path: Path) -> None:
    import pytest

    from casefile.errors import InvalidInput

    stray = fresh_case.path / "evidence" / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"a file a sync tool put here")
    fresh_case.close()
    with Case.open(fresh_case.path) as case:
        [q] = quarantine.entries(case.path)
        assert not stray.exists() and (case.path / q.file).read_bytes() == b"a file a sync tool put here"
        with pytest.raises(InvalidInput):
            quarantine_ops.confirm_deletion(case, q, " ")
        quarantine_ops.confirm_deletion(case, quarantine.find(case.path, q.sha256[:8]),
                                        "a stray copy from the sync tool, not evidence")
        assert quarantine.entries(case.path) == []
        last = case.events()[-1]
        assert last["action"] == "quarantine-deleted" and last["details"]["file"]["sha256"] == q.sha256
        assert verify_case(case).ok


def test_recovery_removes_only_what_the_journal_lists(fresh_case: Case, tmp_path: Path) -> None:
    """A killed import's journalled blob is removed; a file no journal names is quarantined."""
    path = fresh_case.path
    fresh_case.close()
    written = blobs.blob_relpath("cd" + "1" * 62)
    stranger = blobs.blob_relpath("ef" + "2" * 62)
    for rel in (written, stranger):
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        (path / rel).write_bytes(rel.encode())
    (path / "tmp" / f"journal-{os.getpid() + 1}-1.txt").write_text(written + "\n../case.sqlite\n")
    with Case.open(path) as case:
        assert not (path / written).exists()
        assert [q.was for q in quarantine.entries(path)] == [stranger]
        assert (path / "case.sqlite").is_file()         # a journal never names anything else
        actions = [e["action"] for e in case.events()[-2:]]
        assert actions == ["recovered", "quarantined"]
        assert list((path / "tmp").iterdir()) == []


def test_restore_an_old_database_through_the_cli(corpora: Path, tmp_path: Path, capsys) -> None:
    """Photos (with working copies) imported after a backup; the backup restored; the CLI names
    the quarantined files, re-attaches every one and accepts the head: every original present."""
    from casefile.cli import main

    photos = sorted((corpora / "exif-samples" / "jpg" / "gps").glob("*.jpg"))[:3]
    assert main(["new", str(tmp_path / "c"), "--title", "restore"]) == 0
    case = str(tmp_path / "c.casefile")
    path = Path(case)
    assert main(["add", case, *map(str, _files(tmp_path / "in", ["a.txt"]))]) == 0
    _backup(path, tmp_path / "old.sqlite")
    assert main(["add", case, *map(str, photos)]) == 0
    with Case.open(path, write=False) as c:
        originals = {i["sha256"] for i in c.items()}
    _restore(path, tmp_path / "old.sqlite")
    capsys.readouterr()
    before = sorted(p.relative_to(path) for p in path.rglob("*"))
    assert main(["verify", case]) == 1
    out = capsys.readouterr().out
    assert "3 originals" in out and "FAIL head-file" in out and "casefile recover" in out
    assert sorted(p.relative_to(path) for p in path.rglob("*")) == before   # verify moved nothing
    assert main(["recover", case]) == 0
    assert "quarantined" in capsys.readouterr().out
    assert main(["quarantine", "list", case, "--json"]) == 0
    held = json.loads(capsys.readouterr().out)["files"]
    assert {q["sha256"] for q in held if q["was"].startswith("evidence/")} == originals - {
        blobs.hash_file(tmp_path / "in" / "a.txt")[0]}
    assert main(["quarantine", "reattach", case]) == 0
    assert main(["ledger", "accept-head", case, "--reason", "restored the backup on purpose"]) == 0
    capsys.readouterr()
    assert main(["verify", case]) == 0, capsys.readouterr().out
    with Case.open(path, write=False) as c:
        assert {i["sha256"] for i in c.items()} == originals
    assert quarantine.entries(path) == []
