"""A killed bundle's partial files are removed the next time it runs; a living writer's are not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from casefile.importers.pipeline import import_paths
from casefile.report.bundle import bundle_case
from casefile.store import Case


def test_killed_bundle_parts_are_removed(fresh_case: Case, corpora: Path, tmp_path: Path) -> None:
    import_paths(fresh_case, sorted((corpora / "exif-samples/jpg/gps").glob("*.jpg"))[:3],
                 workers=1)
    out = tmp_path / "case.zip"
    # a real bundle killed half-way: a child process writes, and is killed once its .part exists
    code = (f"import sys, time; from casefile.store import Case; from casefile.report import bundle\n"
            f"real = bundle._add\n"
            f"def slow(*a, **k):\n    real(*a, **k); time.sleep(30)\n"
            f"bundle._add = slow\n"
            f"bundle.bundle_case(Case.open({str(fresh_case.path)!r}, write=False), {str(out)!r})\n")
    child = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".case.zip.*.part")) and time.monotonic() < deadline:
        time.sleep(0.1)
    child.send_signal(signal.SIGKILL)
    child.wait()
    dead = list(tmp_path.glob(".case.zip.*.part"))
    assert [p.name for p in dead] == [f".case.zip.{child.pid}.part"]
    # a writer still running keeps its file
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    living = tmp_path / f".case.zip.{alive.pid}.part"
    living.write_bytes(b"PK")
    try:
        result = bundle_case(fresh_case, out)
        assert not dead[0].exists() and living.exists()
        assert Path(result.path) == out and out.is_file()
    finally:
        alive.kill()
        alive.wait()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [living.name]


def test_killed_bundle_snapshot_is_removed_on_recovery(fresh_case: Case) -> None:
    """A bundle killed while its database snapshot sat in the case's tmp/: removed (not
    quarantined, it is no evidence) the next time the case opens for writing."""
    left = fresh_case.path / "tmp" / ".casefile-abc123"
    left.mkdir(parents=True)
    (left / "case.sqlite").write_bytes(b"SQLite format 3\x00" + os.urandom(100))
    path = fresh_case.path
    fresh_case.close()
    with Case.open(path) as case:
        assert not left.exists()
        assert case.recovered is not None and not case.recovered.quarantined
