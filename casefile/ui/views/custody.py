"""The custody log as people read it: one row per thing a person (or Casefile for them) did, named
in words ("Imported P3 apron.jpg", "Graded S2 as B"), with the bookkeeping events it caused — working
copies made, metadata read, derived tables sealed, rows of the same command — folded under it.

Qt-free: the window's table and the benchmark build their rows with `fold`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.store.reads import LedgerRow

#: action -> (kind of action, how a person says it); {what} is the file or record it is about
PRIMARY: dict[str, tuple[str, str]] = {
    "case-created": ("case", "Created the case"),
    "imported": ("import", "Imported {what}"),
    "source-added": ("sources", "Added source {what}"),
    "source-edited": ("sources", "Edited source {what}"),
    "source-graded": ("sources", "Graded source {what}"),
    "source-item-attached": ("sources", "Attached a file to source {what}"),
    "source-related": ("sources", "Related source {what} to another"),
    "source-relation-edited": ("sources", "Changed how source {what} relates to another"),
    "claim-added": ("claims", "Added claim {what}"),
    "claim-edited": ("claims", "Edited claim {what}"),
    "claim-linked": ("claims", "Linked evidence to claim {what}"),
    "claim-link-edited": ("claims", "Changed an evidence link of claim {what}"),
    "claim-source-added": ("claims", "Added a source to claim {what}"),
    "claim-entity-added": ("claims", "Added an entity to claim {what}"),
    "entity-added": ("entities", "Added entity {what}"),
    "entity-edited": ("entities", "Edited entity {what}"),
    "note-added": ("notes", "Wrote a note on {what}"),
    "note-edited": ("notes", "Edited a note on {what}"),
    "tagged": ("notes", "Tagged {what}"),
    "aircraft-tagged": ("photos", "Tagged an aircraft in {what}"),
    "photo-location-set": ("photos", "Placed {what} on the map"),
    "capture-time-recomputed": ("photos", "Recomputed the capture time of {what}"),
    "capture-source-named": ("photos", "Named where {what}'s capture time comes from"),
    "metadata-reread": ("photos", "Read the metadata of {what} again"),
    "reported-flight-added": ("flights", "Added reported flight {what}"),
    "aircraft-filled": ("flights", "Filled in aircraft details from {what}"),
    "edited": ("edits", "Edited {what}"),
    "deleted": ("edits", "Deleted {what}"),
    "created": ("edits", "Created {what}"),
    "saved": ("edits", "Saved {what}"),
    "command": ("edits", "{what}"),
    "verified": ("verify", "Verified {what}"),
    "exported": ("export", "Exported {what}"),
    "bundled": ("export", "Bundled the case"),
    "quarantined": ("case", "Quarantined {what}"),
    "quarantine-reattached": ("case", "Re-attached {what} from quarantine"),
    "quarantine-deleted": ("case", "Deleted {what} from quarantine"),
    "recovered": ("case", "Recovered the case after an interruption"),
    "ledger-head-accepted": ("case", "Accepted the custody log's head"),
    "not-read-as-flight": ("import", "Kept {what} as a plain file (not read as a flight)"),
    "flight-record-empty": ("import", "Found no positions in {what}"),
}
#: bookkeeping that an action causes: folded under it, never a row of its own
SEALS: dict[str, str] = {
    "acquired": "how the file was acquired recorded",
    "derived": "working copy made",
    "derived-updated": "derived table sealed",
    "derived-recorded": "derived table sealed",
    "derived-vouched": "derived table vouched for",
    "photo-metadata": "photo metadata read",
    "track-imported": "track read",
    "aircraft-created": "aircraft recorded",
    "points-moved": "track points stored",
    "text-extracted": "text extracted for search",
    "meta-set": "case setting written",
    "schema-migrated": "table layout set up",
    "xref-run": "findings brought up to date",
}
#: seals that belong to the last action whenever they come (a derived table is sealed, the
#: findings are brought up to date, after the edit that changed what they are derived from)
LATE_SEALS = ("derived-updated", "derived-recorded", "xref-run")
#: the kinds of action a person can filter by, as the filter names them
KINDS = {"import": "Imports", "sources": "Sources", "claims": "Claims", "entities": "Entities",
         "photos": "Photos", "flights": "Flights", "notes": "Notes and tags", "edits": "Other edits",
         "findings": "Findings", "verify": "Verifications", "export": "Exports and bundles",
         "case": "The case itself", "other": "Other"}
#: what a derived table holds, for the folded steps
TABLES = {"search_docs": "search index", "flight_segments": "flight legs", "flight_gaps": "coverage gaps",
          "xref_findings": "findings", "xref_finding_items": "findings' items", "xref_runs": "finding runs",
          "refs": "short references", "case_meta": "case settings", "derived": "working copies"}
SAME_ACT_S = 2.0            # rows of one command or one import land within this of its first event


@dataclass
class LogEntry:
    """One action in the log, with the events it caused folded under it."""

    seq: int
    at: str
    actor: str
    action: str                        # the raw action of the first event (kept for the record)
    kind: str                          # a key of KINDS
    what: str                          # the action in words
    item_id: str | None                # the file it is about
    record_id: str | None              # the record it is about (a claim, source, …)
    hash: str
    folded: list[LedgerRow] = field(default_factory=list)

    @property
    def steps(self) -> str:
        """The folded events in words ("3 steps: working copy made ×2, derived table sealed (…))")."""
        if not self.folded:
            return ""
        counts: dict[str, int] = {}
        for r in self.folded:
            words = SEALS.get(r["action"]) or PRIMARY.get(r["action"], ("", r["action"]))[1].format(what="")
            table = TABLES.get(r["target_table"] or "")
            if r["action"].startswith("derived-") and table:
                words += f" ({table})"
            counts[words.strip()] = counts.get(words.strip(), 0) + 1
        parts = [w + (f" ×{n}" if n > 1 else "") for w, n in counts.items()]
        return f"{len(self.folded)} step{'s' if len(self.folded) > 1 else ''}: " + ", ".join(parts)

    @property
    def records(self) -> set[str]:
        """Every file and record this action touched (its own and its folded events')."""
        ids = {self.item_id, self.record_id}
        for r in self.folded:
            ids |= {r["item_id"], r["target_id"]}
        return {i for i in ids if i}


def _seconds(at: str) -> float:
    # "2026-12-07T01:24:30.193Z": the time of day is enough to tell events apart within a session
    try:
        return int(at[11:13]) * 3600 + int(at[14:16]) * 60 + float(at[17:23])
    except ValueError:
        return 0.0


def fold(rows: list[LedgerRow], name: dict[str, str], *, unfold: bool = False) -> list[LogEntry]:
    """Ledger events (oldest first) as actions: each primary event a row, the seals and the other
    rows of the same act (same actor, within SAME_ACT_S, about the same file or record, of the
    same action) folded under it. `name` gives each id's people's name ("P3 apron.jpg")."""
    out: list[LogEntry] = []
    pending: list[LedgerRow] = []             # seals before any action (the case's set-up)
    for r in rows:
        action = r["action"]
        last = out[-1] if out else None
        same_act = (last is not None and last.actor == r["actor"] and last.at[:10] == r["at"][:10]
                    and abs(_seconds(r["at"]) - _seconds(last.at)) <= SAME_ACT_S)
        if not unfold and action in SEALS:
            if last is not None and (same_act or action in LATE_SEALS):
                last.folded.append(r)
            else:
                pending.append(r)
            continue
        target = r["target_id"] if r["target_table"] not in (None, "case_meta") else None
        kind, words = PRIMARY.get(action, ("other", action.replace("-", " ").capitalize() + " {what}"))
        subject = r["item_id"] or target
        what = name.get(subject or "", "") if subject else ""
        if (not unfold and last is not None and same_act and kind == last.kind
                and (last.action == action or not what)
                and (not what or subject in (last.item_id or last.record_id, None))):
            last.folded.append(r)                  # more rows of the same command (a claim's source…)
            continue
        if action == "verified":
            what = what or "the whole case"
        if not what and subject and r["target_table"]:
            what = f"a {r['target_table'].replace('_', ' ').rstrip('s')} record"
        entry = LogEntry(r["seq"], r["at"], r["actor"], action, kind,
                         " ".join(words.format(what=what).split()), r["item_id"], target, r["hash"],
                         folded=pending)
        pending = []
        out.append(entry)
    if pending and out:
        out[-1].folded += pending
    elif pending:
        out.append(LogEntry(pending[0]["seq"], pending[0]["at"], pending[0]["actor"],
                            pending[0]["action"], "case", "Set up the case", None, None,
                            pending[0]["hash"], folded=pending[1:]))
    return out


def kinds_present(entries: list[LogEntry]) -> list[tuple[str, str]]:
    """(kind, name) of the kinds of action this log holds, in KINDS order."""
    have = {e.kind for e in entries}
    return [(k, t) for k, t in KINDS.items() if k in have]


def only(entries: list[LogEntry], kind: str | None = None, record: str | None = None) -> list[LogEntry]:
    """The entries of one kind of action and/or touching one file or record."""
    return [e for e in entries if (not kind or e.kind == kind) and (not record or record in e.records)]
