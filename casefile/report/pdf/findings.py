"""The cross-reference findings section: every finding with its verdict, inputs and assumptions."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from casefile.model.findings import Finding
from casefile.report.context import Context
from casefile.report.pdf.finding_text import input_rows
from casefile.report.pdf.styles import p, pm
from casefile.report.pdf.tables import pairs

CHUNK_LINES = 24


def findings(ctx: Context, found: list[Finding]) -> list[Flowable]:
    """Every cross-reference finding with its verdict, inputs and assumptions."""
    shown = [f for f in found if ctx.shows(f.item_ids)]
    counts: dict[str, int] = {}
    for f in shown:
        counts[f.verdict] = counts.get(f.verdict, 0) + 1
    out: list[Flowable] = [pm("Cross-reference findings", "H1"), p(
        f"{len(shown)} finding(s): " + (", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
                                         or "none") + ".")]
    if len(shown) < len(found):
        out.append(p(f"{len(found) - len(shown)} finding(s) involving withheld items are omitted."))
    for f in shown:
        rows: list[tuple[str, object]] = [
            ("Verdict", f"{f.verdict} (confidence {float(f.confidence or 0):.2f})"),
            ("Explanation", f.explanation),
            ("Items", ", ".join(f.item_ids))]
        for k, v in input_rows(f.inputs):
            rows += [(f"Input: {k}" + (" (continued)" if n else ""), part)
                     for n, part in enumerate(chunks(v))]
        for a in f.assumptions:
            rows.append(("Assumption", a))
        out += [CondPageBreak(80), p(f"Finding {f.id}: {f.kind} — {f.verdict}", "H3"),
                pairs(rows, (110, 385)), Spacer(1, 4)]
    return out


def chunks(text: str, size: int = CHUNK_LINES) -> list[str]:
    """Long text cut into runs of lines, each a table row that fits on a page (a table splits
    only between rows)."""
    lines = text.split("\n")
    return ["\n".join(lines[i:i + size]) for i in range(0, len(lines), size)] or [""]
