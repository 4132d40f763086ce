"""Table models over lists of records (QAbstractTableModel), sorted and filtered by a proxy."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
LONG_CELL = 60              # cells with longer text show all of it as a tooltip

Index = QModelIndex | QPersistentModelIndex
VERDICT_COLORS = {"consistent": "#1a7f37", "inconsistent": "#c62828", "undetermined": "#8a6d00"}

R = TypeVar("R")


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column of records of type R: header, the shown text, and (optionally) the value to sort by."""

    header: str
    text: Callable[[R], object]
    sort: Callable[[R], object] | None = None
    tip: str = ""


class RecordTableModel(QAbstractTableModel):
    """Rows are the records of one listing (dataclasses or typed dicts); columns say how to show them.

    One model shows every listing in turn, so it holds Column[Any]; RecordView.show_rows keeps a
    listing's records, columns and item ids of one type.
    """

    def __init__(self, columns: Sequence[Column[Any]], item_id: Callable[[Any], str | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: list[Column[Any]] = list(columns)
        self.rows: list[Any] = []
        self.item_id_of = item_id
        self.problems: dict[str, str] = {}       # item id -> problem shown on its row
        self._text: dict[int, list[str]] = {}    # row -> shown texts (filled lazily)
        self._hay: list[str] | None = None       # row -> lower-case text of all columns
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._text, self._hay = {}, None
        if 0 <= self.sort_column < len(self.columns):
            self._sort_rows(self.sort_column, self.sort_order)
        self.endResetModel()

    def texts(self, row: int) -> list[str]:
        """The shown text of every column of a row (computed once)."""
        got = self._text.get(row)
        if got is None:
            rec = self.rows[row]
            got = []
            for col in self.columns:
                value = col.text(rec)
                got.append("" if value is None else str(value))
            self._text[row] = got
        return got

    def haystack(self, row: int) -> str:
        """Lower-case text of the whole row, for the filter box."""
        if self._hay is None:
            self._hay = ["\x1f".join(self.texts(r)).casefold() for r in range(len(self.rows))]
        return self._hay[row]

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        col = self.columns[column]
        getter = col.sort or col.text

        def key(rec: Any) -> tuple[int, int, float | str]:
            v = getter(rec)
            if v is None or v == "":
                return (1, 0, "")
            if isinstance(v, (int, float)):
                return (0, 0, v)
            return (0, 1, str(v).casefold())

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._text, self._hay = {}, None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the records themselves (a C-speed key sort, fast for large cases)."""
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def set_problems(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1,
                                                               len(self.columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tip or None
        return None

    def item_id(self, row: int) -> str | None:
        return self.item_id_of(self.rows[row]) if 0 <= row < len(self.rows) else None

    def row_of(self, item_id: str) -> int:
        for i, rec in enumerate(self.rows):
            if self.item_id_of(rec) == item_id:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.texts(index.row())[index.column()]
        if role == SORT_ROLE:
            value = (col.sort or col.text)(rec)
            return "" if value is None else value
        if role == ITEM_ID_ROLE:
            return self.item_id_of(rec)
        if role == Qt.ItemDataRole.ForegroundRole and col.header == "Verdict":
            color = VERDICT_COLORS.get(self.texts(index.row())[index.column()])
            if color:
                return QBrush(QColor(color))
        problem = self.problems.get(self.item_id_of(rec) or "")
        if problem and role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if problem and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(200, 30, 30))
        if role == Qt.ItemDataRole.ToolTipRole:             # long text: all of it on hover
            text = self.texts(index.row())[index.column()]
            if isinstance(text, str) and len(text) > LONG_CELL:
                return f"<p>{html.escape(text)}</p>"
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter over every column; sorting is passed to the source model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):           # Qt 6.9+
            self.beginFilterChange()
            self._needle = text.casefold().strip()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = text.casefold().strip()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        return isinstance(model, RecordTableModel) and self._needle in model.haystack(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.sort(column, order)
