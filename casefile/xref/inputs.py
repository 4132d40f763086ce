"""The thin input layer: gathers the other parts' read APIs into plain engine inputs.

Only this module knows the photos, flights and sources read functions (docs/interfaces.md). A part
that is not installed yet contributes nothing and is named in `CaseInputs.missing`-style notes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from itertools import islice
from operator import gt
from typing import Any

from casefile.store import Case
from casefile.timeutil import TimeValue
from casefile.xref.common import epoch, haversine_km
from casefile.xref.model import (
    AircraftIn,
    CaseInputs,
    ClaimIn,
    EndIn,
    GapIn,
    LegIn,
    PhotoIn,
    Place,
    PointsIn,
    ReportedIn,
    SourceIn,
)
from casefile.xref.sun import light_hint

PARTS = {"photos": ("casefile.photos.query",),
         "flights": ("casefile.flights.query",),
         "sources": ("casefile.analyst.query", "casefile.analyst", "casefile.analyst.sources",
                     "casefile.analyst.claims")}
#: A function a part must offer for it to count as present.
_NEEDED = {"photos": "list_photos", "flights": "legs", "sources": "list_claims"}


def _module(mod: str) -> Any | None:
    try:
        return importlib.import_module(mod)
    except ModuleNotFoundError as exc:
        if exc.name and mod.startswith(exc.name):
            return None
        raise


def fn(part_name: str, name: str) -> Callable[..., Any] | None:
    """A read function of a part (docs/interfaces.md), wherever the part defines it, or None."""
    for mod in PARTS[part_name]:
        m = _module(mod)
        if m is not None and callable(getattr(m, name, None)):
            return getattr(m, name)
    return None


class _Part:
    """A part's read API as one namespace over the modules that define it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        f = fn(self._name, attr)
        if f is None:
            raise AttributeError(attr)
        return f


def part(name: str) -> Any | None:
    """The read API of a part, or None while that part is not in this Casefile."""
    return _Part(name) if fn(name, _NEEDED[name]) else None


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for n in names:
        if isinstance(obj, dict) and n in obj:
            return obj[n]
        if hasattr(obj, n):
            return getattr(obj, n)
    return default


def _tv(value: Any) -> TimeValue | None:
    if value is None or isinstance(value, TimeValue):
        return value
    if isinstance(value, dict):
        return TimeValue.from_dict(value)
    if isinstance(value, str):
        return TimeValue(raw=value, utc=value, basis="recorded-utc")
    return None


# ---- photos ---------------------------------------------------------------------------------
def photo_in(info: Any, tags: dict[str, str] | None = None) -> PhotoIn:
    """A PhotoInfo (photos part) as engine input."""
    gps = _get(info, "gps")
    place = None
    if gps is not None and _get(gps, "lat") is not None and _get(gps, "lon") is not None:
        place = Place(float(gps.lat), float(gps.lon), _get(gps, "source", default="exif") or "exif")
    return PhotoIn(item_id=info.item_id, capture=_tv(_get(info, "capture")), place=place,
                   phash=_get(info, "phash"), dhash=_get(info, "dhash"),
                   aircraft_tags=tuple(_get(info, "aircraft_tags", default=()) or ()),
                   light=light_hint(tags) if tags else None,
                   label=_get(info, "original_name", "name", default="") or "")


def gather_photo(case: Case, item_id: str) -> PhotoIn | None:
    """One photo's engine input, or None when it is gone (or not a photo)."""
    q = part("photos")
    if q is None:
        return None
    from casefile.errors import NotFound

    try:
        info = q.get_photo(case, item_id)
    except NotFound:
        return None
    return photo_in(info, _tags(q, case, item_id))


def _tags(q: Any, case: Case, item_id: str) -> dict[str, str]:
    fn = getattr(q, "raw_tags", None)
    return dict(fn(case, item_id)) if fn else {}


#: What a malformed record raises while it is turned into engine input.
BAD_RECORD = (ValueError, TypeError, KeyError, AttributeError)


def _photos(case: Case, problems: list[str]) -> list[PhotoIn]:
    q = part("photos")
    if q is None:
        return []
    out = []
    for info in q.list_photos(case):
        try:
            out.append(photo_in(info, _tags(q, case, info.item_id)))
        except BAD_RECORD as exc:
            problems.append(f"photo {info.item_id}: could not be read for cross-reference: {exc}")
    return out


# ---- flights --------------------------------------------------------------------------------
def _end(end: Any, where: Callable[[str], tuple[float, float] | None] | None) -> EndIn:
    t = epoch(_get(end, "time_utc", "time"))
    lat, lon = _get(end, "lat"), _get(end, "lon")
    icao = _get(end, "airport_icao", "icao")
    if lat is None or lon is None:
        # the flights part keeps the observed point it decided from (e.g. first_ground)
        for ev in (_get(end, "evidence", default={}) or {}).values():
            if isinstance(ev, dict) and ev.get("lat") is not None and ev.get("lon") is not None:
                lat, lon = float(ev["lat"]), float(ev["lon"])
                break
    if (lat is None or lon is None) and not icao and t is not None and where is not None:
        got = where(_get(end, "time_utc", "time"))
        if got:
            lat, lon = got
    return EndIn(time=t, airport_icao=icao, lat=lat, lon=lon,
                 observed=bool(_get(end, "observed", default=True)))


def _flights(case: Case, inputs: CaseInputs) -> None:
    q = part("flights")
    if q is None:
        return
    for a in q.list_aircraft(case):
        refs = tuple(str(r) for r in (_get(a, "registration"), _get(a, "icao24"),
                                      _get(a, "type_code")) if r)
        label = " ".join(str(x) for x in (_get(a, "registration") or _get(a, "icao24") or a.id,
                                          f"({_get(a, 'type_code')})" if _get(a, "type_code") else "")
                         if x)
        inputs.aircraft.append(AircraftIn(str(a.id), refs, label))

    def where_for(aircraft_id: str) -> Callable[[str], tuple[float, float] | None]:
        def look(t_utc: str) -> tuple[float, float] | None:
            w = q.where(case, aircraft_id, t_utc)
            if _get(w, "lat") is not None and _get(w, "lon") is not None:
                return float(w.lat), float(w.lon)
            return None
        return look

    try:
        tracked = q.legs(case, include_reported=False)
    except TypeError:
        tracked = q.legs(case)
    for leg in tracked:
        if _get(leg, "reported", default=False):
            continue  # reported flights come from reported_flights(), not twice
        aid = str(leg.aircraft_id)
        look = where_for(aid)
        inputs.legs.append(LegIn(str(leg.id), aid, _get(leg, "item_id"), _end(leg.takeoff, look),
                                 _end(leg.landing, look), bool(_get(leg, "reported", default=False)),
                                 epoch(_get(leg, "first_seen_utc")), epoch(_get(leg, "last_seen_utc"))))
    for g in q.gaps(case):
        s, e = epoch(_get(g, "start_utc")), epoch(_get(g, "end_utc"))
        if s is not None and e is not None:
            before = _get(g, "before")
            at = (float(before.lat), float(before.lon)) if before is not None and _get(
                before, "lat") is not None and _get(before, "lon") is not None else None
            inputs.gaps.append(GapIn(str(g.aircraft_id), s, e, _get(g, "note", default="") or "",
                                     _get(g, "item_id"), _parked(before, _get(g, "after")), at))
    columns = getattr(q, "track_columns", None)
    for a in inputs.aircraft:
        if columns is not None:   # column-wise reader: no Point object per row
            inputs.points.append(_points_from_columns(columns(case, aircraft_id=a.id).get(a.id),
                                                      a.id))
        else:
            inputs.points.append(_points(q.track_points(case, aircraft_id=a.id), a.id))
    fn = getattr(q, "reported_flights", None)
    for r in (fn(case) if fn else []):
        inputs.reported.append(_reported(r))


def _parked(before: Any, after: Any) -> tuple[float, float] | None:
    """Where a gap's aircraft sat, when it was on the ground at the same spot before and after."""
    if before is None or after is None:
        return None
    if not (_get(before, "on_ground") and _get(after, "on_ground")):
        return None
    b = (_get(before, "lat"), _get(before, "lon"))
    a = (_get(after, "lat"), _get(after, "lon"))
    if None in b or None in a or haversine_km(b[0], b[1], a[0], a[1]) > 2.0:
        return None
    return float(b[0]), float(b[1])


def _point_row(p: Any) -> tuple[float, float, float, Any, bool] | None:
    """(t, lat, lon, alt_ft, on_ground) of one point, or None when unusable."""
    try:  # the flights part's Point: plain attributes (fast path)
        t, lat, lon, alt, ground, quality = p.t, p.lat, p.lon, p.alt_ft, p.on_ground, p.quality
    except AttributeError:
        t = _get(p, "t", "time_utc", "time")
        t = epoch(t) if isinstance(t, str) else t
        lat, lon, quality = _get(p, "lat"), _get(p, "lon"), _get(p, "quality")
        alt = _get(p, "alt_ft", "baro_alt_ft", "alt")
        ground = _get(p, "on_ground", "ground", default=False)
    if quality or t is None or lat is None or lon is None:
        return None  # kept out of legs by the flights part (bad position, stale, ...)
    return float(t), float(lat), float(lon), alt, bool(ground) or alt == "ground"


def _points(points: Any, aircraft_id: str) -> PointsIn:
    """An aircraft's usable points in time order, as columns."""
    ts: list[float] = []
    lats: list[float] = []
    lons: list[float] = []
    alts: list[float | None] = []
    grounds: list[bool] = []
    for r in map(_point_row, points):
        if r is None:
            continue
        ts.append(r[0])
        lats.append(r[1])
        lons.append(r[2])
        alts.append(r[3] if isinstance(r[3], int | float) else None)
        grounds.append(r[4])
    if any(b < a for a, b in zip(ts, ts[1:], strict=False)):   # the read API sorts; be sure
        order = sorted(range(len(ts)), key=ts.__getitem__)
        ts, lats, lons = [ts[k] for k in order], [lats[k] for k in order], [lons[k] for k in order]
        alts, grounds = [alts[k] for k in order], [grounds[k] for k in order]
    return PointsIn(aircraft_id, ts, lats, lons, alts, grounds)


def _points_from_columns(cols: Any, aircraft_id: str) -> PointsIn:
    """PointsIn from the flights part's track_columns() (usable points, time order): the same
    lists _points() builds from track_points()."""
    if cols is None:
        return PointsIn(aircraft_id, [], [], [], [], [])
    ts = list(map(float, cols.t))
    lats, lons = list(map(float, cols.lat)), list(map(float, cols.lon))
    alts = list(cols.alt_ft)
    if not set(map(type, alts)) <= {float, int, type(None)}:
        alts = [a if isinstance(a, int | float) else None for a in alts]
    grounds = list(map(bool, cols.ground))
    if any(map(gt, ts, islice(ts, 1, None))):   # the read API sorts; be sure
        order = sorted(range(len(ts)), key=ts.__getitem__)
        ts, lats, lons = [ts[k] for k in order], [lats[k] for k in order], [lons[k] for k in order]
        alts, grounds = [alts[k] for k in order], [grounds[k] for k in order]
    return PointsIn(aircraft_id, ts, lats, lons, alts, grounds)


def _reported(r: Any) -> ReportedIn:
    def end(prefix: str, names: tuple[str, ...]) -> EndIn:
        e = _get(r, prefix)
        if e is not None:
            return _end(e, None)
        tv = _tv(_get(r, *names))
        t, unc = None, 0.0
        if tv is not None:
            w = tv.window()
            if w is not None:
                t = (w[0].timestamp() + w[1].timestamp()) / 2
                unc = (w[1].timestamp() - w[0].timestamp()) / 2
        icao = _get(r, f"{prefix}_icao", "origin" if prefix == "takeoff" else "destination",
                    "from_icao" if prefix == "takeoff" else "to_icao")
        return EndIn(time=t, airport_icao=icao, observed=False, uncertainty_s=unc)

    items = _get(r, "item_ids", "source_ids", default=()) or ()
    return ReportedIn(id=str(_get(r, "id")), aircraft_id=_get(r, "aircraft_id"),
                      aircraft_ref=str(_get(r, "aircraft_ref", "registration", "aircraft", default="")),
                      takeoff=end("takeoff", ("departed", "departure_time", "takeoff_time")),
                      landing=end("landing", ("arrived", "arrival_time", "landing_time")),
                      item_ids=tuple(items), note=_get(r, "note", default="") or "")


# ---- sources and claims ---------------------------------------------------------------------
def _analyst(case: Case, inputs: CaseInputs) -> None:
    q = part("sources")
    if q is None:
        return
    for s in (q.list_sources(case) if hasattr(q, "list_sources") else []):
        items = list(q.source_items(case, s.id)) if hasattr(q, "source_items") else []
        items += [i for i in (_get(s, "capture_item_ids", default=()) or ()) if i not in items]
        inputs.sources.append(SourceIn(str(s.id), _get(s, "title", default="") or str(s.id),
                                       _tv(_get(s, "published")), _get(s, "collected_at"),
                                       tuple(items)))
    for c in q.list_claims(case):
        lat, lon = _get(c, "place_lat"), _get(c, "place_lon")
        place = Place(float(lat), float(lon), "claim", _get(c, "place_text", default="") or "") \
            if lat is not None and lon is not None else None
        links = [x[0] for x in q.claim_links(case, c.id)] if hasattr(q, "claim_links") else []
        inputs.claims.append(ClaimIn(
            id=str(c.id), text=_get(c, "text", default="") or "", kind=_get(c, "kind") or "other",
            window_start=_tv(_get(c, "window_start")), window_end=_tv(_get(c, "window_end")),
            place_icao=_get(c, "place_icao"), place=place,
            aircraft_refs=tuple(_get(c, "aircraft_refs", default=()) or ()),
            source_ids=tuple(_get(c, "source_ids", default=()) or ()), item_ids=tuple(links)))


def gather(case: Case) -> CaseInputs:
    """Every engine input of the case."""
    inputs = CaseInputs(default_tz=case.default_tz)
    inputs.photos = _photos(case, inputs.problems)
    _flights(case, inputs)
    _analyst(case, inputs)
    return inputs


def missing_parts() -> list[str]:
    """Parts whose read API is not in this Casefile yet (their inputs are empty)."""
    return [name for name in PARTS if part(name) is None]
