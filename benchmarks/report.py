"""Benchmark: the PDF report (and a bundle) of a case with 1,000 photos and 100 flights.

Generates the inputs (synthetic JPEGs with EXIF/GPS, illustrative readsb traces), imports them,
then times the report in a child process (so its peak memory is measured on its own) and prints
the ratio against a reference measured in the same run: reading and SHA-256-hashing every
original once. Goals: report under 60 s and under 1 GB peak.

    python benchmarks/report.py [--photos 1000] [--flights 100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, sys, time, resource
from casefile.store import Case
from casefile.report.context import ReportOptions
from casefile.report.pdf import build_report
t = time.perf_counter()
with Case.open(sys.argv[1]) as case:
    res = build_report(case, sys.argv[2], ReportOptions(marking="TLP:AMBER"))
dt = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": dt, "pages": res.pages, "bytes": res.size,
                  "sections": res.sections, "cpu_s": ru.ru_utime + ru.ru_stime,
                  "peak_kib": ru.ru_maxrss}))
"""


def make_photos(folder: Path, n: int, rng: random.Random) -> list[Path]:
    from PIL import Image, ImageDraw

    out = []
    for i in range(n):
        img = Image.new("RGB", (640, 480), (rng.randrange(256), rng.randrange(256), 200))
        d = ImageDraw.Draw(img)
        for _ in range(6):
            x, y = rng.randrange(600), rng.randrange(440)
            d.rectangle([x, y, x + rng.randrange(10, 200), y + rng.randrange(10, 200)],
                        fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        exif = Image.Exif()
        exif[0x010F], exif[0x0110] = "BenchCam", f"Model {i % 7}"
        exif.get_ifd(0x8769)[0x9003] = f"2019:03:{10 + i % 15:02d} {i % 24:02d}:{i % 60:02d}:00"
        lat, lon = rng.uniform(-60, 60), rng.uniform(-170, 170)
        gps = exif.get_ifd(0x8825)
        gps[1], gps[3] = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
        gps[2] = (abs(int(lat)), int(abs(lat) * 60) % 60, 0.0)
        gps[4] = (abs(int(lon)), int(abs(lon) * 60) % 60, 0.0)
        path = folder / f"photo_{i:04d}.jpg"
        img.save(path, "JPEG", quality=85, exif=exif)
        out.append(path)
    return out


def make_flights(folder: Path, n: int, rng: random.Random) -> list[Path]:
    import airportsdata

    from casefile.demo.flights import Flight, Ground, TraceSpec, trace_json
    from casefile.demo.scenario import Airport, DemoAircraft

    table = sorted((a for a in airportsdata.load("ICAO").values() if a["iata"]),
                   key=lambda a: a["icao"])
    out = []
    for i in range(n):
        a, b = rng.sample(table, 2)
        ap = [Airport(x["icao"], x["name"], x["lat"], x["lon"], int(x["elevation"] or 0), x["tz"],
                      (x["lat"], x["lon"])) for x in (a, b)]
        hours = 1 + rng.random() * 3
        t0 = 1553256000 + i * 3600
        iso = [time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)) for t in
               (t0, t0 + 1800, t0 + 1800 + hours * 3600, t0 + 3600 + hours * 3600)]
        ac = DemoAircraft(f"{0x400000 + i:06x}", "B738", "BOEING 737-800", "benchmark")
        spec = TraceSpec(ac, f"trace_full_{ac.icao24}.json", [
            Ground(ap[0], iso[0], iso[1]), Flight(ap[0], ap[1], iso[1], iso[2], 35000, step_s=30),
            Ground(ap[1], iso[2], iso[3])])
        path = folder / spec.filename
        path.write_text(json.dumps(trace_json(spec)))
        out.append(path)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--photos", type=int, default=1000)
    ap.add_argument("--flights", type=int, default=100)
    ap.add_argument("--keep", metavar="DIR", help="keep the case and report in DIR")
    args = ap.parse_args()
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cf-bench-report-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(8)
    inputs = work / "inputs"
    inputs.mkdir(exist_ok=True)
    t = time.perf_counter()
    files = make_photos(inputs, args.photos, rng) + make_flights(inputs, args.flights, rng)
    print(f"generated {len(files)} files in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    with Case.create(work / "bench", "Benchmark case", investigator="Bench") as case:
        rep = import_paths(case, files, workers=2)
        errors = [o.message for o in rep.errors]
        case_path = case.path
        blobs = [case.blob_path(i) for i in case.items()]
    print(f"imported in {time.perf_counter() - t:.1f} s ({len(errors)} errors)" +
          (f"; first: {errors[0]}" if errors else ""))

    t = time.perf_counter()
    for b in blobs:
        hashlib.sha256(b.read_bytes()).hexdigest()
    ref = time.perf_counter() - t
    pdf = work / "report.pdf"
    proc = subprocess.run([sys.executable, "-c", CHILD, str(case_path), str(pdf)],
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        print(proc.stderr, file=sys.stderr)
        return 1
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    peak_mb = r["peak_kib"] / 1024
    print(f"reference (read + SHA-256 of {len(blobs)} originals): {ref:.2f} s")
    print(f"report: {r['seconds']:.1f} s, {r['pages']} pages, {r['bytes'] / 1e6:.1f} MB, "
          f"sections {','.join(r['sections'])}")
    print(f"report CPU time (user + system, includes start-up): {r['cpu_s']:.1f} s; load average "
          f"now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (others' work slows the wall time)")
    print(f"report / reference ratio: {r['seconds'] / max(ref, 1e-9):.1f}x")
    print(f"peak memory of the report process: {peak_mb:.0f} MB")
    ok = r["seconds"] < 60 and peak_mb < 1024
    print(("MEETS" if ok else "MISSES") + " the goal (< 60 s, < 1 GB)")
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"(children peak RSS as the OS reports it: {child:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
