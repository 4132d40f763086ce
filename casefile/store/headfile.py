"""The ledger head kept outside the database: `ledger-head.json` beside `case.sqlite`.

Rewritten with every commit (the event it will name written as pending, durably, before the
COMMIT; named for good just after), so a ledger cut short, or a last import removed with its
events, no longer agrees with it, and a process killed mid-commit leaves a file that still
vouches for what it committed. It is anchored: a commit moves it only from the event it named,
so a missing, older or foreign head file stays as found (ordinary writes never recreate it)
until the investigator accepts a new head with a reason.
It carries a SHA-256 over its own fields (a damaged or hand-edited file is named as such); the
fingerprint it holds is the short text an investigator notes down and gives to `verify --expect`.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.store.canonical import canonical_json, sha256_text
from casefile.store.platform_io import fsync_dir
from casefile.timeutil import now_z

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

NAME = "ledger-head.json"
#: the case_meta key saying this case keeps a head file (a missing file is then a problem)
META_KEY = "head_file"
_lock = threading.Lock()
_FP = re.compile(r"^\s*(\d+)-([0-9a-fA-F]{8,64})\s*$")


def fingerprint(seq: int, hash_: str) -> str:
    """The head as a person notes it: event number and the first 16 hex digits of its hash."""
    return f"{seq}-{hash_[:16]}"


def parse_fingerprint(text: str) -> tuple[int, str]:
    """(event number, hash prefix) of a fingerprint such as 412-9f3a1c2b7d4e5f60."""
    m = _FP.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a ledger fingerprint (event number, dash, 8 to 64 hex "
                         "digits, as `casefile verify` prints: e.g. 412-9f3a1c2b7d4e5f60)")
    return int(m.group(1)), m.group(2).lower()


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str
    case_id: str | None
    written_at: str
    #: the event a commit in progress was about to make the head (seq, hash): written, durably,
    #: before the COMMIT; the file names it for good just after. A process killed in between
    #: leaves it here, and the ledger holding that event shows the commit landed.
    pending: tuple[int, str] | None = None

    def effective(self, ledger_hash: Callable[[int], str | None]) -> tuple[int, str]:
        """The head this file vouches for: its pending event when the ledger holds it (the
        commit landed, the process stopped before naming it), else its own."""
        if self.pending is not None and ledger_hash(self.pending[0]) == self.pending[1]:
            return self.pending
        return self.seq, self.hash


def _check(case_id: str | None, seq: int, hash_: str,
           pending: tuple[int, str] | None = None) -> str:
    fields: dict[str, object] = {"case_id": case_id, "seq": seq, "hash": hash_}
    if pending is not None:
        fields["pending"] = list(pending)
    return sha256_text(canonical_json(fields))


def prepare(case_dir: Path, db: sqlite_utils.Database, *, since: int) -> bool:
    """Before a COMMIT (inside the transaction): name the event it will make the head as pending,
    durably, so a process killed between the COMMIT and `write` leaves a head file that vouches
    for it. Returns whether `write(force=True)` should follow the COMMIT.

    The file is anchored: it moves only from the event it named when the transaction began
    (`since`). A missing head file of a case that keeps one, or one naming any other event (older,
    newer, another chain), is left as it is, so verify names it until the investigator accepts the
    ledger as it is (`casefile ledger accept-head`)."""
    try:
        with _lock:
            if not _anchored_at(case_dir, db, since):
                return False
            head = read(case_dir)
            last = _last(db)
            if head is None or last is None:
                return head is None and last is not None   # a case that keeps none yet
            if last[0] == since:
                return False                                # nothing was appended
            at = db.execute("SELECT hash FROM ledger WHERE seq = ?", [since]).fetchone()
            if at is None:
                return False
            _write(case_dir, db, (since, str(at[0])), pending=last, durable=True)
            return True
    except (OSError, HeadFileBad, sqlite3.Error):
        return False


def write(case_dir: Path, db: sqlite_utils.Database, *, force: bool = False) -> None:
    """Name the ledger's last committed event in the head file: after a prepared COMMIT, or to
    start or accept a head (`force`). A failed write leaves the pending record, which still
    vouches for the commit."""
    if not force:
        return
    try:
        with _lock:
            last = _last(db)
            if last is not None:
                _write(case_dir, db, last)
    except OSError:
        pass


def _last(db: sqlite_utils.Database) -> tuple[int, str] | None:
    row = db.execute("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def _write(case_dir: Path, db: sqlite_utils.Database, head: tuple[int, str], *,
           pending: tuple[int, str] | None = None, durable: bool = False) -> None:
    cid = db.execute("SELECT value FROM case_meta WHERE key = 'case_id'").fetchone()
    case_id = cid[0] if cid else None
    seq, hash_ = head
    data: dict[str, object] = {"case_id": case_id, "seq": seq, "hash": hash_,
                               "fingerprint": fingerprint(seq, hash_), "written_at": now_z()}
    if pending is not None:
        data["pending"] = list(pending)
    data["check"] = _check(case_id, seq, hash_, pending)
    path = case_dir / NAME
    tmp = case_dir / f".{NAME}.{os.getpid()}.tmp"
    # the pending record is durable before the COMMIT (a power loss cannot keep the commit and
    # lose it); the final one need not be: the pending record already vouches for the commit
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=1) + "\n")
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
        if durable:
            fsync_dir(case_dir)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _anchored_at(case_dir: Path, db: sqlite_utils.Database, since: int | None) -> bool:
    """Whether the head file vouches for event `since` of this ledger (or the case keeps none)."""
    try:
        head = read(case_dir)
    except HeadFileBad:
        return False
    if head is None:   # a case that keeps a head file never recreates a missing one by itself
        try:
            return db.execute("SELECT 1 FROM case_meta WHERE key = ?",
                              [META_KEY]).fetchone() is None
        except sqlite3.OperationalError:   # before the first migration: nothing to anchor
            return True

    def ledger_hash(seq: int) -> str | None:
        row = db.execute("SELECT hash FROM ledger WHERE seq = ?", [seq]).fetchone()
        return None if row is None else str(row[0])

    seq, hash_ = head.effective(ledger_hash)
    if since is not None and seq != since:
        return False
    return ledger_hash(seq) == hash_


class HeadFileBad(ValueError):
    """The head file is there but unreadable or does not match its own check."""


def read(case_dir: Path) -> Head | None:
    """The head file's record, None when there is none; HeadFileBad when damaged or edited."""
    try:
        data = json.loads((case_dir / NAME).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        raise HeadFileBad(f"{NAME} cannot be read ({exc})") from None
    try:
        raw = data.get("pending")
        pending = (int(raw[0]), str(raw[1])) if raw else None
        head = Head(int(data["seq"]), str(data["hash"]), data.get("case_id"),
                    str(data.get("written_at", "")), pending)
        ok = data["check"] == _check(head.case_id, head.seq, head.hash, pending)
    except (KeyError, TypeError, ValueError):
        raise HeadFileBad(f"{NAME} is not a ledger head record") from None
    if not ok:
        raise HeadFileBad(f"{NAME} was edited by hand (its check does not match its fields)")
    return head
