"""The methods section: software and reference data versions, thresholds, how to re-verify."""

from __future__ import annotations

import importlib.metadata as md

from reportlab.platypus import Flowable

from casefile.reference.airports import data_version
from casefile.reference.worldmap import load_world
from casefile.report.context import READ_ONLY_ACTIONS, Context
from casefile.report.pdf.styles import MONO_OPEN, font_versions, p, pm, safe
from casefile.report.pdf.tables import grid, pairs
from casefile.report.pdf.thresholds import thresholds


def _version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def methods(ctx: Context) -> list[Flowable]:
    """Versions, thresholds, and how a reader re-verifies the case and this report."""
    versions = [("Casefile", ctx.version), ("Case created with", ctx.meta.get("created_with", "")),
                ("reportlab", _version("reportlab")), ("airportsdata (airports)", data_version()),
                ("timezonefinder (zones)", _version("timezonefinder")),
                ("exifread", _version("exifread")), ("Font", font_versions()["font"])]
    world = load_world()
    versions.append(("World map", f"{world.source}. {world.licence}"))
    out: list[Flowable] = [pm("Methods", "H1"), pm("Software and reference data", "H2"),
                           pairs(versions, (150, 345))]
    out += [pm("Thresholds used", "H2"),
            grid(["Setting", "Value"], sorted((k, str(v)) for k, v in thresholds().items()),
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
