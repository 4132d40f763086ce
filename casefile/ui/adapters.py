"""Small adapters to the other parts' read APIs; each degrades to `Unavailable` when a part is absent.

Views call these instead of importing the parts directly, so a missing or unfinished part shows
"not available" in its panel instead of breaking the window.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from casefile.store import Case


class Unavailable(Exception):
    """A part of Casefile (or one of its functions) is not present in this build."""


def _function(module: str, name: str) -> Callable[..., Any]:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise Unavailable(f"{module} is not available in this build") from None
        raise
    fn = getattr(mod, name, None)
    if fn is None:
        raise Unavailable(f"{module}.{name} is not available in this build")
    return fn


def call(module: str, name: str, *args: Any, **kwargs: Any) -> Any:
    """Call module.name(*args); raise Unavailable when the part is not there."""
    return _function(module, name)(*args, **kwargs)


def has(module: str, name: str) -> bool:
    """Whether module.name exists in this build."""
    try:
        _function(module, name)
    except Unavailable:
        return False
    return True


PHOTOS = "casefile.photos.query"
TRACKS = "casefile.flights.query"
ANALYST = "casefile.analyst.query"
NOTES = "casefile.analyst.notes"
CLAIMS = "casefile.analyst.claims"
XREF = "casefile.xref"


# ---- photos ----------------------------------------------------------------------------------
def is_photo_item(item: dict[str, Any]) -> bool:
    """A photo item (kind photo, or any image kept as a generic file)."""
    return item.get("kind") == "photo" or str(item.get("mime") or "").startswith("image/")


def photo_infos(case: Case) -> dict[str, Any]:
    """PhotoInfo by item id ({} when the photos part is absent)."""
    try:
        return {p.item_id: p for p in call(PHOTOS, "list_photos", case)}
    except Unavailable:
        return {}


def get_photo(case: Case, item_id: str) -> Any:
    return call(PHOTOS, "get_photo", case, item_id)


def raw_tags(case: Case, item_id: str) -> dict[str, str]:
    return dict(call(PHOTOS, "raw_tags", case, item_id))


def photo_checks(case: Case, item_id: str) -> list[Any]:
    return list(call(PHOTOS, "photo_checks", case, item_id))


def make_ela(case: Case, item_id: str, quality: int = 90) -> Any:
    return call(PHOTOS, "make_ela", case, item_id, quality=quality)


# ---- flights ---------------------------------------------------------------------------------
def list_aircraft(case: Case) -> list[Any]:
    return list(call(TRACKS, "list_aircraft", case))


def legs(case: Case) -> list[Any]:
    return list(call(TRACKS, "legs", case))


def track_points(case: Case) -> list[Any]:
    return list(call(TRACKS, "track_points", case))


# ---- sources, claims, entities ---------------------------------------------------------------
def list_sources(case: Case) -> list[Any]:
    return list(call(ANALYST, "list_sources", case))


def list_claims(case: Case) -> list[Any]:
    return list(call(ANALYST, "list_claims", case))


def list_entities(case: Case) -> list[Any]:
    return list(call(ANALYST, "list_entities", case))


def tags(case: Case, item_id: str) -> list[str]:
    return list(call(ANALYST, "tags", case, item_id))


def search(case: Case, query: str) -> list[Any]:
    return list(call(ANALYST, "search", case, query))


# ---- findings and timeline -------------------------------------------------------------------
def findings(case: Case, item_id: str | None = None) -> list[Any]:
    return list(call(XREF, "findings", case, item_id))


def timeline(case: Case, tz: str | None = None) -> list[Any]:
    return list(call(XREF, "timeline", case, tz))


def field(obj: Any, name: str, default: Any = None) -> Any:
    """obj.name or obj[name], for dataclasses and dicts alike."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)
