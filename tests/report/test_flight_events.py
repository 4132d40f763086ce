"""The report's flight section and the window's map show low approaches, go-arounds and spoofed
stretches as such (issue 25, item 7), on VOR05's calibration flight at Funchal (real file)."""

from __future__ import annotations

from pathlib import Path

from report_helpers import pdf_text

from casefile.report.context import ReportOptions
from casefile.report.pdf import build_report
from tests.flights.helpers import import_one


def test_low_passes_are_listed_in_the_report_and_gathered_for_the_map(corpora, fresh_case,
                                                                    tmp_path: Path) -> None:
    from casefile.ui.views.mapdata import gather

    import_one(fresh_case, corpora / "flights/traffic/calibration-funchal.json.gz")
    out = tmp_path / "f.pdf"
    build_report(fresh_case, out, ReportOptions(sections=("flights",)))
    text = " ".join(" ".join(pdf_text(out)[1]).split())
    assert "Low passes and spoofed positions" in text
    assert text.count("low approach") >= 2 and "go-around" in text
    data = gather(fresh_case)
    [(aid, evs)] = data.events.items()
    assert [k for _, _, k, _ in evs] == ["go-around", "low-approach", "low-approach"]
