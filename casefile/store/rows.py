"""Rows as read from a case: one TypedDict per table, so a misspelled column fails the type checker
instead of reading as a KeyError at run time (columns as in casefile/store/schema_core.py and
casefile/store/schemas/), and the named types of what SQLite and JSON hold (`SqlValue`, `Row`,
`JSONValue`), so no signature of the core says `Any`.

`Case.select(RowType, sql, params)` reads rows as one of these; `typed(RowType, row)` vouches for
a row already read (its columns are checked against the type's; the values are SQLite's, whose
types the schema fixes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias, TypedDict, TypeVar, cast

#: what one SQLite column holds
SqlValue: TypeAlias = str | int | float | bytes | None
#: a row of a query that is not one table's (a join, a count): column -> value
Row: TypeAlias = dict[str, SqlValue]
#: what JSON holds (decoded): the one recursive alias for JSON-ish values
JSONValue: TypeAlias = "str | int | float | bool | None | list[JSONValue] | dict[str, JSONValue]"
JSONObject: TypeAlias = dict[str, JSONValue]

R = TypeVar("R", bound=Mapping[str, object])


def typed(row_type: type[R], row: Mapping[str, object]) -> R:
    """`row` as `row_type` (a TypedDict of this module): its columns are checked, so a query that
    no longer gives what the type promises fails here, naming the columns, not later as a KeyError.
    The values are trusted to be what the table's schema stores."""
    need: frozenset[str] = getattr(row_type, "__required_keys__", frozenset())
    missing = need - row.keys()
    if missing:
        raise TypeError(f"a {row_type.__name__} needs {', '.join(sorted(missing))}; "
                        f"the row has {', '.join(sorted(row)) or 'no columns'}")
    return cast(R, row)   # the one place a row read from SQLite becomes its table's type


def typed_rows(row_type: type[R], rows: list[Row]) -> list[R]:
    """Every row of one query as `row_type` (see typed): the rows of a query share their columns,
    so the first one's are checked."""
    if rows:
        typed(row_type, rows[0])
    return cast(list[R], rows)


class ItemRow(TypedDict):
    """An evidence item: the original's hash, size, type and where its blob is kept."""

    id: str
    kind: str                   # photo, flight-record, capture, document, file
    sha256: str
    md5: str
    size: int
    mime: str
    blob_path: str
    original_name: str | None
    created_at: str
    importer: str | None
    notes: str | None
    sensitive: int
    removed_at: str | None
    removed_reason: str | None


class AcquisitionRow(TypedDict):
    """One time an item's bytes were collected: when, by whom, how, from where."""

    id: str
    item_id: str
    acquired_at: str
    acquired_by: str
    method: str
    original_path: str | None
    source_url: str | None
    original_mtime: str | None
    note: str | None


class DerivedRow(TypedDict):
    """A working copy made from an item (thumbnail, preview, ELA, points file) and how."""

    id: str
    item_id: str
    kind: str
    blob_path: str
    sha256: str
    size: int
    mime: str | None
    tool: str
    tool_version: str
    params: str                 # canonical JSON
    created_at: str


class IdRow(TypedDict):
    """A row's id alone (SELECT id FROM ...), e.g. to delete what refers to a record."""

    id: str


class LedgerEvent(TypedDict):
    """One custody event as read back (casefile.store.ledger.read_events): details decoded."""

    seq: int
    at: str
    actor: str
    action: str
    item_id: str | None
    target_table: str | None
    target_id: str | None
    row_digest: str | None
    details: JSONObject
    prev_hash: str
    hash: str


class MetaRow(TypedDict):
    """One case setting (title, default time zone ...)."""

    key: str
    value: str


# ---- the analyst's tables (casefile/store/schemas/analyst.py) ------------------------------------
class SourceRow(TypedDict):
    """Where information came from (a page, a post, a document) and its reliability grade."""

    id: str
    kind: str
    url: str | None
    title: str | None
    publisher: str | None
    author: str | None
    published: str | None              # TimeValue as canonical JSON
    published_utc: str | None
    collected_at: str | None
    collected_by: str | None
    reliability: str | None            # A-F
    reliability_rationale: str | None
    archive_urls: str                  # JSON list
    note: str | None
    created_at: str
    created_by: str


class SourceItemRow(TypedDict):
    """An evidence item attached to a source (capture, screenshot, published photo, attachment)."""

    id: str
    source_id: str
    item_id: str
    role: str
    added_at: str


class SourceRelationRow(TypedDict):
    """One source citing, or derived from, another."""

    id: str
    source_id: str
    other_id: str
    relation: str                      # cites | derived-from
    note: str | None
    created_at: str
    created_by: str


class EntityRow(TypedDict):
    """An aircraft, person, organisation or place the case is about."""

    id: str
    kind: str
    name: str
    aliases: str                       # JSON list
    ref: str | None
    lat: float | None
    lon: float | None
    tz: str | None
    note: str | None
    created_at: str


class ClaimRow(TypedDict):
    """A statement to check: what, when (a window of TimeValues), where, how credible."""

    id: str
    text: str
    quoted: int
    window_start: str                  # TimeValue as JSON
    window_end: str
    start_utc: str | None
    end_utc: str | None
    place_text: str | None
    place_icao: str | None
    place_lat: float | None
    place_lon: float | None
    credibility: int | None            # 1-6
    status: str
    kind: str
    aircraft_refs: str                 # JSON list
    note: str | None
    created_at: str
    created_by: str
    place_kind: str | None             # airport | city | country | point
    place_key: str | None
    leg_from: str | None               # a transit's leg: where it left (airport code or city)
    leg_to: str | None                 # ... and where it went


class ClaimSourceRow(TypedDict):
    id: str
    claim_id: str
    source_id: str


class ClaimEntityRow(TypedDict):
    id: str
    claim_id: str
    entity_id: str


class ClaimLinkRow(TypedDict):
    """Evidence linked to a claim: supports, contradicts or gives context."""

    id: str
    claim_id: str
    item_id: str
    relation: str
    note: str | None
    created_at: str


class NoteRow(TypedDict):
    """A note on an item, source, claim or entity (target_id None: on the case)."""

    id: str
    target_kind: str                   # item | source | claim | entity | case
    target_id: str | None
    text: str
    created_at: str
    created_by: str


class TagRow(TypedDict):
    """A tag on an item, source, claim or entity."""

    id: str
    target_kind: str
    target_id: str
    tag: str
    created_at: str


class CaptureTextRow(TypedDict):
    """The text extracted from a capture item, with what the file says about itself (JSON)."""

    item_id: str
    format: str                        # html | mhtml | pdf | text | warc | wacz
    text: str
    suggestion: str                    # JSON
    tool: str
    truncated: int


# ---- read by several parts -----------------------------------------------------------------------
class ReportedFlightRow(TypedDict):
    """A flight a source reports (aircraft, from, to, times), kept apart from recorded tracks."""

    id: str
    aircraft_ref: str
    aircraft_id: str | None
    from_icao: str | None
    to_icao: str | None
    departed: str | None               # JSON TimeValue
    arrived: str | None
    source_note: str | None
    created_at: str
    created_by: str
    source_id: str | None              # sources(id)
    aircraft_type: str | None          # ICAO designator


# ---- the flights part's tables (casefile/store/schemas/flights.py) -------------------------------
class FlightSegmentRow(TypedDict):
    """A leg (take-off to landing) or a stay on the ground, found in one track's points."""

    id: str
    track_id: str
    aircraft_id: str
    item_id: str
    kind: str                          # leg | ground
    start_t: float                     # epoch seconds
    end_t: float
    points: int
    airport_icao: str | None
    takeoff: str | None                # JSON LegEnd
    landing: str | None
    params: str                        # thresholds and airportsdata version used (JSON)
    events: str | None                 # JSON list of leg events


class AircraftRow(TypedDict):
    """An aircraft the records or the analyst name (hex, registration, type)."""

    id: str
    icao24: str | None                 # six lower-case hex digits
    registration: str | None
    type_code: str | None
    description: str | None
    operator: str | None
    country: str | None                # from the ICAO 24-bit allocation block
    military: int | None               # 1/0 when a source says so
    label: str | None                  # how to name it when no hex or registration is known
    created_at: str


class TrackRow(TypedDict):
    """One flight record file's track of one aircraft (its points are a column file)."""

    id: str
    item_id: str
    aircraft_id: str
    format: str
    callsigns: str | None              # JSON list as found
    points: int                        # stored points (usable + flagged)
    flagged: int
    skipped: int
    untimed: int
    first_utc: str | None
    last_utc: str | None
    warnings: str                      # JSON list of per-row warnings (first 200)
    stated: str | None                 # JSON: legs the source states
    points_sha256: str | None          # the points' column file (derived)
    quality_counts: str | None         # JSON {flag: count}
    flight: str | None                 # JSON: number, callsign, route ... as the file states


class FlightGapRow(TypedDict):
    """A stretch with no position for longer than the threshold, between two points of a track."""

    id: int
    track_id: str
    aircraft_id: str
    item_id: str
    before_seq: int
    after_seq: int
    start_t: float
    end_t: float
    note: str | None


# ---- the photos part's tables (casefile/store/schemas/photos.py) ---------------------------------
class PhotoRow(TypedDict):
    """A photo's metadata as read at import, and the place an analyst set."""

    item_id: str
    format: str
    width: int
    height: int
    make: str | None
    model: str | None
    lens: str | None
    serial: str | None
    software: str | None
    orientation: int | None
    capture: str | None                # TimeValue as canonical JSON
    capture_utc: str | None
    lat: float | None                  # accepted EXIF position
    lon: float | None
    alt_m: float | None
    direction_deg: float | None
    gps_problem: str | None            # why an EXIF position was rejected
    place_lat: float | None            # analyst-set place
    place_lon: float | None
    place_note: str | None
    phash: str | None
    dhash: str | None
    decode_problem: str | None
    meta: str                          # PhotoMeta as JSON
    raw_tags: str                      # every tag as found, JSON
    extractor: str                     # tools and versions, JSON
    capture_from: str | None           # where the capture time was read


class PhotoAircraftRow(TypedDict):
    """An aircraft tag on a photo (registration, hex or type)."""

    id: str
    item_id: str
    ref: str
    created_at: str


class PhotoCheckRow(TypedDict):
    """One check's finding about a photo's metadata (a cache of the tracked tables)."""

    item_id: str
    n: int
    check_id: str
    severity: str
    title: str
    explanation: str
    innocent_cause: str
    fields: str                        # JSON


# ---- the cross-reference's tables (casefile/store/schemas/xref.py) -------------------------------
class FindingRow(TypedDict):
    """A cross-reference finding as stored (a cache, recomputed from the tracked tables)."""

    id: str                            # stable hash of kind + inputs
    kind: str
    verdict: str                       # consistent | inconsistent | undetermined
    confidence: float
    explanation: str
    item_ids: str                      # JSON list
    inputs: str                        # JSON
    assumptions: str                   # JSON list
    computed_at: str


class XrefRunRow(TypedDict):
    """One cross-reference run: when, over what, how many findings, their digest."""

    id: int
    at: str
    mode: str                          # full | items
    findings: int
    digest: str
    problems: str | None               # JSON list of one-line messages
