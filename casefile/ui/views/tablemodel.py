"""Table models over lists of records (QAbstractTableModel), sorted and filtered by a proxy."""

from __future__ import annotations

import heapq
import html
import threading
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
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from casefile.ui.operations import quietgc

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


_SLICE = 4096              # records sorted at a time by a worker (see _order)
ASYNC_ROWS = 5000           # above this many records, sorting and the filter index run off the UI thread
START_AFTER_MS = 30         # a worker starts after the table's first paint


def _sort_key(getter: Callable[[Any], object]) -> Callable[[Any], tuple[int, int, float | str]]:
    def key(rec: Any) -> tuple[int, int, float | str]:
        v = getter(rec)
        if v is None or v == "":
            return (1, 0, "")
        if isinstance(v, (int, float)):
            return (0, 0, v)
        return (0, 1, str(v).casefold())
    return key


def _matching(records: list[Any], hay: dict[int, str], needle: str, *,
              columns: object = None) -> list[Any]:
    """The records whose filter-index text contains `needle` (lower case)."""
    return [r for r in records if needle in hay[id(r)]]


class _Arrivals(QObject):
    """Carries a background result to the UI thread (a signal emitted from a worker is queued)."""

    ready = Signal(int, str, object)          # ticket, "order" | "index" | "filter", payload


class RecordTableModel(QAbstractTableModel):
    """Rows are the records of one listing (dataclasses or typed dicts); columns say how to show them.

    One model shows every listing in turn, so it holds Column[Any]; RecordView.show_rows keeps a
    listing's records, columns and item ids of one type. `records` holds every record in the sort
    order, `rows` those the filter shows (the model's rows). The filter box searches a filter index
    (each record's shown text, lower case); for more than ASYNC_ROWS records the index is built and
    sorting is done in a worker thread, and the result is shown when it arrives (`busy` meanwhile),
    so the UI thread only applies it.
    """

    def __init__(self, columns: Sequence[Column[Any]], item_id: Callable[[Any], str | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: list[Column[Any]] = list(columns)
        self.records: list[Any] = []             # every record, in the sort order
        self.rows: list[Any] = []                # the records the filter shows
        self.item_id_of = item_id
        self.problems: dict[str, str] = {}       # item id -> problem shown on its row
        self._text: dict[int, list[str]] = {}    # shown row -> shown texts (filled lazily)
        self._hay: dict[int, str] | None = None  # id(record) -> lower-case text of all columns
        self._needle = ""
        self._pending: dict[str, int] = {}       # background work not arrived yet -> its ticket
        self._tickets = 0
        self._arrivals = _Arrivals(self)
        self._arrivals.ready.connect(self._arrived)
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder

    @property
    def busy(self) -> bool:
        """Whether a sort or the filter index is still being computed off the UI thread."""
        return bool(self._pending)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._pending = {}
        self.records = list(rows)
        self._text, self._hay = {}, None
        big = self._big()
        if 0 <= self.sort_column < len(self.columns):
            if big:
                self._in_background("order", self._order, self.records, self.sort_column,
                                    self.sort_order)
            else:
                self.records = self._order(self.records, self.sort_column, self.sort_order)
        if big:
            self._in_background("index", self._index, self.records)
        if self._needle and not big:
            self._hay = self._index(self.records)
            self.rows = _matching(self.records, self._hay, self._needle)
        else:
            self.rows = self.records             # a large table is filtered when its index arrives
        self.endResetModel()

    def _big(self) -> bool:
        return len(self.records) > ASYNC_ROWS

    def _in_background(self, what: str, fn: Callable[..., Any], *args: Any) -> None:
        self._tickets += 1
        ticket, columns = self._tickets, list(self.columns)
        self._pending[what] = ticket             # a newer request of the same kind replaces it

        def work() -> None:
            if self._pending.get(what) == ticket:
                quietgc.hold()           # no collector pass over the keys it makes (the GIL)
                try:
                    result = fn(*args, columns=columns)
                finally:
                    quietgc.release()
                self._arrivals.ready.emit(ticket, what, result)

        # started once the window has drawn what it has: a worker running Python while the table
        # sizes its columns and paints makes every cell's call into Python wait for the GIL
        QTimer.singleShot(START_AFTER_MS, lambda: threading.Thread(target=work, name=f"table-{what}",
                                                                   daemon=True).start())

    def _filter_in_background(self) -> None:
        if self._hay is not None:                # else the index's arrival starts it
            self._in_background("filter", _matching, self.records, self._hay, self._needle)

    def _arrived(self, ticket: int, what: str, payload: Any) -> None:
        if self._pending.get(what) != ticket:
            return                               # rows, columns, sort or filter changed since
        del self._pending[what]
        if what == "index":
            self._hay = payload
            if self._needle:
                self._filter_in_background()
        elif what == "order":
            self.layoutAboutToBeChanged.emit()
            self.records = payload
            if not self._needle:
                self.rows = self.records
            self._text = {}
            self.layoutChanged.emit()
            if self._needle:
                self._filter_in_background()     # the shown rows take the new order with it
        else:
            self._show(payload)

    def _show(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._text = {}
        self.endResetModel()

    def _order(self, records: list[Any], column: int, order: Qt.SortOrder, *,
               columns: list[Column[Any]] | None = None) -> list[Any]:
        """The records sorted by one column (a key sort; empty values last)."""
        col = (columns or self.columns)[column]
        key, down = _sort_key(col.sort or col.text), order == Qt.SortOrder.DescendingOrder
        # sorted in slices, then merged: a worker never holds the interpreter for one long C-level
        # sort, so the UI thread keeps running; (key, ±position) keeps equal keys in their order
        keyed = [(key(r), -i if down else i) for i, r in enumerate(records)]
        runs = [sorted(keyed[lo:lo + _SLICE], reverse=down) for lo in range(0, len(keyed), _SLICE)]
        merged = runs[0] if len(runs) == 1 else heapq.merge(*runs, reverse=down)
        return [records[abs(i)] for _, i in merged]

    def _index(self, records: list[Any], *, columns: list[Column[Any]] | None = None) -> dict[int, str]:
        """The filter index: each record's shown text in every column, lower case."""
        cols = columns or self.columns
        out = {}
        for rec in records:
            out[id(rec)] = "\x1f".join("" if (v := c.text(rec)) is None else str(v)
                                       for c in cols).casefold()
        return out

    def set_filter_text(self, text: str) -> None:
        """Show only the records whose shown text contains `text` (case-insensitive); for a large
        table the matching records are found off the UI thread and shown when found."""
        needle = text.casefold().strip()
        if needle == self._needle:
            return
        self._needle = needle
        self._pending.pop("filter", None)
        if not needle:
            self._show(self.records)
        elif self._big():
            self._filter_in_background()
        else:
            if self._hay is None:
                self._hay = self._index(self.records)
            self._show(_matching(self.records, self._hay, needle))

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
        rec = self.rows[row]
        if self._hay is not None and id(rec) in self._hay:
            return self._hay[id(rec)]
        return "\x1f".join(self.texts(row)).casefold()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the records themselves: a key sort, in a worker thread for large tables."""
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        if self._big():
            self._in_background("order", self._order, self.records, column, order)
            return
        self.layoutAboutToBeChanged.emit()
        self.records = self._order(self.records, column, order)
        self.rows = _matching(self.records, self._hay, self._needle) \
            if self._needle and self._hay is not None else self.records
        self._text = {}
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
    """Passes filtering and sorting to the RecordTableModel below it, which does both over its
    records (a proxy filter would call Python once per row: too slow at 100,000 rows)."""

    def set_filter_text(self, text: str) -> None:
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.set_filter_text(text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.sort(column, order)
