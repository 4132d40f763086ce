"""A large table sorts and filters off the UI thread and shows the same rows a small one would
(behaviour only; benchmarks/gui.py measures how long the UI thread is held)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from casefile.ui.views.recordview import RecordView
from casefile.ui.views.tablemodel import ASYNC_ROWS, Column


def _rows(n: int) -> list[dict]:
    return [{"id": f"I{i:06d}", "n": (i * 7919) % n, "word": ("edited" if i % 3 == 0 else "imported")}
            for i in range(n)]


COLUMNS = [Column("Id", lambda r: r["id"]), Column("N", lambda r: str(r["n"]), sort=lambda r: r["n"]),
           Column("Action", lambda r: r["word"])]


def _shown(view: RecordView) -> list[dict]:
    return [view.model.rows[view.proxy.mapToSource(view.proxy.index(r, 0)).row()]
            for r in range(view.proxy.rowCount())]


def test_a_large_table_sorts_and_filters_in_the_background_like_a_small_one(qtbot) -> None:
    n = ASYNC_ROWS * 2
    rows = _rows(n)
    view = RecordView("Log")
    qtbot.addWidget(view)
    view.show_rows(COLUMNS, rows, lambda r: r["id"])
    qtbot.waitUntil(lambda: not view.model.busy, timeout=30000)
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not view.model.busy, timeout=30000)
    assert [r["n"] for r in _shown(view)] == sorted((r["n"] for r in rows), reverse=True)
    view.filter.setText("EDITED")
    qtbot.waitUntil(lambda: not view.model.busy, timeout=30000)
    shown = _shown(view)
    assert len(shown) == sum(r["word"] == "edited" for r in rows) and len(view.model.records) == n
    assert [r["n"] for r in shown] == sorted((r["n"] for r in rows if r["word"] == "edited"),
                                             reverse=True)
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)     # a sort keeps the filter
    qtbot.waitUntil(lambda: not view.model.busy, timeout=30000)
    assert [r["n"] for r in _shown(view)] == sorted(r["n"] for r in shown)
    view.filter.setText("")
    assert len(_shown(view)) == n


def test_a_small_table_sorts_and_filters_at_once(qtbot) -> None:
    rows = _rows(50)
    view = RecordView("Log")
    qtbot.addWidget(view)
    view.show_rows(COLUMNS, rows, lambda r: r["id"])
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert not view.model.busy
    assert [r["n"] for r in _shown(view)] == sorted(r["n"] for r in rows)
    view.filter.setText("edited")
    assert not view.model.busy and len(_shown(view)) == sum(r["word"] == "edited" for r in rows)
