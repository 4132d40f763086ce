"""Store-level reads for listings: items with their first acquisition, the custody log, counts.

Only the store's own tables (items, acquisitions, derived, ledger). Rows are typed dicts with
the columns of the table they come from (see schema_core.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict

from casefile.store.case import Case
from casefile.store.ledger import LedgerRow as LedgerRow  # the GUI reads it from here
from casefile.store.rows import DerivedRow
from casefile.store.rows import ItemRow as ItemRow


class ListedItem(ItemRow):
    """An item with its first acquisition (when, by whom, from where)."""

    acquired_by: str | None
    acquired_at: str | None
    original_path: str | None


class _FirstAcquisition(TypedDict):
    item_id: str
    acquired_by: str | None
    original_path: str | None
    acquired_at: str | None


#: items not removed that are photos or images kept as plain files (is_photo_item, in SQL)
_IMAGES = "removed_at IS NULL AND (kind = 'photo' OR mime LIKE 'image/%')"


def is_photo_item(item: Mapping[str, object]) -> bool:
    """A photo item (kind photo, or any image kept as a generic file)."""
    return item.get("kind") == "photo" or str(item.get("mime") or "").startswith("image/")


def listed_items(case: Case) -> list[ListedItem]:
    """Items not removed, by id, each with its first acquisition."""
    first = {r["item_id"]: r for r in case.select(
        _FirstAcquisition, "SELECT item_id, acquired_by, original_path, MIN(acquired_at) AS acquired_at "
        "FROM acquisitions GROUP BY item_id")}
    out: list[ListedItem] = []
    for it in case.items():
        acq = first.get(it["id"])
        out.append(ListedItem(**it, acquired_by=acq["acquired_by"] if acq else None,
                              acquired_at=acq["acquired_at"] if acq else None,
                              original_path=acq["original_path"] if acq else None))
    return out


def image_items(case: Case) -> list[ItemRow]:
    """Items not removed that are photos or images, by id."""
    return case.select(ItemRow, f"SELECT * FROM items WHERE {_IMAGES} ORDER BY id")


def thumbnail_paths(case: Case) -> dict[str, Path]:
    """Item id -> the file of its newest stored thumbnail (derived kind 'thumbnail')."""
    return {r["item_id"]: case.path / r["blob_path"] for r in case.select(
        DerivedRow, "SELECT * FROM derived WHERE kind = 'thumbnail' ORDER BY id")}


def search_items(case: Case, query: str) -> list[ItemRow]:
    """Items not removed whose name, notes, id or SHA-256 contain the text (case-insensitive)."""
    like = f"%{query}%"
    return case.select(
        ItemRow, "SELECT * FROM items WHERE removed_at IS NULL AND "
        "(original_name LIKE ? OR notes LIKE ? OR sha256 LIKE ? OR id LIKE ?) ORDER BY id",
        [like, like, like.lower(), like.upper()])


def item_names(case: Case) -> dict[str, str]:
    """Item id -> its original file name (the id when it has none), removed items included."""
    return {str(i): str(name or i) for i, name in case.db.execute("SELECT id, original_name FROM items")}


def item_counts(case: Case) -> dict[str, int]:
    """How many items (not removed) of each kind."""
    return {k: int(n) for k, n in case.db.execute(
        "SELECT kind, COUNT(*) FROM items WHERE removed_at IS NULL GROUP BY kind")}


def count_image_items(case: Case) -> int:
    """How many items image_items() lists (one COUNT query)."""
    return case.db.table("items").count_where(_IMAGES)


def ledger_rows(case: Case) -> list[LedgerRow]:
    """Every custody event, oldest first (details left out: the log lists, the item panel explains)."""
    return case.select(LedgerRow, "SELECT seq, at, actor, action, item_id, target_table, target_id, hash "
                       "FROM ledger ORDER BY seq")
