"""Resolving the quarantine through the ledger: a file re-attached (imported again, so the case
holds it at its content address) or its deletion confirmed with a reason."""

from __future__ import annotations

from casefile.errors import CasefileError, InvalidInput
from casefile.store import blobs, quarantine
from casefile.store.case import Case


def held_again(case: Case, q: quarantine.Quarantined) -> str | None:
    """The item or derived file that now holds the same bytes (after a re-import), if any."""
    table = "items" if q.is_original else "derived"
    row = case.db.execute(f"SELECT id FROM {table} WHERE sha256 = ?", [q.sha256]).fetchone()
    if row is None or not (case.path / blobs.blob_relpath(q.sha256, q.was.split("/")[0])).is_file():
        return None
    return str(row[0])


def reattached(case: Case, q: quarantine.Quarantined) -> str:
    """Take a file out of the quarantine once the case holds its bytes again; returns the id."""
    holder = held_again(case, q)
    if holder is None:
        raise CasefileError(f"quarantined file {q.name} ({q.was}) is not in the case yet: import "
                            f"it first", case.path / q.file)
    with case.transaction():
        case.log("quarantine-reattached", item_id=holder if q.is_original else None,
                 details={"file": q.to_dict(), "held_by": holder})
    quarantine.remove(case.path, q)
    return holder


def confirm_deletion(case: Case, q: quarantine.Quarantined, reason: str) -> None:
    """Delete a quarantined file for a stated reason; the ledger keeps its name, hash and size."""
    if not reason or not reason.strip():
        raise InvalidInput("deleting a quarantined file needs a reason", field="reason")
    with case.transaction():
        case.log("quarantine-deleted", details={"file": q.to_dict(), "reason": reason.strip()})
    quarantine.remove(case.path, q)
