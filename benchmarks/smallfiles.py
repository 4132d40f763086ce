"""Small-files benchmark: 1,000 small flight files and 1,000 small photos imported in one batch,
against a floor loop measured in the same run over the same files.

The floor loop, in one process, does for each file only what any import must: read it, parse it
(`json.loads` of a readsb trace; Pillow opens a photo, reads its EXIF and decodes it at 1/8 scale),
hash it (SHA-256 and MD5) and make its durable copy (write, fsync). Casefile's import also records
each file (items, tracks, points file, legs, photo metadata, thumbnails, checks, custody ledger).
Goal: Casefile <= 1.5x the floor. Each side runs once per round, alternating; medians of the rounds.
Also printed: the import with the findings brought up to date after it (`commands.after_import`,
the freshness rule's step that `casefile add` and the window run before they say done).

    python benchmarks/smallfiles.py [--flights 1000] [--photos 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

T0 = 1553212800  # 2019-03-22T00:00:00Z


def make_flight(path: Path, i: int, rng: random.Random, n: int = 240) -> None:
    """A small readsb trace (n points at 15 s, a climb from an airfield), about 15 kB."""
    lat, lon = rng.uniform(-50, 50), rng.uniform(-150, 150)
    trace = []
    for k in range(n):
        ground = k < 20
        alt = "ground" if ground else min(35000, (k - 20) * 400)
        lat += 0.0 if ground else 0.01
        lon += 0.0 if ground else 0.012
        trace.append([k * 15.0, round(lat, 5), round(lon, 5), alt, 10.0 if ground else 420.0, 45.0,
                      0, 0, None, "adsb_icao", None, None, None, None])
    doc = {"icao": f"{0x400000 + i:06x}", "r": f"N{1000 + i}", "t": "B738",
           "timestamp": T0 + i * 7200, "trace": trace}
    path.write_text(json.dumps(doc))


def make_photo(path: Path, i: int, rng: random.Random) -> None:
    """A small JPEG (640x480) with EXIF capture time, zone and GPS, about 30 kB."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (640, 480), (rng.randrange(256), rng.randrange(256), 200))
    d = ImageDraw.Draw(img)
    for _ in range(6):
        x, y = rng.randrange(600), rng.randrange(440)
        d.rectangle([x, y, x + rng.randrange(10, 200), y + rng.randrange(10, 200)],
                    fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "BenchCam", f"Model {i % 7}"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = f"2019:03:{10 + i % 15:02d} {i % 24:02d}:{i % 60:02d}:00"
    sub[0x9011] = "-04:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[3] = "N", "W"
    gps[2] = (10.0, 36.0, float(i % 60))
    gps[4] = (66.0, 59.0, float(i % 60))
    img.save(path, "JPEG", quality=85, exif=exif)


def generate(folder: Path, flights: int, photos: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / f"made-{flights}-{photos}"
    rng = random.Random(11)
    out = [folder / f"trace_full_{0x400000 + i:06x}.json" for i in range(flights)]
    out += [folder / f"photo_{i:05d}.jpg" for i in range(photos)]
    if not stamp.exists():
        for i in range(flights):
            make_flight(out[i], i, rng)
        for i in range(photos):
            make_photo(out[flights + i], i, rng)
        stamp.touch()
    return out


def floor_loop(files: list[Path], out: Path) -> float:
    """Read, parse, hash (SHA-256 + MD5) and durably copy every file, in one process."""
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for f in files:
        data = f.read_bytes()
        if f.suffix == ".json":
            assert json.loads(data)["trace"]
        else:
            with Image.open(io.BytesIO(data)) as im:
                im.getexif()
                im.draft("RGB", (im.width // 8, im.height // 8))
                im.load()
        hashlib.sha256(data).hexdigest()
        hashlib.md5(data).hexdigest()
        with open(out / f.name, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    took = time.perf_counter() - t0
    shutil.rmtree(out)
    return took


def casefile_import(files: list[Path], work: Path, workers: int | None
                    ) -> tuple[float, float, int, int]:
    """Seconds for one `import_paths` of every file, seconds for the findings it brings up to date
    after it (`commands.after_import`, as `casefile add` and the window run it before saying
    done), and the imported and error counts."""
    from casefile.commands import after_import
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case

    case_dir = work / "bench"
    shutil.rmtree(work / "bench.casefile", ignore_errors=True)
    with Case.create(case_dir, "benchmark", investigator="benchmark") as case:
        t0 = time.perf_counter()
        rep = import_paths(case, files, workers=workers)
        took = time.perf_counter() - t0
        after_import(case, rep)
        fresh = time.perf_counter() - t0 - took
    shutil.rmtree(work / "bench.casefile", ignore_errors=True)
    return took, fresh, rep.count("imported"), len(rep.errors)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--flights", type=int, default=1000)
    ap.add_argument("--photos", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=None, help="import workers (default: cores)")
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "casefile-bench-small")
    args = ap.parse_args()
    files = generate(args.dir / "input", args.flights, args.photos)
    size = sum(f.stat().st_size for f in files)
    print(f"{args.flights} readsb traces + {args.photos} JPEGs, {size / 1e6:.1f} MB in all; "
          f"{os.cpu_count()} cores")
    floors, ours, freshes = [], [], []
    imported = errors = 0
    for _ in range(args.rounds):
        os.sync()
        floors.append(floor_loop(files, args.dir / "floor"))
        os.sync()
        took, fresh, imported, errors = casefile_import(files, args.dir, args.workers)
        ours.append(took)
        freshes.append(took + fresh)
    floor, mine = statistics.median(floors), statistics.median(ours)
    print(f"floor loop (read, parse, SHA-256 + MD5, copy + fsync; one process): {floor:6.2f} s "
          f"[{', '.join(f'{x:.2f}' for x in floors)}]  [reference]")
    print(f"casefile import_paths (one batch):                                {mine:6.2f} s "
          f"[{', '.join(f'{x:.2f}' for x in ours)}]  {imported} imported, {errors} errors")
    done = statistics.median(freshes)
    print(f"  and findings brought up to date (commands.after_import):        {done:6.2f} s "
          f"[{', '.join(f'{x:.2f}' for x in freshes)}]")
    r = mine / floor
    print(f"ratio {r:.2f}x the floor (goal <= 1.5x) {'OK' if r <= 1.5 else 'MISSED'}; "
          f"{done / floor:.2f}x with the findings; load average {os.getloadavg()[0]:.1f}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
