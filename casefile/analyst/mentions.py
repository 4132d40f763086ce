"""Possible entity mentions in source text: registrations, ICAO hex codes, aircraft types, airports,
people and organisations. Suggestions only: the analyst decides what becomes an entity."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypedDict

from casefile.model.analyst import Mention
from casefile.reference import airports
from casefile.reference.aircraft_types import designator

# ICAO nationality marks written with a hyphen before the rest of the registration.
_PREFIXES = set("""A2 A3 A4O A5 A6 A7 A8 A9C AP B C C2 C3 C5 C6 C9 CC CN CP CS CU CX D D2 D4 D6 DQ
E3 E5 E7 EC EI EK EP ER ES ET EW EX EY EZ F G H4 HA HB HC HH HI HK HP HR HS HZ I J2 J3 J5 J6 J7 J8
JU JY LN LV LX LY LZ M OB OD OE OH OK OM OO OY P2 P4 PH PJ PK PP PR PS PT PU PZ RA RF RP S2 S5 S7 S9
SE SP ST SU SX T3 T7 T8A T9 TC TF TG TI TJ TL TN TR TS TT TU TY TZ UK UN UP UR V2 V3 V4 V5 V6 V7 V8
VH VN VP VQ VT XA XB XC XT XU XY YA YI YJ YK YL YN YR YS YU YV Z Z3 ZA ZK ZP ZS 3A 3B 3C 3D 3X 4K 4L
4O 4R 4X 5A 5B 5H 5N 5R 5T 5U 5V 5W 5X 5Y 6O 6V 6Y 7O 7P 7Q 7T 8P 8Q 8R 9A 9G 9H 9J 9K 9L 9M 9N 9Q
9U 9V 9XR 9Y""".split())
# Marks whose registrations are (often) all digits: RA-82010, UR-82072, B-1234, EW-78827.
_DIGIT_MARKS = {"RA", "RF", "UR", "EW", "UP", "UN", "EK", "4K", "EX", "EY", "EZ", "B", "YV", "CU",
                "ER", "UK", "LZ", "YK", "YI", "P", "HA", "SP", "OK", "OM", "YR"}
_REG = re.compile(r"(?<![\w-])([A-Z0-9]{1,3})-([A-Z0-9]{2,5})(?![\w-])")
_US_REG = re.compile(r"(?<![\w-])(N[1-9](?:\d{0,4}|\d{0,3}[A-HJ-NP-Z]|\d{0,2}[A-HJ-NP-Z]{2}))(?![\w-])")
_HEX = re.compile(r"(?<![\w#-])([0-9a-f]{6}|[0-9A-F]{6})(?![\w-])")
_HEX_CONTEXT = re.compile(r"(hex|icao|mode[ -]?s|transponder|icao24|24-bit)", re.IGNORECASE)

_MAKERS = {"antonov": "An", "ilyushin": "Il", "tupolev": "Tu", "sukhoi": "Su", "mikoyan": "MiG",
           "yakovlev": "Yak", "mil": "Mi", "kamov": "Ka", "beriev": "Be"}
_SOVIET = re.compile(r"(?<![\w-])(?:(Antonov|Ilyushin|Tupolev|Sukhoi|Mikoyan|Yakovlev|Mil|Kamov|Beriev)"
                     r"\s+)?(An|AN|Il|IL|Tu|TU|Su|SU|MiG|MIG|Yak|YAK|Mi|MI|Ka|KA|Be|BE)"
                     r"[- ]?(\d{1,3})([A-Z]{0,3})(?![\w-])")
_WESTERN = re.compile(r"(?<![\w-])(?:(Boeing)\s+(7[0-8]7)(?:[- ](\d{1,3}|MAX(?: \d{1,2})?))?"
                      r"|(?:Airbus\s+)?(A3[0-8]\d)(?:-(\d{3}))?"
                      r"|(C|KC|EC|RC|E|P)-(\d{1,3})([A-Z]?))(?![\w-])")
_TRACKERS = {"flightradar24": "Flightradar24", "adsbexchange": "ADS-B Exchange",
             "ads-b exchange": "ADS-B Exchange", "flightaware": "FlightAware",
             "opensky": "OpenSky Network", "planefinder": "Plane Finder",
             "radarbox": "RadarBox", "adsb.lol": "adsb.lol"}
_TRACKER_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in _TRACKERS) + r")(?!\w)",
                         re.IGNORECASE)

_ORG_WORDS = {"Ministry", "Force", "Forces", "Army", "Navy", "Agency", "Department", "Office",
              "Company", "Airlines", "Corporation", "Committee", "Council", "Bank", "Guard",
              "Command", "Service", "Services", "Police", "Government", "Parliament", "Embassy",
              "University", "Institute", "Group", "Airways", "Union", "Organization",
              "Organisation", "Kremlin", "Pentagon", "Congress", "Senate", "Administration"}
_TITLES = {"President", "Reporter", "Minister", "General", "Gen", "Colonel", "Col", "Capt",
           "Captain", "Admiral", "Lieutenant", "Major", "Mr", "Mrs", "Ms", "Dr", "Senator",
           "Journalist", "Spokesman", "Spokeswoman", "Ambassador", "Commander", "Sergeant",
           "Chief", "Leader", "Governor", "Prime", "Defense", "Defence", "Foreign", "Генерал",
           "Полковник", "Президент", "Министр", "Капитан", "Адмирал", "Журналист"}
_NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "To", "For", "From", "By", "With", "And", "But", "Or",
    "It", "Its", "This", "That", "These", "Those", "Two", "Three", "One", "Four", "Five", "Here",
    "There", "As", "If", "When", "While", "After", "Before", "Since", "Photo", "Video", "Footage",
    "According", "Another", "Some", "All", "No", "Not", "Yes", "I", "We", "They", "He", "She",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Russian", "Russians", "Venezuelan", "Venezuelans", "American",
    "Americans", "Syrian", "Chinese", "Soviet", "Ukrainian", "Belarusian", "Cuban", "Iranian",
    "European", "British", "French", "German", "Russia", "Venezuela", "Syria", "China", "Cuba",
    "Ukraine", "United", "States", "Nations", "Kingdom", "Federation", "Republic", "Washington",
    "Moscow", "Caracas", "Air", "Airport", "Airbase", "International", "North", "South", "East",
    "West", "Central", "Latin", "America", "Doctrine", "Trump", "Twitter", "Facebook", "Telegram",
    "Instagram", "Internet", "National", "Socialist", "Communist", "Democratic", "Party",
    "Defense", "Defence", "Foreign", "Military", "Strategic", "Red", "Line", "OPEC", "UN", "EU",
    "NATO", "U", "S", "Monroe", "Ministry", "Kremlin", "Antonov", "Ilyushin", "Tupolev", "Boeing",
    "Airbus", "Sukhoi", "Mikoyan", "Yakovlev", "Mil", "Kamov", "Beriev", "Flight", "Flights"}
_CAP = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zà-öø-ÿа-яё'’]+(?:-[A-ZÀ-ÖØ-ÞА-ЯЁ]?[a-zà-öø-ÿа-яё'’]+)*"
_NAME_RUN = re.compile(rf"(?<![\w@#])({_CAP}(?:\s+{_CAP}){{1,3}})")
_CAP_WORD = re.compile(r"(?<![\w@#-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{4,})(?![\w-])")
_FLIGHT_WORDS = re.compile(r"\b(flights?|fl[eo]w|plane|planes|aircraft|airport|landed|landing|"
                           r"left|leaving|departed|arrived|bound|take-?off|stopover|stopping)\b",
                           re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{2,30})\b")


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    return text[max(0, start - width): end + width]


def _registrations(text: str) -> Iterable[Mention]:
    for m in _REG.finditer(text):
        mark, rest = m.group(1), m.group(2)
        if mark not in _PREFIXES:
            continue
        if rest.isdigit() and mark not in _DIGIT_MARKS:
            continue
        yield Mention("registration", m.group(0), m.group(0), "aircraft", m.start(), m.end(),
                      "high" if mark in _DIGIT_MARKS or not rest.isdigit() else "medium")
    for m in _US_REG.finditer(text):
        yield Mention("registration", m.group(1), m.group(1), "aircraft", m.start(), m.end(),
                      "medium" if len(m.group(1)) >= 4 else "low", "United States (N-number)")


def _hex_codes(text: str) -> Iterable[Mention]:
    for m in _HEX.finditer(text):
        code = m.group(1)
        mixed = any(c.isdigit() for c in code) and any(c.isalpha() for c in code)
        near = bool(_HEX_CONTEXT.search(_context(text, m.start(), m.end(), 25)))
        if near or (mixed and not code.isupper()):
            yield Mention("icao-hex", code, code.lower(), "aircraft", m.start(), m.end(),
                          "high" if near else "low")


def _types(text: str) -> Iterable[Mention]:
    for m in _SOVIET.finditer(text):
        maker, prefix, number, suffix = m.groups()
        canon = {"AN": "An", "IL": "Il", "TU": "Tu", "SU": "Su", "MIG": "MiG", "YAK": "Yak",
                 "MI": "Mi", "KA": "Ka", "BE": "Be"}.get(prefix, prefix)
        if maker and _MAKERS[maker.lower()] != canon:
            continue
        if not maker and prefix.isupper() and "-" not in m.group(0):
            continue  # "AN 12" / "MI5" without a maker: too likely something else
        value = f"{canon}-{number}{suffix}"
        code = designator(f"{canon}-{number}")
        yield Mention("aircraft-type", m.group(0), value, "aircraft", m.start(), m.end(),
                      "high" if maker or "-" in m.group(0) else "medium",
                      f"ICAO type {code}" if code else None)
    for m in _WESTERN.finditer(text):
        g = m.groups()
        if g[0]:
            value = f"Boeing {g[1]}" + (f"-{g[2]}" if g[2] and g[2].isdigit() else
                                        f" {g[2]}" if g[2] else "")
        elif g[3]:
            value = g[3] + (f"-{g[4]}" if g[4] else "")
        else:
            value = f"{g[5]}-{g[6]}{g[7]}"
        code = designator(value.split(" ")[0]) if not g[0] else None
        yield Mention("aircraft-type", m.group(0), value, "aircraft", m.start(), m.end(),
                      "medium", f"ICAO type {code}" if code else None)


def _airport_codes(text: str) -> Iterable[Mention]:
    for m in re.finditer(r"(?<![\w-])([A-Z]{4}|[A-Z]{3})(?![\w-])", text):
        code = m.group(1)
        ap = airports.lookup(code)
        if ap is None:
            continue
        ctx = _context(text, m.start(), m.end(), 30)
        near = bool(re.search(r"airport|airfield|air base|airbase|icao|iata|aerodrome|[(/]" +
                              re.escape(code) + r"|" + re.escape(code) + r"[)/]", ctx, re.I))
        if len(code) == 3 and not near:
            continue  # three capitals are too often an acronym
        yield Mention("airport", code, ap["icao"], "place", m.start(), m.end(),
                      "high" if near else "low", f"{ap['name']}, {ap['city']} ({ap['country']})")


def _airport_names(text: str) -> Iterable[Mention]:
    names, cities = airports.by_name_word(), airports.by_city()
    for m in _CAP_WORD.finditer(text):
        word = m.group(1)
        key = airports.fold(word)
        found = names.get(key, [])
        if word in _TITLES or (word in _NOT_NAMES and key not in cities):
            continue
        if 0 < len(found) <= 3 and key not in cities:
            for ap in found:
                yield Mention("airport", word, ap["icao"], "place", m.start(), m.end(), "medium",
                              f"name matches {ap['name']}, {ap['city']} ({ap['country']})")
            continue
        in_city = cities.get(key, [])
        if 0 < len(in_city) <= 2 and _FLIGHT_WORDS.search(_context(text, m.start(), m.end(), 80)):
            for ap in in_city:
                yield Mention("airport", word, ap["icao"], "place", m.start(), m.end(), "low",
                              f"airport of {ap['city']}: {ap['name']} ({ap['country']})")


def _people_and_orgs(text: str) -> Iterable[Mention]:
    for m in _NAME_RUN.finditer(text):
        words = m.group(1).split()
        start = m.start()
        while words and (words[0] in _TITLES or words[0] in _NOT_NAMES):
            start += len(words[0])
            start = text.index(words[1], start) if len(words) > 1 else start
            words = words[1:]
        if any(w.rstrip("’'s") in _ORG_WORDS for w in words):
            continue
        while words and (words[-1] in _NOT_NAMES or words[-1] in _TITLES):
            words = words[:-1]
        if len(words) < 2 or any(w in _NOT_NAMES for w in words):
            continue
        name = " ".join(w.removesuffix("’s").removesuffix("'s") for w in words)
        yield Mention("person", name, name, "person", start, start + len(" ".join(words)), "low")
    org = re.compile(rf"(?<![\w@#])((?:{_CAP}\s+){{0,3}}(?:{'|'.join(sorted(_ORG_WORDS))}))(?!\w)")
    for m in org.finditer(text):
        words = m.group(1).split()
        while len(words) > 1 and words[0] in {"The", "A", "An", "In", "On", "At", "To"}:
            words = words[1:]
        name = " ".join(words)
        yield Mention("organisation", name, name.replace("’s", "").replace("'s", ""),
                      "organisation", m.end() - len(name), m.end(), "low")
    for m in _TRACKER_RE.finditer(text):
        yield Mention("organisation", m.group(1), _TRACKERS[m.group(1).lower()], "organisation",
                      m.start(), m.end(), "high", "flight-tracking service")
    for m in _HANDLE.finditer(text):
        yield Mention("account", "@" + m.group(1), "@" + m.group(1), "person", m.start(), m.end(),
                      "medium", "social-media handle")


def suggest_mentions(text: str) -> list[Mention]:
    """Every possible mention in `text`, in text order (a type is never also a registration)."""
    found: list[Mention] = []
    types = list(_types(text))
    spans = [(t.start, t.end) for t in types]
    found.extend(types)
    for m in _registrations(text):
        if not any(s <= m.start < e for s, e in spans):
            found.append(m)
    for gen in (_hex_codes, _airport_codes, _airport_names, _people_and_orgs):
        found.extend(gen(text))
    return sorted(found, key=lambda m: (m.start, m.kind, m.value))


class AcceptedMention(TypedDict):
    """A suggested mention the analyst accepts as an entity (entities.add_from_mention)."""

    kind: str                          # registration | icao-hex | aircraft-type | airport | person ...
    value: str
    detail: str | None
    forms: list[str]                   # as written in the text


class MentionSummary(AcceptedMention):
    """One suggested mention in a source's text: how often, the forms seen, best confidence."""

    entity_kind: str
    count: int
    confidence: str                    # low | medium | high
    first_at: int                      # where in the text it first occurs


def summarise(mentions: Iterable[Mention]) -> list[MentionSummary]:
    """One row per (kind, value): how often, the forms seen, best confidence, first position."""
    rank = {"low": 0, "medium": 1, "high": 2}
    out: dict[tuple[str, str], MentionSummary] = {}
    for m in mentions:
        row = out.setdefault((m.kind, m.value), MentionSummary(
            kind=m.kind, value=m.value, entity_kind=m.entity_kind, count=0, forms=[],
            confidence=m.confidence, detail=m.detail, first_at=m.start))
        row["count"] += 1
        if m.text not in row["forms"]:
            row["forms"].append(m.text)
        if rank[m.confidence] > rank[row["confidence"]]:
            row["confidence"] = m.confidence
    return sorted(out.values(), key=lambda r: (r["first_at"], r["kind"]))
