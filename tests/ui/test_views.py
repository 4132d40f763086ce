"""Map and timeline show what the parts report; search, context menu, settings, screenshots."""

from __future__ import annotations

import json

import pytest
from uihelp import GPS_PHOTOS, TRACE, wait_op

from casefile.photos.query import get_photo, list_photos
from casefile.ui.views.tablemodel import ITEM_ID_ROLE
from casefile.xref.query import findings, run_xref


@pytest.fixture
def with_data(opened, qtbot, corpora):
    files = [corpora / GPS_PHOTOS / "DSCN0010.jpg", corpora / GPS_PHOTOS / "DSCN0040.jpg", corpora / TRACE]
    op = wait_op(qtbot, opened.import_files([str(p) for p in files]))
    assert op.changes.result.count("imported") == 3
    return opened


def _trace_extent(corpora):
    data = json.loads((corpora / TRACE).read_text())
    pts = [(p[2], p[1]) for p in data["trace"] if p[1] is not None and p[2] is not None]
    return min(p[0] for p in pts), max(p[0] for p in pts), min(p[1] for p in pts), max(p[1] for p in pts)


def test_map_shows_the_imported_track_and_photo_positions(with_data, qtbot, corpora):
    from casefile.ui.views import mapview

    win = with_data
    data = mapview.gather(win.case)
    assert len(data.tracks) == 1
    (pts,) = data.tracks.values()
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    w, e, s, n = _trace_extent(corpora)
    assert (min(lons), max(lons), min(lats), max(lats)) == pytest.approx((w, e, s, n), abs=1e-6)
    photos = {it["original_name"]: it["id"] for it in win.case.items() if it["kind"] == "photo"}
    for name, item_id in photos.items():
        gps = get_photo(win.case, item_id).gps
        assert (data.photos[item_id].lon, data.photos[item_id].lat) == pytest.approx((gps.lon, gps.lat))
        assert data.photos[item_id].name.endswith(name)                  # named, with its reference
        assert 42 < gps.lat < 45 and 10 < gps.lon < 12.5, name          # Tuscany
    with qtbot.waitSignal(win.viewLoaded, timeout=20000):          # read off the UI thread
        win.show_view("map")
    assert win.map.isVisible() and win.map.data.tracks.keys() == data.tracks.keys()
    # a track is split at its coverage gaps, never drawn straight across them
    gaps = [g for gs in win.map.data.gaps.values() for g in gs]
    assert len(gaps) == sum(len(ss) - 1 for ss in win.map.data.stretches.values())
    item_id = photos["DSCN0010.jpg"]
    assert win.map.select_item(item_id) and win.map._highlight is not None
    # clicking the marker selects the photo everywhere
    win.select_item(photos["DSCN0040.jpg"])
    m = win.map.markers[item_id]
    from PySide6.QtCore import QRectF
    win.map.fitInView(QRectF(m.pos().x() - 0.002, m.pos().y() - 0.002, 0.004, 0.004))   # zoom to street level
    with qtbot.waitSignal(win.selectionChanged, timeout=2000) as sig:
        from PySide6.QtCore import Qt
        qtbot.mouseClick(win.map.viewport(), Qt.MouseButton.LeftButton, pos=win.map.mapFromScene(m.pos()))
    assert sig.args == [item_id]
    assert "DSCN0010.jpg" in win.provenance.browser.toPlainText()


def test_timeline_places_photos_at_their_capture_time(with_data, qtbot):
    from casefile.timeutil import parse_z
    from casefile.ui.views import timeline

    win = with_data
    events = timeline.gather(win.case)
    infos = list_photos(win.case)
    assert any(info.capture is not None and info.capture.utc for info in infos)
    for info in infos:
        if info.capture is None or not info.capture.utc:
            continue
        mine = [e for e in events if e.lane == "photos" and info.item_id in e.item_ids]
        assert mine and mine[0].time == parse_z(info.capture.utc)
    with qtbot.waitSignal(win.viewLoaded, timeout=20000):
        win.show_view("timeline")
    view = win.timeline
    assert len(view.events) == len(events)
    photo_ev = next(e for e in view.events if e.lane == "photos")
    view.repaint()
    rect = next(r for r, e in view._hit if e is photo_ev)
    from PySide6.QtCore import Qt
    with qtbot.waitSignal(view.itemSelected, timeout=2000) as sig:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert sig.args == [photo_ev.item_ids[0]]
    span = view.span_s
    view.zoom(2.0)
    assert view.span_s == pytest.approx(span / 2)


def test_search_finds_notes_and_names(with_data, qtbot):
    win = with_data
    item = next(it for it in win.case.items() if it["original_name"] == "DSCN0040.jpg")
    win.edit_item(item["id"], "notes", "runway behind the hangar", "Edit note")
    qtbot.waitUntil(lambda: win.edits.idle, timeout=60000)
    win.search_box.setText("hangar")
    win.search_box.returnPressed.emit()
    assert win.current_view == "search"
    ids = [win.records.model.item_id(r) for r in range(win.records.model.rowCount())]
    assert item["id"] in ids
    win.search("DSCN0010")
    names = [win.records.model.rows[r].text for r in range(win.records.model.rowCount())]
    assert any("DSCN0010.jpg" in n for n in names) and not any("DSCN0040" in n for n in names)


def test_context_menu_copies_the_hash(with_data, qtbot):
    from PySide6.QtWidgets import QApplication

    from casefile.ui.window.contextmenu import item_menu

    win = with_data
    item = win.case.items()[0]
    menu = item_menu(win, item["id"])
    acts = {a.text(): a for a in menu.actions() if a.text()}
    assert {"Reveal in folder", "Copy SHA-256", "Add or edit note…", "Sensitive", "Tag…",
            "Link to claim…"} <= set(acts)
    acts["Copy SHA-256"].trigger()
    assert QApplication.clipboard().text() == item["sha256"]


def test_ela_view_shows_the_derived_image(with_data, qtbot):
    win = with_data
    item = next(it for it in win.case.items() if it["original_name"] == "DSCN0010.jpg")
    win.select_item(item["id"])
    assert win.metadata.ela_button.isEnabled()
    win.metadata.ela_button.click()
    qtbot.waitUntil(lambda: win.metadata.ela_label.pixmap() is not None
                    and not win.metadata.ela_label.pixmap().isNull(), timeout=30000)
    assert win.case.derived(item["id"], "ela") is not None


def test_every_view_fills_in_without_a_note(with_data, qtbot):
    win = with_data
    for key in ("all", "sources", "claims", "flights", "entities", "findings", "ledger"):
        win.show_view(key)
        assert win.stack.currentWidget() is win.records and win.records.table.isVisible(), key
        assert not win.records.note.isVisible(), key                  # a table, not a message
    win.show_view("photos")
    assert win.photos.isVisible() and win.photos.grid_model.rowCount() == 2
    win.show_view("flights")
    assert win.records.model.rowCount() >= 1                          # the trace's legs
    for key in ("map", "timeline"):
        with qtbot.waitSignal(win.viewLoaded, timeout=20000):
            win.show_view(key)
    assert win.map.data.tracks and win.map.data.photos
    assert set(win.map.data.track_items.values()) <= {it["id"] for it in win.case.items()}
    assert win.map.data.track_items                                  # a track leads to its file
    photo = next(it for it in win.case.items() if it["mime"] == "image/jpeg")
    win.select_item(photo["id"])
    assert win.metadata.tags_note.text().endswith("tags as found in the file.")
    assert photo["sha256"] in win.provenance.browser.toPlainText()


def test_recent_cases_and_layout_are_remembered(opened, qtbot, tmp_path):
    from casefile.ui.window.main import MainWindow

    path = str(opened.case.path)
    opened.resize(700, 600)
    assert opened.size().width() == 700
    size = opened.size()
    opened.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert [a.text() for a in again.recent_menu.actions()][0] == path
    assert again.size() == size and size.width() == 700
    again.close()


def test_settings_dialog_saves_investigator_and_thumbnail_size(win, qtbot):
    from casefile import settings
    from casefile.ui.window.dialogs import SettingsDialog

    dlg = SettingsDialog(win, win.qs)
    qtbot.addWidget(dlg)
    dlg.investigator.setText("A. Analyst")
    dlg.thumb.setValue(128)
    dlg.tz.setText("Europe/Berlin")
    dlg._accept()
    assert settings.load()["investigator"] == "A. Analyst"
    assert int(win.qs.value("thumbnail_size")) == 128 and win.qs.value("default_tz") == "Europe/Berlin"


def test_screenshot_mode_writes_a_png(with_data, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from casefile.ui.app import run

    path = with_data.case.path
    with_data.close_case()                                     # release the case lock
    out = tmp_path / "shot.png"
    assert run(str(path), screenshot=str(out)) == 0
    img = QImage(str(out))
    assert not img.isNull() and img.width() > 600 and img.height() > 400


def test_local_time_display_names_the_zone(opened, qtbot):
    from casefile.present.times import TimeDisplay

    td = TimeDisplay()
    assert td.fmt("2019-03-23T19:20:00.000Z") == "2019-03-23 19:20:00 UTC"
    td.local, td.zone_name = True, "America/Caracas"
    assert td.fmt("2019-03-23T19:20:00.000Z") == "2019-03-23 15:20:00 America/Caracas"
    opened.act_local_time.setChecked(True)
    assert opened.td.local


def test_export_report_writes_the_pdf(with_data, qtbot, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "case-report.pdf"
    op = wait_op(qtbot, with_data.export_report(str(out)), timeout=120000)
    assert op.error is None, op.error
    assert out.read_bytes()[:5] == b"%PDF-"
    text = "".join(page.extract_text() or "" for page in PdfReader(str(out)).pages)
    assert "UI test case" in text


def test_dropping_a_case_folder_opens_it(win, qtbot, tmp_path):
    from casefile.store import Case

    Case.create(tmp_path / "dropped", "Dropped case").close()
    win.handle_drop([str(tmp_path / "dropped.casefile")])
    assert win.case is not None and win.case.title == "Dropped case"


def test_controls_have_accessible_names_and_standard_shortcuts(win):
    from PySide6.QtGui import QKeySequence

    for w in (win.navigator, win.records.table, win.records.filter, win.photos, win.map, win.timeline,
              win.search_box, win.cancel_button, win.progress, win.provenance, win.metadata, win.xref,
              win.provenance.verify_button, win.metadata.tag_filter, win.metadata.ela_button):
        assert w.accessibleName(), w
    assert win.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert win.act_redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert win.act_find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert win.act_open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    menus = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert menus == ["File", "Edit", "Records", "View", "Help"]
    file_items = {a.text().replace("&", "").rstrip("…") for a in win.menuBar().actions()[0].menu().actions()}
    assert {"New Case", "Open Case", "Open Recent", "Import Files", "Export", "Bundle the Case",
            "Verify Integrity", "Verify a Bundle", "Open a Bundle", "Quit"} <= file_items
    export = next(a.menu() for a in win.menuBar().actions()[0].menu().actions() if a.text() == "E&xport")
    assert [a.text().replace("&", "") for a in export.actions()] == [
        "Report (PDF)…", "Report (DOCX)…", "KML (Google Earth)…", "GeoJSON…", "CSV (evidence items)…",
        "JSON (evidence items)…"]
    assert win.act_quit.shortcut() == QKeySequence("Ctrl+Q")


def test_a_linked_item_in_a_finding_is_one_click_away(opened, qtbot, corpora, tmp_path):
    from PIL import Image
    from PySide6.QtCore import QUrl

    win = opened
    src = corpora / GPS_PHOTOS / "DSCN0010.jpg"
    with Image.open(src) as im:                      # the same picture, re-posted at lower quality
        im.save(tmp_path / "repost.jpg", quality=70, exif=im.info.get("exif"))
    wait_op(qtbot, win.import_files([str(src), str(tmp_path / "repost.jpg")]))
    items = {it["original_name"]: it for it in win.case.items()}
    original, repost = items["DSCN0010.jpg"], items["repost.jpg"]
    run_xref(win.case)
    linked = [fd for fd in findings(win.case, original["id"]) if repost["id"] in fd.item_ids]
    assert linked and linked[0].kind == "photo-duplicates"
    win.show_view("photos")
    win.select_item(original["id"])
    assert f"item:{repost['id']}" in win.xref.browser.toHtml()
    assert linked[0].explanation[:40] in win.xref.browser.toPlainText()
    win.xref.browser.anchorClicked.emit(QUrl(f"item:{repost['id']}"))        # what a click emits
    assert win.selected == repost["id"]
    assert win.current_view == "photos"
    assert win.photos.currentIndex().data(ITEM_ID_ROLE) == repost["id"]
    assert repost["sha256"] in win.provenance.browser.toPlainText()
    # an item the current view cannot show brings up All evidence
    win.show_view("claims")                                  # no claims list this photo
    win.reveal_item(repost["id"])
    assert win.current_view == "all"
    assert win.records.proxy.data(win.records.table.currentIndex().siblingAtColumn(1)) == "repost.jpg"


def test_timeline_draws_uncertainty_as_a_bar(qtbot):
    from datetime import UTC, datetime, timedelta

    from PySide6.QtGui import QColor

    from casefile.ui.views.timeline import LANE_COLORS, LANES, Event, TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    t = datetime(2019, 3, 23, 19, 20, tzinfo=UTC)
    sure = Event(t, 0, "photos", "exact", ("a",))
    vague = Event(t + timedelta(hours=6), 3600, "claims", "± 1 h", ("b",))
    view.set_events([sure, vague])
    img = view.grab().toImage()
    base = img.pixelColor(int(view.x_of(vague.time + timedelta(minutes=30))),
                          int(view._lane_rect(LANES.index("photos")).center().y()))
    y = int(view._lane_rect(LANES.index("claims")).center().y())
    inside = img.pixelColor(int(view.x_of(vague.time + timedelta(minutes=40))), y)
    outside = img.pixelColor(int(view.x_of(vague.time + timedelta(minutes=80))), y)
    lane = QColor(LANE_COLORS["claims"])
    assert inside != outside                                     # the bar ends at ± 1 h
    assert inside.green() > inside.red() and inside != base      # tinted with the claims colour
    assert lane.green() > lane.red()
    y_photo = int(view._lane_rect(LANES.index("photos")).center().y())
    beside = img.pixelColor(int(view.x_of(t + timedelta(minutes=40))), y_photo)
    assert beside == img.pixelColor(int(view.x_of(t + timedelta(minutes=80))), y_photo)   # no bar


def test_map_follows_a_dark_palette(qtbot):
    from PySide6.QtGui import QColor, QPalette

    from casefile.ui.views.mapview import MapData, MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show_data(MapData())
    light = view.backgroundBrush().color().lightness()
    pal = view.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    view.setPalette(pal)
    assert view.backgroundBrush().color().lightness() < light
    assert len(view._base_items) == 2 and all(it.scene() is view.scene() for it in view._base_items)
