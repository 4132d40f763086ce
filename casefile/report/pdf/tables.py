"""Table helpers: every cell is text in the bundled fonts (never markup); long tables split across
pages. Columns that never wrap (hashes, times, short program words) are drawn as plain strings,
which is much faster than a paragraph per cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from casefile.report.pdf.styles import MONO, SANS, safe, shape, stylesheet

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


def cell(value: Any, mono: bool = False) -> Paragraph:
    """One wrapping table cell of escaped text."""
    return Paragraph(safe(value), stylesheet()["CellMono" if mono else "Cell"])


def plain(value: Any) -> str:
    """A non-wrapping cell: drawn as a string, so nothing in it is ever read as markup."""
    return "" if value is None else shape(str(value))


def grid(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
         mono: Sequence[int] = (), fixed: Sequence[int] = ()) -> Table:
    """A table with a repeated header row. `mono` columns (hashes, times) use the monospaced font
    and, like `fixed` columns (short program words), are drawn without wrapping."""
    flat = set(mono) | set(fixed)
    body = [[plain(v) if i in flat else cell(v) for i, v in enumerate(r)] for r in rows]
    t = Table([list(headers), *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = [*_BASE, ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)]
    for c in mono:
        style += [("FONTNAME", (c, 1), (c, -1), MONO), ("FONTSIZE", (c, 1), (c, -1), 6)]
    t.setStyle(TableStyle(style))
    return t


def pairs(rows: Sequence[tuple[str, Any]], widths: Sequence[float] = (95, 400), *,
          mono: Sequence[str] = ()) -> Table:
    """A two-column label/value table; values of labels in `mono` use the monospaced font."""
    body: list[list[Any]] = []
    style = [*_BASE, ("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]
    for n, (k, v) in enumerate(rows):
        label = plain(k) if len(k) <= 18 else cell(k)
        if k in mono:
            body.append([label, plain(v)])
            style += [("FONTNAME", (1, n), (1, n), MONO), ("FONTSIZE", (1, n), (1, n), 6)]
        else:
            body.append([label, cell(v)])
    t = Table(body, colWidths=list(widths), hAlign="LEFT")
    t.setStyle(TableStyle(style))
    return t
