"""Analyst benchmark: capture import and full-text search, each against a reference in the same run.

- Import: N text captures through the capture importer (text extracted, kept and indexed) against
  the same files kept as plain evidence (`--as file`: hashes, copy, ledger; no text).
- Search: FTS5 queries against a Python scan of every stored text (casefold + substring), the
  simplest correct way to find a word without an index.
- Mentions: suggestion speed on the scenario article (characters per second).
- Claim places: "inside this country" for a track's worth of positions (the even-odd, vectorised
  test of casefile.reference.places) against shapely's point-by-point `contains` on the same
  outline, the plain way to ask it; goal: at least 10x faster (a transit claim checks every
  position of every aircraft in its window).

    python benchmarks/analyst.py [--files 400] [--dir /tmp/casefile-bench-analyst]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "scenario" / "article-2019-03-24.txt"
WORDS = ("aircraft landed departed cargo tonnes airport runway Caracas Moscow Chkalovsky Maiquetía "
         "Антонов Руслан Ильюшин transponder registration witness photo footage convoy ministry "
         "statement reporter tracker").split()


def make_files(folder: Path, n: int) -> list[Path]:
    rnd = random.Random(42)
    base = ARTICLE.read_text("utf-8").split("\n\n") if ARTICLE.is_file() else [" ".join(WORDS)] * 8
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        paras = rnd.sample(base, k=min(6, len(base)))
        extra = " ".join(rnd.choice(WORDS) for _ in range(200))
        p = folder / f"capture-{i:05d}.txt"
        p.write_text(f"Document {i} uniqueword{i:05d}\n\n" + "\n\n".join(paras) + "\n\n" + extra,
                     encoding="utf-8")
        out.append(p)
    return out


def timed_import(case_dir: Path, files: list[Path], importer: str) -> float:
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case

    shutil.rmtree(case_dir, ignore_errors=True)
    with Case.create(case_dir, "bench") as case:
        started = time.perf_counter()
        rep = import_paths(case, files, importer=importer)
        took = time.perf_counter() - started
        assert rep.count("imported") == len(files), rep.to_dict()["files"][:3]
    return took


def bench_search(case_dir: Path, queries: list[str], rounds: int) -> tuple[float, float, int]:
    from casefile.analyst.search import search
    from casefile.store import Case

    with Case.open(case_dir, write=False) as case:
        started = time.perf_counter()
        hits = 0
        for _ in range(rounds):
            for q in queries:
                hits += len(search(case, q))
        fts = time.perf_counter() - started
        started = time.perf_counter()
        scan_hits = 0
        for _ in range(rounds):
            for q in queries:
                texts = [r[0] for r in case.db.execute("SELECT text FROM capture_texts")]
                want = q.casefold()
                scan_hits += sum(1 for t in texts if want in t.casefold())
        scan = time.perf_counter() - started
    print(f"documents containing the query words: {scan_hits // rounds} per round (FTS returns "
          "the best 200 per query, with a snippet each)")
    return fts, scan, hits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--points", type=int, default=200_000, help="positions for the place test")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/casefile-bench-analyst"))
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    files = make_files(args.dir / "files", args.files)
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} text files, {size / 1e6:.1f} MB")

    plain = timed_import(args.dir / "plain.casefile", files, "file")
    capture = timed_import(args.dir / "capture.casefile", files, "capture")
    print(f"import as plain evidence: {plain:.2f} s ({len(files) / plain:.0f} files/s)  [reference]")
    print(f"import as captures:       {capture:.2f} s ({len(files) / capture:.0f} files/s)  "
          f"ratio {capture / plain:.2f}x the reference")

    queries = ["Tonkoshkurov", "Руслан", "uniqueword00007", "cargo", "Maiquetía"]
    fts, scan, hits = bench_search(args.dir / "capture.casefile", queries, args.rounds)
    n = len(queries) * args.rounds
    print(f"substring scan: {scan / n * 1000:.1f} ms/query  [reference]")
    print(f"FTS5 search:    {fts / n * 1000:.1f} ms/query  ratio {fts / scan:.3f}x the reference "
          f"({hits // args.rounds} hits returned per round)")

    if ARTICLE.is_file():
        from casefile.analyst.mentions import suggest_mentions

        text = ARTICLE.read_text("utf-8")
        suggest_mentions(text)  # load the airport list once
        started = time.perf_counter()
        for _ in range(20):
            suggest_mentions(text)
        took = (time.perf_counter() - started) / 20
        print(f"mentions: {len(text) / took / 1000:.0f} k characters/s on the scenario article")
    bench_places(args.points)
    return 0


def bench_places(n: int) -> None:
    from shapely.geometry import Point

    from casefile.reference import places

    syria = places.find_place("Syria")
    assert syria is not None
    rnd = random.Random(7)
    lats = [rnd.uniform(30.0, 40.0) for _ in range(n)]
    lons = [rnd.uniform(33.0, 45.0) for _ in range(n)]
    places.inside(syria, lats[:10], lons[:10])          # outline built once, outside the timing
    started = time.perf_counter()
    ours = places.inside(syria, lats, lons)
    fast = time.perf_counter() - started
    outline = places.geometry(syria)
    k = min(n, 20_000)
    started = time.perf_counter()
    plain = [outline.contains(Point(x, y)) for x, y in zip(lons[:k], lats[:k], strict=True)]
    slow = (time.perf_counter() - started) * n / k
    agree = sum(a == b for a, b in zip(ours[:k], plain, strict=True)) / k
    print(f"country outline, point by point: {n / slow:,.0f} positions/s  [reference, on {k:,}]")
    print(f"country outline, vectorised:     {n / fast:,.0f} positions/s  ratio {slow / fast:.0f}x "
          f"faster (goal 10x); agreement {agree:.2%} ({sum(ours):,} of {n:,} inside Syria)")


if __name__ == "__main__":
    raise SystemExit(main())
