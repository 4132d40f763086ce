"""What the map shows, read off the UI thread: tracks as continuous stretches with their coverage
gaps, aircraft names and colours, airports, photos with names and times; and one moment's state."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from casefile.analyst import query as analyst
from casefile.errors import CasefileError
from casefile.flights import query as flights
from casefile.model.flights import Whereabouts
from casefile.photos import query as photos
from casefile.reference.airports import index as airport_index
from casefile.store import Case, reads
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
    thumb: str | None = None  # its stored thumbnail, shown when the slider reaches its moment


@dataclass
class MapData:
    """Everything the map draws, gathered from the parts' read APIs."""

    stretches: dict[str, list[list[TrackPoint]]] = field(default_factory=dict)  # aircraft -> stretches
    gaps: dict[str, list[tuple[TrackPoint, TrackPoint]]] = field(default_factory=dict)
    track_items: dict[str, str] = field(default_factory=dict)  # aircraft -> item id
    labels: dict[str, str] = field(default_factory=dict)  # aircraft -> name
    short: dict[str, str] = field(default_factory=dict)  # aircraft -> callsign or registration (markers)
    colors: dict[str, str] = field(default_factory=dict)  # aircraft -> #rrggbb
    types: dict[str, str | None] = field(default_factory=dict)  # aircraft -> its type, as recorded
    airports: dict[str, tuple[float, float, str]] = field(default_factory=dict)  # icao -> lon, lat, name
    photos: dict[str, MapPhoto] = field(default_factory=dict)
    #: aircraft -> its low passes (touch-and-go, low approach, go-around): lon, lat, kind, words
    events: dict[str, list[tuple[float, float, str, str]]] = field(default_factory=dict)
    #: aircraft -> its spoofed stretches as (lon, lat) paths, with a sentence each
    spoofed: dict[str, list[tuple[list[tuple[float, float]], str]]] = field(default_factory=dict)

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


#: told what gather() is reading: (what, how many done, of how many)
Progress = Callable[[str, int, int], None]


def gather(case: Case, progress: Progress | None = None) -> MapData:
    """Each aircraft's stretches and gaps, the airports of its legs, and photo positions."""
    say: Progress = progress or (lambda _what, _done, _total: None)
    data = MapData()
    tracks = flights.tracks(case)
    for n, track in enumerate(tracks):
        say("flight tracks", n, len(tracks))
        aid = track["aircraft_id"]
        ss = [
            [(p.at, p.lon, p.lat, p.alt_ft, p.gs_kt) for p in s]
            for s in flights.stretches(case, track["id"])
        ]
        ss = [s for s in ss if s]
        if not ss:
            continue
        data.stretches.setdefault(aid, []).extend(ss)
        data.gaps.setdefault(aid, []).extend((a[-1], b[0]) for a, b in zip(ss, ss[1:], strict=False))
        if track["item_id"]:
            data.track_items.setdefault(aid, track["item_id"])
    say("flight tracks", len(tracks), len(tracks))
    say("aircraft, airports and low passes", 0, 1)
    colors = flights.aircraft_colors(case)
    calls = flights.recorded_refs(case)
    for a in flights.list_aircraft(case):
        if a.id in data.stretches:
            data.labels[a.id] = flights.aircraft_title(a, calls.get(a.id, []))
            data.short[a.id] = next(iter(calls.get(a.id, [])), None) or a.registration or a.icao24 \
                or a.label or "aircraft"
            data.colors[a.id] = colors[a.id]
            data.types[a.id] = a.type_code
    for leg, ev in flights.leg_events(case):
        low = ev.evidence.get("lowest") or {}
        if "lat" in low and "lon" in low:
            data.events.setdefault(leg.aircraft_id, []).append(
                (float(low["lon"]), float(low["lat"]), ev.kind, ev.note))
    for s in flights.spoofed_stretches(case):
        path = [(lon, lat) for lat, lon in s.path]
        if path:
            data.spoofed.setdefault(s.aircraft_id, []).append((path, s.note))
    airports = airport_index()
    for leg in flights.legs(case):
        for end in (leg.takeoff, leg.landing):
            icao = end.airport_icao
            if icao and icao not in data.airports:
                ap = airports.get(icao)
                if ap is not None:
                    data.airports[icao] = (ap.lon, ap.lat, ap.name)
    say("photo positions", 0, 1)
    refs = all_refs(case)
    thumbs = reads.thumbnail_paths(case)
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
            str(thumbs[info.item_id]) if info.item_id in thumbs else None,
        )
    return data


@dataclass
class Position:
    """Where the drawn track puts an aircraft at one instant (between two of its points)."""

    lon: float
    lat: float
    alt_ft: float | None
    gs_kt: float | None


def position_at(stretches: list[list[TrackPoint]], t: float) -> Position | None:
    """The aircraft's place at t along its drawn track (linear between the two points around t),
    None outside every continuous stretch: in a coverage gap nothing is drawn, as `where` says."""
    for s in stretches:
        if not s or t < s[0][0] or t > s[-1][0]:
            continue
        k = bisect_left(s, t, key=lambda p: p[0])
        b = s[min(k, len(s) - 1)]
        a = s[max(k - 1, 0)]
        f = 0.0 if b[0] == a[0] else (t - a[0]) / (b[0] - a[0])
        return Position(a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, _mix(a[3], b[3], f),
                        _mix(a[4], b[4], f))
    return None


def _mix(x: float | None, y: float | None, f: float) -> float | None:
    return None if x is None or y is None else x + (y - x) * f


#: altitude bands for colouring tracks (feet, colour), as flight trackers do: low warm, high cool
ALTITUDE_BANDS = [(0, "#d84315"), (2000, "#ef6c00"), (6000, "#f9a825"), (10000, "#7cb342"),
                  (20000, "#00897b"), (30000, "#1e88e5"), (40000, "#8e24aa")]


def altitude_color(alt_ft: float | None) -> str:
    """The band colour of an altitude (grey when the altitude is not reported)."""
    if alt_ft is None:
        return "#9e9e9e"
    return [c for lo, c in ALTITUDE_BANDS if alt_ft >= lo][-1] if alt_ft >= 0 else ALTITUDE_BANDS[0][1]


def selection_span(case: Case, rid: str | None) -> tuple[float, float, str] | None:
    """The time span the slider plays for a selected record: a flight file's or an aircraft's
    tracks, a claim's window, a reported flight's times, a photo's capture (±1 h)."""
    if not rid:
        return None
    rows = [t for t in flights.tracks(case) if rid in (t["item_id"], t["aircraft_id"])]
    if rows:
        lo = min(parse_z(t["first_utc"]).timestamp() for t in rows if t["first_utc"])
        hi = max(parse_z(t["last_utc"]).timestamp() for t in rows if t["last_utc"])
        return lo, hi, "the selected flight"
    claim = next((c for c in analyst.list_claims(case) if c.id == rid), None)
    if claim is not None:
        ws = [w for w in (claim.window_start.window(), claim.window_end.window()) if w is not None]
        if ws:
            return min(w[0] for w in ws).timestamp(), max(w[1] for w in ws).timestamp(), "the claim's window"
        return None
    rf = next((r for r in flights.reported_flights(case) if r.id == rid), None)
    if rf is not None:
        ws = [w for w in ((rf.departed.window() if rf.departed else None),
                          (rf.arrived.window() if rf.arrived else None)) if w is not None]
        if ws:
            return (min(w[0] for w in ws).timestamp(), max(w[1] for w in ws).timestamp(),
                    "the reported flight")
        return None
    try:
        info = photos.get_photo(case, rid)
    except CasefileError:
        return None
    if info.capture is not None and info.capture.utc:
        t = parse_z(info.capture.utc).timestamp()
        return t - 3600, t + 3600, "an hour either side of the photo"
    return None


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
