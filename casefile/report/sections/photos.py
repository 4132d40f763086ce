"""The photos section: each photo with its thumbnail, capture time and its basis, what the
cross-reference found about it, and its metadata checks; a check that fires on many photos is one
line listing them (each photo's own wording is kept in an appendix)."""

from __future__ import annotations

from collections import defaultdict

from casefile.model.findings import CheckFinding
from casefile.present.numbers import coords
from casefile.present.positions import position_rows
from casefile.present.times import when
from casefile.report.blocks import Beside, Block, KeepSpace, Space, b, grid, h1, h2, h3, pairs, para
from casefile.report.gather import PhotoEntry
from casefile.report.sections.body import Body
from casefile.report.thumbs import thumbnail

THUMB = 110.0
#: Up to this many photos each get their own block (thumbnail, facts, findings, checks); a bigger
#: case shows that many in full (the ones with a contradiction or a warning first) and lists every
#: other photo in a table that runs across as many pages as it needs.
FULL_PHOTOS = 300
#: A check that fires on at least this many photos is listed once, with the photos it fired on.
GROUP_MIN = 3
SEVERITY_ORDER = {"warning": 0, "notice": 1, "info": 2}


def capture_order(e: PhotoEntry) -> tuple[float, str]:
    """Sort key: the middle of the capture time's UTC window; no time (or unreadable) last."""
    tv = e.info.capture
    window = tv.window() if tv is not None else None
    if window is None:
        return float("inf"), e.info.item_id
    return (window[0].timestamp() + window[1].timestamp()) / 2, e.info.item_id


def shown_photos(body: Body) -> list[PhotoEntry]:
    return sorted((e for e in body.photos if e.info.item_id in body.ctx.item_ids),
                  key=capture_order)


def common_checks(entries: list[PhotoEntry]) -> dict[str, list[CheckFinding]]:
    """check id -> its results, for checks that fire on GROUP_MIN photos or more."""
    by: dict[str, list[CheckFinding]] = defaultdict(list)
    for e in entries:
        for c in e.checks:
            by[c.check_id].append(c)
    return {k: v for k, v in sorted(by.items()) if len({c.item_id for c in v}) >= GROUP_MIN}


def check_name(results: list[CheckFinding]) -> str:
    """The check's title when every result shares it, else its name ('near duplicate')."""
    titles = {c.title for c in results}
    if len(titles) == 1 and results[0].title:
        return results[0].title
    return results[0].check_id.replace("-", " ").capitalize()


def photos(body: Body) -> list[Block]:
    """Common checks once, then one block per photo in capture order."""
    names = body.names
    shown = shown_photos(body)
    common = common_checks(shown)
    out: list[Block] = [h1("Photos"), para(
        f"{len(shown)} photo(s), in order of capture time (UTC). A photo whose time zone is "
        "unknown is placed at the middle of the window it could be in; photos with no capture "
        "time come last. Severity: info (worth knowing), notice (worth a look), warning (a "
        "strong sign the file is not what it seems); no check on its own shows a photo is fake "
        "or genuine.")]
    if common:
        out.append(h2("Checks that fired on many photos"))
        rows = []
        for cs in sorted(common.values(), key=lambda cs: SEVERITY_ORDER.get(cs[0].severity, 3)):
            first = cs[0]
            refs = ", ".join(names.ref(c.item_id) for c in cs)
            rows.append((f"{check_name(cs)} ({first.severity})",
                         f"{len(cs)} photos: {refs}", first.innocent_cause))
        out.append(grid(["Check", "Photos", "Innocent explanation"], rows, (120, 200, 175)))
        out.append(para("Each photo's own wording of these checks is in Appendix B.", style="small"))
    full, listed = _split_full(body, shown)
    if listed:
        out.append(para(f"{len(full)} of the {len(shown)} photos are shown one by one below (those "
                        "with a contradiction or a warning first, then in capture order); the "
                        f"other {len(listed)} are listed in the table after them, with the "
                        "references of their findings (each finding in full in Appendix A).",
                        style="small"))
    for e in full:
        out += _photo(body, e, common)
    if listed:
        out += _listed(body, listed, common)
    return out


def _notable(body: Body, e: PhotoEntry) -> bool:
    return any(f.verdict == "inconsistent" for f in body.about(e.info.item_id)) or any(
        c.severity == "warning" for c in e.checks)


def _split_full(body: Body, shown: list[PhotoEntry]) -> tuple[list[PhotoEntry], list[PhotoEntry]]:
    """Which photos get their own block and which are listed in the table (capture order kept)."""
    if len(shown) <= FULL_PHOTOS:
        return shown, []
    first = [e for e in shown if _notable(body, e)][:FULL_PHOTOS]
    chosen = {e.info.item_id for e in first}
    for e in shown:
        if len(chosen) >= FULL_PHOTOS:
            break
        chosen.add(e.info.item_id)
    return ([e for e in shown if e.info.item_id in chosen],
            [e for e in shown if e.info.item_id not in chosen])


def _listed(body: Body, listed: list[PhotoEntry], common: dict[str, list[CheckFinding]]
            ) -> list[Block]:
    """Every other photo, one row each: a table split across pages with its header repeated."""
    names = body.names
    rows = []
    for e in listed:
        info = e.info
        ref = names.ref(info.item_id)
        found = [body.cite(f, ref) + f" {f.verdict}" for f in body.about(info.item_id)]
        checks = sorted({check_name(common[c.check_id]) if c.check_id in common
                         else (c.title or c.check_id) for c in e.checks})
        where = coords(info.gps.lat, info.gps.lon) if info.gps is not None else "none"
        rows.append((names.name(info.item_id), when(info.capture), where,
                     " ".join(x for x in (info.make, info.model) if x) or "unknown",
                     "; ".join([*found, *checks]) or "nothing raised"))
    return [KeepSpace(60), h2("Every other photo"),
            grid(["Photo", "Captured", "Position", "Camera", "Findings and checks"], rows,
                 (95, 110, 80, 60, 150))]


def _photo(body: Body, e: PhotoEntry, common: dict[str, list[CheckFinding]]) -> list[Block]:
    names = body.names
    info = e.info
    iid = info.item_id
    camera = " ".join(x for x in (info.make, info.model) if x) or "unknown"
    meta = pairs([("Photo", names.name(iid)), ("Captured", when(info.capture)),
                  *position_rows(info), ("Camera", camera),
                  ("Serial", body.ctx.red("serial", info.serial)),
                  ("Software", info.software), ("Size", f"{info.width} × {info.height} pixels"),
                  ("Aircraft tagged", ", ".join(info.aircraft_tags))], (70, 305))
    out: list[Block] = [KeepSpace(150), Beside(thumbnail(body.ctx, iid, THUMB), meta)]
    found = body.about(iid)
    ref = names.ref(iid)
    if found:
        out.append(para(b("Cross-reference: ")))
        out += [para("• " + body.sentence(f, ref)) for f in found]
    own = sorted((c for c in e.checks if c.check_id not in common),
                 key=lambda c: (SEVERITY_ORDER.get(c.severity, 3), c.check_id))
    grouped = sorted({check_name(common[c.check_id]) for c in e.checks if c.check_id in common})
    if own:
        out.append(para(b("Metadata checks: ")))
        for c in own:
            out.append(para(b(f"{c.severity.capitalize()} — {c.title or c.check_id}: "),
                            names.text(c.explanation), " Innocent explanation: ",
                            names.text(c.innocent_cause)))
    if grouped:
        out.append(para("Also: " + "; ".join(grouped) + " (see checks that fired on many photos).",
                        style="small"))
    if not own and not grouped:
        out.append(para("No metadata check raised anything for this photo.", style="small"))
    out.append(Space(8))
    return out


def grouped_detail(body: Body) -> list[Block]:
    """Appendix: each photo's own wording of the checks the photos section lists once."""
    shown = shown_photos(body)
    common = common_checks(shown)
    if not common:
        return []
    out: list[Block] = [h1("Appendix B: Checks that fired on many photos, photo by photo")]
    for cs in common.values():
        out += [KeepSpace(60), h3(f"{check_name(cs)} ({cs[0].severity})"),
                grid(["Photo", "What the check found"],
                     [(body.names.name(c.item_id), _worded(body, c)) for c in cs],
                     (150, 345))]
    return out


def _worded(body: Body, c: CheckFinding) -> str:
    """The check's own title for this photo (when it differs from the group's) and its finding."""
    text = body.names.text(c.explanation)
    return f"{c.title}: {text}" if c.title else text
