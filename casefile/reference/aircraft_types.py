"""Aircraft types: ICAO type designators and the names people use for them (An-124, Ruslan, Il-62).

One table, so a claim's "An-124", a reported flight's "A124", a tracker's type field "A124" and a
Flightradar24 model "Antonov An-124-100 Ruslan" all mean the same type. Designators follow ICAO
Doc 8643 (Aircraft Type Designators).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
    # common civil types (names as trackers and articles write them)
    "B736": ("Boeing 737-600", ("737-600",)),
    "B737": ("Boeing 737-700", ("737-700", "737-700C", "BBJ")),
    "B738": ("Boeing 737-800", ("737-800", "737-8AS", "737-800BCF")),
    "B739": ("Boeing 737-900", ("737-900", "737-900ER")),
    "B38M": ("Boeing 737 MAX 8", ("737 MAX 8", "737-8", "737 MAX")),
    "B39M": ("Boeing 737 MAX 9", ("737 MAX 9", "737-9")),
    "B744": ("Boeing 747-400", ("747-400", "747-400F")),
    "B748": ("Boeing 747-8", ("747-8", "747-8F", "747-8I")),
    "B752": ("Boeing 757-200", ("757-200",)),
    "B763": ("Boeing 767-300", ("767-300", "767-300ER", "767-300F")),
    "B772": ("Boeing 777-200", ("777-200", "777-200ER")),
    "B77W": ("Boeing 777-300ER", ("777-300ER",)),
    "B788": ("Boeing 787-8", ("787-8",)),
    "B789": ("Boeing 787-9", ("787-9",)),
    "A319": ("Airbus A319", ("A319-100",)),
    "A320": ("Airbus A320", ("A320-200",)),
    "A321": ("Airbus A321", ("A321-200",)),
    "A20N": ("Airbus A320neo", ("A320neo", "A320-251N")),
    "A21N": ("Airbus A321neo", ("A321neo",)),
    "A332": ("Airbus A330-200", ("A330-200",)),
    "A333": ("Airbus A330-300", ("A330-300",)),
    "A359": ("Airbus A350-900", ("A350-900", "A350")),
    "A388": ("Airbus A380-800", ("A380", "A380-800")),
    "E190": ("Embraer E190", ("ERJ-190", "E190")),
    "CRJ9": ("Bombardier CRJ900", ("CRJ-900", "CRJ900")),
    "AT76": ("ATR 72-600", ("ATR 72", "ATR72")),
    "DH8D": ("Dash 8-400", ("Q400", "DHC-8-400")),
    "EC35": ("Airbus H135", ("EC135", "H135", "Eurocopter EC135")),
    "EC45": ("Airbus H145", ("EC145", "H145", "BK117")),
    "A139": ("AW139", ("AgustaWestland AW139", "Leonardo AW139")),
    "GLID": ("glider", ("sailplane",)),
}

#: Manufacturer words dropped before matching ("Antonov An-124" -> "AN124").
_MAKERS = ("ANTONOV", "ILYUSHIN", "TUPOLEV", "YAKOVLEV", "MIL", "BERIEV", "LOCKHEED", "BOEING",
           "AIRBUS", "EMBRAER", "BOMBARDIER", "EUROCOPTER", "AGUSTAWESTLAND", "LEONARDO")


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


# ---- performance: how fast a type can move and which runways it needs -------------------------
#: Runway surfaces as `casefile.reference.runways` classifies them.
SURFACES = ("hard", "soft", "water")

#: Extra ground speed allowed on top of a category's fastest true airspeed (a tail wind), in kt.
WIND_MARGIN_KT: dict[str, float] = {
    "jet-heavy": 200.0, "jet": 200.0, "bizjet": 200.0, "supersonic": 200.0, "turboprop": 150.0,
    "piston": 100.0, "helicopter": 60.0, "glider": 60.0, "unknown": 200.0,
}

_BASIS = ("approximate published maximum cruise speed and typical minimum landing/take-off runway "
          "for the type, rounded to be cautious (faster and shorter than typical)")


@dataclass(frozen=True)
class Performance:
    """What physics allows a type: the fastest ground speed reachability may assume, and the runways
    it can use. Figures are rounded to be cautious: too fast reaches further (fewer "unreachable"
    verdicts), too short a runway excludes fewer airfields."""

    designator: str | None
    category: str
    max_tas_kt: float
    min_runway_m: float
    surfaces: tuple[str, ...]
    needs_runway: bool = True
    basis: str = _BASIS

    @property
    def wind_margin_kt(self) -> float:
        return WIND_MARGIN_KT[self.category]

    @property
    def max_gs_kt(self) -> float:
        """The fastest ground speed a path of this type may have: cruise plus a tail-wind margin."""
        return self.max_tas_kt + self.wind_margin_kt

    def to_dict(self) -> dict[str, object]:
        return {"designator": self.designator, "category": self.category,
                "max_tas_kt": self.max_tas_kt, "wind_margin_kt": self.wind_margin_kt,
                "max_gs_kt": self.max_gs_kt, "min_runway_m": self.min_runway_m,
                "surfaces": list(self.surfaces), "needs_runway": self.needs_runway,
                "basis": self.basis}


_HARD = ("hard",)
_ANY_LAND = ("hard", "soft")
_ALL = ("hard", "soft", "water")

#: category -> (max TAS kt, min runway m, surfaces, needs a runway) for types not listed one by one
CATEGORY_DEFAULTS: dict[str, tuple[float, float, tuple[str, ...], bool]] = {
    "jet-heavy": (520.0, 2000.0, _HARD, True),
    "jet": (500.0, 1400.0, _HARD, True),
    "bizjet": (520.0, 800.0, _HARD, True),
    "supersonic": (1200.0, 2000.0, _HARD, True),
    "turboprop": (360.0, 600.0, _ANY_LAND, True),
    "piston": (210.0, 250.0, _ANY_LAND, True),
    "helicopter": (170.0, 0.0, _ALL, False),
    "glider": (150.0, 0.0, _ANY_LAND, False),
    # unknown: as fast as an airliner, any runway a light aircraft could use
    "unknown": (520.0, 250.0, _ANY_LAND, True),
}

#: designator -> (category, max TAS kt, min runway m, surfaces); None fields take the category's
_PERF: dict[str, tuple[str, float | None, float | None, tuple[str, ...] | None]] = {
    # airliners and heavy transports
    "B744": ("jet-heavy", 510, 2500, None), "B748": ("jet-heavy", 510, 2500, None),
    "B772": ("jet-heavy", 510, 2400, None), "B77W": ("jet-heavy", 510, 2500, None),
    "B773": ("jet-heavy", 510, 2500, None), "B77L": ("jet-heavy", 510, 2400, None),
    "B788": ("jet-heavy", 510, 2200, None), "B789": ("jet-heavy", 510, 2300, None),
    "B78X": ("jet-heavy", 510, 2400, None), "B762": ("jet-heavy", 490, 1800, None),
    "B763": ("jet-heavy", 490, 2000, None), "B764": ("jet-heavy", 490, 2200, None),
    "A332": ("jet-heavy", 490, 2000, None), "A333": ("jet-heavy", 490, 2200, None),
    "A339": ("jet-heavy", 490, 2200, None), "A343": ("jet-heavy", 490, 2400, None),
    "A346": ("jet-heavy", 490, 2600, None), "A359": ("jet-heavy", 510, 2300, None),
    "A35K": ("jet-heavy", 510, 2500, None), "A388": ("jet-heavy", 510, 2800, None),
    "MD11": ("jet-heavy", 510, 2500, None), "IL96": ("jet-heavy", 490, 2400, None),
    "IL62": ("jet-heavy", 490, 2300, None), "IL76": ("jet-heavy", 460, 1500, _ANY_LAND),
    "A124": ("jet-heavy", 460, 2000, _ANY_LAND), "A225": ("jet-heavy", 460, 2500, None),
    "C17": ("jet-heavy", 460, 1000, _ANY_LAND), "C5M": ("jet-heavy", 480, 1500, None),
    "K35R": ("jet-heavy", 460, 2300, None), "B52": ("jet-heavy", 460, 2500, None),
    "TU95": ("turboprop", 480, 2300, _HARD), "A400": ("turboprop", 430, 900, _ANY_LAND),
    "T160": ("supersonic", 1200, 2500, None), "TU22": ("supersonic", 1100, 2200, None),
    "B736": ("jet", 470, 1500, None), "B737": ("jet", 470, 1500, None),
    "B738": ("jet", 470, 1700, None), "B739": ("jet", 470, 1800, None),
    "B37M": ("jet", 470, 1500, None), "B38M": ("jet", 470, 1700, None),
    "B39M": ("jet", 470, 1800, None), "B752": ("jet", 480, 1700, None),
    "B753": ("jet", 480, 1900, None), "B712": ("jet", 450, 1500, None),
    "A318": ("jet", 470, 1400, None), "A319": ("jet", 470, 1500, None),
    "A320": ("jet", 470, 1600, None), "A321": ("jet", 470, 1800, None),
    "A19N": ("jet", 470, 1500, None), "A20N": ("jet", 470, 1600, None),
    "A21N": ("jet", 470, 1800, None), "BCS1": ("jet", 470, 1400, None),
    "BCS3": ("jet", 470, 1500, None), "E170": ("jet", 450, 1400, None),
    "E75L": ("jet", 450, 1400, None), "E75S": ("jet", 450, 1400, None),
    "E190": ("jet", 450, 1400, None), "E195": ("jet", 450, 1500, None),
    "E290": ("jet", 460, 1400, None), "E295": ("jet", 460, 1500, None),
    "CRJ2": ("jet", 450, 1500, None), "CRJ7": ("jet", 450, 1500, None),
    "CRJ9": ("jet", 450, 1600, None), "CRJX": ("jet", 450, 1600, None),
    "F100": ("jet", 430, 1400, None), "F70": ("jet", 430, 1300, None),
    "MD82": ("jet", 460, 1700, None), "MD83": ("jet", 460, 1800, None),
    "MD88": ("jet", 460, 1700, None), "MD90": ("jet", 460, 1700, None),
    "B463": ("jet", 430, 1200, None), "RJ85": ("jet", 430, 1200, None),
    "SU95": ("jet", 460, 1600, None), "T154": ("jet", 500, 2000, None),
    "T204": ("jet", 470, 1800, None), "T134": ("jet", 470, 1800, None),
    "YK42": ("jet", 440, 1600, _ANY_LAND), "YK40": ("jet", 300, 1000, _ANY_LAND),
    "A148": ("jet", 450, 1500, None), "AN72": ("jet", 380, 900, _ANY_LAND),
    # business jets
    "GLF4": ("bizjet", 500, 1300, None), "GLF5": ("bizjet", 510, 1300, None),
    "GLF6": ("bizjet", 520, 1300, None), "GL5T": ("bizjet", 510, 1300, None),
    "GLEX": ("bizjet", 510, 1300, None), "GL7T": ("bizjet", 520, 1300, None),
    "CL30": ("bizjet", 470, 1200, None), "CL35": ("bizjet", 470, 1200, None),
    "CL60": ("bizjet", 470, 1300, None), "F900": ("bizjet", 480, 1000, None),
    "F2TH": ("bizjet", 480, 1000, None), "FA7X": ("bizjet", 490, 1000, None),
    "FA8X": ("bizjet", 490, 1000, None), "C56X": ("bizjet", 440, 1000, None),
    "C680": ("bizjet", 460, 1000, None), "C68A": ("bizjet", 460, 1000, None),
    "C750": ("bizjet", 520, 1200, None), "C525": ("bizjet", 400, 900, None),
    "C25A": ("bizjet", 410, 900, None), "C25B": ("bizjet", 420, 900, None),
    "LJ35": ("bizjet", 460, 1200, None), "LJ45": ("bizjet", 460, 1200, None),
    "LJ60": ("bizjet", 460, 1300, None), "E55P": ("bizjet", 430, 900, None),
    "E35L": ("bizjet", 460, 1300, None), "PC24": ("bizjet", 440, 800, _ANY_LAND),
    "H25B": ("bizjet", 450, 1200, None),
    # turboprops and propeller transports
    "AT43": ("turboprop", 270, 1000, None), "AT45": ("turboprop", 280, 1000, None),
    "AT72": ("turboprop", 280, 1100, None), "AT75": ("turboprop", 280, 1100, None),
    "AT76": ("turboprop", 280, 1100, None), "DH8A": ("turboprop", 270, 900, None),
    "DH8B": ("turboprop", 270, 900, None), "DH8C": ("turboprop", 280, 1000, None),
    "DH8D": ("turboprop", 360, 1200, None), "SF34": ("turboprop", 280, 1100, None),
    "D328": ("turboprop", 340, 1000, None), "JS41": ("turboprop", 300, 1000, None),
    "C130": ("turboprop", 340, 900, _ANY_LAND), "C30J": ("turboprop", 360, 900, _ANY_LAND),
    "C295": ("turboprop", 260, 700, _ANY_LAND), "CN35": ("turboprop", 250, 700, _ANY_LAND),
    "AN12": ("turboprop", 360, 1200, _ANY_LAND), "AN22": ("turboprop", 360, 1500, _ANY_LAND),
    "AN26": ("turboprop", 240, 800, _ANY_LAND), "AN24": ("turboprop", 250, 800, _ANY_LAND),
    "IL18": ("turboprop", 350, 1300, _ANY_LAND), "P3": ("turboprop", 350, 1500, None),
    "B200": ("turboprop", 320, 700, _ALL), "B350": ("turboprop", 320, 800, _ANY_LAND),
    "BE20": ("turboprop", 300, 700, _ANY_LAND), "BE9L": ("turboprop", 250, 600, _ANY_LAND),
    "PC12": ("turboprop", 290, 600, _ANY_LAND), "C208": ("turboprop", 190, 400, _ALL),
    "DHC6": ("turboprop", 180, 350, _ALL), "L410": ("turboprop", 220, 450, _ANY_LAND),
    "TBM7": ("turboprop", 330, 600, _ANY_LAND), "TBM9": ("turboprop", 330, 600, _ANY_LAND),
    "CL2T": ("turboprop", 200, 1000, _ALL), "CL415": ("turboprop", 200, 1000, _ALL),
    # piston
    "C150": ("piston", 110, 250, None), "C152": ("piston", 110, 250, None),
    "C172": ("piston", 130, 300, None), "C182": ("piston", 150, 300, None),
    "C206": ("piston", 160, 300, None), "P28A": ("piston", 130, 300, None),
    "PA34": ("piston", 200, 450, None), "BE58": ("piston", 210, 500, None),
    "SR22": ("piston", 190, 400, None), "SR20": ("piston", 160, 400, None),
    "DA40": ("piston", 150, 350, None), "DA42": ("piston", 180, 450, None),
    "DR40": ("piston", 140, 350, None), "M20P": ("piston", 170, 400, None),
    "DC3": ("piston", 200, 800, None),
    # helicopters (no runway)
    "EC35": ("helicopter", 140, None, None), "EC45": ("helicopter", 145, None, None),
    "EC30": ("helicopter", 140, None, None), "EC20": ("helicopter", 130, None, None),
    "EC55": ("helicopter", 155, None, None), "EC75": ("helicopter", 165, None, None),
    "AS50": ("helicopter", 140, None, None), "AS55": ("helicopter", 140, None, None),
    "AS65": ("helicopter", 165, None, None), "AS32": ("helicopter", 160, None, None),
    "A109": ("helicopter", 155, None, None), "A119": ("helicopter", 145, None, None),
    "A139": ("helicopter", 165, None, None), "A169": ("helicopter", 160, None, None),
    "S76": ("helicopter", 155, None, None), "S92": ("helicopter", 165, None, None),
    "B06": ("helicopter", 120, None, None), "B407": ("helicopter", 135, None, None),
    "B412": ("helicopter", 140, None, None), "R44": ("helicopter", 115, None, None),
    "R22": ("helicopter", 100, None, None), "MI8": ("helicopter", 140, None, None),
    "H60": ("helicopter", 160, None, None), "H47": ("helicopter", 170, None, None),
    "NH90": ("helicopter", 165, None, None), "EH10": ("helicopter", 170, None, None),
    "GLID": ("glider", 150, None, None),
}


def performance(code: str | None) -> Performance:
    """The performance a designator (or a name `designator()` understands) allows; a cautious
    default for an unknown type."""
    desig = None
    if code:
        desig = code.strip().upper() if code.strip().upper() in _PERF else designator(code)
    row = _PERF.get(desig or "")
    if row is None:
        tas, runway, surfaces, needs = CATEGORY_DEFAULTS["unknown"]
        return Performance(desig, "unknown", tas, runway, surfaces, needs,
                           "type unknown: a cautious default (as fast as an airliner, any runway a "
                           "light aircraft could use)")
    category, tas_, runway_, surfaces_ = row
    tas, runway, surfaces, needs = CATEGORY_DEFAULTS[category]
    return Performance(desig, category, float(tas_ if tas_ is not None else tas),
                       float(runway_ if runway_ is not None else runway),
                       surfaces_ or surfaces, needs)


def category_performance(category: str) -> Performance:
    """The cautious figures of a whole category (for a type known only as 'a helicopter')."""
    tas, runway, surfaces, needs = CATEGORY_DEFAULTS[category]
    return Performance(None, category, tas, runway, surfaces, needs,
                       f"category {category}: cautious figures for the whole category")
