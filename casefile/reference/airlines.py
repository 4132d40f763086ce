"""Airline designators: a flight number in IATA form (DL2927) and in ICAO form (DAL2927) name the
same flight, so either finds the aircraft that flew it.

The table (`data/airlines.csv`) was compiled by hand for Casefile from the two-letter IATA and
three-letter ICAO designators the airlines use (ICAO Doc 8585 lists the ICAO ones); it covers
about 150 airlines and is not exhaustive. An investigator extends it with a file
`airlines.csv` (columns iata,icao,name) in Casefile's settings folder; its lines win.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from casefile.settings import config_dir

SOURCE = "Casefile's airline designator table (hand-compiled, about 150 airlines)"
_IATA_NO = re.compile(r"^([A-Z0-9]{2})0*(\d{1,4}[A-Z]?)$")
_ICAO_NO = re.compile(r"^([A-Z]{3})0*(\d{1,4}[A-Z]?)$")


def user_table() -> Path:
    """Where an investigator adds designators the shipped table lacks."""
    return config_dir() / "airlines.csv"


def _rows(text: str) -> list[tuple[str, str]]:
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        iata, icao = (row.get("iata") or "").strip().upper(), (row.get("icao") or "").strip().upper()
        if re.fullmatch(r"[A-Z0-9]{2}", iata) and re.fullmatch(r"[A-Z]{3}", icao):
            out.append((iata, icao))
    return out


@lru_cache(maxsize=4)
def _tables(user_file: str, stamp: float) -> tuple[dict[str, str], dict[str, str]]:
    """(IATA -> ICAO, ICAO -> IATA), the shipped table first and the investigator's over it."""
    text = resources.files("casefile.reference").joinpath("data/airlines.csv").read_text("utf-8")
    pairs = _rows(text)
    path = Path(user_file)
    if path.is_file():
        try:
            pairs += _rows(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, csv.Error):
            pass
    to_icao, to_iata = {}, {}
    for iata, icao in pairs:
        to_icao[iata] = icao
        to_iata[icao] = iata
    return to_icao, to_iata


def tables() -> tuple[dict[str, str], dict[str, str]]:
    """(IATA -> ICAO, ICAO -> IATA); re-read when the investigator's file changes."""
    path = user_table()
    try:
        stamp = path.stat().st_mtime_ns / 1e9
    except OSError:
        stamp = 0.0
    return _tables(str(path), stamp)


def flight_number_forms(ref: str) -> set[str]:
    """The other forms of a flight number ("DL2927" -> {"DAL2927"}, "JAL0516" -> {"JL516",
    "JAL516"}), letters and digits only; empty when it is not one the table knows."""
    key = "".join(ch for ch in ref.upper() if ch.isalnum())
    to_icao, to_iata = tables()
    out: set[str] = set()
    m = _ICAO_NO.match(key)
    if m and m.group(1) in to_iata:
        out |= {to_iata[m.group(1)] + m.group(2), m.group(1) + m.group(2)}
    m = _IATA_NO.match(key)
    if m and m.group(1) in to_icao and any(c.isalpha() for c in m.group(1)):
        out |= {to_icao[m.group(1)] + m.group(2), m.group(1) + m.group(2)}
    out.discard(key)
    return out
