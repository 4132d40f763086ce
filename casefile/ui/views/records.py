"""What each navigator category lists: loader and columns, from the parts' query modules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from casefile.analyst import query as analyst
from casefile.flights import query as flights
from casefile.model.analyst import Claim, Entity, Source
from casefile.model.findings import Finding
from casefile.model.flights import Aircraft, Leg, LegEnd
from casefile.present.aircraft import aircraft_name
from casefile.present.findings import title as finding_title
from casefile.present.numbers import shorten
from casefile.present.times import TimeDisplay, claim_when
from casefile.store import Case, reads
from casefile.store.reads import ListedItem
from casefile.store.refs import all_refs
from casefile.ui.views import custody
from casefile.ui.views.tablemodel import Column
from casefile.xref.query import findings

R = TypeVar("R")


@dataclass
class Category(Generic[R]):
    """One navigator entry shown as a table of records of type R."""

    key: str
    title: str
    load: Callable[[Case], Sequence[R]]
    columns: Callable[[TimeDisplay, Names], list[Column[R]]]
    item_id: Callable[[R], str | None]
    with_ref: bool = True                  # the custody log names its file and record in columns

    def all_columns(self, td: TimeDisplay, nm: Names) -> list[Column[R]]:
        """The record's short reference first, then the category's own columns."""
        own = self.columns(td, nm)
        return [ref_column(nm, self.item_id), *own] if self.with_ref else own


@dataclass
class Names:
    """What a table names records by: short references and file names, by id."""

    refs: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)     # source id -> its title

    @classmethod
    def of(cls, case: Case) -> Names:
        titles = {s.id: s.title or s.url or s.publisher or "untitled" for s in analyst.list_sources(case)}
        return cls(all_refs(case), reads.item_names(case), titles)

    def source(self, sid: str) -> str:
        """"S2 Taipei Times report" (a claim's source, as the table names it)."""
        return f"{self.refs.get(sid, '')} {self.sources.get(sid, '')}".strip() or sid

    def label(self, rid: str | None) -> str:
        """"P3 an124_apron.jpg" for a file, "C4" for another record, "" for none."""
        if not rid:
            return ""
        ref = self.refs.get(rid, "")
        name = self.files.get(rid, "")
        return f"{ref} {name}".strip() or rid


def ref_sort(ref: str) -> tuple[str, int]:
    """Order references by kind, then number (P2 before P10)."""
    return (ref[:1], int(ref[1:])) if ref[1:].isdigit() else (ref, 0)


def ref_column(nm: Names, item_id: Callable[[Any], str | None]) -> Column[Any]:
    def text(r: Any) -> str:
        rid = item_id(r)
        return nm.refs.get(rid, "") if rid else ""

    return Column("Ref", text, lambda r: "{}{:08d}".format(*ref_sort(text(r))) if text(r) else "",
                  tip="short reference: S source, C claim, E entity, P photo, F flight record, "
                      "D document, R reported flight, X finding")


def human_size(n: int | None) -> str:
    """Bytes as B / KiB / MiB / GiB."""
    if n is None:
        return ""
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(n)


def _item_columns(td: TimeDisplay, nm: Names) -> list[Column[ListedItem]]:
    return [
        Column("Name", lambda r: r["original_name"]),
        Column("Kind", lambda r: r["kind"]),
        Column("Type", lambda r: r["mime"]),
        Column("Size", lambda r: human_size(r["size"]), lambda r: r["size"]),
        Column("SHA-256", lambda r: r["sha256"][:16] + "…", lambda r: r["sha256"],
               tip="first 16 hex digits; the full hash is in the provenance panel"),
        Column("Acquired", lambda r: td.fmt(r["acquired_at"]), lambda r: r["acquired_at"] or ""),
        Column("By", lambda r: r["acquired_by"]),
        Column("Sensitive", lambda r: "yes" if r["sensitive"] else ""),
        Column("Notes", lambda r: (r["notes"] or "").replace("\n", " ")),
    ]


@dataclass(frozen=True)
class FlightRow:
    """A leg with its aircraft named."""

    leg: Leg
    aircraft: str
    calls: str = ""             # the callsigns and flight number its flight file recorded


def _flight_rows(case: Case) -> list[FlightRow]:
    names = {a.id: aircraft_name(a) for a in flights.list_aircraft(case)}
    calls = flights.track_calls(case)
    return [FlightRow(leg, names.get(leg.aircraft_id) or "(reported, not tracked)",
                      ", ".join(calls.get(leg.track_id or "", [])))
            for leg in flights.legs(case)]


def _flight_columns(td: TimeDisplay, nm: Names) -> list[Column[FlightRow]]:
    def takeoff(r: FlightRow) -> LegEnd:
        return r.leg.takeoff

    def landing(r: FlightRow) -> LegEnd:
        return r.leg.landing

    return [
        Column("Callsign / flight", lambda r: r.calls, tip="as the flight file recorded it"),
        Column("Aircraft", lambda r: r.aircraft),
        Column("Takeoff (time)", lambda r: td.fmt(takeoff(r).time_utc), lambda r: takeoff(r).time_utc or ""),
        Column("From", lambda r: takeoff(r).airport_icao),
        Column("Landing (time)", lambda r: td.fmt(landing(r).time_utc), lambda r: landing(r).time_utc or ""),
        Column("To", lambda r: landing(r).airport_icao),
        Column("Reported only", lambda r: "yes" if r.leg.reported else ""),
        Column("Points", lambda r: r.leg.points, lambda r: r.leg.points),
        Column("Flight record", lambda r: nm.label(r.leg.item_id)),
    ]


def _source_columns(td: TimeDisplay, nm: Names) -> list[Column[Source]]:
    # the grade next to the title: it must be on screen in a 1400 px window
    return [
        Column("Title", lambda r: r.title or r.url or "untitled"),
        Column("Reliability", lambda r: r.reliability or "not graded",
               tip="A (reliable) to F (cannot judge)"),
        Column("Kind", lambda r: r.kind),
        Column("Publisher", lambda r: r.publisher),
        Column("Published", lambda r: td.fmt(r.published)),
        Column("Author", lambda r: r.author),
        Column("URL", lambda r: r.url),
        Column("Collected", lambda r: td.fmt(r.collected_at)),
    ]


NO_SOURCE = "no source yet"


def claim_window_text(c: Claim) -> str:
    """The window as people read it, or "not stated"."""
    return claim_when(c.window_start, c.window_end, "not stated")


def _claim_columns(td: TimeDisplay, nm: Names) -> list[Column[Claim]]:
    # credibility and status next to the text: they must be on screen in a 1400 px window
    return [
        Column("Claim", lambda r: r.text),
        Column("Sources", lambda r: "; ".join(nm.source(s) for s in r.source_ids) or NO_SOURCE,
               tip="the sources that make the claim; a claim with none is listed as a problem"),
        Column("When", lambda r: claim_window_text(r).split(" (")[0],
               lambda r: r.window_start.utc or r.window_end.utc or "",
               tip="the claim's time window as the source gives it, with the UTC span it covers"),
        Column("Credibility", lambda r: r.credibility or "not graded", lambda r: r.credibility or 9,
               tip="1 (confirmed) to 6 (cannot judge)"),
        Column("Status", lambda r: r.status),
        Column("Place", lambda r: r.place_text or r.place_icao),
        Column("Kind", lambda r: r.kind),
        Column("Aircraft", lambda r: ", ".join(r.aircraft_refs)),
    ]


@dataclass(frozen=True)
class TrackedAircraft(Entity):
    """An aircraft seen in the tracks, listed among the entities until the analyst adopts it."""

    seen_in: str = ""           # the flight files it was seen in ("F1, F3")


def _matches(a: Aircraft, calls: list[str], entities: list[Entity]) -> bool:
    keys = {k.casefold() for k in (a.registration, a.icao24, *calls) if k}
    return any(e.kind == "aircraft" and {n.casefold() for n in (e.ref, e.name, *e.aliases) if n} & keys
               for e in entities)


def tracked_aircraft(case: Case) -> list[TrackedAircraft]:
    """Aircraft seen in the tracks and not yet an analyst entity (derived, marked so)."""
    return _tracked(case, None)


def seen_aircraft(case: Case, aircraft_id: str | None) -> TrackedAircraft | None:
    """One aircraft of the case as an entity would name it (None when it is not in the case)."""
    got = _tracked(case, aircraft_id or "-") if aircraft_id else []
    return got[0] if got else None


def _tracked(case: Case, aircraft_id: str | None) -> list[TrackedAircraft]:
    entities = analyst.list_entities(case)
    calls = flights.recorded_refs(case)
    refs = all_refs(case)
    files: dict[str, list[str]] = {}
    for t in flights.tracks(case):
        if t["item_id"]:
            files.setdefault(t["aircraft_id"], []).append(refs.get(t["item_id"], "a flight file"))
    out = []
    for a in flights.list_aircraft(case):
        if aircraft_id is not None and a.id != aircraft_id:
            continue
        cs = calls.get(a.id, [])
        if aircraft_id is None and (a.id not in files or _matches(a, cs, entities)):
            continue
        name = a.registration or a.icao24 or a.label or "aircraft of unknown identity"
        if a.type_code:
            name += f" ({a.type_code})"
        aliases = [x for x in (a.icao24 if a.registration else None, *cs) if x]
        out.append(TrackedAircraft(a.id, "aircraft", name, aliases, a.registration or a.icao24,
                                   note=a.description, seen_in=", ".join(dict.fromkeys(files.get(a.id, [])))))
    return out


def _entities(case: Case) -> list[Entity]:
    return [*analyst.list_entities(case), *tracked_aircraft(case)]


def _entity_columns(td: TimeDisplay, nm: Names) -> list[Column[Entity]]:
    return [Column("Name", lambda r: r.name), Column("Kind", lambda r: r.kind),
            Column("Also known as", lambda r: ", ".join(r.aliases)), Column("Reference", lambda r: r.ref),
            Column("Origin", lambda r: f"seen in the tracks ({r.seen_in}); not adopted"
                   if isinstance(r, TrackedAircraft) else "entered by the analyst",
                   tip="aircraft seen in the tracks are listed here; right-click ▸ Adopt to make one "
                       "your own entity")]


def _finding_columns(td: TimeDisplay, nm: Names) -> list[Column[Finding]]:
    return [
        Column("Verdict", lambda r: r.verdict),
        Column("Check", lambda r: finding_title(r.kind)),
        Column("Confidence", lambda r: f"{r.confidence:.0%}", lambda r: r.confidence),
        Column("About", lambda r: ", ".join(nm.label(i) for i in r.item_ids[:3])
               + (f" +{len(r.item_ids) - 3}" if len(r.item_ids) > 3 else "")),
        Column("Explanation", lambda r: r.explanation),          # last: it takes the width
    ]


def log_names(case: Case) -> dict[str, str]:
    """Every file and record by the name the custody log gives it ("P3 apron.jpg", "C2 The An-124…")."""
    refs = all_refs(case)

    def named(rid: str, title: str | None) -> str:
        return f"{refs.get(rid, '')} {shorten(title or '', 48)}".strip()

    out = {i: named(i, n) for i, n in reads.item_names(case).items()}
    out.update({s.id: named(s.id, s.title or s.url) for s in analyst.list_sources(case)})
    out.update({c.id: named(c.id, c.text) for c in analyst.list_claims(case)})
    out.update({e.id: named(e.id, e.name) for e in analyst.list_entities(case)})
    out.update({r.id: named(r.id, f"{r.aircraft_ref} {r.from_icao or '?'} → {r.to_icao or '?'}")
                for r in flights.reported_flights(case)})
    for rid, ref in refs.items():
        out.setdefault(rid, ref)
    return out


def custody_log(case: Case) -> list[custody.LogEntry]:
    return custody.fold(reads.ledger_rows(case), log_names(case))


def _ledger_columns(td: TimeDisplay, nm: Names) -> list[Column[custody.LogEntry]]:
    return [
        Column("Seq", lambda r: r.seq, lambda r: r.seq),
        Column("At", lambda r: td.fmt(r.at), lambda r: r.at),
        Column("What was done", lambda r: r.what),
        Column("Also recorded", lambda r: r.steps, lambda r: len(r.folded),
               tip="the bookkeeping this action caused (working copies, metadata read, derived tables "
                   "sealed), each its own event in the ledger"),
        Column("Kind", lambda r: custody.KINDS.get(r.kind, r.kind)),
        Column("Who", lambda r: r.actor),
        Column("Hash", lambda r: r.hash[:16] + "…", lambda r: r.hash),
    ]


_LISTINGS: list[Category[Any]] = [
    Category[ListedItem]("all", "All evidence", reads.listed_items, _item_columns, lambda r: r["id"]),
    Category[Source]("sources", "Sources", analyst.list_sources, _source_columns, lambda r: r.id),
    Category[Claim]("claims", "Claims", analyst.list_claims, _claim_columns, lambda r: r.id),
    Category[FlightRow]("flights", "Flights", _flight_rows, _flight_columns, lambda r: r.leg.item_id),
    Category[Entity]("entities", "Entities", _entities, _entity_columns, lambda r: r.id),
    Category[Finding]("findings", "Findings", findings, _finding_columns, lambda r: r.id),
    Category[custody.LogEntry]("ledger", "Custody log", custody_log, _ledger_columns,
                               lambda r: r.item_id or r.record_id, with_ref=False),
]
CATEGORIES: dict[str, Category[Any]] = {c.key: c for c in _LISTINGS}


@dataclass(frozen=True)
class SearchRow:
    """One search result: where it was found, the text, the item it leads to."""

    id: str | None
    what: str
    text: str


def search_rows(case: Case, query: str) -> list[SearchRow]:
    """Full-text hits from the analyst part, plus items whose name, notes, id or hash match."""
    out = [SearchRow(h.item_id or h.id, h.kind, " — ".join(x for x in (h.title, h.snippet) if x))
           for h in analyst.search(case, query)]
    seen = {r.id for r in out}
    out += [SearchRow(r["id"], f"{r['kind']} (name, notes or hash)",
                      " — ".join(x for x in (r["original_name"], r["notes"]) if x))
            for r in reads.search_items(case, query) if r["id"] not in seen]
    return out


def search_columns(nm: Names) -> list[Column[SearchRow]]:
    return [Column("Ref", lambda r: nm.refs.get(r.id or "", "")), Column("Found in", lambda r: r.what),
            Column("Text", lambda r: r.text), Column("File", lambda r: nm.files.get(r.id or "", ""))]
