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
