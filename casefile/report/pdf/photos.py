"""The photos section: each photo's thumbnail beside its metadata, capture time and check results."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from casefile.report.context import Context
from casefile.report.gather import PhotoEntry
from casefile.report.pdf.formatting import fmt_num, fmt_time
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


def _make_thumb(path: Path) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageOps

    with PILImage.open(path) as im:
        im.draft("RGB", (256, 256))
        small = ImageOps.exif_transpose(im).convert("RGB")
        small.thumbnail((256, 256))
        buf = io.BytesIO()
        small.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def photos(ctx: Context, entries: list[PhotoEntry]) -> list[Flowable]:
    """One block per photo: thumbnail beside its key metadata, then its check results."""
    shown = sorted((e for e in entries if e.info.item_id in ctx.item_ids), key=capture_order)
    out: list[Flowable] = [pm("Photos", "H1"), p(
        f"{len(shown)} photo(s), in order of capture time (UTC). A photo whose time zone is "
        "unknown is placed at the middle of the window it could be in; photos with no capture "
        "time come last.")]
    for e in shown:
        out += _photo(ctx, e)
    return out


def capture_order(e: PhotoEntry) -> tuple[float, str]:
    """Sort key: the middle of the capture time's UTC window; no time (or unreadable) last."""
    tv = e.info.capture
    window = tv.window() if tv is not None else None
    if window is None:
        return float("inf"), e.info.item_id
    return (window[0].timestamp() + window[1].timestamp()) / 2, e.info.item_id


def _photo(ctx: Context, e: PhotoEntry) -> list[Flowable]:
    info = e.info
    iid = info.item_id
    gps = info.gps
    where = "none"
    if gps is not None:
        where = f"{fmt_num(gps.lat)}, {fmt_num(gps.lon)} ({gps.source})"
    if info.gps_problem:
        where += f"; rejected GPS value: {info.gps_problem}"
    camera = " ".join(x for x in (info.make, info.model) if x) or "unknown"
    rows: list[tuple[str, object]] = [
        ("Item", iid), ("Name", ctx.red("original_name", ctx.names.get(iid))),
        ("Camera", camera), ("Serial", ctx.red("serial", info.serial)),
        ("Lens", info.lens), ("Software", info.software),
        ("Size", f"{info.width} × {info.height}"),
        ("Captured", fmt_time(info.capture)), ("Position", where),
        ("Aircraft tags", ", ".join(info.aircraft_tags))]
    meta = pairs([r for r in rows if r[1]], (65, 300))
    t = Table([[thumbnail(ctx, iid), meta]], colWidths=[THUMB + 10, 375], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out: list[Flowable] = [CondPageBreak(150), t]
    if e.checks:
        out += [Spacer(1, 2), grid(
            ["Check", "Severity", "Finding", "Innocent explanation"],
            [(c.title or c.check_id, c.severity, c.explanation, c.innocent_cause)
             for c in e.checks], (90, 45, 200, 160))]
    else:
        out.append(p("No metadata check raised anything for this photo.", "Small"))
    out.append(Spacer(1, 8))
    return out
