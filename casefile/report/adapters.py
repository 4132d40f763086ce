"""Pull other parts' data through their read APIs, only when the part is installed and has data.

Each function returns None when the part's module is not there (yet), so a report still builds
from the store alone; errors inside a part's code are not hidden.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from casefile.store import Case


def _module(*names: str) -> ModuleType | None:
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
                continue
            raise
    return None


def _fn(names: tuple[str, ...], attr: str) -> Callable[..., Any] | None:
    for name in names:
        mod = _module(name)
        if mod is not None and callable(getattr(mod, attr, None)):
            return getattr(mod, attr)
    return None


ANALYST = ("casefile.analyst.query", "casefile.analyst.claims", "casefile.analyst.sources",
           "casefile.analyst")
PHOTOS = ("casefile.photos.query", "casefile.photos")
TRACKS = ("casefile.flights.query", "casefile.flights")
XREF = ("casefile.xref.query", "casefile.xref.engine", "casefile.xref")


def _call(names: tuple[str, ...], attr: str, *args: Any, **kw: Any) -> Any:
    fn = _fn(names, attr)
    return None if fn is None else fn(*args, **kw)


def claims(case: Case) -> list[Any] | None:
    return _call(ANALYST, "list_claims", case)


def sources(case: Case) -> list[Any] | None:
    return _call(ANALYST, "list_sources", case)


def findings(case: Case) -> list[Any] | None:
    """Cross-reference findings, recomputed (when the case is writable) so none is stale."""
    fn = (_fn(XREF, "run_xref") if case.writable else None) or _fn(XREF, "findings")
    return None if fn is None else list(fn(case))


def timeline(case: Case) -> list[Any] | None:
    return _call(XREF, "timeline", case)


@dataclass
class PhotoEntry:
    info: Any
    checks: list[Any] = field(default_factory=list)


def photos(case: Case) -> list[PhotoEntry] | None:
    infos = _call(PHOTOS, "list_photos", case)
    if infos is None:
        return None
    every = _fn(PHOTOS, "all_photo_checks")
    if every is not None:
        found = every(case)
        return [PhotoEntry(i, list(found.get(i.item_id, []))) for i in infos]
    checks = _fn(PHOTOS, "photo_checks")
    return [PhotoEntry(i, list(checks(case, i.item_id)) if checks else []) for i in infos]


@dataclass
class Flights:
    aircraft: list[Any]
    legs: list[Any]
    gaps: list[Any]
    points: dict[str, list[Any]]      # aircraft id -> observed points in time order
    reported: list[Any]
    track_items: dict[str, str] = field(default_factory=dict)   # track id -> source item id


def flights(case: Case, *, every_point: bool = False) -> Flights | None:
    """Aircraft, legs, gaps and points (usable ones, or every point including flagged ones)."""
    aircraft = _call(TRACKS, "list_aircraft", case)
    if aircraft is None:
        return None
    legs = _call(TRACKS, "legs", case) or []
    gaps = _call(TRACKS, "gaps", case) or []
    reported = _call(TRACKS, "reported_flights", case) or []
    points: dict[str, list[Any]] = {}
    pts = _fn(TRACKS, "track_points")
    if pts is not None:
        for a in aircraft:
            kw = {"include_flagged": True} if every_point else {}
            points[a.id] = list(pts(case, aircraft_id=a.id, **kw))
    rows = _call(TRACKS, "tracks", case) or []
    track_items = {str(get(r, "id")): get(r, "item_id") for r in rows}
    return Flights(list(aircraft), list(legs), list(gaps), points, list(reported), track_items)


def world_land() -> list[list[tuple[float, float]]] | None:
    """Land outlines (lon, lat rings) from the offline world map, when that module exists."""
    mod = _module("casefile.reference.worldmap")
    if mod is None:
        return None
    load = getattr(mod, "load_world", None)
    if callable(load):
        return _rings(load().land)
    return None


def _rings(shapes: Any) -> list[list[tuple[float, float]]]:
    out: list[list[tuple[float, float]]] = []
    for shape in shapes or []:
        if shape and isinstance(shape[0], (tuple, list)) and shape[0] and \
                isinstance(shape[0][0], (int, float)):
            out.append([(float(x), float(y)) for x, y, *_ in shape])
        else:
            out.extend(_rings(shape))
    return out


def get(obj: Any, name: str, default: Any = None) -> Any:
    """A field from a dataclass, object or dict (parts may hand back either)."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)
