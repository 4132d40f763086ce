"""Crash consistency: SIGKILL an import at random points; the case always opens clean."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casefile.store import Case, verify_case


def _make_files(folder: Path, n: int, size: int, seed: int) -> list[Path]:
    folder.mkdir()
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        p = folder / f"file{i:03d}.bin"
        p.write_bytes(rng.randbytes(size))
        paths.append(p)
    return paths


def _assert_consistent(case_path: Path) -> int:
    with Case.open(case_path) as case:
        report = verify_case(case, record=False)
        assert report.ok, [p.message for p in report.problems]
        assert list((case_path / "tmp").iterdir()) == []
        referenced = {r["blob_path"] for r in case.rows("SELECT blob_path FROM items")}
        on_disk = {str(p.relative_to(case_path)) for p in (case_path / "evidence").rglob("*")
                   if p.is_file()}
        assert on_disk == referenced, "orphan or missing blobs"
        n_items = len(case.items())
        n_acq = case.db.execute("SELECT count(DISTINCT item_id) FROM acquisitions").fetchone()[0]
        assert n_acq == n_items
        return n_items


@pytest.mark.slow
def test_kill_import_at_random_points(tmp_path: Path) -> None:
    case = Case.create(tmp_path / "crash", "crash test")
    case_path = case.path
    case.close()
    rng = random.Random(2024)
    # Time one whole import first, so the kills land inside the import on any machine.
    warmup = _make_files(tmp_path / "warmup", 40, 128 * 1024, seed=99)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "casefile", "add", str(case_path), *map(str, warmup)],
                   check=True, capture_output=True, timeout=300)
    whole = time.monotonic() - started
    batches = [warmup]
    kills = 0
    for i in range(12):
        files = _make_files(tmp_path / f"in{i}", 40, 128 * 1024, seed=i)
        batches.append(files)
        cmd = [sys.executable, "-m", "casefile", "add", str(case_path), *map(str, files)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        # the first half of the import (the warm-up ran cold, so later imports are quicker and
        # a busy machine makes any one run slower or faster): most kills land inside it
        time.sleep(rng.uniform(0.05, 0.6) * whole)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        _assert_consistent(case_path)
    assert kills >= 6, "the imports finished before most kills: make the batches bigger"
    everything = [str(p) for files in batches for p in files]
    done = subprocess.run([sys.executable, "-m", "casefile", "add", str(case_path), *everything],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _assert_consistent(case_path) == len(everything)
