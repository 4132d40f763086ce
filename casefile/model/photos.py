"""Photos as plain data: what the importer extracts (PhotoMeta) and what the read API offers (PhotoInfo)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, NotRequired, TypedDict

from casefile.model.geo import GeoPoint
from casefile.timeutil import TimeValue


@dataclass
class GpsReading:
    """GPS values as found, the accepted position (or why it was rejected)."""

    present: bool = False              # the file has a GPS IFD at all
    lat: float | None = None
    lon: float | None = None
    alt_m: float | None = None
    direction_deg: float | None = None
    problem: str | None = None         # why the position was rejected (None if accepted or absent)
    raw: dict[str, str] = field(default_factory=dict)
    date_raw: str | None = None        # GPSDateStamp as found
    time_raw: str | None = None        # GPSTimeStamp as found
    utc: str | None = None             # GPS date + time stamp as a UTC instant
    tz_at_position: str | None = None  # IANA zone at the accepted position (offline lookup)
    read_from: str | None = None       # where the accepted position was read ("exif GPS", "xmp ...")
    utc_read_from: str | None = None   # where the UTC stamp was read, when not the EXIF GPS block


@dataclass
class FoundValue:
    """One time, zone, position or camera name as one place in the file gives it.

    kind: "original" (when the picture was taken), "digitized", "zone" (a UTC offset alone, e.g. a
    maker note's time-zone setting), "position", "make", "model", "gps-time". place: exif, xmp,
    iptc, makernote, ciff, pictureinfo, trailer (data after the image, e.g. Samsung's). Nothing is
    dropped: a value that cannot be used keeps its problem.
    """

    kind: str
    place: str
    tag: str                           # as a reader names it: "XMP photoshop:DateCreated"
    raw: str                           # the text (or numbers) as found
    value: str | None = None           # times: local "2019-03-23T14:05:00[.fff]" or a date alone;
                                       # zones: "+02:00"; names: the text; positions: "lat,lon"
    offset: str | None = None          # the UTC offset the same place states for this time
    problem: str | None = None         # why the value is not used

    @property
    def where(self) -> str:
        """Where the value was read, as a person names it: 'xmp photoshop:DateCreated'."""
        return f"{self.place} {self.tag}"


class JpegSegment(TypedDict):
    """One marker segment as found (stored as JSON in the photo's metadata)."""

    marker: str                   # "0xFFE1"
    offset: int                   # where the marker starts
    length: int                   # the segment's length field
    ident: NotRequired[str]       # APPn: the identifier its payload starts with
    jumbf: NotRequired[bool]      # APP11 holding JUMBF boxes
    c2pa: NotRequired[bool]       # ... labelled C2PA


@dataclass
class JpegStructure:
    """The JPEG container as an examiner reads it."""

    segments: list[JpegSegment] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    photoshop_app13: bool = False
    adobe_app14: bool = False
    fbmd: str | None = None            # the FBMD instruction text Facebook writes into IPTC
    mpf: bool = False                  # Multi-Picture Format index (extra images after EOI)
    eoi_offset: int | None = None      # where the end-of-image marker ends
    trailing_bytes: int = 0
    trailing_kind: str | None = None   # jpeg | zeros | data
    quant_tables: list[list[int]] = field(default_factory=list)
    ciff_make_model: list[str] | None = None  # Canon CIFF (APP0 HEAPJPGM) camera make and model
    standard_quality: int | None = None  # IJG/libjpeg standard tables at this quality, if they are
    ciff_taken: list[int] | None = None  # Canon CIFF TimeStamp: local seconds, zone code, zone flag
    picture_info: dict[str, str] | None = None  # APP12 "[picture info]" lines (Olympus, Agfa, ...)
    problems: list[str] = field(default_factory=list)


@dataclass
class PhotoMeta:
    """Normalised metadata of one photo: what the checks and the read API use."""

    format: str = ""
    width: int = 0
    height: int = 0
    exif_width: int | None = None
    exif_height: int | None = None
    make: str | None = None
    model: str | None = None
    lens: str | None = None
    serial: str | None = None
    software: str | None = None
    creator_tool: str | None = None
    orientation: int | None = None
    times: dict[str, str] = field(default_factory=dict)   # tag name -> raw text
    has_exif: bool = False
    exif_tag_count: int = 0
    exif_problems: list[str] = field(default_factory=list)
    gps: GpsReading = field(default_factory=GpsReading)
    thumbnail_present: bool = False
    thumbnail_size: tuple[int, int] | None = None
    thumbnail_distance: int | None = None   # dHash bits differing between thumbnail and image
    xmp_present: bool = False
    xmp_history: list[str] = field(default_factory=list)
    xmp_creator_tool: str | None = None
    iptc_present: bool = False
    c2pa: bool = False
    jpeg: JpegStructure | None = None
    found: list[FoundValue] = field(default_factory=list)   # every place's value, in the order
                                                            # Casefile believes them (photos.places)
    phash: str | None = None
    dhash: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PhotoMeta:
        d = _known(cls, data)
        d["gps"] = GpsReading(**_known(GpsReading, d.get("gps") or {}))
        if d.get("jpeg"):
            d["jpeg"] = JpegStructure(**_known(JpegStructure, d["jpeg"]))
        d["found"] = [FoundValue(**_known(FoundValue, f)) for f in d.get("found") or []]
        if d.get("thumbnail_size"):
            d["thumbnail_size"] = tuple(d["thumbnail_size"])
        return cls(**d)


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Only the fields this version knows (metadata stored by another version still loads)."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


@dataclass(frozen=True)
class PhotoInfo:
    """One photo as the rest of Casefile sees it (docs/interfaces.md)."""

    item_id: str
    width: int
    height: int
    make: str | None
    model: str | None
    lens: str | None
    serial: str | None
    software: str | None
    orientation: int | None
    capture: TimeValue | None
    gps: GeoPoint | None
    gps_problem: str | None
    phash: str | None
    dhash: str | None
    aircraft_tags: list[str] = field(default_factory=list)
    format: str = ""
    original_name: str | None = None
    sha256: str | None = None
    exif_gps: GeoPoint | None = None
    analyst_place_note: str | None = None
    times: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["capture"] = self.capture.to_dict() if self.capture else None
        return d
