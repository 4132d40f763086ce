"""What a selected id is and how a person names it ("S2 Reuters article", "P3 an124_apron.jpg")."""

from __future__ import annotations

from casefile.analyst import query as analyst
from casefile.errors import CasefileError
from casefile.flights import query as flights
from casefile.present.findings import title as finding_title
from casefile.present.labels import record_label
from casefile.present.numbers import shorten
from casefile.store import Case
from casefile.store.refs import all_refs, ref_of
from casefile.xref.query import findings

#: what each short-reference letter names
KIND_OF_REF = {"S": "source", "C": "claim", "E": "entity", "P": "item", "F": "item", "D": "item",
               "R": "reported flight", "X": "finding"}
SHORT = 60


def kind_of(case: Case, rid: str) -> str | None:
    """Which kind of record an id is (from its short reference), None when none has it."""
    r = ref_of(case, rid)
    if r:
        return KIND_OF_REF.get(r[:1])
    try:
        case.resolve_item(rid)
    except CasefileError:
        return "aircraft" if any(a.id == rid for a in flights.list_aircraft(case)) else None
    return "item"


def ref(case: Case, rid: str | None) -> str:
    """The record's short reference (S2, C4, P3…) or "" when it has none."""
    return (ref_of(case, rid) or "") if rid else ""


def refs(case: Case) -> dict[str, str]:
    """Every record's short reference, by id."""
    return all_refs(case)


def title_of(case: Case, rid: str, kind: str | None = None) -> str:
    """A record's own name: a file name, a source title, a claim's text, an entity's name."""
    kind = kind or kind_of(case, rid)
    try:
        if kind == "item":
            return str(case.resolve_item(rid)["original_name"] or "unnamed file")
        if kind == "source":
            s = analyst.get_source(case, rid)
            return shorten(s.title or s.url or s.publisher or "untitled source", SHORT)
        if kind == "claim":
            return shorten(analyst.get_claim(case, rid).text, SHORT)
        if kind == "entity":
            return analyst.get_entity(case, rid).name
        if kind == "finding":
            f = next((x for x in findings(case) if x.id == rid), None)
            return f"{f.verdict}: {finding_title(f.kind)}" if f else "finding"
        if kind == "aircraft":
            a = next((x for x in flights.list_aircraft(case) if x.id == rid), None)
            return flights.aircraft_title(a, flights.recorded_refs(case).get(rid, [])) if a else "aircraft"
        if kind == "reported flight":
            rf = next((x for x in flights.reported_flights(case) if x.id == rid), None)
            if rf is None:
                return "reported flight"
            return f"{rf.aircraft_ref} {rf.from_icao or '?'} → {rf.to_icao or '?'}"
    except CasefileError:
        return "a record no longer in the case"
    return "unknown record"


def label(case: Case, rid: str, kind: str | None = None) -> str:
    """Reference and name, as a person reads it: "C4 The An-124 landed at Caracas"."""
    return record_label(ref(case, rid), title_of(case, rid, kind), SHORT)
