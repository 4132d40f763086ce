"""The editable copy for editors: the same story as the PDF (same headings, references and
findings) written as a Word document with python-docx. The bytes are deterministic too: the
document's dates are the report's generated-at time and the zip entries carry a fixed date."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell

from casefile.report import blocks as B
from casefile.report.context import Context
from casefile.report.gather import world_land
from casefile.report.pdf.figures import map_figure
from casefile.report.pdf.styles import scrub
from casefile.report.raster import drawing_png

MONO_FONT = "DejaVu Sans Mono"
SANS_FONT = "DejaVu Sans"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TEXT_WIDTH_PT = 495.0        # the PDF's text width; DOCX widths are scaled from it


def _headings(blocks: list[B.Block]) -> list[B.Heading]:
    return [bl for bl in blocks if isinstance(bl, B.Heading) and bl.level <= 2]


def _set_cell(cell: _Cell, text: str, *, bold: bool = False, mono: bool = False,
              size: float = 7.5) -> None:
    """A cell's text, one run per line with breaks between (never parsed)."""
    para = cell.paragraphs[0]
    lines = scrub(text).split("\n")
    for n, line in enumerate(lines):
        run = para.add_run(line)
        run.bold = bold
        run.font.size = Pt(6 if mono else size)
        if mono:
            run.font.name = MONO_FONT
        if n < len(lines) - 1:
            run.add_break()


def _table(doc: DocxDocument, header: tuple[str, ...] | None, rows: tuple[tuple[str, ...], ...],
           widths: tuple[float, ...], mono_cols: tuple[int, ...] = (),
           label_col: bool = False, mono_rows: frozenset[int] = frozenset()) -> Table:
    ncols = len(widths)
    t = doc.add_table(rows=0, cols=ncols)
    t.style = "Table Grid"
    t.autofit = False
    if header is not None:
        cells = t.add_row().cells
        for i, h in enumerate(header):
            _set_cell(cells[i], h, bold=True)
    for r, row in enumerate(rows):
        cells = t.add_row().cells
        for i, v in enumerate(row):
            _set_cell(cells[i], v, bold=label_col and i == 0,
                      mono=i in mono_cols or (r in mono_rows and i == 1))
    for i, w in enumerate(widths):
        for cell in t.columns[i].cells:
            cell.width = Pt(w)
    return t


def _para(doc: DocxDocument, block: B.Para) -> None:
    style = {"title": "Title"}.get(block.style)
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    if block.style == "marking":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r in block.runs:
        run = p.add_run(scrub(r.text))
        run.bold = r.bold or block.style in ("marking", "contents-title")
        if r.mono:
            run.font.name = MONO_FONT
        if block.style == "small":
            run.font.size = Pt(7.5)
        elif block.style == "marking":
            run.font.size = Pt(14)
            run.font.color.rgb = RGBColor(0xB4, 0x53, 0x09)
        elif block.style == "contents-title":
            run.font.size = Pt(15)


def _picture(doc: DocxDocument, pic: B.Picture, paragraph: object | None = None) -> None:
    p = paragraph if paragraph is not None else doc.add_paragraph()
    if pic.source is None:
        p.add_run(f"({pic.missing})")  # type: ignore[attr-defined]
        return
    data = pic.source if isinstance(pic.source, bytes) else Path(pic.source).read_bytes()
    p.add_run().add_picture(io.BytesIO(data), width=Pt(pic.width))  # type: ignore[attr-defined]


def write_blocks(ctx: Context, blocks: list[B.Block]) -> bytes:
    """The DOCX bytes of the story."""
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(18))
    normal = doc.styles["Normal"]
    normal.font.name = SANS_FONT
    normal.font.size = Pt(9)
    marking = ctx.options.marking
    sec.header.paragraphs[0].text = scrub(f"{ctx.title} — {marking}")
    sec.footer.paragraphs[0].text = scrub(f"{marking} — {ctx.title}")
    for bl in blocks:
        if isinstance(bl, B.Para):
            _para(doc, bl)
        elif isinstance(bl, B.Heading):
            doc.add_heading(scrub(bl.text), level=min(bl.level, 3))
        elif isinstance(bl, B.Grid):
            _table(doc, bl.headers, bl.rows, bl.widths, bl.mono)
            doc.add_paragraph()
        elif isinstance(bl, B.Pairs):
            mono_rows = frozenset(n for n, (k, _) in enumerate(bl.rows) if k in bl.mono)
            _table(doc, None, bl.rows, bl.widths, label_col=True, mono_rows=mono_rows)
            doc.add_paragraph()
        elif isinstance(bl, B.Picture):
            _picture(doc, bl)
        elif isinstance(bl, B.Beside):
            _picture(doc, bl.picture)
            mono_rows = frozenset(n for n, (k, _) in enumerate(bl.pairs.rows) if k in bl.pairs.mono)
            _table(doc, None, bl.pairs.rows, bl.pairs.widths, label_col=True, mono_rows=mono_rows)
            doc.add_paragraph()
        elif isinstance(bl, B.Gallery):
            t = doc.add_table(rows=1, cols=len(bl.pictures))
            for cell, (pic, caption) in zip(t.rows[0].cells, bl.pictures, strict=True):
                _picture(doc, pic, cell.paragraphs[0])
                cap = cell.add_paragraph().add_run(scrub(caption))
                cap.font.size = Pt(7.5)
        elif isinstance(bl, B.Figure):
            fig = map_figure(bl.data, world_land(), bl.width, bl.height)
            if fig is not None:
                doc.add_paragraph().add_run().add_picture(io.BytesIO(drawing_png(fig)),
                                                          width=Pt(fig.width))
            small = doc.add_paragraph().add_run(scrub(bl.caption))
            small.font.size = Pt(7.5)
        elif isinstance(bl, B.PageBreak):
            doc.add_page_break()
        elif isinstance(bl, B.Contents):
            for h in _headings(blocks):
                p = doc.add_paragraph(scrub(h.text))
                p.paragraph_format.left_indent = Pt(10 if h.level == 1 else 26)
                p.paragraph_format.space_after = Pt(0)
        # KeepSpace and Space: Word lays out its own pages
    props = doc.core_properties
    when = _stamp(ctx.generated_at)
    props.created = props.modified = props.last_printed = when
    props.title = scrub(ctx.title)
    props.author = props.last_modified_by = scrub(str(ctx.investigator or ""))
    props.subject = marking
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue())


def _stamp(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(microsecond=0)
    except ValueError:
        return datetime(1980, 1, 1, tzinfo=UTC)


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_DATE (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
