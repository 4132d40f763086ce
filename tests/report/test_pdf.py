"""The PDF report read back with pypdf: hashes, scripts, escaping, options, determinism."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from report_helpers import INVESTIGATOR, pdf_text

from casefile.report.context import ReportOptions
from casefile.report.pdf import build_report


def _outline(path: Path) -> list[str]:
    """Top-level bookmarks of a PDF (one per section)."""
    from pypdf import PdfReader

    return [o.title for o in PdfReader(str(path)).outline if not isinstance(o, list)]


def test_custody_appendix_lists_every_item_hash(real_case, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    res = build_report(real_case, out, ReportOptions(marking="TLP:AMBER"))
    text, pages = pdf_text(out)
    items = real_case.items()
    assert len(items) >= 5
    for item in items:
        assert item["sha256"] in text, item["original_name"]
        assert item["md5"] in text
    assert res.pages == len(pages)
    assert res.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_cyrillic_and_markup_survive_as_text(real_case, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(real_case, out)
    text, _ = pdf_text(out)
    assert "Дело №7 <b>bold?</b> & «Ил-62»" in text   # markup shown, never parsed
    assert INVESTIGATOR in text


def test_every_page_has_header_and_page_x_of_y(real_case, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(real_case, out, ReportOptions(marking="TLP:AMBER"))
    _, pages = pdf_text(out)
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        assert f"Page {i} of {n}" in " ".join(page.split())
        assert "TLP:AMBER" in page


def test_two_exports_are_byte_identical_and_each_is_logged(real_case, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    ra = build_report(real_case, a)
    rb = build_report(real_case, b)
    assert a.read_bytes() == b.read_bytes()
    exported = [e for e in real_case.events() if e["action"] == "exported"]
    assert [e["details"]["sha256"] for e in exported] == [ra.sha256, rb.sha256]
    assert exported[0]["details"]["options"]["sections"]


def test_fingerprint_is_the_ledger_head_of_the_last_change(real_case, tmp_path: Path) -> None:
    head = real_case.head_hash()
    out = tmp_path / "r.pdf"
    build_report(real_case, out)
    text, _ = pdf_text(out)
    assert head in text
    # a real change moves the fingerprint, so the report changes
    item = real_case.items()[0]
    with real_case.transaction():
        real_case.update("items", item["id"], {"notes": "checked"}, reason="test")
    out2 = tmp_path / "r2.pdf"
    build_report(real_case, out2)
    assert real_case.head_hash() != head
    assert out.read_bytes() != out2.read_bytes()


def test_sections_option_controls_content_and_pages(real_case, tmp_path: Path) -> None:
    full, part = tmp_path / "full.pdf", tmp_path / "part.pdf"
    rf = build_report(real_case, full)
    rp = build_report(real_case, part, ReportOptions(sections=("methods",)))
    text, pages = pdf_text(part)
    assert rp.sections == ["methods"]
    assert "custody" in rf.sections and "methods" in rf.sections
    assert "Appendix D: Custody" not in text and "How to re-verify" in text
    assert len(pages) < rf.pages
    assert real_case.items()[-1]["sha256"] not in text   # methods names only the first item
    two = tmp_path / "two.pdf"
    build_report(real_case, two, ReportOptions(sections=("custody", "methods")))
    assert _outline(two) == ["How to read this report", "Appendix D: Custody",
                             "Appendix E: Methods"]
    assert _outline(part) == ["How to read this report", "Appendix E: Methods"]


def test_exclude_sensitive_and_redact(real_case, tmp_path: Path) -> None:
    secret = real_case.items()[0]
    with real_case.transaction():
        real_case.update("items", secret["id"], {"sensitive": 1}, reason="protect a source")
    out = tmp_path / "r.pdf"
    build_report(real_case, out, ReportOptions(
        exclude_sensitive=True, redact=frozenset({"acquired_by", "actor", "investigator",
                                                  "original_path"})))
    text, _ = pdf_text(out)
    assert secret["sha256"] not in text
    assert secret["id"] not in text
    for other in real_case.items()[1:]:
        assert other["sha256"] in text
    assert INVESTIGATOR not in text
    assert "[redacted]" in text
    assert "1 sensitive item(s) withheld" in text
    assert "/shared/corpora" not in text


def test_unknown_section_is_refused() -> None:
    from casefile.errors import InvalidInput

    with pytest.raises(InvalidInput, match="unknown report section 'photo'"):
        ReportOptions(sections=("photo",))


def test_generated_at_option_is_printed(real_case, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(real_case, out, ReportOptions(generated_at="2026-01-02T03:04:05.000Z"))
    text, _ = pdf_text(out)
    assert "2026-01-02T03:04:05.000Z" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render(real_case, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    res = build_report(real_case, out)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(out), str(tmp_path / "pg")], check=True,
                   capture_output=True)
    assert len(list(tmp_path.glob("pg-*.png"))) == res.pages


def test_demo_case_report_shows_every_finding_photo_and_leg(demo_case, tmp_path: Path) -> None:
    from casefile.flights.query import legs
    from casefile.photos.query import list_photos
    from casefile.present.times import with_local
    from casefile.store.refs import all_refs
    from casefile.xref import findings

    out = tmp_path / "demo.pdf"
    res = build_report(demo_case, out)
    text, _ = pdf_text(out)
    found = findings(demo_case)
    assert found
    refs = all_refs(demo_case)
    flat = " ".join(text.split())
    for f in found:
        assert f"{refs[f.id]} — {f.kind} — {f.verdict} ({f.id})" in flat
    for ph in list_photos(demo_case):
        assert ph.item_id in text                   # resolved in the references appendix
        assert f"{refs[ph.item_id]} {ph.original_name}" in flat
    assert {"findings", "photos", "flights", "custody", "methods"} <= set(res.sections)
    assert "Map: equirectangular" in text and "land outlines from Natural Earth" in text
    for leg in legs(demo_case):
        for end in (leg.takeoff, leg.landing):
            if end.time_utc:
                assert with_local(end.time_utc, None).replace(" UTC", "") in flat
    undetermined = sum(1 for f in found if f.verdict == "undetermined")
    if undetermined:
        assert f"{undetermined} cross-reference finding(s) are undetermined" in text


def test_demo_report_is_reproducible_after_xref_reruns(demo_case, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build_report(demo_case, a)
    build_report(demo_case, b)
    assert a.read_bytes() == b.read_bytes()


def test_demo_report_summarises_claims_and_graded_sources(demo_case, tmp_path: Path) -> None:
    from casefile.analyst.claims import list_claims
    from casefile.analyst.sources import list_sources
    from casefile.store.refs import all_refs

    out = tmp_path / "demo.pdf"
    res = build_report(demo_case, out)
    text, _ = pdf_text(out)
    flat = " ".join(text.split())
    assert {"summary", "sources", "timeline"} <= set(res.sections)
    claims, sources = list_claims(demo_case), list_sources(demo_case)
    assert claims and sources
    refs = all_refs(demo_case)
    for c in claims:
        assert c.id in flat                          # resolved in the references appendix
        assert f"{refs[c.id]} — " in flat and c.status in flat
    for s in sources:
        assert f"{refs[s.id]} " in flat
        assert f"{s.reliability} —" in flat


def test_methods_lists_thresholds_and_versions(real_case, tmp_path: Path) -> None:
    import importlib.metadata as md

    from casefile.flights.legs import GAP_S
    from casefile.xref.duplicates import MAX_BITS

    out = tmp_path / "m.pdf"
    build_report(real_case, out, ReportOptions(sections=("methods",)))
    text, _ = pdf_text(out)
    flat = " ".join(text.split())      # pypdf puts a line break between table cells
    assert f"flights.legs.GAP_S {GAP_S}" in flat
    assert f"xref.duplicates.MAX_BITS {MAX_BITS}" in flat
    assert md.version("reportlab") in text
    assert "casefile verify CASE" in text and "sha256sum" in text


def test_arabic_is_shaped_with_the_bundled_font(real_case, tmp_path: Path) -> None:
    """Arabic letters are drawn in joined forms and visual order (reportlab does not shape)."""
    import unicodedata

    out = tmp_path / "r.pdf"
    build_report(real_case, out, ReportOptions(sections=("methods",)))
    text, _ = pdf_text(out)
    assert any("\ufe70" <= ch <= "\ufeff" for ch in text)          # presentation (joined) forms
    # drawn in visual order; pypdf's extraction turns the run back to reading order
    assert "مرحبا" in unicodedata.normalize("NFKC", text)
    raw = out.read_bytes()
    assert b"/FontFile2" in raw and b"DejaVu" in raw                  # the font travels in the PDF


def test_removed_items_stay_in_the_custody_appendix(real_case, tmp_path: Path) -> None:
    gone = real_case.items()[1]
    with real_case.transaction():
        real_case.update("items", gone["id"], {"removed_at": "2026-01-01T00:00:00.000Z",
                                                "removed_reason": "duplicate of another copy"},
                         reason="duplicate of another copy")
    out = tmp_path / "r.pdf"
    build_report(real_case, out, ReportOptions(sections=("custody",)))
    text, _ = pdf_text(out)
    flat = " ".join(text.split())
    assert gone["sha256"] in text
    assert "Removed items" in flat and "duplicate of another copy" in flat


def test_redacted_names_vanish_from_every_section(demo_case, tmp_path: Path) -> None:
    """File names and collectors also appear inside findings and the timeline: scrubbed there too."""
    names = [i["original_name"] for i in demo_case.items()]
    out = tmp_path / "r.pdf"
    build_report(demo_case, out, ReportOptions(redact=frozenset({"original_name", "collector"})))
    text, _ = pdf_text(out)
    flat = " ".join(text.split())
    for name in names:
        assert name not in flat
    assert INVESTIGATOR not in flat
    for item in demo_case.items():
        assert item["sha256"] in text          # hashes are never touched by redaction
    plain = tmp_path / "plain.pdf"
    build_report(demo_case, plain)
    assert names[0] in " ".join(pdf_text(plain)[0].split())


def test_unknown_redaction_field_is_refused() -> None:
    from casefile.errors import InvalidInput

    with pytest.raises(InvalidInput, match="cannot redact 'aquired_by'"):
        ReportOptions(redact=frozenset({"aquired_by"}))
    assert "acquired_by" in ReportOptions(redact=frozenset({"collector"})).redact


def test_empty_case_still_gives_a_complete_report(fresh_case, tmp_path: Path) -> None:
    head = fresh_case.head_hash()
    out = tmp_path / "empty.pdf"
    res = build_report(fresh_case, out)
    text, pages = pdf_text(out)
    flat = " ".join(text.split())
    assert res.pages == len(pages) >= 3
    assert "0 evidence item(s)" in flat
    assert head in text


def test_read_only_case_reports_without_writing(real_case, tmp_path: Path) -> None:
    from casefile.store import Case

    path = real_case.path
    before = real_case.head()
    real_case.close()
    with Case.open(path, write=False) as ro:
        res = build_report(ro, tmp_path / "ro.pdf")
        assert res.ledger_seq is None
        assert ro.head() == before


def test_an_empty_case_says_which_sections_hold_nothing(fresh_case, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    res = build_report(fresh_case, out, ReportOptions())
    flat = " ".join(pdf_text(out)[0].split())
    assert res.sections == ["limitations", "custody", "methods"]
    for name in ("summary", "findings", "sources", "photos", "flights", "timeline"):
        assert f"No {name} section: the case holds none." in flat


def test_a_part_that_fails_is_left_out_and_named(real_case, tmp_path: Path, monkeypatch) -> None:
    from casefile.report import gather

    def broken(_case: object) -> list[object]:
        raise RuntimeError("engine down")

    monkeypatch.setattr(gather, "findings", broken)
    out = tmp_path / "r.pdf"
    res = build_report(real_case, out, ReportOptions(sections=("findings", "photos", "limitations")))
    flat = " ".join(pdf_text(out)[0].split())
    assert res.sections == ["photos", "limitations"]
    assert "The cross-reference findings could not be read (RuntimeError: engine down)" in flat
    assert "No findings section" not in flat
