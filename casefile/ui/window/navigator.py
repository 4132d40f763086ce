"""How many records each navigator entry lists, by cheap counts (safe during an import)."""

from __future__ import annotations

from casefile.analyst import query as analyst
from casefile.flights import query as flights
from casefile.store import Case, reads
from casefile.ui.views.records import tracked_aircraft
from casefile.xref.query import count_findings

NAVIGATOR = [("all", "All evidence"), ("sources", "Sources"), ("claims", "Claims"), ("photos", "Photos"),
             ("flights", "Flights"), ("entities", "Entities"), ("findings", "Findings"), ("map", "Map"),
             ("timeline", "Timeline"), ("ledger", "Custody log"), ("search", "Search results")]


def nav_counts(case: Case) -> dict[str, int]:
    """{navigator key: number of records it lists} for the entries that list records."""
    return {"sources": analyst.count_sources(case), "claims": analyst.count_claims(case),
            "photos": reads.count_image_items(case), "flights": flights.count_legs(case),
            "entities": analyst.count_entities(case) + len(tracked_aircraft(case)),
            "findings": count_findings(case)}


def nav_title(title: str, count: int | None) -> str:
    """ "Photos (12)", or the plain title when there is no count."""
    return title if count is None else f"{title} ({count:,})"
