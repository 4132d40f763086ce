"""Table models over lists of records (QAbstractTableModel), sorted and filtered by a proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: header, how to get the shown text, and (optionally) the value to sort by."""

    header: str
    text: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    tip: str = ""


class RecordTableModel(QAbstractTableModel):
    """Rows are any records (dicts or dataclasses); columns say how to show them."""

    def __init__(self, columns: Sequence[Column], item_id: Callable[[Any], str | None],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._item_id = item_id
        self.problems: dict[str, str] = {}       # item id -> problem shown on its row

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

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
        return self._item_id(self.rows[row]) if 0 <= row < len(self.rows) else None

    def row_of(self, item_id: str) -> int:
        for i, rec in enumerate(self.rows):
            if self._item_id(rec) == item_id:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            value = col.text(rec)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            value = (col.sort or col.text)(rec)
            return "" if value is None else value
        if role == ITEM_ID_ROLE:
            return self._item_id(rec)
        problem = self.problems.get(self._item_id(rec) or "")
        if problem and role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if problem and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(200, 30, 30))
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter over every column; sorts by each column's sort value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
