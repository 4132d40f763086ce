"""Build casefile/reference/data/world.json.gz from the Natural Earth TopoJSON in ../shared/corpora.

Usage: python resources/build_worldmap.py [NATURALEARTH_DIR]
Natural Earth is public domain; the world-atlas TopoJSON packaging is ISC (Mike Bostock).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from casefile.reference.worldmap import DATA_FILE, build

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Decode land-110m and countries-50m and write the compact gzip file into the package."""
    src = Path(argv[0]) if argv else ROOT.parent / "shared" / "corpora" / "naturalearth"
    land = json.loads((src / "land-110m.json").read_text(encoding="utf-8"))
    countries = json.loads((src / "countries-50m.json").read_text(encoding="utf-8"))
    doc = build(land, countries)
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    out = ROOT / "casefile" / "reference" / "data" / DATA_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the output byte-identical between runs
    out.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    print(f"wrote {out} ({out.stat().st_size} bytes; {len(doc['land'])} land rings, "
          f"{len(doc['countries'])} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
