"""Table helpers: every cell is a plain string in the bundled fonts, wrapped here to its column
width (never parsed as markup, and much faster than a paragraph per cell); long tables split
across pages with the header row repeated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from casefile.report.pdf.styles import MONO, SANS, shape

HEAD_BG = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#b8c4d0")
_BASE = [
    ("GRID", (0, 0), (-1, -1), 0.3, GRID),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("FONTNAME", (0, 0), (-1, -1), SANS), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
    ("LEADING", (0, 0), (-1, -1), 9),
    ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
]


PAD = 6.0
SIZE = 7.5


def wrap_text(text: str, width: float, font: str = SANS, size: float = SIZE) -> str:
    """Break text into lines that fit `width` points: at spaces, and inside words too long alone."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for word in para.split(" "):
            cand = f"{cur} {word}" if cur else word
            if stringWidth(cand, font, size) <= width:
                cur = cand
                continue
            if cur:
                lines.append(cur)
            while len(word) > 1 and stringWidth(word, font, size) > width:
                n = max(1, int(len(word) * width / stringWidth(word, font, size)))
                while n > 1 and stringWidth(word[:n], font, size) > width:
                    n -= 1
                lines.append(word[:n])
                word = word[n:]
            cur = word
        lines.append(cur)
    return "\n".join(lines)


def cell(value: object, width: float) -> str:
    """One wrapping table cell of plain text."""
    return wrap_text(plain(value), width - PAD)


def plain(value: object) -> str:
    """A non-wrapping cell: drawn as a string, so nothing in it is ever read as markup."""
    return "" if value is None else shape(str(value))


#: A table row is never split across pages, so a cell longer than this many lines continues in
#: the next row (a page holds about 80 lines of table text).
MAX_ROW_LINES = 60


def split_tall(row: list[str]) -> list[list[str]]:
    """One wrapped row as several rows of at most MAX_ROW_LINES lines each."""
    parts = [c.split("\n") for c in row]
    height = max((len(p) for p in parts), default=1)
    if height <= MAX_ROW_LINES:
        return [row]
    return [["\n".join(p[i:i + MAX_ROW_LINES]) for p in parts]
            for i in range(0, height, MAX_ROW_LINES)]


def grid(headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float], *,
         mono: Sequence[int] = (), fixed: Sequence[int] = ()) -> Flowable:
    """A table with a repeated header row. `mono` columns (hashes, times) use the monospaced font
    and, like `fixed` columns (short program words), are drawn without wrapping."""
    flat = set(mono) | set(fixed)
    body = [part for r in rows
            for part in split_tall([plain(v) if i in flat else cell(v, widths[i])
                                    for i, v in enumerate(r)])]
    head = [cell(h, w) for h, w in zip(headers, widths)]
    style = [*_BASE, ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)]
    for c in mono:
        style += [("FONTNAME", (c, 1), (c, -1), MONO), ("FONTSIZE", (c, 1), (c, -1), 6)]
    if len(body) > LONG_ROWS:
        return LongGrid(head, body, list(widths), style)
    t = Table([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle(style))
    return t


#: a table of more rows than this is laid out a page at a time (LongGrid)
LONG_ROWS = 150
LEADING, PADS = 9.0, 3.0          # every cell's leading, and its top and bottom padding together


def row_height(row: Sequence[str]) -> float:
    """A row of plain-text cells as reportlab measures it: its tallest cell's lines."""
    return max((c.count("\n") + 1 for c in row), default=1) * LEADING + PADS


class LongGrid(Flowable):
    """A table of thousands of rows (every photo, every reference) laid out a page at a time: each
    page draws a small table of its own rows under the repeated header, looking as one long
    table does. reportlab splits a long table by making a new table of all the rows left, with a
    style object per cell, at every page: time in the square of the rows."""

    def __init__(self, head: list[str], body: list[list[str]], widths: list[float],
                 style: list[tuple[Any, ...]], start: int = 0,
                 heights: list[float] | None = None) -> None:
        super().__init__()
        self.head, self.body, self.widths, self.style = head, body, widths, style
        self.start = start
        self.heights = heights if heights is not None else [row_height(r) for r in body]
        self.hAlign = "LEFT"

    def _table(self, stop: int) -> Table:
        rows = self.body[self.start:stop]
        t = Table([self.head, *rows], colWidths=self.widths, repeatRows=1, hAlign="LEFT",
                  rowHeights=[row_height(self.head), *self.heights[self.start:stop]])
        t.setStyle(TableStyle(self.style))
        return t

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = sum(self.widths)
        self.height = row_height(self.head) + sum(self.heights[self.start:])
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """The rows that fit here (as reportlab's own split of them decides), then the rest."""
        room, stop = availHeight - row_height(self.head), self.start
        while stop < len(self.body) and room >= 0:
            room -= self.heights[stop]
            stop += 1
        parts = self._table(stop).split(availWidth, availHeight)
        if len(parts) < 2:
            return parts
        done = self.start + len(parts[0]._cellvalues) - 1      # less its header row
        rest = LongGrid(self.head, self.body, self.widths, self.style, done, self.heights)
        return [parts[0], rest]

    def draw(self) -> None:
        t = self._table(len(self.body))
        t.wrapOn(self.canv, self.width, self.height)
        t.drawOn(self.canv, 0, 0)


def pairs(rows: Sequence[tuple[str, object]], widths: Sequence[float] = (95, 400), *,
          mono: Sequence[str] = ()) -> Table:
    """A two-column label/value table; values of labels in `mono` use the monospaced font."""
    body: list[list[str]] = []
    style = [*_BASE, ("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]
    for k, v in rows:
        label = cell(k, widths[0])
        if k in mono:
            n = len(body)
            body.append([label, plain(v)])
            style += [("FONTNAME", (1, n), (1, n), MONO), ("FONTSIZE", (1, n), (1, n), 6)]
        else:
            body += split_tall([label, cell(v, widths[1])])
    t = Table(body, colWidths=list(widths), hAlign="LEFT")
    t.setStyle(TableStyle(style))
    return t
