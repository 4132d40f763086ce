"""Airports from the airportsdata package (offline): by ICAO, IATA, city and distinctive name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

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


def by_icao() -> dict[str, dict[str, Any]]:
    from casefile.reference.airports import table

    return table()


@lru_cache(maxsize=1)
def by_iata() -> dict[str, dict[str, Any]]:
    return {a["iata"]: a for a in by_icao().values() if a.get("iata")}


@lru_cache(maxsize=1)
def by_city() -> dict[str, list[dict[str, Any]]]:
    """Airports with an IATA code (served places), by folded city name."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in by_icao().values():
        if a.get("iata") and a.get("city"):
            out.setdefault(fold(a["city"]), []).append(a)
    return out


@lru_cache(maxsize=1)
def by_name_word() -> dict[str, list[dict[str, Any]]]:
    """Airports by a distinctive word of their name (e.g. 'chkalovsk', 'maiquetia')."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in by_icao().values():
        for w in re.findall(r"[^\W\d_]{5,}", fold(a["name"])):
            if w not in _GENERIC and w != fold(a.get("city") or ""):
                out.setdefault(w, []).append(a)
    return out


def lookup(code: str) -> dict[str, Any] | None:
    """An airport by ICAO (4 letters) or IATA (3 letters) code, or None."""
    c = code.strip().upper()
    if len(c) == 4:
        return by_icao().get(c)
    if len(c) == 3:
        return by_iata().get(c)
    return None


def city_zone(city: str) -> str | None:
    """The one IANA zone shared by the airports of a city, or None if unknown or ambiguous."""
    zones = {a["tz"] for a in by_city().get(fold(city.strip()), []) if a.get("tz")}
    return zones.pop() if len(zones) == 1 else None
