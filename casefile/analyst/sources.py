"""Sources: where information came from, their captures, archive links and reliability grade."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, TypedDict, Unpack

from casefile.analyst import search as idx
from casefile.analyst.inputs import choice, clean_text, reliability_grade, resolve_id, text_list, text_value
from casefile.analyst.json_lists import dump_list, load_list
from casefile.analyst.times import analyst_time
from casefile.errors import InvalidInput, NotFound
from casefile.ids import new_id
from casefile.model.analyst import (
    RELIABILITY,
    SOURCE_ITEM_ROLES,
    SOURCE_KIND_ALIASES,
    SOURCE_KINDS,
    SOURCE_ROLE_ALIASES,
    Source,
    Suggestion,
)
from casefile.reference.airports import city_zone
from casefile.store.canonical import canonical_json
from casefile.store.rows import CaptureTextRow, IdRow, ItemRow, JSONObject, SourceItemRow, SourceRow, typed
from casefile.timeutil import BASES, TimeValue, now_z

if TYPE_CHECKING:
    from casefile.analyst.page_text import Extracted  # the readers (email, html) load when used
    from casefile.store import Case

class SuggestionFields(TypedDict):
    """What a capture says about itself (model.analyst.Suggestion as stored)."""

    title: str | None
    author: str | None
    publisher: str | None
    url: str | None
    published_raw: str | None
    dateline: str | None
    language: str | None
    where: dict[str, str]              # field -> where in the file it came from


class CaptureText(TypedDict):
    """A capture's extracted text with its format and what the file says about itself."""

    item_id: str
    format: str
    text: str
    suggestion: SuggestionFields
    tool: str
    truncated: bool


class SourceFields(TypedDict, total=False):
    """The fields of a new source as add_source takes them (check_source_fields checks them)."""

    kind: str
    url: str | None
    title: str | None
    publisher: str | None
    author: str | None
    published: str | None
    published_tz: str | None
    published_basis: str | None
    collected: str | None
    collected_by: str | None
    reliability: str | None
    rationale: str | None
    archive_urls: Iterable[str]
    note: str | None


KIND_ALIASES = SOURCE_KIND_ALIASES
ROLE_ALIASES = SOURCE_ROLE_ALIASES
MAX_READ = 64 * 1024 * 1024


# ---- capture text (written by the capture importer) ---------------------------------------
def store_capture_text(case: Case, item_id: str, ex: Extracted) -> None:
    """Keep a capture's extracted text and self-description, and index it for search."""
    row = {"item_id": item_id, "format": ex.format, "text": ex.text,
           "suggestion": canonical_json(ex.suggestion.to_dict()), "tool": ex.tool,
           "truncated": int(ex.truncated)}
    case.insert("capture_texts", row, action="text-extracted", item_id=item_id)
    item = case.select(ItemRow, "SELECT * FROM items WHERE id = ?", [item_id])[0]
    idx.index_capture(case, item_id, item["original_name"], ex.text)


def ensure_capture_text(case: Case, item_id: str) -> bool:
    """Extract and keep the text of an item imported before (or without) the capture importer.

    Returns whether the item now has text; content no reader knows is left as it is."""
    if case.rows("SELECT 1 FROM capture_texts WHERE item_id = ?", [item_id]):
        return True
    from casefile.analyst.extract import can_extract, extract_any

    item = case.resolve_item(item_id)
    if not can_extract(item["mime"], item["original_name"] or "") or item["size"] > MAX_READ:
        return False
    try:
        ex = extract_any(case.blob_path(item).read_bytes(), item["mime"], item["original_name"] or "")
    except Exception:  # noqa: BLE001 - unreadable content simply has no text to search
        return False
    with case.transaction():
        store_capture_text(case, item_id, ex)
    return True


def capture_text(case: Case, item_id: str) -> CaptureText | None:
    """The extracted text of a capture item with its format and suggestion, or None."""
    rows = case.select(CaptureTextRow, "SELECT * FROM capture_texts WHERE item_id = ?", [item_id])
    if not rows:
        return None
    row = rows[0]
    suggestion: SuggestionFields = json.loads(row["suggestion"])
    return CaptureText(item_id=row["item_id"], format=row["format"], text=row["text"],
                       suggestion=suggestion, tool=row["tool"], truncated=bool(row["truncated"]))


def suggest(case: Case, item_ref: str) -> JSONObject:
    """What a capture says about itself, plus a published-time reading, for the analyst to confirm."""
    item = case.resolve_item(item_ref)
    ct = capture_text(case, item["id"])
    if ct is None:
        raise NotFound(f"item {item['id']} ({item['original_name']}) has no extracted text: "
                       "import it as a capture (casefile add --as capture)")
    sug = Suggestion(**ct["suggestion"])
    out: JSONObject = {"item_id": item["id"], **sug.to_dict(), "published": None}
    if sug.published_raw:
        out["published"] = suggested_time(sug, case.default_tz)
    return out


def suggested_time(sug: Suggestion, default_tz: str | None) -> JSONObject | None:
    """A published time from a suggestion: the dateline city's zone when the text gives no offset."""
    zone = city_zone(sug.dateline) if sug.dateline else None
    try:
        tv = analyst_time(sug.published_raw or "", tz=zone, default_tz=default_tz,
                          field="published")
    except InvalidInput:
        return None
    if tv.basis == "analyst":  # no analyst typed it: the offset is the file's, or the dateline's
        tv = replace(tv, basis="location-tz" if zone and tv.zone == zone else "source-stated")
    return {**tv.to_dict(), "zone_reason": f"dateline {sug.dateline}" if zone and
            tv.basis == "location-tz" else None}


# ---- sources --------------------------------------------------------------------------------
def _published(case: Case, text: str | None, tz: str | None) -> TimeValue | None:
    if text is None or not text.strip():
        return None
    return analyst_time(text, tz=tz, default_tz=case.default_tz, field="published")


def _collected(case: Case, text: str | None, tz: str | None) -> str:
    if text is None or not text.strip():
        return now_z()
    tv = analyst_time(text, tz=tz, default_tz=case.default_tz, field="collected")
    if tv.utc is None:
        raise InvalidInput(f"{text!r} has no time zone: add an offset or --tz", field="collected")
    return tv.utc


def _urls(urls: Iterable[str] | None, field: str) -> list[str]:
    out = []
    for u in urls or ():
        u = clean_text(u, field) or ""
        if u and "://" not in u:
            raise InvalidInput(f"{u!r} is not a web address (expected https://...)", field=field)
        if u and u not in out:
            out.append(u)
    return out


def add_source(case: Case, *, kind: str = "news-article", url: str | None = None,
               title: str | None = None, publisher: str | None = None, author: str | None = None,
               published: str | None = None, published_tz: str | None = None,
               published_basis: str | None = None, collected: str | None = None,
               collected_by: str | None = None, reliability: str | None = None,
               rationale: str | None = None, archive_urls: Iterable[str] = (),
               items: Iterable[tuple[str, str]] = (), note: str | None = None) -> Source:
    """Record a source (all checks first: a bad value writes nothing). `items` = (item ref, role)."""
    row, links = _checked_row(case, kind=kind, url=url, title=title, publisher=publisher,
                              author=author, published=published, published_tz=published_tz,
                              published_basis=published_basis, collected=collected,
                              collected_by=collected_by, reliability=reliability,
                              rationale=rationale, archive_urls=archive_urls, items=items, note=note)
    with case.transaction():
        case.insert("sources", row, action="source-added")
        for item_id, role in links:
            _attach(case, row["id"], item_id, role)
        idx.index_source(case, row)
    return get_source(case, row["id"])


def check_source_fields(case: Case, **fields: Unpack[SourceFields]) -> None:
    """Raise the error add_source would raise for these fields, writing nothing (items excluded)."""
    _checked_row(case, **fields, items=())


def _checked_row(case: Case, *, kind: str = "news-article", url: str | None = None,
                 title: str | None = None, publisher: str | None = None, author: str | None = None,
                 published: str | None = None, published_tz: str | None = None,
                 published_basis: str | None = None, collected: str | None = None,
                 collected_by: str | None = None, reliability: str | None = None,
                 rationale: str | None = None, archive_urls: Iterable[str] = (),
                 items: Iterable[tuple[str, str]] = (),
                 note: str | None = None) -> tuple[SourceRow, list[tuple[str, str]]]:
    pub = _published(case, published, published_tz)
    if pub is not None and published_basis:
        pub = replace(pub, basis=choice(published_basis, BASES, "published_basis"))
    row = SourceRow(
        id=new_id(), kind=choice(kind, SOURCE_KINDS, "kind", KIND_ALIASES),
        url=clean_text(url, "url"), title=clean_text(title, "title"),
        publisher=clean_text(publisher, "publisher"), author=clean_text(author, "author"),
        published=canonical_json(pub.to_dict()) if pub else None,
        published_utc=pub.utc if pub else None,
        collected_at=_collected(case, collected, published_tz),
        collected_by=clean_text(collected_by, "collected_by") or case.actor,
        reliability=reliability_grade(reliability),
        reliability_rationale=clean_text(rationale, "rationale"),
        archive_urls=dump_list(_urls(archive_urls, "archive_url")), note=clean_text(note, "note"),
        created_at=now_z(), created_by=case.actor)
    links = [(case.resolve_item(ref)["id"], choice(role, SOURCE_ITEM_ROLES, "role", ROLE_ALIASES))
             for ref, role in items]
    return row, links


def _attach(case: Case, source_id: str, item_id: str, role: str) -> None:
    if case.rows("SELECT 1 FROM source_items WHERE source_id = ? AND item_id = ?",
                 [source_id, item_id]):
        raise InvalidInput(f"item {item_id} is already attached to source {source_id}", field="item")
    case.insert("source_items", {"id": new_id(), "source_id": source_id, "item_id": item_id,
                                 "role": role, "added_at": now_z()},
                action="source-item-attached", item_id=item_id)
    if role == "capture":
        ensure_capture_text(case, item_id)


def attach_item(case: Case, source_ref: str, item_ref: str, role: str = "capture") -> Source:
    """Attach an evidence item (capture, screenshot, published photo) to a source."""
    sid = resolve_id(case, "sources", source_ref)
    item_id = case.resolve_item(item_ref)["id"]
    role = choice(role, SOURCE_ITEM_ROLES, "role", ROLE_ALIASES)
    with case.transaction():
        _attach(case, sid, item_id, role)
    return get_source(case, sid)


def detach_item(case: Case, source_ref: str, item_ref: str, *, reason: str) -> Source:
    """Take an item off a source, for a recorded reason (the item itself stays in the case)."""
    sid = resolve_id(case, "sources", source_ref)
    item_id = case.resolve_item(item_ref)["id"]
    rows = case.select(IdRow, "SELECT id FROM source_items WHERE source_id = ? AND item_id = ?",
                       [sid, item_id])
    if not rows:
        raise InvalidInput(f"item {item_id} is not attached to source {sid}", field="item")
    with case.transaction():
        case.delete("source_items", rows[0]["id"], reason=reason, item_id=item_id)
    return get_source(case, sid)


_EDITABLE = {"kind", "url", "title", "publisher", "author", "collected_by", "note"}


def edit_source(case: Case, source_ref: str, changes: Mapping[str, object], *,
                reason: str | None = None, tz: str | None = None) -> Source:
    """Change fields of a source (text by field name; archive_urls a list); the ledger keeps
    before and after."""
    sid = resolve_id(case, "sources", source_ref)
    upd: dict[str, str | None] = {}
    for key, value in changes.items():
        if key == "kind":
            upd["kind"] = choice(text_value(value, key) or "", SOURCE_KINDS, "kind", KIND_ALIASES)
        elif key in _EDITABLE:
            upd[key] = clean_text(text_value(value, key), key)
        elif key == "published":
            pub = _published(case, text_value(value, key), tz)
            upd["published"] = canonical_json(pub.to_dict()) if pub else None
            upd["published_utc"] = pub.utc if pub else None
        elif key == "collected":
            upd["collected_at"] = _collected(case, text_value(value, key), tz)
        elif key == "archive_urls":
            upd["archive_urls"] = dump_list(_urls(text_list(value, key), "archive_url"))
        else:
            raise InvalidInput(f"a source has no editable field {key!r}", field=key)
    with case.transaction():
        row = typed(SourceRow, case.update("sources", sid, upd, action="source-edited", reason=reason))
        idx.index_source(case, row)
    return get_source(case, sid)


def grade_source(case: Case, source_ref: str, grade: str, rationale: str | None = None) -> Source:
    """Set a source's reliability grade (A-F) and the reason for it."""
    sid = resolve_id(case, "sources", source_ref)
    upd = {"reliability": reliability_grade(grade)}
    if upd["reliability"] is None:
        raise InvalidInput("give a grade A-F", field="reliability")
    if rationale is not None:
        upd["reliability_rationale"] = clean_text(rationale, "rationale")
    with case.transaction():
        row = typed(SourceRow, case.update("sources", sid, upd, action="source-graded"))
        idx.index_source(case, row)
    return get_source(case, sid)


def add_archive_url(case: Case, source_ref: str, url: str) -> Source:
    """Add an archive link (e.g. a web-archive copy) to a source."""
    sid = resolve_id(case, "sources", source_ref)
    current = load_list(typed(SourceRow, case.get_row("sources", sid))["archive_urls"])
    return edit_source(case, sid, {"archive_urls": [*current, *_urls([url], "archive_url")]})


def delete_source(case: Case, source_ref: str, *, reason: str) -> SourceRow:
    """Delete a source and its links (never the evidence items), for a recorded reason."""
    sid = resolve_id(case, "sources", source_ref)
    if not reason or not reason.strip():
        raise InvalidInput("deleting a source needs a reason", field="reason")
    with case.transaction():
        for item in case.select(SourceItemRow, "SELECT * FROM source_items WHERE source_id = ?", [sid]):
            case.delete("source_items", item["id"], reason=reason, item_id=item["item_id"])
        for r in case.select(IdRow, "SELECT id FROM claim_sources WHERE source_id = ?", [sid]):
            case.delete("claim_sources", r["id"], reason=reason)
        for r in case.select(IdRow, "SELECT id FROM source_relations WHERE source_id = ? OR other_id = ?",
                             [sid, sid]):
            case.delete("source_relations", r["id"], reason=reason)
        before = typed(SourceRow, case.delete("sources", sid, reason=reason))
        idx.unindex(case, "source", sid)
    return before


# ---- reading --------------------------------------------------------------------------------
def _to_source(row: SourceRow, links: list[SourceItemRow]) -> Source:
    return Source(
        id=row["id"], kind=row["kind"], url=row["url"], title=row["title"],
        publisher=row["publisher"], author=row["author"],
        published=TimeValue.from_dict(json.loads(row["published"])) if row["published"] else None,
        collected_at=row["collected_at"], collected_by=row["collected_by"],
        reliability=row["reliability"], reliability_rationale=row["reliability_rationale"],
        capture_item_ids=[r["item_id"] for r in links if r["role"] in ("capture", "screenshot")],
        archive_urls=load_list(row["archive_urls"]), created_at=row["created_at"],
        reliability_meaning=RELIABILITY.get(row["reliability"] or ""),
        item_roles={r["item_id"]: r["role"] for r in links})


def list_sources(case: Case) -> list[Source]:
    """Every source, oldest first."""
    links: dict[str, list[SourceItemRow]] = {}
    for r in case.select(SourceItemRow, "SELECT * FROM source_items ORDER BY id"):
        links.setdefault(r["source_id"], []).append(r)
    return [_to_source(s, links.get(s["id"], []))
            for s in case.select(SourceRow, "SELECT * FROM sources ORDER BY id")]


def get_source(case: Case, source_ref: str) -> Source:
    sid = resolve_id(case, "sources", source_ref)
    row = typed(SourceRow, case.get_row("sources", sid))
    return _to_source(row, case.select(SourceItemRow, "SELECT * FROM source_items WHERE source_id = ? "
                                       "ORDER BY id", [sid]))


def source_items(case: Case, source_id: str,
                 roles: tuple[str, ...] | None = ("published-photo",)) -> list[str]:
    """Items attached to a source: by default the photos it published; roles=None gives all."""
    rows = case.select(SourceItemRow, "SELECT * FROM source_items WHERE source_id = ? ORDER BY id",
                       [resolve_id(case, "sources", source_id)])
    return [r["item_id"] for r in rows if roles is None or r["role"] in roles]


def sources_of_item(case: Case, item_id: str) -> list[str]:
    """Ids of the sources an item is attached to."""
    return [r["source_id"] for r in case.select(
        SourceItemRow, "SELECT * FROM source_items WHERE item_id = ? ORDER BY id", [item_id])]
