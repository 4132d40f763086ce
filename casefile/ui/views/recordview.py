"""A filterable, sortable table of one category, or a clear note when that part is not available."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.views.tablemodel import ITEM_ID_ROLE, Column, RecordFilterProxy, RecordTableModel

SHORT = {"Verdict", "Seq", "Ref"}        # columns that need no room for a name
R = TypeVar("R")


class RecordView(QWidget):
    """Table + filter box; emits itemSelected(item_id) and contextRequested(item_id, global pos)."""

    itemSelected = Signal(str)
    contextRequested = Signal(str, object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.filter = QLineEdit(placeholderText=f"Filter {name.lower()}…", clearButtonEnabled=True)
        self.filter.setAccessibleName(f"Filter {name}")
        self.model = RecordTableModel([], lambda r: None, self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName(f"{name} table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self._headers: tuple[list[str], int] = ([], 0)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context)
        self.note = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.note.setAccessibleName(f"{name} note")
        self._stack = QStackedLayout()
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        self.tools = QHBoxLayout()           # filters a listing adds beside the text filter
        self.tools.addWidget(self.filter, 1)
        inner.addLayout(self.tools)
        inner.addWidget(self.table)
        self._stack.addWidget(holder)
        self._stack.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stack)
        self.filter.textChanged.connect(self.proxy.set_filter_text)
        self.table.selectionModel().currentRowChanged.connect(self._current)

    def show_rows(self, columns: list[Column[R]], rows: Sequence[R],
                  item_id: Callable[[R], str | None]) -> None:
        """Show these records (keeps the sort column)."""
        if [c.header for c in columns] != [c.header for c in self.model.columns]:
            self.model.sort_column = -1
        self.model.columns = columns
        self.model.item_id_of = item_id
        self.model.set_rows(rows)
        self._stack.setCurrentIndex(0)
        header = self.table.horizontalHeader()
        if self.model.sort_column < 0:
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        else:
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        headers = [c.header for c in columns]
        sample = min(len(rows), 60)         # columns are sized from up to 60 rows
        if headers != self._headers[0] or sample > self._headers[1]:
            # size columns once per kind of table, and again while its first rows are arriving
            self._headers = (headers, sample)
            self.table.resizeColumnsToContents()
            for c in range(len(columns)):
                if self.table.columnWidth(c) > 360:
                    self.table.setColumnWidth(c, 360)
            name = next((i for i, h in enumerate(headers) if h not in SHORT), None)
            if rows and name is not None and name < 2 and self.table.columnWidth(name) < 200 \
                    and headers[0] != "Verdict":
                # the first wide column names the record (a verdict is short: its width goes to the text)
                self.table.setColumnWidth(name, 200)

    def show_note(self, text: str) -> None:
        """Show a message instead of the table (e.g. part not available, or an error)."""
        self.note.setText(text)
        self._stack.setCurrentIndex(1)

    def current_record(self) -> object:
        """The record of the current row (None when no row is current)."""
        idx = self.proxy.mapToSource(self.table.currentIndex())
        return self.model.rows[idx.row()] if idx.isValid() and idx.row() < len(self.model.rows) else None

    def select_item(self, item_id: str) -> bool:
        """Select the row of this item if shown (the current row stays when it is one of the item's
        rows, e.g. a second finding about the same photo); no signal loop."""
        current = self.table.currentIndex()
        if current.isValid() and current.data(ITEM_ID_ROLE) == item_id:
            return True
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():
            return False
        self.table.blockSignals(True)
        self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)
        self.table.scrollTo(idx)
        return True

    def _current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        item_id = current.data(ITEM_ID_ROLE) if current.isValid() else None
        if item_id:
            self.itemSelected.emit(item_id)

    def _context(self, pos: QPoint) -> None:
        idx = self.table.indexAt(pos)
        item_id = idx.data(ITEM_ID_ROLE) if idx.isValid() else None
        if item_id:
            self.contextRequested.emit(item_id, self.table.viewport().mapToGlobal(pos))
