"""Undo of a delete: the deleted rows back under their own ids, so a restored source or claim keeps
its short reference (S2 stays S2) and every link it had. Each row is recorded again in the custody
log with the reason; the log also keeps the delete, so nothing about the round trip is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.analyst import search as idx
from casefile.analyst.inputs import resolve_id
from casefile.errors import InvalidInput
from casefile.store import putback
from casefile.store.putback import RowState
from casefile.store.rows import Row

if TYPE_CHECKING:
    from casefile.store import Case

#: (table, row) in the order they go back in: the record first, then what refers to it
Snapshot = list[tuple[str, Row]]


def _rows(case: Case, table: str, where: str, args: list[str]) -> Snapshot:
    return [(table, r) for r in case.rows(f"SELECT * FROM [{table}] WHERE {where} ORDER BY id", args)]


def source_snapshot(case: Case, source_ref: str) -> Snapshot:
    """Every row `delete_source` removes: the source, its attached items, claim and source links."""
    sid = resolve_id(case, "sources", source_ref)
    return (_rows(case, "sources", "id = ?", [sid]) + _rows(case, "source_items", "source_id = ?", [sid])
            + _rows(case, "claim_sources", "source_id = ?", [sid])
            + _rows(case, "source_relations", "source_id = ? OR other_id = ?", [sid, sid]))


def claim_snapshot(case: Case, claim_ref: str) -> Snapshot:
    """Every row `delete_claim` removes: the claim, its evidence links, sources and entities."""
    cid = resolve_id(case, "claims", claim_ref)
    return (_rows(case, "claims", "id = ?", [cid]) + _rows(case, "claim_links", "claim_id = ?", [cid])
            + _rows(case, "claim_sources", "claim_id = ?", [cid])
            + _rows(case, "claim_entities", "claim_id = ?", [cid]))


def restore(case: Case, rows: Snapshot, *, reason: str) -> None:
    """Put deleted rows back as they were (same ids). Refused, with nothing written, when one of
    them exists again or what it refers to is gone."""
    if not reason or not reason.strip():
        raise InvalidInput("restoring needs a reason", field="reason")
    with case.transaction():
        for table, row in rows:
            row_id, item_id = row["id"], row.get("item_id")
            if case.rows(f"SELECT 1 FROM [{table}] WHERE id = ?", [row_id]):
                raise InvalidInput(f"cannot restore: the {table} row {row_id!s} exists again")
            case.insert(table, row, item_id=item_id if isinstance(item_id, str) else None,
                        details={"reason": reason.strip(), "restores": "an earlier delete"})
            if table in ("sources", "claims"):
                idx.index_record(case, table, row)


#: The tables whose rows analyst commands write (and so undo and redo put back).
TABLES = frozenset({"sources", "source_items", "source_relations", "claims", "claim_sources",
                    "claim_entities", "claim_links", "entities", "notes", "tags"})


def put_back(case: Case, table: str, row_id: str, state: RowState, *, reason: str) -> None:
    """One analyst row back to a state the ledger recorded (None: removed), search index kept
    up to date; what it refers to must still be there (SQLite's foreign keys refuse otherwise)."""
    if table not in TABLES:
        raise InvalidInput(f"{table} rows are not analyst records", field="table")
    item_id = (state or putback.current(case, table, row_id) or {}).get("item_id")
    with case.transaction():
        after = putback.put_back(case, table, row_id, state, reason=reason,
                                 item_id=item_id if isinstance(item_id, str) else None)
        if table in idx.RECORD_KINDS:
            if after is None:
                idx.unindex(case, idx.RECORD_KINDS[table], row_id)
            else:
                idx.index_record(case, table, after)
