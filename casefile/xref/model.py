"""Plain engine inputs: what the cross-reference engine needs from photos, flights and sources.

The input layer (`casefile.xref.inputs`) fills these from the other parts' read APIs; tests and
benchmarks build them directly. Times are UTC epoch seconds (floats) inside the engine; every
finding reports them back as `casefile.timeutil` strings with their basis and uncertainty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.reference.places import Place as AreaPlace
from casefile.timeutil import TimeValue


@dataclass(frozen=True)
class Place:
    """Where something is said to be: a coordinate and how we know it."""

    lat: float
    lon: float
    source: str                # exif | analyst | airport | claim
    label: str = ""


@dataclass(frozen=True)
class LightHint:
    """What the photo's own metadata says about the light it was taken in."""

    kind: str                  # daylight | dark
    reason: str                # the tags and values that say so


@dataclass(frozen=True)
class PhotoIn:
    """A photo: capture time, place, hashes, analyst aircraft tags, light hint."""

    item_id: str
    capture: TimeValue | None
    place: Place | None
    phash: str | None = None
    dhash: str | None = None
    aircraft_tags: tuple[str, ...] = ()
    light: LightHint | None = None
    label: str = ""
    #: the file's own GPS position when the place used is the analyst's (both are kept)
    file_place: Place | None = None
    #: the file's GPS time stamp (GPSDateStamp + GPSTimeStamp), UTC epoch seconds
    gps_utc: float | None = None
    #: the capture time as the file gives it, when `capture` weighs two readings of it (an offset
    #: tag that disagrees with the zone at the photo's own GPS position)
    capture_found: TimeValue | None = None


@dataclass(frozen=True)
class AircraftIn:
    """An aircraft and every reference an analyst may use for it."""

    id: str
    refs: tuple[str, ...]      # registration, ICAO hex, type code: anything an analyst may tag
    label: str


@dataclass(frozen=True)
class EndIn:
    """A take-off or landing."""

    time: float | None
    airport_icao: str | None
    lat: float | None = None
    lon: float | None = None
    observed: bool = True
    uncertainty_s: float = 0.0       # reported times: how far the time may be off either way


@dataclass(frozen=True)
class LegIn:
    """One flight from take-off to landing (times None when unknown)."""

    id: str
    aircraft_id: str
    item_id: str | None
    takeoff: EndIn
    landing: EndIn
    reported: bool = False
    first_seen: float | None = None  # first and last observed point of the leg
    last_seen: float | None = None


@dataclass(frozen=True)
class GapIn:
    """A stretch with no positions: whereabouts unknown inside, not absent."""

    aircraft_id: str
    start: float
    end: float
    note: str = ""
    item_id: str | None = None
    #: On the ground at the same place (within 2 km) before and after: where it most likely stayed.
    parked_at: tuple[float, float] | None = None
    #: The last observed position before the gap (for its local time zone).
    before_at: tuple[float, float] | None = None


@dataclass(frozen=True)
class ReportedIn:
    """A flight entered by hand from a report: "reported, not tracked"."""

    id: str
    aircraft_id: str | None
    aircraft_ref: str
    takeoff: EndIn
    landing: EndIn
    item_ids: tuple[str, ...] = ()
    note: str = ""
    source_id: str | None = None     # the source (report) it was typed in from
    aircraft_type: str | None = None # ICAO type designator the reference names
    label: str = ""                  # how to name it: "R1 A124 UUMU-SVMI"


@dataclass(frozen=True)
class StayIn:
    """A stretch the state model saw the aircraft on the ground (flights' ground stays): observed,
    not inferred from the legs around it, so an aircraft seen only parked has one too."""

    start: float
    end: float
    lat: float                       # the middle of its positions
    lon: float
    airport_icao: str | None = None
    item_id: str | None = None


@dataclass(frozen=True)
class PointsIn:
    """Observed positions of one aircraft, sorted by time (parallel lists)."""

    aircraft_id: str
    t: list[float]
    lat: list[float]
    lon: list[float]
    alt_ft: list[float | None]
    ground: list[bool]
    #: its observed ground stays, in time order
    stays: tuple[StayIn, ...] = ()


@dataclass(frozen=True)
class SourceIn:
    """A source: when it was published and collected, and the items it published."""

    id: str
    title: str
    published: TimeValue | None
    collected_at: str | None
    item_ids: tuple[str, ...] = ()       # photos (and captures) the source published
    ref: str = ""                        # its short reference (S2)
    cites: tuple[str, ...] = ()          # sources it cites or is derived from


@dataclass(frozen=True)
class ClaimIn:
    """A claim: what kind of event, its asserted window and place, the aircraft named."""

    id: str
    text: str
    kind: str                  # departure | arrival | presence | other
    window_start: TimeValue | None
    window_end: TimeValue | None
    place_icao: str | None
    place: Place | None
    aircraft_refs: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    item_ids: tuple[str, ...] = ()
    ref: str = ""                        # its short reference (C4)
    place_text: str | None = None        # the place as typed
    area: AreaPlace | None = None        # the place resolved (airport, city, country, point)
    supports: tuple[str, ...] = ()       # items linked as supporting it
    contradicts: tuple[str, ...] = ()    # items linked as contradicting it
    leg_from: AreaPlace | None = None    # a transit's leg: where it left, where it went
    leg_to: AreaPlace | None = None


@dataclass
class CaseInputs:
    """Everything the engine reads, gathered once."""

    photos: list[PhotoIn] = field(default_factory=list)
    aircraft: list[AircraftIn] = field(default_factory=list)
    legs: list[LegIn] = field(default_factory=list)
    gaps: list[GapIn] = field(default_factory=list)
    points: list[PointsIn] = field(default_factory=list)
    reported: list[ReportedIn] = field(default_factory=list)
    sources: list[SourceIn] = field(default_factory=list)
    claims: list[ClaimIn] = field(default_factory=list)
    default_tz: str | None = None
    #: the case's own claim tolerances (case_meta keys "claims.*"; see xref.claim_match.SETTINGS)
    claim_settings: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)   # records that could not be read
    #: item id -> how a person names it ("P3 an124_apron.jpg")
    item_names: dict[str, str] = field(default_factory=dict)
