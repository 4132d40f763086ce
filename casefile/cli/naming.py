"""Short references in what commands print: a `ref` beside each record's id ("P3", "S2", "C4")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from casefile.store import Case, refs


def _with(row: Mapping[str, Any], after: str, key: str, value: Any) -> dict[str, Any]:
    """`row` with `key` placed right after `after` (JSON shapes keep their order)."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        out[k] = v
        if k == after:
            out[key] = value
    if key not in out:
        out[key] = value
    return out


def add_refs(case: Case, rows: Iterable[Mapping[str, Any]], id_key: str = "id",
             key: str = "ref") -> list[dict[str, Any]]:
    """Each row with the short reference of `row[id_key]` as `key` (None when it has none)."""
    rows = list(rows)
    found = refs.refs_of(case, [r[id_key] for r in rows if r.get(id_key)])
    return [_with(r, id_key, key, found.get(r.get(id_key) or "")) for r in rows]


def add_ref(case: Case, row: Mapping[str, Any], id_key: str = "id", key: str = "ref") -> dict[str, Any]:
    return add_refs(case, [row], id_key, key)[0]


def add_list_refs(known: Mapping[str, str], row: Mapping[str, Any], ids_key: str,
                  key: str) -> dict[str, Any]:
    """`row` with the references of the ids in `row[ids_key]` as a list `key` (`known`: id -> ref,
    from `refs.all_refs`)."""
    return _with(row, ids_key, key, [known.get(i, i) for i in row[ids_key] or []])


def ref_or_id(case: Case, record_id: str | None) -> str:
    """What a person reads for a record: its reference, else its id."""
    if not record_id:
        return ""
    return refs.ref_of(case, record_id) or record_id
