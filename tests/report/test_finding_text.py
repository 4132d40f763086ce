"""Finding inputs shown as labelled lines: times with basis and uncertainty, units, and every
exact value the engine used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from report_helpers import pdf_text

from casefile.report.context import ReportOptions
from casefile.report.finding_text import INDENT, input_rows, label, lines
from casefile.report.pdf import build_report

CLAIM_INPUTS: dict[str, Any] = {
    "claim": {"id": "C1", "window_utc": ["2019-03-23T04:00:00.000Z", "2019-03-24T03:59:59.000Z"],
              "window_start": {"raw": "2019-03-23T00:00:00", "utc": "2019-03-23T04:00:00.000Z",
                               "basis": "analyst", "uncertainty_s": 0.0, "local": None,
                               "zone": "America/Caracas"},
              "place": {"icao": "SVMI", "lat": 10.60312, "lon": -66.99059}},
    "matches": [{"leg_id": "L1", "event": "landing", "time_utc": "2019-03-23T16:05:00.000Z",
                 "distance_km": 0.0}],
    "unresolved_refs": [],
    "no_data_s": {"AIRCRAFT1": 19800},
    "near_km": 10.0,
}


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _leaves(v)]
    return [value]


def test_labels_read_as_words_with_units_in_the_values() -> None:
    assert label("window_utc") == "Time window (UTC)"      # the window's label, capitalised
    assert label("first_utc") == "First (UTC)"
    assert label("airport_icao") == "Airport"
    assert label("near_km") == "Counts as near within"
    rows = dict(input_rows(CLAIM_INPUTS))
    assert rows["Counts as near within"] == "10.0 km"
    assert rows["Time without track data"] == "AIRCRAFT1: 19800 s (5 h 30 min)"
    assert rows["Aircraft not found in the case"] == "none"
    claim = rows["Claim"].split("\n")
    assert "Time window (UTC): 2019-03-23T04:00:00.000Z to 2019-03-24T03:59:59.000Z" in claim
    assert ("From: 2019-03-23T04:00:00.000Z UTC; basis analyst; ± 0.0 s; as written "
            "“2019-03-23T00:00:00”; zone America/Caracas") in claim
    assert "Place:" in claim and f"{INDENT}Latitude: 10.60312" in claim
    assert rows["Matching flight events"].split("\n")[0] == "1. Leg id: L1"
    assert f"{INDENT}Distance: 0.0 km" in rows["Matching flight events"].split("\n")


def test_time_without_zone_is_never_shown_as_utc() -> None:
    tv = {"raw": "2019-03-24", "utc": None, "basis": "unknown", "uncertainty_s": 43200.0,
          "local": "2019-03-24T12:00:00", "zone": None,
          "window_utc": ["2019-03-23T10:00:00.000Z", "2019-03-25T12:00:00.000Z"]}
    (line,) = lines(tv, "published")
    assert line.startswith("UTC not known (zone unknown); basis unknown; ± 43200.0 s (12 h)")
    assert "could be 2019-03-23T10:00:00.000Z to 2019-03-25T12:00:00.000Z" in line
    assert "local 2019-03-24T12:00:00" in line


def test_every_exact_input_value_is_in_the_text() -> None:
    text = "\n".join(f"{k}\n{v}" for k, v in input_rows(CLAIM_INPUTS))
    for leaf in _leaves(CLAIM_INPUTS):
        if leaf is not None and not isinstance(leaf, bool):
            assert str(leaf) in text, leaf


def test_demo_report_findings_have_no_raw_key_value_dumps(demo_case, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(demo_case, out, ReportOptions(sections=("findings",)))
    text, _ = pdf_text(out)
    flat = " ".join(text.split())
    assert "How to read this report" in text and "undetermined:" in flat
    assert "notice: something unusual" in flat and "warning: the file" in flat
    assert "id=" not in text and "utc=" not in text and "basis=" not in text
    assert "Counts as near within" in flat and "basis exif-offset; ± 1.0 s" in flat


def test_demo_report_holds_every_exact_input_of_every_finding(demo_case, tmp_path: Path) -> None:
    from casefile.report.gather import findings

    out = tmp_path / "r.pdf"
    build_report(demo_case, out, ReportOptions(sections=("findings",)))
    text, _ = pdf_text(out)
    packed = "".join(text.split())          # lines wrap anywhere inside long values
    found = findings(demo_case)
    assert found and len(found) >= 20
    for f in found:
        assert f.id in packed
        for leaf in _leaves(f.inputs):
            if leaf is not None and not isinstance(leaf, bool):
                assert "".join(str(leaf).split()) in packed, (f.kind, leaf)


def test_a_finding_with_hundreds_of_inputs_lays_out(tmp_path: Path) -> None:
    """A long input (many matches) is cut into rows, so no single row is taller than a page."""
    from casefile.model.findings import Finding
    from casefile.report.pdf.doc import ReportDoc
    from casefile.report.pdf.render import story_flowables
    from casefile.report.pdf.styles import register_fonts
    from casefile.report.people import Names
    from casefile.report.sections.appendix import CHUNK_LINES, chunks, findings_detail
    from casefile.report.sections.body import Body

    matches = [{"leg_id": f"L{n}", "event": "landing", "time_utc": "2019-03-23T16:05:00.000Z",
                "airport_icao": "SVMI", "distance_km": float(n)} for n in range(300)]
    f = Finding(id="F1", kind="claim-flights", verdict="consistent", confidence=0.85,
                explanation="many legs", item_ids=("A",), inputs={"matches": matches},
                assumptions=())

    class Ctx:
        withheld = 0

        def shows(self, _ids: object) -> bool:
            return True

    register_fonts()
    body = Body(Ctx(), Names({"F1": "X1"}, {}), findings=[f])  # type: ignore[arg-type]
    story = story_flowables(findings_detail(body))
    doc = ReportDoc(str(tmp_path / "long.pdf"), title="t", author="", subject="", marking="TEST")
    assert doc.render(story) > 3
    text, _ = pdf_text(tmp_path / "long.pdf")
    assert "L299" in text and "Input: Matching flight events (continued)" in " ".join(text.split())
    assert all(len(c.split("\n")) <= CHUNK_LINES for c in chunks("\n".join(map(str, range(100)))))
