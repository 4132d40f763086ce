"""The editable DOCX copy: opens with python-docx, has the PDF's headings and references, holds the
map and the photos, is byte-identical when made twice, and is chosen by the file's suffix."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from report_helpers import pdf_text

from casefile.errors import InvalidInput
from casefile.report.context import ReportOptions
from casefile.report.exports import write_report


def _outline(path: Path) -> list[str]:
    from pypdf import PdfReader

    out: list[str] = []

    def walk(items: list) -> None:
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append(it.title)

    walk(PdfReader(str(path)).outline)
    return out


def test_docx_has_the_pdf_headings_and_references(demo_case, tmp_path: Path) -> None:
    import docx

    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    write_report(demo_case, pdf)
    res = write_report(demo_case, word)
    assert res.sha256 and res.sections and "summary" in res.sections
    d = docx.Document(str(word))
    heads = [p.text for p in d.paragraphs
             if p.style is not None and p.style.name in ("Heading 1", "Heading 2")]
    assert heads == _outline(pdf)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    text = " ".join([p.text for p in d.paragraphs] + cells)
    pdf_flat = " ".join(pdf_text(pdf)[0].split())
    refs = set(re.findall(r"\b[PSCFX]\d+\b", text))
    assert {"C1", "S1", "P1", "X1"} <= refs
    assert refs <= set(re.findall(r"\b[PSCFX]\d+\b", pdf_flat))
    with zipfile.ZipFile(word) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert any(n.endswith(".png") for n in media)                     # the map
    assert sum(n.endswith(".jpg") for n in media) >= 12                # every demo photo
    export = [e for e in demo_case.events() if e["action"] == "exported"][-1]
    assert export["details"]["format"] == "docx" and export["details"]["sha256"] == res.sha256


def test_docx_twice_gives_the_same_bytes(demo_case, tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_report(demo_case, a, ReportOptions(sections=("summary", "custody")))
    write_report(demo_case, b, ReportOptions(sections=("summary", "custody")))
    assert a.read_bytes() == b.read_bytes()


def test_docx_keeps_redaction(demo_case, tmp_path: Path) -> None:
    import docx

    name = demo_case.items(kind="photo")[0]["original_name"]
    out = tmp_path / "r.docx"
    write_report(demo_case, out, ReportOptions(redact=frozenset({"original_name"})))
    d = docx.Document(str(out))
    text = " ".join([p.text for p in d.paragraphs] +
                    [c.text for t in d.tables for row in t.rows for c in row.cells])
    assert name not in text and "[redacted]" in text


def test_report_format_follows_the_suffix(demo_case, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"\.odt"):
        write_report(demo_case, tmp_path / "r.odt")
    with pytest.raises(InvalidInput, match="only the PDF can be signed"):
        write_report(demo_case, tmp_path / "r.docx", ReportOptions(sign_cert="c.pem", sign_key="k.pem"))
