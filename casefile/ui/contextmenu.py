"""Context menu on items: open original, reveal in folder, copy hash, add note, sensitive, tag, link."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from casefile.analyst import query as analyst
from casefile.model.analyst import LINK_RELATIONS
from casefile.store import Case

if TYPE_CHECKING:
    from casefile.ui.casewindow import CaseWindow


def item_menu(win: CaseWindow, item_id: str) -> QMenu:
    """The menu for one item."""
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
    menu.addAction("Tag…", lambda: ask_tag(win, item_id))
    menu.addAction("Link to claim…", lambda: ask_link(win, item_id))
    return menu


def ask_note(win: CaseWindow, item_id: str) -> None:
    assert win.case is not None
    current = win.case.get_row("items", item_id)["notes"] or ""
    text, ok = QInputDialog.getMultiLineText(win, "Note", "Note on this item (kept in the custody log):",
                                             current)
    if ok and text != current:
        win.edit_item(item_id, "notes", text or None, "Edit note")


def ask_tag(win: CaseWindow, item_id: str) -> None:
    text, ok = QInputDialog.getText(win, "Tag", "Tag for this item:")
    tag = text.strip()
    if ok and tag:
        _write(win, "Tag", lambda case: analyst.add_tag(case, item_id, tag))


def ask_link(win: CaseWindow, item_id: str) -> None:
    assert win.case is not None
    claims = analyst.list_claims(win.case)
    if not claims:
        win.notify("Link to claim", "The case has no claims yet.", error=True)
        return
    labels = [f"{c.text[:70]} [{c.id}]" for c in claims]
    choice, ok = QInputDialog.getItem(win, "Link to claim", "Claim:", labels, 0, False)
    if not ok:
        return
    relation, ok = QInputDialog.getItem(win, "Link to claim", "This item…", list(LINK_RELATIONS), 0, False)
    if ok:
        claim = claims[labels.index(choice)]
        _write(win, "Link to claim", lambda case: analyst.link(case, claim.id, item_id, relation))


def _write(win: CaseWindow, title: str, change: Callable[[Case], object]) -> None:
    """Make an analyst change to the open case; errors appear in a dialog."""
    assert win.case is not None
    try:
        change(win.case)
    except Exception as exc:  # noqa: BLE001 - shown where the user looks
        win.notify(title, str(exc), error=True)
        return
    win.refresh()
