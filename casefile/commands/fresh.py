"""One freshness rule: every command and every import brings derived data up to date before the
change is reported done, so no view, listing or report reads stale findings.

What each part keeps itself, inside the change's own transaction: the search index (analyst
parts index what they write, and undo re-indexes what it puts back), short references (database
triggers), legs and gaps (computed when a track is imported). What this module adds after it:
photo metadata checks (recomputed when what they read changed) and cross-reference findings,
through the incremental paths: one photo's findings when only photos changed
(`xref.query.update_xref`), claim and source findings and the photos they reach when claims,
sources, entities or reported flights changed (`update_claims`), every finding when tracks arrive.
A case opened read-only is never written: its readers compute what they show in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casefile.importers.pipeline import ImportReport
    from casefile.store import Case


@dataclass(frozen=True)
class Touched:
    """A tracked row a change wrote: its table, id, and the evidence item it concerns (if any)."""

    table: str
    id: str
    item_id: str | None = None


#: Tables whose rows the claim and source findings read.
CLAIM_TABLES = frozenset({"claims", "claim_sources", "claim_entities", "claim_links", "sources",
                          "source_items", "source_relations", "entities", "reported_flights"})
#: Tables whose rows one photo's own findings read.
PHOTO_TABLES = frozenset({"photos", "photo_aircraft"})


@dataclass(frozen=True)
class Plan:
    """What must be recomputed after a change."""

    photos: frozenset[str] = frozenset()
    claims: bool = False
    everything: bool = False
    checks: bool = False


def plan(touched: Iterable[Touched]) -> Plan:
    photos: set[str] = set()
    claims = checks = False
    for t in touched:
        if t.table in PHOTO_TABLES:
            photos.add(t.item_id or t.id)
            checks = checks or t.table == "photos"
        elif t.table in CLAIM_TABLES:
            claims = True
            if t.item_id:
                photos.add(t.item_id)
    return Plan(frozenset(photos), claims, False, checks)


def bring_up_to_date(case: Case, touched: Iterable[Touched]) -> Plan:
    """Recompute what these changed rows feed (see the module's docstring); returns what it did."""
    p = plan(touched)
    _run(case, p)
    return p


def after_import(case: Case, report: ImportReport) -> Plan:
    """Bring derived data up to date after an import: new photos take the incremental path, new
    flight records (which any photo or claim may meet) a full run; other files feed no finding
    until a source or claim refers to them, which is a command of its own."""
    new = [o for o in report.outcomes if o.status == "imported" and o.item_id]
    photo_ids = frozenset(o.item_id for o in new if o.kind == "photo" and o.item_id)
    tracks = any(o.kind == "flight-record" for o in new)
    p = Plan(photos=photo_ids, checks=bool(photo_ids), everything=tracks)
    _run(case, p)
    return p


def _run(case: Case, p: Plan) -> None:
    if not case.writable:
        return
    from casefile.photos.query import refresh_checks
    from casefile.xref.query import run_xref, update_claims, update_xref

    if p.checks:
        refresh_checks(case)
    if p.everything:
        run_xref(case)
    elif p.claims:
        update_claims(case, sorted(p.photos))
    elif p.photos:
        update_xref(case, sorted(p.photos))
