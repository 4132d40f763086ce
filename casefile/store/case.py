"""The case: a folder with case.sqlite, evidence/, derived/ and a lock. The only writer of a case.

Every change goes through `Case.insert/update/delete/log`, which write the custody-ledger event in
the same transaction as the change.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from casefile import __version__
from casefile.errors import CaseExists, InvalidInput, NotACase, NotFound, read_only
from casefile.ids import new_id
from casefile.settings import investigator as default_investigator
from casefile.store import (
    access,
    blobs,
    headfile,
    journal,
    ledger,
    recovery,
    refs,
    resolve,
    schema,
    sealing,
    sqlite_lib,
)
from casefile.store.canonical import canonical_json, row_digest, row_state
from casefile.store.lock import CaseLock
from casefile.store.rows import (
    AcquisitionRow,
    DerivedRow,
    ItemRow,
    LedgerEvent,
    R,
    Row,
    SqlValue,
    typed_rows,
)
from casefile.store.schemas.refs import WATCHED, WATCHED_2
from casefile.timeutil import get_zone, now_z

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

DB_NAME = "case.sqlite"
_COMMIT_LOCK = threading.RLock()
SUFFIX = ".casefile"


def _connect(db_path: Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(db_path, isolation_level=None, check_same_thread=True, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=30000")
    return sqlite_lib.database(conn)   # sqlite_utils (no third-party plugins) when first needed


class Case:
    """An open case. Not thread-safe: give each thread its own via `connect_again()`."""

    def __init__(self, path: Path, db: sqlite_utils.Database, lock: CaseLock | None,
                 actor: str, *, owns_lock: bool = True) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self.actor = actor
        self._depth = 0
        self._owns_lock = owns_lock
        self._ledger = ledger.Ledger(db)
        self._tx_start = 0   # the last event before the open transaction
        #: why the case is open read-only (None: open for writing)
        self.read_only_reason: str | None = None
        self.read_only_how = ""
        self._reader: access.ReadOnly | None = None   # what a read-only opening holds
        #: the schema steps this opening applied ("group n: name")
        self.migrated: list[str] = []
        #: what opening for writing recovered (files of unfinished imports, files quarantined)
        self.recovered: recovery.Recovered | None = None
        self._unsynced = blobs.Unsynced()   # derived files written in the open transaction

    # ---- opening and closing -------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, title: str, *, investigator: str | None = None,
               default_tz: str | None = None) -> Case:
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if path.exists() and any(path.iterdir()):
            raise CaseExists("a file or non-empty folder is already there", path)
        if default_tz:
            get_zone(default_tz)
        if not title.strip():
            raise InvalidInput("a case needs a title", field="title")
        for sub in ("evidence", "derived", "tmp"):
            (path / sub).mkdir(parents=True, exist_ok=True)
        lock = CaseLock(path)
        lock.acquire()
        case = cls(path, _connect(path / DB_NAME), lock, default_investigator(investigator))
        case._migrate(initial=True)
        sealing.install(case.db)
        with case.transaction():
            meta = {"case_id": new_id(), "title": title.strip(), "created_at": now_z(),
                    "created_by": case.actor, "created_with": f"Casefile {__version__}",
                    "default_tz": default_tz}
            for key, value in meta.items():
                if value is not None:
                    case.insert("case_meta", {"key": key, "value": value}, action="case-created"
                                if key == "case_id" else "meta-set")
            case.insert("case_meta", {"key": headfile.META_KEY, "value": headfile.NAME},
                        action="meta-set")
        headfile.write(path, case.db, force=True)   # the first head of the anchored chain
        return case

    @classmethod
    def open(cls, path: str | Path, *, write: bool = True, investigator: str | None = None,
             upgrade: bool = True) -> Case:
        """Open a case. `write=False` opens it read-only (SQLite `mode=ro`, no lock file, nothing
        written); a case on read-only media can only be opened so (`ReadOnlyCase` for a write).
        `upgrade=False`: a case from an older Casefile is refused, not migrated (verify)."""
        path = Path(path)
        if not (path / DB_NAME).is_file():
            alt = path.with_name(path.name + SUFFIX)
            if not path.name.endswith(SUFFIX) and (alt / DB_NAME).is_file():
                path = alt
            else:
                raise NotACase("not a Casefile case (no case.sqlite inside)", path)
        if not write:
            return cls._open_read_only(path, investigator, upgrade=upgrade)
        why = access.why_read_only(path)
        if why:
            raise read_only(path, why)
        lock = CaseLock(path)
        try:
            lock.acquire()
        except OSError as exc:
            raise access.explain(path, exc) from None
        try:
            case = cls(path, _connect(path / DB_NAME), lock, default_investigator(investigator))
            schema.check_not_newer(case.db, str(path))
            if schema.pending(case.db):
                if not upgrade:
                    raise schema.needs_upgrade(case.db, path)
                case._migrate(initial=False)
            sealing.install(case.db)
            case._recover()
        except (sqlite3.Error, OSError) as exc:
            lock.release()
            raise access.explain(path, exc) from None
        except BaseException:
            lock.release()
            raise
        return case

    @classmethod
    def _open_read_only(cls, path: Path, investigator: str | None, *, upgrade: bool) -> Case:
        why = access.why_read_only(path)
        try:
            conn = access.connect_read_only(path / DB_NAME)
        except sqlite3.Error as exc:
            raise access.explain(path, exc) from None
        case = cls(path, conn.db, None, default_investigator(investigator))
        case.read_only_reason = why or "opened for reading"
        case.read_only_how = conn.how
        case._reader = conn
        try:
            schema.check_not_newer(case.db, str(path))
            if schema.pending(case.db):
                if not upgrade:
                    raise schema.needs_upgrade(case.db, path)
                if why:
                    raise read_only(path, f"{why}; and it was written by an older Casefile, whose "
                                    "case must be upgraded before this one can read it: copy the "
                                    "case folder to writable storage and open the copy")
                case.close()
                writer = cls(path, _connect(path / DB_NAME), None, case.actor)
                try:
                    writer._migrate_with_lock()
                finally:
                    writer.close()
                return cls._open_read_only(path, investigator, upgrade=False)
        except sqlite3.Error as exc:
            case.close()
            raise access.explain(path, exc) from None
        except BaseException:
            case.close()
            raise
        return case

    def connect_again(self) -> Case:
        """Another connection to the same case, for a worker thread, sharing this process's lock.

        Closing it closes only its connection; the lock stays with the Case it came from.
        """
        if self.read_only_reason is not None:
            conn = access.connect_read_only(self.path / DB_NAME)
            again = Case(self.path, conn.db, None, self.actor, owns_lock=False)
            again._reader = conn
            again.read_only_reason = self.read_only_reason
            return again
        again = Case(self.path, _connect(self.path / DB_NAME), self._lock, self.actor,
                     owns_lock=False)
        sealing.install(again.db)
        return again

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()
        if self._lock is not None and self._owns_lock:
            self._lock.release()
        self._lock = None
        if self._reader is not None:
            self._reader.release()
            self._reader = None

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def writable(self) -> bool:
        return self._lock is not None and self._lock.held

    def _recover(self) -> None:
        """Undo what imports that never committed left behind (by their journals), quarantine any
        other file no row refers to, and say so in the ledger."""
        done = recovery.recover(self.path, self.db)
        self.recovered = done
        if done.removed or done.quarantined:
            with self.transaction():
                if done.removed:
                    self.log("recovered", details={
                        "removed_uncommitted_blobs": done.removed,
                        "why": "written by an import that never committed (its journal lists them)"})
                if done.quarantined:
                    self.log("quarantined", details={
                        "files": [q.to_dict() for q in done.quarantined],
                        "why": "no row of the database refers to them (a restored older database, "
                               "a sync conflict or a copy taken mid-write?); kept, not deleted"})

    def _migrate_with_lock(self) -> None:
        if self.writable:
            self._migrate(initial=False)
            return
        temp = CaseLock(self.path)
        temp.acquire()
        try:
            self._lock = temp
            self._migrate(initial=False)
        finally:
            self._lock = None
            temp.release()

    def _migrate(self, *, initial: bool) -> None:
        """Every pending step in one transaction: a step that fails leaves the case exactly as
        the release that wrote it left it (that release can still open it)."""
        steps = schema.pending(self.db)
        if not steps:
            return
        self.migrated = [f"{g} {n}: {name}" for g, n, name, _fn in steps]
        with self.transaction():
            for group, number, name, fn in steps:
                with self.transaction():
                    schema.apply(self.db, group, number, name, fn, case=self)
                    if not initial or group != "core":
                        self.log("schema-migrated", details={"group": group, "number": number,
                                                             "name": name})
            if not initial:
                sealing.install(self.db)   # the tables as migrated
                self._seal_as_found()
        if ("core", 2) in {(g, n) for g, n, _name, _fn in steps} and not initial:
            with contextlib.suppress(headfile.HeadFileBad):
                if headfile.read(self.path) is None:   # the case keeps a head file from now on
                    headfile.write(self.path, self.db, force=True)

    def _seal_as_found(self) -> None:
        """After migrating: record every derived table as found (a migration may have changed
        its columns or rows; a case from before they were vouched for gets them recorded)."""
        tables = set(self.db.table_names())
        found = {d.table: sealing.full_digest(self.db, d) for d in schema.DERIVED.values()
                 if d.table in tables}
        with self.transaction():
            for table, (digest, n) in sorted(found.items()):
                self.log("derived-recorded", target_table=table, target_id="*", row_digest=digest,
                         details={"rows": n, "what": schema.DERIVED[table].what, "as_found": True})
            self.log("derived-vouched", details={
                "why": "derived tables (findings, legs, gaps, checks, search index, references) "
                       "recorded as found after the case's schema was migrated"})

    # ---- transactions and the ledger -----------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Case]:
        """One atomic unit: BEGIN IMMEDIATE at the outermost level, savepoints inside."""
        if not self.writable:
            raise read_only(self.path, self.read_only_reason or "opened for reading")
        if self._depth == 0:
            self.db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            self._ledger.forget_head()
            try:
                self._tx_start = self.head()[0]
            except sqlite3.OperationalError:   # the first migration, before the ledger exists
                self._tx_start = 0
            try:
                yield self
            except BaseException:
                self._unsynced.clear()
                if self.db.conn.in_transaction:
                    self.db.execute("ROLLBACK")
                journal.rolled_back(self.path, self.db)
                raise
            else:
                self._record_seals()
                try:
                    self._unsynced.flush()   # the derived files it wrote are durable before COMMIT
                except BaseException:
                    self._unsynced.clear()
                    self.db.execute("ROLLBACK")
                    journal.rolled_back(self.path, self.db)
                    raise
                with _COMMIT_LOCK:   # head files written in commit order (workers share a case)
                    prepared = headfile.prepare(self.path, self.db, since=self._tx_start)
                    self.db.execute("COMMIT")
                    journal.committed(self.path)
                    if prepared:
                        headfile.write(self.path, self.db, force=True)
            finally:
                self._depth = 0
                self._ledger.forget_head()
        else:
            name = f"sp{self._depth}"
            self.db.execute(f"SAVEPOINT {name}")
            self._depth += 1
            written = len(self._unsynced.files)
            try:
                yield self
            except BaseException:
                del self._unsynced.files[written:]  # its derived files go with it (never referenced)
                self._ledger.forget_head()  # events appended inside the savepoint are gone
                if self.db.conn.in_transaction:
                    self.db.execute(f"ROLLBACK TO {name}")
                    self.db.execute(f"RELEASE {name}")
                raise
            else:
                self.db.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1

    @contextlib.contextmanager
    def rewriting(self, *tables: str) -> Iterator[None]:
        """Inside a transaction: rewrite these derived tables in bulk. Their rows are noted for the
        seal once before and once after (sealing.bulk), not by a trigger per row; the seal logged
        at commit is the same."""
        self._require_tx()
        with sealing.bulk(self.db, tables):
            yield

    def accept_ledger_head(self, reason: str) -> None:
        """Accept the ledger as it is when the head file names an event it does not hold (an
        older database restored on purpose): the old head is kept in the ledger with the reason."""
        if not reason or not reason.strip():
            raise InvalidInput("accepting the ledger head needs a reason", field="reason")
        try:
            old = headfile.read(self.path)
            was: dict[str, object] | str | None = None if old is None else {
                "seq": old.seq, "hash": old.hash, "written_at": old.written_at}
        except headfile.HeadFileBad as exc:
            was = str(exc)
        with self.transaction():
            self.log("ledger-head-accepted", details={"head_file_was": was, "reason": reason.strip()})
        headfile.write(self.path, self.db, force=True)

    def _record_seals(self) -> None:
        """Log the new digest of each derived table this transaction changed (see sealing):
        `derived-updated` when the transaction changed the case, `derived-recorded` when it only
        recomputed (a cross-reference run, a refresh of photo checks), which changes no evidence."""
        seals = sealing.touched(self.db)
        if not seals:
            return
        row = self.db.execute("SELECT count(*) FROM ledger WHERE seq > ? AND action NOT IN "
                              f"({','.join('?' * len(sealing.RECOMPUTING))})",
                              [self._tx_start, *sorted(sealing.RECOMPUTING)]).fetchone()
        action = "derived-updated" if row[0] else "derived-recorded"
        for table, (digest, n) in seals.items():
            self.log(action, target_table=table, target_id="*", row_digest=digest,
                     details={"rows": n, "what": schema.DERIVED[table].what})

    def _require_tx(self) -> None:
        if self._depth == 0:
            raise RuntimeError("case changes must happen inside case.transaction()")

    def head(self) -> tuple[int, str]:
        """The last ledger event's (seq, hash), or (0, GENESIS) for an empty ledger."""
        return self._ledger.head(keep=self._depth > 0)

    def head_hash(self) -> str:
        return self.head()[1]

    def log(self, action: str, *, item_id: str | None = None, target_table: str | None = None,
            target_id: str | int | None = None, row_digest: str | None = None,
            details: Mapping[str, object] | None = None) -> int:
        """Append one custody event, chained to the previous one."""
        self._require_tx()
        return self._ledger.append(at=now_z(), actor=self.actor, action=action, item_id=item_id,
                                   target_table=target_table,
                                   target_id=None if target_id is None else str(target_id),
                                   row_digest=row_digest, details=details or {})

    # ---- tracked changes -----------------------------------------------------------------
    def _tracked(self, table: str) -> schema.Tracked:
        try:
            return schema.TRACKED[table]
        except KeyError:
            raise RuntimeError(f"table {table} is not tracked by the ledger") from None

    def get_row(self, table: str, pk_value: str | int) -> Row:
        """One tracked row by its key (NotFound when there is none)."""
        pk = self._tracked(table).pk
        row = self.db.execute(f"SELECT * FROM [{table}] WHERE [{pk}] = ?", [pk_value])
        cols = [d[0] for d in row.description]
        found = row.fetchone()
        if found is None:
            raise NotFound(f"no {table} row {pk_value}")
        return dict(zip(cols, found))

    def insert(self, table: str, row: Mapping[str, object], *, action: str = "created",
               item_id: str | None = None, details: Mapping[str, object] | None = None) -> str:
        """Insert one tracked row and record its full state in the ledger."""
        self._require_tx()
        tracked = self._tracked(table)
        cols = list(row)
        self.db.execute(f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) VALUES "
                        f"({', '.join('?' for _ in cols)})", [row[c] for c in cols])
        pk_value = str(row[tracked.pk])
        stored = self.get_row(table, pk_value)
        extra: dict[str, object] = {}
        if table in WATCHED or table in WATCHED_2:   # a trigger gave it a short reference: vouch for it
            extra["ref"] = refs.ref_of(self.db, str(pk_value))
        self.log(action, item_id=item_id, target_table=table, target_id=pk_value,
                 row_digest=row_digest(stored),
                 details={**(details or {}), **extra, "row": row_state(stored)})
        return pk_value

    def update(self, table: str, pk_value: str | int, changes: Mapping[str, object], *,
               action: str = "edited", item_id: str | None = None,
               reason: str | None = None) -> Row:
        """Change fields of a tracked row; the ledger keeps before and after."""
        self._require_tx()
        before = self.get_row(table, pk_value)
        diff = {k: v for k, v in changes.items() if before.get(k) != v}
        if not diff:
            return before
        self.db.table(table).update(pk_value, dict(diff))
        after = self.get_row(table, pk_value)
        details: dict[str, object] = {"before": {k: before.get(k) for k in diff},
                                   "after": {k: after.get(k) for k in diff}, "row": row_state(after)}
        if reason:
            details["reason"] = reason
        self.log(action, item_id=item_id, target_table=table, target_id=pk_value,
                 row_digest=row_digest(after), details=details)
        return after

    def delete(self, table: str, pk_value: str | int, *, reason: str, item_id: str | None = None) -> Row:
        """Delete a tracked row for a stated reason; the ledger keeps what was deleted."""
        self._require_tx()
        if not reason or not reason.strip():
            raise InvalidInput("deleting needs a reason", field="reason")
        before = self.get_row(table, pk_value)
        self.db.table(table).delete(pk_value)
        self.log("deleted", item_id=item_id, target_table=table, target_id=pk_value,
                 row_digest=None, details={"reason": reason.strip(), "row": row_state(before)})
        return before

    def group_digest(self, table: str, group_value: SqlValue) -> tuple[str, int]:
        """The ledger digest of one group of bulk rows, and how many rows it covers."""
        return ledger.group_digest(self.db, self._tracked(table), group_value)

    def record_group(self, table: str, group_value: SqlValue, *, action: str, item_id: str | None = None,
                     details: Mapping[str, object] | None = None) -> int:
        digest, count = self.group_digest(table, group_value)
        self.log(action, item_id=item_id, target_table=table, target_id=str(group_value),
                 row_digest=digest, details={**(details or {}), "rows": count})
        return count

    # ---- case metadata -------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return {k: v for k, v in self.db.execute("SELECT key, value FROM case_meta")}

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction():
            if value is None:
                if key in self.meta():
                    self.delete("case_meta", key, reason=f"{key} cleared")
            elif key in self.meta():
                self.update("case_meta", key, {"value": value}, action="meta-set")
            else:
                self.insert("case_meta", {"key": key, "value": value}, action="meta-set")

    @property
    def title(self) -> str:
        return self.meta().get("title", self.path.stem)

    @property
    def default_tz(self) -> str | None:
        return self.meta().get("default_tz")

    # ---- reading items and events --------------------------------------------------------
    def rows(self, sql: str, params: Iterable[SqlValue] = ()) -> list[Row]:
        """The rows of a query, each as column -> value (see `select` for one table's rows)."""
        cur = self.db.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def select(self, row_type: type[R], sql: str, params: Iterable[SqlValue] = ()) -> list[R]:
        """The rows of a query as `row_type` (a TypedDict of casefile.store.rows; its columns are
        checked against what the query gave)."""
        return typed_rows(row_type, self.rows(sql, params))

    def items(self, kind: str | None = None, *, include_removed: bool = False) -> list[ItemRow]:
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if not include_removed:
            where.append("removed_at IS NULL")
        sql = "SELECT * FROM items" + (" WHERE " + " AND ".join(where) if where else "")
        return self.select(ItemRow, sql + " ORDER BY id", params)

    def resolve_item(self, ref: str) -> ItemRow:
        """An item's row by id, reference (P3), file name, SHA-256 or a unique id or hash prefix
        (the one resolver, `casefile.store.resolve`: did-you-mean when nothing matches)."""
        item_id = resolve.resolve(self, ref, resolve.ITEMS, lists="casefile items CASE")
        return self.select(ItemRow, "SELECT * FROM items WHERE id = ?", [item_id])[0]

    def acquisitions(self, item_id: str) -> list[AcquisitionRow]:
        return self.select(AcquisitionRow, "SELECT * FROM acquisitions WHERE item_id = ? ORDER BY id",
                           [item_id])

    def derivations(self, item_id: str) -> list[DerivedRow]:
        return self.select(DerivedRow, "SELECT * FROM derived WHERE item_id = ? ORDER BY id", [item_id])

    def events(self, item_id: str | None = None, *, limit: int | None = None) -> list[LedgerEvent]:
        return ledger.read_events(self.db, item_id, limit=limit)

    def blob_path(self, item_or_row: Mapping[str, object]) -> Path:
        return self.path / str(item_or_row["blob_path"])

    # ---- derived working copies ----------------------------------------------------------
    def add_derived(self, item_id: str, data: bytes, *, kind: str, tool: str, tool_version: str,
                    params: Mapping[str, object], mime: str | None = None) -> DerivedRow:
        """Store a working copy made from an item, recording its parent, tool, version and params."""
        rel, sha, size = blobs.write_bytes_blob(self.path, data, "derived",
                                                later=self._unsynced if self._depth else None)
        row = DerivedRow(id=new_id(), item_id=item_id, kind=kind, blob_path=rel, sha256=sha,
                         size=size, mime=mime, tool=tool, tool_version=tool_version,
                         params=canonical_json(dict(params)), created_at=now_z())
        with self.transaction():
            self.insert("derived", row, action="derived", item_id=item_id)
        return row

    def derived(self, item_id: str, kind: str) -> DerivedRow | None:
        rows = self.select(DerivedRow, "SELECT * FROM derived WHERE item_id = ? AND kind = ? "
                           "ORDER BY id DESC LIMIT 1", [item_id, kind])
        return rows[0] if rows else None
