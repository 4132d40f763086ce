"""The records an edit form offers as choices, by reference and name ("S2 Reuters article")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.analyst import query as analyst
from casefile.store import reads
from casefile.ui import names

if TYPE_CHECKING:
    from casefile.store import Case


def records(case: Case, kind: str) -> list[tuple[str, str]]:
    """(id, "S2 Title") choices of one kind of record."""
    if kind == "source":
        ids = [s.id for s in analyst.list_sources(case)]
    elif kind == "claim":
        ids = [c.id for c in analyst.list_claims(case)]
    elif kind == "entity":
        ids = [e.id for e in analyst.list_entities(case)]
    else:
        ids = [r["id"] for r in reads.listed_items(case)]
    return [(i, names.label(case, i, kind)) for i in ids]


def one_of(case: Case, kind: str, none_text: str) -> list[tuple[str, str]]:
    got = records(case, kind)
    return got or [("", none_text)]
