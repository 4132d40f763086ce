"""Context menus: a file's (open original safely, reveal, hash, note, tag, link), a record's edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from casefile.store.rows import ItemRow, typed
from casefile.ui import names
from casefile.ui.window import edit_form
from casefile.ui.window.opener import open_item

if TYPE_CHECKING:
    from casefile.ui.window.case import CaseWindow


RECORD_ACTIONS = {
    "source": [("grade", "Grade…"), ("edit-source", "Edit…"), ("archive", "Add archive link…"),
               ("attach", "Attach a file…"), ("relate", "Cites / derived from…"),
               ("add-claim", "Add a claim from it…"), ("note", "Add note…"),
               ("tag", "Tag…"), ("delete-source", "Delete…")],
    "claim": [("status", "Set status…"), ("credibility", "Grade credibility…"), ("edit-claim", "Edit…"),
              ("claim-window", "Time window…"), ("claim-sources", "Add a source…"),
              ("claim-link", "Link evidence…"), ("claim-entities", "Add an entity…"), ("note", "Add note…"),
              ("tag", "Tag…"), ("delete-claim", "Delete…")],
    "entity": [("alias", "Add alias…"), ("note", "Add note…"), ("tag", "Tag…")],
    "aircraft": [("adopt-aircraft", "Adopt as an entity…")],
}


def item_menu(win: CaseWindow, item_id: str) -> QMenu:
    """The menu for one selected record: a file's, or a source's, claim's or entity's edits."""
    assert win.case is not None
    kind = names.kind_of(win.case, item_id)
    if kind != "item":
        menu = QMenu(win)
        for action, text in RECORD_ACTIONS.get(kind or "", []):
            menu.addAction(text, _asker(win, action, item_id))
        return menu
    item = win.case.resolve_item(item_id)
    blob = win.case.blob_path(item)
    menu = QMenu(win)
    menu.addAction("Open original…", lambda: open_item(win, item_id))
    menu.addAction("Reveal in folder", lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(blob.parent))))
    menu.addAction("Copy SHA-256", lambda: QApplication.clipboard().setText(item["sha256"]))
    menu.addSeparator()
    menu.addAction("Add or edit note…", lambda: ask_note(win, item_id))
    sens = menu.addAction("Sensitive", lambda: win.edit_item(
        item_id, "sensitive", 0 if item["sensitive"] else 1,
        "Unmark sensitive" if item["sensitive"] else "Mark sensitive"))
    sens.setCheckable(True)
    sens.setChecked(bool(item["sensitive"]))
    menu.addAction("Tag…", _asker(win, "tag", item_id))
    menu.addAction("Link to claim…", _asker(win, "claim-link", item_id))
    menu.addAction("Attach to a source…", _asker(win, "attach-to-source", item_id))
    menu.addAction("New source with this capture…", _asker(win, "add-source", item_id))
    if item["kind"] == "photo":
        menu.addAction("Place on the map…", _asker(win, "place-photo", item_id))
        menu.addAction("Tag an aircraft…", _asker(win, "aircraft-tag", item_id))
    return menu


def _asker(win: CaseWindow, action: str, rid: str) -> Callable[[], object]:
    return lambda: edit_form.ask(win, action, rid)


def ask_note(win: CaseWindow, item_id: str) -> None:
    assert win.case is not None
    current = typed(ItemRow, win.case.get_row("items", item_id))["notes"] or ""
    text, ok = QInputDialog.getMultiLineText(win, "Note", "Note on this item (kept in the custody log):",
                                             current)
    if ok and text != current:
        win.edit_item(item_id, "notes", text or None, "Edit note")
