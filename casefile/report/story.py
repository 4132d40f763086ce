"""The report's content, in order, as format-free blocks: cover, the body (the answer first, then
claims, photos, flights, sources, timeline, limitations) and the appendices. The PDF and the DOCX
are both drawn from this one story."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from casefile.analyst import query as analyst_query
from casefile.model.analyst import Claim, ClaimLink, Source
from casefile.model.findings import Finding
from casefile.report import gather
from casefile.report.blocks import Block, KeepSpace, PageBreak, Story
from casefile.report.context import Context
from casefile.report.gather import Flights, PhotoEntry
from casefile.report.people import Names
from casefile.report.sections import appendix, more
from casefile.report.sections.body import Body
from casefile.report.sections.claims import claims as claim_sections
from casefile.report.sections.claims import summary
from casefile.report.sections.custody import custody
from casefile.report.sections.flights import flights
from casefile.report.sections.front import cover
from casefile.report.sections.methods import methods
from casefile.report.sections.photos import grouped_detail, photos
from casefile.store import Case
from casefile.store.refs import all_refs
from casefile.xref import query as xref_query
from casefile.xref.query import TimelineEvent

T = TypeVar("T")
RUN_ON = ("sources", "timeline")
#: The heading every appendix starts with (what comes before it is the body).
APPENDIX = "Appendix"


def build_story(ctx: Context) -> Story:
    """Read every part once and lay the report out."""
    case = ctx.case
    notes: list[str] = []
    failed: set[str] = set()

    def pull(key: str, what: str, read: Callable[[Case], T]) -> T | None:
        try:
            return read(case)
        except Exception as exc:  # noqa: BLE001 - another part failed: say so in the report
            failed.add(key)
            notes.append(f"The {what} could not be read ({type(exc).__name__}: {exc}); the "
                         "report leaves it out.")
            return None

    w = ctx.wants
    body_wanted = any(w(s) for s in ("summary", "photos", "flights", "sources", "timeline",
                                     "findings", "limitations"))
    claims: list[Claim] = (pull("claims", "claims", analyst_query.list_claims)
                           if w("summary") or w("sources") else None) or []
    srcs: list[Source] = (pull("sources", "sources", analyst_query.list_sources)
                          if w("summary") or w("sources") or w("photos") else None) or []
    found: list[Finding] = (pull("findings", "cross-reference findings", gather.findings)
                            if body_wanted else None) or []
    ph: list[PhotoEntry] = (pull("photos", "photo records", gather.photos)
                            if w("photos") or w("flights") or w("limitations") or w("summary")
                            else None) or []
    fl: Flights | None = (pull("flights", "flight records", gather.flights)
                          if w("flights") or w("limitations") or w("summary") else None)
    tl: list[TimelineEvent] | None = (pull("timeline", "timeline", xref_query.timeline)
                                      if w("timeline") else None)
    links: dict[str, list[ClaimLink]] = {}
    for c in claims:
        links[c.id] = list(pull("claims", "claim links", _links_of(c.id)) or [])
    shown = [f for f in found if ctx.shows(f.item_ids)]
    ctx.refs = all_refs(case)       # again: recomputing the findings may have numbered new ones
    names = Names(ctx.refs, {i: ctx.red("original_name", n) for i, n in ctx.names.items()},
                  srcs, claims, fl.aircraft if fl else [], shown)
    body = Body(ctx, names, claims, srcs, shown, ph, fl, tl, links)
    story = Story()
    story.add(cover(ctx))
    # Each body section: its name, the part it reads (skipped when that failed), whether the
    # case holds anything for it, and how to draw it.
    parts: list[tuple[str, str, bool, Callable[[], list[Block]]]] = [
        ("summary", "claims", bool(claims) or bool(shown),
         lambda: summary(body) + [PageBreak()] + claim_sections(body)),
        ("photos", "photos", bool(ph), lambda: photos(body)),
        ("flights", "flights", fl is not None and bool(fl.aircraft), lambda: flights(body)),
        ("sources", "sources", bool(srcs), lambda: more.sources(body)),
        ("timeline", "timeline", bool(tl), lambda: more.timeline(body)),
    ]
    for name, source, has_data, make in parts:
        if not ctx.wants(name) or source in failed:
            continue
        if not has_data:
            notes.append(f"No {name} section: the case holds none.")
            continue
        # the short closing sections (sources, timeline) run on without a page of their own
        story.add(make() + ([KeepSpace(220)] if name in RUN_ON else [PageBreak()]))
        story.sections.append(name)
    rest = more.other_findings(body) if story.sections else []
    if rest:
        if isinstance(story.blocks[-1], PageBreak):
            story.blocks.pop()
        story.add(rest + [KeepSpace(220)])
    if ctx.wants("findings") and "findings" not in failed and not shown:
        notes.append("No findings section: the case holds none.")
    if ctx.wants("limitations"):
        story.add(more.limitations(ctx, notes + more.data_notes(body)) + [PageBreak()])
        story.sections.append("limitations")
    if ctx.wants("findings") and "findings" not in failed and shown:
        story.add(appendix.findings_detail(body) + [PageBreak()])
        story.sections.append("findings")
    if ctx.wants("photos") and "photos" in story.sections:
        detail = grouped_detail(body)
        if detail:
            story.add(detail + [PageBreak()])
    if story.sections and any(s in story.sections for s in ("summary", "photos", "findings",
                                                            "sources", "flights")):
        story.add(appendix.references(body) + [PageBreak()])
    if ctx.wants("custody"):
        story.add(custody(ctx) + [PageBreak()])
        story.sections.append("custody")
    if ctx.wants("methods"):
        story.add(methods(ctx))
        story.sections.append("methods")
    if story.blocks and isinstance(story.blocks[-1], PageBreak):
        story.blocks.pop()
    return story


def _links_of(claim_id: str) -> Callable[[Case], list[ClaimLink]]:
    def read(case: Case) -> list[ClaimLink]:
        return list(analyst_query.claim_links(case, claim_id))
    return read
