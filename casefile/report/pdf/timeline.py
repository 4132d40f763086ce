"""The timeline section: all dated events in one UTC order, with their uncertainty and lane."""

from __future__ import annotations

from reportlab.platypus import Flowable

from casefile.report.context import Context
from casefile.report.pdf.formatting import dur
from casefile.report.pdf.styles import p, pm
from casefile.report.pdf.tables import grid
from casefile.xref.query import TimelineEvent


def timeline(ctx: Context, events: list[TimelineEvent]) -> list[Flowable]:
    """All dated events in one UTC order, with their uncertainty and lane."""
    rows = []
    for e in events:
        if not ctx.shows(e.item_ids):
            continue
        unc = e.uncertainty_s or 0
        zone = e.local_zone or ("zone unknown" if e.basis == "unknown" else "")
        when = e.time_utc or "unknown"
        if e.end_utc:
            when += f"\nto {e.end_utc}"
        rows.append((when, f"± {dur(unc)}" if unc else "", e.lane, e.label, zone))
    out: list[Flowable] = [pm("Timeline", "H1"), p(
        f"{len(rows)} event(s) in UTC order. A span (a claim's window, a coverage gap) is placed at "
        "its start and shows its end. An event whose time zone is unknown is placed at the middle "
        "of the window it could be in (± half of it) and marked 'zone unknown'.")]
    if rows:
        out.append(grid(["Time (UTC)", "±", "Lane", "What", "Local zone"], rows,
                        (95, 50, 50, 230, 70), mono=(0,)))
    return out
