"""The airport points corrected by OurAirports' runways (built by casefile.reference.crosscheck,
shipped as data/airport-corrections.csv): read by casefile.reference.airports when it loads."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

FILE = "airport-corrections.csv"


@dataclass(frozen=True)
class Correction:
    icao: str
    lat: float                 # where the runways put it (OurAirports' point)
    lon: float
    was_lat: float             # airportsdata's point
    was_lon: float
    km: float


@lru_cache(maxsize=1)
def corrections() -> dict[str, Correction]:
    """The shipped corrections by ICAO code."""
    path = resources.files("casefile.reference").joinpath("data", FILE)
    out = {}
    with path.open(encoding="utf8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            out[row["icao"]] = Correction(row["icao"], float(row["lat"]), float(row["lon"]),
                                          float(row["was_lat"]), float(row["was_lon"]),
                                          float(row["km"]))
    return out


def version() -> str:
    """Which tables the corrections came from (the file's first line)."""
    path = resources.files("casefile.reference").joinpath("data", FILE)
    with path.open(encoding="utf8") as f:
        return f.readline().lstrip("# ").strip()


