"""A case on read-only media (a real read-only mount, see media) is listed, searched,
verified, reported and exported elsewhere without writing anything; a write says "the case is
read-only (…)", never "damaged"; verify changes nothing on writable media either."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.errors import ReadOnlyCase
from casefile.store import Case
from tests.store.media import run_read_only


def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under the folder: size and SHA-256 (names included: nothing added or removed)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(folder))] = (p.stat().st_size,
                                               hashlib.sha256(p.read_bytes()).hexdigest())
    return out


@pytest.fixture
def small_case(corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A photo, a flight file, a source, a claim and a note, written by the CLI and closed."""
    case = tmp_path / "ro.casefile"
    assert main(["new", str(tmp_path / "ro"), "--title", "Read-only media"]) == 0
    assert main(["add", str(case), str(corpora / "exif-samples/jpg/gps/DSCN0010.jpg"),
                 str(corpora / "flights/gpx/SkyDolly_Nile.gpx")]) == 0
    assert main(["source", "add", str(case), "--title", "A news page", "--url",
                 "https://example.org/a"]) == 0
    assert main(["claim", "add", str(case), "The aircraft flew over the Nile", "--source",
                 "S1", "--when", "2021-03-01"]) == 0
    assert main(["note", "add", str(case), "C1", "checked against the GPX track"]) == 0
    capsys.readouterr()
    return case


def test_verify_changes_nothing(small_case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """verify writes no file, no event and no head; its messages name the repair commands."""
    stray = small_case / "evidence" / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"not in the database")
    (small_case / "ledger-head.json").unlink()
    before = _snapshot(small_case)
    for _ in range(2):   # a second verify says the same: the first repaired nothing
        assert main(["verify", str(small_case)]) == 1
        out = capsys.readouterr().out
        assert "ledger-head.json is missing" in out and "casefile ledger accept-head" in out
        assert "FAIL unreferenced" in out and "casefile recover CASE" in out
        assert _snapshot(small_case) == before
    assert not (small_case / "case.sqlite-wal").exists()   # read as it is: no WAL, no index
    assert not (small_case / "case.sqlite-shm").exists()


def test_read_only_media(small_case: Path, tmp_path: Path) -> None:
    (small_case / "case.lock").unlink()   # a copy burned to a DVD need not carry one
    before = _snapshot(small_case)
    out = tmp_path / "out"
    out.mkdir()
    c = str(small_case)
    reads = [["items", c], ["search", c, "Nile"], ["claim", "list", c], ["photos", c],
             ["timeline", c], ["xref", c, "--no-run"], ["log", c], ["verify", c],
             ["report", c, "-o", str(out / "r.pdf"), "--sections", "summary,custody"],
             ["export", c, "--format", "csv", "-o", str(out / "items.csv")],
             ["bundle", c, "-o", str(out / "b.zip")],
             ["gui", c, "--screenshot", str(out / "window.png")]]
    writes = [["note", "add", c, "C1", "one more"], ["add", c, str(out / "items.csv")],
              ["recover", c]]
    results = run_read_only(small_case, reads + writes, tmp_path, env={**os.environ})
    for r in results[:len(reads)]:
        assert r["code"] == 0, (r["argv"], r["out"], r["err"])
        assert "damaged" not in r["err"]
    by_cmd = {r["argv"][0]: r for r in results[:len(reads)]}
    assert "1 items" not in by_cmd["items"]["out"] and "2 items" in by_cmd["items"]["out"]
    assert "not recorded in the custody ledger: the case is read-only" in by_cmd["report"]["out"]
    assert "fingerprint" in by_cmd["bundle"]["out"]
    for r in results[len(reads):]:
        assert r["code"] == 1, (r["argv"], r["out"], r["err"])
        assert r["err"].startswith("casefile: error: ") and "the case is read-only (it is on a " \
            "read-only file system" in r["err"], r["err"]
        assert "Traceback" not in r["err"] and "damaged" not in r["err"]
    assert (out / "r.pdf").stat().st_size > 1000 and (out / "b.zip").is_file()
    assert (out / "window.png").stat().st_size > 1000
    assert main(["verify", str(out / "b.zip")]) == 0
    assert _snapshot(small_case) == before       # nothing written, not even a lock file
    assert not (small_case / "case.lock").exists()


def test_read_only_media_with_a_wal_left_behind(small_case: Path, tmp_path: Path) -> None:
    """A copy taken while Casefile had the case open (its WAL beside it) is read with the WAL:
    the last committed events are not lost to the reader."""
    import sqlite3

    keep = sqlite3.connect(small_case / "case.sqlite")   # holds the WAL open while we copy
    keep.execute("PRAGMA journal_mode=WAL")
    keep.execute("PRAGMA wal_autocheckpoint=0")
    with Case.open(small_case) as case:
        with case.transaction():
            case.log("test-event", details={"why": "kept only in the WAL"})
        n = case.head()[0]
    copy = tmp_path / "copy.casefile"
    import shutil

    shutil.copytree(small_case, copy)
    keep.close()
    assert (copy / "case.sqlite-wal").stat().st_size > 0
    results = run_read_only(copy, [["log", str(copy), "--json"], ["verify", str(copy)]], tmp_path,
                            env={**os.environ})
    assert results[0]["code"] == 0, results[0]["err"]
    import json

    assert json.loads(results[0]["out"])[-1]["seq"] == n
    assert results[1]["code"] == 0, results[1]["out"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes whatever the permission bits say")
def test_write_to_a_folder_marked_read_only(small_case: Path) -> None:
    """A case.sqlite marked read-only (permissions) is refused for writing with the reason, and
    still opens for reading."""
    db = small_case / "case.sqlite"
    db.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyCase, match=r"the case is read-only \(case.sqlite is marked"):
            Case.open(small_case)
        with Case.open(small_case, write=False) as case:
            assert len(case.items()) == 2 and not case.writable
            with pytest.raises(ReadOnlyCase):
                with case.transaction():
                    pass
    finally:
        db.chmod(0o644)
