"""The page frame: A4 pages with header and footer (title, marking, page X of Y) and a contents list."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from casefile.report.pdf.styles import BOLD, SANS, shape, stylesheet

MARGIN = 18 * mm


def numbered_canvas(title: str, marking: str) -> type[rl_canvas.Canvas]:
    """A canvas class that draws header and footer once the total page count is known."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kw: Any) -> None:
            super().__init__(*args, **kw)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._frame(total)
                super().showPage()
            super().save()

        def _frame(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(colors.HexColor("#b45309"))
            self.setFont(BOLD, 8)
            self.drawCentredString(width / 2, height - 10 * mm, shape(marking))
            self.setFillColor(colors.HexColor("#444444"))
            self.setFont(SANS, 7.5)
            self.drawString(MARGIN, height - 10 * mm, _clip(shape(title), 60))
            self.setStrokeColor(colors.HexColor("#999999"))
            self.setLineWidth(0.4)
            self.line(MARGIN, height - 12 * mm, width - MARGIN, height - 12 * mm)
            self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
            self.drawString(MARGIN, 8 * mm, _clip(shape(title), 60))
            self.setFont(BOLD, 7.5)
            self.drawCentredString(width / 2, 8 * mm, shape(marking))
            self.setFont(SANS, 7.5)
            self.drawRightString(width - MARGIN, 8 * mm, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class ReportDoc(BaseDocTemplate):
    """Platypus document that feeds headings to the contents list and the PDF outline."""

    def __init__(self, filename: Any, *, title: str, author: str, subject: str) -> None:
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=title, author=author,
                         subject=subject, creator="Casefile", producer="Casefile (reportlab)",
                         invariant=1)
        frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
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
