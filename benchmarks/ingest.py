"""Ingest benchmark: import 2,000 generated files (>= 1 GB) and compare with the hashing floor.

The reference, measured in the same run over the same files, is what an examiner would run instead
of Casefile: `cp -r` of the folder, `sync`, then `hashdeep -c sha256,md5 -r` of it (both digests,
on every core; install it with `apt-get install hashdeep`). `openssl dgst -sha256` then `-md5` (one
core, both digests, nothing copied) is printed beside it for comparison with earlier runs. Casefile
reads each byte once, computes both digests in that pass, copies the file into the case with fsync
and records it in the database and custody ledger, spread over the machine's cores.

    python benchmarks/ingest.py [--files 2000] [--size-kib 512] [--rounds 3] [--dir /tmp/casefile-bench]

Each round times the reference, then Casefile, then Casefile's staging step alone (read, both
digests, durable copy, on both cores, nothing recorded) so the per-file cost of the disk on this
machine is visible; the medians over the rounds are compared. Pending writes are flushed (sync)
before each timing, so no step pays for the previous one's writeback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
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


def staging_alone(names: list[str], folder: Path) -> float:
    """Casefile's staging step (read once, SHA-256 + MD5, direct-I/O copy, fsync) on every core,
    with no database, ledger or worker processes: what the disk and hashing cost by themselves."""
    from casefile.store.blobs import stage_stream

    folder.mkdir(parents=True, exist_ok=True)

    def one(name: str) -> None:
        with open(name, "rb") as src:
            stage_stream(src, folder)

    started = time.perf_counter()
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        list(pool.map(one, names))
    took = time.perf_counter() - started
    shutil.rmtree(folder, ignore_errors=True)
    return took


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--size-kib", type=int, default=512)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", default="/tmp/casefile-bench-ingest")
    args = ap.parse_args()
    for tool in ("hashdeep", "cp", "sync", "openssl"):
        if not shutil.which(tool):
            print(f"{tool} not found: it is part of the reference this benchmark compares against "
                  "(apt-get install hashdeep openssl)")
            return 2
    root = Path(args.dir)
    files = generate(root / "input", args.files, args.size_kib * 1024)
    total = sum(p.stat().st_size for p in files)
    names = [str(p) for p in files]
    # warm the page cache equally for both sides
    timed(["cat", *names[:1]])
    subprocess.run(f"cat {root / 'input'}/* > /dev/null", shell=True, check=True)

    case_dir = root / "bench.casefile"
    exe = [sys.executable, "-m", "casefile"]
    refs, ssls, ours, floors = [], [], [], []
    n_items = 0
    copy = root / "copy"
    for _ in range(args.rounds):
        shutil.rmtree(copy, ignore_errors=True)
        os.sync()
        refs.append(timed(["cp", "-r", str(root / "input"), str(copy)]) + timed(["sync"])
                    + timed(["hashdeep", "-c", "sha256,md5", "-r", str(copy)]))
        shutil.rmtree(copy, ignore_errors=True)
        os.sync()
        ssls.append(timed(["openssl", "dgst", "-sha256", *names])
                    + timed(["openssl", "dgst", "-md5", *names]))
        shutil.rmtree(case_dir, ignore_errors=True)
        subprocess.run([*exe, "new", str(case_dir), "--title", "ingest benchmark"], check=True,
                       stdout=subprocess.DEVNULL)
        os.sync()
        ours.append(timed([*exe, "add", str(case_dir), "--recursive", str(root / "input"),
                           "--as", "file"]))
        out = subprocess.run([*exe, "items", str(case_dir), "--json"], capture_output=True,
                             text=True)
        n_items = out.stdout.count('"sha256"')
        shutil.rmtree(case_dir, ignore_errors=True)
        os.sync()
        floors.append(staging_alone(names, root / "staging"))

    ref, ssl, mine, floor = (statistics.median(x) for x in (refs, ssls, ours, floors))
    mb = total / 1e6
    print(f"files: {len(files)}  total: {mb:,.0f} MB  cores: {os.cpu_count()}  rounds: {args.rounds}"
          " (medians)")
    print(f"reference (cp -r + sync + hashdeep -c sha256,md5): {ref:7.2f} s  {mb / ref:7.1f} MB/s"
          f"   [{', '.join(f'{x:.2f}' for x in refs)}]")
    print(f"hashing alone (openssl dgst -sha256 then -md5, one core): {ssl:7.2f} s"
          f"   [{', '.join(f'{x:.2f}' for x in ssls)}]")
    print(f"casefile add (hash both, copy+fsync, record): {mine:7.2f} s  {mb / mine:7.1f} MB/s"
          f"   [{', '.join(f'{x:.2f}' for x in ours)}]  items recorded: {n_items}")
    print(f"staging alone (hash both, copy+fsync, 2 threads, nothing recorded): {floor:7.2f} s"
          f"   [{', '.join(f'{x:.2f}' for x in floors)}]")
    print(f"ratio casefile / reference: {mine / ref:.2f}x  (goal <= 1.0x) "
          f"{'OK' if mine <= ref else 'MISSED'};  staging alone / reference: {floor / ref:.2f}x;  "
          f"casefile / openssl: {mine / ssl:.2f}x; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
