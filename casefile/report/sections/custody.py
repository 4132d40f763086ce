"""The custody appendix: every item with its hashes, acquisitions, working copies and custody events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from casefile.report.blocks import Block, KeepSpace, Space, grid, h1, h2, h3, pairs, para
from casefile.report.context import Context
from casefile.store.rows import AcquisitionRow, ItemRow

TITLE = "Appendix D: Custody"


def custody(ctx: Context) -> list[Block]:
    """Every item with its hashes, acquisitions, working copies and custody events."""
    out: list[Block] = [h1(TITLE),
                        para(f"{len(ctx.items)} evidence item(s). Hashes are of the original bytes "
                             "as kept in the case (evidence/xx/SHA-256); times are UTC.")]
    if ctx.withheld:
        out.append(para(f"{ctx.withheld} item(s) marked sensitive are withheld from this report."))
    for item in ctx.items:
        out += _custody_item(ctx, item)
    if ctx.removed:
        out += [h2("Removed items"),
                para(f"{len(ctx.removed)} item(s) were removed from the case; their records and "
                  "files are kept, with who removed them, when and why.")]
        for item in ctx.removed:
            out += _custody_item(ctx, item)
    return out


def _custody_item(ctx: Context, item: ItemRow) -> list[Block]:
    case = ctx.case
    name = ctx.red("original_name", item["original_name"]) or "(no name)"
    rows: list[tuple[str, object]] = [
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
    ref = ctx.refs.get(item["id"], "")
    out: list[Block] = [KeepSpace(120), h3(f"{ref} {name} — item {item['id']}"),
                        pairs(rows, (95, 400), mono=("SHA-256", "MD5", "Stored as"))]
    acqs = case.acquisitions(item["id"])
    if acqs:
        out += [Space(3), grid(
            ["Acquired (UTC)", "By", "Method", "From", "Note"],
            [(a["acquired_at"], ctx.red("acquired_by", a["acquired_by"]), a["method"],
              _origin(ctx, a), ctx.red("note", a["note"])) for a in acqs],
            (95, 62, 50, 163, 125), mono=(0,))]
    derived = case.derivations(item["id"])
    if derived:
        out += [Space(3), grid(
            ["Working copy", "SHA-256", "Tool", "Made (UTC)"],
            [(d["kind"], d["sha256"], f"{d['tool']} {d['tool_version']}", d["created_at"])
             for d in derived], (55, 240, 105, 95), mono=(1, 3))]
    events = case.events(item["id"])
    if events:
        out += [Space(3), grid(
            ["#", "At (UTC)", "Actor", "Action", "Event hash"],
            [(e["seq"], e["at"], ctx.red("actor", e["actor"]), _action(e), e["hash"])
             for e in events], (22, 95, 60, 78, 240), mono=(1, 4), fixed=(0,))]
    out.append(Space(6))
    return out


def _origin(ctx: Context, acq: AcquisitionRow) -> str:
    parts = []
    if acq["original_path"]:
        parts.append(str(ctx.red("original_path", acq["original_path"])))
    if acq["source_url"]:
        parts.append(str(ctx.red("source_url", acq["source_url"])))
    if acq["original_mtime"]:
        parts.append(f"file time {acq['original_mtime']}")
    return "; ".join(parts)


def _action(ev: Mapping[str, Any]) -> str:
    target = ev["target_table"] or ""
    return f"{ev['action']} {target}".strip()
