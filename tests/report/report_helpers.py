"""Helpers shared by the report tests."""

from __future__ import annotations

from pathlib import Path

TITLE = "Дело №7 <b>bold?</b> & «Ил-62» مرحبا"
INVESTIGATOR = "Анна Смирнова"


def pdf_text(path: Path) -> tuple[str, list[str]]:
    """All text of a PDF and the text of each page (pypdf)."""
    from pypdf import PdfReader

    pages = [pg.extract_text() or "" for pg in PdfReader(str(path)).pages]
    return "\n".join(pages), pages
