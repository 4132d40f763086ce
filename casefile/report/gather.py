"""What the report reads from the other parts, through their public query modules, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from casefile.flights import query as flights_query
from casefile.model.findings import CheckFinding, Finding
from casefile.model.flights import Aircraft, Gap, Leg, Point, ReportedFlight
from casefile.model.photos import PhotoInfo
from casefile.photos import query as photos_query
from casefile.reference.worldmap import Ring, load_world
from casefile.store import Case
from casefile.xref import query as xref_query


@dataclass
class PhotoEntry:
    """One photo and the results of its metadata checks."""

    info: PhotoInfo
    checks: list[CheckFinding] = field(default_factory=list)


@dataclass
class Flights:
    """Aircraft with their legs, coverage gaps, points and hand-entered flights."""

    aircraft: list[Aircraft]
    legs: list[Leg]
    gaps: list[Gap]
    points: dict[str, list[Point]]      # aircraft id -> points in time order
    reported: list[ReportedFlight]
    track_items: dict[str, str] = field(default_factory=dict)   # track id -> source item id
    # aircraft id -> its tracks' continuous stretches (split at coverage gaps), in time order
    stretches: dict[str, list[list[Point]]] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)   # aircraft id -> colour (as in the GUI)
    calls: dict[str, list[str]] = field(default_factory=dict)  # aircraft id -> callsigns, flight numbers
    #: stretches of spoofed positions (flights query spoofed_stretches), shown as such
    spoofed: list[flights_query.SpoofedStretch] = field(default_factory=list)


def photos(case: Case) -> list[PhotoEntry]:
    """Every photo with its check results."""
    found = photos_query.all_photo_checks(case)
    return [PhotoEntry(i, list(found.get(i.item_id, []))) for i in photos_query.list_photos(case)]


def flights(case: Case, *, every_point: bool = False) -> Flights:
    """Aircraft, legs, gaps and points (usable ones, or every point including flagged ones)."""
    aircraft = flights_query.list_aircraft(case)
    points = {a.id: list(flights_query.track_points(case, aircraft_id=a.id,
                                                    include_flagged=every_point))
              for a in aircraft}
    rows = flights_query.tracks(case)
    track_items = {str(r["id"]): str(r["item_id"]) for r in rows}
    stretches: dict[str, list[list[Point]]] = {}
    for r in rows:
        stretches.setdefault(str(r["aircraft_id"]), []).extend(
            flights_query.stretches(case, str(r["id"])))
    for parts in stretches.values():
        parts.sort(key=lambda part: part[0].at if part else 0.0)
    return Flights(aircraft, flights_query.legs(case), flights_query.gaps(case), points,
                   flights_query.reported_flights(case), track_items, stretches,
                   flights_query.aircraft_colors(case), flights_query.recorded_refs(case),
                   flights_query.spoofed_stretches(case))


def findings(case: Case) -> list[Finding]:
    """Cross-reference findings, recomputed (when the case is writable) so none is stale."""
    return list(xref_query.run_xref(case) if case.writable else xref_query.findings(case))


def world_land() -> Sequence[Ring]:
    """Land outlines (lon, lat rings) from the offline world map."""
    return load_world().land
