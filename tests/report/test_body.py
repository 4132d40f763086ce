"""The demo report reads for an editor and holds up for a court: the body names records as people
do (no ids or hashes before the appendices), every finding in the appendix is cited from the body,
the map's key names every aircraft, and the body stays within 20 pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_helpers import pdf_text

from casefile.report.context import ReportOptions
from casefile.report.pdf import build_report

ULID = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{26}\b")
HEX64 = re.compile(r"\b[0-9a-fA-F]{64}\b")


def _sections(path: Path) -> dict[str, int]:
    """Top-level outline title -> its 0-based page."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return {item.title: reader.get_destination_page_number(item)
            for item in reader.outline if not isinstance(item, list)}


@pytest.fixture
def demo_report(demo_case, tmp_path: Path) -> tuple[Path, list[str], dict[str, int]]:
    out = tmp_path / "demo.pdf"
    build_report(demo_case, out)
    _, pages = pdf_text(out)
    return out, pages, _sections(out)


def _body(pages: list[str], sections: dict[str, int]) -> str:
    start = sections["Summary"]
    end = min(p for t, p in sections.items() if t.startswith("Appendix"))
    return " ".join(" ".join(pages[start:end]).split())


def test_body_names_no_raw_id_or_hash(demo_report) -> None:
    _, pages, sections = demo_report
    body = _body(pages, sections)
    assert "Summary" in body and "Photos" in body
    assert not ULID.findall(body), ULID.findall(body)[:5]
    assert not HEX64.findall(body)
    assert not re.findall(r"\bF[0-9a-f]{24}\b", body)          # finding ids
    whole = " ".join(" ".join(pages).split())
    assert ULID.findall(whole) and HEX64.findall(whole)         # the appendices do resolve them


def test_every_finding_in_the_appendix_is_cited_from_the_body(demo_case, demo_report) -> None:
    from casefile.store.refs import all_refs
    from casefile.xref import findings

    _, pages, sections = demo_report
    body = _body(pages, sections)
    refs = all_refs(demo_case)
    found = findings(demo_case)
    assert found
    appendix = " ".join(" ".join(pages[sections["Appendix A: Findings in detail"]:]).split())
    for f in found:
        ref = refs[f.id]
        assert f"{ref} — {f.kind}" in appendix
        assert re.search(rf"\b{ref} \({f.verdict}", body), ref     # cited as a sentence
        assert re.search(r"Cited in [^—]*", appendix)


def test_summary_comes_first_and_body_fits_20_pages(demo_report) -> None:
    _, pages, sections = demo_report
    titles = list(sections)
    assert titles.index("Summary") < titles.index("Claims") < titles.index("Photos")
    body_end = min(p for t, p in sections.items() if t.startswith("Appendix"))
    assert body_end <= 20
    summary = " ".join(" ".join(pages[sections["Summary"]:sections["Claims"]]).split())
    assert "The question." in summary and "What remains open" in summary
    assert "Sources and their grades" in summary


def test_map_key_names_every_aircraft(demo_case, tmp_path: Path) -> None:
    from casefile.flights.query import list_aircraft
    from casefile.present.aircraft import aircraft_name

    out = tmp_path / "f.pdf"
    build_report(demo_case, out, ReportOptions(sections=("flights",)))
    first = " ".join(pdf_text(out)[1][_sections(out)["Flights"]].split())
    aircraft = list_aircraft(demo_case)
    assert len(aircraft) >= 2
    for a in aircraft:
        assert aircraft_name(a) in first


def test_a_check_on_many_photos_is_one_line(demo_report) -> None:
    _, pages, sections = demo_report
    body = _body(pages, sections)
    # the demo re-saves nearly every photo with library tables: listed once, not per photo
    assert body.count("The JPEG uses the standard libjpeg quantization") == 0
    assert re.search(r"Re-saved with standard library settings \(notice\) \d+ photos: P\d", body)
