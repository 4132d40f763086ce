"""Verify the ledger as a chain: gaps, broken links and edited events (one message each), and
its head against the head file beside the database and a fingerprint the investigator noted."""

from __future__ import annotations

from pathlib import Path

from casefile.store import headfile
from casefile.store.ledger import GENESIS, Event, event_hash
from casefile.store.verify_report import VerifyReport


def _span(first: int, last: int) -> str:
    return f"event {first} is" if first == last else f"events {first}–{last} are"


def check_chain(events: list[Event], report: VerifyReport) -> list[tuple[int, int]]:
    """Walk the chain; returns the missing ranges of event numbers (first, last)."""
    prev_seq, prev = 0, GENESIS
    gaps: list[tuple[int, int]] = []
    for ev in events:
        seq = int(ev["seq"])
        where = {"table": "ledger", "target": str(seq), "item_id": ev["item_id"]}
        if seq != prev_seq + 1:   # the link into this event is broken by the gap itself
            gaps.append((prev_seq + 1, seq - 1))
            report.add("ledger-gap", f"ledger {_span(prev_seq + 1, seq - 1)} missing (deleted "
                       f"from the database; the chain resumes at event {seq})", **where)
        elif ev["prev_hash"] != prev:
            report.add("ledger-chain", f"ledger event {seq} ({ev['action']}) does not follow the "
                       "event before it (the chain is broken: an event was replaced)", **where)
        if event_hash(ev) != ev["hash"]:
            report.add("ledger-edited", f"ledger event {seq} ({ev['action']}) was changed "
                       "after it was written (its hash no longer matches)", **where)
        prev_seq, prev = seq, ev["hash"]
    return gaps


def check_head_file(case_dir: Path, meta: dict[str, str], events: list[Event],
                    report: VerifyReport) -> None:
    """The head file must name the last event of this ledger, with the same hash."""
    try:
        head = headfile.read(case_dir)
    except headfile.HeadFileBad as exc:
        report.add("head-file", f"{exc}; the last events of the ledger cannot be vouched for. "
                   + ACCEPT, table="ledger")
        return
    if head is None:
        if meta.get(headfile.META_KEY):
            report.add("head-file", f"{headfile.NAME} is missing from the case folder, so the last "
                       "events of the ledger cannot be vouched for: a ledger cut short would look "
                       "whole. Compare the fingerprint below with one noted earlier (a report's "
                       "cover, a bundle, `verify --expect`). " + ACCEPT, table="ledger")
        return
    if head.case_id and meta.get("case_id") and head.case_id != meta["case_id"]:
        report.add("head-file", f"{headfile.NAME} belongs to another case (case id "
                   f"{head.case_id}); was case.sqlite replaced by another case's? " + ACCEPT,
                   table="ledger")
        return
    last = int(events[-1]["seq"]) if events else 0
    by_seq = {int(ev["seq"]): str(ev["hash"]) for ev in events}
    seq, hash_ = head.effective(by_seq.get)   # a commit that landed as the process was killed
    before = len(report.problems)
    _against(events, seq, hash_, f"{headfile.NAME} (written {head.written_at})",
             report, "head-file")
    if len(report.problems) > before:
        report.problems[-1].message += ". " + ACCEPT
    elif seq < last:
        n = last - seq
        report.add("head-file", f"{headfile.NAME} (written {head.written_at}) names event "
                   f"{seq}, but the ledger runs to event {last}: the head file is older than "
                   f"the ledger by {n} event{'s' if n != 1 else ''} (an older copy put back, a "
                   "write that could not update it — a full disk, a power loss — or events "
                   "added behind Casefile's back). " + ACCEPT, table="ledger", target=str(last))


#: what the investigator does about a head-file problem, in every message about one
ACCEPT = ("If you know why and the ledger is as it should be, accept its head with a reason: "
          "`casefile ledger accept-head CASE --reason \"...\"` (recorded in the ledger)")


def check_expected(events: list[Event], expect: str, report: VerifyReport) -> None:
    """The fingerprint the investigator noted must name an event of this ledger."""
    try:
        seq, prefix = headfile.parse_fingerprint(expect)
    except ValueError as exc:
        report.add("expect", str(exc), table="ledger")
        return
    before = len(report.problems)
    _against(events, seq, prefix, f"the fingerprint you gave ({expect.strip()})", report,
             "expect")
    report.counts["expect_matched"] = int(len(report.problems) == before)


def _against(events: list[Event], seq: int, hash_prefix: str, what: str,
             report: VerifyReport, kind: str) -> None:
    last = int(events[-1]["seq"]) if events else 0
    found = next((ev for ev in events if int(ev["seq"]) == seq), None)
    if seq > last:
        n = seq - last
        report.add(kind, f"the ledger ends at event {last}, but {what} records event {seq}: "
                   f"the last {n} event{'s were' if n != 1 else ' was'} removed (a truncated "
                   "ledger, or a last import removed with its events; an older case.sqlite "
                   "restored?)", table="ledger", target=str(seq))
    elif found is None:
        report.add(kind, f"{what} records event {seq}, which is missing from the ledger",
                   table="ledger", target=str(seq))
    elif not str(found["hash"]).startswith(hash_prefix):
        report.add(kind, f"ledger event {seq} is not the one {what} records: the ledger was "
                   f"rewritten from event {seq} or before", table="ledger", target=str(seq))
