"""Shared pieces of the edit forms: choices of records by reference and name, time hints."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from casefile.analyst import query as analyst
from casefile.store import reads
from casefile.ui import names
from casefile.ui.operations.edits import Edit

if TYPE_CHECKING:
    from casefile.store import Case


Build = Callable[[dict[str, str]], Edit]
TIME_HINT = "e.g. 2019-03-23 14:00 or 2019-03-23 (empty: not stated)"
ZONE_HINT = "IANA zone or offset the time was given in, e.g. Europe/Moscow or +03:00 (empty: case default)"


def pairs(values: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


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
