"""The custody ledger: an append-only chain of events, each carrying the hash of the one before.

`Case` appends one event in the same transaction as each change it makes; `verify` walks the chain
(`GENESIS`, `event_hash`) and compares tracked rows with the digests recorded here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol, TypedDict

from casefile.store.canonical import canonical_json, sha256_text
from casefile.store.headfile import fingerprint
from casefile.store.rows import JSONObject, LedgerEvent, SqlValue, typed
from casefile.store.schema import Tracked

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

#: the prev_hash of the first event
GENESIS = "0" * 64
#: the fields an event's hash covers (all but the hash itself), in table order
HASHED = ("seq", "at", "actor", "action", "item_id", "target_table", "target_id", "row_digest",
          "details", "prev_hash")


class LedgerRow(TypedDict):
    """One custody event as the log lists it."""

    seq: int
    at: str
    actor: str
    action: str
    item_id: str | None
    target_table: str | None
    target_id: str | None
    hash: str


class Event(LedgerRow):
    """One ledger row as written: the listed fields plus digest, details (canonical JSON), chain."""

    row_digest: str | None
    details: str
    prev_hash: str


def event_hash(event: Mapping[str, object]) -> str:
    """SHA-256 over the canonical encoding of an event's fields (all but its own hash)."""
    return sha256_text(canonical_json({k: event[k] for k in HASHED}))


class Ledger:
    """Appends events through one connection.

    Knows the head (last seq, hash) while a transaction holds the write lock, so appending does
    not read it back each time; the owner calls forget_head() when a transaction begins or a
    savepoint rolls back (its events are gone).
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._head: tuple[int, str] | None = None

    def head(self, *, keep: bool) -> tuple[int, str]:
        """The last event's (seq, hash), or (0, GENESIS); `keep` caches it (write lock held)."""
        if self._head is not None:
            return self._head
        row = self._db.execute("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
        head: tuple[int, str] = (int(row[0]), str(row[1])) if row else (0, GENESIS)
        if keep:
            self._head = head
        return head

    def forget_head(self) -> None:
        self._head = None

    def append(self, *, at: str, actor: str, action: str, item_id: str | None,
               target_table: str | None, target_id: str | None, row_digest: str | None,
               details: Mapping[str, object]) -> int:
        """Write one event chained to the head (the caller holds the write transaction)."""
        seq, prev = self.head(keep=True)
        event = Event(seq=seq + 1, at=at, actor=actor, action=action, item_id=item_id,
                      target_table=target_table, target_id=target_id, row_digest=row_digest,
                      details=canonical_json(dict(details)), prev_hash=prev, hash="")
        event["hash"] = event_hash(event)
        self._db.execute(f"INSERT INTO ledger ({', '.join(event)}) VALUES "
                         f"({', '.join('?' for _ in event)})", list(event.values()))
        self._head = (event["seq"], event["hash"])
        return event["seq"]


def group_digest(db: sqlite_utils.Database, tracked: Tracked, group_value: SqlValue) -> tuple[str, int]:
    """The ledger digest of one group of bulk rows, and how many rows it covers.

    SHA-256 over the JSON of the column names (sorted; columns NULL in every row of the group
    left out, so adding a nullable column changes nothing) and then the rows in key order.
    """
    table = tracked.table
    where = f"FROM [{table}] WHERE [{tracked.group}] = ?"
    names = sorted(c.name for c in db[table].columns)
    counts = db.execute(f"SELECT count(*), {', '.join(f'count([{c}])' for c in names)} "
                        f"{where}", [group_value]).fetchone()
    used = [c for c, n in zip(names, counts[1:], strict=True) if n]
    h = hashlib.sha256(canonical_json(used).encode("utf-8"))
    if used:
        cur = db.execute(f"SELECT {', '.join(f'[{c}]' for c in used)} {where} "
                         f"ORDER BY [{tracked.pk}]", [group_value])
        while batch := cur.fetchmany(10000):
            h.update(json.dumps(batch, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    return h.hexdigest(), int(counts[0])


def read_events(db: sqlite_utils.Database, item_id: str | None = None, *,
                limit: int | None = None) -> list[LedgerEvent]:
    """Events in order (one item's, or all), with `details` decoded."""
    sql, params = "SELECT * FROM ledger", []
    if item_id:
        sql += " WHERE item_id = ?"
        params.append(item_id)
    sql += " ORDER BY seq"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out: list[LedgerEvent] = []
    for ev in db.query(sql, params):
        details: JSONObject = json.loads(ev["details"])
        out.append(typed(LedgerEvent, {**ev, "details": details}))
    return out


class _HasHead(Protocol):
    def head(self) -> tuple[int, str]: ...


def head_fingerprint(case: _HasHead) -> str:
    """The ledger head as a person notes it (event number and hash prefix), for report covers,
    bundles and `verify --expect`: e.g. 412-9f3a1c2b7d4e5f60."""
    seq, hash_ = case.head()
    return fingerprint(seq, hash_)
