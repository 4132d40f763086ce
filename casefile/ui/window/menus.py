"""Menus, toolbar and shortcuts of the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMenu, QStyle

from casefile import settings as user_settings
from casefile.ui.window import edit_form, exports, launch
from casefile.ui.window.contextmenu import item_menu
from casefile.ui.window.dialogs import NewCaseDialog, SettingsDialog, show_about
from casefile.ui.window.guide import GuideDialog
from casefile.ui.window.qsettings import int_value, str_value

if TYPE_CHECKING:
    from casefile.ui.window.case import CaseWindow


def _act(
    win: CaseWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    icon: QStyle.StandardPixmap | None = None,
    tip: str = "",
) -> QAction:
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
    win.act_new = _act(
        win,
        "&New Case…",
        lambda: new_case_dialog(win),
        QKeySequence.StandardKey.New,
        sp.SP_FileDialogNewFolder,
        "Create a new case folder",
    )
    win.act_open = _act(
        win,
        "&Open Case…",
        lambda: open_case_dialog(win),
        QKeySequence.StandardKey.Open,
        sp.SP_DialogOpenButton,
        "Open an existing case folder",
    )
    win.act_import = _act(
        win,
        "&Import Files…",
        lambda: import_dialog(win),
        "Ctrl+I",
        sp.SP_ArrowDown,
        "Import files into the case (or drop them on the window)",
    )
    win.act_import_dir = _act(win, "Import &Folder…", lambda: import_dir_dialog(win), "Ctrl+Shift+I")
    win.act_verify = _act(
        win,
        "&Verify Integrity",
        lambda: launch.verify(win),
        "Ctrl+Shift+V",
        sp.SP_DialogApplyButton,
        "Re-hash every file and check the custody ledger",
    )
    win.act_close = _act(win, "&Close Case", win.close_case, QKeySequence.StandardKey.Close)
    win.act_quit = _act(win, "&Quit", win.close, "Ctrl+Q")   # StandardKey.Quit is empty on Windows
    win.act_undo = win.undo_stack.createUndoAction(win, "&Undo")
    win.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    win.act_redo = win.undo_stack.createRedoAction(win, "&Redo")
    win.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
    win.act_find = _act(win, "&Find…", lambda: focus_search(win), QKeySequence.StandardKey.Find)
    win.act_settings = _act(
        win, "&Settings…", lambda: settings_dialog(win), QKeySequence.StandardKey.Preferences
    )
    win.act_local_time = QAction("Show times in &local zone", win)
    win.act_local_time.setCheckable(True)
    win.act_local_time.setStatusTip(
        "Off: times in UTC. On: in the case's default zone (or this computer's)"
    )
    win.act_local_time.toggled.connect(win.set_local_time)
    win.act_about = _act(win, "&About Casefile", lambda: show_about(win))
    win.act_guide = _act(
        win,
        "&User Guide",
        lambda: show_guide(win),
        QKeySequence.StandardKey.HelpContents,
        tip="How to run an investigation in Casefile (offline)",
    )
    rec = [
        _act(
            win,
            "Add &Source…",
            _ask(win, "add-source"),
            "Ctrl+Shift+S",
            tip="Record where information came from",
        ),
        _act(
            win,
            "Add &Claim…",
            _ask(win, "add-claim"),
            "Ctrl+Shift+C",
            tip="Record what a source says happened",
        ),
        _act(
            win, "Add &Entity…", _ask(win, "add-entity"), tip="An aircraft, person, organisation or place"
        ),
        _act(
            win,
            "Add &Reported Flight…",
            _ask(win, "reported-flight"),
            tip="A flight a report describes (reported, not tracked)",
        ),
        _act(win, "&Note on the Case…", _ask(win, "note")),
    ]
    win.act_edit_selected = _act(
        win,
        "Edit &Selected…",
        lambda: edit_selected(win),
        "Ctrl+Return",
        tip="What you can do to the selected record",
    )
    win.act_xref = _act(
        win,
        "Run Cross-&Reference",
        win.run_xref,
        "Ctrl+R",
        tip="Recompute every finding now (it also runs by itself after each edit)",
    )
    export_actions = [
        _act(
            win,
            "&Report (PDF)…",
            lambda: exports.report_dialog(win),
            "Ctrl+E",
            sp.SP_DialogSaveButton,
            "Write the PDF case report: sections, marking, redaction",
        ),
        _act(
            win,
            "Report (&DOCX)…",
            lambda: exports.report_dialog(win, "docx"),
            tip="Write the case report as an editable Word document (same content as the PDF)",
        ),
    ]
    export_actions += [
        _act(win, title + "…", _exporter(win, fmt)) for fmt, (title, _p) in exports.EXPORTS.items()
    ]
    win.act_bundle = _act(
        win,
        "&Bundle the Case…",
        lambda: exports.bundle_dialog(win),
        tip="One zip with every original, the database and the custody log",
    )
    win.act_verify_bundle = _act(win, "Verify a B&undle…", lambda: exports.verify_bundle_dialog(win))
    win.act_open_bundle = _act(
        win,
        "Open a Bu&ndle…",
        lambda: exports.open_bundle_dialog(win),
        tip="Restore a case bundle into a folder, verify it and open it",
    )
    win.act_export = export_actions[0]
    win.case_actions = [
        win.act_import,
        win.act_import_dir,
        win.act_verify,
        win.act_close,
        win.act_bundle,
        win.act_edit_selected,
        win.act_xref,
        *export_actions,
        *rec,
    ]

    mb = win.menuBar()
    m_file = mb.addMenu("&File")
    m_file.addActions([win.act_new, win.act_open])
    win.recent_menu = QMenu("Open &Recent", win)
    m_file.addMenu(win.recent_menu)
    m_file.addAction(win.act_open_bundle)
    m_file.addSeparator()
    m_file.addActions([win.act_import, win.act_import_dir])
    m_export = m_file.addMenu("E&xport")
    m_export.addActions(export_actions)
    m_file.addActions([win.act_bundle, win.act_verify, win.act_verify_bundle])
    m_file.addSeparator()
    m_file.addActions([win.act_close, win.act_quit])
    m_edit = mb.addMenu("&Edit")
    m_edit.addActions([win.act_undo, win.act_redo])
    m_edit.addSeparator()
    m_edit.addActions([win.act_find, win.act_settings])
    m_rec = mb.addMenu("&Records")
    m_rec.addActions(rec)
    m_rec.addSeparator()
    m_rec.addActions([win.act_edit_selected, win.act_xref])
    m_view = mb.addMenu("&View")
    for dock in (win.details, win.provenance, win.metadata, win.xref):
        m_view.addAction(dock.toggleViewAction())
    m_view.addSeparator()
    for key, title in (
        ("map", "&Map"),
        ("timeline", "&Timeline"),
        ("photos", "&Photos"),
        ("ledger", "&Custody log"),
    ):
        m_view.addAction(_act(win, title, _show_view(win, key)))
    m_view.addSeparator()
    m_view.addAction(win.act_local_time)
    m_help = mb.addMenu("&Help")
    m_help.addActions([win.act_guide, win.act_about])

    tb = win.addToolBar("Main")
    tb.setObjectName("MainToolbar")
    tb.setAccessibleName("Main toolbar")
    tb.addActions([win.act_new, win.act_open, win.act_import, win.act_verify, win.act_export])
    tb.addSeparator()
    tb.addActions([rec[0], rec[1]])
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


def _ask(win: CaseWindow, action: str) -> Callable[[], object]:
    """An edit about the selection when it fits (a claim from the selected source), else new."""

    def go() -> object:
        rid = win.selected if action in ("add-claim", "add-source") else None
        return edit_form.ask(win, action, rid)

    return go


def _exporter(win: CaseWindow, fmt: str) -> Callable[[], None]:
    return lambda: exports.export_dialog(win, fmt)


def edit_selected(win: CaseWindow) -> None:
    """The selected record's menu of edits, under the mouse."""
    if win.case is None or not win.selected:
        win.statusBar().showMessage("Select a record first", 5000)
        return
    item_menu(win, win.selected).popup(QCursor.pos())


def show_guide(win: CaseWindow) -> QDialog:
    """Help > User Guide: the offline guide in a browser window of its own."""
    dlg = GuideDialog(win)
    dlg.show()
    win.guide = dlg
    return dlg


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
    dlg = NewCaseDialog(win, user_settings.investigator(win.investigator), str_value(win.qs, "default_tz"))

    def done() -> None:
        win.create_case(
            dlg.path(),
            dlg.title.text(),
            investigator=dlg.investigator.text().strip() or None,
            default_tz=dlg.tz.text().strip() or None,
        )

    dlg.accepted.connect(done)
    dlg.open()


def open_case_dialog(win: CaseWindow) -> None:
    path = QFileDialog.getExistingDirectory(win, "Open Case (the NAME.casefile folder)", str(Path.home()))
    if path:
        win.open_case(path)


def import_dialog(win: CaseWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(win, "Import files into the case", str(Path.home()))
    if paths:
        launch.import_files(win, paths)


def import_dir_dialog(win: CaseWindow) -> None:
    path = QFileDialog.getExistingDirectory(win, "Import a folder (everything in it)", str(Path.home()))
    if path:
        launch.import_files(win, [path])


def copy_text(text: str) -> None:
    QApplication.clipboard().setText(text)
