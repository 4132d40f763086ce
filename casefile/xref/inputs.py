"""The input layer: reads the photos, flights and analyst parts' query modules into engine inputs.

Only this module knows those read APIs (docs/interfaces.md); the engine sees plain `xref.model`
inputs, so tests and benchmarks can build them directly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import islice
from operator import gt
from statistics import median

from casefile.analyst import query as analyst
from casefile.errors import NotFound
from casefile.flights import query as flights
from casefile.geo import distance_km
from casefile.model.analyst import Claim, Source
from casefile.model.flights import LegEnd, Point, ReportedFlight
from casefile.model.photos import PhotoInfo
from casefile.photos import query as photos
from casefile.present.aircraft import aircraft_name
from casefile.reference import places
from casefile.reference.aircraft_types import designator
from casefile.reference.places import Place as AreaPlace
from casefile.store import Case
from casefile.store import refs as short_refs
from casefile.store.rows import ItemRow
from casefile.timeutil import TimeValue, epoch
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
    StayIn,
)
from casefile.xref.photo_zone import gps_stamp, readings, weighed
from casefile.xref.sun import light_hint
from casefile.xref.windows import tv_window

#: What a malformed record raises while it is turned into engine input.
BAD_RECORD = (ValueError, TypeError, KeyError, AttributeError)
#: A gap whose aircraft was on the ground within this distance before and after was spent parked.
PARKED_KM = 2.0

#: Where an aircraft was at a UTC time, per its track (None when the track cannot say).
Locator = Callable[[str], tuple[float, float] | None]


# ---- photos ---------------------------------------------------------------------------------
def photo_in(info: PhotoInfo, tags: dict[str, str]) -> PhotoIn:
    """A PhotoInfo (photos part) and its raw tags as engine input."""
    gps = info.gps
    place = Place(float(gps.lat), float(gps.lon), gps.source or "exif") if gps is not None else None
    own = info.exif_gps
    file_place = Place(float(own.lat), float(own.lon), "exif") \
        if own is not None and place is not None and place.source == "analyst" else None
    photo = PhotoIn(item_id=info.item_id, capture=info.capture, place=place, phash=info.phash,
                    dhash=info.dhash, aircraft_tags=tuple(info.aircraft_tags),
                    light=light_hint(tags) if tags else None, label=info.original_name or "",
                    file_place=file_place, gps_utc=gps_stamp(info.times))
    r = readings(photo)
    return replace(weighed(photo, r), capture_found=photo.capture) if r is not None else photo


def gather_photo(case: Case, item_id: str) -> PhotoIn | None:
    """One photo's engine input, or None when it is gone (or not a photo)."""
    try:
        info = photos.get_photo(case, item_id)
    except NotFound:
        return None
    return photo_in(info, photos.raw_tags(case, item_id))


def _photos(case: Case, problems: list[str]) -> list[PhotoIn]:
    out = []
    for info in photos.list_photos(case):
        try:
            out.append(photo_in(info, photos.raw_tags(case, info.item_id)))
        except BAD_RECORD as exc:
            problems.append(f"photo {info.item_id}: could not be read for cross-reference: {exc}")
    return out


# ---- flights --------------------------------------------------------------------------------
def _end(end: LegEnd, locate: Locator) -> EndIn:
    """A derived leg's take-off or landing, placed by the observed point it was decided from."""
    t = epoch(end.time_utc)
    lat: float | None = None
    lon: float | None = None
    for ev in end.evidence.values():   # the flights part keeps that point (e.g. first_ground)
        if isinstance(ev, dict) and ev.get("lat") is not None and ev.get("lon") is not None:
            lat, lon = float(ev["lat"]), float(ev["lon"])
            break
    if lat is None and not end.airport_icao and t is not None and end.time_utc:
        got = locate(end.time_utc)
        if got:
            lat, lon = got
    return EndIn(time=t, airport_icao=end.airport_icao, lat=lat, lon=lon, observed=end.observed,
                 uncertainty_s=end.uncertainty_s)


def _locator(case: Case, aircraft_id: str) -> Locator:
    def locate(t_utc: str) -> tuple[float, float] | None:
        w = flights.where(case, aircraft_id, t_utc)
        return (w.lat, w.lon) if w.lat is not None and w.lon is not None else None
    return locate


def _ground_call(p: Point, cols: flights.PointColumns | None) -> bool:
    """Whether the state model calls the aircraft on the ground at this point (a source flag,
    else its speed and altitude: many sources give no flag)."""
    if cols is not None and cols.t:
        k = bisect_left(cols.t, p.at)
        if k < len(cols.t) and cols.t[k] == p.at:
            return bool(cols.on_ground[k])
    return bool(p.on_ground)


def _parked(before: Point, after: Point,
            cols: flights.PointColumns | None = None) -> tuple[float, float] | None:
    """Where a gap's aircraft sat, when it was on the ground at the same spot before and after."""
    if not (_ground_call(before, cols) and _ground_call(after, cols)):
        return None
    if distance_km(before.lat, before.lon, after.lat, after.lon) > PARKED_KM:
        return None
    return before.lat, before.lon


def stays_in(stays: Sequence[flights.GroundStay], cols: flights.PointColumns | None) -> tuple[StayIn, ...]:
    """An aircraft's observed ground stays, placed at the middle (median) of their positions."""
    out = []
    for s in stays:
        a, b = epoch(s["start_utc"]), epoch(s["end_utc"])
        if a is None or b is None or cols is None:
            continue
        i, j = bisect_left(cols.t, a), bisect_right(cols.t, b)
        if j <= i:
            continue
        out.append(StayIn(a, b, median(cols.lat[i:j]), median(cols.lon[i:j]),
                          s["airport_icao"], s["item_id"]))
    return tuple(sorted(out, key=lambda x: x.start))


def points_in(cols: flights.PointColumns | None, aircraft_id: str,
              stays: tuple[StayIn, ...] = ()) -> PointsIn:
    """An aircraft's usable points (flights' track_columns: time order) as engine columns."""
    if cols is None:
        return PointsIn(aircraft_id, [], [], [], [], [], stays)
    ts, lats, lons, alts = cols.t, cols.lat, cols.lon, cols.alt_ft
    grounds = list(cols.on_ground)   # the state model's call (casefile.flights.state), not the raw flag
    if any(map(gt, ts, islice(ts, 1, None))):   # the read API sorts; be sure
        order = sorted(range(len(ts)), key=ts.__getitem__)
        ts, lats, lons = [ts[k] for k in order], [lats[k] for k in order], [lons[k] for k in order]
        alts, grounds = [alts[k] for k in order], [grounds[k] for k in order]
    return PointsIn(aircraft_id, ts, lats, lons, alts, grounds, stays)


def _reported_end(tv: TimeValue | None, icao: str | None) -> EndIn:
    """A reported departure or arrival: the middle of its time window, ± half its width."""
    t, unc = None, 0.0
    w = tv_window(tv)
    if w is not None:
        lo, hi = w
        t, unc = (lo + hi) / 2, (hi - lo) / 2
    return EndIn(time=t, airport_icao=icao, observed=False, uncertainty_s=unc)


def reported_in(r: ReportedFlight, ref: str = "") -> ReportedIn:
    """A hand-entered reported flight (flights part) as engine input."""
    route = "-".join(x or "?" for x in (r.from_icao, r.to_icao))
    label = " ".join(x for x in (ref, r.aircraft_ref, route) if x)
    return ReportedIn(id=r.id, aircraft_id=r.aircraft_id, aircraft_ref=r.aircraft_ref,
                      takeoff=_reported_end(r.departed, r.from_icao),
                      landing=_reported_end(r.arrived, r.to_icao), note=r.source_note or "",
                      source_id=r.source_id,
                      aircraft_type=r.aircraft_type or designator(r.aircraft_ref), label=label)


def _flights(case: Case, inputs: CaseInputs) -> None:
    recorded = flights.recorded_refs(case)
    for a in flights.list_aircraft(case):
        model = designator(a.description)   # e.g. a Flightradar24 model "Antonov An-124-100"
        # registration, hex, type, and the callsigns and flight numbers it flew under
        refs = (flights.references(a) + ((model,) if model and model != a.type_code else ())
                + tuple(recorded.get(a.id, ())))
        inputs.aircraft.append(AircraftIn(a.id, refs, aircraft_name(a)))
    for leg in flights.legs(case, include_reported=False):
        locate = _locator(case, leg.aircraft_id)
        inputs.legs.append(LegIn(leg.id, leg.aircraft_id, leg.item_id, _end(leg.takeoff, locate),
                                 _end(leg.landing, locate), leg.reported,
                                 epoch(leg.first_seen_utc), epoch(leg.last_seen_utc)))
    columns = flights.track_columns(case)
    for g in flights.gaps(case):
        s, e = epoch(g.start_utc), epoch(g.end_utc)
        if s is not None and e is not None:
            inputs.gaps.append(GapIn(g.aircraft_id, s, e, g.note, g.item_id,
                                     _parked(g.before, g.after, columns.get(g.aircraft_id)),
                                     (g.before.lat, g.before.lon)))
    stays: dict[str, list[flights.GroundStay]] = {}
    for stay in flights.ground_stays(case):
        stays.setdefault(stay["aircraft_id"], []).append(stay)
    inputs.points = [points_in(columns.get(a.id), a.id, stays_in(stays.get(a.id, []),
                                                                 columns.get(a.id)))
                     for a in inputs.aircraft]
    rrefs = short_refs.all_refs(case, "R")
    inputs.reported = [reported_in(r, rrefs.get(r.id, "")) for r in flights.reported_flights(case)]


# ---- sources and claims ---------------------------------------------------------------------
def source_in(case: Case, s: Source, cites: tuple[str, ...] = (), ref: str = "") -> SourceIn:
    """A source with the photos it published, its captures and the sources it cites."""
    items = analyst.source_items(case, s.id)
    items += [i for i in s.capture_item_ids if i not in items]
    return SourceIn(s.id, s.title or s.id, s.published, s.collected_at, tuple(items), ref=ref,
                    cites=cites)


def claim_area(c: Claim) -> AreaPlace | None:
    """The claim's place resolved: as stored when it was typed, else looked up from its text."""
    if c.place_kind and c.place_key:
        return places.from_key(c.place_kind, c.place_key)
    if c.place_icao:
        return places.airport_place(c.place_icao)
    if c.place_lat is not None and c.place_lon is not None:
        return places.point(float(c.place_lat), float(c.place_lon), c.place_text or "")
    return places.find_place(c.place_text) if c.place_text else None


def _entity_refs(case: Case, entity_ids: list[str]) -> list[str]:
    """What aircraft entities of a claim name: their reference, else a type in their name."""
    out = []
    for eid in entity_ids:
        e = analyst.get_entity(case, eid)
        if e.kind != "aircraft":
            continue
        ref = e.ref or designator(e.name) or next(filter(None, map(designator, e.aliases)), None)
        if ref:
            out.append(ref)
    return out


def claim_in(case: Case, c: Claim, ref: str = "") -> ClaimIn:
    """A claim with its place and the evidence items linked to it."""
    place = Place(float(c.place_lat), float(c.place_lon), "claim", c.place_text or "") \
        if c.place_lat is not None and c.place_lon is not None else None
    links = analyst.claim_links(case, c.id)
    named = list(dict.fromkeys([*c.aircraft_refs, *_entity_refs(case, c.entity_ids)]))
    return ClaimIn(id=c.id, text=c.text, kind=c.kind or "other", window_start=c.window_start,
                   window_end=c.window_end, place_icao=c.place_icao, place=place,
                   aircraft_refs=tuple(named), source_ids=tuple(c.source_ids),
                   item_ids=tuple(link.item_id for link in links), ref=ref,
                   place_text=c.place_text, area=claim_area(c),
                   supports=tuple(k.item_id for k in links if k.relation == "supports"),
                   contradicts=tuple(k.item_id for k in links if k.relation == "contradicts"),
                   leg_from=_leg_place(c.leg_from), leg_to=_leg_place(c.leg_to))


def _leg_place(text: str | None) -> AreaPlace | None:
    """One end of a transit's leg as typed, resolved (checked when it was entered)."""
    from casefile.reference import places

    return places.find_place_or_code(text) if text else None


def item_names(case: Case) -> dict[str, str]:
    """Every item as a person names it: short reference and file name ("P3 an124_apron.jpg")."""
    irefs = short_refs.all_refs(case)
    return {r["id"]: " ".join(x for x in (irefs.get(r["id"]), r["original_name"]) if x)
            for r in case.select(ItemRow, "SELECT * FROM items")}


def gather(case: Case) -> CaseInputs:
    """Every engine input of the case."""
    inputs = CaseInputs(default_tz=case.default_tz,
                        claim_settings={k: v for k, v in case.meta().items()
                                        if k.startswith("claims.")})
    inputs.photos = _photos(case, inputs.problems)
    _flights(case, inputs)
    srefs, crefs = short_refs.all_refs(case, "S"), short_refs.all_refs(case, "C")
    cites: dict[str, list[str]] = {}
    for rel in analyst.source_relations(case):
        cites.setdefault(rel.source_id, []).append(rel.other_id)
    inputs.sources = [source_in(case, s, tuple(cites.get(s.id, ())), srefs.get(s.id, ""))
                      for s in analyst.list_sources(case)]
    inputs.claims = [claim_in(case, c, crefs.get(c.id, "")) for c in analyst.list_claims(case)]
    inputs.item_names = item_names(case)
    return inputs
