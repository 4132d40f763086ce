"""Heliports as the end of a helicopter's flight: a hospital pad, a helitack base, a rooftop.

airportsdata (the airport table legs name ends from) lists few heliports; OurAirports (vendored,
casefile.reference.runways) lists them as type "heliport". A helicopter that sets down or is last
seen descending within HELIPAD_KM of one, nearer than any airport, ended its flight there; an
airport kilometres away is not where an ambulance landed beside its hospital.

A helicopter is known by its type (the aircraft-type table's "helicopter" category) or, when the
type is unknown, by how it flew: ROTOR_SLOW_POINTS airborne positions at ROTOR_MAX_KT or slower (a
hover or slow flight below any aeroplane's approach speed). A type that needs a runway never is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from casefile.reference import runways
from casefile.reference.aircraft_types import Performance
from casefile.reference.airports import index as airport_index

#: a heliport this close (km) to where a helicopter set down (or was last seen descending) is
#: where it landed
HELIPAD_KM = 1.0
#: a helicopter first seen climbing this close (km) to a heliport took off from it
TAKEOFF_KM = 2.0
#: ... at most this high (ft) above it (its elevation, or sea level when not listed)
MAX_AGL_FT = 1500.0
#: airborne at this ground speed (kt) or slower is a hover or slow flight no aeroplane holds
ROTOR_MAX_KT = 40.0
#: ... at this many positions at least (over the whole track)
ROTOR_SLOW_POINTS = 3


def rotorcraft(perf: Performance | None, airborne_gs: Sequence[float | None]) -> bool:
    """Whether the aircraft flying these airborne speeds (kt) is a helicopter (see module doc)."""
    if perf is not None and perf.category != "unknown":
        return perf.category == "helicopter"
    return sum(1 for g in airborne_gs if g is not None and g <= ROTOR_MAX_KT) >= ROTOR_SLOW_POINTS


class Rotor:
    """Whether a track's aircraft is a helicopter, worked out on first ask (most tracks never
    come near a heliport): by type, else by the speeds of its airborne positions."""

    def __init__(self, perf: Performance | None,
                 gs: Sequence[float | None] | np.ndarray | Callable[[], np.ndarray],
                 ground: Sequence[bool] | np.ndarray) -> None:
        self.perf, self.gs, self.ground = perf, gs, ground
        self._known: bool | None = None

    def __bool__(self) -> bool:
        if self._known is None:
            if self.perf is not None and self.perf.category != "unknown":
                self._known = self.perf.category == "helicopter"
            else:
                gs = np.array(self.gs() if callable(self.gs) else self.gs,
                              dtype=np.float64)             # None reads as NaN
                with np.errstate(invalid="ignore"):
                    slow = (gs <= ROTOR_MAX_KT) & ~np.asarray(self.ground, dtype=bool)
                self._known = int(slow.sum()) >= ROTOR_SLOW_POINTS
        return self._known


def nearest(lat: float, lon: float, within_km: float = HELIPAD_KM, *,
            alt_ft: float | None = None) -> tuple[float, runways.Field] | None:
    """The nearest heliport within within_km (km, field), and at most MAX_AGL_FT below alt_ft
    when an altitude is given; None when there is none."""
    for km, f in runways.fields_within(lat, lon, within_km, types=("heliport",)):
        if alt_ft is None or alt_ft - (f.elevation_ft or 0.0) <= MAX_AGL_FT:
            return km, f
    return None


def describe(f: runways.Field) -> str:
    """A heliport as a person reads it: "FR-0121 (Centre Hospitalier Régional Heliport)"."""
    return f"{f.code} ({f.name}, a heliport in OurAirports)"


#: an aircraft on the ground this close (km) to a heliport, with no airport within FIELD_KM, is at
#: the heliport
GROUND_PAD_KM = 0.5
#: an airport this close (km) names where an aircraft on the ground is (casefile.flights.state)
FIELD_KM = 5.0


class Named(NamedTuple):
    """Where an aircraft on the ground is: a code, a name and how far (km)."""

    icao: str
    name: str
    km: float


def ground_field(lat: float, lon: float, rotor: Rotor | bool = False) -> Named | None:
    """The airport (airportsdata) within FIELD_KM of a ground position, else, for a helicopter,
    a heliport (OurAirports) within GROUND_PAD_KM: its base or a hospital pad. (OurAirports is
    read only for helicopters: it takes seconds to load.)"""
    hit = airport_index().nearest(lat, lon, FIELD_KM)
    if hit is not None:
        return Named(hit[0].icao, hit[0].name, hit[1])
    pad = nearest(lat, lon, GROUND_PAD_KM) if rotor else None
    return Named(pad[1].code, pad[1].name, pad[0]) if pad is not None else None
