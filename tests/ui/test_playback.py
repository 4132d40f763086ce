"""Playback like a flight tracker's replay, on a real Flightradar24 track (SPAR19, 2 Aug 2022):
the slider spans the selected flight or a claim's window, plays at a chosen speed, and the
aircraft's marker moves along the track labelled with its callsign, altitude and speed."""

from __future__ import annotations

import pytest
from edithelp import fill, settle
from uihelp import wait_op

from casefile.timeutil import parse_z
from casefile.ui.forms.records import NO_SOURCE

TRACK = "flights/traffic/fr24-2ce4f83f.json"


@pytest.fixture
def spar(opened, qtbot, corpora):
    win = opened
    wait_op(qtbot, win.import_files([str(corpora / TRACK)]))
    settle(win, qtbot)
    with qtbot.waitSignal(win.viewLoaded, timeout=30000):
        win.show_view("map")
    return win


def test_the_slider_spans_the_selected_flight_and_plays_it_at_the_chosen_speed(spar, qtbot):
    from casefile.flights.query import tracks

    win = spar
    pane = win.map_pane
    (item,) = win.case.items()
    (track,) = tracks(win.case)
    win.select_item(item["id"])
    pane.span_box.setCurrentIndex(pane.span_box.findData("selection"))
    pane.span_box.activated.emit(pane.span_box.currentIndex())
    lo, hi = parse_z(track["first_utc"]).timestamp(), parse_z(track["last_utc"]).timestamp()
    assert pane.span == (lo, hi) and "selected flight" in pane.span_label.text()
    assert pane.slider.maximum() == int(hi - lo)                # one step a second
    pane.set_time(lo + 3 * 3600)                                # mid-flight, over the South China Sea
    first = dict(pane.view.positions)
    (aid,) = first
    labels = [it.text() for it in pane.view.position_items if hasattr(it, "text")]
    assert labels and labels[0].startswith("SPAR19") and " ft" in labels[0] and " kt" in labels[0]
    assert first[aid].alt_ft is not None and first[aid].alt_ft > 20000
    pane.speed.setCurrentIndex(pane.speed.findData(1000))
    start = pane.t
    pane.play_button.setChecked(True)
    qtbot.waitUntil(lambda: pane.t is not None and pane.t > start + 300, timeout=20000)
    pane.play_button.setChecked(False)
    moved = pane.view.positions[aid]
    assert (moved.lon, moved.lat) != (first[aid].lon, first[aid].lat)   # the marker moved on
    qtbot.waitUntil(lambda: not pane.pending, timeout=20000)
    assert "SPAR19" in pane.state.text() and "airborne" in pane.state.text()
    # the whole case again
    pane.span_box.setCurrentIndex(pane.span_box.findData("case"))
    pane.span_box.activated.emit(pane.span_box.currentIndex())
    assert pane.span == pane.case_span


def test_the_slider_spans_a_claims_window(spar, qtbot):
    from casefile.analyst.query import list_claims

    win = spar
    assert fill(win, qtbot, "add-claim", None, {"text": "SPAR19 landed at Songshan that evening",
                                                 "start": "2022-08-02 22:00", "end": "2022-08-02 23:00",
                                                 "tz": "Asia/Taipei", "sources": NO_SOURCE})
    (claim,) = list_claims(win.case)
    win.show_view("map")
    win.select_item(claim.id)
    win.map_pane.span_box.setCurrentIndex(win.map_pane.span_box.findData("selection"))
    win.set_slider_span("selection")
    lo, hi = win.map_pane.span
    # times typed to the minute stand for that minute (±30 s, docs/shapes.md §2)
    assert lo == parse_z("2022-08-02T13:59:30Z").timestamp()
    assert hi == parse_z("2022-08-02T15:00:30Z").timestamp()


def test_tracks_colour_by_altitude_and_the_state_list_never_squeezes_the_map(spar, qtbot):
    win = spar
    win.resize(1400, 860)
    pane = win.map_pane
    plain = {it.pen().color().name() for it in pane.view.track_items if hasattr(it, "path")}
    pane.altitude_box.setChecked(True)
    banded = {it.pen().color().name() for it in pane.view.track_items if hasattr(it, "path")}
    assert len(banded) >= 4 > len(plain)          # climb, cruise and descent in their own colours
    assert "altitude:" in pane.view.legend.text()
    qtbot.waitUntil(lambda: not pane.pending, timeout=20000)
    height = pane.view.height()
    pane.state.setText("<br>".join(f"aircraft {i}: airborne" for i in range(56)))   # dozens of files
    qtbot.waitUntil(lambda: pane.state_scroll.verticalScrollBar().maximum() > 0, timeout=5000)  # it scrolls
    assert pane.state_scroll.height() <= 96 and pane.view.height() >= height - 5


def test_runways_are_drawn_at_airport_zoom(spar, qtbot):
    from PySide6.QtCore import QRectF

    win = spar
    win.resize(1400, 860)
    layer = win.map.runways
    assert layer.items == []                                  # the whole flight: no runways
    qtbot.wait(700)
    assert layer.lines == []
    # zoomed in to Taipei Songshan, where SPAR19 landed
    win.map.fitInView(QRectF(121.52, -25.09, 0.07, 0.04))
    qtbot.waitUntil(lambda: bool(layer.lines), timeout=60000)
    rcss = [r for r in layer.lines if r.field == "RCSS"]
    assert len(rcss) == 1 and {rcss[0].ends[0][0], rcss[0].ends[1][0]} == {"10", "28"}
    labels = {it.text() for it in layer.items if hasattr(it, "text")}
    assert {"10", "28"} <= labels


def test_a_legend_of_dozens_of_aircraft_names_a_few_and_counts_the_rest(qtbot):
    from casefile.ui.views.mapdata import MapData
    from casefile.ui.views.mapview import LEGEND_AIRCRAFT, MapView

    data = MapData()
    for i in range(56):                                    # a case with 56 flight files
        aid = f"a{i:02d}"
        data.stretches[aid] = [[(1.6e9 + k, 10.0 + i * 0.1 + k * 0.01, 50.0, 3e4, 400.0) for k in range(3)]]
        data.labels[aid] = f"CALL{i:02d} · reg{i:02d}"
    view = MapView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.show_data(data)
    text = view.legend.text()
    assert text.count("━━") == LEGEND_AIRCRAFT and f"and {56 - LEGEND_AIRCRAFT} more aircraft" in text
    assert view.legend.height() < view.height() / 2


def test_the_slider_spans_a_range_typed_by_the_analyst(spar, qtbot):
    from casefile.ui.forms.dialog import FormDialog

    win = spar
    pane = win.map_pane
    pane.span_box.setCurrentIndex(pane.span_box.findData("range"))
    pane.span_box.activated.emit(pane.span_box.currentIndex())
    dlg = [d for d in win.findChildren(FormDialog) if d.windowTitle() == "Time slider range"][-1]
    dlg.set_value("start", "2022-08-02 20:00")
    dlg.set_value("end", "2022-08-02 23:00")
    dlg.set_value("tz", "Asia/Taipei")
    dlg._accept()
    lo, hi = pane.span
    # a time typed to the minute stands for that minute (±30 s): the span covers both whole minutes
    assert lo == parse_z("2022-08-02T12:00:00Z").timestamp() - 30
    assert hi == parse_z("2022-08-02T15:00:00Z").timestamp() + 30
    assert "chosen range" in pane.span_label.text()
