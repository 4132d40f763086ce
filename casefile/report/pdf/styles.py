"""Fonts shipped inside the package, paragraph styles, and safe text (escaped, shaped for RTL)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from casefile.report.context import REDACTED

SANS = "CasefileSans"
BOLD = "CasefileSans-Bold"
MONO = "CasefileMono"
MONO_OPEN = f"<font name='{MONO}'>"      # markup that starts monospaced text in a paragraph
_FILES = {SANS: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SCRUB: ContextVar[re.Pattern[str] | None] = ContextVar("casefile_report_scrub", default=None)
_PLAIN_TOKEN = re.compile(r"[0-9A-Fa-f:.\-TZ ]*")


@contextlib.contextmanager
def scrubbing(values: Iterable[str]) -> Iterator[None]:
    """While active, every drawn string has these values replaced by REDACTED (redaction that also
    reaches free text written by other parts, such as file names inside finding explanations).
    Values made only of digits, hex and time punctuation are left to their own fields, so a
    short serial number can never eat into a hash or a time."""
    words = sorted({v for v in values if v and len(v) >= 3 and not _PLAIN_TOKEN.fullmatch(v)},
                   key=len, reverse=True)
    token = _SCRUB.set(re.compile("|".join(re.escape(w) for w in words)) if words else None)
    try:
        yield
    finally:
        _SCRUB.reset(token)




@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the bundled DejaVu fonts with reportlab (once per process)."""
    base = resources.files("casefile.report") / "fonts"
    for name, filename in _FILES.items():
        with resources.as_file(base / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=BOLD, italic=SANS, boldItalic=BOLD)


def scrub(text: str) -> str:
    """The text with redacted values replaced (while a scrubbing() block is active)."""
    pattern = _SCRUB.get()
    return text if pattern is None else pattern.sub(REDACTED, text)


def shape(text: str) -> str:
    """Text ready to draw: control characters removed; Arabic/Hebrew joined and put in visual order.

    reportlab lays glyphs left to right without shaping; arabic-reshaper picks the joined letter
    forms and python-bidi reorders a right-to-left line for display. Long mixed-direction text
    that wraps onto several lines may read in the wrong line order (a known limit).
    """
    text = _CONTROL.sub("", text)
    scrub = _SCRUB.get()
    if scrub is not None:
        text = scrub.sub(REDACTED, text)
    if not _RTL.search(text):
        return text
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError:  # pragma: no cover - both are declared dependencies
        return text
    return get_display(arabic_reshaper.reshape(text))


def safe(value: object) -> str:
    """User text as Paragraph markup that shows exactly the characters given (never parsed)."""
    if value is None:
        return ""
    return escape(shape(str(value))).replace("\n", "<br/>")


@lru_cache(maxsize=1)
def stylesheet() -> StyleSheet1:
    """Paragraph styles of the report, all using the bundled fonts."""
    register_fonts()
    ss = StyleSheet1()
    ss.add(ParagraphStyle("Body", fontName=SANS, fontSize=9, leading=11.5, spaceAfter=3))
    ss.add(ParagraphStyle("Small", parent=ss["Body"], fontSize=7.5, leading=9.5, spaceAfter=1))
    ss.add(ParagraphStyle("Cell", parent=ss["Body"], fontSize=7.5, leading=9, spaceAfter=0))
    ss.add(ParagraphStyle("CellMono", parent=ss["Cell"], fontName=MONO, fontSize=6, leading=8))
    ss.add(ParagraphStyle("H1", fontName=BOLD, fontSize=15, leading=19, spaceBefore=6,
                          spaceAfter=8, textColor=colors.HexColor("#1f3a5f")))
    ss.add(ParagraphStyle("H1NoToc", parent=ss["H1"]))
    ss.add(ParagraphStyle("H2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8,
                          spaceAfter=4, textColor=colors.HexColor("#1f3a5f"), keepWithNext=1))
    ss.add(ParagraphStyle("H3", fontName=BOLD, fontSize=9, leading=11.5, spaceBefore=6,
                          spaceAfter=2, keepWithNext=1))
    ss.add(ParagraphStyle("Title", fontName=BOLD, fontSize=24, leading=30, alignment=TA_CENTER,
                          spaceAfter=14))
    ss.add(ParagraphStyle("Marking", fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER,
                          textColor=colors.HexColor("#b45309"), spaceAfter=18))
    ss.add(ParagraphStyle("CoverLine", parent=ss["Body"], fontSize=10, leading=14,
                          alignment=TA_CENTER))
    ss.add(ParagraphStyle("TOC1", fontName=SANS, fontSize=10, leading=14, leftIndent=10))
    ss.add(ParagraphStyle("TOC2", fontName=SANS, fontSize=8.5, leading=11, leftIndent=26))
    return ss


def p(text: object, style: str = "Body") -> Paragraph:
    """A paragraph of user (or any) text, escaped."""
    return Paragraph(safe(text), stylesheet()[style])


def pm(markup: str, style: str = "Body") -> Paragraph:
    """A paragraph of program-written markup; every user value inside must come through safe()."""
    return Paragraph(markup, stylesheet()[style])
