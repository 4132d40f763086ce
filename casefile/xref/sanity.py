"""Time sanity: things that cannot happen in the order their times say (a photo against its
publication lives with the other photo checks in `photo_claims`)."""

from __future__ import annotations

from casefile.model.findings import Finding
from casefile.present.times import fmt_window, people_time, time_basis_note
from casefile.timeutil import epoch
from casefile.xref.findings import make_finding
from casefile.xref.model import ClaimIn, SourceIn
from casefile.xref.windows import describe_time, tv_window

CLAIM_VS_SOURCE = "time-claim-after-source"
SOURCE_VS_CAPTURE = "time-source-vs-capture"


def claim_vs_source(claim: ClaimIn, source: SourceIn) -> Finding | None:
    """A source cannot report, as past, events that it was published before."""
    cw = tv_window(claim.window_start)
    sw = tv_window(source.published)
    if cw is None or sw is None or source.published is None:
        return None
    if not sw[1] < cw[0]:
        return None  # only the impossible order is worth a finding
    inputs = {"claim": {"id": claim.id, "text": claim.text,
                        "window_start": describe_time(claim.window_start)},
              "source": {"id": source.id, "title": source.title,
                         "published": describe_time(source.published)}}
    notes = [n for n in (time_basis_note(source.published),) if n]
    hours = (cw[0] - sw[1]) / 3600
    return make_finding(CLAIM_VS_SOURCE, "inconsistent", 0.8,
                        f"The source {source.title!r} was published ({fmt_window(*sw)}) {hours:.1f} h "
                        f"before the earliest time of the events its claim reports: either a "
                        f"date is wrong or the claim was a prediction.",
                        [claim.id, source.id, *claim.item_ids], inputs, notes)


def source_vs_capture(source: SourceIn) -> Finding | None:
    """A source cannot have been collected (captured) before it was published."""
    sw = tv_window(source.published)
    got = epoch(source.collected_at)
    if sw is None or got is None or source.published is None:
        return None
    if not got < sw[0]:
        return None
    inputs = {"source": {"id": source.id, "title": source.title,
                         "published": describe_time(source.published),
                         "collected_at": source.collected_at}}
    notes = [n for n in (time_basis_note(source.published),) if n]
    return make_finding(SOURCE_VS_CAPTURE, "inconsistent", 0.8,
                        f"The source {source.title!r} was collected at {people_time(got)}, "
                        f"{(sw[0] - got) / 3600:.1f} h before its stated publication time "
                        f"({fmt_window(*sw)}): the publication date or its zone is wrong, or the page "
                        f"was re-dated after it was captured.",
                        [source.id, *source.item_ids], inputs, notes)
