"""Verify the database's own objects: every table, index, trigger and view is one Casefile makes,
with the SQL Casefile gives it (a guard trigger replaced by a no-op of the same name, an extra
trigger on the ledger or an unknown table are named)."""

from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.store import schema
from casefile.store.case import Case
from casefile.store.verify_report import VerifyReport

if TYPE_CHECKING:   # annotations only: the case opens with plain sqlite3 (sqlite_lib)
    import sqlite_utils

Objects = dict[tuple[str, str], str]   # (type, name) -> normalised SQL
_GUARDS = ("ledger_no_update", "ledger_no_delete")


def _norm(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def objects(db: sqlite_utils.Database) -> Objects:
    return {(t, n): _norm(s) for t, n, s in db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}


@lru_cache(maxsize=4)
def _expected(versions: tuple[tuple[str, int], ...]) -> Objects:
    with tempfile.TemporaryDirectory(prefix="casefile-schema-") as tmp:
        case = Case.create(Path(tmp) / "expected", "schema", investigator="casefile")
        try:
            return objects(case.db)
        finally:
            case.close()


def expected() -> Objects:
    """The objects a new case made by this Casefile's migrations has (made once per process)."""
    return _expected(tuple(sorted(schema.known_versions().items())))


def check_objects(db: sqlite_utils.Database, report: VerifyReport) -> None:
    found = [r[0] for r in db.execute("PRAGMA quick_check(5)")]
    if found != ["ok"]:
        report.add("database-damaged", "case.sqlite is damaged (SQLite: " + "; ".join(found)
                   + "): restore the case from a bundle or a backup")
    want = expected()
    have = objects(db)
    for (kind, name), sql in sorted(have.items()):
        where = {"table": name}
        if (kind, name) not in want:
            on = f" (on {_target(sql)})" if kind == "trigger" else ""
            report.add("unknown-" + kind, f"the database holds a {kind} {name}{on} that Casefile "
                       f"never made: added behind Casefile's back", **where)
        elif want[(kind, name)] != sql:
            guard = name in _GUARDS
            report.add("ledger-unprotected" if guard else f"{kind}-changed",
                       f"the {kind} {name} is not the one Casefile made (its SQL was replaced"
                       + ("; the ledger's append-only guard no longer guards" if guard else "")
                       + f"): now {sql[:160]!r}", **where)
    for (kind, name) in sorted(set(want) - set(have)):
        if kind in ("trigger", "table", "view"):
            guard = name in _GUARDS
            report.add("ledger-unprotected" if guard else f"{kind}-missing",
                       f"the ledger's append-only guard {name} was removed" if guard else
                       f"the {kind} {name} that Casefile made is missing", table=name)


def _target(sql: str) -> str:
    m = re.search(r"\bON\s+\[?\"?(\w+)", sql, re.IGNORECASE)
    return m.group(1) if m else "?"
