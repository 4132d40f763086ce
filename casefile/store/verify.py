"""Integrity verification: re-hash originals and derived files, walk the ledger chain, and compare
every tracked row with the state the ledger last recorded for it."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from casefile.store import blobs, schema
from casefile.store.canonical import row_digest, row_state
from casefile.store.ledger import GENESIS, event_hash

if TYPE_CHECKING:
    from casefile.store.case import Case


@dataclass
class Problem:
    kind: str
    message: str
    item_id: str | None = None
    table: str | None = None
    target: str | None = None


@dataclass
class VerifyReport:
    ok: bool = True
    head_hash: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, kind: str, message: str, **where: Any) -> None:
        self.ok = False
        self.problems.append(Problem(kind, message, **where))

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "head_hash": self.head_hash, "counts": self.counts,
                "problems": [asdict(p) for p in self.problems]}


def verify_case(case: Case, *, record: bool = True, item_id: str | None = None) -> VerifyReport:
    """Check everything (or one item's files and rows); record the result in the ledger if writable."""
    report = VerifyReport()
    events = case.rows("SELECT * FROM ledger ORDER BY seq")
    prev = GENESIS
    for expected_seq, ev in enumerate(events, start=1):
        where = {"table": "ledger", "target": str(ev["seq"]), "item_id": ev["item_id"]}
        if ev["seq"] != expected_seq:
            report.add("ledger-gap", f"ledger event {expected_seq} is missing", **where)
        if ev["prev_hash"] != prev:
            report.add("ledger-chain", f"ledger event {ev['seq']} does not follow the event "
                       "before it (chain broken)", **where)
        if event_hash(ev) != ev["hash"]:
            report.add("ledger-edited", f"ledger event {ev['seq']} ({ev['action']}) was changed "
                       "after it was written (its hash no longer matches)", **where)
        prev = ev["hash"]
    triggers = {r[0] for r in case.db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for name in ("ledger_no_update", "ledger_no_delete"):
        if name not in triggers:
            report.add("ledger-unprotected", f"the ledger's append-only guard {name} was removed",
                       table="ledger")
    report.counts["events"] = len(events)
    report.head_hash = prev

    last = _last_events(events)
    _check_blobs(case, report, item_id)
    _check_rows(case, report, last, item_id)
    _check_acquisitions(case, report, item_id)
    if record and case.writable:
        with case.transaction():
            case.log("verified", item_id=item_id, details={
                "ok": report.ok, "counts": report.counts, "head_hash_before": report.head_hash,
                "problems": [asdict(p) for p in report.problems][:200]})
    return report


def _last_events(events: list[dict]) -> dict[tuple[str, str], dict]:
    last: dict[tuple[str, str], dict] = {}
    for ev in events:
        if ev["target_table"] and ev["row_digest"] is not None or ev["action"] == "deleted":
            last[(ev["target_table"], ev["target_id"])] = ev
    return last


def _check_one_blob(case: Case, row: dict, what: str) -> tuple[dict, str | None]:
    path = case.path / row["blob_path"]
    if not path.is_file():
        return row, f"{what} file {row['blob_path']} is missing"
    sha, size = blobs.hash_file(path)
    if sha != row["sha256"]:
        return row, (f"{what} file {row['blob_path']} has changed: SHA-256 is now {sha}, "
                     f"recorded {row['sha256']} ({size} bytes, recorded {row['size']})")
    if size != row["size"]:
        return row, f"{what} file {row['blob_path']} is {size} bytes, recorded {row['size']}"
    return row, None


def _check_blobs(case: Case, report: VerifyReport, item_id: str | None) -> None:
    flt = " WHERE id = ?" if item_id else ""
    items = case.rows("SELECT id, sha256, size, blob_path FROM items" + flt, [item_id] if item_id else [])
    dflt = " WHERE item_id = ?" if item_id else ""
    derived = case.rows("SELECT id, item_id, sha256, size, blob_path FROM derived" + dflt,
                        [item_id] if item_id else [])
    for row in items:
        if row["blob_path"] != blobs.blob_relpath(row["sha256"]):
            report.add("item-path", f"item {row['id']} points at {row['blob_path']}, not at its "
                       "content address", item_id=row["id"], table="items", target=row["id"])
    jobs = [(r, "original") for r in items] + [(r, "derived") for r in derived]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for row, problem in pool.map(lambda j: _check_one_blob(case, *j), jobs):
            if problem:
                is_orig = "item_id" not in row
                report.add("original-changed" if is_orig else "derived-changed", problem,
                           item_id=row["id"] if is_orig else row["item_id"],
                           table="items" if is_orig else "derived", target=row["id"])
    report.counts["originals"] = len(items)
    report.counts["derived"] = len(derived)


def _describe_diff(recorded: dict, current: dict) -> str:
    keys = sorted(set(recorded) | set(current))
    changed = [k for k in keys if recorded.get(k) != current.get(k)]
    parts = [f"{k}: recorded {recorded.get(k)!r}, now {current.get(k)!r}" for k in changed[:5]]
    return "; ".join(parts) or "content differs"


def _check_rows(case: Case, report: VerifyReport, last: dict, item_id: str | None) -> None:
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
            row_item = row.get("item_id") or (row.get("id") if tracked.table == "items" else None)
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
        for (table, key), ev in last.items():
            if table == tracked.table and key not in seen and ev["action"] != "deleted":
                if item_id and ev["item_id"] != item_id:
                    continue
                report.add("row-missing", f"{table} row {key} is gone but the ledger records no "
                           "deletion", item_id=ev["item_id"], table=table, target=key)
    report.counts["rows"] = n


def _check_groups(case: Case, report: VerifyReport, last: dict, tracked: schema.Tracked) -> int:
    groups = {str(r[0]): r[0] for r in case.db.execute(
        f"SELECT DISTINCT [{tracked.group}] FROM [{tracked.table}]")}
    recorded = {key: ev for (table, key), ev in last.items() if table == tracked.table}
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
