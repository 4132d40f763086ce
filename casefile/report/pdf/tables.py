"""Table helpers: every cell is a plain string in the bundled fonts, wrapped here to its column
width (never parsed as markup, and much faster than a paragraph per cell); long tables split
across pages with the header row repeated."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

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
         mono: Sequence[int] = (), fixed: Sequence[int] = ()) -> Table:
    """A table with a repeated header row. `mono` columns (hashes, times) use the monospaced font
    and, like `fixed` columns (short program words), are drawn without wrapping."""
    flat = set(mono) | set(fixed)
    body = [part for r in rows
            for part in split_tall([plain(v) if i in flat else cell(v, widths[i])
                                    for i, v in enumerate(r)])]
    head = [cell(h, w) for h, w in zip(headers, widths)]
    t = Table([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = [*_BASE, ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)]
    for c in mono:
        style += [("FONTNAME", (c, 1), (c, -1), MONO), ("FONTSIZE", (c, 1), (c, -1), 6)]
    t.setStyle(TableStyle(style))
    return t


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
