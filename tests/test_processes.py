"""Clean messages and processes: library warnings become the file's notes, a damaged database is
one line, and worker processes end with a killed parent (through the CLI)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image

from casefile.cli import main


def _session(sid: int) -> list[int]:
    out = []
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                out.append(int(p))
    return out


def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    base = tmp_path / "base.png"
    Image.new("RGBA", (5000, 5000), (9, 90, 200, 255)).save(base)
    files = []
    for i in range(6):       # different bytes (after the image's end), slow to decode
        p = tmp_path / f"slow{i}.png"
        p.write_bytes(base.read_bytes() + bytes([i]) * 16)
        files.append(str(p))
    assert main(["new", str(tmp_path / "c"), "--title", "kill"]) == 0
    proc = subprocess.Popen([sys.executable, "-m", "casefile", "add", str(tmp_path / "c.casefile"),
                             *files], start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_session(proc.pid)) < 3:   # parent + workers
        time.sleep(0.05)
    assert len(_session(proc.pid)) >= 3, "no worker processes started"
    os.kill(proc.pid, signal.SIGKILL)          # the parent only, as a crash or `kill -9` would
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _session(proc.pid):
        time.sleep(0.1)
    assert _session(proc.pid) == [], "worker processes outlived their parent"


def test_library_warnings_become_the_files_notes(corpora: Path, tmp_path: Path, capfd) -> None:
    bad = corpora / "pillow-bad-images"
    assert main(["new", str(tmp_path / "c"), "--title", "notes"]) == 0
    capfd.readouterr()
    main(["add", str(tmp_path / "c.casefile"), str(bad), "--recursive", "--json"])
    out, err = capfd.readouterr()
    assert "More samples per pixel" not in err       # not a line on the terminal naming no file
    files = json.loads(out)["files"]
    noted = [f for f in files if "More samples per pixel" in (f.get("message") or "")]
    assert noted and all(f["path"].endswith((".tif", ".tiff")) for f in noted), noted


def test_damaged_database_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["new", str(tmp_path / "c"), "--title", "damaged"]) == 0
    db = tmp_path / "c.casefile" / "case.sqlite"
    data = bytearray(db.read_bytes())
    data[:100] = b"X" * 100
    db.write_bytes(bytes(data))
    for cmd in (["verify"], ["items"], ["log"]):
        capsys.readouterr()
        assert main([cmd[0], str(tmp_path / "c.casefile")]) == 1
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert "case.sqlite is damaged" in err and "Restore the case from a bundle" in err
