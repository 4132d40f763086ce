"""The store's own tables as read: one TypedDict per table, so a misspelled column fails the type
checker instead of reading as a KeyError at run time (columns as in casefile/store/schema_core.py)."""

from __future__ import annotations

from typing import TypedDict


class ItemRow(TypedDict):
    """An evidence item: the original's hash, size, type and where its blob is kept."""

    id: str
    kind: str                   # photo, flight-record, capture, document, file
    sha256: str
    md5: str
    size: int
    mime: str
    blob_path: str
    original_name: str | None
    created_at: str
    importer: str | None
    notes: str | None
    sensitive: int
    removed_at: str | None
    removed_reason: str | None


class AcquisitionRow(TypedDict):
    """One time an item's bytes were collected: when, by whom, how, from where."""

    id: str
    item_id: str
    acquired_at: str
    acquired_by: str
    method: str
    original_path: str | None
    source_url: str | None
    original_mtime: str | None
    note: str | None


class DerivedRow(TypedDict):
    """A working copy made from an item (thumbnail, preview, ELA, points file) and how."""

    id: str
    item_id: str
    kind: str
    blob_path: str
    sha256: str
    size: int
    mime: str | None
    tool: str
    tool_version: str
    params: str                 # canonical JSON
    created_at: str
