"""The main window: the case window with its menus and toolbar, long operations, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

from casefile.photos import query as photos
from casefile.ui import names
from casefile.ui.operations.runner import Operation
from casefile.ui.window import edit_form, launch, menus
from casefile.ui.window.case import CaseWindow
from casefile.ui.window.contextmenu import item_menu
from casefile.ui.window.opener import open_item


class MainWindow(CaseWindow):
    """One window, at most one open case."""

    def __init__(self, investigator: str | None = None) -> None:
        super().__init__(investigator)
        self.setAcceptDrops(True)
        menus.build_actions(self)
        self.act_local_time.setChecked(self.td.local)
        self.resize(1400, 860)
        geometry, state = self.qs.value("geometry"), self.qs.value("state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.ops.started.connect(lambda op: launch.op_started(self, op))
        self.provenance.verifyRequested.connect(lambda i: self.verify(i))
        self.status_verify.linkActivated.connect(lambda _link: self.verify())
        self.metadata.elaRequested.connect(lambda i: launch.compute_ela(self, i))
        for view in (self.records, self.photos):
            view.contextRequested.connect(self._context_menu)
        self.map.placeRequested.connect(self._place_here)
        self.details.actionRequested.connect(self.run_record_action)
        self.start.newRequested.connect(self.act_new.trigger)
        self.start.openRequested.connect(self.act_open.trigger)
        self.start.bundleRequested.connect(self.act_open_bundle.trigger)
        self.start.guideRequested.connect(self.act_guide.trigger)
        self.start.recentChosen.connect(self.open_case)
        self.start.demoRequested.connect(lambda: launch.open_demo(self))
        self.show_case_state()

    # ---- long operations (launch.py: in a worker, with progress and Cancel) --------------
    def import_files(self, paths: list[str], *, workers: int | None = None) -> Operation | None:
        """Import files or folders (content decides the kind)."""
        return launch.import_files(self, paths, workers=workers)

    def verify(self, item_id: str | None = None) -> Operation | None:
        """Verify the whole case, or one item."""
        return launch.verify(self, item_id)

    def export_report(self, out: str) -> Operation | None:
        """Write the PDF case report."""
        return launch.export_report(self, out)

    def _place_here(self, lat: float, lon: float) -> None:
        """Right-click on the map: place the selected photo there (asks first)."""
        if self.case is None or not self.selected or names.kind_of(self.case, self.selected) != "item" \
                or self.selected not in {p.item_id for p in photos.list_photos(self.case)}:
            self.statusBar().showMessage("Select a photo first, then right-click where it was taken", 8000)
            return
        dlg = edit_form.ask(self, "place-photo", self.selected)
        if dlg is not None:
            dlg.set_value("lat", f"{lat:.6f}")
            dlg.set_value("lon", f"{lon:.6f}")

    def run_record_action(self, action: str, rid: str) -> object:
        """A Details link (`do:ACTION:ID`): the same form and edit as the menus' action of that name."""
        if self.case is None:
            return None
        if action == "open":
            return open_item(self, rid)
        return edit_form.ask(self, action, rid)

    def _context_menu(self, item_id: str, pos: QPoint) -> None:
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
