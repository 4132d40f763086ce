"""Report sections built from the store alone: cover, custody appendix, methods, limitations."""

from __future__ import annotations

import importlib.metadata as md
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from casefile.report.context import READ_ONLY_ACTIONS, Context
from casefile.report.pdf.doc import contents
from casefile.report.pdf.styles import font_versions, p, pm, safe
from casefile.report.pdf.tables import grid, pairs

MONO_OPEN = "<font name='CasefileMono'>"
COLLECTOR_FIELDS = ("acquired_by", "actor", "collected_by", "investigator")


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


def custody(ctx: Context) -> list[Flowable]:
    """Every item with its hashes, acquisitions, working copies and custody events."""
    out: list[Flowable] = [pm("Custody appendix", "H1"),
                           p(f"{len(ctx.items)} evidence item(s). Hashes are of the original bytes "
                             "as kept in the case (evidence/xx/SHA-256); times are UTC.")]
    if ctx.withheld:
        out.append(p(f"{ctx.withheld} item(s) marked sensitive are withheld from this report."))
    for item in ctx.items:
        out += _custody_item(ctx, item)
    if ctx.removed:
        out += [pm("Removed items", "H2"),
                p(f"{len(ctx.removed)} item(s) were removed from the case; their records and "
                  "files are kept, with who removed them, when and why.")]
        for item in ctx.removed:
            out += _custody_item(ctx, item)
    return out


def _custody_item(ctx: Context, item: dict[str, Any]) -> list[Flowable]:
    case = ctx.case
    name = ctx.red("original_name", item["original_name"]) or "(no name)"
    rows: list[tuple[str, Any]] = [
        ("SHA-256", item["sha256"]), ("MD5", item["md5"]),
        ("Kind / type", f"{item['kind']} / {item['mime']}"), ("Size", f"{item['size']} bytes"),
        ("Stored as", item["blob_path"]), ("Recorded", item["created_at"]),
        ("Importer", item["importer"] or "")]
    if item["notes"]:
        rows.append(("Notes", ctx.red("notes", item["notes"])))
    if item["removed_at"]:
        rows.append(("Removed", f"{item['removed_at']}: {item['removed_reason'] or 'no reason'}"))
    if item["sensitive"]:
        rows.append(("Sensitive", "yes (marked sensitive by the investigator)"))
    out: list[Flowable] = [CondPageBreak(120), p(f"Item {item['id']} — {name}", "H3"),
                           pairs(rows, mono=("SHA-256", "MD5", "Stored as"))]
    acqs = case.acquisitions(item["id"])
    if acqs:
        out += [Spacer(1, 3), grid(
            ["Acquired (UTC)", "By", "Method", "From", "Note"],
            [(a["acquired_at"], ctx.red("acquired_by", a["acquired_by"]), a["method"],
              _origin(ctx, a), ctx.red("note", a["note"])) for a in acqs],
            (95, 62, 50, 163, 125), mono=(0,))]
    derived = case.derivations(item["id"])
    if derived:
        out += [Spacer(1, 3), grid(
            ["Working copy", "SHA-256", "Tool", "Made (UTC)"],
            [(d["kind"], d["sha256"], f"{d['tool']} {d['tool_version']}", d["created_at"])
             for d in derived], (55, 240, 105, 95), mono=(1, 3))]
    events = case.events(item["id"])
    if events:
        out += [Spacer(1, 3), grid(
            ["#", "At (UTC)", "Actor", "Action", "Event hash"],
            [(e["seq"], e["at"], ctx.red("actor", e["actor"]), _action(e), e["hash"])
             for e in events], (22, 95, 60, 78, 240), mono=(1, 4), fixed=(0,))]
    out.append(Spacer(1, 6))
    return out


def _origin(ctx: Context, acq: dict[str, Any]) -> str:
    parts = []
    if acq["original_path"]:
        parts.append(str(ctx.red("original_path", acq["original_path"])))
    if acq["source_url"]:
        parts.append(str(ctx.red("source_url", acq["source_url"])))
    if acq["original_mtime"]:
        parts.append(f"file time {acq['original_mtime']}")
    return "; ".join(parts)


def _action(ev: dict[str, Any]) -> str:
    target = ev["target_table"] or ""
    return f"{ev['action']} {target}".strip()


def _version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def _world_source() -> str | None:
    try:
        from casefile.reference.worldmap import load_world
    except ImportError:
        return None
    w = load_world()
    return f"{w.source}. {w.licence}"


def methods(ctx: Context, thresholds: dict[str, Any] | None = None) -> list[Flowable]:
    """Versions, thresholds, and how a reader re-verifies the case and this report."""
    versions = [("Casefile", ctx.version), ("Case created with", ctx.meta.get("created_with", "")),
                ("reportlab", _version("reportlab")), ("airportsdata (airports)",
                                                       _version("airportsdata")),
                ("timezonefinder (zones)", _version("timezonefinder")),
                ("exifread", _version("exifread")), ("Font", font_versions()["font"])]
    world = _world_source()
    if world:
        versions.append(("World map", world))
    out: list[Flowable] = [pm("Methods", "H1"), pm("Software and reference data", "H2"),
                           pairs(versions, (150, 345))]
    if thresholds:
        out += [pm("Thresholds used", "H2"),
                grid(["Setting", "Value"], sorted((k, str(v)) for k, v in thresholds.items()),
                     (250, 245))]
    example = ctx.items[0] if ctx.items else None
    steps = [
        "1. Re-verify the case: <font name='CasefileMono'>casefile verify CASE</font> re-hashes every "
        "original and working copy, walks the custody ledger's hash chain and compares every "
        "recorded row with the ledger. A bundle is checked the same way without unpacking: "
        "<font name='CasefileMono'>casefile verify case.zip</font>.",
        "2. Check one file by hand: <font name='CasefileMono'>sha256sum FILE</font> must print the "
        "SHA-256 listed in the custody appendix" +
        (f" (for example {safe(example['blob_path'])} inside the case folder)." if example else "."),
        f"3. Check that this report describes the same case. The case fingerprint on the cover "
        f"is the hash of custody-ledger event #{ctx.head['seq']} "
        f"({safe(ctx.head['action'] or 'none')}), the last event that changed the case; later "
        f"{', '.join(sorted(READ_ONLY_ACTIONS))} events are left out because they change no "
        f"record. {MONO_OPEN}casefile log CASE --json</font> must list the event with "
        f"\"seq\": {ctx.head['seq']} and \"hash\": "
        f"{MONO_OPEN}{safe(ctx.head['hash'])}</font>; step 1 shows that the chain leading to it "
        "is intact.",
        "4. Check this PDF: its SHA-256 is recorded in the case's custody ledger as an "
        "'exported' event. If it was signed, any PDF reader that checks signatures shows whether "
        "it changed after signing."]
    out += [pm("How to re-verify", "H2")] + [pm(s) for s in steps]
    out += [pm("How times are shown", "H2"),
            p("Times are UTC with the basis that decided the zone (exif-offset, gps-utc, "
              "location-tz, case-default, analyst, unknown) and an uncertainty. A time whose zone "
              "is unknown is shown as the local time that was written, never silently treated as "
              "UTC; where it must be placed in UTC order (timeline, photos) it goes at the middle "
              "of the window it could be in (every zone on Earth, UTC−12 to UTC+14) and is marked "
              "'zone unknown'.")]
    return out


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
