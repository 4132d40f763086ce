"""Integrity verification: re-hash originals and derived files, walk the ledger chain (and its head
against the head file and a noted fingerprint), compare every tracked row and derived table with
the state the ledger last recorded for it, and the database's own objects with Casefile's."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypedDict

from casefile.store import (
    blobs,
    headfile,
    safeopen,
    schema,
    verify_chain,
    verify_derived,
    verify_schema,
)
from casefile.store.canonical import row_digest, row_state
from casefile.store.ledger import GENESIS, Event
from casefile.store.verify_report import Problem, VerifyReport
from casefile.textsafe import printable

if TYPE_CHECKING:
    from casefile.store.case import Case


def verify_case(case: Case, *, record: bool = False, item_id: str | None = None,
                expect: str | None = None, head_file: bool = True) -> VerifyReport:
    """Check everything (or one item's files and rows). Verification changes nothing: no event,
    no file moved, no head file written (`record` is accepted for old callers and ignored); what
    it finds is repaired by the explicit commands its messages name.

    `expect`: a ledger fingerprint the investigator noted earlier (`report.fingerprint`), which
    must name an event of this ledger. `head_file`: check the head file beside the database
    (a bundle checks its manifest's head instead).
    """
    report = VerifyReport()
    events = case.select(Event, "SELECT * FROM ledger ORDER BY seq")
    gaps = verify_chain.check_chain(events, report)
    report.counts["events"] = len(events)
    report.head_hash = events[-1]["hash"] if events else GENESIS
    report.fingerprint = headfile.fingerprint(len(events) and int(events[-1]["seq"]),
                                              report.head_hash)
    meta = case.meta()
    if head_file:
        verify_chain.check_head_file(case.path, meta, events, report)
    if expect is not None:
        verify_chain.check_expected(events, expect, report)

    last = _last_events(events)
    _check_blobs(case, report, item_id)
    _check_rows(case, report, last, item_id)
    _check_acquisitions(case, report, item_id)
    if item_id is None:
        verify_schema.check_objects(case.db, report)
        verify_derived.check_derived(case.db, events, report)
        verify_derived.check_refs(case.db, events, report)
        verify_derived.check_files(case.path, case.db, report)
    if gaps:
        _fold_into_gaps(report)
    del record
    return report


#: what a missing ledger event takes with it: the record of the rows it wrote
_LOST_WITH_EVENT = ("row-unrecorded", "rows-unrecorded", "no-acquisition", "derived-unrecorded",
                    "row-changed", "derived-changed")


def _fold_into_gaps(report: VerifyReport) -> None:
    """One missing event is one message: the rows whose record it held are named in it."""
    gap = next(p for p in report.problems if p.kind == "ledger-gap")
    lost = [p for p in report.problems if p.kind in _LOST_WITH_EVENT]
    if not lost:
        return
    named = "; ".join(p.message for p in lost[:5]) + (f"; and {len(lost) - 5} more" if len(lost) > 5 else "")
    gap.message += f". With it the ledger lost the record of {len(lost)} row" + (
        "s" if len(lost) != 1 else "") + f": {named}"
    report.problems = [p for p in report.problems if p.kind not in _LOST_WITH_EVENT]


#: (table, row key) -> the last event that recorded the row
Last = dict[tuple[str | None, str | None], Event]


def _last_events(events: list[Event]) -> Last:
    last: Last = {}
    for ev in events:
        if ev["target_table"] and ev["row_digest"] is not None or ev["action"] == "deleted":
            last[(ev["target_table"], ev["target_id"])] = ev
    return last


class _Blob(TypedDict):
    """A stored file as its row records it (an item's original or a derived copy)."""

    id: str
    sha256: str
    size: int
    blob_path: str


class _DerivedBlob(_Blob):
    item_id: str


def _check_one_blob(case: Case, row: _Blob, what: str) -> tuple[_Blob, str | None]:
    path = case.path / row["blob_path"]
    try:
        lst = os.lstat(path)
    except OSError:
        return row, f"{what} file {row['blob_path']} is missing"
    if safeopen.is_link(path, lst):
        try:
            target = os.readlink(path)
        except OSError:
            target = "somewhere that cannot be read"
        return row, (f"{what} file {row['blob_path']} has been replaced by a link to "
                     f"{printable(target)}: the case no longer holds its bytes (whatever the link "
                     "points to is not evidence, even if it is the same bytes); restore the file "
                     "from a bundle or a backup")
    if not stat.S_ISREG(lst.st_mode):
        return row, f"{what} file {row['blob_path']} is {safeopen.what_it_is(lst.st_mode)} now"
    sha, size = blobs.hash_file(path)
    if sha != row["sha256"]:
        return row, (f"{what} file {row['blob_path']} has changed: SHA-256 is now {sha}, "
                     f"recorded {row['sha256']} ({size} bytes, recorded {row['size']})")
    if size != row["size"]:
        return row, f"{what} file {row['blob_path']} is {size} bytes, recorded {row['size']}"
    return row, None


def _check_blobs(case: Case, report: VerifyReport, item_id: str | None) -> None:
    flt = " WHERE id = ?" if item_id else ""
    items = case.select(_Blob, "SELECT id, sha256, size, blob_path FROM items" + flt,
                        [item_id] if item_id else [])
    dflt = " WHERE item_id = ?" if item_id else ""
    derived = case.select(_DerivedBlob, "SELECT id, item_id, sha256, size, blob_path FROM derived" + dflt,
                          [item_id] if item_id else [])
    for row in items:
        if row["blob_path"] != blobs.blob_relpath(row["sha256"]):
            report.add("item-path", f"item {row['id']} points at {row['blob_path']}, not at its "
                       "content address", item_id=row["id"], table="items", target=row["id"])
    of_item = {r["id"]: r["item_id"] for r in derived}
    jobs = [(r, "original") for r in items] + [(r, "derived") for r in derived]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for (row, problem), (_, what) in zip(pool.map(lambda j: _check_one_blob(case, *j), jobs), jobs,
                                             strict=True):
            if problem:
                is_orig = what == "original"
                report.add("original-changed" if is_orig else "derived-changed", problem,
                           item_id=row["id"] if is_orig else of_item[row["id"]],
                           table="items" if is_orig else "derived", target=row["id"])
    report.counts["originals"] = len(items)
    report.counts["derived"] = len(derived)


def _describe_diff(recorded: Mapping[str, object], current: Mapping[str, object]) -> str:
    keys = sorted(set(recorded) | set(current))
    changed = [k for k in keys if recorded.get(k) != current.get(k)]
    parts = [f"{k}: recorded {recorded.get(k)!r}, now {current.get(k)!r}" for k in changed[:5]]
    return "; ".join(parts) or "content differs"




def _check_rows(case: Case, report: VerifyReport, last: Last, item_id: str | None) -> None:
    n = 0
    for tracked in schema.TRACKED.values():
        if tracked.table not in case.db.table_names():
            continue
        if tracked.group:
            n += _check_groups(case, report, last, tracked)
            continue
        seen = set()
        for row in case.rows(f"SELECT * FROM [{tracked.table}]"):
            key = str(row[tracked.pk])
            seen.add(key)
            of = row.get("item_id") or (row.get("id") if tracked.table == "items" else None)
            row_item = None if of is None else str(of)
            if item_id and row_item != item_id:
                continue
            n += 1
            ev = last.get((tracked.table, key))
            where = {"item_id": row_item, "table": tracked.table, "target": key}
            if ev is None or ev["action"] == "deleted":
                report.add("row-unrecorded", f"{tracked.table} row {key} was never recorded in "
                           "the custody ledger (added behind Casefile's back)", **where)
            elif ev["row_digest"] != row_digest(row):
                recorded = json.loads(ev["details"]).get("row", {})
                report.add("row-changed", f"{tracked.table} row {key} differs from the ledger "
                           f"(event {ev['seq']}): {_describe_diff(recorded, row_state(row))}", **where)
        for (table, gone), ev in last.items():
            if table == tracked.table and gone not in seen and ev["action"] != "deleted":
                if item_id and ev["item_id"] != item_id:
                    continue
                report.add("row-missing", f"{table} row {gone} is gone but the ledger records no "
                           "deletion", item_id=ev["item_id"], table=table, target=gone)
    report.counts["rows"] = n


def _check_groups(case: Case, report: VerifyReport, last: Last, tracked: schema.Tracked) -> int:
    groups = {str(r[0]): r[0] for r in case.db.execute(
        f"SELECT DISTINCT [{tracked.group}] FROM [{tracked.table}]")}
    recorded = {key: ev for (table, key), ev in last.items()
                if table == tracked.table and key is not None}
    for key in sorted(set(groups) | set(recorded)):
        ev = recorded.get(key)
        where = {"item_id": ev["item_id"] if ev else None, "table": tracked.table, "target": key}
        if key not in groups:
            if ev and ev["action"] != "deleted" and json.loads(ev["details"]).get("rows", 0) > 0:
                report.add("rows-missing", f"{tracked.table} rows of {tracked.group}={key} are "
                           "gone but the ledger records no deletion", **where)
            continue
        digest, count = case.group_digest(tracked.table, groups[key])
        if ev is None:
            report.add("rows-unrecorded", f"{count} {tracked.table} rows of {tracked.group}={key} "
                       "were never recorded in the custody ledger", **where)
        elif ev["row_digest"] != digest:
            was = json.loads(ev["details"]).get("rows")
            report.add("rows-changed", f"{tracked.table} rows of {tracked.group}={key} differ "
                       f"from the ledger (event {ev['seq']}; {count} rows now, {was} recorded)",
                       **where)
    return len(groups)


def _check_acquisitions(case: Case, report: VerifyReport, item_id: str | None) -> None:
    sql = ("SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM acquisitions a WHERE "
           "a.item_id = i.id) OR NOT EXISTS (SELECT 1 FROM ledger l WHERE l.item_id = i.id AND "
           "l.action = 'acquired')")
    for (iid,) in case.db.execute(sql):
        if item_id and iid != item_id:
            continue
        report.add("no-acquisition", f"item {iid} has no acquisition record (who collected it, "
                   "when and how is unknown)", item_id=iid, table="items", target=iid)


__all__ = ["Problem", "VerifyReport", "verify_case"]
