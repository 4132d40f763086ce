"""Open original: a read-only copy under its own extension; what could fetch asks first (or text/hex)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from casefile.errors import CasefileError
from casefile.store.opening import hex_view, plan, text_view, viewing_copy

if TYPE_CHECKING:
    from casefile.ui.window.case import CaseWindow


class TextViewDialog(QDialog):
    """The original's bytes as text or hex, read-only: nothing in it runs or loads."""

    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 640)
        self.view = QPlainTextEdit(text)
        self.view.setReadOnly(True)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)


def show_text(win: CaseWindow, blob: Path, name: str, *, hexa: bool) -> TextViewDialog:
    dlg = TextViewDialog(win, f"{name} ({'hex' if hexa else 'text'}, read-only)",
                         hex_view(blob) if hexa else text_view(blob))
    dlg.open()
    win.last_viewer = dlg
    return dlg


def launch(win: CaseWindow, blob: Path, item: Mapping[str, object]) -> Path | None:
    """Hand the viewing copy to the desktop's application for its type."""
    try:
        copy = viewing_copy(blob, item)
    except (CasefileError, OSError) as exc:
        win.notify("Open original", str(exc), error=True)
        return None
    win.opened_copies.append(copy)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
    return copy


def open_item(win: CaseWindow, item_id: str) -> QMessageBox | None:
    """Open an original; a risky type asks first: text view, hex view, open anyway or cancel."""
    if win.case is None:
        return None
    item = win.case.resolve_item(item_id)
    blob = win.case.blob_path(item)
    p = plan(item)
    name = str(item["original_name"] or p.name)
    if not p.risky:
        launch(win, blob, item)
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, "Open original",
                      f"{name} is {p.mime or 'a file'} — opening it outside Casefile could contact the "
                      f"network: {p.risk}.\n\nOn a connected machine that can tell others this file "
                      "is being looked at. Show it here as text or hex instead?", parent=win)
    text_btn = box.addButton("Show as text", QMessageBox.ButtonRole.AcceptRole)
    hex_btn = box.addButton("Show as hex", QMessageBox.ButtonRole.AcceptRole)
    open_btn = box.addButton("Open anyway", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(text_btn)

    def chosen() -> None:
        clicked = box.clickedButton()
        if clicked is text_btn:
            show_text(win, blob, name, hexa=False)
        elif clicked is hex_btn:
            show_text(win, blob, name, hexa=True)
        elif clicked is open_btn:
            launch(win, blob, item)

    box.finished.connect(lambda _r: chosen())
    box.setWindowModality(box.windowModality().WindowModal)
    box.open()
    win.last_open_box = box
    return box
