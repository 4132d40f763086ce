"""Notes and tags on anything in a case: evidence items, sources, claims, entities (or the case)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypedDict

from casefile.analyst import search as idx
from casefile.analyst.inputs import clean_text, resolve_id
from casefile.errors import InvalidInput, NotFound
from casefile.ids import new_id
from casefile.model.photos import PhotoInfo
from casefile.photos import query as photos
from casefile.store.resolve import ANY, kind_of, resolve
from casefile.store.rows import NoteRow, TagRow, typed
from casefile.timeutil import now_z

if TYPE_CHECKING:
    from casefile.store import Case

class PhotoTag(TypedDict):
    """A photo's aircraft tag as added or removed: the photos part keeps it (stored_by 'photos')."""

    target_kind: str
    target_id: str
    tag: str
    stored_by: str


class PhotoTagAdded(PhotoTag):
    id: str                            # the photo_aircraft row


class TagCount(TypedDict):
    """A tag and how many things carry it."""

    tag: str
    count: int


class TaggedTarget(TypedDict):
    """Something carrying a tag: an item, source, claim or entity."""

    target_kind: str
    target_id: str


#: reference letter -> the target kind stored with a note or tag
_KIND = {"P": "item", "F": "item", "D": "item", "S": "source", "C": "claim", "E": "entity"}


def resolve_target(case: Case, ref: str | None) -> tuple[str, str | None]:
    """(kind, id) of what a note or tag is about: an item, source, claim or entity, named as the
    one resolver allows (reference, name, id or prefix)."""
    if ref is None or ref.strip().lower() in ("", "case"):
        return "case", None
    rid = resolve(case, ref, ANY)
    letter = kind_of(case, rid, ANY)
    return _KIND.get(letter or "", "item"), rid


# ---- notes ------------------------------------------------------------------------------------
def add_note(case: Case, target_ref: str | None, text: str) -> NoteRow:
    """A note on an item/source/claim/entity (or the case); text is kept exactly as written."""
    kind, target_id = resolve_target(case, target_ref)
    row = NoteRow(id=new_id(), target_kind=kind, target_id=target_id,
                  text=clean_text(text, "text", required=True) or "", created_at=now_z(),
                  created_by=case.actor)
    with case.transaction():
        case.insert("notes", row, action="note-added", item_id=target_id if kind == "item" else None)
        idx.index_note(case, row)
    return row


def edit_note(case: Case, note_ref: str, text: str, *, reason: str | None = None) -> NoteRow:
    nid = resolve_id(case, "notes", note_ref)
    with case.transaction():
        row = typed(NoteRow, case.update("notes", nid, {"text": clean_text(text, "text", required=True)},
                                         action="note-edited", reason=reason))
        idx.index_note(case, row)
    return row


def delete_note(case: Case, note_ref: str, *, reason: str) -> NoteRow:
    nid = resolve_id(case, "notes", note_ref)
    with case.transaction():
        before = typed(NoteRow, case.delete("notes", nid, reason=reason))
        idx.unindex(case, "note", nid)
    return before


def notes(case: Case, target_ref: str | None = None) -> list[NoteRow]:
    """Notes on one target (all notes when target_ref is None), oldest first."""
    if target_ref is None:
        return case.select(NoteRow, "SELECT * FROM notes ORDER BY id")
    kind, target_id = resolve_target(case, target_ref)
    if target_id is None:
        return case.select(NoteRow, "SELECT * FROM notes WHERE target_kind = 'case' ORDER BY id")
    return case.select(NoteRow, "SELECT * FROM notes WHERE target_id = ? ORDER BY id", [target_id])


# ---- tags -------------------------------------------------------------------------------------
_AIRCRAFT_NS = re.compile(r"^aircraft\s*:\s*(.+)$", re.IGNORECASE)


def normalise_tag(tag: str) -> str:
    """One tag: no line breaks, at most 200 characters; 'aircraft:<ref>' has its ref upper-cased."""
    t = clean_text(tag, "tag", required=True, max_len=200) or ""
    if "\n" in t or "\r" in t or "\t" in t:
        raise InvalidInput("a tag is one line", field="tag")
    m = _AIRCRAFT_NS.match(t)
    if m:
        ref = m.group(1).strip().upper()
        if not ref:
            raise InvalidInput("'aircraft:' needs a registration, hex code or type", field="tag")
        return f"aircraft:{ref}"
    return t


def add_tag(case: Case, target_ref: str, tag: str) -> TagRow | PhotoTagAdded:
    """Tag an item/source/claim/entity; tagging twice with the same tag changes nothing."""
    kind, target_id = resolve_target(case, target_ref)
    if target_id is None:
        raise InvalidInput("tag an item, source, claim or entity, not the case", field="target")
    t = normalise_tag(tag)
    photo = _photo(case, kind, target_id)
    if photo is not None and t.startswith("aircraft:"):
        # one place for a photo's aircraft tags: the photos part, which xref reads
        tag_id = photos.tag_aircraft(case, photo.item_id, t.split(":", 1)[1])
        return PhotoTagAdded(id=tag_id, target_kind=kind, target_id=target_id, tag=t,
                             stored_by="photos")
    have = case.select(TagRow, "SELECT * FROM tags WHERE target_id = ? AND tag = ?", [target_id, t])
    if have:
        return have[0]
    row = TagRow(id=new_id(), target_kind=kind, target_id=target_id, tag=t, created_at=now_z())
    with case.transaction():
        case.insert("tags", row, action="tagged", item_id=target_id if kind == "item" else None)
    return row


def remove_tag(case: Case, target_ref: str, tag: str, *, reason: str) -> TagRow | PhotoTag:
    kind, target_id = resolve_target(case, target_ref)
    if target_id is None:
        raise NotFound(f"the case has no tag {tag!r}: tags are on items, sources, claims, entities")
    t = normalise_tag(tag)
    have = case.select(TagRow, "SELECT * FROM tags WHERE target_id = ? AND tag = ?", [target_id, t])
    photo = _photo(case, kind, target_id)
    if not have and photo is not None and t.startswith("aircraft:"):
        photos.untag_aircraft(case, photo.item_id, t.split(":", 1)[1], reason=reason)
        return PhotoTag(target_kind=kind, target_id=target_id, tag=t, stored_by="photos")
    if not have:
        raise NotFound(f"{target_id} has no tag {t!r}")
    with case.transaction():
        return typed(TagRow, case.delete("tags", have[0]["id"], reason=reason,
                                         item_id=target_id if kind == "item" else None))


def tags(case: Case, item_id: str) -> list[str]:
    """The tags on one item (or source, claim, entity), in the order they were added; a photo's
    aircraft tags (kept by the photos part) appear as 'aircraft:<ref>'."""
    out = [r["tag"] for r in case.select(TagRow, "SELECT * FROM tags WHERE target_id = ? ORDER BY id",
                                         [item_id])]
    photo = _photo(case, "item", item_id)
    if photo is not None:
        for ref in photo.aircraft_tags:
            if f"aircraft:{ref}" not in out:
                out.append(f"aircraft:{ref}")
    return out


def _photo(case: Case, kind: str, target_id: str | None) -> PhotoInfo | None:
    """The photo a note or tag target is, when the photos part holds it (its aircraft tags live
    there), else None."""
    if kind != "item" or not target_id:
        return None
    rows = case.rows("SELECT kind FROM items WHERE id = ?", [target_id])
    if not rows or rows[0]["kind"] != "photo":
        return None
    try:
        return photos.get_photo(case, target_id)
    except NotFound:
        return None


# a photo's aircraft tags are kept by the photos part; listings show them as 'aircraft:<ref>' tags
_ALL_TAGS = ("SELECT target_kind, target_id, tag, id FROM tags UNION "
             "SELECT 'item', item_id, 'aircraft:' || ref, id FROM photo_aircraft")


def all_tags(case: Case) -> list[TagCount]:
    """Every tag (a photo's aircraft tags too) with how many things carry it."""
    return case.select(TagCount, f"SELECT tag, count(DISTINCT target_id) AS count FROM ({_ALL_TAGS}) "
                     "GROUP BY tag ORDER BY tag")


def tagged(case: Case, tag: str) -> list[TaggedTarget]:
    """(target_kind, target_id) of everything carrying a tag (a photo's aircraft tags too)."""
    return case.select(TaggedTarget, f"SELECT target_kind, target_id FROM ({_ALL_TAGS}) WHERE tag = ? "
                     "GROUP BY target_id ORDER BY min(id)", [normalise_tag(tag)])


def aircraft_tags(case: Case, item_id: str) -> list[str]:
    """The aircraft refs tagged on an item ('aircraft:RA-82010' gives 'RA-82010')."""
    return [t.split(":", 1)[1] for t in tags(case, item_id) if t.startswith("aircraft:")]
