"""The cover page, the contents list and how to read the report."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from casefile.report.context import READ_ONLY_ACTIONS, Context
from casefile.report.pdf.doc import contents
from casefile.report.pdf.styles import MONO_OPEN, p, pm, safe
from casefile.report.pdf.tables import pairs


def cover(ctx: Context) -> list[Flowable]:
    """The cover page and the contents list."""
    head = ctx.head
    o = ctx.options
    out: list[Flowable] = [Spacer(1, 50), p(ctx.title, "Title"), p(o.marking, "Marking")]
    rows = [("Investigator", ctx.investigator or "not recorded"),
            ("Generated at (UTC)", ctx.generated_at or "no events"),
            ("Case state", f"ledger event #{head['seq']} ({head['action']}) at {head['at']}"),
            ("Case fingerprint", head["hash"]),
            ("Case id", ctx.meta.get("case_id", "")),
            ("Casefile version", ctx.version),
            ("Evidence items", f"{len(ctx.items)} shown" +
             (f", {ctx.withheld} sensitive item(s) withheld" if ctx.withheld else "")),
            ("Sections", ", ".join(o.sections)),
            ("Redacted fields", ", ".join(sorted(o.redact)) or "none")]
    out += [Spacer(1, 20), pairs(rows, (120, 370), mono=("Case fingerprint",)), Spacer(1, 12),
            pm(fingerprint_text(ctx), "Small")]
    if not o.generated_at:
        out.append(p("The generated-at time is the time of that ledger event, so the same case "
                     "always gives the same report byte for byte.", "Small"))
    out += [PageBreak(), pm("Contents", "H1NoToc"), contents(), Spacer(1, 18),
            *how_to_read(ctx), PageBreak()]
    return out


def fingerprint_text(ctx: Context) -> str:
    """Which ledger event the fingerprint is, and how a reader re-checks it (markup)."""
    head = ctx.head
    return (f"The case fingerprint is the hash of custody-ledger event #{head['seq']} "
            f"({safe(head['action'] or 'none')}, {safe(head['at'] or 'no time')}): the last event "
            "that changed the case when this report was made. Events that change no record "
            f"({', '.join(sorted(READ_ONLY_ACTIONS))}) are skipped, so exporting the same case twice "
            "gives the same fingerprint and the same report. To re-check it: "
            f"{MONO_OPEN}casefile log CASE --json</font> must list the event with "
            f"\"seq\": {head['seq']} and this \"hash\"; {MONO_OPEN}casefile verify CASE</font> "
            "re-hashes every file and walks the hash chain, so the listed hash cannot have been "
            "altered without verify reporting it.")


def how_to_read(ctx: Context) -> list[Flowable]:
    """What the verdicts, severities, times and the fingerprint in this report mean."""
    items = [
        "<b>Verdicts of cross-reference findings.</b> <b>consistent</b>: the independent evidence "
        "(flight tracks, other photos, sources, sun position) agrees with the photo or claim; it "
        "supports it but does not prove it. <b>inconsistent</b>: the evidence contradicts it as "
        "recorded (a wrong clock or a wrong time zone can be the innocent reason; the explanation "
        "says which inputs disagree). <b>undetermined</b>: the evidence can neither confirm nor "
        "contradict it, e.g. no position, a time without a zone, or a gap in track coverage. "
        "The confidence (0 to 1) is how firmly the inputs support that verdict, not the "
        "probability that a claim is true.",
        "<b>Finding inputs</b> list every value the engine used, exactly as recorded: times in "
        "UTC with the basis that decided their zone, their ± uncertainty and the text as "
        "written; distances in km; thresholds (e.g. 'Near means within') as set in Methods.",
        "<b>Severity of photo checks.</b> <b>info</b>: a fact about the file worth knowing, not "
        "a sign of a problem. <b>notice</b>: something unusual that has common innocent causes "
        "(the 'Innocent explanation' column gives them). <b>warning</b>: the file or its "
        "metadata was changed or cannot be taken at face value; look at it before relying on "
        "the photo. No check on its own shows that a photo is fake or genuine.",
        "<b>Claims and sources.</b> Credibility runs from 1 (confirmed) to 6 (cannot be judged); "
        "source reliability from A (reliable) to F (cannot be judged).",
        "<b>Times</b> are UTC. Each carries its basis (exif-offset, gps-utc, location-tz, "
        "case-default, analyst, unknown) and an uncertainty. A time whose zone is unknown is "
        "never treated as UTC: it is placed by the window of every zone on Earth (UTC−12 to "
        "UTC+14) and marked 'zone unknown'.",
        f"<b>Case fingerprint</b> (cover page): ledger event #{ctx.head['seq']}; how to re-check "
        "it is under Methods, 'How to re-verify'."]
    return [pm("How to read this report", "H1")] + [pm(t) for t in items]
