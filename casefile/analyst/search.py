"""Full-text search (SQLite FTS5) over everything a person wrote or imported: sources, capture
text, claims, notes, entities, evidence items (file names, notes, where they came from, camera
and software, aircraft and callsigns of flight records), tags and cross-reference findings.

`search_docs` is a cache of what the analyst writes: every analyst write refreshes its document in
the same transaction, and `rebuild_index` recomputes it all from the tracked tables. Items, tags
and findings are written by many parts (imports, photo edits, cross-reference runs), so their
documents are built at query time into a temporary FTS table (works on a read-only case too).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict

from casefile.errors import InvalidInput
from casefile.model.analyst import Hit
from casefile.store.rows import ClaimRow, EntityRow, FindingRow, NoteRow, SourceRow, typed

if TYPE_CHECKING:
    from casefile.store import Case

INDEXED = ("source", "capture", "claim", "note", "entity")   # capture: a page's or document's text
LIVE = ("item", "tag", "finding")
KINDS = INDEXED + LIVE
_TOKENIZE = "unicode61 remove_diacritics 2"      # as search_docs_fts


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


def _list_words(text: str | None) -> str:
    """The words of a JSON list column (aliases, archive addresses, aircraft refs), space-joined."""
    return " ".join(str(v) for v in json.loads(text or "[]"))


def index_source(case: Case, row: SourceRow) -> None:
    index_doc(case, "source", row["id"], row.get("title") or row.get("url") or "(untitled source)",
              _join(row.get("title"), row.get("publisher"), row.get("author"), row.get("url"),
                    row.get("reliability_rationale"), row.get("note"),
                    _list_words(row.get("archive_urls"))))


def index_claim(case: Case, row: ClaimRow) -> None:
    index_doc(case, "claim", row["id"], row["text"][:200],
              _join(row["text"], row.get("place_text"), row.get("place_icao"), row.get("note"),
                    _list_words(row.get("aircraft_refs"))))


def index_entity(case: Case, row: EntityRow) -> None:
    index_doc(case, "entity", row["id"], row["name"],
              _join(row["name"], _list_words(row.get("aliases")), row.get("ref"),
                    row.get("note")))


def index_note(case: Case, row: NoteRow) -> None:
    index_doc(case, "note", row["id"], row["text"][:200], row["text"],
              item_id=row["target_id"] if row["target_kind"] == "item" else None)


#: the tracked tables whose rows have a document of their own, and its kind
RECORD_KINDS = {"sources": "source", "claims": "claim", "entities": "entity", "notes": "note"}


def index_record(case: Case, table: str, row: Mapping[str, object]) -> None:
    """Refresh the document of one row of sources, claims, entities or notes (others have none)."""
    if table == "sources":
        index_source(case, typed(SourceRow, row))
    elif table == "claims":
        index_claim(case, typed(ClaimRow, row))
    elif table == "entities":
        index_entity(case, typed(EntityRow, row))
    elif table == "notes":
        index_note(case, typed(NoteRow, row))


def index_capture(case: Case, item_id: str, name: str | None, text: str) -> None:
    index_doc(case, "capture", item_id, name or item_id, text, item_id=item_id)


def rebuild_index(case: Case) -> int:
    """Recompute the whole index from the tracked tables; returns the number of documents."""
    with case.transaction():
        case.db.execute("DELETE FROM search_docs")
        for source in case.select(SourceRow, "SELECT * FROM sources"):
            index_source(case, source)
        for claim in case.select(ClaimRow, "SELECT * FROM claims"):
            index_claim(case, claim)
        for entity in case.select(EntityRow, "SELECT * FROM entities"):
            index_entity(case, entity)
        for note in case.select(NoteRow, "SELECT * FROM notes"):
            index_note(case, note)
        for item_id, name, text in case.db.execute(
                "SELECT c.item_id, i.original_name, c.text FROM capture_texts c "
                "JOIN items i ON i.id = c.item_id").fetchall():
            index_capture(case, str(item_id), name, str(text))
        case.db.execute("INSERT INTO search_docs_fts (search_docs_fts) VALUES ('rebuild')")
    return case.db.table("search_docs").count


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


class _PhotoWords(TypedDict):
    item_id: str
    format: str
    make: str | None
    model: str | None
    lens: str | None
    serial: str | None
    software: str | None
    place_note: str | None
    raw_tags: str


class _TrackWords(TypedDict):
    item_id: str
    format: str
    callsigns: str | None
    flight: str | None
    registration: str | None
    icao24: str | None
    type_code: str | None
    description: str | None
    operator: str | None


class _ItemWords(TypedDict):
    id: str
    kind: str
    original_name: str | None
    mime: str
    notes: str | None
    importer: str | None
    acquired: str | None               # where each acquisition came from, space-joined


def _item_docs(case: Case) -> list[tuple[str, str, str | None, str, str]]:
    """(kind, id, item_id, title, body) of every evidence item still in the case."""
    photos = {p["item_id"]: p for p in case.select(_PhotoWords, (
        "SELECT item_id, format, make, model, lens, serial, software, place_note, raw_tags "
        "FROM photos"))}
    flights: dict[str, list[str]] = {}
    for t in case.select(_TrackWords, (
            "SELECT t.item_id, t.format, t.callsigns, t.flight, a.registration, a.icao24, "
            "a.type_code, a.description, a.operator FROM tracks t "
            "LEFT JOIN aircraft a ON a.id = t.aircraft_id")):
        flights.setdefault(t["item_id"], []).extend(
            str(x) for x in (t["format"], _words(t["callsigns"]), _words(t["flight"]), t["registration"],
                             t["icao24"], t["type_code"], t["description"], t["operator"]) if x)
    docs: list[tuple[str, str, str | None, str, str]] = []
    for it in case.select(_ItemWords, (
            "SELECT i.id, i.kind, i.original_name, i.mime, i.notes, i.importer, "
            "group_concat(COALESCE(a.original_path, '') || ' ' || COALESCE(a.source_url, '') || ' ' "
            "|| COALESCE(a.note, ''), ' ') AS acquired "
            "FROM items i LEFT JOIN acquisitions a ON a.item_id = i.id "
            "WHERE i.removed_at IS NULL GROUP BY i.id")):
        item_id, name = it["id"], it["original_name"]
        p = photos.get(item_id)
        photo_text = ""
        if p:
            fields = (p["format"], p["make"], p["model"], p["lens"], p["serial"], p["software"],
                      p["place_note"])
            photo_text = _join(*(str(f) for f in fields if f), _words(p["raw_tags"])[:4000])
        docs.append(("item", item_id, item_id, name or item_id,
                     _join(name, it["kind"], it["mime"], it["importer"], it["notes"], it["acquired"],
                           photo_text, " ".join(flights.get(item_id, [])))))
    return docs


def _words(text: str | None) -> str:
    """The values of a JSON list or object as plain words (keys and punctuation dropped)."""
    if not text:
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if isinstance(data, dict):
        return " ".join(str(v) for v in data.values() if v not in (None, ""))
    if isinstance(data, list):
        return " ".join(str(v) for v in data if v not in (None, ""))
    return str(data)


class _TagWords(TypedDict):
    target_kind: str
    target_id: str
    tag: str


def _tag_docs(case: Case) -> list[tuple[str, str, str | None, str, str]]:
    """One document per tagged thing: its tags (a photo's aircraft tags too)."""
    by_target: dict[str, tuple[str, list[str]]] = {}
    for t in case.select(_TagWords, (
            "SELECT target_kind, target_id, tag FROM tags UNION "
            "SELECT 'item', item_id, 'aircraft:' || ref FROM photo_aircraft")):
        by_target.setdefault(t["target_id"], (t["target_kind"], []))[1].append(t["tag"])
    return [("tag", tid, tid if kind == "item" else None, ", ".join(tags), " ".join(tags))
            for tid, (kind, tags) in by_target.items()]


def _finding_docs(case: Case) -> list[tuple[str, str, str | None, str, str]]:
    return [("finding", f["id"], None, f"{f['kind']}: {f['verdict']}",
             _join(f["kind"].replace("-", " "), f["verdict"], f["explanation"], _words(f["assumptions"])))
            for f in case.select(FindingRow, "SELECT * FROM xref_findings")]


def _live_index(case: Case) -> None:
    """Fill the temporary index with every live document, unless it already holds them as of the
    ledger's last event (every change to the case is one, so an unchanged head means unchanged
    documents); the index lives as long as this connection."""
    seq, digest = case.head()
    head = f"{seq}:{digest}"
    case.db.execute("CREATE TEMP TABLE IF NOT EXISTS live_state (head TEXT)")
    if case.db.execute("SELECT 1 FROM temp.live_state WHERE head = ?", [head]).fetchone():
        return
    case.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.live_docs USING fts5(kind UNINDEXED, "
                    f"ref_id UNINDEXED, item_id UNINDEXED, title, body, tokenize='{_TOKENIZE}')")
    case.db.execute("DELETE FROM temp.live_docs")
    for build in (_item_docs, _tag_docs, _finding_docs):
        case.db.conn.executemany("INSERT INTO temp.live_docs VALUES (?, ?, ?, ?, ?)", build(case))
    case.db.execute("DELETE FROM temp.live_state")
    case.db.execute("INSERT INTO temp.live_state VALUES (?)", [head])


def search(case: Case, query: str, *, kinds: tuple[str, ...] | None = None,
           limit: int = 200) -> list[Hit]:
    """Documents matching every word of `query`, best first, with a highlighted snippet (evidence
    items that were removed from the case are left out)."""
    expr = fts_query(query)
    if not expr:
        return []
    if kinds:
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise InvalidInput(f"{bad[0]!r} is not one of: {', '.join(KINDS)}", field="kind")
    wanted = tuple(kinds or KINDS)
    hits = _indexed(case, expr, tuple(k for k in wanted if k in INDEXED), limit)
    live = tuple(k for k in wanted if k in LIVE)
    if live:
        hits += _live(case, expr, live, limit)
    hits.sort(key=lambda h: (h.rank, h.kind, h.id))
    return hits[:limit]


def _live(case: Case, expr: str, kinds: tuple[str, ...], limit: int) -> list[Hit]:
    _live_index(case)
    rows = case.db.execute(
        "SELECT kind, ref_id, item_id, title, bm25(live_docs) AS rank, "
        "snippet(live_docs, -1, '[', ']', '…', 16) FROM temp.live_docs WHERE live_docs MATCH ? "
        f"AND kind IN ({', '.join('?' for _ in kinds)}) ORDER BY rank LIMIT ?",
        [expr, *kinds, int(limit)]).fetchall()
    return [Hit(kind=k, id=rid, title=title or "", snippet=snip or "", rank=round(float(rank), 6),
                item_id=item_id) for k, rid, item_id, title, rank, snip in rows]


class _IndexedHit(TypedDict):
    rowid: int
    kind: str
    ref_id: str
    item_id: str | None
    title: str | None
    rank: float


def _indexed(case: Case, expr: str, kinds: tuple[str, ...], limit: int) -> list[Hit]:
    if not kinds:
        return []
    sql = ("SELECT d.rowid, d.kind, d.ref_id, d.item_id, d.title, bm25(search_docs_fts) AS rank "
           "FROM search_docs_fts JOIN search_docs d ON d.rowid = search_docs_fts.rowid "
           "LEFT JOIN items i ON i.id = d.item_id "
           "WHERE search_docs_fts MATCH ? AND i.removed_at IS NULL")
    params: list[str | int] = [expr]
    sql += f" AND d.kind IN ({', '.join('?' for _ in kinds)})"
    params.extend(kinds)
    sql += " ORDER BY rank, d.kind, d.ref_id LIMIT ?"
    params.append(int(limit))
    rows = case.select(_IndexedHit, sql, params)
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
