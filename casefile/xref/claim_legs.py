"""A transit claim judged on the leg it names ("over Vietnam on its way from Subang to Taipei").

A transit claim may name its leg by where it left and where it went (either may be left open).
The legs of the named aircraft whose take-off counts as at the first place and whose landing
counts as at the second (by the same rule claims use for airports and cities,
`reference.places.end_at`), and that meet the claim's own time if it gives one, set the time the
transit is judged on: from the earliest possible take-off to the latest possible landing. Without
a named leg, the legs inside the claim's window are judged, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from casefile.geo import distance_km
from casefile.reference import places
from casefile.reference.places import Place
from casefile.xref.model import ClaimIn, EndIn, LegIn


def names_leg(claim: ClaimIn) -> bool:
    return claim.kind == "transit" and (claim.leg_from is not None or claim.leg_to is not None)


def leg_words(claim: ClaimIn) -> str:
    """'the leg from Subang to Taipei Songshan Airport (RCSS)' as the claim names it."""
    a = claim.leg_from.name if claim.leg_from else "anywhere"
    b = claim.leg_to.name if claim.leg_to else "anywhere"
    return f"the leg from {a} to {b}"


def _at(place: Place | None, end: EndIn) -> bool:
    if place is None:
        return True
    if end.lat is None or end.lon is None:
        return bool(end.airport_icao) and places.end_at(place, end.airport_icao, float("inf"))
    return places.end_at(place, end.airport_icao, distance_km(place.lat, place.lon, end.lat, end.lon))


def span(leg: LegIn) -> tuple[float, float] | None:
    """From the earliest possible take-off to the latest possible landing (first and last
    positions where an end's time is unknown)."""
    t0 = leg.takeoff.time - leg.takeoff.uncertainty_s if leg.takeoff.time is not None \
        else leg.first_seen
    t1 = leg.landing.time + leg.landing.uncertainty_s if leg.landing.time is not None \
        else leg.last_seen
    if t0 is None or t1 is None or t1 < t0:
        return None
    return t0, t1


def named_legs(claim: ClaimIn, legs: Sequence[LegIn], ids: Sequence[str],
               window: tuple[float, float] | None) -> list[tuple[LegIn, tuple[float, float]]]:
    """The legs of these aircraft that match the claim's named leg and meet its window."""
    out = []
    for leg in legs:
        if leg.aircraft_id not in ids or not _at(claim.leg_from, leg.takeoff) \
                or not _at(claim.leg_to, leg.landing):
            continue
        got = span(leg)
        if got is None or (window is not None and (got[1] < window[0] or got[0] > window[1])):
            continue
        out.append((leg, got))
    return sorted(out, key=lambda x: x[1])
