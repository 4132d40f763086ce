"""Ingest benchmark: import 2,000 generated files (>= 1 GB) and compare with the hashing floor.

The reference, measured in the same run over the same files, is `openssl dgst -sha256` followed
by `openssl dgst -md5` (one core, both digests, nothing copied or recorded). Casefile reads each
byte once, computes both digests in that pass, copies the file into the case with fsync and records
it in the database and custody ledger, spread over the machine's cores.

    python benchmarks/ingest.py [--files 2000] [--size-kib 512] [--dir /tmp/casefile-bench]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def generate(folder: Path, n: int, size: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"evidence-{i:05d}.bin"
        if not p.exists() or p.stat().st_size != size:
            p.write_bytes(os.urandom(size))
        paths.append(p)
    return paths


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--size-kib", type=int, default=512)
    ap.add_argument("--dir", default="/tmp/casefile-bench-ingest")
    args = ap.parse_args()
    if not shutil.which("openssl"):
        print("openssl not found: it is the reference this benchmark compares against")
        return 2
    root = Path(args.dir)
    files = generate(root / "input", args.files, args.size_kib * 1024)
    total = sum(p.stat().st_size for p in files)
    names = [str(p) for p in files]
    # warm the page cache equally for both sides
    timed(["cat", *names[:1]])
    subprocess.run(f"cat {root / 'input'}/* > /dev/null", shell=True, check=True)

    ref = timed(["openssl", "dgst", "-sha256", *names]) + timed(["openssl", "dgst", "-md5", *names])

    case_dir = root / "bench.casefile"
    shutil.rmtree(case_dir, ignore_errors=True)
    exe = [sys.executable, "-m", "casefile"]
    subprocess.run([*exe, "new", str(case_dir), "--title", "ingest benchmark"], check=True,
                   stdout=subprocess.DEVNULL)
    ours = timed([*exe, "add", str(case_dir), "--recursive", str(root / "input"), "--as", "file"])
    out = subprocess.run([*exe, "items", str(case_dir), "--json"], capture_output=True, text=True)
    n_items = out.stdout.count('"sha256"')

    mb = total / 1e6
    print(f"files: {len(files)}  total: {mb:,.0f} MB  cores: {os.cpu_count()}")
    print(f"reference (openssl dgst -sha256 then -md5): {ref:7.2f} s  {mb / ref:7.1f} MB/s")
    print(f"casefile add (hash both, copy+fsync, record): {ours:7.2f} s  {mb / ours:7.1f} MB/s"
          f"  items recorded: {n_items}")
    print(f"ratio casefile / reference: {ours / ref:.2f}x  (goal <= 1.0x)")
    shutil.rmtree(case_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
