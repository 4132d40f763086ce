"""Open original from the window: a safe type opens at once under its own extension; a web page
asks first and can be read as text or hex inside Casefile instead."""

from __future__ import annotations

from pathlib import Path

from uihelp import GPS_PHOTOS, wait_op


def _opened(monkeypatch) -> list[str]:
    from PySide6.QtGui import QDesktopServices

    calls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url.toLocalFile()) or True)
    return calls


def test_a_photo_opens_with_its_extension_and_a_web_page_asks_first(opened, qtbot, corpora, tmp_path,
                                                                    monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from casefile.ui.window.opener import open_item

    win = opened
    page = tmp_path / "saved_page"          # a capture saved without an extension
    page.write_text("<!doctype html><html><img src='https://tracker.example/pixel.gif'></html>")
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0010.jpg"), str(page)]))
    items = {it["original_name"]: it for it in win.case.items()}
    calls = _opened(monkeypatch)
    assert open_item(win, items["DSCN0010.jpg"]["id"]) is None            # no question for a photo
    assert [Path(c).name for c in calls] == ["DSCN0010.jpg"]
    box = open_item(win, items["saved_page"]["id"])
    assert isinstance(box, QMessageBox) and calls == [calls[0]]             # nothing opened yet
    assert "could contact the network" in box.text() and "text/html" in box.text()
    buttons = {b.text(): b for b in box.buttons()}
    assert {"Show as text", "Show as hex", "Open anyway"} <= set(buttons)
    buttons["Show as text"].click()
    qtbot.waitUntil(lambda: win.last_viewer is not None)
    assert "tracker.example/pixel.gif" in win.last_viewer.view.toPlainText()
    assert win.last_viewer.view.isReadOnly() and len(calls) == 1
    box = open_item(win, items["saved_page"]["id"])
    {b.text(): b for b in box.buttons()}["Open anyway"].click()
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert Path(calls[1]).name == "saved_page.html"                        # its own extension
    assert Path(calls[1]).read_bytes() == page.read_bytes()


def test_the_context_menu_offers_the_edits_of_the_record(opened, qtbot, corpora):
    from casefile.ui.window.contextmenu import item_menu

    win = opened
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0010.jpg")]))
    photo = win.case.items()[0]["id"]
    texts = [a.text() for a in item_menu(win, photo).actions() if a.text()]
    assert {"Open original…", "Place on the map…", "Tag an aircraft…", "Link to claim…",
            "New source with this capture…"} <= set(texts)
