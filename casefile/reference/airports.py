"""Airports from airportsdata (the only module that reads it), with a grid index for nearest search."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from casefile.geo import PointGrid


@dataclass(frozen=True)
class Airport:
    icao: str
    iata: str | None
    name: str
    city: str
    country: str
    lat: float
    lon: float
    elevation_ft: float | None
    tz: str | None


class AirportIndex:
    """All airports in half-degree cells; built once, then nearest() looks at a few cells only."""

    def __init__(self, airports: list[Airport]) -> None:
        self.by_icao = {a.icao: a for a in airports}
        self.by_iata = {a.iata: a for a in airports if a.iata}
        self._grid = PointGrid(airports)

    def within(self, lat: float, lon: float, radius_km: float) -> list[tuple[float, Airport]]:
        """Airports within radius_km of a point, nearest first, with their distances."""
        return self._grid.within(lat, lon, radius_km, tie=lambda a: a.icao)

    def nearest(self, lat: float, lon: float, radius_km: float) -> tuple[Airport, float] | None:
        """The nearest airport within radius_km, and its distance, or None."""
        found = self.within(lat, lon, radius_km)
        return (found[0][1], found[0][0]) if found else None

    def get(self, code: str) -> Airport | None:
        """An airport by ICAO code (or IATA code when no ICAO code matches)."""
        code = code.strip().upper()
        return self.by_icao.get(code) or self.by_iata.get(code)


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, Any]]:
    """airportsdata's table keyed by ICAO code, as airportsdata.load("ICAO") gives it (read once).

    Read in one piece and parsed from memory: parsing straight from the file releases and
    retakes the GIL on every small read, which starves other threads (the GUI's event loop)
    for 100 ms and more while the table loads.
    """
    text = resources.files("airportsdata").joinpath("airports.csv").read_text(encoding="utf8")
    rows = {row["icao"]: row for row in csv.DictReader(io.StringIO(text),
                                                      quoting=csv.QUOTE_NONNUMERIC)}
    rows.pop("", None)
    return rows


def airport(icao: str | None) -> dict[str, Any] | None:
    """The airportsdata record of an ICAO code (any case, spaces ignored), or None."""
    if not icao:
        return None
    return table().get(icao.strip().upper())


def zone_of_airport(icao: str | None) -> str | None:
    """The IANA zone of an airport, or None when the code is unknown."""
    rec = airport(icao)
    return (rec.get("tz") or None) if rec else None


@lru_cache(maxsize=1)
def index() -> AirportIndex:
    """The airport index (loaded and built on first use, about 0.2 s)."""
    from casefile.reference.corrections import corrections

    rows = table()
    fixed = corrections()        # where airportsdata's point is off its runways: the runways win
    airports = [Airport(icao=k, iata=v.get("iata") or None, name=v.get("name", ""),
                        city=v.get("city", ""), country=v.get("country", ""),
                        lat=fixed[k].lat if k in fixed else float(v["lat"]),
                        lon=fixed[k].lon if k in fixed else float(v["lon"]),
                        elevation_ft=v.get("elevation"), tz=v.get("tz") or None)
                for k, v in rows.items()]
    return AirportIndex(airports)


@lru_cache(maxsize=1)
def data_version() -> str:
    """Which airportsdata release answered (recorded with derived legs; looked up once: reading
    the installed packages' metadata costs milliseconds, every flight file asked)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("airportsdata")
    except PackageNotFoundError:
        return "unknown"


# ---- finding airports by what people write: IATA codes, city names, distinctive name words ----
_GENERIC = {"airport", "international", "internacional", "intl", "air", "base", "airbase", "field",
            "airfield", "regional", "municipal", "county", "city", "aerodrome", "airstrip", "de",
            "del", "la", "el", "the", "of", "and", "san", "santa", "national", "heliport", "afb",
            "ab", "naval", "station", "army", "air force", "military", "old", "new", "north",
            "south", "east", "west", "port", "lake", "island", "mount", "saint", "st", "fort"}


def fold(text: str) -> str:
    """Lower-case, accents removed, Russian transliteration endings unified (-skiy/-sky/-ski)."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"(sk|tsk|ck)(iy|ii|yi|y|i)\b", r"\1", t)


@lru_cache(maxsize=1)
def by_iata() -> dict[str, dict[str, Any]]:
    return {a["iata"]: a for a in table().values() if a.get("iata")}


@lru_cache(maxsize=1)
def by_city() -> dict[str, list[dict[str, Any]]]:
    """Airports with an IATA code (served places), by folded city name."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in table().values():
        if a.get("iata") and a.get("city"):
            out.setdefault(fold(a["city"]), []).append(a)
    return out


@lru_cache(maxsize=1)
def by_name_word() -> dict[str, list[dict[str, Any]]]:
    """Airports by a distinctive word of their name (e.g. 'chkalovsk', 'maiquetia')."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in table().values():
        for w in re.findall(r"[^\W\d_]{5,}", fold(a["name"])):
            if w not in _GENERIC and w != fold(a.get("city") or ""):
                out.setdefault(w, []).append(a)
    return out


def lookup(code: str) -> dict[str, Any] | None:
    """An airport by ICAO (4 letters) or IATA (3 letters) code, or None."""
    c = code.strip().upper()
    if len(c) == 4:
        return table().get(c)
    if len(c) == 3:
        return by_iata().get(c)
    return None


def city_zone(city: str) -> str | None:
    """The one IANA zone shared by the airports of a city, or None if unknown or ambiguous."""
    zones = {a["tz"] for a in by_city().get(fold(city.strip()), []) if a.get("tz")}
    return zones.pop() if len(zones) == 1 else None
