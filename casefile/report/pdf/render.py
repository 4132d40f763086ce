"""Draw the report's blocks with reportlab: each block becomes the flowables that show it."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from casefile.report import blocks as B
from casefile.report.gather import world_land
from casefile.report.pdf.doc import LEVELS, MARGIN, Contents, contents
from casefile.report.pdf.figures import map_figure
from casefile.report.pdf.styles import MONO, safe, stylesheet
from casefile.report.pdf.tables import grid, pairs

PARA_STYLES = {"body": "Body", "small": "Small", "title": "Title", "marking": "Marking",
               "contents-title": "H1NoToc"}
HEADING_STYLES = {1: "H1", 2: "H2", 3: "H3"}


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


def markup(para: B.Para) -> str:
    """A paragraph's runs as reportlab markup; every text goes through safe() (never parsed)."""
    out = []
    for r in para.runs:
        text = safe(r.text)
        if r.mono:
            text = f"<font name='{MONO}'>{text}</font>"
        if r.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def picture(pic: B.Picture) -> Flowable:
    if pic.source is None:
        return Paragraph(escape(f"({pic.missing})"), stylesheet()["Small"])
    return Thumb(pic.source, pic.width, pic.height)


def flowables(block: B.Block) -> list[Flowable]:
    """The reportlab flowables that draw one block."""
    ss = stylesheet()
    if isinstance(block, B.Para):
        return [Paragraph(markup(block), ss[PARA_STYLES.get(block.style, "Body")])]
    if isinstance(block, B.Heading):
        return [Paragraph(safe(block.text), ss[HEADING_STYLES.get(block.level, "H3")])]
    if isinstance(block, B.Grid):
        return [grid(block.headers, block.rows, block.widths, mono=block.mono, fixed=block.fixed)]
    if isinstance(block, B.Pairs):
        return [pairs(block.rows, block.widths, mono=block.mono)]
    if isinstance(block, B.Picture):
        return [picture(block)]
    if isinstance(block, B.Beside):
        w = block.picture.width + 10
        t = Table([[picture(block.picture), pairs(block.pairs.rows, block.pairs.widths,
                                                   mono=block.pairs.mono)]],
                  colWidths=[w, sum(block.pairs.widths)], hAlign="LEFT")
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [fits(t)]
    if isinstance(block, B.Gallery):
        cells = [[picture(pic), Paragraph(safe(cap), ss["Small"])] for pic, cap in block.pictures]
        width = 495 / max(3, len(cells))
        t = Table([cells], colWidths=[width] * len(cells), hAlign="LEFT")
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [fits(t)]
    if isinstance(block, B.Figure):
        fig = map_figure(block.data, world_land(), block.width, block.height)
        if fig is None:
            return []
        return [fig, Paragraph(safe(block.caption), ss["Small"])]
    if isinstance(block, B.PageBreak):
        return [PageBreak()]
    if isinstance(block, B.KeepSpace):
        return [CondPageBreak(block.points)]
    if isinstance(block, B.Space):
        return [Spacer(1, block.points)]
    if isinstance(block, B.Contents):
        return [contents()]
    raise TypeError(f"no PDF drawing for {type(block).__name__}")


#: the body frame's height (A4 less the margins and the frame's padding): no row may be taller
FRAME_H = A4[1] - 2 * MARGIN - 14


def fits(t: Table) -> Flowable:
    """A one-row table (a picture beside its facts, a row of pictures) cannot split across pages:
    one taller than a page is shrunk to fit instead of stopping the report (LayoutError)."""
    return KeepInFrame(495, FRAME_H, [t], mode="shrink", hAlign="LEFT")


def story_flowables(blocks: list[B.Block]) -> list[Flowable]:
    """Every block's flowables at once (a short story; the report streams them: stream())."""
    out: list[Flowable] = []
    for bl in blocks:
        out += flowables(bl)
    return out


def stream(blocks: Sequence[B.Block]) -> Iterator[Flowable]:
    """The blocks' flowables, each made when the document reaches it and dropped once drawn. The
    contents list is filled first from the headings, numbered in order as Contents.fill numbers
    the headings of a whole story."""
    ss = stylesheet()
    entries: list[tuple[int, str, str]] = []
    for bl in blocks:
        if isinstance(bl, B.Heading) and (style := HEADING_STYLES.get(bl.level, "H3")) in LEVELS:
            text = Paragraph(safe(bl.text), ss[style]).getPlainText()
            entries.append((LEVELS[style], text, f"h{len(entries) + 1}"))
    n = 0
    for bl in blocks:
        for f in flowables(bl):
            if isinstance(f, Contents):
                f.entries = list(entries)
            elif isinstance(f, Paragraph) and f.style.name in LEVELS:
                n += 1
                f._cf_key = f"h{n}"
            yield f
