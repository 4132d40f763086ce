"""Verify what is derived: each derived table against the digest the ledger last recorded for it
(per group or whole), and the case folder's files against the rows (nothing unreferenced, nothing
left in the quarantine)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.store import journal, quarantine, schema, sealing
from casefile.store.ledger import Event
from casefile.store.schemas.refs import WATCHED, WATCHED_2
from casefile.store.verify_report import VerifyReport

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


def check_derived(db: sqlite_utils.Database, events: list[Event],
                  report: VerifyReport) -> None:
    """Each derived table against the digest its last `derived-recorded` event holds."""
    last: dict[str, Event] = {}
    for event in events:
        table = event["target_table"]
        if event["action"] in sealing.SEAL_ACTIONS and event["target_id"] == "*" and table:
            last[table] = event
    tables = set(db.table_names())
    n = 0
    for d in schema.DERIVED.values():
        if d.table not in tables:
            continue
        n += 1
        digest, count = sealing.full_digest(db, d)
        ev = last.get(d.table)
        where = {"table": d.table, "target": "*"}
        if ev is None:
            if count:
                report.add("derived-unrecorded", f"{count} rows of {d.what} were never recorded in "
                           f"the custody ledger (written behind Casefile's back); {d.remedy}",
                           **where)
            continue
        if ev["row_digest"] == digest:
            continue
        was = json.loads(ev["details"]).get("rows")
        gone = was is not None and count < was
        report.add("derived-missing" if gone and count == 0 else "derived-changed",
                   f"{d.what} differ from what the ledger recorded (event {ev['seq']}; {count} "
                   f"rows now, {was} recorded): "
                   + ("deleted" if gone else "edited") + f" behind Casefile's back; {d.remedy}",
                   **where)
    report.counts["derived_tables"] = n


def check_files(case_dir: Path, db: sqlite_utils.Database, report: VerifyReport) -> None:
    """Files no row refers to, in place or in the quarantine: named, never removed here."""
    strays = quarantine.unreferenced(case_dir, journal.referenced(db))
    held = quarantine.entries(case_dir)
    report.counts["quarantined"] = len(held)
    report.counts["unreferenced"] = len(strays)
    if held:
        report.add("quarantined", quarantine.summary(held) + ": "
                   + ", ".join(f"{q.name} ({q.was}, {q.size} bytes)" for q in held[:10])
                   + (f" and {len(held) - 10} more" if len(held) > 10 else ""))
    journalled, _files = journal.leftovers(case_dir)
    unfinished = [rel for rel in strays if rel in set(journalled)]
    others = [rel for rel in strays if rel not in set(unfinished)]
    if unfinished:
        report.add("unfinished-import", f"{_n(unfinished, 'file')} written by an import that never "
                   "finished (its journal in tmp/ lists them; a full disk, a crash or a kill): they "
                   "are no evidence yet. `casefile recover CASE` removes them (recorded in the "
                   "ledger); import the files again: " + ", ".join(unfinished[:10]))
    if others:
        report.add("unreferenced", f"{_n(others, 'file')} in the case folder not referenced by the "
                   "database and listed by no import's journal (a restored older case.sqlite, a "
                   "sync conflict or a copy taken mid-write?). `casefile recover CASE` moves them "
                   "to quarantine/ (recorded in the ledger), from where `casefile quarantine "
                   "reattach` imports them again: " + ", ".join(others[:10]))


def _n(items: list[str], word: str) -> str:
    originals = sum(1 for rel in items if rel.startswith("evidence/"))
    of = f" ({originals} original{'s' if originals != 1 else ''})" if originals else ""
    return f"{len(items)} {word}{'s' if len(items) != 1 else ''}{of}"


def check_refs(db: sqlite_utils.Database, events: list[Event],
               report: VerifyReport) -> None:
    """Each record's short reference is the one its creating event recorded (findings' are
    vouched for with the findings): a renumbered C4 would make a report name the wrong claim."""
    if "refs" not in db.table_names():
        return
    recorded: dict[str, tuple[str, int]] = {}
    for ev in events:
        if (ev["target_table"] in WATCHED or ev["target_table"] in WATCHED_2) and '"ref":' in ev["details"]:
            ref = json.loads(ev["details"]).get("ref")
            if ref:
                recorded[str(ev["target_id"])] = (ref, int(ev["seq"]))
    have = {t: f"{k}{n}" for k, n, t in db.execute("SELECT kind, n, target_id FROM refs")}
    for target, (ref, seq) in sorted(recorded.items()):
        now = have.get(target)
        if now != ref:
            report.add("ref-changed", f"the short reference {ref} (event {seq}) "
                       + (f"now reads {now}" if now else "is gone")
                       + ": the references table was edited behind Casefile's back, so names "
                       "in reports and lists would point at the wrong record", table="refs",
                       target=target)
