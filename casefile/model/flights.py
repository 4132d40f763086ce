"""Flight records as plain data: aircraft, track points, legs, coverage gaps, whereabouts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from operator import itemgetter
from typing import Any

from casefile.present.times import describe
from casefile.timeutil import TimeValue, parse_z


@dataclass(frozen=True)
class Aircraft:
    """One airframe, identified by its ICAO 24-bit address and/or registration when known."""

    id: str
    icao24: str | None
    registration: str | None
    type_code: str | None
    description: str | None
    operator: str | None
    country: str | None
    military: bool | None
    label: str = ""          # how to name it when neither hex nor registration is known

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Point:
    """One observed position, units normalised (ft, kt, ft/min); time as epoch seconds and ISO."""

    track_id: str
    aircraft_id: str
    seq: int
    t: float | None                # None: a record with no time (GPX without <time>), never in legs
    time_utc: str
    lat: float
    lon: float
    alt_ft: float | None = None
    geo_alt_ft: float | None = None
    on_ground: bool | None = None
    gs_kt: float | None = None
    track_deg: float | None = None
    vrate_fpm: float | None = None
    callsign: str | None = None
    source: str | None = None
    quality: str | None = None     # None = usable; else why it is kept out of legs

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def at(self) -> float:
        """Its time, for a point known to have one (every usable point: stretches, legs, gaps,
        `where`); an untimed point is always flagged "no-time" and kept out of those."""
        if self.t is None:
            raise ValueError(f"point {self.seq} of track {self.track_id} has no time")
        return self.t


@dataclass(frozen=True)
class LegEnd:
    """A take-off or landing: time and airport when known, whether observed, and why we say so."""

    time_utc: str | None
    airport_icao: str | None
    airport_name: str | None
    distance_km: float | None
    observed: bool
    note: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)
    #: (earliest, latest) UTC, set whenever the time is known (docs/shapes.md): an observed end
    #: between two positions spans the last before and the first after; a probable end in a hole
    #: spans what the hole allows. time_utc is only its middle, for sorting and short listings.
    window_utc: tuple[str, str] | None = None

    @property
    def uncertainty_s(self) -> float:
        """How far the end's time may be off either way (half its window; 0 without one)."""
        if not self.window_utc:
            return 0.0
        a, b = (parse_z(x).timestamp() for x in self.window_utc)
        return (b - a) / 2

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: kinds of LegEvent: what an aircraft does near a runway without ending its flight there
EVENT_KINDS = ("touch-and-go", "low-approach", "go-around")


@dataclass(frozen=True)
class LegEvent:
    """Something inside a leg that is not its take-off or landing (a touch-and-go, a low approach,
    a go-around): never counted as a landing. `window_utc` is (earliest, latest) like a LegEnd's."""

    kind: str
    window_utc: tuple[str, str]
    airport_icao: str | None = None
    airport_name: str | None = None
    distance_km: float | None = None
    note: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Leg:
    """One flight from take-off to landing (either end may be unknown)."""

    id: str
    aircraft_id: str
    item_id: str | None
    takeoff: LegEnd
    landing: LegEnd
    reported: bool = False
    track_id: str | None = None
    first_seen_utc: str | None = None
    last_seen_utc: str | None = None
    points: int = 0
    aircraft_ref: str | None = None   # a reported flight's aircraft as typed (and its type)
    #: touch-and-go, low approach, go-around inside the leg, in time order
    events: tuple[LegEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Gap:
    """No position for longer than the threshold: whereabouts unknown inside, not absent."""

    aircraft_id: str
    start_utc: str
    end_utc: str
    before: Point
    after: Point
    note: str = ""
    track_id: str | None = None
    item_id: str | None = None

    @property
    def seconds(self) -> float:
        return self.after.at - self.before.at

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Whereabouts:
    """Where an aircraft was at a time, as far as the records say."""

    status: str                    # ground | airborne | unknown
    lat: float | None
    lon: float | None
    alt_ft: float | None
    airport_icao: str | None
    reason: str
    nearest_before: Point | None
    nearest_after: Point | None
    aircraft_id: str | None = None
    t_utc: str | None = None
    #: how far (m) the position given may be off (the positions' stated or assumed accuracy;
    #: None: not known or no position given)
    uncertainty_m: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReportedFlight:
    """A flight entered by hand from a report: reported, not tracked."""

    id: str
    aircraft_ref: str
    aircraft_id: str | None
    from_icao: str | None
    to_icao: str | None
    departed: TimeValue | None
    arrived: TimeValue | None
    source_note: str | None
    created_at: str
    created_by: str
    source_id: str | None = None        # the source (report) it was typed in from
    aircraft_type: str | None = None    # ICAO type designator the reference names (A124, IL62)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["departed"] = self.departed.to_dict() if self.departed is not None else None
        d["arrived"] = self.arrived.to_dict() if self.arrived is not None else None
        d["departed_when"] = describe(self.departed) if self.departed is not None else None
        d["arrived_when"] = describe(self.arrived) if self.arrived is not None else None
        return d


# ---- what a flight parser hands to the flights part to store ---------------------------------
#: column order of a parsed point row (quality flags are kept beside the rows, see finish())
COLUMNS = ("t", "lat", "lon", "alt_ft", "geo_alt_ft", "ground", "gs_kt", "track_deg", "vrate_fpm",
           "callsign", "src", "new_leg")

#: one point in COLUMNS order: time (epoch s, None if the file gives none), position, altitudes
#: (ft), on ground, speed (kt), track (deg), vertical rate (ft/min), callsign, source, new-leg flag
PointRow = tuple[float | None, float, float, float | None, float | None, bool | None,
                 float | None, float | None, float | None, str | None, str | None, int]


@dataclass
class ParsedTrack:
    """One aircraft's points from one file, plus what the file says about the aircraft."""

    format: str
    icao24: str | None = None
    registration: str | None = None
    type_code: str | None = None
    description: str | None = None
    operator: str | None = None
    military: bool | None = None
    label: str = ""
    rows: list[PointRow] = field(default_factory=list)
    quality: list[str | None] = field(default_factory=list)
    stated: list[dict[str, Any]] = field(default_factory=list)
    #: planned positions (a GPX route), not observations: kept, never used for legs or `where`
    planned: bool = False
    #: what the file states about the flight flown (number, callsign, origin, destination), not
    #: observed: kept with the track; its number and callsign name the aircraft too
    flight: dict[str, Any] = field(default_factory=dict)
    #: the reader has shown, column by column, that no value needs the point-by-point screen for
    #: values no aircraft reports (casefile.importers.flights.plausible); when False, it runs
    screened: bool = False
    #: columns already taken out of `rows` (by name, as in COLUMNS) while they were checked, so
    #: storing the track need not take them out again; only valid while `rows` is unchanged.
    #: A reader may hand over the columns alone (`rows` empty, every column full: a million
    #: points need no million row tuples); point_rows() makes the rows when something needs them
    columns: dict[str, list[Any]] = field(default_factory=dict)

    def size(self) -> int:
        """How many points: the rows', or the columns' when the reader handed over columns only."""
        return len(self.rows) if self.rows else len(self.columns.get("t", ()))

    def columns_only(self) -> bool:
        """The reader handed over the columns alone (no rows)."""
        return not self.rows and bool(self.columns.get("t")) and all(
            len(self.columns.get(n, ())) == len(self.columns["t"]) for n in COLUMNS)

    def point_rows(self) -> list[PointRow]:
        """The points as rows (COLUMNS order), made from the columns when there are no rows."""
        if self.columns_only():
            return list(zip(*(self.columns[n] for n in COLUMNS), strict=True))
        return self.rows

    def callsigns(self) -> list[str]:
        found = self.columns["callsign"] if self.columns_only() else map(itemgetter(9), self.rows)
        return [cs for cs in dict.fromkeys(found) if cs]
