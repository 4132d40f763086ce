"""Putting a tracked row back to a state the ledger recorded (undo and redo of an analyst command).

Only the part that owns a table calls this (analyst/restore.py, photos/edit.py, flights/reported.py),
then brings its own derived data up to date (search index, capture times). The state is a row as the
ledger records it (`canonical.row_state`: NULL columns left out), or None for "no such row": the
row is inserted under its own id, updated to that state, or deleted, each one more ledger event with
the reason, so the round trip is in the custody log as well as its result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from casefile.store import schema
from casefile.store.canonical import row_state
from casefile.store.rows import Row

if TYPE_CHECKING:
    from casefile.store.case import Case

#: A row as the ledger recorded it (NULL columns left out), or None: the row did not exist.
RowState = Mapping[str, object] | None


def _decoded(state: Mapping[str, object]) -> dict[str, object]:
    return {k: bytes.fromhex(v["$bytes"]) if isinstance(v, dict) and "$bytes" in v else v
            for k, v in state.items()}


def _pk(table: str) -> str:
    return schema.TRACKED[table].pk


def current(case: Case, table: str, pk_value: str) -> dict[str, object] | None:
    """The row as the ledger would record it now, or None when there is none."""
    pk = _pk(table)
    rows = case.rows(f"SELECT * FROM [{table}] WHERE [{pk}] = ?", [pk_value])
    return row_state(rows[0]) if rows else None


def put_back(case: Case, table: str, pk_value: str, state: RowState, *, reason: str,
             item_id: str | None = None) -> Row | None:
    """Make the row match `state` (insert, update or delete it); returns the row as it is after."""
    pk = _pk(table)
    now = current(case, table, pk_value)
    with case.transaction():
        if state is None:
            if now is not None:
                case.delete(table, pk_value, reason=reason, item_id=item_id)
            return None
        want = _decoded(state)
        if now is None:
            case.insert(table, {**want, pk: pk_value}, action="restored", item_id=item_id,
                        details={"reason": reason})
        else:
            cols = set(now) | set(want)
            case.update(table, pk_value, {c: want.get(c) for c in cols if c != pk},
                        action="restored", item_id=item_id, reason=reason)
        return case.get_row(table, pk_value)
