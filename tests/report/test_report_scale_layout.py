"""What a big case does to the report's layout (the 20,000-photo benchmark, in small): a contents
list longer than a page continues on the next, and past FULL_PHOTOS photos the rest are listed in
a table that runs across pages, each with its findings' references (every finding still cited)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casefile.analyst.claims import add_claim
from casefile.analyst.sources import add_source
from casefile.importers.pipeline import import_paths
from casefile.report.context import ReportOptions
from casefile.report.pdf import build_report
from casefile.report.sections import photos as photo_section
from casefile.store import Case
from tests.report.report_helpers import pdf_text


def test_contents_longer_than_a_page(fresh_case: Case, tmp_path: Path) -> None:
    """Each claim is a contents line: 150 claims do not fit one page of contents."""
    src = add_source(fresh_case, title="A wire story", url="https://example.org/a")
    for i in range(150):
        add_claim(fresh_case, f"Claim number {i}: an aircraft landed", when="2019-03-23",
                  source_ids=[src.id])
    out = build_report(fresh_case, tmp_path / "r.pdf", ReportOptions(sections=("summary",)))
    text, pages = pdf_text(tmp_path / "r.pdf")
    assert "Claim number 149" in text and out.pages > 3

    def first(needle: str) -> int:
        return next(i for i, p in enumerate(pages) if needle in p)

    body_starts = first("Claim number 0:")
    assert first("C1 — other") < first("C150 — other") < body_starts   # contents: 2+ pages


def test_photos_past_the_limit_are_listed(fresh_case: Case, corpora: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    photos = sorted((corpora / "exif-samples/jpg/gps").glob("*.jpg"))[:6]
    import_paths(fresh_case, photos, workers=1)
    monkeypatch.setattr(photo_section, "FULL_PHOTOS", 2)
    out = build_report(fresh_case, tmp_path / "r.pdf", ReportOptions(sections=("photos",)))
    text, _pages = pdf_text(tmp_path / "r.pdf")
    assert "2 of the 6 photos are shown one by one" in text
    assert "Every other photo" in text
    start = text.rindex("Every other photo")
    listed = text[start:text.index("Appendix B:", start)]
    import re

    assert len(set(re.findall(r"^(P\d+) DSCN", listed, re.M))) == 4, listed[:2000]
    assert out.pages >= 2
    if shutil.which("pdftoppm"):
        import subprocess

        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "3",
                        str(tmp_path / "r.pdf"), str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page*.png"))


def test_long_tables_are_paged_as_reportlab_pages_them(fresh_case: Case, corpora: Path,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A long table laid out a page at a time (LongGrid) gives the pages, rows and repeated
    headers that reportlab's own split of one table gives."""
    from casefile.report.pdf import tables

    photos = sorted((corpora / "exif-samples").rglob("*.jpg"))       # 87 real photos
    import_paths(fresh_case, photos, workers=2)
    monkeypatch.setattr(photo_section, "FULL_PHOTOS", 2)
    options = ReportOptions(sections=("photos", "findings", "timeline"))
    pages = {}
    for name, long_rows in (("paged", 3), ("one-table", 10**9)):
        monkeypatch.setattr(tables, "LONG_ROWS", long_rows)
        build_report(fresh_case, tmp_path / f"{name}.pdf", options)
        pages[name] = pdf_text(tmp_path / f"{name}.pdf")[1]
    assert pages["paged"] == pages["one-table"]
    listed = [p for p in pages["paged"] if "Findings and checks" in p]
    assert len(listed) >= 2, "the listing of the other photos should run over pages"
    refs = [p for p in pages["paged"] if "SHA-256 of the original" in p]
    assert len(refs) >= 2, "Appendix C should run over more than one page, header repeated"
