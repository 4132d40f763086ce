"""Sources, claims, entities, mentions and search hits as plain data (no I/O)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from casefile.present.times import describe, describe_window
from casefile.timeutil import TimeValue

SOURCE_KINDS = ("news-article", "social-media-post", "flight-tracker-page", "official-statement",
                "document", "other")
#: Admiralty / NATO source reliability: A completely reliable .. E unreliable, F cannot be judged.
RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
#: Admiralty / NATO information credibility: 1 confirmed .. 5 improbable, 6 cannot be judged.
CREDIBILITY = {1: "confirmed by other sources", 2: "probably true", 3: "possibly true",
               4: "doubtful", 5: "improbable", 6: "truth cannot be judged"}
CLAIM_STATUSES = ("unverified", "corroborated", "contradicted", "inconclusive")
CLAIM_KINDS = ("departure", "arrival", "presence", "transit", "cargo", "personnel", "other")
LINK_RELATIONS = ("supports", "contradicts", "context")
ENTITY_KINDS = ("aircraft", "person", "organisation", "place")
#: What an item attached to a source is to it.
SOURCE_ITEM_ROLES = ("capture", "screenshot", "published-photo", "attachment")
#: Other words people use for these (accepted wherever the kind or role is typed).
SOURCE_KIND_ALIASES = {"news": "news-article", "article": "news-article", "social": "social-media-post",
                       "post": "social-media-post", "tweet": "social-media-post",
                       "tracker": "flight-tracker-page", "flight-tracker": "flight-tracker-page",
                       "official": "official-statement", "statement": "official-statement",
                       "doc": "document"}
SOURCE_ROLE_ALIASES = {"photo": "published-photo", "page": "capture"}
#: How one source stands to another.
SOURCE_RELATIONS = ("cites", "derived-from")
ENTITY_KIND_ALIASES = {"organization": "organisation", "org": "organisation", "airport": "place",
                       "plane": "aircraft", "people": "person"}


def _time_dict(tv: TimeValue | None) -> dict[str, Any] | None:
    return tv.to_dict() if tv is not None else None


@dataclass(frozen=True)
class Source:
    """Where information came from, with the analyst's reliability grade."""

    id: str
    kind: str
    url: str | None
    title: str | None
    publisher: str | None
    author: str | None
    published: TimeValue | None
    collected_at: str | None
    collected_by: str | None
    reliability: str | None                 # A-F, None until graded
    reliability_rationale: str | None
    capture_item_ids: list[str] = field(default_factory=list)
    archive_urls: list[str] = field(default_factory=list)
    created_at: str | None = None
    reliability_meaning: str | None = None
    item_roles: dict[str, str] = field(default_factory=dict)   # item id -> role

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = _time_dict(self.published)
        d["published_when"] = describe(self.published) if self.published else None
        return d


@dataclass(frozen=True)
class Claim:
    """A statement one or more sources make, with its asserted time window and place."""

    id: str
    text: str
    quoted: bool
    window_start: TimeValue                 # basis "unknown" with no utc/local when not asserted
    window_end: TimeValue
    place_text: str | None
    place_icao: str | None
    place_lat: float | None
    place_lon: float | None
    credibility: int | None                 # 1-6, None until graded
    status: str
    source_ids: list[str] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)
    kind: str = "other"
    aircraft_refs: list[str] = field(default_factory=list)
    note: str | None = None
    created_at: str | None = None
    credibility_meaning: str | None = None
    place_kind: str | None = None           # airport | city | country | point; None: not resolved
    place_key: str | None = None            # ICAO | GeoNames id | ISO 3166 alpha-2 | "lat,lon"
    leg_from: str | None = None             # a transit's leg: where it left (airport or city)
    leg_to: str | None = None               # ... and where it went

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["window_start"] = _time_dict(self.window_start)
        d["window_end"] = _time_dict(self.window_end)
        d["when"] = self.when
        return d

    @property
    def when(self) -> str:
        """The asserted window as a person reads it (a bare date is that whole local day)."""
        return describe_window(self.window_start, self.window_end)


class ClaimLink(NamedTuple):
    """An evidence item linked to a claim: supports, contradicts or gives context."""

    item_id: str
    relation: str
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self._asdict())


@dataclass(frozen=True)
class Entity:
    """An aircraft, person, organisation or place, with the names it also goes by."""

    id: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    ref: str | None = None          # aircraft: registration/hex/type; place: airport ICAO
    lat: float | None = None
    lon: float | None = None
    tz: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Mention:
    """A possible entity found in text, for the analyst to confirm (never created automatically)."""

    kind: str                   # registration | icao-hex | aircraft-type | airport | person | ...
    text: str                   # as found
    value: str                  # normalised (e.g. "An-124", "UUMU")
    entity_kind: str            # aircraft | person | organisation | place
    start: int
    end: int
    confidence: str = "medium"  # low | medium | high
    detail: str | None = None   # e.g. the airport's name, the ICAO type designator

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Suggestion:
    """What a saved page or text says about itself (title, date, author), to be confirmed."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published_raw: str | None = None
    dateline: str | None = None
    language: str | None = None
    where: dict[str, str] = field(default_factory=dict)   # field -> where in the file it came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Hit:
    """One full-text search result."""

    kind: str          # source | capture | claim | note | entity
    id: str            # the source/claim/note/entity id, or the capture's item id
    title: str
    snippet: str
    rank: float
    item_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
