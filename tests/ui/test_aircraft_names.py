"""The callsign an aircraft flew as (SPAR19) is shown wherever the aircraft is: the map legend, the
Flights table, the Details panel and the report; aircraft seen in tracks are listed among entities."""

from __future__ import annotations

from edithelp import settle
from uihelp import wait_op

TRACK = "flights/traffic/fr24-2ce4f83f.json"


def test_callsigns_wherever_the_aircraft_is_shown(opened, qtbot, corpora, tmp_path):
    from pypdf import PdfReader

    from casefile.report.exports import write_report

    win = opened
    wait_op(qtbot, win.import_files([str(corpora / TRACK)]))
    settle(win, qtbot)
    with qtbot.waitSignal(win.viewLoaded, timeout=30000):
        win.show_view("map")
    (label,) = win.map.data.labels.values()
    assert label.startswith("SPAR19") and "09-0540" in label
    assert "SPAR19" in win.map.legend.text()
    win.show_view("flights")
    model = win.records.model
    cols = [c.header for c in model.columns]
    assert model.texts(0)[cols.index("Callsign / flight")] == "SPAR19"
    (item,) = win.case.items()
    win.select_item(item["id"])
    page = win.details.browser.toPlainText()
    assert "SPAR19 · 09-0540" in page and "Stated by the file" in page and "WMSA → RCSS" in page
    # the aircraft is listed among the entities, derived from the track and marked so
    win.show_view("entities")
    rows = win.records.model.rows
    cols = [c.header for c in win.records.model.columns]
    (seen,) = rows
    origin = win.records.model.texts(0)[cols.index("Origin")]
    assert seen.ref == "09-0540" and "SPAR19" in seen.aliases and origin.startswith("seen in the tracks")
    win.select_item(seen.id)
    assert "Adopt as an entity" in win.details.browser.toPlainText()
    out = tmp_path / "r.pdf"
    write_report(win.case, out)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "SPAR19" in text and "Callsigns / flights" in text
