"""The investigator's own note of whole-case verifications, kept per user outside every case.

Verification changes nothing in the evidence (no event, no file), so the case cannot say when it
was last verified. This small file in the user's config folder can: when, the outcome, and the
ledger head that was verified, so the window says whether the case has changed since. It is a
convenience for the person at this computer, never evidence: a report or a court relies on
running `verify` (with `--expect FINGERPRINT`) again.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.settings import config_dir
from casefile.store import headfile
from casefile.store.sealing import RECOMPUTING

if TYPE_CHECKING:
    from casefile.store.case import Case
    from casefile.store.verify_report import VerifyReport

FILE = "verifications.json"
#: how many cases' last verification are kept (the oldest noted are forgotten first)
KEEP = 500


@dataclass(frozen=True)
class LastVerified:
    """The last whole-case verification this user ran on this case (at this path)."""

    at: str                 # UTC, ISO 8601 with Z
    ok: bool
    problems: int
    fingerprint: str        # the ledger head verified (event number and hash prefix)
    changed_since: bool     # the case records changes after that head, or its ledger differs
    here: bool = True       # noted on this computer (False: a 'verified' event of an old release)


def _path() -> Path:
    return config_dir() / FILE


def _key(case: Case) -> str:
    return f"{case.meta().get('case_id', '')}|{case.path.resolve()}"


def _load() -> dict[str, object]:
    try:
        values = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return values if isinstance(values, dict) else {}


def remember(case: Case, report: VerifyReport, *, at: datetime | None = None) -> bool:
    """Note a whole-case verification's outcome for this user (never in the case). Best effort:
    a config folder that cannot be written only means the note is not kept (returns False)."""
    seq, _prefix = headfile.parse_fingerprint(report.fingerprint) if report.fingerprint \
        else (0, "")
    when = (at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    notes = _load()
    notes[_key(case)] = {"at": when, "ok": report.ok, "problems": len(report.problems),
                         "seq": seq, "hash": report.head_hash, "fingerprint": report.fingerprint}
    if len(notes) > KEEP:
        def noted_at(key: str) -> str:
            note = notes[key]
            return str(note.get("at", "")) if isinstance(note, dict) else ""

        for old in sorted(notes, key=noted_at)[:len(notes) - KEEP]:
            del notes[old]
    path = _path()
    tmp = path.with_name(f".{FILE}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(notes, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
    return True


def recall(case: Case) -> LastVerified | None:
    """This user's last verification of the case, and whether the case has changed since; an old
    release's 'verified' ledger event when this user never verified it; None when neither."""
    note = _load().get(_key(case))
    if isinstance(note, dict):
        at, ok, problems, fp, seq, head = (note.get(k) for k in
                                           ("at", "ok", "problems", "fingerprint", "seq", "hash"))
        if isinstance(at, str) and isinstance(ok, bool) and isinstance(problems, int) \
                and isinstance(fp, str) and isinstance(seq, int) and isinstance(head, str):
            return LastVerified(at, ok, problems, fp, _changed(case, seq, head))
    return _recorded(case)


def _changed(case: Case, seq: int, head: str) -> bool:
    """True when the ledger no longer holds the verified head, or records a change after it."""
    if seq > 0:
        rows = case.rows("SELECT hash FROM ledger WHERE seq = ?", [seq])
        if not rows or rows[0]["hash"] != head:
            return True
    marks = ",".join("?" * len(RECOMPUTING))
    later = case.rows(f"SELECT 1 FROM ledger WHERE seq > ? AND action NOT IN ({marks}) LIMIT 1",
                      [seq, *sorted(RECOMPUTING)])
    return bool(later)


def _recorded(case: Case) -> LastVerified | None:
    """The last whole-case 'verified' event that a release before read-only verification wrote."""
    rows = case.rows("SELECT seq, at, hash, details FROM ledger WHERE action = 'verified' "
                     "AND item_id IS NULL ORDER BY seq DESC LIMIT 1")
    if not rows:
        return None
    seq, head, text = rows[0]["seq"], str(rows[0]["hash"]), rows[0]["details"]
    if not isinstance(seq, int):
        return None
    try:
        loaded: object = json.loads(text) if isinstance(text, str) else {}
    except ValueError:
        loaded = {}
    details = loaded if isinstance(loaded, dict) else {}
    return LastVerified(str(rows[0]["at"]), bool(details.get("ok")),
                        len(details.get("problems", []) or []), headfile.fingerprint(seq, head),
                        _changed(case, seq, head), here=False)
