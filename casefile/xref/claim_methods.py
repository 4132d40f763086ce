"""The tolerances and speeds claim verdicts use, in words: what the report's Methods states."""

from __future__ import annotations

from casefile.reference import places
from casefile.reference.aircraft_types import CATEGORY_DEFAULTS, WIND_MARGIN_KT
from casefile.timeutil import PRECISION_S
from casefile.xref.claim_match import Tolerances


def claim_methods(settings: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(what, the rule with its figure) for every tolerance and speed a claim verdict uses, with
    the case's own settings (case_meta "claims.*") where it has them."""
    tol = Tolerances.of(settings or {})
    return [
        ("Stated precision", "A typed time keeps its precision: to the minute ±"
         f"{PRECISION_S['minute']:g} s, to the hour ±{PRECISION_S['hour'] / 60:g} min, a date the "
         "whole local day; a time to the second is taken as given."),
        ("About, around", f"'about'/'around' (or --about) widens a time by ±{tol.approx_s / 60:g} "
         "min."),
        ("Reporting tolerance", f"A claimed moment matches a recorded take-off or landing when "
         f"their windows meet within {tol.report_tol_s / 60:g} min (news rounds times), on top of "
         "both the claim's precision and the event's own window (the positions either side)."),
        ("Near misses", f"Beyond that combined tolerance but within {tol.near_factor:g}× it: "
         "undetermined, with the gap in minutes; only further away, with the records covering "
         "the claimed time, inconsistent."),
        ("A named airport", "A take-off or landing counts at a named airport only when it is "
         f"attributed to it (unattributed: within {places.AIRPORT_UNNAMED_KM:g} km of its point); "
         "a neighbouring field is somewhere else, named with its distance."),
        ("A city", "Its reach by population (" + ", ".join(
            f"{km:g} km from {n:,}+ people" for n, km in places.CITY_KM) + ") plus the airports "
         f"serving it (airportsdata's city, IATA metropolitan codes) within "
         f"{places.CITY_AIRPORT_MAX_KM:g} km."),
        ("Over a country", "Its Natural Earth 1:50m outline plus the 12-nautical-mile "
         f"territorial sea ({places.TERRITORIAL_KM:g} km)."),
        ("Zones", "A time typed without a zone takes the zone of the named place (airport, city "
         "or position; basis location-tz); only with no such zone is it widened to every zone on "
         "Earth, and then it is consistent or inconsistent only if every reading agrees."),
        ("Coverage", "A claimed time inside a coverage gap or outside the records is not covered: "
         "it is never inconsistent for lack of data. Between two ground positions at the same "
         "spot the aircraft is probably still there (consistent at a lower confidence)."),
        ("Reachability", "Between two positions the aircraft is within a space-time prism, before "
         "the first and after the last within a cone, at its type's fastest ground speed; a place "
         "no such path reaches in the claimed time is inconsistent, with the distance and the "
         "speed it would need. Speeds by category (fastest true airspeed + wind margin, kt): "
         + ", ".join(f"{c} {CATEGORY_DEFAULTS[c][0]:g}+{WIND_MARGIN_KT[c]:g}"
                     for c in CATEGORY_DEFAULTS) + "; a known type uses its own cruise speed "
         "(reference.aircraft_types), an unknown type the cautious default."),
        ("This case's settings", _own(settings or {})),
    ]


def _own(settings: dict[str, str]) -> str:
    own = [f"{k} = {v}" for k, v in sorted(settings.items()) if k.startswith("claims.")]
    if not own:
        return "None set (casefile claim tolerances): the defaults above apply."
    return "Set for this case (casefile claim tolerances): " + ", ".join(own) + "."
