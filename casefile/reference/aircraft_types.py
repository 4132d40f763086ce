"""Aircraft types: ICAO type designators and the names people use for them (An-124, Ruslan, Il-62).

One table, so a claim's "An-124", a reported flight's "A124", a tracker's type field "A124" and a
Flightradar24 model "Antonov An-124-100 Ruslan" all mean the same type. Designators follow ICAO
Doc 8643 (Aircraft Type Designators).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: ICAO designator -> (the usual written name, other names and spellings people use).
TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "A124": ("An-124", ("Antonov An-124", "An-124 Ruslan", "Ruslan", "Condor")),
    "A225": ("An-225", ("Antonov An-225", "Mriya")),
    "AN12": ("An-12", ("Antonov An-12",)),
    "AN22": ("An-22", ("Antonov An-22", "Antei")),
    "AN26": ("An-26", ("Antonov An-26",)),
    "AN72": ("An-72", ("Antonov An-72", "An-74")),
    "A148": ("An-148", ("Antonov An-148",)),
    "IL62": ("Il-62", ("Ilyushin Il-62", "Il-62M", "Il-62MK")),
    "IL76": ("Il-76", ("Ilyushin Il-76", "Il-76MD", "Il-76TD", "Il-78", "Candid")),
    "IL96": ("Il-96", ("Ilyushin Il-96", "Il-96-300", "Il-96-400")),
    "IL18": ("Il-18", ("Ilyushin Il-18", "Il-20", "Il-22")),
    "T154": ("Tu-154", ("Tupolev Tu-154", "Tu-154M")),
    "T204": ("Tu-204", ("Tupolev Tu-204", "Tu-214")),
    "T134": ("Tu-134", ("Tupolev Tu-134",)),
    "T160": ("Tu-160", ("Tupolev Tu-160", "Blackjack")),
    "TU95": ("Tu-95", ("Tupolev Tu-95", "Tu-95MS", "Tu-142", "Bear")),
    "TU22": ("Tu-22", ("Tupolev Tu-22M", "Tu-22M3", "Backfire")),
    "YK42": ("Yak-42", ("Yakovlev Yak-42",)),
    "YK40": ("Yak-40", ("Yakovlev Yak-40",)),
    "MI8": ("Mi-8", ("Mil Mi-8", "Mi-17", "Mi-171", "Hip")),
    "B200": ("Be-200", ("Beriev Be-200",)),
    "C130": ("C-130", ("Lockheed C-130", "Hercules", "C-130J")),
    "C17": ("C-17", ("Boeing C-17", "Globemaster", "C-17A")),
    "K35R": ("KC-135", ("Boeing KC-135", "Stratotanker")),
    "C5M": ("C-5", ("Lockheed C-5", "C-5M", "Galaxy")),
}

#: Manufacturer words dropped before matching ("Antonov An-124" -> "AN124").
_MAKERS = ("ANTONOV", "ILYUSHIN", "TUPOLEV", "YAKOVLEV", "MIL", "BERIEV", "LOCKHEED", "BOEING",
           "AIRBUS")


def _key(text: str) -> str:
    """Upper case, letters and digits only."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, (name, others) in TYPES.items():
        for form in (code, name, *others):
            out[_key(form)] = code
            for maker in _MAKERS:
                if _key(form).startswith(maker) and len(_key(form)) > len(maker):
                    out[_key(form)[len(maker):]] = code
    return out


_VARIANT = re.compile(r"^([A-Z]+\d+)(?:[A-Z]{1,3}|\d{3})?$")


def designator(text: str | None) -> str | None:
    """The ICAO type designator a typed type name means, or None when it names no known type.

    "An-124", "AN124", "Antonov An-124-100 Ruslan", "Ruslan", "A124" -> "A124".
    """
    if not text or not text.strip():
        return None
    idx = _index()
    words = text.replace("/", " ").split()
    key = _key(text)
    if key in idx:
        return idx[key]
    for n in range(len(words), 0, -1):          # longest leading words first: "An-124-100 Ruslan"
        k = _key(" ".join(words[:n]))
        if k in idx:
            return idx[k]
        for maker in _MAKERS:
            if k.startswith(maker) and k[len(maker):] in idx:
                return idx[k[len(maker):]]
    for w in words:                              # a variant ("An-124-100", "Il-76MD-90A")
        k = _key(w.split("-")[0] + "-" + w.split("-")[1]) if w.count("-") >= 2 else _key(w)
        if k in idx:
            return idx[k]
        m = _VARIANT.match(k)
        if m and m.group(1) in idx:
            return idx[m.group(1)]
    return None


def type_name(code: str | None) -> str | None:
    """The usual written name of a designator ("A124" -> "An-124"), None when unknown."""
    if not code:
        return None
    got = TYPES.get(code.upper())
    return got[0] if got else None
