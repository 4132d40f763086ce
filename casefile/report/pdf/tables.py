"""Table helpers: every cell is escaped text in the bundled fonts; long tables split across pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from casefile.report.pdf.styles import safe, stylesheet

HEAD_BG = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#b8c4d0")


def cell(value: Any, mono: bool = False) -> Paragraph:
    """One table cell of escaped text."""
    return Paragraph(safe(value), stylesheet()["CellMono" if mono else "Cell"])


def grid(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
         mono: Sequence[int] = ()) -> Table:
    """A table with a repeated header row; columns in `mono` use the monospaced font (hashes)."""
    ss = stylesheet()
    head = [Paragraph(safe(h), ss["Cell"]) for h in headers]
    body = [[cell(v, i in mono) for i, v in enumerate(r)] for r in rows]
    t = Table([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return t


def pairs(rows: Sequence[tuple[str, Any]], widths: Sequence[float] = (95, 400), *,
          mono: Sequence[str] = ()) -> Table:
    """A two-column label/value table; labels in `mono` get their value in the monospaced font."""
    body = [[cell(k), cell(v, k in mono)] for k, v in rows]
    t = Table(body, colWidths=list(widths), hAlign="LEFT")
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return t
