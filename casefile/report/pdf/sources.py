"""The sources section: each source with its reliability grade and who collected it (redactable)."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from casefile.model.analyst import Source
from casefile.report.context import Context
from casefile.report.pdf.formatting import fmt_time
from casefile.report.pdf.styles import p, pm
from casefile.report.pdf.tables import pairs


def sources(ctx: Context, srcs: list[Source]) -> list[Flowable]:
    """Sources with reliability grades and who collected them (redactable)."""
    out: list[Flowable] = [pm("Sources", "H1"), p(f"{len(srcs)} source(s).")]
    for s in srcs:
        rows: list[tuple[str, object]] = [
            ("Kind", s.kind), ("Title", s.title), ("URL", s.url),
            ("Publisher", s.publisher), ("Author", ctx.red("author", s.author)),
            ("Published", fmt_time(s.published) if s.published else ""),
            ("Collected", f"{s.collected_at or ''} by "
                          f"{ctx.red('collected_by', s.collected_by) or 'unknown'}"),
            ("Reliability", f"{s.reliability or '?'} — "
                            f"{s.reliability_rationale or 'no rationale recorded'}"),
            ("Captures", ", ".join(i for i in s.capture_item_ids if ctx.shows([i]))),
            ("Archives", ", ".join(s.archive_urls))]
        out += [CondPageBreak(80), p(f"Source {s.id}", "H3"),
                pairs([r for r in rows if r[1]], (110, 385)), Spacer(1, 4)]
    return out
