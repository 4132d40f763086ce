"""Cross-reference engine and timeline: `run_xref`, `findings`, `timeline` (docs/interfaces.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casefile.model.findings import Finding
    from casefile.store import Case
    from casefile.xref.chronology import TimelineEvent


def run_xref(case: Case) -> list[Finding]:
    """Recompute and store every finding of the case."""
    from casefile.xref.api import run_xref as run

    return run(case)


def update_xref(case: Case, item_ids: list[str]) -> list[Finding]:
    """Re-evaluate only what involves these photos (changed, added or removed); returns their findings."""
    from casefile.xref.api import XrefSession

    return XrefSession(case).update_photos(item_ids)


def findings(case: Case, item_id: str | None = None) -> list[Finding]:
    """The stored findings, optionally only those involving one item."""
    from casefile.xref.api import findings as stored

    return stored(case, item_id)


def timeline(case: Case, tz: str | None = None) -> list[TimelineEvent]:
    """Every dated thing in the case, shown in UTC (None), a zone, or "local" (each place's zone)."""
    from casefile.xref import chronology as tl
    from casefile.xref.inputs import gather

    return tl.display(tl.events(gather(case)), tz)
