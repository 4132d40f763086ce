"""The shorter body sections: findings no other section cites, sources, the timeline and the
limitations."""

from __future__ import annotations

from casefile.model.analyst import RELIABILITY
from casefile.present.numbers import duration
from casefile.present.times import when, with_local
from casefile.report.blocks import Block, KeepSpace, grid, h1, h2, h3, pairs, para
from casefile.report.context import Context
from casefile.report.sections.body import Body
from casefile.timeutil import parse_z


def other_findings(body: Body) -> list[Block]:
    """Findings no claim or photo section cites (so every finding is reachable from the body)."""
    rest = body.uncited()
    if not rest:
        return []
    out: list[Block] = [h2("Other findings"), para("Findings about records that no claim or "
                                                   "photo above covers:")]
    return out + [para("• " + body.sentence(f, "Other findings")) for f in rest]


def sources(body: Body) -> list[Block]:
    """Each source: what it is, its grade and why, when it was published and collected."""
    ctx = body.ctx
    names = body.names
    out: list[Block] = [h1("Sources"), para(f"{len(body.sources)} source(s).")]
    for s in body.sources:
        grade = (f"{s.reliability} — {RELIABILITY.get(s.reliability, '')}: "
                 f"{s.reliability_rationale or 'no rationale recorded'}") if s.reliability \
            else "not graded"
        caps = [i for i in s.capture_item_ids if ctx.shows([i])]
        claims = [names.ref(c.id) for c in body.claims if s.id in c.source_ids]
        out += [KeepSpace(80), h3(names.name(s.id)), pairs([
            ("Kind", s.kind), ("Title", s.title), ("Address", s.url),
            ("Publisher", s.publisher), ("Author", ctx.red("author", s.author)),
            ("Published", when(s.published) if s.published else ""),
            ("Collected", f"{with_local(s.collected_at, None) if s.collected_at else 'time not recorded'}"
                          f" by {ctx.red('collected_by', s.collected_by) or 'unknown'}"),
            ("Reliability", grade), ("Claims", ", ".join(claims)),
            ("Saved copies", names.names(caps)), ("Archived at", ", ".join(s.archive_urls))])]
    return out


def timeline(body: Body) -> list[Block]:
    """All dated events in one UTC order, with their uncertainty and the local time."""
    ctx = body.ctx
    rows = []
    for e in body.timeline or []:
        if not ctx.shows(e.item_ids):
            continue
        unc = e.uncertainty_s or 0
        t = with_local(e.time_utc, None) if e.time_utc else "unknown"
        if e.end_utc:
            t += "\nto " + with_local(e.end_utc, None)
        local = "zone unknown" if e.basis == "unknown" else _local(e.time_utc, e.local_zone)
        refs = [body.names.refs[i] for i in e.item_ids if i in body.names.refs][:3]
        what = body.names.text(e.label)
        rows.append((t.replace(" UTC", ""), f"± {duration(unc)}" if unc else "", e.lane,
                     f"{', '.join(refs)}: {what}" if refs else what, local))
    out: list[Block] = [h1("Timeline"), para(
        f"{len(rows)} event(s) in UTC order. A span (a claim's window, a coverage gap) is placed "
        "at its start and shows its end. An event whose time zone is unknown is placed at the "
        "middle of the window it could be in (± half of it) and marked 'zone unknown'.")]
    if rows:
        out.append(grid(["Time (UTC)", "±", "Lane", "What", "Local time"], rows,
                        (90, 40, 38, 237, 90)))
    return out


def _local(utc: str | None, zone: str | None) -> str:
    if not utc or not zone:
        return ""
    from casefile.present.times import local_of

    loc = local_of(parse_z(utc), zone)
    return f"{loc[0]:%H:%M} {loc[1]}" if loc else ""


def limitations(ctx: Context, notes: list[str]) -> list[Block]:
    """Coverage gaps, stripped metadata, undetermined findings and this report's own limits."""
    out: list[Block] = [h1("Limitations and gaps")]
    if ctx.withheld:
        notes = [f"{ctx.withheld} evidence item(s) marked sensitive are withheld, with every "
                 "finding that involves them.", *notes]
    if ctx.options.redact:
        notes = ["These fields are redacted: " + ", ".join(sorted(ctx.options.redact)) + ".",
                 *notes]
    notes = [*notes, "Right-to-left text (Arabic, Hebrew) is drawn with joined letter forms and "
             "in visual order; a right-to-left passage long enough to wrap may show its lines in "
             "the wrong order."]
    out += [para("• " + n) for n in notes]
    return out


def data_notes(body: Body) -> list[str]:
    """Limitation notes read from the data itself: undetermined findings, missing metadata, gaps."""
    ctx = body.ctx
    notes = []
    undetermined = [f for f in body.findings if f.verdict == "undetermined"]
    if undetermined:
        notes.append(f"{len(undetermined)} cross-reference finding(s) are undetermined ("
                     + ", ".join(body.cite(f, "Limitations") for f in undetermined[:30])
                     + ("…" if len(undetermined) > 30 else "")
                     + "): the evidence could neither confirm nor contradict them.")
    shown = [e for e in body.photos if e.info.item_id in ctx.item_ids]
    no_time = [e for e in shown if e.info.capture is None]
    no_gps = [e for e in shown if e.info.gps is None]
    if no_time:
        notes.append(f"{len(no_time)} photo(s) carry no capture time (metadata stripped or "
                     "never written).")
    if no_gps:
        notes.append(f"{len(no_gps)} photo(s) carry no usable position.")
    fl = body.flights
    if fl is not None and fl.gaps:
        notes.append(f"{len(fl.gaps)} coverage gap(s) in the flight tracks: where the aircraft was "
                     "during a gap is not known from tracking data.")
    return notes


