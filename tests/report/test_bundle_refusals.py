"""Bundles refuse what is not theirs (a wrong ledger head, a member no row refers to, a WAL file,
a zip that is not a case bundle) in `verify` and `unbundle`, through the CLI; a killed unbundle
leaves nothing behind."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from casefile.cli import main


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    assert main(["new", str(tmp_path / "c"), "--title", "bundle"]) == 0
    files = []
    for i in range(3):
        p = tmp_path / f"doc{i}.txt"
        p.write_text(f"document {i}\n" * 200)
        files.append(str(p))
    assert main(["add", str(tmp_path / "c.casefile"), *files]) == 0
    out = tmp_path / "case.zip"
    assert main(["bundle", str(tmp_path / "c.casefile"), "-o", str(out)]) == 0
    return out


def _forge(src: Path, dst: Path, *, manifest_change=None, add: dict[str, bytes] | None = None,
           listed: bool = True) -> Path:
    """Copy a bundle, changing the manifest and adding members (listed in it, with their hashes)."""
    with zipfile.ZipFile(src) as zin:
        manifest = json.loads(zin.read("manifest.json"))
        members = {i.filename: zin.read(i) for i in zin.infolist() if i.filename != "manifest.json"}
    for name, data in (add or {}).items():
        members[name] = data
        if listed:
            manifest["members"].append({"name": name, "size": len(data),
                                        "sha256": hashlib.sha256(data).hexdigest()})
    if manifest_change:
        manifest_change(manifest)
    with zipfile.ZipFile(dst, "w") as zout:
        zout.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zout.writestr(name, data)
    return dst


def _both_refuse(zpath: Path, dest: Path, capsys, words: str) -> None:
    capsys.readouterr()
    assert main(["verify", str(zpath)]) == 1
    assert words in capsys.readouterr().out
    assert main(["unbundle", str(zpath), str(dest)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and len(err.strip().splitlines()) == 1, err
    assert not dest.exists()
    assert not list(dest.parent.glob(".casefile-unbundle-*"))


def test_the_bundle_itself_restores(bundle: Path, tmp_path: Path) -> None:
    assert main(["verify", str(bundle)]) == 0
    assert main(["unbundle", str(bundle), str(tmp_path / "r")]) == 0
    assert main(["verify", str(tmp_path / "r")]) == 0


def test_wrong_ledger_head_in_the_manifest(bundle: Path, tmp_path: Path, capsys) -> None:
    def wrong(m: dict) -> None:
        m["ledger_head"]["hash"] = "ab" * 32

    forged = _forge(bundle, tmp_path / "f.zip", manifest_change=wrong)
    _both_refuse(forged, tmp_path / "r", capsys, "the manifest names ledger head")


def test_listed_member_no_row_refers_to(bundle: Path, tmp_path: Path, capsys) -> None:
    extra = b"not evidence of this case\n" * 1000
    sha = hashlib.sha256(extra).hexdigest()
    forged = _forge(bundle, tmp_path / "f.zip", add={f"evidence/{sha[:2]}/{sha}": extra})
    _both_refuse(forged, tmp_path / "r", capsys, "no row of the database refers to it")


def test_wal_file_member(bundle: Path, tmp_path: Path, capsys) -> None:
    forged = _forge(bundle, tmp_path / "f.zip", add={"case.sqlite-wal": b"\x37\x7f\x06\x82" + bytes(60)})
    _both_refuse(forged, tmp_path / "r", capsys, "not a case file")


def test_zip_that_is_not_a_case_bundle(tmp_path: Path, capsys) -> None:
    db = tmp_path / "other.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    data = db.read_bytes()
    manifest = {"format": "casefile-bundle", "format_version": 1, "ledger_head": {"seq": 0,
                "hash": "0" * 64}, "members": [{"name": "case.sqlite", "size": len(data),
                                                "sha256": hashlib.sha256(data).hexdigest()}]}
    zpath = tmp_path / "other.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("case.sqlite", data)
    _both_refuse(zpath, tmp_path / "r", capsys, "not a Casefile case database")
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _both_refuse(plain, tmp_path / "r2", capsys, "no manifest.json")


def test_killed_unbundle_leaves_nothing(bundle: Path, tmp_path: Path) -> None:
    """SIGKILL to the restore's whole process group mid-restore: no staging folder remains."""
    big = os.urandom(64 << 20)
    case = tmp_path / "c.casefile"
    (tmp_path / "big.bin").write_bytes(big)
    assert main(["add", str(case), str(tmp_path / "big.bin")]) == 0
    zpath = tmp_path / "big.zip"
    assert main(["bundle", str(case), "-o", str(zpath)]) == 0
    dest_parent = tmp_path / "restores"
    dest_parent.mkdir()
    mid = 0
    for delay in (0.3, 0.8):
        proc = subprocess.Popen([sys.executable, "-m", "casefile", "unbundle", str(zpath),
                                 str(dest_parent / f"r{delay}")], start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not list(dest_parent.glob(".casefile-unbundle-*")):
            time.sleep(0.01)
        time.sleep(delay / 10)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and list(dest_parent.glob(".casefile-unbundle-*")):
            time.sleep(0.05)
        mid += not (dest_parent / f"r{delay}").exists()
        left = [p.name for p in dest_parent.iterdir() if not p.name.startswith("r")]
        assert left == [], left
    assert mid >= 1, "every restore finished before the kill: make the bundle bigger"


def test_verify_a_bundle_against_a_noted_fingerprint(bundle: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["verify", str(bundle), "--json"]) == 0
    noted = json.loads(capsys.readouterr().out)["fingerprint"]
    assert main(["verify", str(bundle), "--expect", noted]) == 0
    seq = int(noted.split("-")[0])
    capsys.readouterr()
    assert main(["verify", str(bundle), "--expect", f"{seq + 5}-{'ab' * 8}"]) == 1
    assert f"records event {seq + 5}" in capsys.readouterr().out
