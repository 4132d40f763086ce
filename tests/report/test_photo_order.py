"""The Photos section lists photos in capture-time order, zone-unknown ones by their window."""

from __future__ import annotations

import re
from pathlib import Path

from report_helpers import pdf_text

from casefile.report.context import ReportOptions
from casefile.report.pdf import build_report


def test_demo_photos_in_capture_order(demo_case, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(demo_case, out, ReportOptions(sections=("photos",)))
    text, _ = pdf_text(out)
    order = [n[:7] for n in re.findall(r"Photo\s+P\d+\s+(demo-\d\d-[\w-]+\.jpg)", text)]
    assert len(order) == 13
    known = ["demo-04", "demo-03", "demo-08", "demo-05", "demo-11", "demo-09"]
    assert [n for n in order if n in known] == known
    assert set(order[-2:]) == {"demo-02", "demo-10"}      # no capture time: last
