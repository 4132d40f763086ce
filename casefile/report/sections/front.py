"""The cover page, the contents list and how to read the report."""

from __future__ import annotations

from casefile.report.blocks import Block, Contents, PageBreak, Space, h1, md, mono, pairs, para
from casefile.report.context import READ_ONLY_ACTIONS, Context
from casefile.store.headfile import fingerprint


def cover(ctx: Context) -> list[Block]:
    """The cover page and the contents list."""
    head = ctx.head
    o = ctx.options
    out: list[Block] = [Space(50), para(ctx.title, style="title"), para(o.marking, style="marking")]
    rows = [("Investigator", ctx.investigator or "not recorded"),
            ("Generated at (UTC)", ctx.generated_at or "no events"),
            ("Case state", f"ledger event #{head['seq']} ({head['action']}) at {head['at']}"),
            ("Case fingerprint", head["hash"]),
            ("Ledger fingerprint", fingerprint(int(head["seq"]), str(head["hash"]))),
            ("Case id", ctx.meta.get("case_id", "")),
            ("Casefile version", ctx.version),
            ("Evidence items", f"{len(ctx.items)} shown" +
             (f", {ctx.withheld} sensitive item(s) withheld" if ctx.withheld else "")),
            ("Sections", ", ".join(o.sections)),
            ("Redacted fields", ", ".join(sorted(o.redact)) or "none")]
    out += [Space(20), pairs(rows, (120, 370), mono=("Case fingerprint", "Ledger fingerprint")), Space(12),
            fingerprint_text(ctx)]
    if not o.generated_at:
        out.append(para("The generated-at time is the time of that ledger event, so the same case "
                        "always gives the same report byte for byte.", style="small"))
    out += [PageBreak(), para("Contents", style="contents-title"), Contents(), Space(8),
            *how_to_read(ctx), PageBreak()]
    return out


def fingerprint_text(ctx: Context) -> Block:
    """Which ledger event the fingerprint is, and how a reader re-checks it."""
    head = ctx.head
    return para(
        f"The case fingerprint is the hash of custody-ledger event #{head['seq']} "
        f"({head['action'] or 'none'}, {head['at'] or 'no time'}): the last event "
        "that changed the case when this report was made. Events that change no record "
        f"({', '.join(sorted(READ_ONLY_ACTIONS))}) are skipped, so exporting the same case twice "
        "gives the same fingerprint and the same report. To re-check it: ",
        mono("casefile log CASE --json"), f" must list the event with \"seq\": {head['seq']} and "
        "this \"hash\"; ", mono("casefile verify CASE"), " re-hashes every file and walks the hash "
        "chain, so the listed hash cannot have been altered without verify reporting it; ",
        mono(f"casefile verify CASE --expect {fingerprint(int(head['seq']), str(head['hash']))}"),
        " also fails unless the ledger still holds this event.",
        style="small")


def how_to_read(ctx: Context) -> list[Block]:
    """What the verdicts, severities, times and the fingerprint in this report mean."""
    items = [
        "**Verdicts of cross-reference findings.** **consistent**: the independent evidence "
        "(flight tracks, other photos, sources, sun position) agrees with the photo or claim; it "
        "supports it but does not prove it. **inconsistent**: the evidence contradicts it as "
        "recorded (a wrong clock or a wrong time zone can be the innocent reason; the explanation "
        "says which inputs disagree). **undetermined**: the evidence can neither confirm nor "
        "contradict it, e.g. no position, a time without a zone, or a gap in track coverage. "
        "The confidence (0 to 1) is how firmly the inputs support that verdict, not the "
        "probability that a claim is true.",
        "**References.** Records are named as people name them: a file by its name with a "
        "short reference (P photos, F flight records, D other files), sources S1, S2 …, claims "
        "C1 …, findings X1 …. The body states each finding as a sentence; Appendix A gives its "
        "exact inputs, thresholds and assumptions and where the body cites it, and Appendix C "
        "resolves every reference to its record id and SHA-256.",
        "**Severity of photo checks.** **info**: a fact about the file worth knowing, not "
        "a sign of a problem. **notice**: something unusual that has common innocent causes "
        "(each check says what they are). **warning**: the file or its "
        "metadata was changed or cannot be taken at face value; look at it before relying on "
        "the photo. No check on its own shows that a photo is fake or genuine.",
        "**Times** are UTC with the local time beside them and how the zone was decided; a "
        "time whose zone is unknown is never read as UTC: it is marked 'zone unknown' with "
        "the window it could be in (every zone on Earth, UTC−12 to UTC+14).",
    ]
    out: list[Block] = [h1("How to read this report")]
    return out + [md(t) for t in items]
