"""What the map shows, read off the UI thread: tracks as continuous stretches with their coverage
gaps, aircraft names and colours, airports, photos with names and times; and one moment's state."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from casefile.flights import query as flights
from casefile.model.flights import Whereabouts
from casefile.photos import query as photos
from casefile.reference.airports import index as airport_index
from casefile.store import Case
from casefile.store.refs import all_refs
from casefile.timeutil import from_epoch, parse_z
from casefile.ui.views.timeline import fit_range

_ISO = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d):\d\d(?:\.\d+)?Z")
#: a track point as drawn: epoch seconds, longitude, latitude, altitude (ft), ground speed (kt)
TrackPoint = tuple[float, float, float, float | None, float | None]


@dataclass
class MapPhoto:
    item_id: str
    lon: float
    lat: float
    name: str  # "P3 an124_apron.jpg"
    t: float | None  # capture time (epoch), None when unknown
    uncertainty_s: float = 0.0


@dataclass
class MapData:
    """Everything the map draws, gathered from the parts' read APIs."""

    stretches: dict[str, list[list[TrackPoint]]] = field(default_factory=dict)  # aircraft -> stretches
    gaps: dict[str, list[tuple[TrackPoint, TrackPoint]]] = field(default_factory=dict)
    track_items: dict[str, str] = field(default_factory=dict)  # aircraft -> item id
    labels: dict[str, str] = field(default_factory=dict)  # aircraft -> name
    colors: dict[str, str] = field(default_factory=dict)  # aircraft -> #rrggbb
    airports: dict[str, tuple[float, float, str]] = field(default_factory=dict)  # icao -> lon, lat, name
    photos: dict[str, MapPhoto] = field(default_factory=dict)

    @property
    def tracks(self) -> dict[str, list[tuple[float, float]]]:
        """(lon, lat) of every drawn point, per aircraft."""
        return {a: [(p[1], p[2]) for s in ss for p in s] for a, ss in self.stretches.items()}

    def time_range(self) -> tuple[float, float] | None:
        """The span the time slider covers: the tracks and dated photos, without the few far
        outliers (a camera clock a year off) that would make every step hours long — the same
        rule the timeline fits its range by."""
        ts = [p[0] for ss in self.stretches.values() for s in ss for p in (s[0], s[-1])]
        ts += [ph.t for ph in self.photos.values() if ph.t is not None]
        if not ts:
            return None
        lo, hi = fit_range([datetime.fromtimestamp(t, UTC) for t in ts])
        return max(lo.timestamp(), min(ts)), min(hi.timestamp(), max(ts))


def gather(case: Case) -> MapData:
    """Each aircraft's stretches and gaps, the airports of its legs, and photo positions."""
    data = MapData()
    for track in flights.tracks(case):
        aid = track["aircraft_id"]
        ss = [
            [(p.t, p.lon, p.lat, p.alt_ft, p.gs_kt) for p in s]
            for s in flights.stretches(case, track["id"])
        ]
        ss = [s for s in ss if s]
        if not ss:
            continue
        data.stretches.setdefault(aid, []).extend(ss)
        data.gaps.setdefault(aid, []).extend((a[-1], b[0]) for a, b in zip(ss, ss[1:], strict=False))
        if track["item_id"]:
            data.track_items.setdefault(aid, track["item_id"])
    colors = flights.aircraft_colors(case)
    calls = flights.recorded_refs(case)
    for a in flights.list_aircraft(case):
        if a.id in data.stretches:
            data.labels[a.id] = flights.aircraft_title(a, calls.get(a.id, []))
            data.colors[a.id] = colors[a.id]
    airports = airport_index()
    for leg in flights.legs(case):
        for end in (leg.takeoff, leg.landing):
            icao = end.airport_icao
            if icao and icao not in data.airports:
                ap = airports.get(icao)
                if ap is not None:
                    data.airports[icao] = (ap.lon, ap.lat, ap.name)
    refs = all_refs(case)
    for info in photos.list_photos(case):
        if info.gps is None:
            continue
        t = None
        if info.capture is not None and info.capture.utc:
            try:
                t = parse_z(info.capture.utc).timestamp()
            except (ValueError, TypeError):
                t = None
        name = f"{refs.get(info.item_id, '')} {info.original_name or ''}".strip()
        data.photos[info.item_id] = MapPhoto(
            info.item_id,
            info.gps.lon,
            info.gps.lat,
            name,
            t,
            float(info.capture.uncertainty_s or 0) if info.capture else 0.0,
        )
    return data


@dataclass
class Moment:
    """One instant: each aircraft's state and the photos taken then."""

    t: float
    states: dict[str, Whereabouts]
    notes: dict[str, str]  # aircraft -> what the state means, in words
    photos: list[str]


def moment(
    case: Case, t: float, aircraft_ids: list[str], photo_times: dict[str, tuple[float, float]]
) -> Moment:
    """Where each aircraft was at t (the flights part's `where`), and which photos were taken then
    (capture time within its uncertainty, at least ±5 minutes)."""
    iso = from_epoch(t)
    states: dict[str, Whereabouts] = {}
    notes: dict[str, str] = {}
    airports = airport_index()
    for aid in aircraft_ids:
        w = flights.where(case, aid, iso)
        states[aid] = w
        if w.status == "ground":
            notes[aid] = f"on the ground at {w.airport_icao}" if w.airport_icao else "on the ground"
        elif w.status == "airborne":
            notes[aid] = "airborne" + (f" at {w.alt_ft:,.0f} ft" if w.alt_ft is not None else "")
        else:
            last = w.nearest_before
            hit = (
                airports.nearest(last.lat, last.lon, 5.0)
                if last is not None and (last.on_ground or (last.gs_kt is not None and last.gs_kt < 50))
                else None
            )
            notes[aid] = (
                f"unknown — probably stopped at {hit[0].icao} (last seen there {last.time_utc[11:16]} UTC)"
                if hit and last is not None
                else f"unknown — {w.reason}"
            )
    notes = {a: _ISO.sub(r"\1 \2 UTC", n) for a, n in notes.items()}
    taken = [pid for pid, (pt, unc) in photo_times.items() if abs(pt - t) <= max(unc, 300.0)]
    return Moment(t, states, notes, taken)
