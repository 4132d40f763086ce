"""Full-text search (SQLite FTS5) over sources, capture text, claims, notes and entities.

`search_docs` is a cache: every analyst write refreshes its document in the same transaction, and
`rebuild_index` recomputes it all from the tracked tables.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from casefile.errors import InvalidInput
from casefile.model.analyst import Hit

if TYPE_CHECKING:
    from casefile.store import Case

KINDS = ("source", "capture", "claim", "note", "entity")


def index_doc(case: Case, kind: str, ref_id: str, title: str | None, body: str | None,
              item_id: str | None = None) -> None:
    """Add or refresh one document of the index (inside the caller's transaction)."""
    key = f"{kind}:{ref_id}"
    case.db.execute("DELETE FROM search_docs WHERE doc_key = ?", [key])
    case.db.execute("INSERT INTO search_docs (doc_key, kind, ref_id, item_id, title, body) "
                    "VALUES (?, ?, ?, ?, ?, ?)", [key, kind, ref_id, item_id, title or "", body or ""])


def unindex(case: Case, kind: str, ref_id: str) -> None:
    case.db.execute("DELETE FROM search_docs WHERE doc_key = ?", [f"{kind}:{ref_id}"])


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def index_source(case: Case, row: dict[str, Any]) -> None:
    index_doc(case, "source", row["id"], row.get("title") or row.get("url") or "(untitled source)",
              _join(row.get("title"), row.get("publisher"), row.get("author"), row.get("url"),
                    row.get("reliability_rationale"), row.get("note"),
                    " ".join(json.loads(row.get("archive_urls") or "[]"))))


def index_claim(case: Case, row: dict[str, Any]) -> None:
    index_doc(case, "claim", row["id"], row["text"][:200],
              _join(row["text"], row.get("place_text"), row.get("place_icao"), row.get("note"),
                    " ".join(json.loads(row.get("aircraft_refs") or "[]"))))


def index_entity(case: Case, row: dict[str, Any]) -> None:
    index_doc(case, "entity", row["id"], row["name"],
              _join(row["name"], " ".join(json.loads(row.get("aliases") or "[]")), row.get("ref"),
                    row.get("note")))


def index_note(case: Case, row: dict[str, Any]) -> None:
    index_doc(case, "note", row["id"], row["text"][:200], row["text"],
              item_id=row["target_id"] if row["target_kind"] == "item" else None)


def index_capture(case: Case, item_id: str, name: str | None, text: str) -> None:
    index_doc(case, "capture", item_id, name or item_id, text, item_id=item_id)


def rebuild_index(case: Case) -> int:
    """Recompute the whole index from the tracked tables; returns the number of documents."""
    with case.transaction():
        case.db.execute("DELETE FROM search_docs")
        for row in case.rows("SELECT * FROM sources"):
            index_source(case, row)
        for row in case.rows("SELECT * FROM claims"):
            index_claim(case, row)
        for row in case.rows("SELECT * FROM entities"):
            index_entity(case, row)
        for row in case.rows("SELECT * FROM notes"):
            index_note(case, row)
        for row in case.rows("SELECT c.item_id, c.text, i.original_name FROM capture_texts c "
                             "JOIN items i ON i.id = c.item_id"):
            index_capture(case, row["item_id"], row["original_name"], row["text"])
        case.db.execute("INSERT INTO search_docs_fts (search_docs_fts) VALUES ('rebuild')")
    return case.rows("SELECT count(*) AS n FROM search_docs")[0]["n"]


def fts_query(query: str) -> str:
    """Words of a user's query as an FTS5 expression ("" when it has none): every word must occur,
    a trailing * makes a prefix.

    "Quoted phrases" stay phrases; OR between words is kept; other FTS syntax is taken literally.
    """
    query = "".join(" " if unicodedata.category(c) == "Cc" else c for c in query)
    parts = re.findall(r'"([^"]+)"|(\S+)', query)
    out: list[str] = []
    for phrase, word in parts:
        if phrase:
            out.append('"' + phrase.replace('"', "") + '"')
            continue
        if word == "OR" and out and out[-1] != "OR":
            out.append("OR")
            continue
        prefix = word.endswith("*")
        core = word.rstrip("*").replace('"', "")
        if not re.search(r"\w", core):
            continue
        out.append(f'"{core}"' + ("*" if prefix else ""))
    while out and out[-1] == "OR":
        out.pop()
    if out and out[0] == "OR":
        out.pop(0)
    return " ".join(out)


def search(case: Case, query: str, *, kinds: tuple[str, ...] | None = None,
           limit: int = 200) -> list[Hit]:
    """Documents matching every word of `query`, best first, with a highlighted snippet (evidence
    items that were removed from the case are left out)."""
    expr = fts_query(query)
    if not expr:
        return []
    sql = ("SELECT d.rowid, d.kind, d.ref_id, d.item_id, d.title, bm25(search_docs_fts) AS rank "
           "FROM search_docs_fts JOIN search_docs d ON d.rowid = search_docs_fts.rowid "
           "LEFT JOIN items i ON i.id = d.item_id "
           "WHERE search_docs_fts MATCH ? AND i.removed_at IS NULL")
    params: list[Any] = [expr]
    if kinds:
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise InvalidInput(f"{bad[0]!r} is not one of: {', '.join(KINDS)}", field="kind")
        sql += f" AND d.kind IN ({', '.join('?' for _ in kinds)})"
        params.extend(kinds)
    sql += " ORDER BY rank, d.kind, d.ref_id LIMIT ?"
    params.append(int(limit))
    rows = case.rows(sql, params)
    # snippets only for the documents returned (making one is the costly part of a query)
    snips: dict[int, str] = {}
    for chunk in range(0, len(rows), 500):
        ids = [r["rowid"] for r in rows[chunk:chunk + 500]]
        snips.update(case.db.execute(
            "SELECT rowid, snippet(search_docs_fts, -1, '[', ']', '…', 16) FROM search_docs_fts "
            f"WHERE search_docs_fts MATCH ? AND rowid IN ({', '.join('?' for _ in ids)})",
            [expr, *ids]).fetchall())
    return [Hit(kind=r["kind"], id=r["ref_id"], title=r["title"] or "",
                snippet=snips.get(r["rowid"], ""), rank=round(float(r["rank"]), 6),
                item_id=r["item_id"]) for r in rows]
