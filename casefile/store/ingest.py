"""Turning a staged file into an evidence item (or a second acquisition of the same bytes)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from casefile.ids import new_id
from casefile.store import blobs
from casefile.store.rows import Row
from casefile.timeutil import now_z

if TYPE_CHECKING:
    from casefile.store.case import Case


@dataclass(frozen=True)
class Acquisition:
    """How a file reached the case: who, how, from where."""

    method: str = "file-import"
    original_path: str | None = None
    source_url: str | None = None
    original_mtime: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Ingested:
    item_id: str
    acquisition_id: str
    new_item: bool
    sha256: str


def commit_staged(case: Case, staged: blobs.StagedBlob, *, kind: str, mime: str,
                  original_name: str | None, acquisition: Acquisition,
                  importer: str | None = None, extra: Mapping[str, object] | None = None,
                  then: Callable[[Case, Ingested], None] | None = None,
                  later: blobs.Unsynced | None = None) -> Ingested:
    """Move a staged blob to its content address and record item + acquisition, in one transaction.

    Same bytes already in the case: no new item or blob, a second acquisition of the existing item.
    `then` stores what an importer parsed from a new item, inside the same transaction. A caller
    batching several files in its own transaction passes `later` and flushes it (the files and
    folders to fsync) before it commits.
    """
    new_blob = False
    queued = len(later.files) if later is not None else 0
    try:
        with case.transaction():
            existing = case.rows("SELECT id FROM items WHERE sha256 = ?", [staged.sha256])
            rel, new_blob = blobs.commit_blob(case.path, staged, later=later)
            done = _record(case, staged, rel, existing, kind=kind, mime=mime,
                           original_name=original_name, acquisition=acquisition,
                           importer=importer, extra=extra)
            if then is not None and done.new_item:
                then(case, done)
            return done
    except BaseException:
        if new_blob:  # the rows that would refer to it were rolled back
            blobs.discard_blob(case.path, staged.sha256)
            if later is not None:
                del later.files[queued:]   # nothing left to fsync
        staged.discard()
        raise


def _record(case: Case, staged: blobs.StagedBlob, rel: str, existing: list[Row], *, kind: str,
            mime: str, original_name: str | None, acquisition: Acquisition, importer: str | None,
            extra: Mapping[str, object] | None) -> Ingested:
    if existing:
        item_id, new_item = str(existing[0]["id"]), False
    else:
        item_id, new_item = new_id(), True
        row = {"id": item_id, "kind": kind, "sha256": staged.sha256, "md5": staged.md5,
               "size": staged.size, "mime": mime, "blob_path": rel,
               "original_name": original_name, "created_at": now_z(), "importer": importer,
               "notes": acquisition.note}
        case.insert("items", row, action="imported", item_id=item_id, details=extra or {})
    acq_id = new_id()
    acq = {"id": acq_id, "item_id": item_id, "acquired_at": now_z(), "acquired_by": case.actor,
           "method": acquisition.method, "original_path": acquisition.original_path,
           "source_url": acquisition.source_url, "original_mtime": acquisition.original_mtime,
           "note": acquisition.note}
    case.insert("acquisitions", acq, action="acquired" if new_item else "acquired-again",
                item_id=item_id)
    return Ingested(item_id, acq_id, new_item, staged.sha256)
