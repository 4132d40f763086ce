"""Photo grid: QListView in icon mode; thumbnails decoded lazily in a QThreadPool, newest request first.

Only rows the view paints ask for a thumbnail, so 10,000 photos cost nothing until scrolled to.
A stored `thumbnail` derivation is used when the photos part made one; otherwise the original is
decoded (JPEG draft mode) in memory. Nothing is written to the case.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from pathlib import Path
from typing import Any, TypedDict

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from casefile.ui.views.tablemodel import ITEM_ID_ROLE

Index = QModelIndex | QPersistentModelIndex


class GridPhoto(TypedDict):
    """One photo in the grid: its item id, its name, and the image file to make the thumbnail from."""

    id: str
    original_name: str | None
    path: Path


def load_thumbnail(path: Path, size: int) -> QImage:
    """Decode an image file to a QImage at most `size` px; a null QImage when it cannot be read."""
    from PIL import Image, ImageOps

    try:
        with Image.open(path) as src:
            src.draft("RGB", (size, size))
            im = ImageOps.exif_transpose(src)
            im.thumbnail((size, size))
            rgba = im.convert("RGBA")
            data = rgba.tobytes("raw", "RGBA")
            return QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888).copy()
    except Exception:  # noqa: BLE001 - a broken image shows a placeholder, the grid goes on
        return QImage()


class _Signals(QObject):
    done = Signal(str, QImage)


class _ThumbJob(QRunnable):
    def __init__(self, item_id: str, path: Path, size: int, signals: _Signals) -> None:
        super().__init__()
        self.item_id, self.path, self.size, self.signals = item_id, path, size, signals

    def run(self) -> None:
        self.signals.done.emit(self.item_id, load_thumbnail(self.path, self.size))


def _screen_ratio() -> float:
    """Device pixels per logical pixel of the main screen (2.0 on a 'retina' display)."""
    screen = QGuiApplication.primaryScreen()
    return max(1.0, screen.devicePixelRatio()) if screen is not None else 1.0


class PhotoGridModel(QAbstractListModel):
    """Rows: photo items (dicts with id, original_name, path). Decorations load on demand."""

    def __init__(self, parent: QObject | None = None, size: int = 160) -> None:
        super().__init__(parent)
        self.rows: list[GridPhoto] = []
        self.size = size
        self.dpr = _screen_ratio()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._signals = _Signals()
        self._signals.done.connect(self._loaded)
        self._cache: OrderedDict[str, QIcon] = OrderedDict()
        self._pending: set[str] = set()
        self._row_of: dict[str, int] = {}
        self._priority = itertools.count(1)
        self.requested = 0
        self._placeholder = self._make_placeholder(QColor(128, 128, 128, 60))
        self._broken = self._make_placeholder(QColor(200, 60, 60, 90))
        self.broken: set[str] = set()

    def _make_placeholder(self, color: QColor) -> QIcon:
        pm = QPixmap(self.size, self.size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.fillRect(pm.rect().adjusted(8, 8, -8, -8), color)
        p.end()
        return QIcon(pm)

    def set_rows(self, rows: list[GridPhoto]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._row_of = {r["id"]: i for i, r in enumerate(rows)}
        self.endResetModel()

    def set_size(self, size: int) -> None:
        self.beginResetModel()
        self.size = size
        self._cache.clear()
        self._placeholder = self._make_placeholder(QColor(128, 128, 128, 60))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row["original_name"] or row["id"]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            extra = " (cannot be decoded)" if row["id"] in self.broken else ""
            return f"{row['original_name'] or ''} — {row['id']}{extra}"
        if role == ITEM_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(row)
        return None

    def _icon(self, row: GridPhoto) -> QIcon:
        item_id = row["id"]
        icon = self._cache.get(item_id)
        if icon is not None:
            self._cache.move_to_end(item_id)
            return icon
        if item_id in self.broken:
            return self._broken
        if item_id not in self._pending:
            self._pending.add(item_id)
            self.requested += 1
            # later requests run first: what is on screen now beats what scrolled past
            self.pool.start(_ThumbJob(item_id, row["path"], round(self.size * self.dpr), self._signals),
                            next(self._priority))
        return self._placeholder

    def _loaded(self, item_id: str, image: QImage) -> None:
        self._pending.discard(item_id)
        if image.isNull():
            self.broken.add(item_id)
        else:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.dpr)            # sharp on high-DPI screens
            self._cache[item_id] = QIcon(pixmap)
            while len(self._cache) > 600:
                self._cache.popitem(last=False)
        row = self._row_of.get(item_id)
        if row is not None:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    def stop(self) -> None:
        """Drop queued thumbnail jobs and wait for the running ones (on close)."""
        self.pool.clear()
        self.pool.waitForDone(5000)


class PhotoGridView(QListView):
    """Icon-mode grid of photos; emits itemSelected(item_id) and contextRequested(item_id, pos)."""

    itemSelected = Signal(str)
    contextRequested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None, size: int = 160) -> None:
        super().__init__(parent)
        self.setAccessibleName("Photo grid")
        self.grid_model = PhotoGridModel(self, size)
        self.setModel(self.grid_model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context)
        self._apply_size(size)
        self.selectionModel().currentChanged.connect(self._current)

    def _apply_size(self, size: int) -> None:
        self.setIconSize(QSize(size, size))
        self.setGridSize(QSize(size + 24, size + self.fontMetrics().height() + 16))

    def set_thumbnail_size(self, size: int) -> None:
        self.grid_model.set_size(size)
        self._apply_size(size)

    def set_photos(self, rows: list[GridPhoto]) -> None:
        self.grid_model.set_rows(rows)

    def select_item(self, item_id: str) -> bool:
        row = self.grid_model._row_of.get(item_id)
        if row is None:
            return False
        self.selectionModel().blockSignals(True)
        self.setCurrentIndex(self.grid_model.index(row))
        self.selectionModel().blockSignals(False)
        self.scrollTo(self.grid_model.index(row))
        return True

    def _current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.itemSelected.emit(current.data(ITEM_ID_ROLE))

    def _context(self, pos: QPoint) -> None:
        idx = self.indexAt(pos)
        if idx.isValid():
            self.contextRequested.emit(idx.data(ITEM_ID_ROLE), self.viewport().mapToGlobal(pos))
