"""Legs a source states outright (OpenSky flight list: origin, destination, first/last seen)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from casefile.flights.legs import End, Segment, TrackData
from casefile.reference.airports import index as airport_index


class StatedFlight(TypedDict, total=False):
    """A flight as a source states it (an OpenSky flight list row, kept in the track's `stated`)."""

    firstseen: float | None      # UTC epoch seconds the source first tracked it
    lastseen: float | None
    origin: str | None           # the source's estimated airports (ICAO)
    destination: str | None
    callsign: str | None
    number: str | None
    source: str


class StatedAirport(TypedDict, total=False):
    """An airport as a file states it (codes and name as written)."""

    icao: str | None
    iata: str | None
    name: str | None


class StatedFacts(TypedDict, total=False):
    """What a file states about the flight flown (ParsedTrack.flight), not observed by Casefile."""

    source: str                  # who states it: "Flightradar24", "the traffic record"
    fr24_id: str
    number: str
    callsign: str | None
    origin: StatedAirport | None
    destination: StatedAirport | None
    status: str


def _end(code: str | None, t: float | None, what: str, source: str) -> End:
    ap = airport_index().get(code) if code else None
    if ap is None:
        note = f"{what} airport not stated by {source}" if not code else \
            f"{source} states {what} airport {code}, which airportsdata does not know"
        return End(None, code or None, None, None, False, note, {"stated_time": t})
    return End(None, ap.icao, ap.name, None, False,
               f"{source} estimated the {what} airport as {ap.icao} ({ap.name}); the {what} itself "
               f"was not observed (first/last seen times are when the aircraft was tracked)",
               {"stated_time": t})


def stated_segments(d: TrackData, stated: Sequence[StatedFlight]) -> list[Segment]:
    """One leg per stated flight, over the points seen between its first and last seen times."""
    segs = []
    for s in stated:
        lo, hi = s.get("firstseen"), s.get("lastseen")
        idx = [i for i in range(len(d)) if lo is not None and hi is not None and lo <= d.t[i] <= hi]
        if not idx:
            continue
        src = s.get("source", "the source")
        segs.append(Segment("leg", idx[0], idx[-1], takeoff=_end(s.get("origin"), lo, "departure", src),
                            landing=_end(s.get("destination"), hi, "arrival", src)))
    return segs
