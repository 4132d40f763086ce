"""Menus, toolbar and shortcuts of the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMenu, QStyle

from casefile import settings as user_settings
from casefile.ui import window_ops
from casefile.ui.dialogs import NewCaseDialog, SettingsDialog, show_about
from casefile.ui.qsettings import int_value, str_value

if TYPE_CHECKING:
    from casefile.ui.casewindow import CaseWindow


def _act(win: CaseWindow, text: str, slot: Callable[[], object],
         shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
         icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
    act = QAction(text, win)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        act.setIcon(win.style().standardIcon(icon))
    if tip:
        act.setStatusTip(tip)
        act.setToolTip(tip)
    act.triggered.connect(slot)
    return act


def build_actions(win: CaseWindow) -> None:
    """Create the menus and toolbar, and attach the actions to the window."""
    sp = QStyle.StandardPixmap
    win.act_new = _act(win, "&New Case…", lambda: new_case_dialog(win), QKeySequence.StandardKey.New,
                       sp.SP_FileDialogNewFolder, "Create a new case folder")
    win.act_open = _act(win, "&Open Case…", lambda: open_case_dialog(win), QKeySequence.StandardKey.Open,
                        sp.SP_DialogOpenButton, "Open an existing case folder")
    win.act_import = _act(win, "&Import Files…", lambda: import_dialog(win), "Ctrl+I",
                          sp.SP_ArrowDown, "Import files into the case (or drop them on the window)")
    win.act_import_dir = _act(win, "Import &Folder…", lambda: import_dir_dialog(win), "Ctrl+Shift+I")
    win.act_export = _act(win, "&Export Report…", lambda: export_dialog(win), "Ctrl+E",
                          sp.SP_DialogSaveButton, "Write the PDF case report")
    win.act_verify = _act(win, "&Verify Integrity", lambda: window_ops.verify(win), "Ctrl+Shift+V",
                          sp.SP_DialogApplyButton, "Re-hash every file and check the custody ledger")
    win.act_close = _act(win, "&Close Case", win.close_case, QKeySequence.StandardKey.Close)
    win.act_quit = _act(win, "&Quit", win.close, QKeySequence.StandardKey.Quit)
    win.act_undo = win.undo_stack.createUndoAction(win, "&Undo")
    win.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    win.act_redo = win.undo_stack.createRedoAction(win, "&Redo")
    win.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
    win.act_find = _act(win, "&Find…", lambda: focus_search(win), QKeySequence.StandardKey.Find)
    win.act_settings = _act(win, "&Settings…", lambda: settings_dialog(win),
                            QKeySequence.StandardKey.Preferences)
    win.act_local_time = QAction("Show times in &local zone", win)
    win.act_local_time.setCheckable(True)
    win.act_local_time.setStatusTip("Off: times in UTC. On: in the case's default zone (or this computer's)")
    win.act_local_time.toggled.connect(win.set_local_time)
    win.act_about = _act(win, "&About Casefile", lambda: show_about(win))
    win.case_actions = [win.act_import, win.act_import_dir, win.act_export, win.act_verify, win.act_close]

    mb = win.menuBar()
    m_file = mb.addMenu("&File")
    m_file.addActions([win.act_new, win.act_open])
    win.recent_menu = QMenu("Open &Recent", win)
    m_file.addMenu(win.recent_menu)
    m_file.addSeparator()
    m_file.addActions([win.act_import, win.act_import_dir, win.act_export, win.act_verify])
    m_file.addSeparator()
    m_file.addActions([win.act_close, win.act_quit])
    m_edit = mb.addMenu("&Edit")
    m_edit.addActions([win.act_undo, win.act_redo])
    m_edit.addSeparator()
    m_edit.addActions([win.act_find, win.act_settings])
    m_view = mb.addMenu("&View")
    for dock in (win.provenance, win.metadata, win.xref):
        m_view.addAction(dock.toggleViewAction())
    m_view.addSeparator()
    for key, title in (("map", "&Map"), ("timeline", "&Timeline"), ("photos", "&Photos"),
                       ("ledger", "&Custody log")):
        m_view.addAction(_act(win, title, _show_view(win, key)))
    m_view.addSeparator()
    m_view.addAction(win.act_local_time)
    m_help = mb.addMenu("&Help")
    m_help.addAction(win.act_about)

    tb = win.addToolBar("Main")
    tb.setObjectName("MainToolbar")
    tb.setAccessibleName("Main toolbar")
    tb.addActions([win.act_new, win.act_open, win.act_import, win.act_verify, win.act_export])
    tb.addSeparator()
    tb.addActions([win.act_undo, win.act_redo])
    tb.addSeparator()
    win.search_box = QLineEdit(placeholderText="Search the case (Ctrl+F)", clearButtonEnabled=True)
    win.search_box.setAccessibleName("Search the case")
    win.search_box.setMaximumWidth(320)
    win.search_box.returnPressed.connect(lambda: win.search(win.search_box.text()))
    tb.addWidget(win.search_box)
    win.update_recent_menu()


def _show_view(win: CaseWindow, key: str) -> Callable[[], None]:
    return lambda: win.show_view(key)


def focus_search(win: CaseWindow) -> None:
    """Edit > Find: the search box, its text selected."""
    win.search_box.setFocus()
    win.search_box.selectAll()


def settings_dialog(win: CaseWindow) -> SettingsDialog:
    """Open the settings; the thumbnail size applies at once."""
    dlg = SettingsDialog(win, win.qs)
    dlg.accepted.connect(lambda: win.photos.set_thumbnail_size(int_value(win.qs, "thumbnail_size", 160)))
    dlg.open()
    return dlg


def new_case_dialog(win: CaseWindow) -> None:
    dlg = NewCaseDialog(win, user_settings.investigator(win.investigator),
                        str_value(win.qs, "default_tz"))

    def done() -> None:
        win.create_case(dlg.path(), dlg.title.text(), investigator=dlg.investigator.text().strip() or None,
                        default_tz=dlg.tz.text().strip() or None)

    dlg.accepted.connect(done)
    dlg.open()


def open_case_dialog(win: CaseWindow) -> None:
    path = QFileDialog.getExistingDirectory(win, "Open Case (the NAME.casefile folder)", str(Path.home()))
    if path:
        win.open_case(path)


def import_dialog(win: CaseWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(win, "Import files into the case", str(Path.home()))
    if paths:
        window_ops.import_files(win, paths)


def import_dir_dialog(win: CaseWindow) -> None:
    path = QFileDialog.getExistingDirectory(win, "Import a folder (everything in it)", str(Path.home()))
    if path:
        window_ops.import_files(win, [path])


def export_dialog(win: CaseWindow) -> None:
    out, _ = QFileDialog.getSaveFileName(win, "Export the case report", str(Path.home() / "report.pdf"),
                                         "PDF (*.pdf)")
    if out:
        window_ops.export_report(win, out)


def copy_text(text: str) -> None:
    QApplication.clipboard().setText(text)
