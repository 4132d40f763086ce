"""The methods section: software and reference data versions, thresholds, how to re-verify."""

from __future__ import annotations

import importlib.metadata as md

from casefile.reference.airports import data_version
from casefile.reference.worldmap import load_world
from casefile.report.blocks import Block, grid, h1, h3, mono, pairs, para
from casefile.report.context import READ_ONLY_ACTIONS, Context
from casefile.report.thresholds import thresholds
from casefile.xref.query import claim_methods

TITLE = "Appendix E: Methods"
FONT = "DejaVu Sans 2.37 (bundled, Bitstream Vera licence)"


def _version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def methods(ctx: Context) -> list[Block]:
    """Versions, thresholds, and how a reader re-verifies the case and this report."""
    versions = [("Casefile", ctx.version), ("Case created with", ctx.meta.get("created_with", "")),
                ("reportlab", _version("reportlab")), ("airportsdata (airports)", data_version()),
                ("timezonefinder (zones)", _version("timezonefinder")),
                ("exifread", _version("exifread")), ("Font", FONT)]
    world = load_world()
    versions.append(("World map", f"{world.source}. {world.licence}"))
    out: list[Block] = [h1(TITLE), h3("Software and reference data"), pairs(versions, (150, 345))]
    out += [h3("Thresholds used"),
            grid(["Setting", "Value"], sorted((k, str(v)) for k, v in thresholds().items()),
                 (250, 245))]
    out += [h3("Claims: tolerances and speeds"), pairs(claim_methods(ctx.meta), (150, 345))]
    example = ctx.items[0] if ctx.items else None
    head = ctx.head
    actions = ", ".join(sorted(READ_ONLY_ACTIONS))
    steps = [
        para("1. Re-verify the case: ", mono("casefile verify CASE"), " re-hashes every original "
             "and working copy, walks the custody ledger's hash chain and compares every recorded "
             "row with the ledger. A bundle is checked the same way without unpacking: ",
             mono("casefile verify case.zip"), "."),
        para("2. Check one file by hand: ", mono("sha256sum FILE"), " must print the SHA-256 "
             "listed in the custody appendix" +
             (f" (for example {example['blob_path']} inside the case folder)." if example else ".")),
        para("3. Check that this report describes the same case. The case fingerprint on the "
             f"cover is the hash of custody-ledger event #{head['seq']} "
             f"({head['action'] or 'none'}), the last event that changed the case; later "
             f"{actions} events are left out because they change no record. ",
             mono("casefile log CASE --json"), f" must list the event with \"seq\": {head['seq']} "
             "and \"hash\": ", mono(str(head["hash"])), "; step 1 shows that the chain leading "
             "to it is intact."),
        para("4. Check this PDF: its SHA-256 is recorded in the case's custody ledger as an "
             "'exported' event. If it was signed, any PDF reader that checks signatures shows "
             "whether it changed after signing.")]
    out += [h3("How to re-verify"), *steps]
    out += [h3("How times are shown"),
            para("Times are UTC with the basis that decided the zone (exif-offset, gps-utc, "
                 "location-tz, case-default, analyst, unknown) and an uncertainty. A time whose "
                 "zone is unknown is shown as the local time that was written, never silently "
                 "treated as UTC; where it must be placed in UTC order (timeline, photos) it goes "
                 "at the middle of the window it could be in (every zone on Earth, UTC−12 to "
                 "UTC+14) and is marked 'zone unknown'.")]
    return out
