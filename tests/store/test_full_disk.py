"""A full disk (a real small tmpfs, see media): one line naming the disk and the space needed, no
traceback; a failed import leaves none of its files; verify and a report to another disk still
work on the full disk; verify names what is left and why."""

from __future__ import annotations

import os
from pathlib import Path

from tests.store.media import run_on_small_disk


def test_full_disk(corpora: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    case = str(disk / "c.casefile")
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024))          # more than the disk has left
    photo = str(corpora / "exif-samples/jpg/gps/DSCN0010.jpg")
    out = tmp_path / "out"
    out.mkdir()
    results = run_on_small_disk(disk, 2500, [
        ["new", str(disk / "c"), "--title", "Full disk"],
        ["add", case, photo],
        ["add", case, str(big)],                                      # 2: does not fit
        ["!sh", f"ls -A {case}/tmp; find {case}/evidence -type f | wc -l"],
        ["!sh", f"dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null; true"],   # 4: disk full
        ["verify", case],
        ["report", case, "-o", str(out / "r.pdf"), "--sections", "summary,custody"],
        ["items", case],
        ["note", "add", case, "case", "written on a full disk"],      # 8
        ["export", case, "--format", "csv", "-o", str(disk / "items.csv")],   # 9: to the full disk
        ["!sh", f"rm {disk}/filler"],
        ["verify", case],                                             # 11
        ["!sh", f"ls -A {case}/tmp; find {case}/evidence -type f | wc -l; ls -A {disk}"],
    ], tmp_path, env={**os.environ})
    for r in results:
        assert "Traceback" not in r["err"] and r["code"] != "crash", r
    assert results[0]["code"] == 0 and results[1]["code"] == 0, results[:2]
    failed = results[2]
    assert failed["code"] == 1
    line = [x for x in failed["err"].splitlines() if "full" in x]
    assert len(line) == 1 and "the disk holding" in line[0] and "free" in line[0], failed["err"]
    assert "is needed" in line[0]
    assert results[3]["out"].split() == ["1"], results[3]      # tmp/ empty, one original
    for i in (5, 6, 7):
        assert results[i]["code"] == 0, results[i]               # reading needs no space
    assert (out / "r.pdf").stat().st_size > 1000
    for i in (8, 9):
        r = results[i]
        assert r["code"] == 1 and r["err"].count("\n") == 1, r
        assert "the disk holding" in r["err"] and "is full" in r["err"], r
    assert results[11]["code"] == 0, results[11]["out"]
    left = results[12]["out"].split()
    assert left[0] == "1" and "items.csv" not in left and not any(".part" in x for x in left)


def test_verify_names_an_unfinished_import_as_such(fresh_case, tmp_path: Path) -> None:
    """An import killed after writing a blob (its journal lists it): verify says so and changes
    nothing; `casefile recover` removes it, recorded; then verify is clean."""
    from casefile.cli import main
    from casefile.store import Case, blobs

    path = fresh_case.path
    fresh_case.close()
    rel = blobs.blob_relpath("cd" + "1" * 62)
    (path / rel).parent.mkdir(parents=True, exist_ok=True)
    (path / rel).write_bytes(b"half an import")
    (path / "tmp" / f"journal-{os.getpid() + 1}-1.txt").write_text(rel + "\n")
    report = None
    with Case.open(path, write=False) as case:
        from casefile.store import verify_case

        report = verify_case(case)
    [problem] = report.problems
    assert problem.kind == "unfinished-import" and "restored an older" not in problem.message
    assert "casefile recover CASE" in problem.message and (path / rel).exists()
    assert main(["recover", str(path)]) == 0
    with Case.open(path, write=False) as case:
        assert verify_case(case).ok and not (path / rel).exists()
        assert case.events()[-1]["action"] == "recovered"
