"""Submitting commands, and undo and redo from the ledger (docs/shapes.md §6).

`submit` applies a command in one transaction and ends it with one `command` event: `{"command",
"params", "records", "undoes", "redoes", "summary"}`. The row events just before it (same
transaction) hold each record's before and after. The history is the list of command events, so it
survives closing the case. Undo submits the inverse, a `records.restore` command that puts each
record back to its state before (through the part that owns it), recorded with `undoes`; redo puts
them back to the state after, recorded with `redoes`. A command is undone only when no later
command still in effect used its records and nothing else changed them since; the refusal says which.
Imports are not commands: they never appear here and are never undone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casefile.commands.base import Applied, Command
from casefile.commands.fresh import Touched, bring_up_to_date
from casefile.errors import CasefileError

if TYPE_CHECKING:
    from casefile.store import Case
    from casefile.store.putback import RowState
    from casefile.store.rows import Row

ACTION = "command"
RESTORE = "records.restore"


class Refused(CasefileError):
    """An undo or redo that cannot be done now, with why."""


@dataclass(frozen=True)
class Done:
    """A command as applied: its ledger number, what people read, the record to show."""

    seq: int
    summary: str
    record_id: str | None = None
    touched: tuple[Touched, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One line of the history."""

    seq: int
    at: str
    actor: str
    command: str
    summary: str
    params: dict[str, Any]
    records: list[tuple[str, str]]
    undoes: int | None
    redoes: int | None
    state: str                 # in effect | undone | undo | redo

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "command": self.command,
                "summary": self.summary, "params": self.params,
                "records": [list(r) for r in self.records], "undoes": self.undoes,
                "redoes": self.redoes, "state": self.state}


# ---- submitting -----------------------------------------------------------------------------------
def _row_events(case: Case, after_seq: int, upto: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT seq, action, item_id, target_table, target_id, details FROM ledger WHERE seq > ? "
           "AND target_table IS NOT NULL AND target_id IS NOT NULL AND target_id != '*'")
    args: list[Any] = [after_seq]
    if upto is not None:
        sql += " AND seq < ?"
        args.append(upto)
    return [_decoded(ev) for ev in case.rows(sql + " ORDER BY seq", args)]


def _decoded(ev: Row) -> dict[str, Any]:
    """A ledger row with its details decoded (they are a command's or a row's JSON)."""
    return {**ev, "details": json.loads(str(ev["details"]))}


def _touched(events: Iterable[Mapping[str, Any]]) -> list[Touched]:
    out: dict[tuple[str, str], Touched] = {}
    for ev in events:
        key = (ev["target_table"], ev["target_id"])
        row = ev["details"].get("row") or {}
        item = ev["item_id"] or row.get("item_id")
        out.setdefault(key, Touched(key[0], key[1], item if isinstance(item, str) else None))
    return list(out.values())


def _record(case: Case, name: str, params: Mapping[str, Any], run: Callable[[], Applied], *,
            undoes: int | None = None, redoes: int | None = None) -> Done:
    with case.transaction():
        start = case.head()[0]
        applied = run()
        events = _row_events(case, start)
        touched = _touched(events)
        # one entry per row event, in order (undo finds them again by it), then the records it used
        records = [[ev["target_table"], ev["target_id"]] for ev in events]
        records += [[t, i] for t, i in applied.uses if [t, i] not in records]
        seq = case.log(ACTION, details={"command": name, "params": dict(params), "records": records,
                                        "undoes": undoes, "redoes": redoes,
                                        "summary": applied.summary})
    bring_up_to_date(case, touched)
    return Done(seq, applied.summary, applied.record_id, tuple(touched))


def submit(case: Case, command: Command) -> Done:
    """Apply a command through its part, record it, bring derived data up to date."""
    return _record(case, command.name, command.params(), lambda: command.apply(case))


# ---- reading the history ----------------------------------------------------------------------------
@dataclass
class _Stacks:
    events: list[dict[str, Any]] = field(default_factory=list)
    done: list[int] = field(default_factory=list)        # commands in effect, oldest first
    undone: list[int] = field(default_factory=list)      # the redo stack, most recent last
    applied: dict[int, int] = field(default_factory=dict)   # command -> event of its last application
    by_seq: dict[int, dict[str, Any]] = field(default_factory=dict)


def _stacks(case: Case) -> _Stacks:
    st = _Stacks()
    for row in case.rows("SELECT seq, at, actor, details FROM ledger WHERE action = ? ORDER BY seq",
                         [ACTION]):
        ev = _decoded(row)
        st.events.append(ev)
        st.by_seq[ev["seq"]] = ev
        d = ev["details"]
        if d.get("undoes") is not None:
            n = int(d["undoes"])
            if n in st.done:
                st.done.remove(n)
            st.undone.append(n)
        elif d.get("redoes") is not None:
            n = int(d["redoes"])
            if n in st.undone:
                st.undone.remove(n)
            st.done.append(n)
            st.applied[n] = ev["seq"]
        else:
            st.done.append(ev["seq"])
            st.undone.clear()
            st.applied[ev["seq"]] = ev["seq"]
    return st


def history(case: Case) -> list[Entry]:
    """Every command of the case, oldest first, with whether it is still in effect."""
    st = _stacks(case)
    out = []
    for ev in st.events:
        d = ev["details"]
        if d.get("undoes") is not None:
            state = "undo"
        elif d.get("redoes") is not None:
            state = "redo"
        else:
            state = "in effect" if ev["seq"] in st.done else "undone"
        out.append(Entry(ev["seq"], ev["at"], ev["actor"], d["command"], d.get("summary", ""),
                         d.get("params", {}), [(t, i) for t, i in d.get("records", [])],
                         d.get("undoes"), d.get("redoes"), state))
    return out


def can_undo(case: Case) -> int | None:
    """The command `undo` would take back (its number), or None."""
    st = _stacks(case)
    return st.done[-1] if st.done else None


def can_redo(case: Case) -> int | None:
    st = _stacks(case)
    return st.undone[-1] if st.undone else None


# ---- undo and redo -----------------------------------------------------------------------------------
def _states(case: Case, event_seq: int, records: list[list[str]]) -> list[tuple[str, str, RowState,
                                                                                 RowState]]:
    """(table, id, before, after) of each record the command event's transaction wrote: its row
    events are the last ones before it, one per leading entry of `records` (the rest are records
    it used without writing)."""
    before_cmd = case.db.execute("SELECT seq FROM ledger WHERE seq < ? AND action = ? ORDER BY seq DESC "
                                 "LIMIT 1", [event_seq, ACTION]).fetchone()
    floor = int(before_cmd[0]) if before_cmd else 0
    prior = _row_events(case, floor, event_seq)[-len(records):] if records else []
    keys = [(ev["target_table"], ev["target_id"]) for ev in prior]
    wanted = [(t, i) for t, i in records]
    n = max((k for k in range(len(prior) + 1) if k == 0 or keys[-k:] == wanted[:k]), default=0)
    block = prior[len(prior) - n:] if n else []
    out: dict[tuple[str, str], list[Any]] = {}
    for ev in block:
        key = (ev["target_table"], ev["target_id"])
        d = ev["details"]
        if ev["action"] == "deleted":
            after: RowState = None
            before: RowState = d.get("row")
        else:
            after = d.get("row")
            if "before" in d:           # an update: the row as it was, from what changed
                prev = {**(after or {}), **d["before"]}
                before = {k: v for k, v in prev.items() if v is not None}
            else:                       # an insert (or a restore that inserted it)
                before = None
        if key in out:
            out[key][3] = after
        else:
            out[key] = [key[0], key[1], before, after]
    return [(t, i, b, a) for t, i, b, a in out.values()]


def _put_back(case: Case, table: str, row_id: str, state: RowState, reason: str) -> None:
    from casefile.analyst import restore as analyst_restore
    from casefile.flights import reported
    from casefile.photos import edit as photo_edit
    from casefile.store import putback

    if table in analyst_restore.TABLES:
        analyst_restore.put_back(case, table, row_id, state, reason=reason)
    elif table in ("photos", "photo_aircraft"):
        photo_edit.put_back(case, table, row_id, state, reason=reason)
    elif table == "reported_flights":
        reported.put_back(case, table, row_id, state, reason=reason)
    elif table == "items" and state is not None:
        now = putback.current(case, "items", row_id) or {}
        keep = {k: v for k, v in now.items() if k not in ("notes", "sensitive")}
        keep.update({k: v for k, v in state.items() if k in ("notes", "sensitive")})
        putback.put_back(case, "items", row_id, keep, reason=reason, item_id=row_id)
    else:
        raise Refused(f"{table} rows are not analyst records: they are not undone")


#: Tables a command may write as a side effect that undo leaves as they are (text read from an item).
_KEPT = frozenset({"capture_texts"})


def _label(ev: Mapping[str, Any]) -> str:
    return f"#{ev['seq']} \u201c{ev['details'].get('summary', ev['details'].get('command'))}\u201d"


def _restore(case: Case, target: int, st: _Stacks, *, back: bool) -> Done:
    """Undo (back) or redo command `target` by restoring its records' states."""
    from casefile.store import putback

    app_seq = st.applied[target] if back else max(
        s for s, e in st.by_seq.items() if e["details"].get("undoes") == target)
    app = st.by_seq[app_seq]
    records = app["details"].get("records", [])
    # a later command still in effect that used one of these records comes first
    mine = {(t, i) for t, i in records}
    if back:
        for later in st.done[st.done.index(target) + 1:]:
            ev = st.by_seq[st.applied[later]]
            shared = mine & {(t, i) for t, i in ev["details"].get("records", [])}
            if shared:
                raise Refused(f"cannot undo {_label(st.by_seq[target])}: {_label(ev)} changed or "
                              f"used the same records later; undo that first")
    states = [s for s in _states(case, app_seq, records) if s[0] not in _KEPT]
    for table, rid, _before, after in states:
        if putback.current(case, table, rid) != after:
            raise Refused(f"cannot {'undo' if back else 'redo'} {_label(st.by_seq[target])}: a "
                          f"{table} record it wrote has changed since (see `casefile log`)")
    verb = "Undo" if back else "Redo"
    summary = f"{verb}: {st.by_seq[target]['details'].get('summary', '')}"
    puts = [(t, i, b) for t, i, b, _a in reversed(states)]   # the last written goes back first
    reason = f"{verb.lower()} of command #{target}"

    def run() -> Applied:
        for table, rid, state in puts:
            _put_back(case, table, rid, state, reason)
        return Applied(summary, None)

    return _record(case, RESTORE, {"rows": [list(p) for p in puts]}, run,
                   undoes=target if back else None, redoes=None if back else target)


def undo(case: Case, seq: int | None = None) -> Done:
    """Take back the last command in effect (or command `seq`), recorded as its inverse."""
    st = _stacks(case)
    if seq is None:
        if not st.done:
            raise Refused("nothing to undo: no edit of this case is in effect")
        seq = st.done[-1]
    elif seq not in st.done:
        if seq in st.undone:
            raise Refused(f"command #{seq} is already undone (`casefile redo` applies it again)")
        if seq in st.by_seq:
            raise Refused(f"#{seq} is itself an undo or a redo: undo or redo the command it names")
        raise Refused(f"there is no command #{seq} (see `casefile history`)")
    return _restore(case, seq, st, back=True)


def redo(case: Case, seq: int | None = None) -> Done:
    """Apply again the last command undone (or command `seq`, if it was undone)."""
    st = _stacks(case)
    if seq is None:
        if not st.undone:
            raise Refused("nothing to redo")
        seq = st.undone[-1]
    elif seq not in st.undone:
        raise Refused(f"command #{seq} is not undone (or a later edit replaced the redo history)")
    return _restore(case, seq, st, back=False)
