"""The main window: navigator, central views, the three docks, status bar; holds the open case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

from casefile.errors import CasefileError, CaseLocked
from casefile.store import Case
from casefile.ui import adapters
from casefile.ui.actions import build_actions
from casefile.ui.docks.metadata import MetadataDock
from casefile.ui.docks.provenance import ProvenanceDock
from casefile.ui.docks.xref import XrefDock
from casefile.ui.navcounts import nav_counts, nav_title
from casefile.ui.ops import Loader, OpRunner
from casefile.ui.qsettings import add_recent, qsettings
from casefile.ui.timefmt import TimeDisplay
from casefile.ui.undo import EditItemCommand
from casefile.ui.views import mapview, timeline
from casefile.ui.views.mapview import MapView
from casefile.ui.views.photogrid import PhotoGridView
from casefile.ui.views.records import CATEGORIES, SEARCH_COLUMNS, search_rows
from casefile.ui.views.recordview import RecordView
from casefile.ui.views.timeline import TimelineView
from casefile.ui.window_ops import OperationsMixin

NAVIGATOR = [("all", "All evidence"), ("sources", "Sources"), ("claims", "Claims"), ("photos", "Photos"),
             ("flights", "Flights"), ("entities", "Entities"), ("findings", "Findings"), ("map", "Map"),
             ("timeline", "Timeline"), ("ledger", "Custody log"), ("search", "Search results")]


class MainWindow(OperationsMixin, QMainWindow):
    """One window, at most one open case."""

    selectionChanged = Signal(str)
    caseOpened = Signal()
    viewLoaded = Signal(str)

    def __init__(self, investigator: str | None = None) -> None:
        super().__init__()
        self.setObjectName("CasefileMainWindow")
        self.setWindowTitle("Casefile")
        self.setAcceptDrops(True)
        self.investigator = investigator
        self.case: Case | None = None
        self.selected: str | None = None
        self.current_view = "all"
        self.td = TimeDisplay()
        self.qs = qsettings()
        self.ops = OpRunner(self)
        self.loader = Loader(self)
        self.undo_stack = QUndoStack(self)
        self.last_verify: Any = None
        self.messages: list[tuple[str, str]] = []      # (title, text) of every message shown
        self._box: QMessageBox | None = None
        self._search_text = ""
        self._build_central()
        self._build_docks()
        self._build_status()
        build_actions(self)
        self.td.local = self.qs.value("local_time", False) in (True, "true")
        self.act_local_time.setChecked(self.td.local)
        self.resize(1400, 860)
        geometry, state = self.qs.value("geometry"), self.qs.value("state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.ops.started.connect(self._op_started)
        self.show_case_state()

    # ---- layout -----------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.navigator = QTreeWidget()
        self.navigator.setHeaderHidden(True)
        self.navigator.setAccessibleName("Navigator")
        self.nav_items: dict[str, QTreeWidgetItem] = {}
        for key, title in NAVIGATOR:
            it = QTreeWidgetItem(self.navigator, [title])
            it.setData(0, Qt.ItemDataRole.UserRole, key)
            self.nav_items[key] = it
        self.navigator.currentItemChanged.connect(
            lambda cur, _p: cur is not None and self.show_view(cur.data(0, Qt.ItemDataRole.UserRole)))
        self.records = RecordView("Records")
        self.photos = PhotoGridView(size=int(self.qs.value("thumbnail_size", 160)))
        self.map = MapView()
        self.timeline = TimelineView()
        self.stack = QStackedWidget()
        for w in (self.records, self.photos, self.map, self.timeline):
            self.stack.addWidget(w)
        for view in (self.records, self.photos, self.map, self.timeline):
            view.itemSelected.connect(self.select_item)
        for view in (self.records, self.photos):
            view.contextRequested.connect(self._context_menu)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        # a narrow window squeezes the side panels, never the records themselves
        self.navigator.setMinimumWidth(100)
        self.stack.setMinimumWidth(180)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_docks(self) -> None:
        self.provenance = ProvenanceDock(self)
        self.metadata = MetadataDock(self)
        self.xref = XrefDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.provenance)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.xref)
        self.splitDockWidget(self.provenance, self.xref, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.provenance, self.metadata)
        self.resizeDocks([self.provenance, self.xref], [600, 220], Qt.Orientation.Vertical)
        self.resizeDocks([self.provenance], [560], Qt.Orientation.Horizontal)
        self.provenance.raise_()
        self.provenance.verifyRequested.connect(lambda i: self.verify(i))
        self.metadata.elaRequested.connect(self.compute_ela)
        self.xref.itemActivated.connect(self.reveal_item)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.status_path = QLabel("No case open")
        self.status_counts = QLabel("")
        self.status_verify = QLabel("")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Operation progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel operation")
        for w in (self.status_path, self.status_counts, self.status_verify):
            w.setAccessibleName(w.text() or "status")
        sb.addWidget(self.status_path, 1)
        sb.addPermanentWidget(self.status_counts)
        sb.addPermanentWidget(self.status_verify)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_operations)

    def cancel_operations(self) -> None:
        """Ask every running operation to stop (each leaves the case whole)."""
        for op in self.ops.running:
            op.cancel()
        self.cancel_button.setEnabled(False)
        self.statusBar().showMessage("Cancelling…")

    # ---- case lifecycle ---------------------------------------------------------------------
    def open_case(self, path: str | Path) -> bool:
        """Open a case for writing (read-only when another Casefile holds it, after asking)."""
        try:
            case = Case.open(path, investigator=self.investigator)
        except CaseLocked as exc:
            try:
                case = Case.open(path, write=False, investigator=self.investigator)
            except CasefileError as exc2:
                self.notify("Open Case", str(exc2), error=True)
                return False
            self._set_case(case)
            self.notify("Open Case", f"{exc}. Opened read-only: you can look, not change.")
            return True
        except CasefileError as exc:
            self.notify("Open Case", str(exc), error=True)
            return False
        self._set_case(case)
        return True

    def create_case(self, path: str | Path, title: str, *, investigator: str | None = None,
                    default_tz: str | None = None) -> bool:
        try:
            case = Case.create(path, title, investigator=investigator or self.investigator,
                               default_tz=default_tz or None)
        except CasefileError as exc:
            self.notify("New Case", str(exc), error=True)
            return False
        self._set_case(case)
        return True

    def _set_case(self, case: Case) -> None:
        self.close_case()
        self.loader._latest.clear()              # results for the previous case are dropped
        self.case = case
        self.td.zone_name = case.default_tz
        add_recent(self.qs, str(case.path))
        self.update_recent_menu()
        self.undo_stack.clear()
        self.last_verify = None
        last = case.rows("SELECT details FROM ledger WHERE action = 'verified' AND item_id IS NULL "
                         "ORDER BY seq DESC LIMIT 1")
        if last:
            import json

            d = json.loads(last[0]["details"])
            self.status_verify.setText("Last verification: " + ("intact" if d.get("ok") else
                                       f"{len(d.get('problems', []))} problem(s)"))
        self.caseOpened.emit()
        self.show_case_state()
        self.navigator.setCurrentItem(self.nav_items["all"])
        self.show_view("all")

    def close_case(self) -> None:
        if self.case is None:
            return
        self.ops.wait()
        self.loader.wait()
        self.photos.grid_model.stop()
        self.case.close()
        self.case = None
        self.selected = None
        self.status_verify.setText("")
        self.show_case_state()

    def show_case_state(self) -> None:
        has = self.case is not None
        for act in self.case_actions:
            act.setEnabled(has)
        if not has:
            self.setWindowTitle("Casefile")
            self.status_path.setText("No case open — File ▸ New Case or Open Case, "
                                     "or drop a .casefile folder here")
            self.status_counts.setText("")
            self._set_nav_counts({})
            self.records.show_note("No case open.\n\nUse File ▸ New Case (Ctrl+N) or "
                                   "File ▸ Open Case (Ctrl+O).")
            for dock in (self.provenance, self.metadata):
                dock.show_item(None, None, self.td)
            self.xref.show_item(None, None)
            return
        ro = "" if self.case.writable else " [read-only]"
        self.setWindowTitle(f"{self.case.title}{ro} — Casefile")
        self.status_path.setText(str(self.case.path))
        self.update_counts()

    def update_counts(self) -> None:
        if self.case is None:
            return
        counts = {k: n for k, n in self.case.db.execute(
            "SELECT kind, COUNT(*) FROM items WHERE removed_at IS NULL GROUP BY kind")}
        self._set_nav_counts(nav_counts(self.case))
        total = sum(counts.values())
        detail = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        self.status_counts.setText(f"{total} items" + (f" ({detail})" if detail else ""))

    def _set_nav_counts(self, counts: dict[str, int]) -> None:
        """Navigator titles with how many records each lists ("Photos (12)")."""
        for key, title in NAVIGATOR:
            self.nav_items[key].setText(0, nav_title(title, counts.get(key)))

    # ---- views ------------------------------------------------------------------------------
    def show_view(self, key: str) -> None:
        """Show one navigator entry in the centre."""
        self.current_view = key
        if self.navigator.currentItem() is not self.nav_items.get(key):
            self.navigator.blockSignals(True)
            self.navigator.setCurrentItem(self.nav_items[key])
            self.navigator.blockSignals(False)
        if self.case is None:
            self.stack.setCurrentWidget(self.records)
            return
        try:
            self._fill_view(key)
        except adapters.Unavailable as exc:
            self.stack.setCurrentWidget(self.records)
            self.records.show_note(f"{dict(NAVIGATOR)[key]}: not available yet.\n\n{exc}.")
        except CasefileError as exc:
            self.stack.setCurrentWidget(self.records)
            self.records.show_note(f"{dict(NAVIGATOR)[key]}: {exc}")
        if self.selected:
            self._sync_views(self.selected)

    def _fill_view(self, key: str) -> None:
        case = self.case
        assert case is not None
        self.records.filter.setPlaceholderText(f"Filter {dict(NAVIGATOR)[key].lower()}…")
        if key == "photos":
            thumbs = {r["item_id"]: r["blob_path"] for r in case.rows(
                "SELECT item_id, blob_path FROM derived WHERE kind = 'thumbnail' ORDER BY id")}
            rows = [{"id": it["id"], "original_name": it["original_name"],
                     "path": case.path / thumbs.get(it["id"], it["blob_path"])}
                    for it in case.items() if adapters.is_photo_item(it)]
            self.photos.set_photos(rows)
            self.stack.setCurrentWidget(self.photos)
        elif key == "map":
            self.stack.setCurrentWidget(self.map)
            self.statusBar().showMessage("Loading the map…")
            self.loader.load(case, "map", mapview.gather, self._map_loaded)
        elif key == "timeline":
            self.stack.setCurrentWidget(self.timeline)
            self.statusBar().showMessage("Loading the timeline…")
            self.loader.load(case, "timeline", timeline.gather, self._timeline_loaded)
        elif key == "search":
            self.records.show_rows(SEARCH_COLUMNS, search_rows(case, self._search_text) if self._search_text
                                   else [], lambda r: r["id"])
            self.stack.setCurrentWidget(self.records)
        else:
            cat = CATEGORIES[key]
            self.records.show_rows(cat.columns(self.td), cat.load(case), cat.item_id)
            self._mark_problems()
            self.stack.setCurrentWidget(self.records)

    def _map_loaded(self, data: Any, error: str) -> None:
        self.statusBar().clearMessage()
        if error:
            self.notify("Map", error, error=True)
        elif self.case is not None:
            self.map.show_data(data)
            if self.selected:
                self.map.select_item(self.selected)
        self.viewLoaded.emit("map")

    def _timeline_loaded(self, result: Any, error: str) -> None:
        self.statusBar().clearMessage()
        if error:
            self.notify("Timeline", error, error=True)
        elif self.case is not None:
            self.timeline.set_events(*result)
            if self.selected:
                self.timeline.select_item(self.selected)
        self.viewLoaded.emit("timeline")

    def refresh(self) -> None:
        self.update_counts()
        self.show_view(self.current_view)
        if self.selected:
            self._update_docks(self.selected)

    def search(self, text: str) -> None:
        self._search_text = text.strip()
        self.show_view("search")

    # ---- selection --------------------------------------------------------------------------
    def select_item(self, item_id: str) -> None:
        """Make this item the current one: docks follow, views highlight it."""
        if self.case is None or not item_id:
            return
        self.selected = item_id
        self._update_docks(item_id)
        self._sync_views(item_id)
        self.selectionChanged.emit(item_id)

    def reveal_item(self, item_id: str) -> None:
        """Select an item and make sure the centre shows it (All evidence if the view cannot)."""
        self.select_item(item_id)
        w = self.stack.currentWidget()
        shown = ((w is self.records and self.records.select_item(item_id))
                 or (w is self.photos and self.photos.select_item(item_id))
                 or (w is self.map and item_id in self.map.markers)
                 or (w is self.timeline and any(item_id in e.item_ids for e in self.timeline.events)))
        if not shown:
            self.show_view("all")

    def _update_docks(self, item_id: str) -> None:
        assert self.case is not None
        try:
            self.provenance.show_item(self.case, item_id, self.td)
            self.metadata.show_item(self.case, item_id, self.td)
            rec = self.records.current_record() if self.current_view == "findings" else None
            self.xref.show_item(self.case, item_id, self.td, focus=adapters.field(rec, "id") if rec else None)
        except CasefileError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    def _sync_views(self, item_id: str) -> None:
        w = self.stack.currentWidget()
        if w is self.records:
            self.records.select_item(item_id)
        elif w is self.photos:
            self.photos.select_item(item_id)
        self.map.select_item(item_id)
        self.timeline.select_item(item_id)

    # ---- analyst edits (undoable) ----------------------------------------------------------
    def edit_item(self, item_id: str, field: str, value: Any, text: str) -> bool:
        """Change an item field through the undo stack (recorded in the ledger)."""
        if self.case is None:
            return False
        if self.ops.busy:
            self.notify(text, "Wait for the running operation to finish, then try again.", error=True)
            return False
        cmd = EditItemCommand(self.case, item_id, field, value, text, self._item_changed,
                              lambda m: self.notify(text, m, error=True))
        self.undo_stack.push(cmd)
        return not cmd.isObsolete()

    def _item_changed(self, item_id: str) -> None:
        self.refresh()
        if item_id == self.selected:
            self._update_docks(item_id)

    # ---- messages ---------------------------------------------------------------------------
    def notify(self, title: str, text: str, *, details: str = "", error: bool = False) -> QMessageBox:
        """A window-modal message that does not block the event loop (errors never only in a log)."""
        self.messages.append((title, text + ("\n" + details if details else "")))
        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self._box = box
        return box

    def _context_menu(self, item_id: str, pos: Any) -> None:
        from casefile.ui.contextmenu import item_menu

        item_menu(self, item_id).popup(pos)

    # ---- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.handle_drop(paths)

    def handle_drop(self, paths: list[str]) -> None:
        """A dropped case folder opens; anything else is imported into the open case."""
        if len(paths) == 1 and (Path(paths[0]) / "case.sqlite").is_file():
            self.open_case(paths[0])
        elif paths:
            self.import_files(paths)

    # ---- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        for op in self.ops.running:
            op.cancel()
        self.qs.setValue("geometry", self.saveGeometry())
        self.qs.setValue("state", self.saveState())
        self.qs.setValue("local_time", self.td.local)
        self.qs.sync()
        self.close_case()
        self.photos.grid_model.stop()
        self.metadata.pool.waitForDone(5000)
        super().closeEvent(event)

    def set_local_time(self, local: bool) -> None:
        self.td.local = local
        if self.case:
            self.refresh()

