"""airportsdata against OurAirports: where airportsdata's point for an airport lies over 1 km from
the point OurAirports' runways support (and OurAirports' own point agrees with its runways), the
runways win. The list is built from the two tables (`python -m casefile.reference.crosscheck`
writes data/airport-corrections.csv) and shipped, so nothing is looked up at run time; a test
rebuilds it and lists the disagreements (tests/reference/test_crosscheck.py).

Only the same airport counts: the same code in the same country, and (past 60 km) a name word in
common; a code airportsdata and OurAirports give to two different fields is not a correction.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from casefile.geo import distance_km
from casefile.reference.corrections import FILE, Correction, corrections, version  # noqa: F401

#: a disagreement larger than this (km) is corrected
OVER_KM = 1.0
#: OurAirports' point must lie within this much (km) closer to its runways than airportsdata's
MARGIN_KM = 1.0
#: past this distance (km) the names must share a word too
NAME_CHECK_KM = 60.0
_WORDS = {"airport", "international", "aeropuerto", "aeroporto", "aeroport", "airfield", "field",
          "regional", "municipal", "de", "del", "the", "air", "base", "intl"}


def _words(name: str) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in name).split()
            if len(w) > 2 and w not in _WORDS}


def disagreements() -> list[Correction]:
    """Every airport whose airportsdata point is over OVER_KM off the runways (slow: both tables)."""
    from casefile.reference import runways
    from casefile.reference.airports import table

    out = []
    for icao, r in table().items():
        f = runways.field(icao)
        if f is None or f.icao != icao or (f.country or "") != (r.get("country") or ""):
            continue
        centre = f.runway_centre or (f.lat, f.lon)
        was = (float(r["lat"]), float(r["lon"]))
        km = distance_km(*was, *centre)
        if km <= OVER_KM or km <= distance_km(f.lat, f.lon, *centre) + MARGIN_KM:
            continue
        if km > NAME_CHECK_KM and not (_words(f.name) & _words(str(r.get("name", "")))):
            continue
        out.append(Correction(icao, f.lat, f.lon, was[0], was[1],
                              round(distance_km(*was, f.lat, f.lon), 1)))
    return sorted(out, key=lambda c: c.icao)


def write(path: Path) -> int:
    from casefile.reference import runways
    from casefile.reference.airports import data_version

    rows = disagreements()
    with open(path, "w", newline="", encoding="utf8") as f:
        f.write(f"# airportsdata {data_version()} against {runways.DATA_VERSION} runways\n")
        w = csv.writer(f)
        w.writerow(["icao", "lat", "lon", "was_lat", "was_lon", "km"])
        for c in rows:
            w.writerow([c.icao, c.lat, c.lon, c.was_lat, c.was_lon, c.km])
    return len(rows)


if __name__ == "__main__":
    target = Path(__file__).parent / "data" / FILE
    print(f"{write(target)} corrections written to {target}", file=sys.stderr)
