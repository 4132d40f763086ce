"""Every corpus file imports, or is kept as plain evidence with a clear per-file warning, through
`casefile add -r`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from casefile.photos.query import list_photos
from casefile.store import Case, verify_case

#: Files that cannot be read as images at all (each kept as plain evidence, with a message naming it).
UNREADABLE = {"broken.png", "oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif"}


def _casefile(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CASEFILE_INVESTIGATOR": "Test Investigator"}
    return subprocess.run([sys.executable, "-m", "casefile", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def test_whole_corpus_folders_import_without_crash_or_hang(corpora: Path, tmp_path: Path) -> None:
    folders = [corpora / "exif-samples", corpora / "pillow-bad-images"]
    assert _casefile("new", "c", "--title", "corpus", cwd=tmp_path).returncode == 0
    run = _casefile("add", "c.casefile", *map(str, folders), "-r", "--json", cwd=tmp_path)
    report = json.loads(run.stdout)
    files = [p for f in folders for p in f.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(report["files"]) == len(files)
    by_name = {Path(o["path"]).name: o for o in report["files"]}
    for o in report["files"]:
        assert o["status"] in ("imported", "error", "duplicate"), o
        if o["status"] == "error":
            assert o["message"].startswith(o["path"]) and "\n" not in o["message"], o
    assert {n for n, o in by_name.items() if o["status"] == "error"} == set()
    for name in UNREADABLE:
        o = by_name[name]
        assert o["status"] == "imported" and o["kind"] == "file", o
        assert o["message"].startswith(o["path"]) and "kept as plain evidence" in o["message"], o
    assert "decompression bomb" in by_name["oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif"]["message"] \
        or "cannot identify" in by_name["oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif"]["message"]
    photos = [o for o in report["files"] if o["kind"] == "photo" and o["status"] == "imported"]
    assert len(photos) >= 125
    with Case.open(tmp_path / "c.casefile", write=False) as case:
        assert len(list_photos(case)) == len(photos)
        assert verify_case(case).ok
    # the command-line listing works on the whole corpus
    listing = _casefile("photos", "c.casefile", "--json", cwd=tmp_path)
    assert listing.returncode == 0 and len(json.loads(listing.stdout)) == len(photos)
