"""Report sections for photos (thumbnail, metadata, capture time, checks) and flights (map, legs,
gaps)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from casefile.report import adapters
from casefile.report.adapters import Flights, PhotoEntry, get
from casefile.report.context import Context
from casefile.report.pdf.common import dur, fmt_num, fmt_time
from casefile.report.pdf.figures import MapData, map_figure
from casefile.report.pdf.styles import p, pm
from casefile.report.pdf.tables import grid, pairs

THUMB = 110.0


class Thumb(Flowable):
    """A JPEG drawn at its place; the file is read only while its page is drawn, so a report of
    thousands of photos never holds their pictures in memory at once."""

    def __init__(self, source: Path | bytes, width: float, height: float) -> None:
        super().__init__()
        self.source = source
        self.width, self.height = width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        src = io.BytesIO(self.source) if isinstance(self.source, bytes) else \
            io.BytesIO(self.source.read_bytes())
        self.canv.drawImage(ImageReader(src), 0, 0, self.width, self.height)


def thumbnail(ctx: Context, item_id: str) -> Flowable:
    """The stored thumbnail working copy, else one made in memory (never written to the case)."""
    from PIL import Image as PILImage

    row = ctx.case.derived(item_id, "thumbnail")
    try:
        source: Path | bytes
        if row is not None:
            source = ctx.case.blob_path(row)
            with PILImage.open(source) as im:      # reads the header only
                iw, ih = im.size
        else:
            source = _make_thumb(ctx.case.blob_path(ctx.case.resolve_item(item_id)))
            with PILImage.open(io.BytesIO(source)) as im:
                iw, ih = im.size
    except (OSError, ValueError, SyntaxError) as exc:
        return p(f"(no preview: {type(exc).__name__})", "Small")
    k = THUMB / max(iw, ih, 1)
    return Thumb(source, iw * k, ih * k)


def _make_thumb(path: Any) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageOps

    with PILImage.open(path) as im:
        im.draft("RGB", (256, 256))
        im = ImageOps.exif_transpose(im).convert("RGB")
        im.thumbnail((256, 256))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def photos(ctx: Context, entries: list[PhotoEntry]) -> list[Flowable]:
    """One block per photo: thumbnail beside its key metadata, then its check results."""
    shown = sorted((e for e in entries if get(e.info, "item_id") in ctx.item_ids), key=capture_order)
    out: list[Flowable] = [pm("Photos", "H1"), p(
        f"{len(shown)} photo(s), in order of capture time (UTC). A photo whose time zone is "
        "unknown is placed at the middle of the window it could be in; photos with no capture "
        "time come last.")]
    for e in shown:
        out += _photo(ctx, e)
    return out


def capture_order(e: PhotoEntry) -> tuple[float, str]:
    """Sort key: the middle of the capture time's UTC window; no time (or unreadable) last."""
    tv = get(e.info, "capture")
    window = tv.window() if tv is not None and hasattr(tv, "window") else None
    if window is None:
        return float("inf"), str(get(e.info, "item_id"))
    return (window[0].timestamp() + window[1].timestamp()) / 2, str(get(e.info, "item_id"))


def _photo(ctx: Context, e: PhotoEntry) -> list[Flowable]:
    info = e.info
    iid = get(info, "item_id")
    gps = get(info, "gps")
    where = "none"
    if gps is not None:
        where = f"{fmt_num(get(gps, 'lat'))}, {fmt_num(get(gps, 'lon'))} ({get(gps, 'source')})"
    if get(info, "gps_problem"):
        where += f"; rejected GPS value: {get(info, 'gps_problem')}"
    camera = " ".join(str(x) for x in (get(info, "make"), get(info, "model")) if x) or "unknown"
    rows: list[tuple[str, Any]] = [
        ("Item", iid), ("Name", ctx.red("original_name", ctx.names.get(iid))),
        ("Camera", camera), ("Serial", ctx.red("serial", get(info, "serial"))),
        ("Lens", get(info, "lens")), ("Software", get(info, "software")),
        ("Size", f"{get(info, 'width')} × {get(info, 'height')}"),
        ("Captured", fmt_time(get(info, "capture"))), ("Position", where),
        ("Aircraft tags", ", ".join(get(info, "aircraft_tags") or []))]
    meta = pairs([r for r in rows if r[1]], (65, 300))
    t = Table([[thumbnail(ctx, iid), meta]], colWidths=[THUMB + 10, 375], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out: list[Flowable] = [CondPageBreak(150), t]
    if e.checks:
        out += [Spacer(1, 2), grid(
            ["Check", "Severity", "Finding", "Innocent explanation"],
            [(get(c, "title") or get(c, "check_id"), get(c, "severity"), get(c, "explanation"),
              get(c, "innocent_cause")) for c in e.checks], (90, 45, 200, 160))]
    else:
        out.append(p("No metadata check raised anything for this photo.", "Small"))
    out.append(Spacer(1, 8))
    return out


def map_data(ctx: Context, fl: Flights | None, entries: list[PhotoEntry] | None) -> MapData:
    """Tracks, airports and photo positions to draw."""
    data = MapData()
    if fl is not None:
        for a in fl.aircraft:
            pts = [(get(pt, "lat"), get(pt, "lon")) for pt in fl.points.get(get(a, "id"), [])]
            data.tracks.append((aircraft_name(a), pts))
        seen: set[str] = set()
        for leg in fl.legs:
            for end in (get(leg, "takeoff"), get(leg, "landing")):
                code = get(end, "airport_icao") if end is not None else None
                if code and code not in seen:
                    seen.add(code)
                    pos = _airport(code)
                    if pos:
                        data.airports.append((code, *pos))
    for e in entries or []:
        gps = get(e.info, "gps")
        if gps is not None and get(e.info, "item_id") in ctx.item_ids:
            data.photos.append((get(e.info, "item_id"), get(gps, "lat"), get(gps, "lon")))
    return data


def _airport(code: str) -> tuple[float, float] | None:
    try:
        import airportsdata
    except ImportError:
        return None
    row = _airports(airportsdata).get(code)
    return (row["lat"], row["lon"]) if row else None


_AIRPORTS: dict[str, Any] = {}


def _airports(mod: Any) -> dict[str, Any]:
    if not _AIRPORTS:
        _AIRPORTS.update(mod.load("ICAO"))
    return _AIRPORTS


def flights(ctx: Context, fl: Flights, entries: list[PhotoEntry] | None) -> list[Flowable]:
    """Map, aircraft, legs (observed or inferred ends) and coverage gaps."""
    out: list[Flowable] = [pm("Flights", "H1")]
    land = adapters.world_land()
    fig = map_figure(map_data(ctx, fl, entries), land)
    if fig is not None:
        out += [fig, p("Map: equirectangular, north up" +
                       ("; land outlines from Natural Earth." if land else
                        "; latitude/longitude grid only (no world map data in this build)."),
                       "Small")]
    out += [pm("Aircraft", "H2"), grid(
        ["Registration or name", "ICAO 24-bit", "Type", "Operator", "Country", "Points"],
        [(get(a, "registration") or get(a, "label") or "not known", get(a, "icao24"),
          get(a, "type_code"),
          get(a, "operator") or "not known", get(a, "country"),
          len(fl.points.get(get(a, "id"), []))) for a in fl.aircraft],
        (80, 70, 60, 140, 80, 65))]
    names = {get(a, "id"): aircraft_name(a) for a in fl.aircraft}
    names.update({get(r, "id"): f"{get(r, 'aircraft_ref') or '?'} (reported)" for r in fl.reported})
    out += [pm("Legs", "H2"), p("An end marked 'inferred' was not observed in the data (the "
                                "track starts or ends in the air or in a coverage gap).", "Small")]
    if fl.legs:
        out.append(grid(["Aircraft", "Takeoff (UTC)", "From", "Landing (UTC)", "To", "Basis"],
                        [_leg_row(names, leg) for leg in fl.legs], (55, 95, 85, 95, 85, 80),
                        mono=(1, 3)))
    else:
        out.append(p("No legs."))
    out.append(pm("Coverage gaps", "H2"))
    if fl.gaps:
        out.append(grid(["Aircraft", "From (UTC)", "To (UTC)", "Note"],
                        [(names.get(get(g, "aircraft_id")), get(g, "start_utc"), get(g, "end_utc"),
                          get(g, "note")) for g in fl.gaps], (60, 95, 95, 245), mono=(1, 2)))
    else:
        out.append(p("No coverage gaps found."))
    if fl.reported:
        out += [pm("Reported, not tracked", "H2"),
                p("Flights entered by hand from a report; no track data backs them.", "Small"),
                grid(["Aircraft", "From → to", "Departed", "Arrived", "Source and note"],
                     [(get(r, "aircraft_ref"), f"{get(r, 'from_icao') or '?'} → {get(r, 'to_icao') or '?'}",
                       fmt_time(get(r, "departed")), fmt_time(get(r, "arrived")),
                       f"{get(r, 'source_note') or ''} (entered {get(r, 'created_at')} by "
                       f"{ctx.red('actor', get(r, 'created_by'))})") for r in fl.reported],
                     (55, 60, 110, 110, 160))]
    return out


def _end(end: Any) -> tuple[str, str]:
    if end is None:
        return "unknown", "unknown"
    where = get(end, "airport_icao") or "unknown"
    if get(end, "airport_name"):
        where += f" {get(end, 'airport_name')}"
    if get(end, "distance_km") is not None:
        where += f" ({get(end, 'distance_km'):.1f} km)"
    unc = (get(end, "evidence") or {}).get("time", {}) or {}
    unc_s = unc.get("uncertainty_s") if isinstance(unc, dict) else None
    when = get(end, "time_utc") or "unknown"
    return (f"{when}\n± {dur(float(unc_s))}" if unc_s else when), where


def _leg_row(names: dict[str, Any], leg: Any) -> tuple[Any, ...]:
    t0, a0 = _end(get(leg, "takeoff"))
    t1, a1 = _end(get(leg, "landing"))
    basis = "/".join("observed" if get(e, "observed") else "inferred"
                     for e in (get(leg, "takeoff"), get(leg, "landing")))
    if get(leg, "reported"):
        basis += ", reported"
    who = names.get(get(leg, "aircraft_id")) or names.get(get(leg, "id"))
    return (who, t0, a0, t1, a1, basis)


def aircraft_name(a: Any) -> str:
    """Registration (or ICAO 24-bit address) and type, as the map key and the tables name it."""
    name = get(a, "registration") or get(a, "icao24") or get(a, "label") or get(a, "id")
    kind = get(a, "type_code")
    return f"{name} ({kind})" if kind else str(name)
