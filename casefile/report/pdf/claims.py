"""The summary of claims: each claim with its status, credibility and the grades of its sources."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from casefile.model.analyst import Claim, Source
from casefile.report.context import Context
from casefile.report.pdf.formatting import fmt_time
from casefile.report.pdf.styles import p, pm
from casefile.report.pdf.tables import pairs


def summary(ctx: Context, claims: list[Claim], sources: list[Source] | None) -> list[Flowable]:
    """Claims with status, credibility and the grades of the sources behind them."""
    by_id = {s.id: s for s in sources or []}
    counts: dict[str, int] = {}
    for c in claims:
        counts[c.status] = counts.get(c.status, 0) + 1
    out: list[Flowable] = [pm("Summary of claims", "H1"), p(
        f"{len(claims)} claim(s): " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) +
        ". Credibility runs from 1 (confirmed) to 6 (cannot be judged); source reliability from "
        "A (reliable) to F (cannot be judged).")]
    for c in claims:
        srcs = []
        for sid in c.source_ids:
            s = by_id.get(sid)
            grade = (s.reliability if s is not None else None) or "?"
            srcs.append(f"{sid} — grade {grade}"
                        + (f" — {s.title}" if s is not None and s.title else ""))
        place = ", ".join(x for x in (c.place_icao, c.place_text) if x)
        cred = c.credibility
        meaning = c.credibility_meaning
        rows: list[tuple[str, object]] = [
            ("Text", f"“{c.text}” (quoted)" if c.quoted else c.text),
            ("Status", c.status),
            ("Credibility", f"{cred if cred is not None else '?'}" + (f" — {meaning}" if meaning else "")),
            ("Kind", c.kind),
            ("When", f"{fmt_time(c.window_start)} – {fmt_time(c.window_end)}"),
            ("Where", place), ("Aircraft", ", ".join(c.aircraft_refs)),
            ("Sources", "\n".join(srcs) or "none linked")]
        out += [CondPageBreak(80), p(f"Claim {c.id}", "H3"),
                pairs([r for r in rows if r[1]], (110, 385)), Spacer(1, 4)]
    return out
