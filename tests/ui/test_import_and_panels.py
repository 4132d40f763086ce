"""Creating a case, importing real photos and a real trace through the window, and the three panels."""

from __future__ import annotations

from pathlib import Path

from uihelp import GPS_PHOTOS, TRACE, wait_op

from casefile.importers import registry
from casefile.importers.sniff import sniff_mime
from casefile.photos.query import photo_checks, raw_tags
from casefile.store import verify_case


def _expected_kind(path: Path) -> str:
    head = path.read_bytes()[:8192]
    return registry.choose(path, head, sniff_mime(head)).importer.kind


def test_create_case_then_import_photos_and_trace(win, qtbot, corpora, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from casefile.ui.window.dialogs import NewCaseDialog

    # File > New Case: fill the dialog as a user would
    win.act_new.trigger()
    dlg = win.findChild(NewCaseDialog)
    assert dlg is not None and dlg.isVisible()
    dlg.title.setText("UI test case")
    dlg.folder.setText(str(tmp_path))
    dlg.name.setText("ui")
    dlg.tz.setText("America/Caracas")
    dlg._accept()
    assert win.case is not None and win.case.title == "UI test case"
    assert win.case.path == tmp_path / "ui.casefile" and win.case.default_tz == "America/Caracas"
    assert win.windowTitle().startswith("UI test case")
    files = sorted((corpora / GPS_PHOTOS).glob("*.jpg")) + [corpora / TRACE]
    # File > Import Files…: the file dialog answers with the chosen files
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in files], ""))
    with qtbot.waitSignal(win.ops.started, timeout=5000) as started:
        win.act_import.trigger()
    op = wait_op(qtbot, started.args[0])
    assert op.error is None, op.error
    report = op.changes.result
    assert report.count("imported") == len(files), [o.message for o in report.outcomes]
    by_path = {Path(o.path).name: o for o in report.outcomes}
    items = {it["id"]: it for it in win.case.items()}
    assert len(items) == len(files)
    for p in files:
        outcome = by_path[p.name]
        item = items[outcome.item_id]
        assert item["original_name"] == p.name
        assert item["kind"] == _expected_kind(p)          # content decided the kind
        assert item["size"] == p.stat().st_size
    # the window shows what was imported
    assert win.current_view == "all"
    assert win.records.proxy.rowCount() == len(files)
    assert f"{len(files)} items" in win.status_counts.text()
    assert win.messages == []                                # no error dialogs
    assert verify_case(win.case, record=False).ok


def test_selecting_a_photo_updates_all_three_panels(opened, qtbot, corpora):
    win = opened
    photo = corpora / GPS_PHOTOS / "DSCN0010.jpg"
    wait_op(qtbot, win.import_files([str(photo), str(corpora / TRACE)]))
    item = next(it for it in win.case.items() if it["original_name"] == "DSCN0010.jpg")
    before = (win.provenance.browser.toPlainText(), win.metadata.title.text(),
              win.xref.browser.toPlainText())
    win.show_view("photos")
    assert win.photos.grid_model.rowCount() == 1
    win.photos.setCurrentIndex(win.photos.grid_model.index(0))       # a click in the grid
    assert win.selected == item["id"]
    prov = win.provenance.browser.toPlainText()
    assert item["sha256"] in prov and item["md5"] in prov
    assert str(photo.resolve()) in prov.replace("\n", "")              # acquired from where
    assert "imported" in prov and "acquired" in prov                   # custody events
    assert "DSCN0010.jpg" in win.metadata.title.text()
    qtbot.waitUntil(lambda: win.metadata.image_label.pixmap() is not None
                    and not win.metadata.image_label.pixmap().isNull(), timeout=10000)
    shown = win.metadata.checks.toPlainText()
    for check in photo_checks(win.case, item["id"]):
        assert check.title in shown
    assert win.metadata.tags_model.rowCount() == len(raw_tags(win.case, item["id"])) > 10
    win.metadata.tag_filter.setText("GPSLatitude")
    assert 0 < win.metadata.tags_proxy.rowCount() < len(win.metadata.tags_model.records)   # all tags
    xref = win.xref.browser.toPlainText()
    assert xref and xref != before[2]
    assert before[0] != prov
    # the other views follow the selection
    win.show_view("all")
    current = win.records.table.currentIndex()
    assert current.isValid() and win.records.proxy.data(current.siblingAtColumn(1)) == "DSCN0010.jpg"


def test_table_filter_and_sort(opened, qtbot, corpora):
    from PySide6.QtCore import Qt

    win = opened
    files = sorted((corpora / GPS_PHOTOS).glob("*.jpg"))[:4]
    wait_op(qtbot, win.import_files([str(p) for p in files]))
    proxy = win.records.proxy
    assert proxy.rowCount() == 4
    win.records.filter.setText(files[2].stem.lower())        # case-insensitive
    assert proxy.rowCount() == 1
    assert proxy.index(0, 1).data() == files[2].name         # the name, beside its reference
    assert proxy.index(0, 0).data().startswith("P")
    win.records.filter.clear()
    size_col = [c.header for c in win.records.model.columns].index("Size")
    win.records.table.sortByColumn(size_col, Qt.SortOrder.DescendingOrder)  # by bytes, not text
    sizes = [win.records.model.rows[proxy.mapToSource(proxy.index(r, 0)).row()]["size"]
             for r in range(proxy.rowCount())]
    assert sizes == sorted(sizes, reverse=True)


def test_drop_files_imports_them(opened, qtbot, corpora):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    win = opened
    photo = corpora / GPS_PHOTOS / "DSCN0012.jpg"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    qtbot.waitUntil(lambda: not win.ops.busy and len(win.case.items()) == 1, timeout=30000)
    assert win.case.items()[0]["sha256"] and win.case.items()[0]["original_name"] == "DSCN0012.jpg"


def test_bad_file_error_is_shown_and_batch_goes_on(opened, qtbot, corpora, tmp_path):
    win = opened
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    good = corpora / GPS_PHOTOS / "DSCN0021.jpg"
    op = wait_op(qtbot, win.import_files([str(empty), str(good)]))
    assert op.changes.result.count("imported") == 1
    title, text = win.messages[-1]
    assert title == "Import" and "empty.jpg" in text and "1 failed" in text
    assert [it["original_name"] for it in win.case.items()] == ["DSCN0021.jpg"]


def test_an_image_kept_as_a_plain_file_fills_every_panel(opened, qtbot, tmp_path):
    from PIL import Image

    win = opened
    gif = tmp_path / "banner.gif"                  # an image type the photo importer does not read
    Image.new("RGB", (40, 30), "red").save(gif)
    wait_op(qtbot, win.import_files([str(gif)]))
    item = win.case.items()[0]
    assert item["kind"] == "file" and item["mime"] == "image/gif"
    win.select_item(item["id"])
    assert "banner.gif" in win.metadata.title.text()
    assert "plain file" in win.metadata.checks.toPlainText()
    assert "plain file" in win.metadata.tags_note.text()
    assert "No cross-reference findings involve this item." in win.xref.browser.toPlainText()
    assert item["sha256"] in win.provenance.browser.toPlainText()
