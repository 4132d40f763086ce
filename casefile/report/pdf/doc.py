"""The page frame: A4 pages with header and footer (title, marking, page X of Y) and a contents list."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from casefile.report.pdf.styles import BOLD, SANS, shape, stylesheet

MARGIN = 18 * mm


def draw_frame(canv: rl_canvas.Canvas, title: str, marking: str, total: int) -> None:
    """Header (title, marking) and footer (title, marking, page X of Y) of one page."""
    width, height = canv._pagesize
    mark = shape(marking)
    room = width / 2 - stringWidth(mark, BOLD, 8) / 2 - MARGIN - 10
    head = _fit(shape(title), SANS, 7.5, room)
    canv.saveState()
    canv.setFillColor(colors.HexColor("#b45309"))
    canv.setFont(BOLD, 8)
    canv.drawCentredString(width / 2, height - 10 * mm, mark)
    canv.drawCentredString(width / 2, 8 * mm, mark)
    canv.setFillColor(colors.HexColor("#444444"))
    canv.setFont(SANS, 7.5)
    canv.drawString(MARGIN, height - 10 * mm, head)
    canv.drawString(MARGIN, 8 * mm, head)
    canv.drawRightString(width - MARGIN, 8 * mm, f"Page {canv.getPageNumber()} of {total}")
    canv.setStrokeColor(colors.HexColor("#999999"))
    canv.setLineWidth(0.4)
    canv.line(MARGIN, height - 12 * mm, width - MARGIN, height - 12 * mm)
    canv.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
    canv.restoreState()


def _fit(text: str, font: str, size: float, room: float) -> str:
    """The text, shortened with an ellipsis to fit `room` points."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


class PageCount(Flowable):
    """An invisible indexing flowable: multiBuild repeats until the total printed on every page
    ("of Y", taken from the previous pass) equals the number of pages this pass made."""

    def __init__(self) -> None:
        super().__init__()
        self.previous = 0
        self.current = 0

    def isIndexing(self) -> int:  # noqa: N802 - reportlab's name
        return 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass

    def beforeBuild(self) -> None:  # noqa: N802 - reportlab's name
        self.previous, self.current = self.current, 0

    def afterBuild(self) -> None:  # noqa: N802 - reportlab's name
        pass

    def notify(self, kind: str, stuff: Any) -> None:
        pass

    def isSatisfied(self) -> bool:  # noqa: N802 - reportlab's name
        return self.current == self.previous


class ReportDoc(BaseDocTemplate):
    """Platypus document that feeds headings to the contents list and the PDF outline."""

    def __init__(self, filename: Any, *, title: str, author: str, subject: str,
                 marking: str) -> None:
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=title, author=author,
                         subject=subject, creator="Casefile", producer="Casefile (reportlab)",
                         invariant=1)
        frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body")
        self.pages = PageCount()

        def on_page(canv: rl_canvas.Canvas, doc: ReportDoc) -> None:
            self.pages.current = canv.getPageNumber()
            draw_frame(canv, title, marking, self.pages.previous)

        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
        self._heading_no = 0

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
        if not isinstance(flowable, Paragraph):
            return
        level = {"H1": 0, "H2": 1}.get(flowable.style.name)
        if level is None:
            return
        text = flowable.getPlainText()
        self._heading_no += 1
        key = f"h{self._heading_no}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, text, self.page, key))

    def handle_documentBegin(self) -> None:  # noqa: N802 - reportlab's name
        self._heading_no = 0
        super().handle_documentBegin()


def contents() -> TableOfContents:
    """The table of contents flowable (filled on the second build pass)."""
    toc = TableOfContents()
    ss = stylesheet()
    toc.levelStyles = [ss["TOC1"], ss["TOC2"]]
    toc.dotsMinLevel = 0
    return toc
