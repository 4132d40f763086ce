"""The ledger head kept outside the database: `ledger-head.json` beside `case.sqlite`.

Rewritten after every commit with the last event's number and hash, so a ledger cut short, or a
last import removed with its events, no longer agrees with it. It is anchored: a commit moves it
only from the event it named before, so a missing, older or foreign head file stays as found
(ordinary writes never recreate it) until the investigator accepts a new head with a reason.
It carries a SHA-256 over its own fields (a damaged or hand-edited file is named as such); the
fingerprint it holds is the short text an investigator notes down and gives to `verify --expect`.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from casefile.store.canonical import canonical_json, sha256_text
from casefile.timeutil import now_z

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


def _check(case_id: str | None, seq: int, hash_: str) -> str:
    return sha256_text(canonical_json({"case_id": case_id, "seq": seq, "hash": hash_}))


def write(case_dir: Path, db: sqlite_utils.Database, *, since: int | None = None,
          force: bool = False) -> None:
    """Write the head of the ledger as committed now (a failed write leaves the file older,
    which verify names).

    The file is anchored: it moves only from the event it named when the transaction began
    (`since`, the last event before it). A missing head file of a case that keeps one, or one
    naming any other event (older, newer, another chain), is left as it is, so verify names it
    until the investigator accepts the ledger as it is (`force`, `casefile ledger accept-head`).
    """
    try:
        with _lock:
            if not force and not _anchored_at(case_dir, db, since):
                return
            _write(case_dir, db)
    except OSError:
        pass


def _write(case_dir: Path, db: sqlite_utils.Database) -> None:
    row = db.execute("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        return
    cid = db.execute("SELECT value FROM case_meta WHERE key = 'case_id'").fetchone()
    case_id = cid[0] if cid else None
    seq, hash_ = int(row[0]), str(row[1])
    data = {"case_id": case_id, "seq": seq, "hash": hash_,
            "fingerprint": fingerprint(seq, hash_), "written_at": now_z(),
            "check": _check(case_id, seq, hash_)}
    path = case_dir / NAME
    tmp = case_dir / f".{NAME}.{os.getpid()}.tmp"
    # no fsync: the rename keeps the file whole; a file that lags after a power loss names an
    # earlier event of the same chain, which verify names and `ledger accept-head` accepts
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=1) + "\n")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _anchored_at(case_dir: Path, db: sqlite_utils.Database, since: int | None) -> bool:
    """Whether the head file names event `since` of this ledger (or the case keeps none yet)."""
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
    if since is not None and head.seq != since:
        return False
    row = db.execute("SELECT hash FROM ledger WHERE seq = ?", [head.seq]).fetchone()
    return row is not None and row[0] == head.hash


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
        head = Head(int(data["seq"]), str(data["hash"]), data.get("case_id"),
                    str(data.get("written_at", "")))
        ok = data["check"] == _check(head.case_id, head.seq, head.hash)
    except (KeyError, TypeError, ValueError):
        raise HeadFileBad(f"{NAME} is not a ledger head record") from None
    if not ok:
        raise HeadFileBad(f"{NAME} was edited by hand (its check does not match its fields)")
    return head
