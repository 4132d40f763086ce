"""What each navigator category lists: loader and columns, built on the store and the adapters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casefile.store import Case
from casefile.ui import adapters
from casefile.ui.adapters import field as f
from casefile.ui.tablemodel import Column
from casefile.ui.timefmt import TimeDisplay


@dataclass
class Category:
    """One navigator entry shown as a table."""

    key: str
    title: str
    load: Callable[[Case], list[Any]]
    columns: Callable[[TimeDisplay], list[Column]]
    item_id: Callable[[Any], str | None]


def human_size(n: int | None) -> str:
    """Bytes as B / KiB / MiB / GiB."""
    if n is None:
        return ""
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(n)


def _items(case: Case) -> list[dict]:
    first = {r["item_id"]: r for r in case.rows(
        "SELECT item_id, acquired_by, original_path, MIN(acquired_at) AS acquired_at "
        "FROM acquisitions GROUP BY item_id")}
    out = []
    for it in case.items():
        acq = first.get(it["id"], {})
        out.append({**it, "acquired_by": acq.get("acquired_by"), "acquired_at": acq.get("acquired_at"),
                    "original_path": acq.get("original_path")})
    return out


def _item_columns(td: TimeDisplay) -> list[Column]:
    return [
        Column("Name", lambda r: r["original_name"]),
        Column("Kind", lambda r: r["kind"]),
        Column("Type", lambda r: r["mime"]),
        Column("Size", lambda r: human_size(r["size"]), lambda r: r["size"]),
        Column("SHA-256", lambda r: r["sha256"][:16] + "…", lambda r: r["sha256"],
               tip="first 16 hex digits; the full hash is in the provenance panel"),
        Column("Acquired", lambda r: td.fmt(r["acquired_at"]), lambda r: r["acquired_at"] or ""),
        Column("By", lambda r: r["acquired_by"]),
        Column("Sensitive", lambda r: "yes" if r["sensitive"] else ""),
        Column("Notes", lambda r: (r["notes"] or "").replace("\n", " ")),
        Column("ID", lambda r: r["id"]),
    ]


def _aircraft_label(a: Any) -> str:
    parts = [f(a, "registration"), f(a, "icao24"), f(a, "type_code")]
    return " ".join(str(p) for p in parts if p) or str(f(a, "id"))


def _flight_rows(case: Case) -> list[Any]:
    """Legs (with the aircraft named), or the flight-record files when the flights part is absent."""
    try:
        legs = adapters.legs(case)
    except adapters.Unavailable:
        return [r for r in _items(case) if r["kind"] == "flight-record"]
    names = {f(a, "id"): _aircraft_label(a) for a in adapters.list_aircraft(case)}
    return [{"leg": leg, "aircraft": names.get(f(leg, "aircraft_id")) or "(reported, not tracked)",
             "item_id": f(leg, "item_id"), "takeoff": f(leg, "takeoff"), "landing": f(leg, "landing"),
             "reported": f(leg, "reported"), "points": f(leg, "points")} for leg in legs]


def _flight_columns(td: TimeDisplay) -> list[Column]:
    def end(rec: Any, which: str, name: str) -> Any:
        e = f(rec, which)
        return f(e, name) if e is not None else None

    return [
        Column("Aircraft", lambda r: f(r, "aircraft") or f(r, "original_name")),
        Column("Takeoff (time)", lambda r: td.fmt(end(r, "takeoff", "time_utc")),
               lambda r: end(r, "takeoff", "time_utc") or ""),
        Column("From", lambda r: end(r, "takeoff", "airport_icao")),
        Column("Landing (time)", lambda r: td.fmt(end(r, "landing", "time_utc")),
               lambda r: end(r, "landing", "time_utc") or ""),
        Column("To", lambda r: end(r, "landing", "airport_icao")),
        Column("Reported only", lambda r: "yes" if f(r, "reported") else ""),
        Column("Points", lambda r: f(r, "points"), lambda r: f(r, "points") or 0),
        Column("Source item", lambda r: f(r, "item_id") or f(r, "id")),
    ]


def _ledger(case: Case) -> list[dict]:
    return case.rows("SELECT seq, at, actor, action, item_id, target_table, target_id, hash "
                     "FROM ledger ORDER BY seq")


CATEGORIES: dict[str, Category] = {c.key: c for c in [
    Category("all", "All evidence", _items, _item_columns, lambda r: r["id"]),
    Category("sources", "Sources", adapters.list_sources, lambda td: [
        Column("Title", lambda r: f(r, "title")),
        Column("Kind", lambda r: f(r, "kind")),
        Column("Publisher", lambda r: f(r, "publisher")),
        Column("Author", lambda r: f(r, "author")),
        Column("Published", lambda r: td.fmt(f(r, "published"))),
        Column("Reliability", lambda r: f(r, "reliability"), tip="A (reliable) to F (cannot judge)"),
        Column("URL", lambda r: f(r, "url")),
        Column("Collected", lambda r: td.fmt(f(r, "collected_at"))),
    ], lambda r: (list(f(r, "capture_item_ids") or []) or [None])[0]),
    Category("claims", "Claims", adapters.list_claims, lambda td: [
        Column("Claim", lambda r: f(r, "text")),
        Column("Kind", lambda r: f(r, "kind")),
        Column("From", lambda r: td.fmt(f(r, "window_start"))),
        Column("To", lambda r: td.fmt(f(r, "window_end"))),
        Column("Place", lambda r: f(r, "place_text") or f(r, "place_icao")),
        Column("Credibility", lambda r: f(r, "credibility"), tip="1 (confirmed) to 6 (cannot judge)"),
        Column("Status", lambda r: f(r, "status")),
        Column("Aircraft", lambda r: ", ".join(f(r, "aircraft_refs") or [])),
    ], lambda r: None),
    Category("flights", "Flights", _flight_rows, _flight_columns,
             lambda r: f(r, "item_id") or f(r, "id")),
    Category("entities", "Entities", adapters.list_entities, lambda td: [
        Column("Name", lambda r: f(r, "name")),
        Column("Kind", lambda r: f(r, "kind")),
        Column("ID", lambda r: f(r, "id")),
    ], lambda r: None),
    Category("findings", "Findings", lambda c: adapters.findings(c), lambda td: [
        Column("Verdict", lambda r: f(r, "verdict")),
        Column("Kind", lambda r: f(r, "kind")),
        Column("Confidence", lambda r: f"{f(r, 'confidence', 0):.0%}", lambda r: f(r, "confidence")),
        Column("Items", lambda r: len(f(r, "item_ids") or ()), lambda r: len(f(r, "item_ids") or ())),
        Column("Explanation", lambda r: f(r, "explanation")),          # last: it takes the width
    ], lambda r: (list(f(r, "item_ids") or []) or [None])[0]),
    Category("ledger", "Custody log", _ledger, lambda td: [
        Column("Seq", lambda r: r["seq"], lambda r: r["seq"]),
        Column("At", lambda r: td.fmt(r["at"]), lambda r: r["at"]),
        Column("Actor", lambda r: r["actor"]),
        Column("Action", lambda r: r["action"]),
        Column("Item", lambda r: r["item_id"]),
        Column("Target", lambda r: f"{r['target_table'] or ''}:{r['target_id'] or ''}".strip(":")),
        Column("Hash", lambda r: r["hash"][:16] + "…", lambda r: r["hash"]),
    ], lambda r: r["item_id"]),
]}


def search_rows(case: Case, query: str) -> list[dict]:
    """Full-text hits from the analyst part, plus items whose name, notes, id or hash match."""
    out: list[dict] = []
    try:
        for h in adapters.search(case, query):
            out.append({"id": f(h, "item_id") or f(h, "id"), "what": f(h, "kind"),
                        "text": " — ".join(str(x) for x in (f(h, "title"), f(h, "snippet")) if x)})
    except adapters.Unavailable:
        pass
    like = f"%{query}%"
    rows = case.rows("SELECT id, original_name, notes, kind FROM items WHERE removed_at IS NULL AND "
                     "(original_name LIKE ? OR notes LIKE ? OR sha256 LIKE ? OR id LIKE ?) ORDER BY id",
                     [like, like, like.lower(), like.upper()])
    seen = {r["id"] for r in out}
    out += [{"id": r["id"], "what": f"{r['kind']} (name, notes or hash)", "text": " — ".join(
        x for x in (r["original_name"], r["notes"]) if x)} for r in rows if r["id"] not in seen]
    return out


SEARCH_COLUMNS = [Column("Found in", lambda r: r["what"]), Column("Text", lambda r: r["text"]),
                  Column("Item", lambda r: r["id"])]
