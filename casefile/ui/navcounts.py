"""How many records each navigator entry lists, by cheap COUNT queries (safe during an import).

A part that is absent (its table missing) has no count, so its entry shows no number.
"""

from __future__ import annotations

import sqlite3

from casefile.store import Case

COUNT_SQL: dict[str, str] = {
    "sources": "SELECT COUNT(*) FROM sources",
    "claims": "SELECT COUNT(*) FROM claims",
    "photos": "SELECT COUNT(*) FROM items WHERE removed_at IS NULL "
              "AND (kind = 'photo' OR mime LIKE 'image/%')",
    "flights": "SELECT (SELECT COUNT(*) FROM flight_segments WHERE kind = 'leg') "
               "+ (SELECT COUNT(*) FROM reported_flights)",
    "entities": "SELECT COUNT(*) FROM entities",
    "findings": "SELECT COUNT(*) FROM xref_findings",
}


def nav_counts(case: Case) -> dict[str, int]:
    """{navigator key: number of records it lists}, for the keys whose tables exist."""
    out: dict[str, int] = {}
    for key, sql in COUNT_SQL.items():
        try:
            out[key] = int(case.db.execute(sql).fetchone()[0])
        except sqlite3.Error:
            continue
    return out


def nav_title(title: str, count: int | None) -> str:
    """ "Photos (12)", or the plain title when there is no count."""
    return title if count is None else f"{title} ({count:,})"
