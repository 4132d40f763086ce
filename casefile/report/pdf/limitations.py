"""The limitations section: what the evidence cannot say, noted from the data and the options."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from casefile.model.findings import Finding
from casefile.report.context import Context
from casefile.report.gather import Flights, PhotoEntry
from casefile.report.pdf.styles import p, pm


def limitations(ctx: Context, notes: list[str]) -> list[Flowable]:
    """Coverage gaps, stripped metadata, undetermined findings and this report's own limits."""
    out: list[Flowable] = [pm("Limitations and gaps", "H1")]
    if ctx.withheld:
        notes = [f"{ctx.withheld} evidence item(s) marked sensitive are withheld, with every "
                 "finding that involves them.", *notes]
    if ctx.options.redact:
        notes = ["These fields are redacted: " + ", ".join(sorted(ctx.options.redact)) + ".",
                 *notes]
    notes = [*notes, "Right-to-left text (Arabic, Hebrew) is drawn with joined letter forms and "
             "in visual order; a right-to-left passage long enough to wrap may show its lines in "
             "the wrong order."]
    out += [KeepTogether([p("• " + n)]) for n in notes]
    return out


def data_notes(ctx: Context, found: list[Finding] | None, ph: list[PhotoEntry] | None,
               fl: Flights | None) -> list[str]:
    """Limitation notes read from the data itself: undetermined findings, missing metadata, gaps."""
    notes = []
    undetermined = [f for f in found or [] if f.verdict == "undetermined" and ctx.shows(f.item_ids)]
    if undetermined:
        notes.append(f"{len(undetermined)} cross-reference finding(s) are undetermined: the "
                     "evidence could neither confirm nor contradict them.")
    shown = [e for e in ph or [] if e.info.item_id in ctx.item_ids]
    no_time = [e for e in shown if e.info.capture is None]
    no_gps = [e for e in shown if e.info.gps is None]
    if no_time:
        notes.append(f"{len(no_time)} photo(s) carry no capture time (metadata stripped or "
                     "never written).")
    if no_gps:
        notes.append(f"{len(no_gps)} photo(s) carry no usable position.")
    if fl is not None and fl.gaps:
        notes.append(f"{len(fl.gaps)} coverage gap(s) in the flight tracks: where the aircraft was "
                     "during a gap is not known from tracking data.")
    return notes
