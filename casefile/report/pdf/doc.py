"""The page frame: A4 pages with header and footer (title, marking, page X of Y) and a contents list.

One layout pass: the page count in every footer and the page numbers in the contents list are
PDF form objects, referenced while the pages are drawn and defined when the last page is done.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFBase85Encode, PDFStream, PDFZCompress
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from casefile.report.pdf.styles import BOLD, SANS, shape

MARGIN = 18 * mm
TOTAL_FORM = "cfPageTotal"
TOTAL_W = 22.0
NUM_W = 30.0
LEVELS = {"H1": 0, "H2": 1}
#: the streamed build keeps at least AHEAD flowables queued (a kept-with-next run is shorter),
#: topping up BATCH at a time
AHEAD, BATCH = 64, 256


def draw_frame(canv: rl_canvas.Canvas, title: str, marking: str) -> None:
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
    label = f"Page {canv.getPageNumber()} of "
    x = width - MARGIN - TOTAL_W - stringWidth(label, SANS, 7.5)
    canv.drawString(x, 8 * mm, label)
    canv.saveState()
    canv.translate(x + stringWidth(label, SANS, 7.5), 8 * mm)
    canv.doForm(TOTAL_FORM)      # the page count, drawn once the last page is known
    canv.restoreState()
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


class Contents(Flowable):
    """The contents list: one line per section heading, its page number filled in at the end."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[int, str, str]] = []     # level, text, key

    def fill(self, story: list[Flowable]) -> None:
        """Number the story's section headings and list them."""
        self.entries = []
        for f in story:
            if isinstance(f, Paragraph) and f.style.name in LEVELS:
                key = f"h{len(self.entries) + 1}"
                f._cf_key = key
                self.entries.append((LEVELS[f.style.name], f.getPlainText(), key))

    def _line(self, level: int) -> tuple[float, float, float]:
        return (10.0, 10.0, 16.0) if level == 0 else (26.0, 8.5, 12.5)   # indent, size, leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, sum(self._line(lv)[2] for lv, _, _ in self.entries)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """A contents list longer than a page continues on the next (a report of many claims)."""
        used, n = 0.0, 0
        for level, _text, _key in self.entries:
            step = self._line(level)[2]
            if used + step > availHeight:
                break
            used, n = used + step, n + 1
        if n == 0 or n == len(self.entries):
            return []
        first, rest = Contents(), Contents()
        first.entries, rest.entries = self.entries[:n], self.entries[n:]
        return [first, rest]

    def draw(self) -> None:
        c = self.canv
        y = sum(self._line(lv)[2] for lv, _, _ in self.entries)
        for level, text, key in self.entries:
            indent, size, leading = self._line(level)
            y -= leading
            base = y + (leading - size) / 2
            right = self.width - NUM_W - 4
            label = _fit(shape(text), SANS, size, right - indent - 20)
            c.setFont(SANS, size)
            c.drawString(indent, base, label)
            start = indent + stringWidth(label, SANS, size) + 4
            dots = int(max(0.0, right - start) / stringWidth(". ", SANS, size))
            c.drawRightString(right, base, ". " * dots)
            c.saveState()
            c.translate(self.width - NUM_W, base)
            c.doForm(f"cfToc{key}")
            c.restoreState()
            c.linkRect("", key, (0, y, self.width, y + leading), relative=1, thickness=0)


class _Applied:
    """A stream filter already applied: the page was encoded when it was finished."""

    def __init__(self, pdfname: str) -> None:
        self.pdfname = pdfname

    def encode(self, content: Any) -> Any:
        return content


class FinishingCanvas(rl_canvas.Canvas):
    """A canvas that lets the document define its late forms just before the file is written,
    and compresses each page as it is finished: reportlab keeps every page's drawing commands as
    text until the file is written (about a gigabyte for a report of 25,000 pages). The bytes are
    the ones reportlab would write, made earlier."""

    finish: Any = None

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        super().showPage()
        pages = self._doc.Pages.pages
        page = pages[-1] if pages else None
        if page is None or not page.compression or not isinstance(page.stream, str) \
                or page.Contents is not None:
            return
        filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
        content: Any = page.stream
        for f in reversed(filters):
            content = f.encode(content)
        done = PDFStream(content=content, filters=[_Applied(f.pdfname) for f in filters])
        done.__Comment__ = "page stream"
        page.Contents, page.stream = done, None

    def save(self) -> None:
        if self.finish is not None:
            self.finish(self)
        super().save()


class ReportDoc(BaseDocTemplate):
    """Platypus document that records section pages for the contents list and the PDF outline."""

    def __init__(self, filename: Any, *, title: str, author: str, subject: str,
                 marking: str) -> None:
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=title, author=author,
                         subject=subject, creator="Casefile", producer="Casefile (reportlab)",
                         invariant=1)
        frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body")
        self.total = 0
        self.heading_pages: dict[str, int] = {}

        def on_page(canv: rl_canvas.Canvas, doc: ReportDoc) -> None:
            self.total = canv.getPageNumber()
            draw_frame(canv, title, marking)

        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
        key = getattr(flowable, "_cf_key", None)
        if key is None:
            return
        level = LEVELS[flowable.style.name]
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=level > 0)
        self.heading_pages[key] = self.page

    def render(self, story: list[Flowable] | Iterator[Flowable]) -> int:
        """Lay out and write the document in one pass; returns the page count. A list's contents
        list is filled here; an iterator (render.stream) comes with its contents list filled and
        is drawn as it is made, so a report of 40,000 findings never holds all its tables."""
        if isinstance(story, list):
            for f in story:
                if isinstance(f, Contents):
                    f.fill(story)
        doc = self

        class Canvas(FinishingCanvas):
            finish = staticmethod(doc._define_forms)

        self._build_stream(iter(story), Canvas)
        return self.total

    def _build_stream(self, story: Iterator[Flowable], canvasmaker: type[rl_canvas.Canvas]) -> None:
        """reportlab's BaseDocTemplate.build, fed from an iterator: a short queue is topped up as
        flowables are laid out (build takes one list and deletes from its front, which holds every
        flowable at once and costs time in the square of their number)."""
        self._startBuild(None, canvasmaker)
        canv = self.canv
        saved_info = canv._doc.info
        queue: list[Flowable] = []
        try:
            canv._doctemplate = self
            while True:
                if len(queue) < AHEAD:
                    queue.extend(islice(story, BATCH))
                    if not queue:
                        break
                self.clean_hanging()
                self.handle_flowable(queue)
        finally:
            del canv._doctemplate
        canv._doc.info = saved_info
        self._endBuild()

    def _define_forms(self, canv: rl_canvas.Canvas) -> None:
        canv.beginForm(TOTAL_FORM, 0, -3, TOTAL_W, 10)
        canv.setFont(SANS, 7.5)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(0, 0, str(self.total))
        canv.endForm()
        for key, page in self.heading_pages.items():
            canv.beginForm(f"cfToc{key}", 0, -3, NUM_W, 12)
            canv.setFont(SANS, 9)
            canv.drawRightString(NUM_W, 0, str(page))
            canv.endForm()


def contents() -> Contents:
    """The contents list flowable (filled from the story when the document is rendered)."""
    return Contents()
