"""Short references a person can say: S2 (source), C4 (claim), P3 (photo) ... resolved to record ids.

Kinds: S sources, C claims, E entities, P photo items, F flight-record items, D other items
(documents, web captures, files), R reported flights, X cross-reference findings, N notes. The numbers are
given by the database when a row is inserted (see `casefile.store.schemas.refs`), per case and
kind, and never change. The CLI, the window and the report all show the same reference.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TypeAlias, cast

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils


KINDS: dict[str, str] = {
    "S": "source", "C": "claim", "E": "entity", "P": "photo", "F": "flight record",
    "D": "document", "R": "reported flight", "X": "finding", "N": "note",
}
_REF = re.compile(r"^\s*([A-Za-z])\s*-?\s*(\d+)\s*$")


class _HasDb(Protocol):
    @property
    def db(self) -> sqlite_utils.Database: ...


DbLike: TypeAlias = "sqlite_utils.Database | _HasDb"


def _db(where: DbLike) -> sqlite_utils.Database:
    # a database answers execute (a Case has none): asked of the class, so a LazyDatabase is not
    # made to load sqlite_utils to say it has no `db`
    if hasattr(type(where), "execute"):
        return cast("sqlite_utils.Database", where)
    return cast("_HasDb", where).db



def number(where: DbLike, kind: str, target_ids: Iterable[str]) -> None:
    """Give references to many records of one kind at once, before they are inserted: numbered
    in the order given, as the insert trigger would number them one by one (a record that has a
    reference keeps it; the trigger then finds it numbered). One statement instead of a trigger
    run per row, for bulk writes such as a full cross-reference run."""
    db = _db(where)
    db.execute("INSERT INTO refs (kind, n, target_id) SELECT ?, "
               "COALESCE((SELECT MAX(n) FROM refs WHERE kind = ?), 0) + ROW_NUMBER() OVER (ORDER BY s), v "
               "FROM (SELECT MIN(key) AS s, value AS v FROM json_each(?) GROUP BY value) "
               "WHERE NOT EXISTS (SELECT 1 FROM refs WHERE target_id = v) ORDER BY s",
               [kind, kind, json.dumps(list(target_ids))])


def ref_of(where: DbLike, target_id: str) -> str | None:
    """The short reference of one record ("C4"), or None when it has none."""
    db = _db(where)
    row = db.execute("SELECT kind, n FROM refs WHERE target_id = ?", [target_id]).fetchone()
    return f"{row[0]}{row[1]}" if row else None


def refs_of(where: DbLike, ids: Iterable[str]) -> dict[str, str]:
    """id -> reference for the given ids (ids without one are left out)."""
    db = _db(where)
    wanted = list(dict.fromkeys(ids))
    out: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for target_id, kind, n in db.execute(
                f"SELECT target_id, kind, n FROM refs WHERE target_id IN ({marks})", chunk):
            out[target_id] = f"{kind}{n}"
    return out


def all_refs(where: DbLike, kind: str | None = None) -> dict[str, str]:
    """id -> reference for every record, or for one kind letter ("P")."""
    db = _db(where)
    if kind is None:
        rows = db.execute("SELECT target_id, kind, n FROM refs ORDER BY kind, n")
    else:
        rows = db.execute("SELECT target_id, kind, n FROM refs WHERE kind = ? ORDER BY n", [kind])
    return {target_id: f"{k}{n}" for target_id, k, n in rows}


def parse(text: str) -> tuple[str, int] | None:
    """("C", 4) for "C4", "c4" or "C-4"; None when the text is not shaped like a reference."""
    m = _REF.match(text)
    if not m or m.group(1).upper() not in KINDS:
        return None
    return m.group(1).upper(), int(m.group(2))


def target_of(where: DbLike, ref: str) -> str | None:
    """The record id a reference names, or None."""
    parsed = parse(ref)
    if parsed is None:
        return None
    row = _db(where).execute("SELECT target_id FROM refs WHERE kind = ? AND n = ?", list(parsed)).fetchone()
    return str(row[0]) if row else None
