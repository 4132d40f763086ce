"""The case window: navigator, central views, the three docks, status bar, selection; holds the open case.

MainWindow (window/main.py) adds the menus, the long operations, drag and drop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

from casefile.analyst import query as analyst
from casefile.commands import ItemEdit
from casefile.errors import CasefileError, CaseLocked, ReadOnlyCase
from casefile.model.analyst import Claim
from casefile.present.times import TimeDisplay
from casefile.store import Case, VerifyReport, reads
from casefile.ui import names
from casefile.ui.docks.details import DetailsDock
from casefile.ui.docks.metadata import MetadataDock
from casefile.ui.docks.provenance import ProvenanceDock
from casefile.ui.docks.xref import XrefDock
from casefile.ui.forms.span import ask_range
from casefile.ui.operations.edits import (
    Edit,
    EditCommand,
    EditRunner,
    drop_failed,
    keep_in_place,
)
from casefile.ui.operations.runner import Loader, OpRunner, Tasks
from casefile.ui.views import mapdata, timeline
from casefile.ui.views.logfilters import LogFilters
from casefile.ui.views.mappane import MapPane
from casefile.ui.views.mapview import MapData
from casefile.ui.views.photogrid import GridPhoto, PhotoGridView
from casefile.ui.views.records import CATEGORIES, Names, search_columns, search_rows
from casefile.ui.views.recordview import RecordView
from casefile.ui.views.runwaylayer import RunwayLine, runways_near
from casefile.ui.views.startpage import StartPage
from casefile.ui.views.timeline import Event, TimelineView
from casefile.ui.window import verified
from casefile.ui.window.behind import BehindLoader
from casefile.ui.window.navigator import NAVIGATOR, nav_counts, nav_title
from casefile.ui.window.qsettings import add_recent, bool_value, int_value, qsettings, recent_cases
from casefile.xref.query import findings

#: the navigator entry that lists a kind of record (a record just made is shown there)
VIEW_OF_KIND = {"claim": "claims", "source": "sources", "entity": "entities", "reported flight": "flights"}
#: the commands that make a record the window then shows
NEW_RECORDS = frozenset({"source.add", "claim.add", "entity.add", "flight.add"})


def _read_counts(case: Case) -> tuple[dict[str, int], dict[str, int]]:
    """(items of each kind, records each navigator entry lists)."""
    return reads.item_counts(case), nav_counts(case)


class CaseWindow(QMainWindow):
    """One window, at most one open case: what it shows and how the views follow the selection."""

    selectionChanged = Signal(str)
    caseOpened = Signal()
    viewLoaded = Signal(str)

    # made by actions.build_actions (MainWindow)
    act_new: QAction
    act_open: QAction
    act_import: QAction
    act_import_dir: QAction
    act_export: QAction
    act_verify: QAction
    act_close: QAction
    act_quit: QAction
    act_undo: QAction
    act_redo: QAction
    act_find: QAction
    act_settings: QAction
    act_local_time: QAction
    act_about: QAction
    act_guide: QAction
    act_edit_selected: QAction
    act_xref: QAction
    act_bundle: QAction
    act_verify_bundle: QAction
    act_open_bundle: QAction
    guide: QDialog
    recent_menu: QMenu
    search_box: QLineEdit

    def __init__(self, investigator: str | None = None) -> None:
        super().__init__()
        self.setObjectName("CasefileMainWindow")
        self.setWindowTitle("Casefile")
        self.investigator = investigator
        self.case: Case | None = None
        self.selected: str | None = None
        self.current_view = "all"
        self.td = TimeDisplay()
        self.qs = qsettings()
        self.ops = OpRunner(self)
        self.loader = Loader(self)
        self.undo_stack = QUndoStack(self)
        self.tasks = Tasks(self)
        self.edits = EditRunner(self)
        self.edits.edited.connect(self._edited)
        self.edits.xrefDone.connect(self._xref_done)
        self.last_verify: VerifyReport | None = None
        self.last_live = 0.0                           # when the counts last followed an operation
        self.messages: list[tuple[str, str]] = []      # (title, text) of every message shown
        self._box: QMessageBox | None = None
        self._search_text = ""
        self.case_actions: list[QAction] = []          # enabled only while a case is open
        self.opened_copies: list[Path] = []             # viewing copies handed to the desktop
        self.last_viewer: QDialog | None = None          # the last text/hex view of an original
        self.last_open_box: QMessageBox | None = None    # the last "could contact the network" question
        self.td.local = bool_value(self.qs, "local_time")
        self._build_central()
        self._build_docks()
        self._build_status()

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
        self.navigator.currentItemChanged.connect(self._nav_changed)
        self.records = RecordView("Records")
        self.log_filters = LogFilters()
        self.records.tools.addWidget(self.log_filters)
        self.log_filters.hide()
        self.log_filters.changed.connect(lambda: self.show_view("ledger") if self.current_view == "ledger"
                                         else None)
        self.photos = PhotoGridView(size=int_value(self.qs, "thumbnail_size", 160))
        self.map_pane = MapPane()
        self.map = self.map_pane.view
        self.map_pane.momentRequested.connect(self._moment_wanted)
        self.map_pane.spanWanted.connect(self.set_slider_span)
        self.map.runways.wanted.connect(self._runways_wanted)
        self.timeline = TimelineView()
        self.start = StartPage()
        self.stack = QStackedWidget()
        for w in (self.start, self.records, self.photos, self.map_pane, self.timeline):
            self.stack.addWidget(w)
        for view in (self.records, self.photos, self.map, self.timeline):
            view.itemSelected.connect(self.select_item)
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
        self.details = DetailsDock(self)
        self.details.selectRequested.connect(self.reveal_item)
        self.provenance = ProvenanceDock(self)
        self.metadata = MetadataDock(self)
        self.xref = XrefDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.provenance)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.xref)
        self.splitDockWidget(self.provenance, self.xref, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.provenance, self.metadata)
        self.tabifyDockWidget(self.provenance, self.details)
        self.resizeDocks([self.provenance, self.xref], [600, 220], Qt.Orientation.Vertical)
        self.resizeDocks([self.provenance], [470], Qt.Orientation.Horizontal)
        self.details.raise_()
        self.xref.itemActivated.connect(self.reveal_item)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.status_path = QLabel("No case open")
        self.status_counts = QLabel("")
        self.status_verify = QLabel("")
        self.status_verify.setTextFormat(Qt.TextFormat.RichText)
        self.status_loading = QLabel("")              # what is read behind the first view
        self.status_loading.setAccessibleName("Loading the rest of the case")
        self.status_loading.setStyleSheet("color: #1565c0; padding-right: 14px;")
        self.behind = BehindLoader(self.status_loading, self)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Operation progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel operation")
        for w in (self.status_path, self.status_counts, self.status_verify):
            w.setAccessibleName(w.text() or "status")
        sb.addWidget(self.status_path, 1)
        sb.addPermanentWidget(self.status_loading)
        sb.addPermanentWidget(self.status_counts)
        sb.addPermanentWidget(self.status_verify)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_operations)

    def _nav_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.show_view(str(current.data(0, Qt.ItemDataRole.UserRole)))

    def update_recent_menu(self) -> None:
        """File > Open Recent, from the remembered case folders."""
        self.recent_menu.clear()
        paths = recent_cases(self.qs)
        for p in paths:
            self.recent_menu.addAction(p, self._opener(p))
        self.recent_menu.setEnabled(bool(paths))

    def _opener(self, path: str) -> Callable[[], object]:
        return lambda: self.open_case(path)

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
        except (CaseLocked, ReadOnlyCase) as exc:
            try:
                case = Case.open(path, write=False, investigator=self.investigator)
            except CasefileError as exc2:
                self.notify("Open Case", str(exc2), error=True)
                return False
            if isinstance(exc, ReadOnlyCase):
                case.read_only_reason = exc.why
            self._set_case(case)
            self.notify("Open Case", f"{exc}. Opened read-only: you can look, not change."
                        if isinstance(exc, CaseLocked) else f"Opened read-only: {exc.why}. You can look, "
                        "verify, report and export to another folder, not change.")
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
        self.loader.forget()                     # results for the previous case are dropped
        self.map.runways.forget()
        self.case = case
        self.edits.case = case
        self.td.zone_name = case.default_tz
        add_recent(self.qs, str(case.path))
        self.update_recent_menu()
        self.undo_stack.clear()
        self.last_verify = None
        verified.show_last(self.status_verify, self.case, self.td)
        self.caseOpened.emit()
        self.show_case_state()
        self.navigator.setCurrentItem(self.nav_items["all"])
        self.show_view("all")
        self.behind.start(case)                  # the map and the timeline, read behind it

    def close_case(self) -> None:
        if self.case is None:
            return
        self.ops.wait()
        self.edits.wait()
        self.edits.case = None
        self.undo_stack.clear()
        self.loader.wait()
        self.behind.wait()
        self.photos.grid_model.stop()
        self.case.close()
        self.case = None
        self.selected = None
        verified.show_last(self.status_verify, self.case, self.td)
        self.show_case_state()

    def show_case_state(self) -> None:
        for act in self.case_actions:
            act.setEnabled(self.case is not None)
        if self.case is None:
            self.setWindowTitle("Casefile")
            self.status_path.setText("No case open — File ▸ New Case or Open Case, "
                                     "or drop a .casefile folder here")
            self.status_counts.setText("")
            self._set_nav_counts({})
            self.records.show_note("No case open.\n\nUse File ▸ New Case (Ctrl+N) or "
                                   "File ▸ Open Case (Ctrl+O).")
            self.start.set_recent(recent_cases(self.qs))
            self.stack.setCurrentWidget(self.start)
            self.navigator.hide()
            for dock in (self.details, self.provenance, self.metadata, self.xref):
                dock.hide()
            for dock in (self.provenance, self.metadata):
                dock.show_item(None, None, self.td)
            self.xref.show_item(None, None)
            self.details.show_record(None, None, self.td)
            return
        if not self.navigator.isVisible():
            self.navigator.show()
            for dock in (self.details, self.provenance, self.metadata, self.xref):
                dock.show()
            self.details.raise_()
        ro = "" if self.case.writable else " [read-only]"
        self.setWindowTitle(f"{self.case.title}{ro} — Casefile")
        self.status_path.setText(str(self.case.path) + (
            f" — read-only: {self.case.read_only_reason}" if ro and self.case.read_only_reason
            else ""))
        self.update_counts()

    def update_counts(self, *, later: bool = False) -> None:
        """The navigator's and the status bar's counts; `later`: read in a worker (during an import)."""
        if self.case is None:
            return
        if later:
            self.loader.load(self.case, "counts", _read_counts, self._counts_read)
        else:
            self._counts_read(_read_counts(self.case), "")

    def _counts_read(self, got: tuple[dict[str, int], dict[str, int]] | None, error: str) -> None:
        if got is None or self.case is None:
            return
        counts, nav = got
        self._set_nav_counts(nav)
        total = sum(counts.values())
        detail = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        self.status_counts.setText(f"{total} items" + (f" ({detail})" if detail else ""))
        # "before later changes" once an edit or an import lands
        verified.show_last(self.status_verify, self.case, self.td)

    def _set_nav_counts(self, counts: dict[str, int]) -> None:
        """Navigator titles with how many records each lists ("Photos (12)")."""
        for key, title in NAVIGATOR:
            self.nav_items[key].setText(0, nav_title(title, counts.get(key)))

    # ---- views ------------------------------------------------------------------------------
    def show_view(self, key: str, *, later: bool = False) -> None:
        """Show one navigator entry in the centre (`later`: a table is read again in a worker and
        shown when read; what it shows until then is the table as it was)."""
        self.current_view = key
        if self.navigator.currentItem() is not self.nav_items.get(key):
            self.navigator.blockSignals(True)
            self.navigator.setCurrentItem(self.nav_items[key])
            self.navigator.blockSignals(False)
        if self.case is None:
            self.stack.setCurrentWidget(self.start)
            return
        try:
            self._fill_view(key, later=later)
        except CasefileError as exc:
            self.stack.setCurrentWidget(self.records)
            self.records.show_note(f"{dict(NAVIGATOR)[key]}: {exc}")
        if self.selected:
            self._sync_views(self.selected)

    def _fill_view(self, key: str, *, later: bool = False) -> None:
        case = self.case
        assert case is not None
        self.records.filter.setPlaceholderText(f"Filter {dict(NAVIGATOR)[key].lower()}…")
        self.log_filters.setVisible(key == "ledger")
        if key == "photos":
            thumbs = reads.thumbnail_paths(case)
            refs = names.refs(case)
            self.photos.set_photos([GridPhoto(id=it["id"], original_name=f"{refs.get(it['id'], '')} "
                                              f"{it['original_name'] or ''}".strip(),
                                              path=thumbs.get(it["id"]) or case.blob_path(it))
                                    for it in reads.image_items(case)])
            self.stack.setCurrentWidget(self.photos)
        elif key == "map":
            self.stack.setCurrentWidget(self.map_pane)
            if not self.behind.deliver("map", self._map_loaded):
                self.statusBar().showMessage("Loading the map…")
                self.loader.load(case, "map", mapdata.gather, self._map_loaded)
        elif key == "timeline":
            self.stack.setCurrentWidget(self.timeline)
            if not self.behind.deliver("timeline", self._timeline_loaded):
                self.statusBar().showMessage("Loading the timeline…")
                self.loader.load(case, "timeline", timeline.gather, self._timeline_loaded)
        elif key == "search":
            self.records.show_rows(search_columns(Names.of(case)), search_rows(case, self._search_text)
                                   if self._search_text else [], lambda r: r.id)
            self.stack.setCurrentWidget(self.records)
        elif later:                              # after an operation the table is read in a worker
            cat = CATEGORIES[key]
            self.loader.load(case, "records", lambda c: (list(cat.load(c)), Names.of(c)),
                             lambda got, error: self._records_read(key, got, error, reselect=True))
        else:
            self._records_read(key, (CATEGORIES[key].load(case), Names.of(case)), "")

    def _records_read(self, key: str, got: tuple[Sequence[Any], Names] | None, error: str, *,
                      reselect: bool = False) -> None:
        if self.case is None or key != self.current_view:
            return
        if got is None:
            self.records.show_note(f"{dict(NAVIGATOR)[key]}: {error}")
            self.stack.setCurrentWidget(self.records)
            return
        cat = CATEGORIES[key]
        rows, nm = got
        if key == "ledger":
            rows = self.log_filters.fill(list(rows), nm)
        self.records.show_rows(cat.all_columns(self.td, nm), rows, cat.item_id)
        self.mark_problems()
        self.stack.setCurrentWidget(self.records)
        if reselect and self.selected:
            self.records.select_item(self.selected)

    def mark_problems(self) -> None:
        """Mark the rows with a problem: items the last verification found one with, claims that
        have no source yet (the command line refuses those; the window asks, then lists them)."""
        probs: dict[str, str] = {}
        if self.last_verify is not None:
            for p in self.last_verify.problems:
                if p.item_id:
                    probs.setdefault(p.item_id, p.message)
        if self.current_view == "claims":
            for c in self.records.model.records:
                if isinstance(c, Claim) and not c.source_ids:
                    probs[c.id] = ("Problem: no source yet. Add the source that makes this claim "
                                   "(right-click ▸ Add a source).")
        self.records.model.set_problems(probs)

    def _map_loaded(self, data: MapData | None, error: str) -> None:
        self.statusBar().clearMessage()
        if error:
            self.notify("Map", error, error=True)
        elif self.case is not None and data is not None:
            self.map_pane.show_data(data)
            if self.selected:
                self.map.select_item(self.selected)
        self.viewLoaded.emit("map")

    def _timeline_loaded(self, events: list[Event] | None, error: str) -> None:
        self.statusBar().clearMessage()
        if error:
            self.notify("Timeline", error, error=True)
        elif self.case is not None and events is not None:
            self.timeline.set_events(events)
            if self.selected:
                self.timeline.select_item(self.selected)
        self.viewLoaded.emit("timeline")

    def _moment_wanted(self, t: float) -> None:
        """Read each aircraft's state at the slider's moment off the UI thread."""
        if self.case is None:
            self.map_pane.show_moment(None)
            return
        data = self.map.data
        ids = sorted(data.stretches)
        times = {p.item_id: (p.t, p.uncertainty_s) for p in data.photos.values() if p.t is not None}
        self.loader.load(self.case, "moment", lambda c: mapdata.moment(c, t, ids, times), self._moment_loaded)

    def _runways_wanted(self, lat: float, lon: float) -> None:
        """At airport zoom: the runways around the map's centre, read off the UI thread."""
        if self.case is None:
            return
        self.loader.load(self.case, "runways", lambda _c: runways_near(lat, lon), self._runways_loaded)

    def _runways_loaded(self, lines: list[RunwayLine] | None, error: str) -> None:
        if error:
            self.statusBar().showMessage(f"Runways: {error}", 8000)
        self.map.runways.show(lines or [])

    def set_slider_span(self, what: str) -> None:
        """The time slider spans the case, the selected flight, leg or claim window, or a range."""
        pane = self.map_pane
        if self.case is None or pane.case_span is None:
            return
        if what == "selection":
            got = mapdata.selection_span(self.case, self.selected)
            if got is None:
                self.statusBar().showMessage("Select a flight file, aircraft, claim with a time window, "
                                             "reported flight or dated photo for the slider to span", 8000)
                return
            pane.set_span(*got)
        elif what == "range":
            ask_range(self, self.case.default_tz, lambda lo, hi: pane.set_span(lo, hi, "the chosen range"))
        else:
            pane.set_span(*pane.case_span, "the case's tracks and dated photos")

    def _moment_loaded(self, m: mapdata.Moment | None, error: str) -> None:
        if error:
            self.statusBar().showMessage(f"Time slider: {error}", 8000)
        self.map_pane.show_moment(m)

    @property
    def loading(self) -> bool:
        """Whether something the window shows is still being read in a worker."""
        return self.loader.busy

    def refresh(self, *, later: bool = False) -> None:
        """Show the case again after a change (`later`: after a long operation, the reads that grow
        with the case run in a worker)."""
        self.behind.forget()                     # what it read may have changed
        self.update_counts()
        self.show_view(self.current_view, later=later)
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
        if self.map_pane.span_box.currentData() == "selection":
            self.set_slider_span("selection")
        self._sync_views(item_id)
        self.selectionChanged.emit(item_id)

    def reveal_item(self, item_id: str) -> None:
        """Select an item and make sure the centre shows it (All evidence if the view cannot)."""
        self.select_item(item_id)
        w = self.stack.currentWidget()
        shown = ((w is self.records and self.records.select_item(item_id))
                 or (w is self.photos and self.photos.select_item(item_id))
                 or (w is self.map_pane and item_id in self.map.markers)
                 or (w is self.timeline and any(item_id in e.item_ids for e in self.timeline.events)))
        if not shown:
            self.show_view("all")

    def _update_docks(self, rid: str) -> None:
        """Every panel follows the selection: details of the record, provenance and metadata of its
        file (a source's capture, a claim's first evidence, a finding's first item)."""
        assert self.case is not None
        try:
            kind = names.kind_of(self.case, rid)
            self.details.show_record(self.case, rid, self.td)
            item_id = rid if kind == "item" else self._file_of(rid, kind)
            self.provenance.show_item(self.case, item_id, self.td)
            self.metadata.show_item(self.case, item_id, self.td)
            focus = rid if kind == "finding" else None       # the finding chosen in the list
            about = item_id if kind == "finding" and item_id else rid
            self.xref.show_item(self.case, about, self.td, focus=focus)
            if kind not in ("item", None) and self.current_view != "all":
                self.details.raise_()
        except CasefileError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    def _file_of(self, rid: str, kind: str | None) -> str | None:
        """The evidence file that stands for a record in the provenance and metadata panels."""
        assert self.case is not None
        if kind == "source":
            src = analyst.get_source(self.case, rid)
            return next(iter(src.item_roles), None)
        if kind == "claim":
            return next((lk.item_id for lk in analyst.claim_links(self.case, rid)), None)
        if kind == "finding":
            f = next((x for x in findings(self.case) if x.id == rid), None)
            return next((i for i in f.item_ids if names.kind_of(self.case, i) == "item"), None) if f else None
        return None

    def _sync_views(self, item_id: str) -> None:
        w = self.stack.currentWidget()
        if w is self.records:
            self.records.select_item(item_id)
        elif w is self.photos:
            self.photos.select_item(item_id)
        self.map.select_item(item_id)
        self.timeline.select_item(item_id)

    # ---- analyst edits (undoable) ----------------------------------------------------------
    def edit_item(self, item_id: str, field: str, value: str | int | None, text: str) -> bool:
        """Change an item's notes or sensitive flag: a core command on the undo stack."""
        if self.case is None:
            return False
        if field == "notes":
            command = ItemEdit(item=item_id, notes=str(value) if value else None, clear_notes=not value)
        elif field == "sensitive":
            command = ItemEdit(item=item_id, sensitive=bool(value))
        else:
            raise ValueError(f"{field} is not an analyst-editable item field")
        return self.push_edit(Edit(text, command)) is not None

    def push_edit(self, edit: Edit) -> EditCommand | None:
        """Run an analyst edit through the core off the UI thread, on the undo stack."""
        if self.case is None:
            self.notify(edit.text, "Open or create a case first.", error=True)
            return None
        cmd = EditCommand(self.edits, edit)
        self.undo_stack.push(cmd)
        return cmd

    def _edited(self, cmd: EditCommand, direction: str, error: str) -> None:
        if error:
            if direction == "undo" and cmd.applied:       # refused: the edit stays in effect
                keep_in_place(self.undo_stack, cmd)
                self.notify(f"Undo {cmd.text()}", error, error=True)
                if self.edits.idle:
                    self.refresh()        # what the refusal names (another's later edit) is shown
                return
            self.notify(cmd.text(), error, error=True)
            if direction == "redo" and not cmd.applied:
                drop_failed(self.undo_stack, cmd)
            return
        self.statusBar().showMessage(("Undone: " if direction == "undo" else "") + cmd.text(), 8000)
        made = direction == "redo" and cmd.done is not None and cmd.edit.command.name in NEW_RECORDS
        new = cmd.done.record_id if made and cmd.done else None     # a new record is shown
        if self.edits.idle:
            self.refresh()
        if new:
            view = VIEW_OF_KIND.get(names.kind_of(self.case, new) or "") if self.case else None
            if view and self.current_view != view:
                self.show_view(view)          # a new claim is shown selected among the claims
            self.reveal_item(new)

    def _xref_done(self, error: str) -> None:
        if error:
            self.notify("Cross-reference", error, error=True)
            return
        self.statusBar().showMessage("Cross-reference up to date", 6000)
        if self.edits.idle:
            self.refresh()

    def run_xref(self) -> None:
        """Recompute every finding now (edits and imports keep them current by themselves)."""
        self.edits.run_xref_now()

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

    def set_local_time(self, local: bool) -> None:
        self.td.local = local
        if self.case:
            self.refresh()
