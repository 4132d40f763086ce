"""Photo import benchmark: camera-size JPEGs, measured against references timed in the same run.

Prints (a) metadata extraction alone (every place a time or position can sit: EXIF, maker notes,
XMP, IPTC, CIFF, picture info), in files/s and as a ratio to `exiftool -json -r` on the same folder
(goal: at least 10x ExifTool's rate), with the CPU each spends per file (which other work on the
machine does not change), and (b) the full import (hashes, copy, metadata, checks,
thumbnail, preview, perceptual hashes, database) as a ratio to a floor loop that, in one process, only
reads each file once, hashes it (SHA-256 and MD5), copies it and decodes it at 1/8 scale with
Pillow's draft mode (goal: at most 0.7x the floor's time on a 2-core machine).

    python benchmarks/photos.py [--count 500] [--dir /tmp/casefile-bench-photos] [--workers N]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

SIZE = (4032, 3024)          # 12.2 MP, a phone camera's frame


def _base_frame(seed: int) -> Image.Image:
    """A camera-like frame: smooth gradients plus sensor-like noise (so the JPEG is ~5 MB)."""
    rng = np.random.default_rng(seed)
    w, h = SIZE
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    base = np.stack([x / w * 200 + 30, y / h * 180 + 40, (x + y) / (w + h) * 150 + 60], axis=-1)
    noise = rng.normal(0, 12, size=(h, w, 3)).astype(np.float32)
    return Image.fromarray(np.clip(base + noise, 0, 255).astype(np.uint8))


def _exif(i: int) -> bytes:
    ex = Image.Exif()
    ex[0x010F], ex[0x0110], ex[0x0131] = "BenchCam", f"Model {i % 7}", "Firmware 1.0"
    ex[0x0112] = 1
    sub = ex.get_ifd(0x8769)
    sub[0x9003] = f"2019:03:{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00"
    sub[0x9011] = "-04:00"
    sub[0xA002], sub[0xA003] = SIZE
    gps = ex.get_ifd(0x8825)
    gps[1], gps[3] = "N", "W"
    gps[2] = (Fraction(10), Fraction(36), Fraction(i % 60))
    gps[4] = (Fraction(66), Fraction(59), Fraction(i % 60))
    return ex.tobytes()


def generate(folder: Path, count: int) -> list[Path]:
    """count distinct camera-size JPEGs with EXIF (kept between runs in folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob("bench_*.jpg"))
    if len(existing) >= count:
        return existing[:count]
    frames = [_base_frame(s) for s in range(3)]
    for i in range(len(existing), count):
        im = frames[i % 3].copy()
        d = ImageDraw.Draw(im)
        d.rectangle([i * 7 % 3000, i * 13 % 2000, i * 7 % 3000 + 900, i * 13 % 2000 + 700],
                    fill=(i * 37 % 256, i * 59 % 256, i * 83 % 256))
        im.save(folder / f"bench_{i:04d}.jpg", "JPEG", quality=92, exif=_exif(i))
    return sorted(folder.glob("bench_*.jpg"))[:count]


def _extract_one(path: str) -> int:
    from casefile.photos.extract import extract_metadata_file

    meta, raw = extract_metadata_file(Path(path))
    return len(raw)


def cpu_per_file(files: list[Path], folder: Path) -> tuple[float, float]:
    """(our CPU seconds per file in this one process, exiftool's CPU seconds per file)."""
    for f in files[:20]:
        _extract_one(str(f))                                  # imports and first-call caches
    t0 = os.times()
    for f in files:
        _extract_one(str(f))
    t1 = os.times()
    ours = (t1.user + t1.system - t0.user - t0.system) / len(files)
    theirs = float("nan")
    if shutil.which("exiftool"):
        subprocess.run(["exiftool", "-json", "-r", str(folder)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        t2 = os.times()
        theirs = (t2.children_user + t2.children_system - t1.children_user - t1.children_system) / \
            len(list(folder.rglob("*.jpg")))
    return ours, theirs


def _warm(path: str) -> int:
    n = _extract_one(path)
    time.sleep(0.3)
    return n


def bench_extraction(files: list[Path], folder: Path, workers: int) -> tuple[float, float]:
    """(our files/s, exiftool files/s) for metadata extraction alone."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # Warm every worker first: each warm task holds its worker a moment, so the pool starts all
        # of them and each imports the extractor before the clock starts (a worker left cold paid
        # its imports, about a second, inside the timed run).
        list(pool.map(_warm, [str(files[0])] * workers))
        t0 = time.perf_counter()
        list(pool.map(_extract_one, [str(f) for f in files], chunksize=8))
        ours = len(files) / (time.perf_counter() - t0)
    theirs = float("nan")
    if shutil.which("exiftool"):
        t0 = time.perf_counter()
        subprocess.run(["exiftool", "-json", "-r", str(folder)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        theirs = len(list(folder.rglob("*.jpg"))) / (time.perf_counter() - t0)
    return ours, theirs


def _cpu() -> float:
    """CPU seconds used so far by this process and its reaped children (the import workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def floor_loop(files: list[Path], out: Path) -> float:
    """Seconds to read, hash (SHA-256 + MD5), copy and 1/8-decode every file in one process."""
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for f in files:
        data = f.read_bytes()
        hashlib.sha256(data).hexdigest()
        hashlib.md5(data).hexdigest()
        with open(out / f.name, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with Image.open(io.BytesIO(data)) as im:
            im.draft("RGB", (im.width // 8, im.height // 8))
            im.load()
    return time.perf_counter() - t0


def full_import(files: list[Path], work: Path, workers: int, name: str = "bench") -> tuple[float, int]:
    """Seconds for `import_paths` + computing every check, and the number of photos imported."""
    from casefile.importers.pipeline import import_paths
    from casefile.photos.findings import refresh
    from casefile.store import Case

    case = Case.create(work / name, "benchmark", investigator="benchmark")
    try:
        t0 = time.perf_counter()
        report = import_paths(case, files, workers=workers)
        refresh(case, force=True)
        elapsed = time.perf_counter() - t0
        return elapsed, report.count("imported")
    finally:
        case.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "casefile-bench-photos")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--extraction-only", action="store_true", help="run (a) only")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    files = generate(args.dir, args.count)
    sizes = [f.stat().st_size for f in files]
    ready = time.perf_counter() - t0
    print(f"{len(files)} JPEGs {SIZE[0]}x{SIZE[1]} ({SIZE[0] * SIZE[1] / 1e6:.1f} MP), mean "
          f"{sum(sizes) / len(sizes) / 1e6:.2f} MB, in {args.dir} (ready in {ready:.0f} s); "
          f"{os.cpu_count()} cores, {args.workers} workers")
    ours, theirs = bench_extraction(files, args.dir, args.workers)
    print(f"(a) metadata extraction (tags, maker notes, XMP, IPTC, header segments, quantization "
          f"tables; no image data read): {ours:.1f} files/s; exiftool -json -r: {theirs:.1f} files/s; "
          f"ratio {ours / theirs:.2f}x (goal >= 10x)")
    cpu_ours, cpu_theirs = cpu_per_file(files, args.dir)
    print(f"    CPU per file: Casefile {cpu_ours * 1000:.2f} ms (one process), exiftool "
          f"{cpu_theirs * 1000:.2f} ms = {cpu_theirs / cpu_ours:.1f}x per core; with {args.workers} "
          f"workers on free cores about {cpu_theirs / cpu_ours * args.workers:.1f}x. Load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")
    if args.extraction_only:
        return 0
    with tempfile.TemporaryDirectory(dir=args.dir.parent) as tmp:
        c0 = _cpu()
        floor = floor_loop(files, Path(tmp) / "floor")
        floor_cpu = _cpu() - c0
        shutil.rmtree(Path(tmp) / "floor")
        full, imported = full_import(files, Path(tmp), args.workers)
        # The same work in this one process (no pool), so its CPU time can be counted exactly.
        some = files[: min(len(files), 100)]
        c0 = _cpu()
        full_import(some, Path(tmp), 1, name="inline")
        inline_cpu = (_cpu() - c0) / len(some)
    print(f"(b) floor loop: {floor:.1f} s ({len(files) / floor:.1f} files/s); full import: {full:.1f} s "
          f"({imported} imported, {imported / full:.1f} files/s); ratio {full / floor:.2f}x (goal <= 0.7x)")
    per_floor = floor_cpu / len(files)
    print(f"    CPU per file: floor {per_floor * 1000:.0f} ms, full import {inline_cpu * 1000:.0f} ms "
          f"(measured in one process on {len(some)} files) = {inline_cpu / per_floor:.2f}x the floor's "
          f"work; spread over {args.workers} free cores that is about "
          f"{inline_cpu / args.workers / per_floor:.2f}x the floor's time. Load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work shares them).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
