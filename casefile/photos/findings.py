"""Photo check findings: computed from the tracked photo rows and cached in `photo_checks`.

The cache is keyed by a fingerprint of everything the checks read (the checks' version, the last
ledger event on photos, items and acquisitions, and the UTC day for the "in the future" check), so
findings are recomputed whenever an analyst changes a photo's data or a photo is added.
"""

from __future__ import annotations

import json
from typing import TypedDict

from casefile.checks import CHECKS_VERSION, CheckInput, OtherPhoto, run_photo_checks
from casefile.checks.similarity import SimilarityIndex
from casefile.errors import CasefileError
from casefile.model.findings import SEVERITIES, CheckFinding, Severity
from casefile.model.photos import PhotoMeta
from casefile.store import Case
from casefile.store.rows import PhotoCheckRow
from casefile.timeutil import TimeValue, now_z

_INPUT_TABLES = ("photos", "photo_aircraft", "items", "acquisitions")
_MEMO: dict[str, tuple[str, dict[str, list[CheckFinding]]]] = {}


def fingerprint(case: Case) -> str:
    marks = ",".join("?" * len(_INPUT_TABLES))
    seq = case.db.execute(f"SELECT max(seq) FROM ledger WHERE target_table IN ({marks})",
                          list(_INPUT_TABLES)).fetchone()[0]
    return f"v{CHECKS_VERSION}:seq{seq or 0}:{now_z()[:10]}"


class _Checked(TypedDict):
    """What the photo checks read of one photo."""

    item_id: str
    meta: str                          # PhotoMeta as JSON
    capture: str | None                # TimeValue as JSON
    decode_problem: str | None
    phash: str | None
    dhash: str | None
    original_name: str | None
    acquired_at: str | None


def _severity(text: str) -> Severity:
    """A stored finding's severity (the checks write only these; anything else was written behind
    Casefile's back, which verify reports)."""
    for s in SEVERITIES:
        if s == text:
            return s
    raise CasefileError(f"a stored photo check has an unknown severity {text!r}: run `casefile verify`")


def _near_pairs(rows: list[_Checked]) -> dict[str, list[int]]:
    """For each photo, the indexes of other photos that show nearly the same picture."""
    index = SimilarityIndex((r["item_id"], r["phash"]) for r in rows)
    at = {r["item_id"]: i for i, r in enumerate(rows)}
    out: dict[str, list[int]] = {}
    for r in rows:
        others = sorted(at[j] for j in index.neighbours(r["item_id"]))
        if others:
            out[r["item_id"]] = others
    return out


def compute(case: Case, item_ids: list[str] | None = None) -> dict[str, list[CheckFinding]]:
    """Run every photo check on the case's photos (or only on item_ids), without storing anything."""
    rows = case.select(_Checked, "SELECT p.item_id, p.meta, p.capture, p.decode_problem, p.phash, p.dhash, "
                     "i.original_name, (SELECT min(acquired_at) FROM acquisitions a "
                     "WHERE a.item_id = p.item_id) AS acquired_at FROM photos p "
                     "JOIN items i ON i.id = p.item_id WHERE i.removed_at IS NULL ORDER BY p.item_id")
    near = _near_pairs(rows)
    now = now_z()
    wanted = set(item_ids) if item_ids is not None else None
    out: dict[str, list[CheckFinding]] = {}
    for r in rows:
        if wanted is not None and r["item_id"] not in wanted:
            continue
        others = tuple(OtherPhoto(rows[j]["item_id"], rows[j]["original_name"], rows[j]["phash"],
                                  rows[j]["dhash"]) for j in near.get(r["item_id"], []))
        inp = CheckInput(item_id=r["item_id"], meta=PhotoMeta.from_dict(json.loads(r["meta"])),
                         capture=TimeValue.from_dict(json.loads(r["capture"]) if r["capture"] else None),
                         acquired_at=r["acquired_at"], now=now, decode_problem=r["decode_problem"],
                         others=others)
        out[r["item_id"]] = run_photo_checks(inp)
    return out


def refresh(case: Case, *, force: bool = False) -> bool:
    """Recompute and store every photo's findings if anything they depend on changed."""
    fp = fingerprint(case)
    stored = case.db.execute("SELECT value FROM photo_checks_state WHERE key = 'fingerprint'").fetchone()
    if not force and stored and stored[0] == fp:
        return False
    results = compute(case)
    with case.transaction():
        case.db.execute("DELETE FROM photo_checks")
        rows = [(item, n, f.check_id, f.severity, f.title, f.explanation, f.innocent_cause,
                 json.dumps(f.fields, sort_keys=True, ensure_ascii=False, default=str))
                for item, found in results.items() for n, f in enumerate(found)]
        case.db.conn.executemany("INSERT INTO photo_checks VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        case.db.execute("INSERT OR REPLACE INTO photo_checks_state (key, value) VALUES "
                        "('fingerprint', ?)", [fp])
    return True


def is_fresh(case: Case) -> bool:
    stored = case.db.execute("SELECT value FROM photo_checks_state WHERE key = 'fingerprint'").fetchone()
    return bool(stored) and stored[0] == fingerprint(case)


def findings_for(case: Case, item_id: str | None = None) -> dict[str, list[CheckFinding]]:
    """Stored findings (refreshed first when the case is writable; computed in memory when read-only)."""
    if case.writable:
        refresh(case)
    elif not is_fresh(case):
        # Read-only and the stored findings are stale: compute them all once per case state.
        fp = fingerprint(case)
        memo = _MEMO.get(str(case.path))
        if memo is None or memo[0] != fp:
            memo = (fp, compute(case))
            _MEMO[str(case.path)] = memo
        return memo[1] if item_id is None else {item_id: memo[1].get(item_id, [])}
    sql = "SELECT * FROM photo_checks" + (" WHERE item_id = ?" if item_id else "") + \
        " ORDER BY item_id, n"
    out: dict[str, list[CheckFinding]] = {}
    for r in case.select(PhotoCheckRow, sql, [item_id] if item_id else []):
        out.setdefault(r["item_id"], []).append(CheckFinding(
            check_id=r["check_id"], item_id=r["item_id"], severity=_severity(r["severity"]), title=r["title"],
            explanation=r["explanation"], innocent_cause=r["innocent_cause"],
            fields=json.loads(r["fields"])))
    return out
