"""Context menu on items: open original, reveal in folder, copy hash, add note, sensitive, tag, link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from casefile.ui import adapters

if TYPE_CHECKING:
    from casefile.ui.mainwindow import MainWindow


def item_menu(win: MainWindow, item_id: str) -> QMenu:
    """The menu for one item (actions that need a missing part are disabled with a reason)."""
    assert win.case is not None
    item = win.case.resolve_item(item_id)
    blob = win.case.blob_path(item)
    menu = QMenu(win)
    menu.addAction("Open original (read-only copy in the case)",
                   lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(blob))))
    menu.addAction("Reveal in folder", lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(blob.parent))))
    menu.addAction("Copy SHA-256", lambda: QApplication.clipboard().setText(item["sha256"]))
    menu.addSeparator()
    menu.addAction("Add or edit note…", lambda: ask_note(win, item_id))
    sens = menu.addAction("Sensitive", lambda: win.edit_item(
        item_id, "sensitive", 0 if item["sensitive"] else 1,
        "Unmark sensitive" if item["sensitive"] else "Mark sensitive"))
    sens.setCheckable(True)
    sens.setChecked(bool(item["sensitive"]))
    for label, fn in (("Tag…", "add_tag"), ("Link to claim…", "link_item")):
        act = menu.addAction(label)
        if adapters.has(adapters.ANALYST, fn):
            act.triggered.connect(lambda _=False, fn=fn: _analyst_edit(win, item_id, fn))
        else:
            act.setEnabled(False)
            act.setToolTip("not available in this build")
    return menu


def ask_note(win: MainWindow, item_id: str) -> None:
    assert win.case is not None
    current = win.case.get_row("items", item_id)["notes"] or ""
    text, ok = QInputDialog.getMultiLineText(win, "Note", "Note on this item (kept in the custody log):",
                                             current)
    if ok and text != current:
        win.edit_item(item_id, "notes", text or None, "Edit note")


def _analyst_edit(win: MainWindow, item_id: str, fn: str) -> None:
    prompt = "Tag" if fn == "add_tag" else "Claim id"
    text, ok = QInputDialog.getText(win, prompt, f"{prompt}:")
    if not (ok and text.strip()):
        return
    assert win.case is not None
    try:
        adapters.call(adapters.ANALYST, fn, win.case, item_id, text.strip())
    except Exception as exc:  # noqa: BLE001 - shown where the user looks
        win.notify(prompt, str(exc), error=True)
        return
    win.refresh()
