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
    tag = menu.addAction("Tag…", lambda: ask_tag(win, item_id))
    link = menu.addAction("Link to claim…", lambda: ask_link(win, item_id))
    for act, module, fn in ((tag, adapters.NOTES, "add_tag"), (link, adapters.CLAIMS, "link")):
        if not adapters.has(module, fn):
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


def ask_tag(win: MainWindow, item_id: str) -> None:
    text, ok = QInputDialog.getText(win, "Tag", "Tag for this item:")
    if ok and text.strip():
        _write(win, "Tag", adapters.NOTES, "add_tag", item_id, text.strip())


def ask_link(win: MainWindow, item_id: str) -> None:
    assert win.case is not None
    try:
        claims = adapters.list_claims(win.case)
    except adapters.Unavailable as exc:
        win.notify("Link to claim", str(exc), error=True)
        return
    if not claims:
        win.notify("Link to claim", "The case has no claims yet.", error=True)
        return
    labels = [f"{c.text[:70]} [{c.id}]" for c in claims]
    choice, ok = QInputDialog.getItem(win, "Link to claim", "Claim:", labels, 0, False)
    if not ok:
        return
    relation, ok = QInputDialog.getItem(win, "Link to claim", "This item…",
                                        ["supports", "contradicts", "context"], 0, False)
    if ok:
        claim = claims[labels.index(choice)]
        _write(win, "Link to claim", adapters.CLAIMS, "link", claim.id, item_id, relation)


def _write(win: MainWindow, title: str, module: str, fn: str, *args: str) -> None:
    """Call an analyst write function; errors appear in a dialog."""
    assert win.case is not None
    try:
        adapters.call(module, fn, win.case, *args)
    except Exception as exc:  # noqa: BLE001 - shown where the user looks
        win.notify(title, str(exc), error=True)
        return
    win.refresh()
