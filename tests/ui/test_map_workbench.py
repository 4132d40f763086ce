"""The map of the demo case: names, colours, gaps as gaps, zoom to data and selection, a clicked
track point's time/altitude/speed, the time slider (each aircraft's state, photos taken then),
right-click to place a photo; the window never stalls while the slider plays."""

from __future__ import annotations

from pathlib import Path

import pytest
from edithelp import settle

from casefile.flights.query import aircraft_colors, gaps, list_aircraft
from casefile.photos.query import get_photo
from casefile.timeutil import parse_z


@pytest.fixture(scope="module")
def demo_case(tmp_path_factory) -> Path:
    from casefile.demo.builder import build_demo

    return build_demo(tmp_path_factory.mktemp("demo"), say=lambda *a, **k: None).case_path


@pytest.fixture
def demo_map(win, demo_case, qtbot):
    assert win.open_case(demo_case)
    with qtbot.waitSignal(win.viewLoaded, timeout=30000):
        win.show_view("map")
    return win


def _item(win, name: str) -> str:
    return next(it["id"] for it in win.case.items() if it["original_name"] == name)


def test_tracks_are_named_coloured_and_broken_at_gaps(demo_map):
    win = demo_map
    data = win.map.data
    fleet = {a.id: a for a in list_aircraft(win.case)}
    assert set(data.stretches) <= set(fleet)
    for aid, label in data.labels.items():
        assert not label.startswith("track ") and fleet[aid].icao24 in label  # "15d3b7 A124"
        assert data.colors[aid] == aircraft_colors(win.case)[aid]  # same as the PDF
    assert len(set(data.colors.values())) == len(data.colors)
    # the demo's Atlantic coverage gap is drawn as a gap: its two ends are in different stretches
    atlantic = max(gaps(win.case), key=lambda g: g.seconds)
    drawn = [(a, b) for gs in data.gaps.values() for a, b in gs]
    assert any(a[0] == atlantic.before.t and b[0] == atlantic.after.t for a, b in drawn)
    legend = win.map.legend.text()
    assert "coverage gap" in legend and all(lab in legend for lab in data.labels.values())


def test_zoom_to_data_and_to_a_selected_photo(demo_map, qtbot):
    win = demo_map
    win.map_pane.resize(900, 600)
    whole = win.map.mapToScene(win.map.viewport().rect()).boundingRect()
    photo = _item(win, "demo-03-an124-time-airborne.jpg")
    win.select_item(photo)
    assert win.map.zoom_to_selection()
    near = win.map.mapToScene(win.map.viewport().rect()).boundingRect()
    assert near.width() < whole.width() / 20  # from the Atlantic to one airport
    ph = win.map.data.photos[photo]
    assert near.contains(ph.lon, -ph.lat)
    win.map_pane.fit_button.click()
    again = win.map.mapToScene(win.map.viewport().rect()).boundingRect()
    assert again.width() == pytest.approx(whole.width(), rel=0.05)


def test_a_clicked_track_point_says_time_altitude_and_speed(demo_map):
    from PySide6.QtCore import QPointF

    win = demo_map
    aid, stretches = next(iter(win.map.data.stretches.items()))
    p = max((p for s in stretches for p in s), key=lambda p: p[3] or 0)  # cruising
    text = win.map.point_info(aid, QPointF(p[1], -p[2]))
    assert f"{p[3]:,.0f} ft" in text and f"{p[4]:.0f} kt" in text
    assert text.startswith(win.map.data.labels[aid])


def test_the_slider_shows_each_aircraft_and_the_photos_taken_then(demo_map, qtbot):
    win = demo_map
    pane = win.map_pane
    photo = _item(win, "demo-03-an124-time-airborne.jpg")
    taken = parse_z(get_photo(win.case, photo).capture.utc).timestamp()
    pane.set_time(taken)
    qtbot.waitUntil(lambda: not pane.pending and pane.view.moment is not None, timeout=20000)
    m = pane.view.moment
    assert abs(m.t - taken) < (pane.span[1] - pane.span[0]) / 1000 + 1
    assert photo in m.photos  # ringed on the map
    assert set(m.states) == set(win.map.data.stretches)
    text = pane.state.text()
    assert all(win.map.data.labels[a] in text for a in m.states)
    thumb = win.map.data.photos[photo].thumb
    assert thumb and f"<img src='{thumb}'" in text      # the photo itself, not only its name
    # before the first record every aircraft is "unknown", never placed
    pane.slider.setValue(0)
    qtbot.waitUntil(lambda: not pane.pending and pane.view.moment.t == pane.t_of(0), timeout=20000)
    assert all(w.status in ("unknown", "ground", "airborne") for w in pane.view.moment.states.values())
    # a moment inside the Atlantic gap: the aircraft's whereabouts are unknown, not interpolated
    atlantic = max(gaps(win.case), key=lambda g: g.seconds)
    pane.set_time((atlantic.before.t + atlantic.after.t) / 2)
    qtbot.waitUntil(
        lambda: (
            not pane.pending
            and abs(pane.view.moment.t - (atlantic.before.t + atlantic.after.t) / 2)
            < (pane.span[1] - pane.span[0]) / 1000 + 1
        ),
        timeout=20000,
    )
    w = pane.view.moment.states[atlantic.aircraft_id]
    assert w.status == "unknown" and w.lat is None
    assert "unknown" in pane.view.moment.notes[atlantic.aircraft_id]


def test_the_slider_plays_and_the_map_follows_it(demo_map, qtbot):
    """Playing moves the moment forward and the map shows each aircraft's state then (how long
    the event loop may stall is measured in benchmarks/gui.py, not asserted here)."""
    pane = demo_map.map_pane
    pane.slider.setValue(0)
    pane.play_button.setChecked(True)
    qtbot.waitUntil(lambda: pane.slider.value() >= 300, timeout=60000)
    pane.play_button.setChecked(False)
    qtbot.waitUntil(lambda: not pane.pending, timeout=20000)
    m = pane.view.moment
    assert m is not None and abs(m.t - pane.t_of(pane.slider.value())) < 1
    assert set(m.states) == set(pane.view.data.stretches)


def test_right_click_on_the_map_places_the_selected_photo(demo_map, qtbot):
    from PySide6.QtCore import Qt

    win = demo_map
    photo = _item(win, "demo-03-an124-time-airborne.jpg")
    win.select_item(photo)
    win.map_pane.resize(900, 600)
    pos = win.map.viewport().rect().center()
    scene = win.map.mapToScene(pos)
    qtbot.mouseClick(win.map.viewport(), Qt.MouseButton.RightButton, pos=pos)
    from casefile.ui.forms.dialog import FormDialog

    form = next(d for d in win.findChildren(FormDialog) if d.isVisible())
    vals = form.values()
    assert float(vals["lat"]) == pytest.approx(-scene.y(), abs=1e-5)
    assert float(vals["lon"]) == pytest.approx(scene.x(), abs=1e-5)
    form.set_value("note", "where the apron is")
    form._accept()
    settle(win, qtbot)
    info = get_photo(win.case, photo)
    assert info.gps.lat == pytest.approx(-scene.y(), abs=1e-5)
    assert info.analyst_place_note == "where the apron is"


def test_continents_are_land_at_every_zoom(qtbot):
    """Afro-Eurasia's outline starts at Chukotka (-180°): it must not be drawn a world to the west."""
    from PySide6.QtCore import QPointF, QRectF, Qt

    from casefile.ui.views.mapdata import MapData
    from casefile.ui.views.mapview import MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    view.show_data(MapData())
    view._auto_fit = False
    sea = view.backgroundBrush().color().name()

    def color(img, lon: float, lat: float) -> str:
        p = view.mapFromScene(QPointF(lon, -lat))
        return img.pixelColor(p.x(), p.y()).name()

    for width in (360, 80, 10):
        box = QRectF(30 - width / 2, -27 - width / 2, width, width)
        view.fitInView(box, Qt.AspectRatioMode.KeepAspectRatio)
        img = view.grab().toImage()
        assert color(img, 30, 27) != sea, width                        # Egypt is land
        if width >= 80:
            assert color(img, 35, 34) == sea                           # the Mediterranean is sea


def test_clicking_a_gap_shades_where_the_aircraft_can_have_been(demo_map, qtbot):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    win = demo_map
    win.map_pane.resize(900, 600)
    win.map.fit()
    aid, (a, b) = max(((aid, g) for aid, gs in win.map.data.gaps.items() for g in gs),
                      key=lambda x: x[1][1][0] - x[1][0][0])         # the Atlantic gap
    mid = win.map.mapFromScene(QPointF((a[1] + b[1]) / 2, -(a[2] + b[2]) / 2))
    QTest.mouseClick(win.map.viewport(), Qt.MouseButton.LeftButton, pos=mid)
    settle(win, qtbot)
    [area] = win.map.gap_area.items
    shape = area.polygon()
    for p in (a, b):                  # both ends of the gap lie inside the area it shades
        assert shape.containsPoint(QPointF(p[1], -p[2]), Qt.FillRule.OddEvenFill)
    text = win.map_pane.info.text()
    assert win.map.data.labels[aid] in text and "reachable, not shown" in text and "kt" in text
    # clicking elsewhere clears it
    QTest.mouseClick(win.map.viewport(), Qt.MouseButton.LeftButton, pos=mid + mid / 3)
    settle(win, qtbot)
    assert win.map.gap_area.items == []
