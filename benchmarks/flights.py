"""Benchmark: flight import speed vs a bare parse of the same file, `where` latency, peak memory.

    python benchmarks/flights.py [--points 1000000] [--queries 10000] [--phases]

Generates a synthetic trace (a great-circle flight with climbs, cruise, a ground stop and a gap) in
readsb trace JSON and OpenSky state-vector CSV form, then for each: times a bare `json`/`csv`
parse of the file and the full Casefile import of the same file, each in its own child process so
its peak memory (max RSS) is its own. Prints times, ratios and peak memory; then times `where`:
many queries in one process (the where index: a binary search and two points read each), and
`casefile where` as a whole new process on the million-point case against a bare interpreter.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

T0 = 1553212800.0  # 2019-03-22T00:00:00Z
HEX = "154042"


def _positions(n: int):
    """(dt, lat, lon, alt_ft or 'ground', gs_kt, track) for n points, ~1 point/s."""
    lat, lon = 55.8783, 38.0617
    t = 0.0
    for i in range(n):
        phase = i % 40000
        if phase < 300:
            alt, gs = "ground", 15.0
        elif phase < 2000:
            alt, gs = (phase - 300) * 20, 280.0
        else:
            alt, gs = 34000, 450.0
        t += 1.0 if i % 100000 != 99999 else 3600.0   # a one-hour coverage gap every 100k points
        step = gs / 3600.0 / 60.0
        lat = max(-80.0, min(80.0, lat - step * 0.6))
        lon = ((lon - step * 0.8 + 180.0) % 360.0) - 180.0
        yield t, round(lat, 6), round(lon, 6), alt, gs, 236.0


def make_readsb(path: Path, n: int) -> None:
    with open(path, "w") as f:
        f.write(f'{{"icao":"{HEX}","r":"RA-82014","t":"A124","dbFlags":1,"timestamp":{T0},"trace":[\n')
        for k, (t, lat, lon, alt, gs, trk) in enumerate(_positions(n)):
            a = '"ground"' if alt == "ground" else alt
            sep = "," if k + 1 < n else ""
            f.write(f'[{t:.2f},{lat},{lon},{a},{gs},{trk},0,0,null,"adsb_icao",null,null,null,null]{sep}\n')
        f.write("]}\n")


def make_opensky(path: Path, n: int) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow("time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
                   "baroaltitude,geoaltitude,lastposupdate,lastcontact".split(","))
        for t, lat, lon, alt, gs, trk in _positions(n):
            ground = alt == "ground"
            alt_m = "" if ground else f"{alt * 0.3048:.2f}"
            w.writerow([int(T0 + t), HEX, lat, lon, f"{gs * 1852 / 3600:.3f}", trk, "0.0", "RFF7075",
                        ground, False, False, "1000", alt_m, alt_m, f"{T0 + t:.3f}", f"{T0 + t:.3f}"])


def _bare(path: Path, kind: str) -> None:
    if kind == "json":
        with open(path, "rb") as f:
            doc = json.loads(f.read())
        assert doc["trace"]
    else:
        with open(path, newline="") as f:
            rows = list(csv.reader(f))
        assert rows


def _timed_phases() -> dict[str, float]:
    """Wrap the import's phases with timers; returns the dict they add their seconds to."""
    import functools

    import casefile.flights.quality as quality
    import casefile.flights.store as tstore
    import casefile.importers.flights.importer as importer
    import casefile.importers.flights.opensky_csv as opensky
    import casefile.importers.flights.readsb as readsb
    import casefile.store.case as store_case

    spent: dict[str, float] = {}

    def wrap(owner: object, name: str, label: str) -> None:
        fn = getattr(owner, name)

        @functools.wraps(fn)
        def timed(*a, **k):
            start = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - start
        setattr(owner, name, timed)

    wrap(readsb.json, "loads", "parse: json.loads")
    wrap(readsb.ReadsbTrace, "parse", "parse (all)")
    wrap(opensky.OpenSkyStatesCsv, "parse", "parse (all)")
    wrap(quality, "flag_points", "parse: quality flags")
    wrap(tstore, "_point_columns", "store: rows to columns")
    wrap(tstore.columns, "encode", "store: encode points file")
    wrap(store_case.Case, "add_derived", "store: write + hash points file")
    wrap(tstore, "_usable", "store: usable points")
    wrap(tstore, "derive", "store: legs and gaps")
    wrap(importer, "store_flights", "store (all)")
    return spent


def _import(path: Path, case_dir: Path, phases: bool = False) -> None:
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case

    spent = _timed_phases() if phases else None

    case = Case.create(case_dir / "bench", "benchmark", investigator="benchmark")
    try:
        start = time.perf_counter()
        rep = import_paths(case, [path], workers=1)
        if rep.errors:
            raise SystemExit(rep.errors[0].message)
        if spent is not None:
            spent["import_paths (all)"] = time.perf_counter() - start
            print(json.dumps({"phases": spent}), file=sys.stderr)
    finally:
        case.close()


def _child(args: argparse.Namespace) -> None:
    start = time.perf_counter()
    if args.phase == "bare":
        _bare(Path(args.file), args.kind)
    else:
        _import(Path(args.file), Path(args.case_dir), phases=args.phases)
    took = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": took, "peak_mib": peak_mib}))


def _measure(phase: str, path: Path, kind: str, case_dir: Path, phases: bool = False) -> dict:
    out = subprocess.run([sys.executable, __file__, "--phase", phase, "--file", str(path),
                          "--kind", kind, "--case-dir", str(case_dir)] + (["--phases"] if phases else []),
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{phase} of {path.name} failed:\n{out.stderr}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    for line in out.stderr.splitlines():
        if line.startswith('{"phases"'):
            result.update(json.loads(line))
    return result


def _where_bench(case_dir: Path, queries: int) -> tuple[float, float, dict]:
    from casefile.flights import query as Q
    from casefile.store import Case
    from casefile.timeutil import epoch, from_epoch

    case = Case.open(case_dir / "bench.casefile", write=False)
    try:
        ac = Q.find_aircraft(case, HEX)
        first, last = (epoch(t) or 0.0 for t in case.db.execute(
            "SELECT min(first_utc), max(last_utc) FROM tracks").fetchone())
        rnd = random.Random(7)
        times = [from_epoch(rnd.uniform(first - 600, last + 600)) for _ in range(queries)]
        statuses: dict[str, int] = {}
        lat = []
        for t in times:
            s = time.perf_counter()
            w = Q.where(case, ac.id, t)
            lat.append(time.perf_counter() - s)
            statuses[w.status] = statuses.get(w.status, 0) + 1
        lat.sort()
        return sum(lat) / len(lat) * 1000, lat[int(len(lat) * 0.99)] * 1000, statuses
    finally:
        case.close()


def _where_cli(case_dir: Path, runs: int) -> tuple[float, float, float]:
    """`casefile where` at one instant on the million-point case, each a whole new process (it
    reads the where index and the two points around the instant, and checks the points file's
    hash), against `python -c "import sqlite3, json"`: medians (s) of interleaved runs, and the
    first, untimed-for-the-median run (page cache cold for the points file)."""
    import statistics

    case = str(case_dir / "bench.casefile")
    at = from_epoch_text(T0 + 50_000.5)
    cmds = {"bare": [sys.executable, "-c", "import sqlite3, json"],
            "where": [sys.executable, "-m", "casefile", "where", case, "--aircraft", HEX, "--at", at]}

    def run(cmd: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start

    first = run(cmds["where"])
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for k, cmd in cmds.items():
            times[k].append(run(cmd))
    return statistics.median(times["bare"]), statistics.median(times["where"]), first


def from_epoch_text(t: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(t, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=10_000)
    ap.add_argument("--where-runs", type=int, default=5, help="`casefile where` processes timed")
    ap.add_argument("--phase", choices=["bare", "import"])
    ap.add_argument("--file")
    ap.add_argument("--kind")
    ap.add_argument("--case-dir")
    ap.add_argument("--phases", action="store_true",
                    help="also time an import phase by phase (parse, flags, points file, legs)")
    args = ap.parse_args()
    if args.phase:
        _child(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        print(f"flights benchmark: {args.points:,} points, {args.queries:,} where queries")
        for kind, name, maker in (("json", "trace_full_154042.json", make_readsb),
                                  ("csv", "states_154042.csv", make_opensky)):
            path = tmpd / name
            maker(path, args.points)
            case_dir = tmpd / kind
            case_dir.mkdir()
            bare = _measure("bare", path, kind, case_dir)
            imp = _measure("import", path, kind, case_dir)

            size = path.stat().st_size / 2**20
            print(f"{name} ({size:.0f} MiB): bare {kind} parse {bare['seconds']:.2f} s "
                  f"(peak {bare['peak_mib']:.0f} MiB); import {imp['seconds']:.2f} s "
                  f"(peak {imp['peak_mib']:.0f} MiB); ratio {imp['seconds'] / bare['seconds']:.2f}x "
                  "(goal <= 2x)")
            if args.phases:   # a second import, timed phase by phase (the wrappers cost a little)
                timed_dir = tmpd / f"{kind}-phases"
                timed_dir.mkdir()
                for label, secs in _measure("import", path, kind, timed_dir, phases=True)["phases"].items():
                    print(f"  {label:40s} {secs:6.2f} s")
            if kind == "json":
                mean_ms, p99_ms, statuses = _where_bench(case_dir, args.queries)
                print(f"where: {args.queries:,} queries, mean {mean_ms:.3f} ms, p99 {p99_ms:.3f} ms "
                      f"(goal < 1 ms); answers {statuses}")
                bare_s, where_s, first_s = _where_cli(case_dir, args.where_runs)
                print(f"where as a command on this case: {where_s * 1000:.0f} ms, "
                      f"{where_s / bare_s:.1f}x python -c 'import sqlite3, json' "
                      f"({bare_s * 1000:.0f} ms), medians of {args.where_runs}; first run "
                      f"{first_s * 1000:.0f} ms")


if __name__ == "__main__":
    main()
