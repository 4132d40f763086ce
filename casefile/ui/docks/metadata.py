"""Image metadata checks: normalised fields, capture time and basis, raw tags, checks, images, ELA."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QHelpEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import NotFound
from casefile.model.findings import CheckFinding
from casefile.photos import query as photos
from casefile.present.findings import label as field_label
from casefile.present.numbers import shorten
from casefile.present.positions import position_rows
from casefile.present.times import TimeDisplay
from casefile.store import Case
from casefile.store.reads import is_photo_item
from casefile.ui.docks.readable import field_text
from casefile.ui.views.photogrid import load_thumbnail
from casefile.ui.views.tablemodel import Column, RecordFilterProxy, RecordTableModel

SEVERITY_MARK = {"warning": "⚠ warning", "notice": "● notice", "info": "ℹ info"}
FIELD_LIMIT = 120          # longer check field values are shortened with "…"
SEVERITY_COLOR = {"warning": "#c62828", "notice": "#8a6d00", "info": "#1f5f99"}


class ChecksBrowser(QTextBrowser):
    """The checks text: a shortened field's full value shows as a tooltip over its "show all" link."""

    def __init__(self) -> None:
        super().__init__()
        self.full: dict[str, str] = {}          # field:N anchor -> the field's full text
        self.expanded: set[str] = set()         # anchors shown in full

    def tooltip_at(self, pos: QPoint) -> str | None:
        """The full value of the shortened field whose link is at this viewport position."""
        anchor = self.anchorAt(pos)
        if anchor in self.full and anchor not in self.expanded:
            return f"<p>{html.escape(self.full[anchor])}</p>"
        return None

    def viewportEvent(self, e: QEvent) -> bool:      # tooltips arrive at the viewport
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            tip = self.tooltip_at(e.pos())
            if tip:
                QToolTip.showText(e.globalPos(), tip, self.viewport())
                return True
            QToolTip.hideText()
        return super().viewportEvent(e)


class _Signals(QObject):
    done = Signal(str, str, QImage)


class _ImageJob(QRunnable):
    def __init__(self, key: str, slot: str, path: Path, size: int, signals: _Signals) -> None:
        super().__init__()
        self.key, self.slot, self.path, self.size, self.signals = key, slot, path, size, signals

    def run(self) -> None:
        self.signals.done.emit(self.key, self.slot, load_thumbnail(self.path, self.size))


class MetadataDock(QDockWidget):
    """Follows the selection; asks the window to compute ELA on demand (elaRequested)."""

    elaRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Image metadata checks", parent)
        self.setObjectName("MetadataDock")
        self.setAccessibleName("Image metadata checks")
        self.item_id: str | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._image_loaded)
        self.title = QLabel("Select a photo.")
        self.title.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Metadata tabs")
        # summary
        self.summary = QWidget()
        self.form = QFormLayout(self.summary)
        self.tabs.addTab(self._scroll(self.summary), "Summary")
        # checks
        self.checks = ChecksBrowser()
        self.checks.setAccessibleName("Metadata checks")
        self.checks.setOpenLinks(False)
        self.checks.anchorClicked.connect(self._field_clicked)
        self._found: list[CheckFinding] = []
        self._td = TimeDisplay()
        self.tabs.addTab(self.checks, "Checks")
        # raw tags
        tags_box = QWidget()
        tl = QVBoxLayout(tags_box)
        self.tag_filter = QLineEdit(placeholderText="Search tags…", clearButtonEnabled=True)
        self.tag_filter.setAccessibleName("Search raw tags")
        self.tags_model = RecordTableModel([Column("Group", lambda r: r[0]), Column("Tag", lambda r: r[1]),
                                            Column("Value", lambda r: r[2])], lambda r: None, self)
        self.tags_proxy = RecordFilterProxy(self)
        self.tags_proxy.setSourceModel(self.tags_model)
        self.tags_view = QTableView()
        self.tags_view.setAccessibleName("Raw tags")
        self.tags_view.setModel(self.tags_proxy)
        self.tags_view.setSortingEnabled(True)
        self.tags_view.verticalHeader().hide()
        self.tags_view.horizontalHeader().setStretchLastSection(True)
        self.tag_filter.textChanged.connect(self.tags_proxy.set_filter_text)
        self.tags_note = QLabel("")
        tl.addWidget(self.tag_filter)
        tl.addWidget(self.tags_note)
        tl.addWidget(self.tags_view)
        self.tabs.addTab(tags_box, "Raw tags")
        # thumbnail vs image
        img_box = QWidget()
        grid = QGridLayout(img_box)
        self.thumb_label, self.image_label = QLabel(), QLabel()
        for col, (cap, lab) in enumerate([("Embedded/stored thumbnail", self.thumb_label),
                                          ("Image", self.image_label)]):
            grid.addWidget(QLabel(f"<b>{cap}</b>"), 0, col)
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lab.setMinimumSize(160, 160)
            lab.setAccessibleName(cap)
            grid.addWidget(lab, 1, col)
        self.tabs.addTab(img_box, "Thumbnail vs image")
        # ELA
        ela_box = QWidget()
        el = QVBoxLayout(ela_box)
        self.ela_button = QPushButton("Compute &Error Level Analysis")
        self.ela_button.setAccessibleName("Compute error level analysis")
        self.ela_note = QLabel("Error Level Analysis re-saves the image at JPEG quality 90 and shows "
                               "where it changes most. Bright areas are not proof of editing.")
        self.ela_note.setWordWrap(True)
        self.ela_label = QLabel()
        self.ela_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ela_label.setAccessibleName("Error level analysis image")
        el.addWidget(self.ela_button)
        el.addWidget(self.ela_note)
        el.addWidget(self.ela_label, 1)
        self.tabs.addTab(ela_box, "ELA")
        self.ela_button.clicked.connect(lambda: self.item_id and self.elaRequested.emit(self.item_id))
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addWidget(self.title)
        lay.addWidget(self.tabs)
        self.setWidget(box)

    @staticmethod
    def _scroll(w: QWidget) -> QScrollArea:
        s = QScrollArea()
        s.setWidget(w)
        s.setWidgetResizable(True)
        return s

    def _clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.checks.clear()
        self.checks.full.clear()
        self.checks.expanded.clear()
        self._found = []
        self.tags_model.set_rows([])
        for lab in (self.thumb_label, self.image_label, self.ela_label):
            lab.clear()
            lab.setText("")

    def show_item(self, case: Case | None, item_id: str | None, td: TimeDisplay) -> None:
        self.item_id = item_id
        self._clear()
        self.ela_button.setEnabled(False)
        if case is None or not item_id:
            self.title.setText("Select a photo.")
            return
        item = case.resolve_item(item_id)
        self.title.setText(f"<b>{item['original_name'] or item_id}</b> — {item['mime']}")
        if not is_photo_item(item):
            self.form.addRow(QLabel("This item is not an image: no image metadata to check."))
            return
        self.ela_button.setEnabled(True)
        self._summary(case, item_id, td)
        self._checks(case, item_id, td)
        self._tags(case, item_id)
        self._images(case, item, item_id)

    def _summary(self, case: Case, item_id: str, td: TimeDisplay) -> None:
        try:
            info = photos.get_photo(case, item_id)
        except Exception as exc:  # noqa: BLE001 - shown where the user looks
            self.form.addRow(QLabel(f"Could not read the photo's metadata: {exc}"))
            return
        cap = info.capture
        cap_text = td.value_text(cap.to_dict()) if cap is not None else "not recorded"
        rows: list[tuple[str, object]] = [
            ("Capture time", cap_text), *position_rows(info),
            ("Camera", " ".join(x for x in (info.make, info.model) if x)),
            ("Lens", info.lens), ("Serial", info.serial), ("Software", info.software),
            ("Size", f"{info.width} × {info.height} px"), ("Orientation", info.orientation),
            ("pHash", info.phash), ("Aircraft tags", ", ".join(info.aircraft_tags))]
        for label, value in rows:
            lab = QLabel("" if value is None else str(value))
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(f"{label}:", lab)

    def _checks(self, case: Case, item_id: str, td: TimeDisplay) -> None:
        try:
            found = photos.photo_checks(case, item_id)
        except NotFound:
            self.checks.setHtml("<p>No checks: this image was kept as a plain file, not read as a photo.</p>")
            return
        if not found:
            self.checks.setHtml("<p>The checks found nothing to report.</p>")
            return
        order = {"warning": 0, "notice": 1, "info": 2}
        self._found = sorted(found, key=lambda c: order.get(c.severity, 3))
        self._td = td
        self._render_checks()

    def _render_checks(self) -> None:
        """The checks as HTML; each field on its own line, long values shortened (see ChecksBrowser)."""
        parts: list[str] = []
        full: dict[str, str] = {}
        for c in self._found:
            sev = c.severity
            lines = []
            for k, v in c.fields.items():
                anchor = f"field:{len(full)}"
                text = field_text(str(k), v, self._td)
                full[anchor] = text
                if len(text) <= FIELD_LIMIT:
                    shown = html.escape(text)
                elif anchor in self.checks.expanded:
                    shown = f"{html.escape(text)} <a href='{anchor}'>show less</a>"
                else:
                    shown = (f"{html.escape(shorten(text, FIELD_LIMIT))} "
                             f"<a href='{anchor}'>show all {len(text):,} characters</a>")
                lines.append(f"<b>{html.escape(field_label(str(k)))}:</b> {shown}")
            fields = "<br>".join(lines)
            parts.append(
                f"<p><b style='color:{SEVERITY_COLOR.get(sev, '#555')}'>"
                f"{html.escape(SEVERITY_MARK.get(sev, sev))}"
                f"</b> <b>{html.escape(c.title)}</b><br>{html.escape(c.explanation)}"
                f"<br><i>Could also be: {html.escape(c.innocent_cause)}</i>"
                + (f"<br><small>{fields}</small>" if fields else "") + "</p>")
        self.checks.full = full
        bar = self.checks.verticalScrollBar()
        pos = bar.value()
        self.checks.setHtml("".join(parts))
        bar.setValue(pos)

    def _field_clicked(self, url: QUrl) -> None:
        anchor = url.toString()
        if anchor.startswith("field:"):
            self.checks.expanded.symmetric_difference_update({anchor})
            self._render_checks()

    def _tags(self, case: Case, item_id: str) -> None:
        try:
            tags = photos.raw_tags(case, item_id)
        except NotFound:
            self.tags_note.setText("No raw tags: this image was kept as a plain file, not read as a photo.")
            return
        rows = []
        for name, value in tags.items():
            group, _, tag = name.partition(" ")
            rows.append((group, tag or name, value) if tag else ("", name, value))
        self.tags_note.setText(f"{len(rows)} tags as found in the file.")
        self.tags_model.set_rows(rows)
        self.tags_view.resizeColumnsToContents()

    def _images(self, case: Case, item: Mapping[str, Any], item_id: str) -> None:
        thumb = case.derived(item_id, "thumbnail")
        if thumb:
            self.pool.start(_ImageJob(item_id, "thumb", case.path / thumb["blob_path"], 256, self._signals))
        else:
            self.thumb_label.setText("No stored thumbnail\n(made by the photos importer)")
        self.image_label.setText("loading…")
        self.pool.start(_ImageJob(item_id, "image", case.blob_path(item), 512, self._signals))
        ela = case.derived(item_id, "ela")
        if ela:
            self.pool.start(_ImageJob(item_id, "ela", case.path / ela["blob_path"], 512, self._signals))

    def show_ela(self, case: Case, item_id: str) -> None:
        """Load the latest stored ELA image of this item."""
        ela = case.derived(item_id, "ela")
        if ela and item_id == self.item_id:
            self.pool.start(_ImageJob(item_id, "ela", case.path / ela["blob_path"], 512, self._signals))

    def _image_loaded(self, key: str, slot: str, image: QImage) -> None:
        if key != self.item_id:
            return
        label = {"thumb": self.thumb_label, "image": self.image_label, "ela": self.ela_label}[slot]
        if image.isNull():
            label.setText("cannot be decoded")
        else:
            label.setPixmap(QPixmap.fromImage(image).scaled(
                min(image.width(), 320), min(image.height(), 320), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
